// Model loaders (Obj, Ply, Pcd, Stl, Dae, Fbx, Glb, Urdf) and Splat. A load
// failure logs one clear error and the node draws nothing; the rest of the
// scene goes on. The loaded tree is freed on change and unmount.
import { Splat } from "@react-three/drei";
import { useFrame } from "@react-three/fiber";
import { requestFrame, useFramesWhile } from "../core/invalidate";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import * as THREE from "three";
import { useTransform } from "../core/transform";
import type { NodeOf, TypedNodeProps } from "../registry";
import { sendNamedEvent } from "../events";
import { applyMaterialValues, createMaterial, kindName, nodeMaterialValues } from "./materials";
import { readModelFile } from "./modelSource";
import { useSplatFrames } from "./splatFrames";
import type { ModelTag } from "./modelTags";
import { type Parsed, type Parser, PARSERS } from "./parsers";

import { bool, contentKey, defaultOf, num, warnOnce } from "../core/props";

function disposeTree(root: THREE.Object3D): void {
  root.traverse((o) => {
    const { geometry, material } = o as THREE.Mesh;
    geometry?.dispose();
    for (const m of Array.isArray(material) ? material : material ? [material] : []) {
      for (const value of Object.values(m)) if (value instanceof THREE.Texture) value.dispose();
      m.dispose();
    }
  });
}

/** Loads the node's file whenever its source changes. */
function useModel(node: NodeOf<ModelTag>): Parsed | null {
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const { tag, key, src, text, buff, assets, encoding } = node;
  const mtl = node.tag === "Obj" ? node.mtl : undefined;
  const { workingPath, packages } = node.tag === "Urdf" ? node : { workingPath: undefined, packages: undefined };
  // `text` and `buff` are deps themselves (strings compare by value, bytes by identity).
  const sourceKey = [src, mtl, assets, workingPath, packages].map(contentKey).join("|");
  useEffect(() => {
    let live = true;
    let result: Parsed | null = null;
    // The parser of this node's own tag.
    const parse = PARSERS[tag] as Parser<ModelTag>;
    readModelFile({ tag, key, src, text, buff, encoding })
      .then((file) => parse(file, node))
      .then(
        (done) => {
          result = done;
          if (!live) {
            disposeTree(done.object);
            return;
          }
          setParsed(done);
          if (typeof node.onLoad === "string") sendNamedEvent(node.onLoad, { key }, key);
        },
        (error: unknown) => {
          if (live) console.error(`vuer: <${tag} key="${key}"> could not load its model:`, error);
        },
      );
    return () => {
      live = false;
      if (result) disposeTree(result.object);
      setParsed(null);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reloads on the source only
  }, [tag, key, sourceKey, text, buff]);
  return parsed;
}

/** Material overrides (color, opacity, wireframe, material dict, materialType) on every mesh. */
function useOverrides(object: THREE.Object3D | undefined, node: NodeOf<ModelTag>): void {
  const values = nodeMaterialValues(node);
  // A PCD is points: no material kind or shadow flags of its own.
  const mesh = node.tag === "Pcd" ? undefined : node;
  const kind = kindName(mesh?.materialType);
  const overrideKey = `${kind}|${contentKey(values)}`;
  const castShadow = bool(mesh?.castShadow, false);
  const receiveShadow = bool(mesh?.receiveShadow, false);
  useEffect(() => {
    if (!object) return;
    const replaced: [THREE.Mesh, THREE.Material | THREE.Material[]][] = [];
    const made: THREE.Material[] = [];
    const hasOverride = kind !== undefined || Object.keys(values).length > 0;
    object.traverse((o) => {
      o.castShadow = castShadow;
      o.receiveShadow = receiveShadow;
      if (!hasOverride || !(o instanceof THREE.Mesh)) return;
      const original = o.material as THREE.Material | THREE.Material[];
      const first = Array.isArray(original) ? original[0] : original;
      const material = kind ? createMaterial(kind, values) : first.clone();
      if (!kind) applyMaterialValues(material, values);
      made.push(material);
      replaced.push([o, original]);
      o.material = material;
    });
    requestFrame(); // materials changed outside React props
    return () => {
      for (const [mesh, original] of replaced) mesh.material = original;
      made.forEach((m) => m.dispose());
      requestFrame();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the override's content
  }, [object, overrideKey, castShadow, receiveShadow]);
}

/** Plays clip `animationIndex` when `playAnimation` is set. */
function useAnimation(parsed: Parsed | null, node: NodeOf<ModelTag>): void {
  // A PCD has no clips.
  const clip = node.tag === "Pcd" ? undefined : node;
  const play = bool(clip?.playAnimation, node.tag === "Bvh");
  const index = num(clip?.animationIndex, 0);
  const speed = num(clip?.animationSpeed, 1);
  const mixer = useMemo(() => {
    const clip = parsed?.animations[index];
    if (!play || !parsed || !clip) return null;
    const m = new THREE.AnimationMixer(parsed.object);
    m.clipAction(clip).play();
    return m;
  }, [parsed, play, index]);
  useEffect(() => () => void mixer?.stopAllAction(), [mixer]);
  useFrame((_, delta) => mixer?.update(delta * speed));
  // Demand frame loop: keep drawing only while a clip plays.
  useFramesWhile(() => mixer !== null);
}

/** Joint values of a URDF robot (name → angle or offset). */
function useJoints(object: THREE.Object3D | undefined, joints: unknown): void {
  const jointKey = contentKey(joints);
  useEffect(() => {
    const robot = object as (THREE.Object3D & { setJointValues?: (v: Record<string, number>) => void }) | undefined;
    if (!robot?.setJointValues || !joints || typeof joints !== "object") return;
    robot.setJointValues(joints as Record<string, number>);
    requestFrame();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on content
  }, [object, jointKey]);
}

export function ModelNode({ node, children }: TypedNodeProps<ModelTag>): ReactNode {
  const parsed = useModel(node);
  const object = parsed?.object;
  useOverrides(object, node);
  useAnimation(parsed, node);
  useJoints(object, node.tag === "Urdf" ? node.jointValues : undefined);
  const transform = useTransform(node);
  return (
    <group {...transform} visible={transform.visible && node.hide !== true}>
      {object && <primitive object={object} />}
      {children}
    </group>
  );
}

const SPLAT_UNFLIP: [number, number, number] = [Math.PI, 0, 0];

/** Gaussian splats from a .splat URL (drei's Splat; sorted in a worker). */
export function SplatNode({ node, children }: TypedNodeProps<"Splat" | "VuerSplat">): ReactNode {
  const transform = useTransform(node);
  const holder = useRef<THREE.Group>(null);
  useSplatFrames(holder);
  if (typeof node.src !== "string") {
    warnOnce(`vuer: <Splat key="${node.key}"> needs src, a URL of a .splat file`);
    return null;
  }
  return (
    <group {...transform}>
      {/* drei's Splat turns the file's points half a turn about X; undone so a
          splat sits in the file's own coordinates, as on the public client. */}
      <group ref={holder} rotation={SPLAT_UNFLIP}>
        <Splat
          src={new URL(node.src, document.baseURI).href}
          alphaTest={num(node.alphaTest, defaultOf(node, "alphaTest"))}
          alphaHash={bool(node.alphaHash, defaultOf(node, "alphaHash"))}
          toneMapped={bool(node.toneMapped, defaultOf(node, "toneMapped"))}
        />
      </group>
      {children}
    </group>
  );
}

