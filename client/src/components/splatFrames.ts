// Frames for drei's Splat under the demand frame loop. Splat sorts its points
// in a worker: each frame posts a sort, and the answer lands in the mesh's
// `splatIndex` attribute with no frame to show it. A 4 Hz check draws once more
// when a new answer has come, while the points are still loading or the view
// has just changed; a still view with all points loaded stops after two
// redundant sorts, so the page rests.
import { invalidate, useFrame } from "@react-three/fiber";
import { type RefObject, useEffect, useRef } from "react";
import type * as THREE from "three";

const POLL_MS = 250;
const LOAD_WAIT_MS = 120_000; // a file that never loads stops asking after this

function indexVersion(geometry: THREE.BufferGeometry): number {
  const attribute = geometry.getAttribute("splatIndex") as THREE.BufferAttribute | undefined;
  return attribute?.version ?? -1;
}

function splatMesh(holder: THREE.Object3D | null): THREE.Mesh | null {
  const found = holder?.children.find((c) => (c as THREE.Mesh).isMesh);
  return (found as THREE.Mesh | undefined) ?? null;
}

export function useSplatFrames(holder: RefObject<THREE.Object3D | null>): void {
  const seen = useRef({ version: -1, count: -1, view: "", idleFrames: 0 });
  useFrame(({ camera }) => {
    const mesh = splatMesh(holder.current);
    if (!mesh) return;
    const geometry = mesh.geometry as THREE.InstancedBufferGeometry;
    const view = camera.matrixWorldInverse.elements.join(",") + mesh.matrixWorld.elements.join(",");
    const s = seen.current;
    const still = view === s.view && geometry.instanceCount === s.count;
    s.idleFrames = still ? s.idleFrames + 1 : 0;
    s.view = view;
    s.count = geometry.instanceCount;
    s.version = indexVersion(geometry);
  });
  useEffect(() => {
    const started = performance.now();
    const timer = window.setInterval(() => {
      const mesh = splatMesh(holder.current);
      const geometry = mesh?.geometry as THREE.InstancedBufferGeometry | undefined;
      const s = seen.current;
      if (!geometry || geometry.instanceCount <= 1) {
        if (performance.now() - started < LOAD_WAIT_MS) invalidate(); // not sorted yet
        return;
      }
      if (indexVersion(geometry) !== s.version && s.idleFrames < 2) invalidate();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [holder]);
}
