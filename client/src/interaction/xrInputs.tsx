// `Hands` (HAND_MOVE) and `MotionControllers` (CONTROLLER_MOVE): the values
// (xrPoses) are sampled every XR frame and sent `fps` times a second
// (xrStream); `pulse<Side>Hash` changes vibrate a controller (xrHaptics); the
// hands and controllers are drawn from bundled models (xrHandModel,
// xrControllerModel).
import { useEffect, useRef, type ReactNode } from "react";
import type { NodeOf, TypedNodeProps } from "../registry";
import { bool, defaultOf, num } from "../core/props";
import { XRControllerModels } from "./xrControllerModel";
import { XRHandModels } from "./xrHandModel";
import { pulseSide, readPulse } from "./xrHaptics";
import { controllerSides, handSides, sampleControllers, sampleHands, SIDES, type Side } from "./xrPoses";
import { useXRStream } from "./xrStream";
import { CLIENT_ETYPES } from "../generated/protocol";

export function HandsNode({ node }: TypedNodeProps<"Hands">): ReactNode {
  const sides = handSides(node);
  const scale = typeof node.scale === "number" && node.scale > 0 ? node.scale : 1;
  useXRStream(node, CLIENT_ETYPES.HAND_MOVE, (frame, space) => sampleHands(frame, space, sides, scale));
  const drawn = sides.filter((side) => node[side === "left" ? "hideLeft" : "hideRight"] !== true);
  return (
    <XRHandModels
      sides={drawn}
      showFrame={bool(node.showFrame, defaultOf(node, "showFrame"))}
      frameScale={Math.max(1e-4, num(node.frameScale, defaultOf(node, "frameScale")))}
      scale={scale}
    />
  );
}

/** Pulses `side` each time `hash` changes to a new non-null value. */
function usePulseHash(node: NodeOf<"MotionControllers">, side: Side): void {
  const prop = side === "left" ? "pulseLeft" : "pulseRight";
  const hash = node[`${prop}Hash`];
  const fired = useRef<unknown>(null);
  const strength = num(node[`${prop}Strength`], defaultOf(node, `${prop}Strength`));
  const duration = num(node[`${prop}Duration`], defaultOf(node, `${prop}Duration`));
  useEffect(() => {
    if (hash === null || hash === undefined || hash === fired.current) return;
    fired.current = hash;
    const pulse = readPulse({ strength, duration }, `${prop}*`);
    if (pulse) pulseSide(side, pulse);
    // strength/duration changes alone do not pulse
  }, [hash]);
}

export function MotionControllersNode({ node }: TypedNodeProps<"MotionControllers">): ReactNode {
  const sides = controllerSides(node);
  useXRStream(node, CLIENT_ETYPES.CONTROLLER_MOVE, (frame, space) => sampleControllers(frame, space, sides));
  usePulseHash(node, "left");
  usePulseHash(node, "right");
  const drawn = SIDES.filter((side) => node[side === "left" ? "hideLeft" : "hideRight"] !== true);
  return <XRControllerModels sides={drawn} />;
}
