// The shadow and draw-order flags every drawable object takes.
import { bool, defaultOf, num } from "../core/props";
import type { NodeOf } from "../registry";
import type { GeometryTag } from "./geometries";

/** The tags whose object takes the shadow and draw-order flags below. */
export type FlaggedTag = GeometryTag | "mesh" | "TriMesh" | "PointCloud";

/** Shadow and draw-order props of a drawable object. */
export function objectFlags(node: NodeOf<FlaggedTag>): {
  castShadow: boolean;
  receiveShadow: boolean;
  renderOrder: number;
  frustumCulled: boolean;
} {
  return {
    castShadow: bool(node.castShadow, defaultOf(node, "castShadow")),
    receiveShadow: bool(node.receiveShadow, defaultOf(node, "receiveShadow")),
    renderOrder: num(node.renderOrder, defaultOf(node, "renderOrder")),
    frustumCulled: bool(node.frustumCulled, defaultOf(node, "frustumCulled")),
  };
}
