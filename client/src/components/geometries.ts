// three.js geometries from a primitive's `args` (the geometry constructor
// arguments, as in the public API). Point lists arrive as [[x, y], …] or
// [[x, y, z], …] and become Vector2/Vector3 and curves here.
import * as THREE from "three";
import { isRecord, numbers } from "./props";

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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- constructors take positional numbers
type AnyCtor = new (...a: any[]) => THREE.BufferGeometry;
const simple = (Class: AnyCtor): Factory => (args) => new Class(...plain(args));

export const GEOMETRIES: Record<string, Factory> = {
  Box: simple(THREE.BoxGeometry),
  Sphere: simple(THREE.SphereGeometry),
  Cylinder: simple(THREE.CylinderGeometry),
  Cone: simple(THREE.ConeGeometry),
  Capsule: simple(THREE.CapsuleGeometry),
  Circle: simple(THREE.CircleGeometry),
  Plane: simple(THREE.PlaneGeometry),
  Ring: simple(THREE.RingGeometry),
  Torus: simple(THREE.TorusGeometry),
  TorusKnot: simple(THREE.TorusKnotGeometry),
  Dodecahedron: simple(THREE.DodecahedronGeometry),
  Icosahedron: simple(THREE.IcosahedronGeometry),
  Octahedron: simple(THREE.OctahedronGeometry),
  Tetrahedron: simple(THREE.TetrahedronGeometry),
  Polyhedron: (args) => {
    const vertices = numbers(args[0]) ?? [];
    const indices = numbers(args[1]) ?? [];
    return new THREE.PolyhedronGeometry(vertices, indices, ...plain(args.slice(2)).map(Number));
  },
  Lathe: (args) => {
    const pts = points2(args[0]);
    return new THREE.LatheGeometry(pts.length ? pts : undefined, ...plain(args.slice(1)).map(Number));
  },
  Shape: (args) => new THREE.ShapeGeometry(shapes(args[0]), ...plain(args.slice(1)).map(Number)),
  Extrude: (args) => {
    const options = isRecord(args[1]) ? (args[1] as THREE.ExtrudeGeometryOptions) : undefined;
    return new THREE.ExtrudeGeometry(shapes(args[0]), options);
  },
  Tube: (args) => {
    const pts = points3(args[0]);
    const path = pts.length >= 2 ? new THREE.CatmullRomCurve3(pts) : undefined;
    const [segments, radius, radial, closed] = plain(args.slice(1));
    return new THREE.TubeGeometry(
      path,
      typeof segments === "number" ? segments : undefined,
      typeof radius === "number" ? radius : undefined,
      typeof radial === "number" ? radial : undefined,
      typeof closed === "boolean" ? closed : undefined,
    );
  },
};

/** The geometry for a primitive tag; bad args log an error and give an empty geometry. */
export function buildGeometry(tag: string, args: unknown): THREE.BufferGeometry {
  const factory = GEOMETRIES[tag];
  const list = Array.isArray(args) ? args : args === undefined || args === null ? [] : [args];
  try {
    if (factory) return factory(list);
  } catch (error) {
    console.error(`vuer: ${tag} args ${JSON.stringify(list)} do not make a geometry`, error);
  }
  return new THREE.BufferGeometry();
}
