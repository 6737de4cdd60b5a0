// The `camera` value of CAMERA_MOVE (and of rendered frames): pose,
// projection and viewport of a three.js camera.
import { Euler, Quaternion, Vector3, type Camera, type OrthographicCamera, type PerspectiveCamera } from "three";
import type { CameraPose } from "../generated/protocol";

export function cameraPayload(camera: Camera, width: number, height: number): CameraPose {
  camera.updateMatrixWorld();
  // World pose: a camera may sit inside a transformed group (CameraView).
  const position = new Vector3();
  const quaternion = new Quaternion();
  camera.matrixWorld.decompose(position, quaternion, new Vector3());
  const rotation = new Euler().setFromQuaternion(quaternion, camera.rotation.order);
  const persp = camera as Partial<PerspectiveCamera>;
  const ortho = camera as Partial<OrthographicCamera>;
  return {
    position: position.toArray(),
    rotation: [rotation.x, rotation.y, rotation.z],
    quaternion: quaternion.toArray(),
    matrix: Array.from(camera.matrixWorld.elements),
    aspect: persp.aspect ?? width / Math.max(1, height),
    fov: persp.fov,
    near: persp.near ?? ortho.near,
    far: persp.far ?? ortho.far,
    zoom: persp.zoom ?? ortho.zoom,
    width,
    height,
    ctype: camera.type,
    filmGauge: persp.filmGauge,
    filmOffset: persp.filmOffset,
    focus: persp.focus,
  };
}
