// Registers the tags rendered by interaction/: camera controls, cameras,
// keyboard, gamepad, drag handles, Clickable, CameraView and its previews,
// ViewportHud, XR inputs, head, body and meshes. (GRAB_RENDER and
// GET_WEBXR_MESH are always answered, see GrabRenderRpc and xrMesh's
// MeshTracker; pointer events are always on, see core/SceneRoot.)
import { type ComponentTable, registerTable } from "../registry";
import "./linePicking";
import { CameraPreviewOverlayNode, CameraPreviewThumbsNode } from "./cameraPreviews";
import { CameraViewNode } from "./CameraView";
import { ClickableNode } from "./Clickable";
import { MovableNode, PivotNode } from "./dragHandles";
import { OrthographicCameraNode, PerspectiveCameraNode, SimplePerspectiveCameraNode } from "./cameras";
import { FisheyeCameraNode } from "./FisheyeCamera";
import { GamepadNode } from "./Gamepad";
import { KeyboardMonitorNode } from "./KeyboardMonitor";
import { OrbitControlsNode, SceneCameraControlNode } from "./OrbitControls";
import { SceneCameraNode } from "./SceneCamera";
import { ViewportHudNode } from "./ViewportHud";
import { BodyNode } from "./xrBody";
import { HeadNode } from "./xrHead";
import { HandsNode, MotionControllersNode } from "./xrInputs";
import { WebXRMeshNode } from "./xrMesh";
// HAPTIC_ACTUATOR_PULSE from the server vibrates the controllers.
import "./xrHaptics";

/** Tags whose whole behaviour lives in the core; their nodes draw nothing. */
function Nothing(): null {
  return null;
}

/** Every tag interaction/ renders, with its component (read by the coverage test). */
export const INTERACTION_TABLE: Readonly<ComponentTable> = {
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
  ViewportHud: ViewportHudNode,
  CameraPreviewThumbs: CameraPreviewThumbsNode,
  CameraPreviewOverlay: CameraPreviewOverlayNode,
  Gamepad: GamepadNode,
  Body: BodyNode,
  Head: HeadNode,
  Movable: MovableNode,
  Clickable: ClickableNode,
  Pivot: PivotNode,
  WebXRMesh: WebXRMeshNode,
  Hands: HandsNode,
  MotionControllers: MotionControllersNode,
  // GrabRender marks the main view as grabbable; ours always is.
  GrabRender: Nothing,
  // PointerControls enable pointer events; R3F's are always on.
  PointerControls: Nothing,
};

registerTable(INTERACTION_TABLE);
