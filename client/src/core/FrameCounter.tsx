// Counts rendered frames into stats.frames and the draw calls of the latest
// frame (every render pass in it: main view, HUDs, views) into stats.drawCalls
// (read by tests, benches and the ?stats=true overlay).
import { addAfterEffect, useFrame, useThree } from "@react-three/fiber";
import { useEffect } from "react";
import { stats } from "../store";

export function FrameCounter(): null {
  const gl = useThree((s) => s.gl);
  useFrame(() => {
    stats.frames++;
  });
  useEffect(() => {
    // Summed over the frame's passes, reset after each frame (not each render call).
    gl.info.autoReset = false;
    gl.info.reset();
    const stop = addAfterEffect(() => {
      stats.drawCalls = gl.info.render.calls;
      stats.triangles = gl.info.render.triangles;
      gl.info.reset();
    });
    return () => {
      stop();
      gl.info.autoReset = true;
    };
  }, [gl]);
  return null;
}
