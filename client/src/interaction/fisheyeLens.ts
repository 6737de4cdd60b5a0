// The fisheye lens the canvas shows while a FisheyeCamera is the default view.
// Everything that means "the main view" goes through it, so what a user sees,
// what they click and what GRAB_RENDER returns agree: pointer rays follow the
// equidistant projection (lensEvents), and main-view grabs render the same
// fisheye picture (GrabRenderRpc).
import { events as pointerEvents, type RootState } from "@react-three/fiber";
import * as THREE from "three";
import type { CameraPose } from "../generated/protocol";
import { cameraPayload } from "./cameraPayload";

export interface Lens {
  /** The lens' pose holder (its world matrix is the view's pose). */
  pose: THREE.Object3D;
  /** Half of the field of view across the short side, radians. */
  halfFov: number;
  near: number;
  far: number;
  /** A scene + camera that draw the lens picture at width × height (cube map refreshed). */
  prepare(gl: THREE.WebGLRenderer, width: number, height: number): { scene: THREE.Scene; camera: THREE.Camera };
}

let active: Lens | null = null;

/** Make `lens` the main view's lens; returns the function that unsets it. */
export function setLens(lens: Lens): () => void {
  active = lens;
  return () => {
    if (active === lens) active = null;
  };
}

export function activeLens(): Lens | null {
  return active;
}

/**
 * The world-space ray through normalized device point (x, y) of a
 * `width` × `height` view, or null outside the lens' image circle. The inverse
 * of the fisheye shader: radius 1 on the short side is `halfFov` off the axis.
 */
export function lensRay(lens: Lens, x: number, y: number, width: number, height: number): THREE.Ray | null {
  const short = Math.min(width, height);
  const px = (x * width) / short;
  const py = (y * height) / short;
  const r = Math.hypot(px, py);
  if (r > 1) return null;
  const theta = r * lens.halfFov;
  const [ax, ay] = r > 0 ? [px / r, py / r] : [0, 0];
  lens.pose.updateWorldMatrix(true, false);
  const direction = new THREE.Vector3(Math.sin(theta) * ax, Math.sin(theta) * ay, -Math.cos(theta))
    .transformDirection(lens.pose.matrixWorld);
  const origin = new THREE.Vector3().setFromMatrixPosition(lens.pose.matrixWorld);
  return new THREE.Ray(origin, direction);
}

/** The `camera` value of a main-view grab through the lens. */
export function lensPayload(lens: Lens, width: number, height: number): CameraPose & { model: string } {
  const probe = new THREE.PerspectiveCamera(
    (2 * lens.halfFov * 180) / Math.PI,
    width / Math.max(1, height),
    lens.near,
    lens.far,
  );
  lens.pose.updateWorldMatrix(true, false);
  lens.pose.matrixWorld.decompose(probe.position, probe.quaternion, probe.scale);
  // fov is across the short side, equidistant: pixel radius ∝ angle off the axis
  return { ...cameraPayload(probe, width, height), ctype: "FisheyeCamera", model: "equidistant" };
}

/** R3F's DOM pointer events, with rays cast through the lens while one is active. */
export function lensEvents(store: Parameters<typeof pointerEvents>[0]): ReturnType<typeof pointerEvents> {
  const base = pointerEvents(store);
  const compute: NonNullable<typeof base.compute> = (event, state: RootState, previous) => {
    base.compute?.(event, state, previous);
    const lens = active;
    if (!lens) {
      if (state.raycaster.far === 0) state.raycaster.far = Infinity;
      return;
    }
    const ray = lensRay(lens, state.pointer.x, state.pointer.y, state.size.width, state.size.height);
    if (ray) {
      state.raycaster.ray.copy(ray);
      state.raycaster.far = Infinity;
    } else {
      state.raycaster.far = 0; // outside the picture: nothing is under the pointer
    }
  };
  return { ...base, compute };
}
