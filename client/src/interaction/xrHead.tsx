// `Head`: the headset's pose from the standard WebXR viewer pose (any headset,
// no body tracking needed). While an XR session runs and `stream` is on,
// `HEAD_MOVE` goes out `fps` times a second (xrStream) with `{matrix}`: 16 floats, column-major,
// in the session's reference space. `show` draws an axes frame of
// `frameScale` metres at the head. Outside XR the per-frame work is one check.
import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, type ReactNode } from "react";
import * as THREE from "three";
import type { TypedNodeProps } from "../registry";
import { bool, defaultOf, num } from "../core/props";
import { useXRStream } from "./xrStream";
import { CLIENT_ETYPES } from "../generated/protocol";

function sampleHead(frame: XRFrame, space: XRReferenceSpace) {
  const pose = frame.getViewerPose(space);
  return pose ? { matrix: Array.from(pose.transform.matrix) } : null;
}

export function HeadNode({ node }: TypedNodeProps<"Head">): ReactNode {
  const show = bool(node.show, defaultOf(node, "show"));
  useXRStream(node, CLIENT_ETYPES.HEAD_MOVE, sampleHead);
  const scale = Math.max(1e-4, num(node.frameScale, defaultOf(node, "frameScale")));
  const axes = useMemo(() => {
    const helper = new THREE.AxesHelper(1);
    helper.matrixAutoUpdate = false;
    helper.visible = false; // until a pose is known
    return helper;
  }, []);
  useEffect(() => () => axes.dispose(), [axes]);
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
  });

  return <primitive object={axes} />;
}
