// Room meshes of WebXR mesh detection. MeshTracker (always in the canvas)
// copies XRFrame.detectedMeshes into meshStore when they change and answers
// GET_WEBXR_MESH with `{meshes: [{vertices, indices, matrix, semanticLabel}]}`
// — an empty list when no XR session detects meshes, so Python never waits.
// `WebXRMesh` draws them as translucent surfaces and, with `autoUpdate`, sends
// `WEBXR_MESH_UPDATE` `{meshes}` each time the set changes. Outside an XR
// session the per-frame work is one check.
import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, type ReactNode } from "react";
import * as THREE from "three";
import { createStore, useStore } from "zustand";
import { sendEvent } from "../events";
import type { TypedNodeProps } from "../registry";
import { type DetectedMesh, CLIENT_ETYPES, SERVER_ETYPES } from "../generated/protocol";
import { registerRpc } from "../rpc";
import { bool, defaultOf, num } from "../core/props";


/** The meshes of the last XR frame that had them; `version` counts changes. */
export const meshStore = createStore<{ meshes: readonly DetectedMesh[]; version: number }>(() => ({
  meshes: [],
  version: 0,
}));

const IDENTITY = new THREE.Matrix4().toArray();

/** WebXR mesh detection (not in the DOM typings yet). */
export interface XRMeshLike {
  meshSpace: XRSpace;
  vertices: Float32Array;
  indices: Uint32Array;
  lastChangedTime: number;
  semanticLabel?: string;
}
export interface MeshFrame {
  detectedMeshes?: { forEach(fn: (mesh: XRMeshLike) => void): void; size: number };
}

function sameMatrix(a: readonly number[], b: ArrayLike<number>): boolean {
  for (let i = 0; i < 16; i++) if (Math.abs(a[i] - b[i]) > 1e-6) return false;
  return true;
}

/** What a frame's meshes become: unchanged ones reused, the rest copied. */
export interface MeshScan {
  meshes: DetectedMesh[];
  /** Whether anything differs from the last scan. */
  dirty: boolean;
}

/** A mesh copied from an XRMesh, with the lastChangedTime it was copied at. */
export interface KnownMesh {
  time: number;
  copy: DetectedMesh;
}

/**
 * Copy the detected meshes of one frame. `known` maps each XRMesh to its last
 * copy (updated here); a mesh whose time and pose are as before keeps that
 * copy, so a still room costs no copying.
 */
export function scanMeshes(
  detected: NonNullable<MeshFrame["detectedMeshes"]>,
  poseOf: (space: XRSpace) => ArrayLike<number> | null,
  known: Map<XRMeshLike, KnownMesh>,
): MeshScan {
  let dirty = detected.size !== known.size;
  const meshes: DetectedMesh[] = [];
  const seen = new Set<XRMeshLike>();
  detected.forEach((mesh) => {
    seen.add(mesh);
    const matrix = poseOf(mesh.meshSpace) ?? IDENTITY;
    const old = known.get(mesh);
    if (old && old.time === mesh.lastChangedTime && sameMatrix(old.copy.matrix, matrix)) {
      meshes.push(old.copy);
      return;
    }
    dirty = true;
    const copy: DetectedMesh = {
      vertices: Array.from(mesh.vertices),
      indices: Array.from(mesh.indices),
      matrix: Array.from(matrix),
      ...(mesh.semanticLabel ? { semanticLabel: mesh.semanticLabel } : {}),
    };
    known.set(mesh, { time: mesh.lastChangedTime, copy });
    meshes.push(copy);
  });
  for (const mesh of known.keys()) {
    if (seen.has(mesh)) continue;
    known.delete(mesh);
    dirty = true;
  }
  return { meshes, dirty };
}

/** Keeps meshStore in step with the XR frames and answers GET_WEBXR_MESH. */
export function MeshTracker(): null {
  useEffect(() => registerRpc(SERVER_ETYPES.GET_WEBXR_MESH, async () => ({ meshes: [...meshStore.getState().meshes] })), []);
  useEffect(
    () => () => meshStore.setState((s) => (s.meshes.length > 0 ? { meshes: [], version: s.version + 1 } : s)),
    [],
  );
  const known = useMemo(() => new Map<XRMeshLike, KnownMesh>(), []);
  useFrame((state, _delta, frame?: XRFrame) => {
    if (!frame) {
      if (known.size > 0) {
        known.clear();
        meshStore.setState((s) => ({ meshes: [], version: s.version + 1 }));
      }
      return;
    }
    const detected = (frame as XRFrame & MeshFrame).detectedMeshes;
    const space = state.gl.xr.getReferenceSpace();
    if (!detected || !space) return;
    const poseOf = (meshSpace: XRSpace) => frame.getPose(meshSpace, space)?.transform.matrix ?? null;
    const { meshes, dirty } = scanMeshes(detected, poseOf, known);
    if (dirty) meshStore.setState((s) => ({ meshes, version: s.version + 1 }));
  });
  return null;
}

function meshObject(mesh: DetectedMesh, material: THREE.Material): THREE.Mesh {
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute("position", new THREE.Float32BufferAttribute(mesh.vertices, 3));
  geometry.setIndex(mesh.indices);
  geometry.computeVertexNormals();
  const object = new THREE.Mesh(geometry, material);
  object.matrixAutoUpdate = false;
  object.matrix.fromArray(mesh.matrix);
  return object;
}

export function WebXRMeshNode({ node }: TypedNodeProps<"WebXRMesh">): ReactNode {
  const meshes = useStore(meshStore, (s) => s.meshes);
  const version = useStore(meshStore, (s) => s.version);
  const color = typeof node.color === "string" ? node.color : "#40a0ff";
  const opacity = Math.min(1, Math.max(0, num(node.opacity, defaultOf(node, "opacity"))));
  const autoUpdate = bool(node.autoUpdate, defaultOf(node, "autoUpdate"));
  const material = useMemo(
    () => new THREE.MeshBasicMaterial({ color, opacity, transparent: true, side: THREE.DoubleSide, depthWrite: false }),
    [color, opacity],
  );
  useEffect(() => () => material.dispose(), [material]);
  const group = useMemo(() => {
    const g = new THREE.Group();
    for (const mesh of meshes) g.add(meshObject(mesh, material));
    return g;
  }, [meshes, material]);
  useEffect(
    () => () => group.children.forEach((child) => (child as THREE.Mesh).geometry.dispose()),
    [group],
  );
  useEffect(() => {
    if (autoUpdate && version > 0) sendEvent(CLIENT_ETYPES.WEBXR_MESH_UPDATE, { meshes: [...meshes] }, node.key);
  }, [autoUpdate, version, meshes, node.key]);
  return <primitive object={group} />;
}
