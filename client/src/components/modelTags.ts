// The tags drawn by loading a model file (shared by the loader, its parsers and
// the file reader, which import one another).
import type { ComponentTag } from "../generated/schema";

/** The tags drawn by loading a model file. */
export const MODEL_TAGS = [
  "Obj",
  "Ply",
  "Stl",
  "Pcd",
  "Dae",
  "Fbx",
  "Glb",
  "Bvh",
  "Urdf",
] as const satisfies readonly ComponentTag[];
export type ModelTag = (typeof MODEL_TAGS)[number];
