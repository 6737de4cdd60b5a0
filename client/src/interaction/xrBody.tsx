// `Body`: WebXR body tracking (the experimental XRFrame.body of Quest
// Browser). While an XR session reports a body and the node has `stream`,
// `BODY_MOVE` goes out `fps` times a second (xrStream) with `{body, leftHand?, rightHand?}`:
// 16 floats (column-major) per joint, in the session's reference space. `body`
// lists the XRBody joints in the browser's order, hand joints left out; the
// hands (25 joints each, the WebXR hand order) come from the hand inputs when
// `leftHand` / `rightHand` ask for them. Without body tracking nothing is sent
// or drawn; outside XR the per-frame work is one check.
import { useFrame } from "@react-three/fiber";
import { useMemo, type ReactNode } from "react";
import * as THREE from "three";
import type { TypedNodeProps } from "../registry";
import { bool, defaultOf, num } from "../core/props";
import { handPoses } from "./xrPoses";
import { useXRStream } from "./xrStream";
import { CLIENT_ETYPES } from "../generated/protocol";

/** XRFrame.body (WebXR Body Tracking): joint name → space, in spec order. */
interface BodyFrame {
  body?: { entries(): IterableIterator<[string, XRSpace]> } | null;
}

const MAX_JOINTS = 128;
const AXES = [new THREE.Color("red"), new THREE.Color("green"), new THREE.Color("blue")];

/** Body joint poses (hand joints left out), or null when the frame has no body. */
export function bodyPoses(frame: XRFrame, space: XRReferenceSpace): Float32Array | null {
  const body = (frame as XRFrame & BodyFrame).body;
  if (!body) return null;
  const poses: number[] = [];
  for (const [name, jointSpace] of body.entries()) {
    if (name.startsWith("left-hand-") || name.startsWith("right-hand-")) continue;
    const pose = frame.getPose(jointSpace, space);
    if (!pose) return null;
    poses.push(...pose.transform.matrix);
  }
  return poses.length > 0 ? Float32Array.from(poses) : null;
}

/** Points at the joints and short RGB axes for their frames. */
function useJointDrawing(frameScale: number) {
  return useMemo(() => {
    const points = new THREE.Points(
      new THREE.BufferGeometry().setAttribute(
        "position",
        new THREE.BufferAttribute(new Float32Array(MAX_JOINTS * 3), 3),
      ),
      new THREE.PointsMaterial({ color: "#ffcc00", size: 0.015 }),
    );
    const axes = new THREE.LineSegments(
      new THREE.BufferGeometry()
        .setAttribute("position", new THREE.BufferAttribute(new Float32Array(MAX_JOINTS * 18), 3))
        .setAttribute("color", new THREE.BufferAttribute(new Float32Array(MAX_JOINTS * 18), 3)),
      new THREE.LineBasicMaterial({ vertexColors: true }),
    );
    points.frustumCulled = axes.frustumCulled = false;
    points.visible = axes.visible = false; // until a body is tracked
    const draw = (poses: Float32Array) => {
      const count = Math.min(MAX_JOINTS, poses.length / 16);
      const at = points.geometry.getAttribute("position") as THREE.BufferAttribute;
      const lines = axes.geometry.getAttribute("position") as THREE.BufferAttribute;
      const colors = axes.geometry.getAttribute("color") as THREE.BufferAttribute;
      for (let j = 0; j < count; j++) {
        const m = j * 16;
        const [x, y, z] = [poses[m + 12], poses[m + 13], poses[m + 14]];
        at.setXYZ(j, x, y, z);
        for (let a = 0; a < 3; a++) {
          const v = j * 6 + a * 2;
          lines.setXYZ(v, x, y, z);
          // column a of the joint's rotation is its local axis a
          const [dx, dy, dz] = [poses[m + a * 4], poses[m + a * 4 + 1], poses[m + a * 4 + 2]];
          lines.setXYZ(v + 1, x + dx * frameScale, y + dy * frameScale, z + dz * frameScale);
          colors.setXYZ(v, AXES[a].r, AXES[a].g, AXES[a].b);
          colors.setXYZ(v + 1, AXES[a].r, AXES[a].g, AXES[a].b);
        }
      }
      points.geometry.setDrawRange(0, count);
      axes.geometry.setDrawRange(0, count * 6);
      at.needsUpdate = lines.needsUpdate = colors.needsUpdate = true;
    };
    return { points, axes, draw };
  }, [frameScale]);
}

/** BODY_MOVE's value: the body joints, plus the hands `leftHand` / `rightHand` ask for. */
function sampleBody(frame: XRFrame, space: XRReferenceSpace, hands: ("left" | "right")[]) {
  const body = bodyPoses(frame, space);
  if (!body) return null;
  const value: Record<string, number[]> = { body: Array.from(body) };
  for (const source of frame.session.inputSources) {
    const side = source.handedness;
    if (!source.hand || (side !== "left" && side !== "right") || !hands.includes(side)) continue;
    const poses = handPoses(frame, source.hand, space);
    if (poses) value[`${side}Hand`] = Array.from(poses);
  }
  return value;
}

export function BodyNode({ node }: TypedNodeProps<"Body">): ReactNode {
  const showBody = bool(node.showBody, defaultOf(node, "showBody"));
  const showFrame = bool(node.showFrame, defaultOf(node, "showFrame"));
  const drawing = useJointDrawing(num(node.frameScale, defaultOf(node, "frameScale")));
  const hands = (["left", "right"] as const).filter((side) => node[`${side}Hand`] === true);
  useXRStream(node, CLIENT_ETYPES.BODY_MOVE, (frame, space) => sampleBody(frame, space, hands));

  useFrame((state, _delta, frame?: XRFrame) => {
    const space = frame ? state.gl.xr.getReferenceSpace() : null;
    const body = frame && space ? bodyPoses(frame, space) : null;
    drawing.points.visible = body !== null && showBody;
    drawing.axes.visible = body !== null && showFrame;
    if (body && (showBody || showFrame)) drawing.draw(body);
  });

  return (
    <>
      <primitive object={drawing.points} />
      <primitive object={drawing.axes} />
    </>
  );
}
