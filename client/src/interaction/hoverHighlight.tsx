// A subtle outline on the clickable object under the pointer (the scene's
// `children`, whose clicks reach Python as ON_CLICK): an inverted hull, the
// object's own geometry drawn back-faces-only a few pixels larger behind it,
// so only a rim shows around its silhouette. Stronger while the button is down.
// Lines and points keep their look; the pointer becomes a hand over any hit.
import { useFrame, useThree, type ThreeEvent } from "@react-three/fiber";
import { useEffect, useMemo, useRef, type ReactNode } from "react";
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

function isOutlinable(object: THREE.Object3D): object is THREE.Mesh {
  return (
    object instanceof THREE.Mesh &&
    !(object instanceof THREE.InstancedMesh) &&
    !(object instanceof THREE.SkinnedMesh) &&
    object.geometry instanceof THREE.BufferGeometry
  );
}

function setCursor(event: ThreeEvent<PointerEvent>, hovering: boolean): void {
  const canvas = event.nativeEvent.target;
  if (canvas instanceof HTMLElement) canvas.style.cursor = hovering ? "pointer" : "";
}

/** Pointer handlers for the group whose objects are clickable. */
export function useHoverHandlers(): {
  onPointerMove: (event: ThreeEvent<PointerEvent>) => void;
  onPointerOut: (event: ThreeEvent<PointerEvent>) => void;
  onPointerDown: (event: ThreeEvent<PointerEvent>) => void;
  onPointerUp: (event: ThreeEvent<PointerEvent>) => void;
} {
  return useMemo(
    () => ({
      onPointerMove(event) {
        event.stopPropagation(); // the nearest hit only
        const target = isOutlinable(event.object) ? event.object : null;
        if (hoverStore.getState().target !== target) hoverStore.setState({ target });
        setCursor(event, true);
      },
      onPointerOut(event) {
        if (hoverStore.getState().target === event.object) hoverStore.setState({ target: null, pressed: false });
        setCursor(event, false);
      },
      onPointerDown() {
        hoverStore.setState({ pressed: true });
      },
      onPointerUp() {
        hoverStore.setState({ pressed: false });
      },
    }),
    [],
  );
}

const center = new THREE.Vector3();
const worldCenter = new THREE.Vector3();
const toCenter = new THREE.Matrix4();
const scaling = new THREE.Matrix4();
const fromCenter = new THREE.Matrix4();
const worldScale = new THREE.Vector3();

/** Draws the rim around the hovered object; place it outside the clickable group. */
export function HoverOutline(): ReactNode {
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
