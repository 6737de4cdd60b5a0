// `SceneCamera`: sets the pose and lens of the camera the canvas renders
// with (DefaultScene sends one at [0, 5, 10]); controls keep orbiting the
// `lookAt` point.
import { useThree } from "@react-three/fiber";
import { useLayoutEffect } from "react";
import { Vector3, type PerspectiveCamera } from "three";
import { toVector3 } from "../core/transform";
import type { NodeProps } from "../registry";
import { num, valueKey } from "./props";

interface Targeted {
  target?: Vector3;
  update?: () => void;
}

export function SceneCameraNode({ node }: NodeProps): null {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as Targeted | null;
  const invalidate = useThree((s) => s.invalidate);
  const pose = valueKey([node.position ?? null, node.lookAt ?? null]);
  const { fov, near, far } = node;

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
    const lens = camera as Partial<PerspectiveCamera>;
    if (!("isPerspectiveCamera" in camera)) return;
    lens.fov = num(fov, lens.fov ?? 50);
    lens.near = num(near, lens.near ?? 0.1);
    lens.far = num(far, lens.far ?? 1000);
    camera.updateProjectionMatrix();
    invalidate();
  }, [fov, near, far, camera, invalidate]);
  return null;
}
