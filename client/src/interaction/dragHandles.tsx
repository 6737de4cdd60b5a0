// `Pivot` and `Movable`: things the user drags; each drag step sends
// `OBJECT_MOVE` with this node's key and `{matrix, matrixWorld, position,
// rotation, quaternion}` (matrices column-major, pose in world space), and the
// release sends `OBJECT_MOVE_END` with the last pose. Camera controls pause
// while a drag lasts.
import { PivotControls } from "@react-three/drei";
import { useThree, type ThreeEvent } from "@react-three/fiber";
import { useCallback, useMemo, useRef, type ReactNode } from "react";
import * as THREE from "three";
import { toVector3, useTransform, type Vec3 } from "../core/transform";
import { sendEvent } from "../events";
import type { TypedNodeProps } from "../registry";
import { bool, defaultOf, num } from "../core/props";
import { type MoveValue, CLIENT_ETYPES } from "../generated/protocol";

/** The OBJECT_MOVE value: the local matrix, and the world pose decomposed. */
export function movePayload(local: THREE.Matrix4, world: THREE.Matrix4): MoveValue {
  const position = new THREE.Vector3();
  const quaternion = new THREE.Quaternion();
  world.decompose(position, quaternion, new THREE.Vector3());
  const rotation = new THREE.Euler().setFromQuaternion(quaternion);
  return {
    matrix: local.toArray(),
    matrixWorld: world.toArray(),
    position: position.toArray(),
    rotation: [rotation.x, rotation.y, rotation.z],
    quaternion: quaternion.toArray(),
  };
}

function vec3(value: unknown): Vec3 | undefined {
  const v = toVector3(value);
  return v ? [v.x, v.y, v.z] : undefined;
}

/** A three.js-style controls object (OrbitControls and friends). */
type Pausable = { enabled: boolean } | null;

export function PivotNode({ node, children }: TypedNodeProps<"Pivot">): ReactNode {
  // `scale` is the gizmo's size here, not a scale of the children.
  const transform = useTransform(useMemo(() => ({ ...node, scale: undefined }), [node]));
  const last = useRef<MoveValue | null>(null);
  const key = node.key;
  const onDrag = useCallback(
    (local: THREE.Matrix4, _dl: THREE.Matrix4, world: THREE.Matrix4) => {
      last.current = movePayload(local, world);
      sendEvent(CLIENT_ETYPES.OBJECT_MOVE, last.current, key);
    },
    [key],
  );
  const onDragEnd = useCallback(() => sendEvent(CLIENT_ETYPES.OBJECT_MOVE_END, last.current ?? {}, key), [key]);
  return (
    <group {...transform}>
      <PivotControls
        anchor={vec3(node.anchor)}
        offset={vec3(node.offset)}
        // The public client's gizmo is small beside the object it moves.
        scale={Math.max(1e-3, num(node.scale, defaultOf(node, "scale")))}
        disableRotations={bool(node.disableRotations, defaultOf(node, "disableRotations"))}
        disableAxes={bool(node.disableAxes, defaultOf(node, "disableAxes"))}
        depthTest={false}
        onDrag={onDrag}
        onDragEnd={onDragEnd}
      >
        {children}
      </PivotControls>
    </group>
  );
}

interface Grab {
  plane: THREE.Plane;
  /** From the hit point to the group's origin, world space. */
  offset: THREE.Vector3;
  pointerId: number;
}

export function MovableNode({ node, children }: TypedNodeProps<"Movable">): ReactNode {
  const transform = useTransform(node);
  const group = useRef<THREE.Group>(null);
  const grab = useRef<Grab | null>(null);
  const last = useRef<MoveValue | null>(null);
  const controls = useThree((s) => s.controls) as unknown as Pausable;
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const key = node.key;
  const size = toVector3(node.handle, true) ?? new THREE.Vector3(0.1, 0.1, 0.1);
  const offset = vec3(node.offset) ?? [0, 0, 0];
  const wireframe = bool(node.wireframe, defaultOf(node, "wireframe"));

  const onPointerDown = useCallback(
    (event: ThreeEvent<PointerEvent>) => {
      const target = group.current;
      if (!target) return;
      event.stopPropagation();
      target.updateWorldMatrix(true, false);
      const origin = new THREE.Vector3().setFromMatrixPosition(target.matrixWorld);
      const normal = camera.getWorldDirection(new THREE.Vector3());
      const plane = new THREE.Plane().setFromNormalAndCoplanarPoint(normal, event.point);
      grab.current = { plane, offset: origin.sub(event.point), pointerId: event.pointerId };
      (event.target as Element | null)?.setPointerCapture?.(event.pointerId);
      if (controls) controls.enabled = false;
    },
    [camera, controls],
  );

  const onPointerMove = useCallback(
    (event: ThreeEvent<PointerEvent>) => {
      const held = grab.current;
      const target = group.current;
      if (!held || !target || event.pointerId !== held.pointerId) return;
      event.stopPropagation();
      const hit = event.ray.intersectPlane(held.plane, new THREE.Vector3());
      if (!hit) return;
      const world = hit.add(held.offset);
      target.position.copy(target.parent ? target.parent.worldToLocal(world) : world);
      target.updateMatrixWorld();
      last.current = movePayload(target.matrix, target.matrixWorld);
      sendEvent(CLIENT_ETYPES.OBJECT_MOVE, last.current, key);
      invalidate();
    },
    [key, invalidate],
  );

  const onPointerUp = useCallback(
    (event: ThreeEvent<PointerEvent>) => {
      const held = grab.current;
      if (!held || event.pointerId !== held.pointerId) return;
      event.stopPropagation();
      grab.current = null;
      (event.target as Element | null)?.releasePointerCapture?.(event.pointerId);
      if (controls) controls.enabled = true;
      sendEvent(CLIENT_ETYPES.OBJECT_MOVE_END, last.current ?? {}, key);
    },
    [controls, key],
  );

  return (
    <group ref={group} {...transform}>
      <mesh
        position={offset}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
      >
        <boxGeometry args={[size.x, size.y, size.z]} />
        {/* Grabbable but unseen (it would hide its child), unless drawn as a wireframe. */}
        <meshBasicMaterial color="#ffaa00" wireframe={wireframe} colorWrite={wireframe} depthWrite={wireframe} />
      </mesh>
      {bool(node.showFrame, defaultOf(node, "showFrame")) && <axesHelper args={[Math.max(size.x, size.y, size.z) * 1.5]} />}
      {children}
    </group>
  );
}
