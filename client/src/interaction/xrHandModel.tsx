// Draws the tracked hands in the headset: the bundled generic hand mesh
// (its bones are named after the WebXR joints) posed from the joint poses
// each XR frame, plus an axes frame of `frameScale` metres at each joint when
// `showFrame` is on. Outside a session, or while a hand is not tracked,
// nothing is drawn; the mesh is fetched (from the bundle) on first use.
import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import * as THREE from "three";
import { clone as cloneSkinned } from "three/examples/jsm/utils/SkeletonUtils.js";
import { handAssetUrl, loadScene } from "./xrAssets";
import { useDrawClaim } from "./xrDrawClaims";
import { handPoses, scaleAboutWrist, type Side } from "./xrPoses";
import { useXRState } from "./xrSession";

export const JOINT_NAMES = [
  "wrist",
  "thumb-metacarpal",
  "thumb-phalanx-proximal",
  "thumb-phalanx-distal",
  "thumb-tip",
  "index-finger-metacarpal",
  "index-finger-phalanx-proximal",
  "index-finger-phalanx-intermediate",
  "index-finger-phalanx-distal",
  "index-finger-tip",
  "middle-finger-metacarpal",
  "middle-finger-phalanx-proximal",
  "middle-finger-phalanx-intermediate",
  "middle-finger-phalanx-distal",
  "middle-finger-tip",
  "ring-finger-metacarpal",
  "ring-finger-phalanx-proximal",
  "ring-finger-phalanx-intermediate",
  "ring-finger-phalanx-distal",
  "ring-finger-tip",
  "pinky-finger-metacarpal",
  "pinky-finger-phalanx-proximal",
  "pinky-finger-phalanx-intermediate",
  "pinky-finger-phalanx-distal",
  "pinky-finger-tip",
];

interface HandMesh {
  root: THREE.Object3D;
  bones: (THREE.Object3D | undefined)[];
}

function useHandMesh(side: Side, wanted: boolean): HandMesh | null {
  const [mesh, setMesh] = useState<HandMesh | null>(null);
  useEffect(() => {
    setMesh(null);
    if (!wanted) return;
    let live = true;
    handAssetUrl(side)
      .then(loadScene)
      .then((scene) => {
        if (!live) return;
        // a skinned clone binds to its own bones (Object3D.clone keeps the originals)
        const root = cloneSkinned(scene);
        root.traverse((object) => {
          object.frustumCulled = false; // the bind-pose bounds do not follow the bones
        });
        const bones = JOINT_NAMES.map((name) => root.getObjectByName(name));
        setMesh({ root, bones });
      })
      .catch((error: unknown) => console.warn(`vuer: could not load the ${side} hand model`, error));
    return () => {
      live = false;
    };
  }, [side, wanted]);
  return mesh;
}

const scratch = { matrix: new THREE.Matrix4(), scale: new THREE.Vector3() };

interface HandProps {
  side: Side;
  showFrame: boolean;
  frameScale: number;
  /** the public client's hand-size scale, about the wrist */
  scale: number;
}

function HandModel({ side, showFrame, frameScale, scale }: HandProps) {
  // one mesh per hand however many Hands nodes; each node draws its own frames
  const mesh = useHandMesh(side, useDrawClaim(`hand:${side}`));
  const group = useMemo(() => new THREE.Group(), []);
  const frames = useMemo(() => {
    const axes = JOINT_NAMES.map(() => {
      const helper = new THREE.AxesHelper(1);
      helper.matrixAutoUpdate = false;
      return helper;
    });
    const holder = new THREE.Group();
    holder.add(...axes);
    return { holder, axes };
  }, []);
  useEffect(() => () => frames.axes.forEach((axes) => axes.dispose()), [frames]);
  useEffect(() => {
    if (!mesh) return;
    group.add(mesh.root);
    return () => {
      group.remove(mesh.root);
    };
  }, [group, mesh]);

  useFrame((state, _delta, frame?: XRFrame) => {
    const space = state.gl.xr.getReferenceSpace();
    const source = frame
      ? Array.from(frame.session.inputSources).find((s) => s.hand && s.handedness === side)
      : undefined;
    const tracked = frame && space && source?.hand ? handPoses(frame, source.hand, space) : null;
    const poses = tracked && scaleAboutWrist(tracked, scale);
    group.visible = poses !== null && mesh !== null;
    frames.holder.visible = poses !== null && showFrame;
    if (!poses || (!mesh && !showFrame)) return;
    JOINT_NAMES.forEach((_name, j) => {
      scratch.matrix.fromArray(poses, j * 16);
      const bone = mesh?.bones[j];
      if (bone) scratch.matrix.decompose(bone.position, bone.quaternion, scratch.scale);
      if (showFrame) {
        const axes = frames.axes[j];
        axes.matrix.copy(scratch.matrix).scale(scratch.scale.setScalar(frameScale));
        axes.matrixWorldNeedsUpdate = true;
      }
    });
  });

  return (
    <>
      <primitive object={group} />
      <primitive object={frames.holder} />
    </>
  );
}

/** The hands of `sides`, during an XR session only. */
export function XRHandModels({ sides, ...rest }: { sides: Side[] } & Omit<HandProps, "side">): ReactNode {
  const inSession = useXRState((s) => s.session !== null);
  if (!inSession) return null;
  return sides.map((side) => <HandModel key={side} side={side} {...rest} />);
}
