// `CameraView`: a virtual camera rendered off-screen. It answers GRAB_RENDER
// for its key and, with `stream="frame"` or `"time"`, sends CAMERA_VIEW
// events at up to `fps`. `showFrustum` draws its frustum in the main view.
// `ctype="orthographic"` makes it an orthographic camera that sees, at every
// depth, what the perspective one would see at `distanceToCamera` (default 2).
import { useFrame, useThree } from "@react-three/fiber";
import { useFramesWhile } from "../core/invalidate";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from "react";
import { CameraHelper, OrthographicCamera, PerspectiveCamera } from "three";
import { useTransform } from "../core/transform";
import { sendEvent } from "../events";
import type { TypedNodeProps } from "../registry";
import { cameraPayload } from "./cameraPayload";
import { capture, captureOptions, renderPixels } from "./capture";
import { bool, defaultOf, num } from "../core/props";
import { registerView } from "./views";
import { CLIENT_ETYPES } from "../generated/protocol";

export function CameraViewNode({ node, children }: TypedNodeProps<"CameraView">): ReactNode {
  const transform = useTransform(node);
  const get = useThree((s) => s.get);
  const scene = useThree((s) => s.scene);
  const orthographic = node.ctype === "orthographic";
  const camera = useMemo(() => (orthographic ? new OrthographicCamera() : new PerspectiveCamera()), [orthographic]);
  const { distanceToCamera } = node;
  const helper = useRef<CameraHelper | null>(null);
  const width = Math.max(1, Math.round(num(node.width, defaultOf(node, "width"))));
  const height = Math.max(1, Math.round(num(node.height, defaultOf(node, "height"))));
  const downsample = Math.max(1, num(node.downsample, defaultOf(node, "downsample")));
  const renderDepth = bool(node.renderDepth, defaultOf(node, "renderDepth"));
  const showFrustum = bool(node.showFrustum, defaultOf(node, "showFrustum"));
  const { fov, near, far } = node;

  useLayoutEffect(() => {
    camera.near = num(near, 0.1);
    camera.far = num(far, 20);
    if (camera instanceof PerspectiveCamera) {
      camera.fov = num(fov, 50);
      camera.aspect = width / height;
    } else {
      const halfHeight = Math.tan((num(fov, 50) * Math.PI) / 360) * num(distanceToCamera, 2);
      const halfWidth = (halfHeight * width) / height;
      [camera.left, camera.right, camera.top, camera.bottom] = [-halfWidth, halfWidth, halfHeight, -halfHeight];
    }
    camera.updateProjectionMatrix();
    helper.current?.update();
  }, [camera, fov, near, far, width, height, distanceToCamera]);

  useEffect(() => {
    if (!showFrustum) return;
    const cameraHelper = new CameraHelper(camera);
    helper.current = cameraHelper;
    scene.add(cameraHelper);
    return () => {
      scene.remove(cameraHelper);
      cameraHelper.dispose();
      helper.current = null;
    };
  }, [camera, scene, showFrustum]);

  const grab = useCallback(
    async (data: Record<string, unknown>) => {
      const { gl, scene } = get();
      const options = captureOptions(data, {
        width: width / downsample,
        height: height / downsample,
        renderDepth,
      });
      camera.updateMatrixWorld();
      const shown = helper.current?.visible ?? false;
      if (helper.current) helper.current.visible = false; // not in its own picture
      try {
        const shot = await capture(gl, scene, camera, options);
        return { ...shot, dpr: 1, camera: cameraPayload(camera, width, height) };
      } finally {
        if (helper.current) helper.current.visible = shown;
      }
    },
    [get, camera, width, height, downsample, renderDepth],
  );

  const snapshot = useCallback(
    (w: number, h: number) => {
      const { gl, scene } = get();
      camera.updateMatrixWorld();
      const shown = helper.current?.visible ?? false;
      if (helper.current) helper.current.visible = false;
      try {
        return renderPixels(gl, scene, camera, w, h, true);
      } finally {
        if (helper.current) helper.current.visible = shown;
      }
    },
    [get, camera],
  );

  useEffect(
    () => registerView(node.key, { grab, snapshot, aspect: width / height }),
    [node.key, grab, snapshot, width, height],
  );

  const streaming = node.stream === "frame" || node.stream === "time";
  const interval = 1000 / Math.max(0.1, num(node.fps, defaultOf(node, "fps")));
  const last = useRef(0);
  const busy = useRef(false);
  useFramesWhile(() => streaming); // demand frame loop: a streaming view keeps frames coming
  useFrame(() => {
    const now = performance.now();
    if (!streaming || busy.current || now - last.current < interval) return;
    last.current = now;
    busy.current = true;
    grab({})
      .then((value) => sendEvent(CLIENT_ETYPES.CAMERA_VIEW, value, node.key))
      .catch((error: unknown) => console.error("vuer: CameraView frame failed", error))
      .finally(() => {
        busy.current = false;
      });
  });

  return (
    <group {...transform}>
      <primitive object={camera} />
      {children}
    </group>
  );
}
