// CameraViews by key, so GRAB_RENDER can find the view a request names and the
// preview thumbnails can list and draw them.
import { createStore, useStore } from "zustand";
import type { RenderedFrame } from "../generated/protocol";

export type ViewGrab = (data: Record<string, unknown>) => Promise<RenderedFrame>;

/** A view's picture at a given size: top-down RGBA rows. */
export type ViewSnapshot = (width: number, height: number) => Uint8ClampedArray<ArrayBuffer>;

export interface ViewSource {
  grab: ViewGrab;
  snapshot?: ViewSnapshot;
  /** width / height of the view's picture. */
  aspect?: number;
}

const views = new Map<string, ViewSource>();

/** The keys of the registered views, in registration order (for the previews). */
export const viewKeys = createStore<{ keys: readonly string[] }>(() => ({ keys: [] }));

function publish(): void {
  viewKeys.setState({ keys: [...views.keys()] });
}

/** Register a view under its key; returns the unregister function. */
export function registerView(key: string, grab: ViewGrab | ViewSource): () => void {
  const source: ViewSource = typeof grab === "function" ? { grab } : grab;
  views.set(key, source);
  publish();
  return () => {
    if (views.get(key) !== source) return;
    views.delete(key);
    publish();
  };
}

export function findView(key: string): ViewGrab | undefined {
  return views.get(key)?.grab;
}

export function viewSource(key: string): ViewSource | undefined {
  return views.get(key);
}

export function useViewKeys(): readonly string[] {
  return useStore(viewKeys, (s) => s.keys);
}

/** The key a GRAB_RENDER asks for: top-level `key` (the public event), else `data.key`. */
export function requestedKey(message: { key?: unknown; data?: unknown }): string | undefined {
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
