// `Head`: the headset's pose from the standard WebXR viewer pose (any headset,
// no body tracking needed). While an XR session runs and `stream` is on,
// `HEAD_MOVE` goes out at up to `fps` with `{matrix}`: 16 floats, column-major,
// in the session's reference space. `show` draws an axes frame of
// `frameScale` metres at the head. Outside XR the per-frame work is one check.
import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useRef, type ReactNode } from "react";
import * as THREE from "three";
import { sendEvent } from "../events";
import type { NodeProps } from "../registry";
import { flag, num } from "./props";

export function HeadNode({ node }: NodeProps): ReactNode {
  const stream = flag(node.stream, true);
  const show = flag(node.show, false);
  const interval = 1000 / Math.max(0.1, num(node.fps, 30));
  const scale = Math.max(1e-4, num(node.frameScale, 0.05));
  const axes = useMemo(() => {
    const helper = new THREE.AxesHelper(1);
    helper.matrixAutoUpdate = false;
    helper.visible = false; // until a pose is known
    return helper;
  }, []);
  useEffect(() => () => axes.dispose(), [axes]);
  const last = useRef(0);
  const scaling = useMemo(() => new THREE.Matrix4(), []);

  useFrame((state, _delta, frame?: XRFrame) => {
    if (!frame) {
      axes.visible = false;
      return;
    }
    const space = state.gl.xr.getReferenceSpace();
    const pose = space ? frame.getViewerPose(space) : undefined;
    if (!pose) return;
    const matrix = pose.transform.matrix;
    if (show) {
      axes.matrix.fromArray(matrix).multiply(scaling.makeScale(scale, scale, scale));
      axes.matrixWorldNeedsUpdate = true;
    }
    axes.visible = show;
    const now = performance.now();
    if (!stream || now - last.current < interval) return;
    last.current = now;
    sendEvent("HEAD_MOVE", { matrix: Array.from(matrix) }, node.key);
  });

  return <primitive object={axes} />;
}
