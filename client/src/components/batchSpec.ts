// Which primitives may be drawn instanced, and with which group: the same
// geometry (tag and args), material kind and material values except the
// colour (that goes per instance), and the same shadow flags. Anything the
// batch cannot reproduce per instance keeps the node out (docs/instancing.md).
import type * as THREE from "three";
import type { BatchSpec } from "../core/instancing";
import type { NodeOf } from "../registry";
import type { GeometryTag } from "./geometries";
import { createMaterial, nodeMaterialKind, nodeMaterialValues } from "./materials";
import { contentKey, isRecord } from "../core/props";
import { objectFlags } from "./objectFlags";

/** Material kinds whose colour an instance colour reproduces exactly (colour × white). */
const KINDS = new Set(["basic", "standard", "phong", "lambert", "physical", "toon"]);
/** Material values a batch shares; any other (opacity, maps, vertex colours…) keeps the node out. */
const SHARED = new Set([
  "type",
  "color",
  "emissive",
  "emissiveIntensity",
  "roughness",
  "metalness",
  "wireframe",
  "side",
  "flatShading",
  "specular",
  "shininess",
]);

export function batchSpec(
  node: NodeOf<GeometryTag>,
  geometryKey: string,
  geometry: THREE.BufferGeometry,
): BatchSpec | null {
  const flags = objectFlags(node);
  if (flags.renderOrder !== 0 || isRecord(node.outlines)) return null;
  if ((node as { layers?: unknown }).layers !== undefined) return null;
  const kind = nodeMaterialKind(node);
  if (!KINDS.has(kind)) return null;
  const values = nodeMaterialValues(node);
  for (const [name, value] of Object.entries(values)) {
    if (!SHARED.has(name) && value !== undefined && value !== null) return null;
  }
  const { color: _color, ...shared } = values;
  const key = `${geometryKey}|${kind}|${contentKey(shared)}|${flags.castShadow}|${flags.receiveShadow}`;
  return {
    key,
    geometry,
    makeMaterial: () => createMaterial(kind, shared),
    castShadow: flags.castShadow,
    receiveShadow: flags.receiveShadow,
  };
}
