// Counts rendered frames into stats.frames (read by tests and benches).
import { useFrame } from "@react-three/fiber";
import { stats } from "../store";

export function FrameCounter(): null {
  useFrame(() => {
    stats.frames++;
  });
  return null;
}
