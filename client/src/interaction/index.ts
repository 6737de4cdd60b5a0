// Registers the tags rendered by interaction/: camera controls, cameras,
// keyboard, CameraView and XR inputs. (GRAB_RENDER itself is always answered, see
// GrabRenderRpc; pointer events are always on, see core/SceneRoot.)
import { registerAll } from "../registry";
import { CameraViewNode } from "./CameraView";
import { OrthographicCameraNode, PerspectiveCameraNode, SimplePerspectiveCameraNode } from "./cameras";
import { FisheyeCameraNode } from "./FisheyeCamera";
import { KeyboardMonitorNode } from "./KeyboardMonitor";
import { OrbitControlsNode, SceneCameraControlNode } from "./OrbitControls";
import { SceneCameraNode } from "./SceneCamera";
import { HandsNode, MotionControllersNode } from "./xrInputs";

/** Tags whose whole behaviour lives in the core; their nodes draw nothing. */
function Nothing(): null {
  return null;
}

registerAll({
  OrbitControls: OrbitControlsNode,
  SceneCameraControl: SceneCameraControlNode,
  SceneCamera: SceneCameraNode,
  PerspectiveCamera: PerspectiveCameraNode,
  SimplePerspectiveCamera: SimplePerspectiveCameraNode,
  OrthographicCamera: OrthographicCameraNode,
  FisheyeCamera: FisheyeCameraNode,
  SimpleOrthographicCamera: OrthographicCameraNode,
  KeyboardMonitor: KeyboardMonitorNode,
  CameraView: CameraViewNode,
  Hands: HandsNode,
  MotionControllers: MotionControllersNode,
  // GrabRender marks the main view as grabbable; ours always is.
  GrabRender: Nothing,
  // PointerControls enable pointer events; R3F's are always on.
  PointerControls: Nothing,
});
