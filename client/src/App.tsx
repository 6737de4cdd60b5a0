// The page: the WebGL canvas with the scene, the HTML overlay and the panel.
import { Canvas, type RootState } from "@react-three/fiber";
import type { ReactNode } from "react";
import { builtInFov } from "./core/cameraQuery";
import { HtmlLayer } from "./core/HtmlLayer";
import { SceneRoot } from "./core/SceneRoot";
import { setThreeGetter } from "./core/threeState";
import { FrameCounter } from "./core/FrameCounter";
import { GL_OPTIONS } from "./core/glOptions";
import { InvalidateOnStore } from "./core/InvalidateOnStore";
import { StatsOverlay, statsRequested } from "./core/StatsOverlay";
import { CameraPreviews, PreviewPainter } from "./interaction/cameraPreviews";
import { lensEvents } from "./interaction/fisheyeLens";
import { GrabRenderRpc } from "./interaction/GrabRenderRpc";
import { MeshTracker } from "./interaction/xrMesh";
import { Panel } from "./panel/Panel";

/** The clear colour shown when the Scene sets no background (white, as the public client). */
const CLEAR_COLOR = "#ffffff";

/**
 * The built-in camera, where the public client's is (fov 75, or the `fov`
 * query parameter, at [0, 0, 5], unturned: a z-up scene is seen from above);
 * marked so the Scene's camPosition applies to it only.
 */
const CAMERA = {
  fov: builtInFov(),
  near: 0.01,
  far: 2000,
  position: [0, 0, 5] as [number, number, number],
  userData: { vuerDefault: true },
};

function onCreated(state: RootState): void {
  state.gl.domElement.id = "vuer-canvas";
  state.gl.setClearColor(CLEAR_COLOR, 1);
  setThreeGetter(state.get);
}

export function App(): ReactNode {
  return (
    <>
      <Canvas
        className="vuer-canvas-wrap"
        camera={CAMERA}
        shadows
        frameloop="demand"
        gl={GL_OPTIONS}
        events={lensEvents}
        onCreated={onCreated}
      >
        <FrameCounter />
        <InvalidateOnStore />
        <GrabRenderRpc />
        <MeshTracker />
        <PreviewPainter />
        <SceneRoot />
      </Canvas>
      <HtmlLayer />
      <CameraPreviews />
      <Panel />
      {statsRequested() && <StatsOverlay />}
    </>
  );
}
