// On-demand drawing. The canvas runs R3F's "demand" frame loop: a frame is drawn
// only when something asks. React prop changes on three objects ask by
// themselves (R3F's reconciler); this file covers the rest: every scene-store
// change, and things that move on their own (animations, video, streams), which
// ask for frames only while they run.
import { invalidate, useFrame } from "@react-three/fiber";
import { useEffect, useRef } from "react";
import { sceneStore } from "../store";

/** Ask for a frame now (no-op before the canvas exists or during XR, which has its own loop). */
export function requestFrame(): void {
  invalidate();
}

/**
 * Redraw after every scene-store change. Two frames: the store notifies before
 * React commits the change, and the commit may land after the first frame.
 */
export function useInvalidateOnStore(): void {
  useEffect(() => sceneStore.subscribe(() => invalidate(undefined, 2)), []);
}

/**
 * Keep frames coming while `running()` is true (checked every frame it draws).
 * Call `requestFrame()` when it becomes true again later (a video that starts).
 */
export function useFramesWhile(running: () => boolean): void {
  const check = useRef(running);
  check.current = running;
  useEffect(() => {
    if (check.current()) invalidate();
  });
  useFrame(() => {
    if (check.current()) invalidate();
  });
}

/**
 * Draw once for each new frame of `video` (a live stream: frames come at the
 * sender's pace, and none while it stalls). Returns the function that stops it.
 */
export function invalidateOnVideoFrames(video: HTMLVideoElement): () => void {
  let stopped = false;
  let id = 0;
  const next = (): void => {
    if (stopped) return;
    invalidate();
    id = video.requestVideoFrameCallback(next);
  };
  id = video.requestVideoFrameCallback(next);
  return () => {
    stopped = true;
    video.cancelVideoFrameCallback(id);
  };
}
