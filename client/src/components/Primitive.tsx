// The primitive meshes (Box … Tube): a geometry from `args`, shared by content,
// and the node's material. Material element children replace the
// material while mounted; other children sit inside the mesh's frame.
// `outlines: {color, thickness, opacity}` draws drei's inverted-hull outline as
// a screen-space halo (see outlineProps). Alike primitives are drawn instanced
// (core/instancing.ts, components/batchSpec.ts).
import { Outlines } from "@react-three/drei";
import { type ReactNode, useMemo, useRef } from "react";
import type { Mesh } from "three";
import type { BufferGeometry } from "three";
import { hiddenMaterial } from "../core/instancing";
import { useBatch } from "../core/useBatch";
import { useTransform } from "../core/transform";
import type { TypedNodeProps } from "../registry";
import { batchSpec } from "./batchSpec";
import { buildGeometry, type GeometryTag } from "./geometries";
import { useNodeMaterial } from "./materials";
import { color, contentKey, isRecord, num } from "../core/props";
import { objectFlags } from "./objectFlags";
import { SharedCache, useShared } from "./shared";

/** Halo width in pixels when `thickness` is not given in pixels. */
const OUTLINE_PX = 6;

/**
 * drei Outlines props from the wire dict. The public client draws a halo a
 * few pixels wide whatever the (metre-sized) thickness its docs pass, e.g.
 * `{angle: 0, thickness: 0.005, color: "white"}`: a thickness of 1 or more is
 * read as pixels, a smaller one gives the same halo as there.
 */
export function outlineProps(outlines: Record<string, unknown>) {
  const thickness = num(outlines.thickness, OUTLINE_PX);
  return {
    color: color(outlines.color, "white"),
    thickness: thickness >= 1 ? thickness : OUTLINE_PX,
    // drei's shader offsets in pixels (clip space) on this branch and in
    // metres on the "screenspace" one; the browser test checks the halo's width.
    screenspace: false,
    // Smooth hull normals: a box's faces split apart at a crease angle of 0,
    // the docs' value, leaving gaps at its corners.
    angle: Math.PI,
    opacity: num(outlines.opacity, 1),
    transparent: num(outlines.opacity, 1) < 1,
  };
}

/** Geometries by tag and args content, shared by every primitive with the same ones. */
const geometries = new SharedCache<BufferGeometry>();

export function Primitive({ node, children }: TypedNodeProps<GeometryTag>): ReactNode {
  const transform = useTransform(node);
  const { tag, args } = node;
  const geometryKey = useMemo(() => `${tag}|${contentKey(args)}`, [tag, args]);
  const geometry = useShared(geometries, geometryKey, () => buildGeometry(tag, args));
  const material = useNodeMaterial(node);
  // Many alike primitives draw as one InstancedMesh; this mesh then only holds
  // the node's place, transform, children and events (core/instancing.ts).
  const spec = useMemo(() => batchSpec(node, geometryKey, geometry), [node, geometryKey, geometry]);
  const mesh = useRef<Mesh>(null);
  const batched = useBatch(spec, mesh, material);
  return (
    <mesh
      ref={mesh}
      {...transform}
      {...objectFlags(node)}
      geometry={geometry}
      material={batched ? hiddenMaterial(material.side) : material}
    >
      {isRecord(node.outlines) && <Outlines {...outlineProps(node.outlines)} />}
      {children}
    </mesh>
  );
}
