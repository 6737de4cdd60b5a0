// CoordsMarker (X red, Y green, Z blue arrows) and Arrow (one arrow along +Z,
// like THREE.ArrowHelper's default). Each is one merged, vertex-coloured mesh
// (a single draw call), cached per shape so many markers share geometry.
import type { ReactNode } from "react";
import * as THREE from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import { useTransform } from "../core/transform";
import type { TypedNodeProps } from "../registry";
import { useBuiltMaterial } from "./materials";
import { color, defaultOf, num } from "../core/props";

const STEM_RADIUS = 0.02;
const HEAD_RADIUS = 0.05;
const HEAD_LENGTH = 0.15;

function painted(geometry: THREE.BufferGeometry, rgb: THREE.Color): THREE.BufferGeometry {
  const g = geometry.index ? geometry.toNonIndexed() : geometry;
  const count = g.getAttribute("position").count;
  const colors = new Float32Array(count * 3);
  for (let i = 0; i < count; i++) colors.set([rgb.r, rgb.g, rgb.b], i * 3);
  g.setAttribute("color", new THREE.BufferAttribute(colors, 3));
  g.deleteAttribute("uv");
  return g;
}

/** An arrow of length 1 along +Y from the origin, in one colour. */
function arrowAlongY(rgb: THREE.Color, headScale: number, lod: number): THREE.BufferGeometry[] {
  const head = HEAD_LENGTH * headScale;
  const stem = new THREE.CylinderGeometry(STEM_RADIUS, STEM_RADIUS, 1 - head, lod);
  stem.translate(0, (1 - head) / 2, 0);
  const cone = new THREE.ConeGeometry(HEAD_RADIUS * headScale, head, lod);
  cone.translate(0, 1 - head / 2, 0);
  return [painted(stem, rgb), painted(cone, rgb)];
}

const cache = new Map<string, THREE.BufferGeometry>();

/** Merged arrows; `axes` are rotations taking +Y to each arrow's direction. */
function arrows(name: string, axes: [THREE.Euler, THREE.ColorRepresentation][], headScale: number, lod: number) {
  const cacheKey = `${name}|${headScale}|${lod}|${axes.map(([, c]) => new THREE.Color(c).getHexString()).join()}`;
  let geometry = cache.get(cacheKey);
  if (!geometry) {
    const parts = axes.flatMap(([euler, c]) => {
      const m = new THREE.Matrix4().makeRotationFromEuler(euler);
      return arrowAlongY(new THREE.Color(c), headScale, lod).map((g) => g.applyMatrix4(m));
    });
    geometry = mergeGeometries(parts) ?? new THREE.BufferGeometry();
    parts.forEach((p) => p.dispose());
    cache.set(cacheKey, geometry);
  }
  return geometry;
}

const TO_X = new THREE.Euler(0, 0, -Math.PI / 2);
const TO_Y = new THREE.Euler(0, 0, 0);
const TO_Z = new THREE.Euler(Math.PI / 2, 0, 0);

function lodOf(value: unknown): number {
  return Math.max(3, Math.min(64, Math.round(num(value, 8))));
}

export function CoordsMarkerNode({ node, children }: TypedNodeProps<"CoordsMarker">): ReactNode {
  const geometry = arrows(
    "coords",
    [
      [TO_X, 0xff0000],
      [TO_Y, 0x00ff00],
      [TO_Z, 0x0000ff],
    ],
    num(node.headScale, defaultOf(node, "headScale")),
    lodOf(node.lod),
  );
  const material = useBuiltMaterial("basic", { vertexColors: true, toneMapped: false });
  return (
    <mesh {...useTransform(node)} geometry={geometry} material={material}>
      {children}
    </mesh>
  );
}

export function ArrowNode({ node, children }: TypedNodeProps<"Arrow">): ReactNode {
  const geometry = arrows("arrow", [[TO_Z, color(node.color, defaultOf(node, "color"))]], num(node.headScale, defaultOf(node, "headScale")), lodOf(node.lod));
  const material = useBuiltMaterial("basic", { vertexColors: true, toneMapped: false });
  return (
    <mesh {...useTransform(node)} geometry={geometry} material={material}>
      {children}
    </mesh>
  );
}
