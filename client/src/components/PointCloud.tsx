// PointCloud and TriMesh from their binary payloads. The geometry is rebuilt
// only when a payload prop changes, and the old one is disposed (its GPU
// buffers freed) right then, so a 60 Hz stream of clouds does not leak.
import { type ReactNode, useEffect, useMemo } from "react";
import * as THREE from "three";
import { useTransform } from "../core/transform";
import type { TypedNodeProps } from "../registry";
import {
  bytesOf,
  colorAttribute,
  floatAttribute,
  indexAttribute,
  positionAttribute,
  type Precision,
  precisionOf,
  setBounds,
} from "./buffers";
import { nodeMaterialKind, nodeMaterialValues, useBuiltMaterial } from "./materials";
import { color, defaultOf, isRecord, num, warnOnce } from "../core/props";
import { objectFlags } from "./objectFlags";

function checkCount(key: string, what: string, count: number, expected: number): boolean {
  if (count === expected) return true;
  warnOnce(`vuer: <${key}> ${what} has ${count} entries for ${expected} vertices; ignored`);
  return false;
}

interface Payload {
  key: string;
  vertices: unknown;
  colors: unknown;
  faces?: unknown;
  uv?: unknown;
  precision: Precision;
}

/** Numbers from a (possibly nested) list, for payloads sent as plain lists. */
function flatNumbers(value: unknown): Float32Array | null {
  if (!Array.isArray(value)) return null;
  const flat = value.flat(2);
  return flat.every((v) => typeof v === "number") ? Float32Array.from(flat as number[]) : null;
}

function listColors(value: unknown): THREE.BufferAttribute | null {
  const flat = flatNumbers(value);
  if (!flat) return null;
  // Lists are either 0..1 floats or 0..255 bytes.
  const scale = flat.some((v) => v > 1) ? 1 / 255 : 1;
  return new THREE.BufferAttribute(scale === 1 ? flat : flat.map((v) => v * scale), 3);
}

function buildGeometry({ key, vertices, colors, faces, uv, precision }: Payload): THREE.BufferGeometry {
  const geometry = new THREE.BufferGeometry();
  const vertexBytes = bytesOf(vertices);
  const vertexList = vertexBytes ? null : flatNumbers(vertices);
  let position: THREE.BufferAttribute;
  if (vertexBytes) position = positionAttribute(vertexBytes, precision);
  else if (vertexList) {
    position = new THREE.BufferAttribute(vertexList.subarray(0, vertexList.length - (vertexList.length % 3)), 3);
  } else {
    if (vertices !== undefined && vertices !== null) {
      warnOnce(`vuer: <${key}> vertices must be bytes or a list of numbers`);
    }
    return geometry;
  }
  geometry.setAttribute("position", position);
  setBounds(geometry, position);
  const colorBytes = bytesOf(colors);
  const color = colorBytes ? colorAttribute(colorBytes) : listColors(colors);
  if (color && checkCount(key, "colors", color.count, position.count)) geometry.setAttribute("color", color);
  const faceBytes = bytesOf(faces);
  const faceList = faceBytes ? null : flatNumbers(faces);
  if (faceBytes) geometry.setIndex(indexAttribute(faceBytes));
  else if (faceList) geometry.setIndex(Array.from(faceList));
  const uvBytes = bytesOf(uv);
  if (uvBytes) {
    const attribute = floatAttribute(uvBytes, 2, precision);
    if (checkCount(key, "uv", attribute.count, position.count)) geometry.setAttribute("uv", attribute);
  }
  return geometry;
}

function useDisposed<T extends { dispose(): void }>(value: T): T {
  useEffect(() => () => value.dispose(), [value]);
  return value;
}

/** Points are not pickable: testing a million of them per pointer move would stall the page. */
function noRaycast(): void {}

export function PointCloudNode({ node, children }: TypedNodeProps<"PointCloud">): ReactNode {
  const { key, vertices, colors } = node;
  const precision = precisionOf(node.precision);
  const geometry = useDisposed(
    useMemo(() => buildGeometry({ key, vertices, colors, precision }), [key, vertices, colors, precision]),
  );
  const perVertex = geometry.hasAttribute("color");
  const material = useBuiltMaterial("points", {
    size: num(node.size, defaultOf(node, "size")),
    sizeAttenuation: true,
    // Measured colours show as sent: no tone mapping unless the material asks.
    toneMapped: false,
    ...(isRecord(node.material) ? node.material : {}),
    vertexColors: perVertex,
    // With per-point colours the material colour multiplies them: keep it white.
    color: perVertex ? "#ffffff" : color(node.color, "#ffffff"),
  });
  return (
    <points {...useTransform(node)} {...objectFlags(node)} geometry={geometry} material={material} raycast={noRaycast}>
      {children}
    </points>
  );
}

export function TriMeshNode({ node, children }: TypedNodeProps<"TriMesh">): ReactNode {
  const { key, vertices, colors, faces, uv } = node;
  const precision = precisionOf(node.precision);
  const geometry = useDisposed(
    useMemo(() => {
      const g = buildGeometry({ key, vertices, colors, faces, uv, precision });
      if (g.hasAttribute("position")) g.computeVertexNormals();
      return g;
    }, [key, vertices, colors, faces, uv, precision]),
  );
  const perVertex = geometry.hasAttribute("color");
  const values = nodeMaterialValues(node, { side: "double" });
  if (perVertex) values.vertexColors = true;
  const material = useBuiltMaterial(nodeMaterialKind(node), values);
  return (
    <mesh {...useTransform(node)} {...objectFlags(node)} geometry={geometry} material={material}>
      {children}
    </mesh>
  );
}
