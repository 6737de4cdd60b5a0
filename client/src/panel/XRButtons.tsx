// "Enter VR" / "Enter AR" buttons, shown only where the browser offers them.
import { useEffect, type ReactNode } from "react";
import { getThree } from "../core/threeState";
import { enterXR, exitXR, probeXR, useXRState, type XRMode } from "../interaction/xrSession";

const LABELS: Record<XRMode, string> = { "immersive-vr": "Enter VR", "immersive-ar": "Enter AR" };

function enter(mode: XRMode): void {
  const gl = getThree()?.gl;
  if (!gl) {
    console.warn(`vuer: the 3D view is not ready yet; press "${LABELS[mode]}" again`);
    return;
  }
  enterXR(gl, mode).catch((error: unknown) => console.error(`vuer: could not start ${mode}`, error));
}

export function XRButtons(): ReactNode {
  const supported = useXRState((s) => s.supported);
  const inSession = useXRState((s) => s.session !== null);
  useEffect(() => {
    probeXR().catch((error: unknown) => console.warn("vuer: WebXR probe failed", error));
  }, []);
  if (inSession)
    return (
      <button id="vuer-xr-exit" className="vuer-xr-button" onClick={() => void exitXR()}>
        Exit XR
      </button>
    );
  const modes = (Object.keys(LABELS) as XRMode[]).filter((mode) => supported[mode]);
  return (
    <>
      {modes.map((mode) => (
        <button key={mode} className="vuer-xr-button" data-mode={mode} onClick={() => enter(mode)}>
          {LABELS[mode]}
        </button>
      ))}
    </>
  );
}
