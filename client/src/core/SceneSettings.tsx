// Applies the Scene node's own props to the renderer: up, background,
// toneMapping(+Exposure), frameloop, camPosition/camRotation.
import { useThree } from "@react-three/fiber";
import { useLayoutEffect } from "react";
import * as THREE from "three";
import type { SceneNode } from "../types";
import { parseUpKey, useSceneUpKey } from "./sceneUp";
import { toEuler, toVector3 } from "./transform";

const TONE_MAPPINGS: Record<string, THREE.ToneMapping> = {
  none: THREE.NoToneMapping,
  linear: THREE.LinearToneMapping,
  reinhard: THREE.ReinhardToneMapping,
  cineon: THREE.CineonToneMapping,
  acesfilmic: THREE.ACESFilmicToneMapping,
  agx: THREE.AgXToneMapping,
  neutral: THREE.NeutralToneMapping,
};

/** "ACESFilmic", "ACESFilmicToneMapping", "aces_filmic" or the three.js constant. */
export function toneMappingOf(value: unknown): THREE.ToneMapping | undefined {
  if (typeof value === "number") return value as THREE.ToneMapping;
  if (typeof value !== "string") return undefined;
  const name = value.toLowerCase().replace(/[_\s-]/g, "").replace(/tonemapping$/, "");
  return TONE_MAPPINGS[name];
}

/** Where the built-in camera starts (the public client's default camera). */
const DEFAULT_CAMERA_POSITION = new THREE.Vector3(0, 0, 5);

function colorOf(value: unknown): THREE.Color | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const color = new THREE.Color();
  try {
    color.set(value);
  } catch {
    return null;
  }
  return color;
}

export function SceneSettings({ node }: { node: SceneNode }): null {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  const setFrameloop = useThree((s) => s.setFrameloop);
  const invalidate = useThree((s) => s.invalidate);
  const upKey = useSceneUpKey();
  const { background, toneMapping, toneMappingExposure, frameloop, camPosition, camRotation } = node;

  useLayoutEffect(() => {
    const up = parseUpKey(upKey);
    THREE.Object3D.DEFAULT_UP.copy(up);
    camera.up.copy(up);
    invalidate();
  }, [upKey, camera, invalidate]);

  useLayoutEffect(() => {
    // Only a given colour is set on the scene; otherwise the renderer's clear
    // colour shows, and a SceneBackground component may own scene.background.
    const color = colorOf(background);
    if (background !== undefined && background !== null && !color)
      console.warn(`vuer: Scene background ${JSON.stringify(background)} is not a colour`);
    if (!color) return;
    scene.background = color;
    invalidate();
    return () => {
      if (scene.background === color) scene.background = null;
    };
  }, [background, scene, invalidate]);

  useLayoutEffect(() => {
    const mapping = toneMappingOf(toneMapping);
    // ACES filmic unless asked, as the public client: lit materials look the
    // same there and here. Measured data (images, point clouds) opt out per
    // material (toneMapped: false) and show as sent.
    gl.toneMapping = mapping ?? THREE.ACESFilmicToneMapping;
    gl.toneMappingExposure = typeof toneMappingExposure === "number" ? toneMappingExposure : 1;
    invalidate();
  }, [gl, toneMapping, toneMappingExposure, invalidate]);

  useLayoutEffect(() => {
    if (frameloop === "always" || frameloop === "demand" || frameloop === "never") setFrameloop(frameloop);
  }, [frameloop, setFrameloop]);

  // Keyed by value: a re-sent Scene with the same pose must not reset the view.
  const poseKey = JSON.stringify([camPosition ?? null, camRotation ?? null, upKey]);
  useLayoutEffect(() => {
    // The start pose of the built-in camera; a scene camera keeps its own.
    if (!camera.userData.vuerDefault) return;
    const [position0, rotation0] = JSON.parse(poseKey) as [unknown, unknown];
    const position = toVector3(position0);
    camera.position.copy(position ?? DEFAULT_CAMERA_POSITION);
    const rotation = toEuler(rotation0);
    if (rotation) camera.rotation.copy(rotation);
    else if (position) camera.lookAt(0, 0, 0);
    // Unturned at its default place, whatever the up: a z-up scene is seen from above.
    else camera.rotation.set(0, 0, 0);
    camera.updateMatrixWorld();
    invalidate();
  }, [poseKey, upKey, camera, invalidate]);

  return null;
}
