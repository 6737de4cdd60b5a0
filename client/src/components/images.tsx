// Images in the scene: Image (a plane in the world), ImageBackground and
// HUDPlane / VideoPlane (planes held in front of the camera), SceneBackground
// (the scene's background texture) and BackgroundColor.
import { useFrame, useThree } from "@react-three/fiber";
import { type ReactNode, type Ref, useEffect, useMemo, useRef, useState } from "react";
import { requestFrame, useFramesWhile } from "../core/invalidate";
import * as THREE from "three";
import { useTransform } from "../core/transform";
import type { NodeOf, TypedNodeProps } from "../registry";
import { imageBlob } from "./imageSource";
import { bool, color, defaultOf, num } from "../core/props";
import { useImageTexture } from "./useImageTexture";

const UNIT_PLANE = new THREE.PlaneGeometry(1, 1);

function imageAspect(texture: THREE.Texture | null): number | undefined {
  const image = texture?.image as { width?: number; height?: number } | undefined;
  return image?.width && image.height ? image.width / image.height : undefined;
}

function sideOf(value: unknown): THREE.Side {
  return value === 0 ? THREE.FrontSide : value === 1 ? THREE.BackSide : THREE.DoubleSide;
}

export function ImageNode({ node, children }: TypedNodeProps<"Image">): ReactNode {
  const texture = useImageTexture(node.rgb ?? node.src, bool(node.interpolate, defaultOf(node, "interpolate")), `<Image key="${node.key}">`);
  const height = num(node.height, 1);
  const width = height * num(node.aspect, imageAspect(texture) ?? 1);
  const opacity = num(node.opacity, defaultOf(node, "opacity"));
  return (
    <group {...useTransform(node)}>
      {texture && (
        <mesh geometry={UNIT_PLANE} scale={[width, height, 1]}>
          <meshBasicMaterial
            map={texture}
            transparent={opacity < 1}
            opacity={opacity}
            side={sideOf(node.side)}
            toneMapped={false}
          />
        </mesh>
      )}
      {children}
    </group>
  );
}

interface CameraPlaneProps {
  /** The node's key, marking the plane as its object. */
  /** The plane's mesh, for callers that set its layers per frame. */
  meshRef?: Ref<THREE.Mesh>;
  nodeKey: string;
  distance: number;
  height?: number;
  aspect?: number;
  fixed: boolean;
  layers?: number;
  children: ReactNode;
}

/**
 * A unit plane held `distance` in front of the camera, sized to fill the view
 * unless a height is given. Drawn first and without depth writes, so it is
 * a backdrop whatever lies in front of it.
 */
export function CameraPlane(
  { nodeKey, distance, height, aspect, fixed, layers, children, meshRef }: CameraPlaneProps,
): ReactNode {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const group = useRef<THREE.Group>(null);
  const placed = useRef(false);
  useFrame(() => {
    const g = group.current;
    if (!g || (fixed && placed.current)) return;
    g.position.copy(camera.position);
    g.quaternion.copy(camera.quaternion);
    placed.current = true;
  });
  const fov = camera instanceof THREE.PerspectiveCamera ? camera.getEffectiveFOV() : 50;
  const h = height ?? 2 * distance * Math.tan((fov * Math.PI) / 360);
  const w = h * (aspect ?? size.width / Math.max(size.height, 1));
  return (
    <group ref={group} userData={{ vuerKey: nodeKey }}>
      <mesh
        ref={meshRef}
        position={[0, 0, -distance]}
        scale={[w, h, 1]}
        geometry={UNIT_PLANE}
        renderOrder={-1}
        layers={layers}
        raycast={() => null}
      >
        {children}
      </mesh>
    </group>
  );
}

function planeProps(node: NodeOf<"ImageBackground" | "VideoPlane" | "StereoVideoPlane" | "HUDPlane">) {
  return {
    nodeKey: node.key,
    distance: num(node.distanceToCamera, defaultOf(node, "distanceToCamera")),
    height: typeof node.height === "number" ? node.height : undefined,
    fixed: bool(node.fixed, defaultOf(node, "fixed")),
    layers: typeof node.layers === "number" ? node.layers : undefined,
  };
}

export function ImageBackgroundNode({ node }: TypedNodeProps<"ImageBackground">): ReactNode {
  const texture = useImageTexture(
    node.src ?? node.rgb,
    bool(node.interpolate, defaultOf(node, "interpolate")),
    `<ImageBackground key="${node.key}">`,
  );
  if (!texture) return null;
  const opacity = num(node.opacity, defaultOf(node, "opacity"));
  const aspect = typeof node.aspect === "number" ? node.aspect : imageAspect(texture);
  return (
    <CameraPlane {...planeProps(node)} aspect={aspect}>
      <meshBasicMaterial
        map={texture}
        depthWrite={false}
        transparent={opacity < 1}
        opacity={opacity}
        toneMapped={false}
      />
    </CameraPlane>
  );
}

export function HUDPlaneNode({ node, children }: TypedNodeProps<"HUDPlane">): ReactNode {
  return (
    <CameraPlane {...planeProps(node)} aspect={typeof node.aspect === "number" ? node.aspect : undefined}>
      {children}
    </CameraPlane>
  );
}

/** A playing <video> as a texture; the element is paused and released on change or unmount. */
function useVideoTexture(src: unknown, loop: boolean, autoplay: boolean, muted: boolean): THREE.VideoTexture | null {
  const [texture, setTexture] = useState<THREE.VideoTexture | null>(null);
  // Bumped when the video's size is known, so planes take its aspect.
  const [, setSized] = useState(0);
  useEffect(() => {
    const blob = imageBlob(src);
    const url = blob ? URL.createObjectURL(blob) : typeof src === "string" ? new URL(src, document.baseURI).href : null;
    if (!url) return;
    const video = document.createElement("video");
    Object.assign(video, { src: url, loop, muted, playsInline: true, crossOrigin: "anonymous" });
    video.addEventListener("loadedmetadata", () => setSized((n) => n + 1));
    // Demand frame loop: VideoPlaneNode draws while it plays; a (re)start asks again.
    video.addEventListener("playing", requestFrame);
    video.addEventListener("seeked", requestFrame);
    if (autoplay) video.play().catch((error: unknown) => console.warn("vuer: video did not start:", error));
    const next = new THREE.VideoTexture(video);
    next.colorSpace = THREE.SRGBColorSpace;
    setTexture(next);
    return () => {
      video.pause();
      video.removeAttribute("src");
      video.load();
      next.dispose();
      if (blob) URL.revokeObjectURL(url);
    };
  }, [src, loop, autoplay, muted]);
  return texture;
}

export function VideoPlaneNode({ node }: TypedNodeProps<"VideoPlane">): ReactNode {
  const texture = useVideoTexture(node.src, bool(node.loop, defaultOf(node, "loop")), bool(node.autoplay, defaultOf(node, "autoplay")), bool(node.muted, defaultOf(node, "muted")));
  useFramesWhile(() => {
    const playing = texture?.image as HTMLVideoElement | undefined;
    return playing !== undefined && !playing.paused && !playing.ended;
  });
  if (!texture) return null;
  const video = texture.image as HTMLVideoElement;
  const aspect = typeof node.aspect === "number"
    ? node.aspect
    : video.videoWidth
    ? video.videoWidth / video.videoHeight
    : undefined;
  return (
    <CameraPlane {...planeProps(node)} aspect={aspect}>
      <meshBasicMaterial map={texture} depthWrite={false} toneMapped={false} />
    </CameraPlane>
  );
}

/**
 * A stereo video outside XR: each eye's half would need a per-eye layer, so
 * the flat view shows the left eye's half (side-by-side: left, top-bottom: top).
 */
export function StereoVideoPlaneNode({ node }: TypedNodeProps<"StereoVideoPlane">): ReactNode {
  const texture = useVideoTexture(node.src, bool(node.loop, defaultOf(node, "loop")), bool(node.autoplay, defaultOf(node, "autoplay")), bool(node.muted, defaultOf(node, "muted")));
  const topBottom = node.layout === "top-bottom";
  useEffect(() => {
    if (!texture) return;
    texture.repeat.set(topBottom ? 1 : 0.5, topBottom ? 0.5 : 1);
    texture.offset.set(0, topBottom ? 0.5 : 0);
  }, [texture, topBottom]);
  if (!texture) return null;
  const video = texture.image as HTMLVideoElement;
  const eyeAspect = video.videoWidth ? (video.videoWidth / video.videoHeight) * (topBottom ? 2 : 0.5) : undefined;
  return (
    <CameraPlane {...planeProps(node)} aspect={typeof node.aspect === "number" ? node.aspect : eyeAspect}>
      <meshBasicMaterial map={texture} depthWrite={false} toneMapped={false} />
    </CameraPlane>
  );
}

/** A video texture for the parent mesh. */
export function VideoMaterialNode({ node }: TypedNodeProps<"VideoMaterial">): ReactNode {
  const texture = useVideoTexture(node.src, bool(node.loop, defaultOf(node, "loop")), bool(node.autoplay, defaultOf(node, "autoplay")), bool(node.muted, defaultOf(node, "muted")));
  if (!texture) return null;
  return <meshBasicMaterial attach="material" map={texture} toneMapped={false} side={THREE.DoubleSide} />;
}

/** Sets scene.background while mounted, restoring what was there before. */
function useSceneBackground(value: THREE.Color | THREE.Texture | null, intensity = 1, blurriness = 0): void {
  const scene = useThree((s) => s.scene);
  useEffect(() => {
    if (!value) return;
    const previous = scene.background;
    scene.background = value;
    scene.backgroundIntensity = intensity;
    scene.backgroundBlurriness = blurriness;
    return () => {
      if (scene.background === value) scene.background = previous;
    };
  }, [scene, value, intensity, blurriness]);
}

export function SceneBackgroundNode({ node }: TypedNodeProps<"SceneBackground">): null {
  const texture = useImageTexture(node.src ?? node.rgb, true, `<SceneBackground key="${node.key}">`);
  // A 2:1 image is an equirectangular panorama around the scene.
  if (texture) {
    const aspect = imageAspect(texture);
    texture.mapping = aspect && Math.abs(aspect - 2) < 0.01 ? THREE.EquirectangularReflectionMapping : THREE.UVMapping;
  }
  useSceneBackground(texture, num(node.backgroundIntensity, defaultOf(node, "backgroundIntensity")), num(node.backgroundBlurriness, defaultOf(node, "backgroundBlurriness")));
  return null;
}

export function BackgroundColorNode({ node }: TypedNodeProps<"BackgroundColor">): null {
  const value = color(node.color, defaultOf(node, "color"));
  const background = useMemo(() => new THREE.Color(value), [value]);
  useSceneBackground(background);
  return null;
}
