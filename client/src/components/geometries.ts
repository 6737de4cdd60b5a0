// three.js geometries from a primitive's `args` (the geometry constructor
// arguments, as in the public API). Point lists arrive as [[x, y], …] or
// [[x, y, z], …] and become Vector2/Vector3 and curves here.
import * as THREE from "three";
import type { ComponentTag } from "../generated/schema";
import { isRecord, numbers, warnOnce } from "../core/props";

type Args = unknown[];
type Factory = (args: Args) => THREE.BufferGeometry;

/** The plain (number / boolean) constructor arguments, cut at the first other value. */
function plain(args: Args): (number | boolean)[] {
  const out: (number | boolean)[] = [];
  for (const a of args) {
    if (typeof a !== "number" && typeof a !== "boolean") break;
    out.push(a);
  }
  return out;
}

function points2(value: unknown): THREE.Vector2[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p) => {
    const xy = numbers(p, 2);
    return xy ? [new THREE.Vector2(xy[0], xy[1])] : [];
  });
}

function points3(value: unknown): THREE.Vector3[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p) => {
    const xyz = numbers(p, 3);
    return xyz ? [new THREE.Vector3(xyz[0], xyz[1], xyz[2])] : [];
  });
}

/** A Shape from an outline [[x, y], …], or several from a list of outlines. */
function shapes(value: unknown): THREE.Shape[] {
  if (!Array.isArray(value) || value.length === 0) return [];
  const first = value[0];
  const isOutline = numbers(first, 2) !== undefined;
  const outlines = isOutline ? [value] : value;
  return outlines.flatMap((outline) => {
    const pts = points2(outline);
    return pts.length >= 3 ? [new THREE.Shape(pts)] : [];
  });
}

/**
 * Caps on segment counts and subdivision detail: a mistyped 1e6 would build
 * a geometry of 1e12 vertices and take the page down with it.
 */
const MAX_SEGMENTS = 1024;
const MAX_DETAIL = 64;

/** `args` with the numbers at `indices` capped at `max` (one warning per tag). */
function capped(tag: string, args: (number | boolean)[], indices: number[], max: number): (number | boolean)[] {
  const out = [...args];
  for (const i of indices) {
    const value = out[i];
    if (typeof value === "number" && value > max) {
      warnOnce(`vuer: ${tag} argument ${i} (${value}) is capped at ${max}`);
      out[i] = max;
    }
  }
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- constructors take positional numbers
type AnyCtor = new (...a: any[]) => THREE.BufferGeometry;
/** A geometry of plain number arguments; `segments` index counts, `detail` subdivision levels. */
const simple = (tag: string, Class: AnyCtor, segments: number[], detail: number[] = []): Factory => (args) =>
  new Class(...capped(tag, capped(tag, plain(args), segments, MAX_SEGMENTS), detail, MAX_DETAIL));

export const GEOMETRIES = {
  Box: simple("Box", THREE.BoxGeometry, [3, 4, 5]),
  Sphere: simple("Sphere", THREE.SphereGeometry, [1, 2]),
  Cylinder: simple("Cylinder", THREE.CylinderGeometry, [3, 4]),
  Cone: simple("Cone", THREE.ConeGeometry, [2, 3]),
  Capsule: simple("Capsule", THREE.CapsuleGeometry, [2, 3, 4]),
  Circle: simple("Circle", THREE.CircleGeometry, [1]),
  Plane: simple("Plane", THREE.PlaneGeometry, [2, 3]),
  Ring: simple("Ring", THREE.RingGeometry, [2, 3]),
  Torus: simple("Torus", THREE.TorusGeometry, [2, 3]),
  TorusKnot: simple("TorusKnot", THREE.TorusKnotGeometry, [2, 3]),
  Dodecahedron: simple("Dodecahedron", THREE.DodecahedronGeometry, [], [1]),
  Icosahedron: simple("Icosahedron", THREE.IcosahedronGeometry, [], [1]),
  Octahedron: simple("Octahedron", THREE.OctahedronGeometry, [], [1]),
  Tetrahedron: simple("Tetrahedron", THREE.TetrahedronGeometry, [], [1]),
  Polyhedron: (args) => {
    const vertices = numbers(args[0]) ?? [];
    const indices = numbers(args[1]) ?? [];
    const rest = capped("Polyhedron", plain(args.slice(2)), [1], MAX_DETAIL).map(Number);
    return new THREE.PolyhedronGeometry(vertices, indices, ...rest);
  },
  Lathe: (args) => {
    const pts = points2(args[0]);
    const rest = capped("Lathe", plain(args.slice(1)), [0], MAX_SEGMENTS).map(Number);
    return new THREE.LatheGeometry(pts.length ? pts : undefined, ...rest);
  },
  Shape: (args) =>
    new THREE.ShapeGeometry(shapes(args[0]), ...capped("Shape", plain(args.slice(1)), [0], MAX_SEGMENTS).map(Number)),
  Extrude: (args) => {
    const options = isRecord(args[1]) ? (args[1] as THREE.ExtrudeGeometryOptions) : undefined;
    return new THREE.ExtrudeGeometry(shapes(args[0]), options);
  },
  Tube: (args) => {
    const pts = points3(args[0]);
    const path = pts.length >= 2 ? new THREE.CatmullRomCurve3(pts) : undefined;
    const [segments, radius, radial, closed] = capped("Tube", plain(args.slice(1)), [0, 2], MAX_SEGMENTS);
    return new THREE.TubeGeometry(
      path,
      typeof segments === "number" ? segments : undefined,
      typeof radius === "number" ? radius : undefined,
      typeof radial === "number" ? radial : undefined,
      typeof closed === "boolean" ? closed : undefined,
    );
  },
} satisfies Partial<Record<ComponentTag, Factory>>;

/** The tags drawn as primitive meshes. */
export type GeometryTag = keyof typeof GEOMETRIES;
export const GEOMETRY_TAGS = Object.keys(GEOMETRIES) as GeometryTag[];

/** The geometry for a primitive tag; bad args log an error and give an empty geometry. */
export function buildGeometry(tag: string, args: unknown): THREE.BufferGeometry {
  const factory = (GEOMETRIES as Record<string, Factory | undefined>)[tag];
  const list = Array.isArray(args) ? args : args === undefined || args === null ? [] : [args];
  try {
    if (factory) return factory(list);
  } catch (error) {
    console.error(`vuer: ${tag} args ${JSON.stringify(list)} do not make a geometry`, error);
  }
  return new THREE.BufferGeometry();
}
