// The primitive meshes (Box … Tube): a geometry from `args`, shared by content,
// and the node's material. Material element children replace the
// material while mounted; other children sit inside the mesh's frame.
// `outlines: {color, thickness}` draws drei's inverted-hull outline.
import { Outlines } from "@react-three/drei";
import { type ReactNode, useMemo } from "react";
import type { BufferGeometry } from "three";
import { useTransform } from "../core/transform";
import type { TypedNodeProps } from "../registry";
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
  return (
    <mesh {...transform} {...objectFlags(node)} geometry={geometry} material={material}>
      {isRecord(node.outlines) && (
        <Outlines color={color(node.outlines.color, "black")} thickness={num(node.outlines.thickness, 0.02)} />
      )}
      {children}
    </mesh>
  );
}
