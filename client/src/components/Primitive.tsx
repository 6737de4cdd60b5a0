// The primitive meshes (Box … Tube): a geometry from `args`, shared by content,
// and the node's material. Material element children replace the
// material while mounted; other children sit inside the mesh's frame.
// `outlines: {color, thickness}` draws drei's inverted-hull outline. Alike
// primitives are drawn instanced (core/instancing.ts, components/batchSpec.ts).
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
import { color, contentKey, isRecord, num, objectFlags } from "./props";
import { SharedCache, useShared } from "./shared";

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
      {isRecord(node.outlines) && (
        <Outlines color={color(node.outlines.color, "black")} thickness={num(node.outlines.thickness, 0.02)} />
      )}
      {children}
    </mesh>
  );
}
