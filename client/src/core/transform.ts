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

export interface TransformProps {
  position?: Vector3;
  rotation?: Euler;
  quaternion?: Quaternion;
  scale?: Vector3;
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

/** A quaternion from [x, y, z, w]. */
export function toQuaternion(value: unknown): Quaternion | undefined {
  if (!isNumberList(value, 4)) return undefined;
  return new Quaternion(value[0], value[1], value[2], value[3]);
}

/** A Matrix4 from 16 column-major floats (three.js `elements` order). */
export function toMatrix4(value: unknown): Matrix4 | undefined {
  if (!isNumberList(value, 16)) return undefined;
  return new Matrix4().fromArray(Array.from(value as ArrayLike<number>).slice(0, 16));
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
  const position = toVector3(node.position);
  if (position) out.position = position;
  const quaternion = toQuaternion(node.quaternion);
  if (quaternion) out.quaternion = quaternion;
  else {
    const rotation = toEuler(node.rotation);
    if (rotation) out.rotation = rotation;
  }
  const scale = toVector3(node.scale, true);
  if (scale) out.scale = scale;
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
