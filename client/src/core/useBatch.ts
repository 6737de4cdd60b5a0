// The React side of automatic instancing (core/instancing.ts): a primitive
// joins its group while mounted and learns whether the group draws batched,
// in which case it renders its mesh with the hidden material.
import { useThree } from "@react-three/fiber";
import { type RefObject, useCallback, useLayoutEffect, useRef, useSyncExternalStore } from "react";
import type * as THREE from "three";
import { type BatchSpec, isBatched, join, leave, type Member, onBatchedChange, restyle } from "./instancing";

/** Join `spec`'s group while mounted; true while the group is drawn as one InstancedMesh. */
export function useBatch(spec: BatchSpec | null, mesh: RefObject<THREE.Mesh | null>, own: THREE.Material): boolean {
  const key = spec?.key ?? null;
  const scene = useThree((s) => s.scene);
  const subscribe = useCallback((fn: () => void) => onBatchedChange(key, fn), [key]);
  const batched = useSyncExternalStore(subscribe, () => isBatched(key));
  const latest = useRef({ spec, own });
  latest.current = { spec, own };
  const member = useRef<Member | null>(null);
  useLayoutEffect(() => {
    const object = mesh.current;
    const { spec: current, own: material } = latest.current;
    if (!object || !current) return;
    const joined = join(scene, current, object, material);
    member.current = joined;
    return () => {
      leave(joined);
      member.current = null;
    };
  }, [key, scene, mesh]);
  useLayoutEffect(() => {
    if (member.current) restyle(member.current, own);
  }, [own]);
  return batched && spec !== null;
}
