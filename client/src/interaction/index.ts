// Registers the tags rendered by interaction/: camera controls, cameras,
// keyboard, CameraView and the render RPC.
import { registerAll } from "../registry";
import { OrbitControlsNode } from "./OrbitControls";

registerAll({
  OrbitControls: OrbitControlsNode,
});
