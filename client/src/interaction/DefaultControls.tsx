// OrbitControls on the built-in camera while the scene brings no controls of
// its own, so a plain `Scene(Box())` can be looked around.
import { OrbitControls } from "@react-three/drei";
import type { ReactNode } from "react";
import { useCameraUp } from "../core/sceneUp";
import { useControlsClaimed } from "./controlsClaim";

export function DefaultControls(): ReactNode {
  const claimed = useControlsClaimed();
  const upKey = useCameraUp();
  if (claimed) return null;
  return <OrbitControls key={upKey} makeDefault />;
}
