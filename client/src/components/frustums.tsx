// Camera frusta drawn as coloured line segments (one draw call each), looking
// down -Z like three.js cameras: Frustum, PerspectiveFrustum, FisheyeFrustum,
// OrthographicFrustum; and CameraHelper (three's helper of a virtual camera).
import { type ReactNode, useEffect, useMemo } from "react";
import * as THREE from "three";
import { useTransform } from "../core/transform";
import type { NodeOf, TypedNodeProps } from "../registry";
import { SegmentBuilder, VERTEX_COLOR_LINES } from "./lineGeometry";
import { bool, color, defaultOf, num } from "../core/props";
import { useImageTexture } from "./useImageTexture";

type Point = [number, number, number];
const DEG = Math.PI / 180;

/** The rectangle of half-size (w, h) at depth d, as a closed outline. */
function rect(w: number, h: number, d: number): Point[] {
  return [
    [-w, -h, -d],
    [w, -h, -d],
    [w, h, -d],
    [-w, h, -d],
  ];
}

/** The small triangle above the top edge that shows which way is up. */
function upMarker(w: number, h: number, d: number, upScale: number): Point[] {
  const s = Math.min(w, h) * 0.5 * upScale;
  return [
    [-s, h * 1.05, -d],
    [s, h * 1.05, -d],
    [0, h * 1.05 + s, -d],
  ];
}

function perspectiveGeometry(node: NodeOf<"Frustum" | "PerspectiveFrustum">): THREE.BufferGeometry {
  const fov = num(node.fov, defaultOf(node, "fov")) * DEG;
  const aspect = num(node.aspect, defaultOf(node, "aspect"));
  const zoom = num(node.zoom, defaultOf(node, "zoom"));
  const near = num(node.near, defaultOf(node, "near"));
  const far = num(node.far, defaultOf(node, "far"));
  const tan = Math.tan(fov / 2) / zoom;
  const b = new SegmentBuilder();
  const colorFrustum = color(node.colorFrustum, defaultOf(node, "colorFrustum"));
  // Frustum (the older tag) documents no colorCone; PerspectiveFrustum's is red too.
  const colorCone = color(node.colorCone, 0xff0000);
  const [hn, hf] = [tan * near, tan * far];
  const [wn, wf] = [hn * aspect, hf * aspect];
  if (bool(node.showFrustum, defaultOf(node, "showFrustum"))) {
    b.polyline(rect(wn, hn, near), colorFrustum, true);
    b.polyline(rect(wf, hf, far), colorFrustum, true);
    for (const [x, y] of [[-1, -1], [1, -1], [1, 1], [-1, 1]]) {
      b.segment([0, 0, 0], [x * wf, y * hf, -far], colorCone);
    }
  }
  if (bool(node.showFocalPlane, defaultOf(node, "showFocalPlane"))) {
    const focus = num(node.focus ?? node.focalLength, (near + far) / 2);
    b.polyline(rect(tan * focus * aspect, tan * focus, focus), color(node.colorFocalPlane, 0xffffff), true);
  }
  if (bool(node.showUp, defaultOf(node, "showUp"))) {
    b.polyline(upMarker(wf, hf, far, num(node.upScale, defaultOf(node, "upScale"))), color(node.colorUp, defaultOf(node, "colorUp")), true);
  }
  return b.build();
}

function orthographicGeometry(node: NodeOf<"OrthographicFrustum">): THREE.BufferGeometry {
  const zoom = num(node.zoom, defaultOf(node, "zoom"));
  const w = num(node.width, defaultOf(node, "width")) / 2 / zoom;
  const h = num(node.height, defaultOf(node, "height")) / 2 / zoom;
  const near = num(node.near, defaultOf(node, "near"));
  const far = num(node.far, defaultOf(node, "far"));
  const b = new SegmentBuilder();
  const colorFrustum = color(node.colorFrustum, defaultOf(node, "colorFrustum"));
  if (bool(node.showFrustum, defaultOf(node, "showFrustum"))) {
    b.polyline(rect(w, h, near), colorFrustum, true);
    b.polyline(rect(w, h, far), colorFrustum, true);
    for (const [x, y] of [[-1, -1], [1, -1], [1, 1], [-1, 1]]) {
      b.segment([x * w, y * h, -near], [x * w, y * h, -far], colorFrustum);
    }
  }
  if (bool(node.showUp, defaultOf(node, "showUp"))) b.polyline(upMarker(w, h, far, 1), color(node.colorUp, defaultOf(node, "colorUp")), true);
  return b.build();
}

/** The cone of directions within fov/2 of -Z, drawn on spheres of radius near and far. */
function fisheyeGeometry(node: NodeOf<"FisheyeFrustum">): THREE.BufferGeometry {
  const half = Math.min(num(node.fov, defaultOf(node, "fov")) * DEG, 2 * Math.PI) / 2;
  const aspect = num(node.aspect, defaultOf(node, "aspect"));
  const near = num(node.near, defaultOf(node, "near"));
  const far = num(node.far, defaultOf(node, "far"));
  const b = new SegmentBuilder();
  const colorFrustum = color(node.colorFrustum, defaultOf(node, "colorFrustum"));
  const colorCone = color(node.colorCone, defaultOf(node, "colorCone"));
  // A direction at angle theta from -Z, azimuth phi (aspect squeezes vertically).
  const dir = (theta: number, phi: number, r: number): Point => {
    const s = Math.sin(theta);
    return [r * s * Math.cos(phi), (r * s * Math.sin(phi)) / aspect, -r * Math.cos(theta)];
  };
  const steps = 32;
  if (bool(node.showFrustum, defaultOf(node, "showFrustum"))) {
    for (const r of [near, far]) {
      const rim: Point[] = [];
      for (let i = 0; i < steps; i++) rim.push(dir(half, (i / steps) * 2 * Math.PI, r));
      b.polyline(rim, colorFrustum, true);
    }
    for (let k = 0; k < 4; k++) {
      const phi = (k / 4) * 2 * Math.PI;
      const arc: Point[] = [];
      for (let i = 0; i <= 8; i++) arc.push(dir((i / 8) * half, phi, far));
      b.polyline(arc, colorFrustum);
      b.segment([0, 0, 0], dir(half, phi, far), colorCone);
    }
  }
  if (bool(node.showUp, defaultOf(node, "showUp"))) {
    const top = dir(half, Math.PI / 2, far);
    const s = far * 0.1;
    b.polyline(
      [[-s, top[1] + s * 0.2, top[2]], [s, top[1] + s * 0.2, top[2]], [0, top[1] + s * 1.2, top[2]]],
      color(node.colorUp, defaultOf(node, "colorUp")),
      true,
    );
  }
  return b.build();
}

const SHAPE_KEYS = [
  "fov",
  "aspect",
  "zoom",
  "near",
  "far",
  "width",
  "height",
  "focus",
  "focalLength",
  "upScale",
  "showFrustum",
  "showFocalPlane",
  "showUp",
  "colorFrustum",
  "colorCone",
  "colorUp",
  "colorFocalPlane",
];

function useLines<N extends NodeOf<FrustumTag>>(node: N, build: (node: N) => THREE.BufferGeometry): THREE.BufferGeometry {
  // A memo key over the shape props; the list names props of the perspective frustum too.
  const props = node as Partial<Record<string, unknown>>;
  const shapeKey = JSON.stringify(SHAPE_KEYS.map((k) => props[k] ?? null));
  // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt when a shape prop changes
  const geometry = useMemo(() => build(node), [shapeKey, build]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return geometry;
}

/**
 * The image plane of a perspective frustum (`showImagePlane`), on its far
 * plane: the camera's image (`src`: bytes, data URL or URL), or a red plane
 * while there is none, as the public client draws it.
 */
function ImagePlane({ node }: { node: NodeOf<"Frustum" | "PerspectiveFrustum"> }): ReactNode {
  const texture = useImageTexture(node.src, true, `<${node.tag} key="${node.key}"> image`);
  const far = num(node.far, defaultOf(node, "far"));
  const h = 2 * far * Math.tan((num(node.fov, defaultOf(node, "fov")) * DEG) / 2) / num(node.zoom, defaultOf(node, "zoom"));
  const w = h * num(node.aspect, defaultOf(node, "aspect"));
  return (
    <mesh position={[0, 0, -far]} scale={[w, h, 1]} raycast={() => null}>
      <planeGeometry />
      {texture ? (
        <meshBasicMaterial key="image" map={texture} side={THREE.DoubleSide} toneMapped={false} />
      ) : (
        <meshBasicMaterial key="blank" color="#ff0000" side={THREE.DoubleSide} toneMapped={false} />
      )}
    </mesh>
  );
}

/** A flat triangle pointing up (+Y) at the apex: where the camera's optical centre is. */
const APEX = new THREE.BufferGeometry().setAttribute(
  "position",
  new THREE.Float32BufferAttribute([-0.5, -0.29, 0, 0.5, -0.29, 0, 0, 0.58, 0], 3),
);

function ApexMarker({ node, size }: { node: NodeOf<FrustumTag>; size: number }): ReactNode {
  const origin = (node as { colorOrigin?: unknown }).colorOrigin;
  return (
    <mesh geometry={APEX} scale={size} raycast={() => null}>
      <meshBasicMaterial color={color(origin, 0xff0000)} side={THREE.DoubleSide} toneMapped={false} />
    </mesh>
  );
}

/** The apex marker's size: a third of the near plane's height (of the far one for a tiny near). */
function apexSize(node: NodeOf<FrustumTag>): number {
  const near = num(node.near, defaultOf(node, "near"));
  const far = num(node.far, defaultOf(node, "far"));
  const depth = near > 0.05 * far ? near : far * 0.2;
  if (node.tag === "OrthographicFrustum") return (num(node.height, 1) / num(node.zoom, 1)) * 0.15;
  const fov = node.tag === "FisheyeFrustum" ? 90 : num(node.fov, 50);
  return 0.66 * depth * Math.tan((fov * DEG) / 2);
}

type FrustumTag = "Frustum" | "PerspectiveFrustum" | "FisheyeFrustum" | "OrthographicFrustum";

/** Whether a frustum node shows its camera image (perspective frusta only). */
function hasImage(node: NodeOf<FrustumTag>): node is NodeOf<"Frustum" | "PerspectiveFrustum"> {
  return (
    (node.tag === "Frustum" || node.tag === "PerspectiveFrustum") && node.showImagePlane === true
  );
}

function frustumOf<T extends FrustumTag>(build: (node: NodeOf<T>) => THREE.BufferGeometry, imagePlane = false) {
  return function FrustumNode({ node, children }: TypedNodeProps<T>): ReactNode {
    const geometry = useLines(node, build);
    const scale = typeof node.scale === "number" ? node.scale : undefined;
    const transform = useTransform(scale === undefined ? node : { ...node, scale: undefined });
    return (
      <group {...transform}>
        <group scale={scale ?? 1}>
          <lineSegments geometry={geometry} material={VERTEX_COLOR_LINES} />
          <ApexMarker node={node} size={apexSize(node)} />
          {imagePlane && hasImage(node) && <ImagePlane node={node} />}
        </group>
        {children}
      </group>
    );
  };
}

export const PerspectiveFrustumNode = frustumOf<"Frustum" | "PerspectiveFrustum">(perspectiveGeometry, true);
export const OrthographicFrustumNode = frustumOf<"OrthographicFrustum">(orthographicGeometry);
export const FisheyeFrustumNode = frustumOf<"FisheyeFrustum">(fisheyeGeometry);

/** three.js's CameraHelper of a perspective camera with the node's fov/aspect/near/far. */
export function CameraHelperNode({ node, children }: TypedNodeProps<"CameraHelper">): ReactNode {
  const fov = num(node.fov, defaultOf(node, "fov"));
  const aspect = num(node.aspect, defaultOf(node, "aspect"));
  const near = num(node.near, defaultOf(node, "near"));
  const far = num(node.far, defaultOf(node, "far"));
  const helper = useMemo(() => {
    const camera = new THREE.PerspectiveCamera(fov, aspect, near, far);
    camera.updateMatrixWorld();
    const made = new THREE.CameraHelper(camera);
    // The helper follows the camera's world matrix; as a child of this node's
    // group it must use its own (the camera stays at the origin).
    made.matrix = new THREE.Matrix4();
    made.matrixAutoUpdate = true;
    return made;
  }, [fov, aspect, near, far]);
  useEffect(() => () => helper.dispose(), [helper]);
  return (
    <group {...useTransform(node)}>
      <primitive object={helper} />
      {children}
    </group>
  );
}
