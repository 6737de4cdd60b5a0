// `SceneCamera`: sets the pose and lens of the camera the canvas renders
// with (DefaultScene sends one at [0, 5, 10]); controls keep orbiting the
// `lookAt` point.
import { useThree } from "@react-three/fiber";
import { useLayoutEffect } from "react";
import { Vector3, type PerspectiveCamera } from "three";
import { toVector3 } from "../core/transform";
import type { TypedNodeProps } from "../registry";
import { contentKey, num } from "../core/props";

interface Targeted {
  target?: Vector3;
  update?: () => void;
}

export function SceneCameraNode({ node }: TypedNodeProps<"SceneCamera">): null {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as Targeted | null;
  const invalidate = useThree((s) => s.invalidate);
  const pose = contentKey([node.position ?? null, node.lookAt ?? null]);
  const { fov, near, far } = node;

  useLayoutEffect(() => {
    // A SET that replaces the scene (e.g. the page's starting DefaultScene)
    // hands the camera back where it was before this SceneCamera placed it.
    const position = camera.position.clone();
    const quaternion = camera.quaternion.clone();
    return () => {
      camera.position.copy(position);
      camera.quaternion.copy(quaternion);
      camera.updateMatrixWorld();
    };
  }, [camera]);

  useLayoutEffect(() => {
    const [position, lookAt] = JSON.parse(pose) as [unknown, unknown];
    const at = toVector3(lookAt) ?? new Vector3();
    const from = toVector3(position);
    if (from) camera.position.copy(from);
    camera.lookAt(at);
    camera.updateMatrixWorld();
    if (controls?.target) {
      controls.target.copy(at);
      controls.update?.();
    }
    invalidate();
  }, [pose, camera, controls, invalidate]);

  useLayoutEffect(() => {
    if (!("isPerspectiveCamera" in camera)) return;
    const lens = camera as PerspectiveCamera;
    const before = { fov: lens.fov, near: lens.near, far: lens.far };
    // The public client's SceneCamera lens (fov 60) unless the node says otherwise.
    lens.fov = num(fov, 60);
    lens.near = num(near, 0.1);
    lens.far = num(far, 2000);
    lens.updateProjectionMatrix();
    invalidate();
    return () => {
      // The built-in camera gets its own lens back when the SceneCamera goes.
      Object.assign(lens, before);
      lens.updateProjectionMatrix();
    };
  }, [fov, near, far, camera, invalidate]);
  return null;
}
