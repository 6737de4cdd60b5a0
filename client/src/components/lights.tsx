// Lights, the lighting presets (Stage, HemisphereLightStage, AmbientLightStage,
// RandomizedLight, AccumulativeShadows) and fog. Presets are built from plain
// lights here: drei's Stage/Environment would fetch HDR files from a CDN.
import { useFrame, useThree } from "@react-three/fiber";
import { type ReactNode, type RefObject, useEffect, useLayoutEffect, useMemo, useRef } from "react";
import * as THREE from "three";
import { RectAreaLightUniformsLib } from "three/examples/jsm/lights/RectAreaLightUniformsLib.js";
import { RectAreaLightHelper } from "three/examples/jsm/helpers/RectAreaLightHelper.js";
import { useTransform } from "../core/transform";
import type { NodeOf, TypedNodeProps } from "../registry";
import { bool, color, defaultOf, num, vec3 } from "../core/props";

type ShadowLight = THREE.DirectionalLight | THREE.PointLight | THREE.SpotLight;
type Helper = THREE.Object3D & { update?(): void; dispose(): void };
type MakeHelper = (light: THREE.Light) => Helper;

/** The lights that cast shadows through useShadow. */
type ShadowTag = "DirectionalLight" | "PointLight" | "SpotLight" | "RandomizedLight";

/** The light's shadow settings from the node (mapSize, bias, shadow camera extent). */
function useShadow(light: RefObject<ShadowLight | null>, node: NodeOf<ShadowTag>): void {
  const { mapSize, bias, normalBias, near, far } = node;
  const fallback = {
    mapSize: defaultOf(node, "mapSize"),
    bias: defaultOf(node, "bias"),
    normalBias: defaultOf(node, "normalBias"),
    near: defaultOf(node, "near"),
    far: defaultOf(node, "far"),
  };
  // Only directional shadows have a box extent; RandomizedLight's is its `size`.
  const shadowSize =
    node.tag === "RandomizedLight"
      ? num(node.size, defaultOf(node, "size"))
      : node.tag === "DirectionalLight"
        ? num(node.shadowSize, defaultOf(node, "shadowSize"))
        : undefined;
  useLayoutEffect(() => {
    const shadow = light.current?.shadow;
    if (!shadow) return;
    const size = num(mapSize, fallback.mapSize);
    shadow.mapSize.set(size, size);
    shadow.bias = num(bias, fallback.bias);
    shadow.normalBias = num(normalBias, fallback.normalBias);
    const cam = shadow.camera;
    if (cam instanceof THREE.OrthographicCamera) {
      const s = (shadowSize ?? 10) / 2;
      cam.left = -s;
      cam.right = s;
      cam.top = s;
      cam.bottom = -s;
    }
    cam.near = num(near, fallback.near);
    cam.far = num(far, fallback.far);
    cam.updateProjectionMatrix();
    shadow.map?.dispose();
    shadow.map = null;
  }, [light, node.tag, mapSize, bias, normalBias, shadowSize, near, far]);
}

/** A three.js helper drawn for the light while mounted, following it every frame. */
function LightHelper({ light, make }: { light: RefObject<THREE.Light | null>; make: MakeHelper }): null {
  const scene = useThree((s) => s.scene);
  const helper = useRef<Helper | null>(null);
  useEffect(() => {
    if (!light.current) return;
    const made = make(light.current);
    helper.current = made;
    scene.add(made);
    return () => {
      scene.remove(made);
      made.dispose();
      helper.current = null;
    };
  }, [light, make, scene]);
  useFrame(() => helper.current?.update?.());
  return null;
}

const directionalHelper: MakeHelper = (l) => new THREE.DirectionalLightHelper(l as THREE.DirectionalLight);
const pointHelper: MakeHelper = (l) => new THREE.PointLightHelper(l as THREE.PointLight);
const spotHelper: MakeHelper = (l) => new THREE.SpotLightHelper(l as THREE.SpotLight);
const hemisphereHelper: MakeHelper = (l) => new THREE.HemisphereLightHelper(l as THREE.HemisphereLight, 0.5);
const rectHelper: MakeHelper = (l) => new RectAreaLightHelper(l as THREE.RectAreaLight);

/** A light target kept in the scene graph, so its world matrix follows `target`. */
function useTarget(node: NodeOf<"DirectionalLight" | "SpotLight" | "RandomizedLight">): { target: THREE.Object3D; element: ReactNode } {
  const target = useMemo(() => new THREE.Object3D(), []);
  const position = vec3(node.target, [0, 0, 0]);
  return { target, element: <primitive object={target} position={position} /> };
}

export function AmbientLightNode({ node, children }: TypedNodeProps<"AmbientLight">): ReactNode {
  return (
    <ambientLight {...useTransform(node)} color={color(node.color, defaultOf(node, "color"))} intensity={num(node.intensity, defaultOf(node, "intensity"))}>
      {children}
    </ambientLight>
  );
}

export function DirectionalLightNode({ node, children }: TypedNodeProps<"DirectionalLight">): ReactNode {
  const ref = useRef<THREE.DirectionalLight>(null);
  useShadow(ref, node);
  const { target, element } = useTarget(node);
  return (
    <>
      <directionalLight
        ref={ref}
        {...useTransform(node)}
        color={color(node.color, defaultOf(node, "color"))}
        intensity={num(node.intensity, defaultOf(node, "intensity"))}
        castShadow={bool(node.castShadow, defaultOf(node, "castShadow"))}
        target={target}
      >
        {children}
      </directionalLight>
      {element}
      {node.helper === true && <LightHelper light={ref} make={directionalHelper} />}
    </>
  );
}

export function PointLightNode({ node, children }: TypedNodeProps<"PointLight">): ReactNode {
  const ref = useRef<THREE.PointLight>(null);
  useShadow(ref, node);
  const lightColor = color(node.color, defaultOf(node, "color"));
  return (
    <pointLight
      ref={ref}
      {...useTransform(node)}
      color={lightColor}
      intensity={num(node.intensity, defaultOf(node, "intensity"))}
      distance={num(node.distance, defaultOf(node, "distance"))}
      decay={num(node.decay, defaultOf(node, "decay"))}
      castShadow={bool(node.castShadow, defaultOf(node, "castShadow"))}
    >
      {node.showSphere === true && (
        <mesh>
          <sphereGeometry args={[num(node.radius, defaultOf(node, "radius")), 16, 8]} />
          <meshBasicMaterial color={lightColor} />
        </mesh>
      )}
      {node.helper === true && <LightHelper light={ref} make={pointHelper} />}
      {children}
    </pointLight>
  );
}

export function SpotLightNode({ node, children }: TypedNodeProps<"SpotLight">): ReactNode {
  const ref = useRef<THREE.SpotLight>(null);
  useShadow(ref, node);
  const { target, element } = useTarget(node);
  return (
    <>
      <spotLight
        ref={ref}
        {...useTransform(node)}
        color={color(node.color, defaultOf(node, "color"))}
        intensity={num(node.intensity, defaultOf(node, "intensity"))}
        distance={num(node.distance, defaultOf(node, "distance"))}
        angle={Math.min(num(node.angle, defaultOf(node, "angle")), Math.PI / 2)}
        penumbra={num(node.penumbra, defaultOf(node, "penumbra"))}
        decay={num(node.decay, defaultOf(node, "decay"))}
        castShadow={bool(node.castShadow, defaultOf(node, "castShadow"))}
        target={target}
      >
        {children}
      </spotLight>
      {element}
      {node.helper === true && <LightHelper light={ref} make={spotHelper} />}
    </>
  );
}

export function HemisphereLightNode({ node, children }: TypedNodeProps<"HemisphereLight">): ReactNode {
  const ref = useRef<THREE.HemisphereLight>(null);
  return (
    <hemisphereLight
      ref={ref}
      {...useTransform(node)}
      color={color(node.skyColor ?? node.color, "#ffffff")}
      groundColor={color(node.groundColor, defaultOf(node, "groundColor"))}
      intensity={num(node.intensity, defaultOf(node, "intensity"))}
    >
      {node.helper === true && <LightHelper light={ref} make={hemisphereHelper} />}
      {children}
    </hemisphereLight>
  );
}

let rectUniformsReady = false;

export function RectAreaLightNode({ node, children }: TypedNodeProps<"RectAreaLight">): ReactNode {
  if (!rectUniformsReady) {
    // Standard/physical materials need these lookup tables for area lights.
    RectAreaLightUniformsLib.init();
    rectUniformsReady = true;
  }
  const ref = useRef<THREE.RectAreaLight>(null);
  const lookAt = vec3(node.lookAt, [0, 0, 0]);
  const transform = useTransform(node);
  useLayoutEffect(() => {
    ref.current?.lookAt(lookAt[0], lookAt[1], lookAt[2]);
  });
  return (
    <rectAreaLight
      ref={ref}
      {...transform}
      rotation={undefined}
      color={color(node.color, defaultOf(node, "color"))}
      intensity={num(node.intensity, defaultOf(node, "intensity"))}
      width={num(node.width, defaultOf(node, "width"))}
      height={num(node.height, defaultOf(node, "height"))}
    >
      {node.helper === true && <LightHelper light={ref} make={rectHelper} />}
      {children}
    </rectAreaLight>
  );
}

/** The default lighting: sky/ground fill plus a sun that casts shadows. */
export function HemisphereLightStageNode({ node, children }: TypedNodeProps<"HemisphereLightStage">): ReactNode {
  const intensity = num(node.intensity, defaultOf(node, "intensity"));
  return (
    <group {...useTransform(node)}>
      {/* Fitted to the public client's pictures (box faces and a sphere's shading, under ACES). */}
      <hemisphereLight color="#ffffff" groundColor="#000000" intensity={intensity} />
      <directionalLight position={[5, 10, 2]} intensity={intensity} castShadow={bool(node.castShadow, defaultOf(node, "castShadow"))} />
      {children}
    </group>
  );
}

export function AmbientLightStageNode({ node, children }: TypedNodeProps<"AmbientLightStage">): ReactNode {
  const intensity = num(node.intensity, defaultOf(node, "intensity"));
  return (
    <group {...useTransform(node)}>
      <ambientLight intensity={intensity} />
      <directionalLight position={[5, 10, 5]} intensity={0.8 * intensity} />
      {children}
    </group>
  );
}

/** Key / fill / rim positions of the lighting presets (direction, key:fill ratio). */
const PRESETS: Record<string, { key: [number, number, number]; fill: [number, number, number]; ratio: number }> = {
  rembrandt: { key: [1, 2, 1], fill: [-2, 0.5, 1], ratio: 0.25 },
  portrait: { key: [-1, 2, 0.5], fill: [1, 1, 2], ratio: 0.5 },
  upfront: { key: [0, 2, 1], fill: [-1, 1, 2], ratio: 0.5 },
  soft: { key: [-2, 4, 2], fill: [2, 1, 1], ratio: 0.75 },
};

/** Three-point studio lighting around the children. */
export function StageNode({ node, children }: TypedNodeProps<"Stage">): ReactNode {
  const preset = PRESETS[String(node.preset)] ?? PRESETS.rembrandt;
  const intensity = num(node.intensity, defaultOf(node, "intensity")) * 2;
  const s = 4;
  return (
    <group {...useTransform(node)}>
      <ambientLight intensity={intensity / 2} />
      <directionalLight
        position={[preset.key[0] * s, preset.key[1] * s, preset.key[2] * s]}
        intensity={intensity * 2}
        castShadow={node.shadows !== false}
      />
      <directionalLight
        position={[preset.fill[0] * s, preset.fill[1] * s, preset.fill[2] * s]}
        intensity={intensity * 2 * preset.ratio}
      />
      <directionalLight position={[0, s, -s]} intensity={intensity} />
      {children}
    </group>
  );
}

/**
 * One shadow-casting directional light at the node's position. (drei's
 * version jiggles `amount` lights over frames; under software rendering one
 * light with a soft radius is the affordable equivalent.)
 */
export function RandomizedLightNode({ node, children }: TypedNodeProps<"RandomizedLight">): ReactNode {
  const ref = useRef<THREE.DirectionalLight>(null);
  useShadow(ref, node);
  const { target, element } = useTarget(node);
  return (
    <>
      <directionalLight
        ref={ref}
        {...useTransform(node)}
        intensity={num(node.intensity, defaultOf(node, "intensity"))}
        castShadow={bool(node.castShadow, defaultOf(node, "castShadow"))}
        target={target}
      >
        {children}
      </directionalLight>
      {element}
    </>
  );
}

/** A ground plane that shows the shadows of the lights inside it. */
export function AccumulativeShadowsNode({ node, children }: TypedNodeProps<"AccumulativeShadows">): ReactNode {
  const scale = num(node.scale, defaultOf(node, "scale"));
  return (
    <group {...useTransform(node)} scale={undefined}>
      <mesh rotation={[-Math.PI / 2, 0, 0]} scale={[scale, scale, scale]} receiveShadow>
        <planeGeometry />
        <shadowMaterial color={color(node.color, defaultOf(node, "color"))} opacity={num(node.opacity, defaultOf(node, "opacity")) * 0.5} transparent />
      </mesh>
      {children}
    </group>
  );
}

/** Linear fog on the scene (`fog` tag, props color/near/far or args). */
export function FogNode({ node }: TypedNodeProps<"fog">): null {
  const scene = useThree((s) => s.scene);
  const args = Array.isArray(node.args) ? node.args : [];
  const fogColor = color(node.color ?? args[0], "#000000");
  const near = num(node.near ?? args[1], 1);
  const far = num(node.far ?? args[2], 1000);
  useEffect(() => {
    const fog = new THREE.Fog(fogColor, near, far);
    scene.fog = fog;
    return () => {
      if (scene.fog === fog) scene.fog = null;
    };
  }, [scene, fogColor, near, far]);
  return null;
}
