// WebRTCVideoPlane, WebRTCStereoVideoPlane and WebRTCVideoMaterial: a vuer
// WebRTC stream (webrtcStream.ts) as a video texture. Until frames play, a
// status card says whether the page is connecting or retrying after a failure.
import { useFrame, useThree } from "@react-three/fiber";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import * as THREE from "three";
import { invalidateOnVideoFrames } from "../core/invalidate";
import type { TypedNodeProps } from "../registry";
import { CameraPlane } from "./images";
import { defaultOf, num } from "../core/props";
import { offerUrl, playStream, type StreamState } from "./webrtcStream";

interface StreamView {
  texture: THREE.VideoTexture | null;
  state: StreamState | "idle";
  detail: string;
  aspect?: number;
}

function streamSource(node: { src?: unknown; stream?: unknown }): string | null {
  const src = typeof node.src === "string" && node.src ? node.src : node.stream;
  return typeof src === "string" && src ? offerUrl(src) : null;
}

/** The stream's video texture and connection state, for as long as the component lives. */
function useWebRTCVideo(url: string | null, label: string): StreamView {
  const [view, setView] = useState<StreamView>({ texture: null, state: "idle", detail: "" });
  useEffect(() => {
    if (!url) {
      setView({ texture: null, state: "failed", detail: `${label}: no src` });
      return;
    }
    let texture: THREE.VideoTexture | null = null;
    const handle = playStream(url, (state, detail) => {
      setView((v) => ({ ...v, state, detail }));
      document.body.dataset.vuerWebrtc = state; // for tests and for people debugging a page
    });
    texture = new THREE.VideoTexture(handle.video);
    texture.colorSpace = THREE.SRGBColorSpace;
    const stopFrames = invalidateOnVideoFrames(handle.video); // demand frame loop
    const sized = () => {
      const { videoWidth: w, videoHeight: h } = handle.video;
      setView((v) => ({ ...v, aspect: w && h ? w / h : v.aspect }));
    };
    handle.video.addEventListener("resize", sized);
    handle.video.addEventListener("loadedmetadata", sized);
    setView((v) => ({ ...v, texture }));
    return () => {
      stopFrames();
      handle.close();
      texture?.dispose();
    };
  }, [url, label]);
  return view;
}

/** A card saying what the stream is doing, drawn while there is no video. */
function useStatusCard(state: string, detail: string): THREE.CanvasTexture {
  const texture = useMemo(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 512;
    canvas.height = 128;
    const t = new THREE.CanvasTexture(canvas);
    t.colorSpace = THREE.SRGBColorSpace;
    return t;
  }, []);
  useEffect(() => {
    const canvas = texture.image as HTMLCanvasElement;
    const g = canvas.getContext("2d");
    if (!g) return;
    g.fillStyle = state === "failed" ? "#3a1616" : "#1d1f22";
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.fillStyle = state === "failed" ? "#ff8a80" : "#c8ccd2";
    g.font = "28px sans-serif";
    g.fillText(state === "failed" ? "WebRTC stream failed, retrying" : "connecting to WebRTC stream…", 16, 52);
    g.font = "18px sans-serif";
    g.fillText(detail.slice(0, 48), 16, 96);
    texture.needsUpdate = true;
  }, [texture, state, detail]);
  useEffect(() => () => texture.dispose(), [texture]);
  return texture;
}

/** The status card's height: a quarter of the view at that distance (4:1, so it fits). */
function useCardHeight(distance: number): number {
  const camera = useThree((s) => s.camera);
  const fov = camera instanceof THREE.PerspectiveCamera ? camera.getEffectiveFOV() : 50;
  return 0.25 * 2 * distance * Math.tan((fov * Math.PI) / 360);
}

function usePicture(view: StreamView): THREE.Texture {
  const card = useStatusCard(view.state, view.detail);
  return view.state === "playing" && view.texture ? view.texture : card;
}

export function WebRTCVideoPlaneNode({ node }: TypedNodeProps<"WebRTCVideoPlane">): ReactNode {
  const view = useWebRTCVideo(streamSource(node), `<WebRTCVideoPlane key="${node.key}">`);
  const picture = usePicture(view);
  const distance = num(node.distanceToCamera, defaultOf(node, "distanceToCamera"));
  const cardHeight = useCardHeight(distance);
  const playing = view.state === "playing";
  const height = typeof node.height === "number" ? node.height : undefined;
  const aspect = typeof node.aspect === "number" ? node.aspect : view.aspect;
  return (
    <CameraPlane
      nodeKey={node.key}
      distance={distance}
      height={playing ? height : cardHeight}
      aspect={playing ? aspect : 4}
      fixed={false}
    >
      <meshBasicMaterial map={picture} depthWrite={false} toneMapped={false} />
    </CameraPlane>
  );
}

/** Each eye's half as its own texture (same video, different window into it). */
function useHalves(texture: THREE.VideoTexture | null, topBottom: boolean) {
  return useMemo(() => {
    if (!texture) return null;
    const left = texture.clone();
    const right = texture.clone();
    for (const [half, t] of [[0, left], [1, right]] as const) {
      t.repeat.set(topBottom ? 1 : 0.5, topBottom ? 0.5 : 1);
      // left/top half first (a top-bottom frame's top half starts at v = 0.5)
      t.offset.set(topBottom ? 0 : half * 0.5, topBottom ? (1 - half) * 0.5 : 0);
    }
    return { left, right };
  }, [texture, topBottom]);
}

/**
 * Stereo: in XR the left half goes to the left eye (layer 1) and the right
 * half to the right eye (layer 2); the flat view shows the left half.
 */
export function WebRTCStereoVideoPlaneNode({ node }: TypedNodeProps<"WebRTCStereoVideoPlane">): ReactNode {
  const view = useWebRTCVideo(streamSource(node), `<WebRTCStereoVideoPlane key="${node.key}">`);
  const card = useStatusCard(view.state, view.detail);
  const topBottom = node.layout === "top-bottom";
  const halves = useHalves(view.texture, topBottom);
  const xr = useThree((s) => s.gl.xr);
  const leftMesh = useRef<THREE.Mesh>(null);
  const rightMesh = useRef<THREE.Mesh>(null);
  useFrame(() => {
    const presenting = xr.isPresenting;
    if (leftMesh.current) leftMesh.current.layers.mask = presenting ? 1 << 1 : (1 << 0) | (1 << 1);
    if (rightMesh.current) rightMesh.current.layers.mask = presenting ? 1 << 2 : 0;
  });
  useEffect(() => () => {
    halves?.left.dispose();
    halves?.right.dispose();
  }, [halves]);
  const playing = view.state === "playing" && halves;
  const eyeAspect = view.aspect ? view.aspect * (topBottom ? 2 : 0.5) : undefined;
  const distance = num(node.distanceToCamera, defaultOf(node, "distanceToCamera"));
  const cardHeight = useCardHeight(distance);
  const plane = (mesh: typeof leftMesh, map: THREE.Texture) => (
    <CameraPlane
      nodeKey={node.key}
      distance={distance}
      height={playing ? (typeof node.height === "number" ? node.height : undefined) : cardHeight}
      aspect={playing ? eyeAspect : 4}
      fixed={false}
      meshRef={mesh}
    >
      <meshBasicMaterial map={map} depthWrite={false} toneMapped={false} />
    </CameraPlane>
  );
  return (
    <>
      {plane(leftMesh, playing ? halves.left : card)}
      {playing && plane(rightMesh, halves.right)}
    </>
  );
}

/** The stream as the parent mesh's material. */
export function WebRTCVideoMaterialNode({ node }: TypedNodeProps<"WebRTCVideoMaterial">): ReactNode {
  const view = useWebRTCVideo(streamSource(node), `<WebRTCVideoMaterial key="${node.key}">`);
  const picture = usePicture(view);
  return <meshBasicMaterial attach="material" map={picture} toneMapped={false} side={THREE.DoubleSide} />;
}
