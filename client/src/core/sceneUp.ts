// The scene's up vector (Scene `up`, default +Y), shared by the camera setup
// and every camera control (OrbitControls derive their frame from camera.up
// when they are created, so they are re-created when it changes).
import { useThree } from "@react-three/fiber";
import { useMemo } from "react";
import { Object3D, Vector3 } from "three";
import { useScene } from "../store";
import { toVector3 } from "./transform";

const Y_UP = new Vector3(0, 1, 0);

export function upOf(value: unknown): Vector3 {
  const up = toVector3(value);
  return up && up.lengthSq() > 0 ? up.normalize() : Y_UP.clone();
}

/** The up vector as a stable string "x,y,z" (usable as a React key). */
export function useSceneUpKey(): string {
  return useScene((s) => {
    const root = s.rootKey === null ? undefined : s.graph.nodes.get(s.rootKey);
    return upOf(root?.node.up).toArray().join(",");
  });
}

export function parseUpKey(key: string): Vector3 {
  const [x, y, z] = key.split(",").map(Number);
  return new Vector3(x, y, z);
}

/**
 * The up key, with the active camera's `up` (and Object3D.DEFAULT_UP) already
 * set to it. Controls call this while rendering: they read camera.up when they
 * are constructed, which happens before any effect could set it.
 */
export function useCameraUp(): string {
  const upKey = useSceneUpKey();
  const camera = useThree((s) => s.camera);
  useMemo(() => {
    const up = parseUpKey(upKey);
    Object3D.DEFAULT_UP.copy(up);
    camera.up.copy(up);
  }, [upKey, camera]);
  return `${upKey}|${camera.uuid}`;
}
