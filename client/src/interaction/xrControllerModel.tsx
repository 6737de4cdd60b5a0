// Draws the tracked controllers in the headset at their grip pose: the bundled
// WebXR input-profile model of the device (xrAssets) with its buttons, trigger
// and sticks moving as the gamepad reports, or a plain stand-in for devices
// whose model is not bundled. A short ray shows the target-ray direction (the
// pose CONTROLLER_MOVE reports). Nothing is drawn outside a session.
import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import * as THREE from "three";
import type { MotionController, VisualResponse } from "three/examples/jsm/libs/motion-controllers.module.js";
import { controllerAsset, loadScene } from "./xrAssets";
import { useDrawClaim } from "./xrDrawClaims";
import type { Side } from "./xrPoses";
import { useXRState } from "./xrSession";

interface Response {
  response: VisualResponse;
  value: THREE.Object3D;
  min?: THREE.Object3D;
  max?: THREE.Object3D;
}

interface Model {
  root: THREE.Object3D;
  controller: MotionController | null;
  responses: Response[];
}

/** A dark handle with a light tip, for controllers without a bundled model. */
function standIn(): THREE.Object3D {
  const body = new THREE.Mesh(
    new THREE.CylinderGeometry(0.015, 0.02, 0.1, 12).rotateX(Math.PI / 2),
    new THREE.MeshStandardMaterial({ color: "#333333", roughness: 0.6 }),
  );
  return body;
}

function responsesOf(controller: MotionController, root: THREE.Object3D): Response[] {
  const found: Response[] = [];
  for (const component of Object.values(controller.components)) {
    for (const response of Object.values(component.visualResponses)) {
      const value = root.getObjectByName(response.valueNodeName);
      if (!value) continue;
      const min = response.minNodeName ? root.getObjectByName(response.minNodeName) : undefined;
      const max = response.maxNodeName ? root.getObjectByName(response.maxNodeName) : undefined;
      if (response.valueNodeProperty === "transform" && (!min || !max)) continue;
      found.push({ response, value, min, max });
    }
  }
  return found;
}

/** Moves the pressed parts: between their min and max nodes, or shown/hidden. */
function applyResponses(responses: Response[]): void {
  for (const { response, value, min, max } of responses) {
    if (response.valueNodeProperty === "visibility") {
      value.visible = Boolean(response.value);
    } else if (min && max) {
      const t = Number(response.value);
      value.quaternion.slerpQuaternions(min.quaternion, max.quaternion, t);
      value.position.lerpVectors(min.position, max.position, t);
    }
  }
}

function useControllerModel(source: XRInputSource | null): Model | null {
  const [model, setModel] = useState<Model | null>(null);
  useEffect(() => {
    setModel(null);
    if (!source) return;
    const side = source.handedness as Side;
    let live = true;
    controllerAsset(source.profiles, side)
      .then(async (asset) => {
        if (!asset) return { root: standIn(), controller: null, responses: [] };
        const [scene, lib] = await Promise.all([
          loadScene(asset.url),
          import("three/examples/jsm/libs/motion-controllers.module.js"),
        ]);
        const root = scene.clone(true);
        const controller = new lib.MotionController(source, asset.profile, asset.url);
        return { root, controller, responses: responsesOf(controller, root) };
      })
      .then((made) => live && setModel(made))
      .catch((error: unknown) => {
        console.warn(`vuer: could not load the ${side} controller model; drawing a stand-in`, error);
        if (live) setModel({ root: standIn(), controller: null, responses: [] });
      });
    return () => {
      live = false;
    };
  }, [source]);
  return model;
}

function findController(session: XRSession, side: Side): XRInputSource | null {
  for (const s of session.inputSources) if (s.handedness === side && !s.hand && s.gamepad) return s;
  return null;
}

const RAY = new THREE.BufferGeometry().setFromPoints([new THREE.Vector3(0, 0, 0), new THREE.Vector3(0, 0, -0.3)]);

function ControllerModel({ side }: { side: Side }) {
  const [source, setSource] = useState<XRInputSource | null>(null);
  const model = useControllerModel(source);
  const parts = useMemo(() => {
    const grip = new THREE.Group();
    const ray = new THREE.Line(RAY, new THREE.LineBasicMaterial({ color: "#ffffff" }));
    grip.matrixAutoUpdate = ray.matrixAutoUpdate = false;
    grip.visible = ray.visible = false;
    return { grip, ray };
  }, []);
  useEffect(() => {
    if (!model) return;
    parts.grip.add(model.root);
    return () => {
      parts.grip.remove(model.root);
    };
  }, [parts, model]);

  useFrame((state, _delta, frame?: XRFrame) => {
    // input sources come and go (controllers put down, hands picked up)
    const current = frame ? findController(frame.session, side) : null;
    if (current !== source) setSource(current);
    const space = state.gl.xr.getReferenceSpace();
    const grip = frame && space && current?.gripSpace ? frame.getPose(current.gripSpace, space) : undefined;
    const ray = frame && space && current ? frame.getPose(current.targetRaySpace, space) : undefined;
    parts.grip.visible = Boolean(grip && model && current === source);
    parts.ray.visible = Boolean(ray);
    if (grip) {
      parts.grip.matrix.fromArray(grip.transform.matrix);
      parts.grip.matrixWorldNeedsUpdate = true;
    }
    if (ray) {
      parts.ray.matrix.fromArray(ray.transform.matrix);
      parts.ray.matrixWorldNeedsUpdate = true;
    }
    if (grip && model?.controller) {
      model.controller.updateFromGamepad();
      applyResponses(model.responses);
    }
  });

  return (
    <>
      <primitive object={parts.grip} />
      <primitive object={parts.ray} />
    </>
  );
}

/** The controllers of `sides`, during an XR session only. */
export function XRControllerModels({ sides }: { sides: Side[] }): ReactNode {
  const inSession = useXRState((s) => s.session !== null);
  if (!inSession) return null;
  return sides.map((side) => <ClaimedController key={side} side={side} />);
}

/** Draws the controller unless another MotionControllers node already does. */
function ClaimedController({ side }: { side: Side }): ReactNode {
  return useDrawClaim(`controller:${side}`) ? <ControllerModel side={side} /> : null;
}
