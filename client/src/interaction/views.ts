// CameraViews by key, so GRAB_RENDER can find the view a request names.
import type { ServerMessage } from "../types";

export type ViewGrab = (data: Record<string, unknown>) => Promise<Record<string, unknown>>;

const views = new Map<string, ViewGrab>();

/** Register a view's grab function under its key; returns the unregister function. */
export function registerView(key: string, grab: ViewGrab): () => void {
  views.set(key, grab);
  return () => {
    if (views.get(key) === grab) views.delete(key);
  };
}

export function findView(key: string): ViewGrab | undefined {
  return views.get(key);
}

/** The key a GRAB_RENDER asks for: top-level `key` (the public event), else `data.key`. */
export function requestedKey(message: ServerMessage): string | undefined {
  const data = (message.data ?? {}) as Record<string, unknown>;
  const key = message.key ?? data.key;
  return typeof key === "string" ? key : undefined;
}

/** Resolves at the next animation frame (or after 100 ms in a hidden tab). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
