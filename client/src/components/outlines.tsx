// Edges and Wireframe (outline their parent mesh's geometry), BBox (a box of
// lines from min/max corners) and BoundingBox (edges plus faint walls).
import { type ReactNode, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import * as THREE from "three";
import { useTransform } from "../core/transform";
import type { TypedNodeProps } from "../registry";
import { useBuiltMaterial } from "./materials";
import { color, defaultOf, isRecord, num, numbers } from "../core/props";

/** The geometry of the mesh this node's object sits in, tracked as it changes. */
function useParentGeometry(object: React.RefObject<THREE.Object3D | null>): THREE.BufferGeometry | null {
  const [geometry, setGeometry] = useState<THREE.BufferGeometry | null>(null);
  useLayoutEffect(() => {
    const parent = object.current?.parent;
    const next = parent instanceof THREE.Mesh ? (parent.geometry as THREE.BufferGeometry) : null;
    if (next !== geometry) setGeometry(next);
  });
  return geometry;
}

function useOutline(
  ref: React.RefObject<THREE.Object3D | null>,
  make: (source: THREE.BufferGeometry) => THREE.BufferGeometry,
  deps: unknown[],
): THREE.BufferGeometry | undefined {
  const source = useParentGeometry(ref);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt on the source and the given props
  const geometry = useMemo(() => (source ? make(source) : undefined), [source, ...deps]);
  useEffect(() => () => geometry?.dispose(), [geometry]);
  return geometry;
}

export function EdgesNode({ node }: TypedNodeProps<"Edges">): ReactNode {
  const ref = useRef<THREE.LineSegments>(null);
  const threshold = num(node.threshold, defaultOf(node, "threshold"));
  const geometry = useOutline(ref, (g) => new THREE.EdgesGeometry(g, threshold), [threshold]);
  const material = useBuiltMaterial("linebasic", { color: color(node.color, "black"), toneMapped: false });
  return <lineSegments ref={ref} geometry={geometry} material={material} raycast={() => null} />;
}

export function WireframeNode({ node }: TypedNodeProps<"Wireframe">): ReactNode {
  const ref = useRef<THREE.LineSegments>(null);
  const geometry = useOutline(ref, (g) => new THREE.WireframeGeometry(g), []);
  const material = useBuiltMaterial("linebasic", {
    color: color(node.stroke ?? node.color, "black"),
    toneMapped: false,
  });
  return <lineSegments ref={ref} geometry={geometry} material={material} raycast={() => null} />;
}

/** A corner from {x, y, z} or [x, y, z]. */
function corner(value: unknown, fallback: number): THREE.Vector3 {
  if (isRecord(value)) return new THREE.Vector3(num(value.x, fallback), num(value.y, fallback), num(value.z, fallback));
  const xyz = numbers(value, 3);
  return xyz ? new THREE.Vector3(xyz[0], xyz[1], xyz[2]) : new THREE.Vector3(fallback, fallback, fallback);
}

/** A unit box's edges, shared by every BBox / BoundingBox. */
const UNIT_EDGES = new THREE.EdgesGeometry(new THREE.BoxGeometry(1, 1, 1));
const UNIT_BOX = new THREE.BoxGeometry(1, 1, 1);

/** Centre and size of a box from min/max, or from size around the origin. */
function extent(min: unknown, max: unknown, size: unknown, fallback: number) {
  if (min !== undefined || max !== undefined) {
    const lo = corner(min, -fallback);
    const hi = corner(max, fallback);
    return { center: lo.clone().add(hi).multiplyScalar(0.5), size: hi.clone().sub(lo) };
  }
  const s = numbers(size, 3) ?? [1, 1, 1];
  return { center: new THREE.Vector3(), size: new THREE.Vector3(s[0], s[1], s[2]) };
}

export function BBoxNode({ node, children }: TypedNodeProps<"BBox">): ReactNode {
  const { center, size } = extent(node.min, node.max, undefined, 1);
  size.multiplyScalar(num(node.scale, defaultOf(node, "scale")));
  const material = useBuiltMaterial("linebasic", { color: color(node.color, defaultOf(node, "color")), toneMapped: false });
  const transform = useTransform({ ...node, scale: undefined });
  return (
    <group {...transform}>
      <lineSegments geometry={UNIT_EDGES} material={material} position={center} scale={size} />
      {children}
    </group>
  );
}

export function BoundingBoxNode({ node, children }: TypedNodeProps<"BoundingBox">): ReactNode {
  const { center, size } = extent(node.min, node.max, node.size, 0.5);
  const c = color(node.color, defaultOf(node, "color"));
  const edges = useBuiltMaterial("linebasic", {
    color: c,
    transparent: true,
    opacity: num(node.edgeOpacity, defaultOf(node, "edgeOpacity")),
    toneMapped: false,
  });
  const walls = useBuiltMaterial("basic", {
    color: c,
    transparent: true,
    opacity: num(node.wallOpacity, defaultOf(node, "wallOpacity")),
    depthWrite: false,
    side: "double",
  });
  return (
    <group {...useTransform(node)}>
      <lineSegments geometry={UNIT_EDGES} material={edges} position={center} scale={size} />
      <mesh geometry={UNIT_BOX} material={walls} position={center} scale={size} />
      {children}
    </group>
  );
}
