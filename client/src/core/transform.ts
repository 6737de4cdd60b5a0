// Turns a wire node's placement props into R3F object props, so every
// component places itself the same way. Spread the result on the component's
// top-level object: `<mesh {...useTransform(node)}>`.
//
// `userData.vuerKey` marks the object as the node's: ON_CLICK walks up from
// the object under the pointer to the nearest marked ancestor.
import { useMemo } from "react";
import { Euler, Matrix4, Quaternion, Vector3 } from "three";
import type { SceneNode } from "../types";

export type Vec3 = [number, number, number];
export type Vec4 = [number, number, number, number];
export type EulerTuple = [number, number, number] | [number, number, number, Euler["order"]];

/**
 * Placement props in the forms R3F applies without allocating: lists go to
 * `.set(...list)`, a Vector3/Quaternion to `.copy()`.
 */
export interface TransformProps {
  position?: Vec3 | Vector3;
  rotation?: EulerTuple;
  quaternion?: Vec4 | Quaternion;
  scale?: Vec3 | Vector3 | number;
  visible: boolean;
  userData: { vuerKey: string };
}

function isNumberList(value: unknown, min: number): value is number[] {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return false;
  const list = value as ArrayLike<unknown>;
  if (list.length < min) return false;
  for (let i = 0; i < min; i++) if (typeof list[i] !== "number") return false;
  return true;
}

/** A 3-vector from a list, or a uniform one from a single number (for scale). */
export function toVector3(value: unknown, uniform = false): Vector3 | undefined {
  if (uniform && typeof value === "number") return new Vector3(value, value, value);
  if (!isNumberList(value, 3)) return undefined;
  return new Vector3(value[0], value[1], value[2]);
}

const EULER_ORDERS = new Set(["XYZ", "YZX", "ZXY", "XZY", "YXZ", "ZYX"]);

/** Euler angles in radians from [x, y, z] or [x, y, z, order]. */
export function toEuler(value: unknown): Euler | undefined {
  if (!isNumberList(value, 3)) return undefined;
  const order = (value as unknown[])[3];
  const euler = new Euler(value[0], value[1], value[2]);
  if (typeof order === "string" && EULER_ORDERS.has(order)) euler.order = order as Euler["order"];
  return euler;
}

/** A Matrix4 from 16 column-major floats (three.js `elements` order). */
export function toMatrix4(value: unknown): Matrix4 | undefined {
  if (!isNumberList(value, 16)) return undefined;
  return new Matrix4().fromArray(Array.from(value as ArrayLike<number>).slice(0, 16));
}

function tuple3(value: unknown): Vec3 | undefined {
  return isNumberList(value, 3) ? [value[0], value[1], value[2]] : undefined;
}

/**
 * Placement props of a node. `matrix` wins over position/rotation/scale; it is
 * decomposed so the object keeps matrixAutoUpdate and composes with its parent.
 */
export function transformProps(node: SceneNode): TransformProps {
  const out: TransformProps = { visible: node.visible !== false, userData: { vuerKey: node.key } };
  const matrix = toMatrix4(node.matrix);
  if (matrix) {
    const position = new Vector3();
    const quaternion = new Quaternion();
    const scale = new Vector3();
    matrix.decompose(position, quaternion, scale);
    return { ...out, position, quaternion, scale };
  }
  const position = tuple3(node.position);
  if (position) out.position = position;
  if (isNumberList(node.quaternion, 4)) {
    const q = node.quaternion;
    out.quaternion = [q[0], q[1], q[2], q[3]];
  } else {
    const rotation = tuple3(node.rotation);
    const order = Array.isArray(node.rotation) ? node.rotation[3] : undefined;
    if (rotation)
      out.rotation =
        typeof order === "string" && EULER_ORDERS.has(order)
          ? [...rotation, order as Euler["order"]]
          : rotation;
  }
  if (typeof node.scale === "number") out.scale = node.scale;
  else {
    const scale = tuple3(node.scale);
    if (scale) out.scale = scale;
  }
  return out;
}

/** transformProps, recomputed only when a placement prop changes. */
export function useTransform(node: SceneNode): TransformProps {
  const { key, position, rotation, quaternion, scale, matrix, visible } = node;
  return useMemo(
    () => transformProps({ tag: "", key, position, rotation, quaternion, scale, matrix, visible }),
    [key, position, rotation, quaternion, scale, matrix, visible],
  );
}
