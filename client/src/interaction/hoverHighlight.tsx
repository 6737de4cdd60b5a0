// A subtle outline on the clickable object under the pointer (the scene's
// `children`, whose clicks reach Python as ON_CLICK): an inverted hull, the
// object's own geometry drawn back-faces-only a few pixels larger behind it,
// so only a rim shows around its silhouette. Stronger while the button is down.
// Lines and points keep their look; the pointer becomes a hand over any hit.
// The hover check is our own throttled raycast, not R3F pointer handlers, which
// would raycast the whole scene on every pointer move.
import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useMemo, useRef, type ReactNode, type RefObject } from "react";
import * as THREE from "three";
import { createStore, useStore } from "zustand";
import { worldPerPixel } from "./linePicking";

/** Rim width in CSS pixels. */
const RIM_PX = 3;
const RIM_COLOR = "#1e88e5";
const HOVER_OPACITY = 0.55;
const PRESSED_OPACITY = 0.95;

interface HoverState {
  target: THREE.Mesh | null;
  pressed: boolean;
}

export const hoverStore = createStore<HoverState>(() => ({ target: null, pressed: false }));

/** Hover is checked at most this often: raycasting a large mesh on every
 * pointer move would cost more than the outline is worth. */
const HOVER_CHECK_MS = 60;

function isOutlinable(object: THREE.Object3D): object is THREE.Mesh {
  return (
    object instanceof THREE.Mesh &&
    !(object instanceof THREE.InstancedMesh) &&
    !(object instanceof THREE.SkinnedMesh) &&
    object.geometry instanceof THREE.BufferGeometry
  );
}

/** Follows the pointer over the canvas and keeps `hoverStore` on the nearest
 * object of `group` under it (none while a button is held: that is a drag). */
function useHoverTracking(group: RefObject<THREE.Object3D | null>): void {
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);
  useEffect(() => {
    const canvas = gl.domElement;
    const raycaster = new THREE.Raycaster();
    const ndc = new THREE.Vector2();
    let last: PointerEvent | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = (): void => {
      timer = null;
      const root = group.current;
      if (!last || !root) return;
      const rect = canvas.getBoundingClientRect();
      ndc.set(((last.clientX - rect.left) / rect.width) * 2 - 1, -((last.clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, get().camera);
      const hit = raycaster.intersectObject(root, true)[0];
      const target = hit && isOutlinable(hit.object) ? hit.object : null;
      if (hoverStore.getState().target !== target) hoverStore.setState({ target });
      canvas.style.cursor = hit ? "pointer" : "";
    };
    const onMove = (event: PointerEvent): void => {
      if (event.buttons !== 0) return;
      last = event;
      timer ??= setTimeout(check, HOVER_CHECK_MS);
    };
    const onLeave = (): void => {
      last = null;
      hoverStore.setState({ target: null, pressed: false });
      canvas.style.cursor = "";
    };
    const onDown = (): void => {
      if (hoverStore.getState().target) hoverStore.setState({ pressed: true });
    };
    const onUp = (): void => {
      if (hoverStore.getState().pressed) hoverStore.setState({ pressed: false });
    };
    canvas.addEventListener("pointermove", onMove);
    canvas.addEventListener("pointerleave", onLeave);
    canvas.addEventListener("pointerdown", onDown);
    window.addEventListener("pointerup", onUp);
    return () => {
      if (timer) clearTimeout(timer);
      canvas.removeEventListener("pointermove", onMove);
      canvas.removeEventListener("pointerleave", onLeave);
      canvas.removeEventListener("pointerdown", onDown);
      window.removeEventListener("pointerup", onUp);
    };
  }, [gl, get, group]);
}

const center = new THREE.Vector3();
const worldCenter = new THREE.Vector3();
const toCenter = new THREE.Matrix4();
const scaling = new THREE.Matrix4();
const fromCenter = new THREE.Matrix4();
const worldScale = new THREE.Vector3();

/** Draws the rim around the hovered object of `group`; place it outside that group. */
export function HoverOutline({ group }: { group: RefObject<THREE.Object3D | null> }): ReactNode {
  useHoverTracking(group);
  const target = useStore(hoverStore, (s) => s.target);
  const pressed = useStore(hoverStore, (s) => s.pressed);
  const invalidate = useThree((s) => s.invalidate);
  const shell = useRef<THREE.Mesh>(null);
  const material = useMemo(
    () =>
      new THREE.MeshBasicMaterial({
        color: RIM_COLOR,
        side: THREE.BackSide,
        transparent: true,
        depthWrite: false,
        toneMapped: false,
      }),
    [],
  );
  useEffect(() => () => material.dispose(), [material]);
  useEffect(() => {
    material.opacity = pressed ? PRESSED_OPACITY : HOVER_OPACITY;
    invalidate();
  }, [material, pressed, target, invalidate]);

  useFrame(({ camera, size }) => {
    const mesh = shell.current;
    if (!mesh || !target) return;
    const geometry = target.geometry;
    if (geometry.boundingSphere === null) geometry.computeBoundingSphere();
    const bounds = geometry.boundingSphere!;
    target.updateWorldMatrix(true, false);
    center.copy(bounds.center);
    worldCenter.copy(center).applyMatrix4(target.matrixWorld);
    worldScale.setFromMatrixScale(target.matrixWorld);
    const radius = bounds.radius * Math.max(worldScale.x, worldScale.y, worldScale.z);
    const depth = Math.max(camera.position.distanceTo(worldCenter), 1e-3);
    const perPixel = worldPerPixel(camera, depth, size.height) ?? radius * 0.01;
    const grow = 1 + Math.min(0.5, Math.max(0.01, (RIM_PX * perPixel) / Math.max(radius, 1e-6)));
    // world = target.matrixWorld · T(c) · S(grow) · T(-c): grown about its own centre.
    toCenter.makeTranslation(center.x, center.y, center.z);
    scaling.makeScale(grow, grow, grow);
    fromCenter.makeTranslation(-center.x, -center.y, -center.z);
    mesh.matrix.copy(target.matrixWorld).multiply(toCenter).multiply(scaling).multiply(fromCenter);
    mesh.matrixWorld.copy(mesh.matrix);
    mesh.visible = target.visible;
  });

  if (!target || !target.parent) return null;
  return (
    <mesh
      ref={shell}
      name="vuer-hover-outline"
      geometry={target.geometry}
      material={material}
      matrixAutoUpdate={false}
      matrixWorldAutoUpdate={false}
      raycast={() => null}
      renderOrder={-1}
    />
  );
}
