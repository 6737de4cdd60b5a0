// `ViewportHud`: a picture-in-picture rectangle over the main view that shows
// only this node's children, seen from the main camera's pose (with the
// rectangle's aspect). The children live in their own scene (an R3F portal),
// drawn after the main view at priority 1 + renderPriority; the rectangle is
// cleared first so it reads as a separate view.
import { createPortal, useFrame, useThree } from "@react-three/fiber";
import { useEffect, useId, useMemo, type ReactNode } from "react";
import * as THREE from "three";
import type { TypedNodeProps } from "../registry";
import { activeLens } from "./fisheyeLens";
import { defaultOf, num } from "../core/props";

/** A length prop: pixels, or "NN%" of `whole`; undefined when absent or malformed. */
export function cssLength(value: unknown, whole: number): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") {
    const match = /^\s*(-?\d+(?:\.\d+)?)\s*(%|px)?\s*$/.exec(value);
    if (match) return match[2] === "%" ? (Number(match[1]) / 100) * whole : Number(match[1]);
  }
  return undefined;
}

export interface Rect {
  x: number;
  /** From the bottom edge, as WebGL viewports count. */
  y: number;
  width: number;
  height: number;
}

/** The HUD's rectangle in a `width` × `height` canvas (default: a quarter, top right, 12 px in). */
export function hudRect(node: Record<string, unknown>, width: number, height: number): Rect {
  const w = Math.max(1, cssLength(node.width, width) ?? width / 4);
  const h = Math.max(1, cssLength(node.height, height) ?? height / 4);
  const left = cssLength(node.left, width);
  const right = cssLength(node.right, width);
  const top = cssLength(node.top, height);
  const bottom = cssLength(node.bottom, height);
  const x = left ?? (right !== undefined ? width - right - w : width - 12 - w);
  const fromTop = top ?? (bottom !== undefined ? height - bottom - h : 12);
  return { x, y: height - fromTop - h, width: w, height: h };
}

// Any positive-priority frame callback stops R3F's own render of the main view,
// so while HUDs exist the first of them draws it (unless a fisheye lens does).
const owners: string[] = [];

export function ViewportHudNode({ node, children }: TypedNodeProps<"ViewportHud">): ReactNode {
  const id = useId();
  const hudScene = useMemo(() => {
    const scene = new THREE.Scene();
    scene.add(new THREE.HemisphereLight(0xffffff, 0x444444, 2)); // the HUD has no stage of its own
    return scene;
  }, []);
  const hudCamera = useMemo(() => new THREE.PerspectiveCamera(), []);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    owners.push(id);
    invalidate();
    return () => {
      owners.splice(owners.indexOf(id), 1);
      invalidate();
    };
  }, [id, invalidate]);

  useFrame(({ gl, scene, camera }) => {
    if (owners[0] === id && !activeLens()) gl.render(scene, camera);
  }, 1);

  const priority = 1 + Math.min(10, Math.max(1, Math.round(num(node.renderPriority, defaultOf(node, "renderPriority")))));
  useFrame(({ gl, camera, size }) => {
    if (gl.xr.isPresenting) return; // a headset has no screen rectangle to draw into
    const rect = hudRect(node, size.width, size.height);
    let view: THREE.Camera = camera;
    if ((camera as THREE.PerspectiveCamera).isPerspectiveCamera) {
      hudCamera.copy(camera as THREE.PerspectiveCamera, false);
      camera.matrixWorld.decompose(hudCamera.position, hudCamera.quaternion, hudCamera.scale);
      hudCamera.aspect = rect.width / rect.height;
      hudCamera.updateProjectionMatrix();
      view = hudCamera;
    }
    const autoClear = gl.autoClear;
    gl.autoClear = false;
    gl.setScissorTest(true);
    gl.setScissor(rect.x, rect.y, rect.width, rect.height);
    gl.setViewport(rect.x, rect.y, rect.width, rect.height);
    gl.clear(true, true, false);
    gl.render(hudScene, view);
    gl.setScissorTest(false);
    gl.setViewport(0, 0, size.width, size.height);
    gl.autoClear = autoClear;
  }, priority);

  return <>{createPortal(children, hudScene)}</>;
}
