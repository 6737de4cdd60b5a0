// Materials from wire props: the `material` dict (+ `materialType` and the
// shortcut props color/opacity/wireframe on the node), and the material
// element tags (meshStandardMaterial, …) that attach to their parent object.
// A material is rebuilt only when its content changes, and disposed then.
import { type ReactNode, useMemo } from "react";
import * as THREE from "three";
import type { ComponentTag } from "../generated/schema";
import type { NodeOf, TypedNodeProps } from "../registry";
import type { GeometryTag } from "./geometries";
import type { ModelTag } from "./modelTags";
import { bindTexture, isTextureSlot } from "../core/textures";
import { color, contentKey, isRecord, warnOnce } from "../core/props";
import { SharedCache, useShared } from "./shared";

type MaterialClass = new () => THREE.Material;

/** `materialType` names and material tags, to their three.js classes. */
const KINDS: Record<string, MaterialClass> = {
  basic: THREE.MeshBasicMaterial,
  standard: THREE.MeshStandardMaterial,
  phong: THREE.MeshPhongMaterial,
  lambert: THREE.MeshLambertMaterial,
  physical: THREE.MeshPhysicalMaterial,
  normal: THREE.MeshNormalMaterial,
  depth: THREE.MeshDepthMaterial,
  distance: THREE.MeshDistanceMaterial,
  toon: THREE.MeshToonMaterial,
  matcap: THREE.MeshMatcapMaterial,
  shadow: THREE.ShadowMaterial,
  points: THREE.PointsMaterial,
  linebasic: THREE.LineBasicMaterial,
  linedashed: THREE.LineDashedMaterial,
  sprite: THREE.SpriteMaterial,
  shader: THREE.ShaderMaterial,
  rawshader: THREE.RawShaderMaterial,
};

/** "meshStandardMaterial", "MeshStandardMaterial", "standard" → "standard". */
export function kindName(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const name = value.toLowerCase().replace(/^mesh/, "").replace(/material$/, "");
  return name in KINDS ? name : undefined;
}

const COLOR_KEYS = new Set([
  "color",
  "emissive",
  "specular",
  "sheenColor",
  "attenuationColor",
  "specularColor",
]);
const SKIPPED_KEYS = new Set(["type", "key", "tag", "children", "attach", "materialType"]);
const SIDES: Record<string, THREE.Side> = {
  front: THREE.FrontSide,
  frontside: THREE.FrontSide,
  back: THREE.BackSide,
  backside: THREE.BackSide,
  double: THREE.DoubleSide,
  doubleside: THREE.DoubleSide,
};

/** Set wire values on a material; unknown or mistyped keys log one warning each. */
export function applyMaterialValues(material: THREE.Material, values: Record<string, unknown>): void {
  const target = material as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(values)) {
    if (SKIPPED_KEYS.has(name) || value === undefined || value === null) continue;
    const current = target[name];
    if (isTextureSlot(name)) {
      // A URL, data URL or image bytes: loaded once, shared, set when decoded.
      if (!bindTexture(material, name, value))
        warnOnce(`vuer: material ${name} must be a URL or image bytes, got ${typeof value}`);
    } else if (COLOR_KEYS.has(name) && current instanceof THREE.Color) {
      current.set(color(value, current.getHex()));
    } else if (name === "side") {
      const side = typeof value === "number" ? value : SIDES[String(value).toLowerCase()];
      if (side === undefined) warnOnce(`vuer: material side ${JSON.stringify(value)} is unknown`);
      else material.side = side as THREE.Side;
    } else if (typeof current === typeof value && (typeof value === "number" || typeof value === "boolean")) {
      target[name] = value;
    } else if (name === "uniforms" && isRecord(value) && material instanceof THREE.ShaderMaterial) {
      for (const [u, v] of Object.entries(value)) {
        material.uniforms[u] = isRecord(v) && "value" in v
          ? (v as unknown as THREE.IUniform)
          : { value: v };
      }
    } else if ((name === "vertexShader" || name === "fragmentShader") && typeof value === "string") {
      target[name] = value;
    } else {
      warnOnce(`vuer: ${material.type} has no settable prop "${name}" of type ${typeof value}`);
    }
  }
  // An opacity below 1 only shows on a transparent material.
  if (typeof values.opacity === "number" && values.opacity < 1 && values.transparent === undefined) {
    material.transparent = true;
  }
  material.needsUpdate = true;
}

export function createMaterial(kind: string | undefined, values: Record<string, unknown>): THREE.Material {
  const Class = KINDS[kind ?? "standard"] ?? THREE.MeshStandardMaterial;
  const material = new Class();
  applyMaterialValues(material, values);
  return material;
}

const materials = new SharedCache<THREE.Material>();

/**
 * A material built from `values`, shared with every node asking for the same
 * content, rebuilt when the content changes and disposed with its last user.
 * Shared: never mutate it.
 */
export function useBuiltMaterial(kind: string | undefined, values: Record<string, unknown>): THREE.Material {
  return useShared(materials, `${kind}|${contentKey(values)}`, () => createMaterial(kind, values));
}

/**
 * The material of a drawable node: its `material` dict, with the node-level
 * shortcuts (color, opacity, wireframe, side) laid over it when given.
 */
/** The tags whose own material comes from their shortcut props (see nodeMaterialValues). */
export type MaterialUserTag = GeometryTag | ModelTag | "TriMesh" | "Text3D";

export function nodeMaterialValues(
  node: NodeOf<MaterialUserTag>,
  defaults: Record<string, unknown> = {},
): Record<string, unknown> {
  const values: Record<string, unknown> = { ...defaults };
  if (isRecord(node.material)) Object.assign(values, node.material);
  const shortcut = node.color ?? node.materialColor;
  if (shortcut !== undefined) values.color = shortcut;
  for (const name of ["opacity", "wireframe", "side", "transparent", "vertexColors"] as const) {
    if (node[name] !== undefined) values[name] = node[name];
  }
  return values;
}

export function nodeMaterialKind(node: NodeOf<Exclude<MaterialUserTag, "Pcd">>, fallback = "standard"): string {
  const dictType = isRecord(node.material) ? node.material.type : undefined;
  return kindName(node.materialType) ?? kindName(dictType) ?? fallback;
}

/** The node's material (see nodeMaterialValues), shared by content. */
export function useNodeMaterial(
  node: NodeOf<Exclude<MaterialUserTag, "Pcd">>,
  fallbackKind = "standard",
): THREE.Material {
  const { material, materialType, color: c, materialColor, opacity, wireframe, side, transparent, vertexColors } = node;
  // A 60 Hz stream of position updates keeps these props' identities: the
  // material's key is worked out again only when one of them changes.
  const key = useMemo(() => {
    const values = nodeMaterialValues(node);
    const kind = nodeMaterialKind(node, fallbackKind);
    return { kind, values, id: `${kind}|${contentKey(values)}` };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the props read above
  }, [material, materialType, c, materialColor, opacity, wireframe, side, transparent, vertexColors, fallbackKind]);
  return useShared(materials, key.id, () => createMaterial(key.kind, key.values));
}

/**
 * A material element tag: builds its material from the node's props and
 * attaches it to the parent object (mesh, points, line), replacing the
 * parent's own material while it is mounted.
 */
export function MaterialElement({ node }: TypedNodeProps<MaterialTag>): ReactNode {
  const { tag, key, children, attach, ...values } = node;
  void key;
  void children;
  const kind = kindName(node.tag === "material" ? (node.type ?? "standard") : tag);
  const material = useBuiltMaterial(kind, values);
  return <primitive object={material} attach={typeof attach === "string" ? attach : "material"} />;
}

export const MATERIAL_TAGS = [
  "material",
  "meshBasicMaterial",
  "meshStandardMaterial",
  "meshPhongMaterial",
  "meshLambertMaterial",
  "meshPhysicalMaterial",
  "meshNormalMaterial",
  "meshDepthMaterial",
  "meshDistanceMaterial",
  "meshToonMaterial",
  "meshMatcapMaterial",
  "shadowMaterial",
  "pointsMaterial",
  "lineBasicMaterial",
  "lineDashedMaterial",
  "spriteMaterial",
  "shaderMaterial",
  "rawShaderMaterial",
] as const satisfies readonly ComponentTag[];

export type MaterialTag = (typeof MATERIAL_TAGS)[number];
