// The page starts from the scene Python's `DefaultScene()` sends (generated
// from it: scripts/gen_default_scene.py), so a program that only adds or
// upserts draws into a grid, lights, camera and controls, as it would on the
// public client. The program's first SET replaces it.
import { DEFAULT_SCENE } from "../generated/defaultScene";
import { SceneGraph } from "../sceneGraph";

/** A scene graph holding a fresh copy of the default scene. */
export function defaultSceneGraph(): SceneGraph {
  const graph = new SceneGraph();
  graph.set(structuredClone(DEFAULT_SCENE));
  return graph;
}
