// Text in the scene: Text (troika SDF text), Text3D (extruded outlines),
// Billboard (children turned to the camera) and Html (DOM pinned to a point).
// All text uses the bundled font unless the node names another one.
import { Billboard, type FontData, Text, Text3D } from "@react-three/drei";
import { useFrame, useThree } from "@react-three/fiber";
import { type CSSProperties, type ReactNode, useEffect, useLayoutEffect, useRef, useState } from "react";
import { createRoot, type Root } from "react-dom/client";
import * as THREE from "three";
import { useTransform } from "../core/transform";
import type { NodeOf, TypedNodeProps } from "../registry";
import { useEntry } from "../store";
import { bundledTypeface, coveredText, DEFAULT_FONT_URL } from "./fonts";
import { typefaceAt } from "./typefaces";
import { useNodeMaterial } from "./materials";
import { bool, color, defaultOf, isRecord, num } from "../core/props";

/** The node's text: its text children (Text("hello")), else a `text` or `value` prop. */
function useTextContent(node: NodeOf<"Text" | "Text3D">): string {
  const refs = useEntry(node.key)?.slots.children;
  const fromChildren = refs?.flatMap((ref) => ("text" in ref ? [ref.text] : [])).join("") ?? "";
  if (fromChildren) return fromChildren;
  if (typeof node.text === "string") return node.text;
  return typeof node.value === "string" ? node.value : "";
}

const ANCHOR_X = new Set(["left", "center", "right"]);
const ANCHOR_Y = new Set(["top", "top-baseline", "top-cap", "top-ex", "middle", "bottom-baseline", "bottom"]);
const ALIGN = new Set(["left", "right", "center", "justify"]);

function anchor<T extends string>(value: unknown, allowed: Set<string>, fallback: T): number | T {
  if (typeof value === "number") return value;
  return typeof value === "string" && allowed.has(value) ? (value as T) : fallback;
}

/** The text to typeset, limited to the glyphs its font has (see coveredText). */
function useCoveredText(text: string, fontUrl: string): string | null {
  const [covered, setCovered] = useState<{ from: string; font: string; to: string } | null>(null);
  useEffect(() => {
    let live = true;
    coveredText(text, fontUrl).then((to) => live && setCovered({ from: text, font: fontUrl, to }));
    return () => {
      live = false;
    };
  }, [text, fontUrl]);
  return covered?.from === text && covered.font === fontUrl ? covered.to : null;
}

export function TextNode({ node }: TypedNodeProps<"Text">): ReactNode {
  const fontUrl = typeof node.font === "string" ? node.font : DEFAULT_FONT_URL;
  const text = useCoveredText(useTextContent(node), fontUrl);
  const transform = useTransform(node);
  if (text === null) return null;
  return (
    <Text
      {...transform}
      font={fontUrl}
      fontSize={num(node.fontSize, defaultOf(node, "fontSize"))}
      color={color(node.color, "black")}
      maxWidth={typeof node.maxWidth === "number" ? node.maxWidth : undefined}
      lineHeight={typeof node.lineHeight === "number" ? node.lineHeight : undefined}
      letterSpacing={num(node.letterSpacing, defaultOf(node, "letterSpacing"))}
      textAlign={ALIGN.has(String(node.textAlign)) ? (node.textAlign as "left") : "left"}
      anchorX={anchor(node.anchorX, ANCHOR_X, "center")}
      anchorY={anchor(node.anchorY, ANCHOR_Y, "middle")}
      outlineWidth={typeof node.outlineWidth === "number" ? node.outlineWidth : undefined}
      outlineColor={node.outlineColor === undefined ? undefined : color(node.outlineColor, defaultOf(node, "outlineColor"))}
    >
      {text}
    </Text>
  );
}

/**
 * The typeface to extrude: the node's (a URL, loaded once per URL, or the
 * data itself) or the bundled one.
 */
function useTypeface(font: unknown): FontData | null {
  const [loaded, setLoaded] = useState<{ url: string | null; data: FontData } | null>(null);
  const url = typeof font === "string" ? font : null;
  const inline = isRecord(font);
  useEffect(() => {
    if (inline) return;
    let live = true;
    (url === null ? bundledTypeface() : typefaceAt(url)).then(
      (data) => live && setLoaded({ url, data }),
      (error: unknown) => console.error("vuer: the bundled font could not be converted for Text3D:", error),
    );
    return () => {
      live = false;
    };
  }, [url, inline]);
  if (inline) return font as unknown as FontData;
  return loaded?.url === url ? loaded.data : null;
}

export function Text3DNode({ node }: TypedNodeProps<"Text3D">): ReactNode {
  const text = useTextContent(node);
  const font = useTypeface(node.font);
  const transform = useTransform(node);
  const material = useNodeMaterial(node);
  if (!font || !text) return null;
  return (
    <Text3D
      {...transform}
      font={font}
      size={num(node.size, defaultOf(node, "size"))}
      height={num(node.height, defaultOf(node, "height"))}
      curveSegments={num(node.curveSegments, defaultOf(node, "curveSegments"))}
      bevelEnabled={bool(node.bevelEnabled, defaultOf(node, "bevelEnabled"))}
      lineHeight={num(node.lineHeight, defaultOf(node, "lineHeight"))}
      letterSpacing={num(node.letterSpacing, defaultOf(node, "letterSpacing"))}
      smooth={typeof node.smooth === "number" ? node.smooth : undefined}
      material={material}
    >
      {text}
    </Text3D>
  );
}

export function BillboardNode({ node, children }: TypedNodeProps<"Billboard">): ReactNode {
  return (
    <Billboard
      {...useTransform(node)}
      follow={bool(node.follow, defaultOf(node, "follow"))}
      lockX={bool(node.lockX, defaultOf(node, "lockX"))}
      lockY={bool(node.lockY, defaultOf(node, "lockY"))}
      lockZ={bool(node.lockZ, defaultOf(node, "lockZ"))}
    >
      {children}
    </Billboard>
  );
}

/**
 * DOM content (the node's HTML element children) pinned to a point in the
 * scene, in its own React root over the canvas. (drei's Html renders nothing
 * under React 19 StrictMode: its root is unmounted and re-created on the same
 * container. Here each mount gets a fresh container.) `distanceFactor` scales
 * the content with distance, as in drei; `transform` is treated the same way.
 */
export function HtmlNode({ node, children }: TypedNodeProps<"Html">): ReactNode {
  const group = useRef<THREE.Group>(null);
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const gl = useThree((s) => s.gl);
  const [el] = useState(() => {
    const div = document.createElement("div");
    div.style.cssText = "position:absolute;top:0;left:0;transform-origin:0 0;pointer-events:none;";
    return div;
  });
  const root = useRef<Root | null>(null);

  useLayoutEffect(() => {
    const container = document.createElement("div");
    container.style.pointerEvents = "auto";
    el.appendChild(container);
    (gl.domElement.parentElement ?? document.body).appendChild(el);
    const made = createRoot(container);
    root.current = made;
    return () => {
      root.current = null;
      el.remove();
      // Unmounting a root while this one commits is not allowed: defer it.
      queueMicrotask(() => made.unmount());
    };
  }, [el, gl]);

  const style = isRecord(node.style) ? (node.style as CSSProperties) : undefined;
  const center = bool(node.center, defaultOf(node, "center"));
  useLayoutEffect(() => {
    root.current?.render(
      <div className="vuer-html-anchor" style={{ transform: center ? "translate(-50%, -50%)" : undefined, ...style }}>
        {children}
      </div>,
    );
  });

  const distanceFactor = typeof node.distanceFactor === "number" ? node.distanceFactor : undefined;
  const placed = useRef("");
  useFrame(() => {
    const g = group.current;
    if (!g) return;
    g.getWorldPosition(scratch);
    const distance = scratch.distanceTo(camera.position);
    scratch.project(camera);
    const hidden = scratch.z > 1 || scratch.z < -1;
    if (hidden !== (el.style.display === "none")) el.style.display = hidden ? "none" : "";
    if (hidden) return;
    const x = ((scratch.x + 1) / 2) * size.width;
    const y = ((1 - scratch.y) / 2) * size.height;
    let scale = 1;
    if (distanceFactor !== undefined && camera instanceof THREE.PerspectiveCamera) {
      scale = distanceFactor / (2 * Math.tan((camera.fov * Math.PI) / 360) * Math.max(distance, 1e-6));
    }
    const transform = `translate3d(${x.toFixed(1)}px, ${y.toFixed(1)}px, 0) scale(${scale.toFixed(4)})`;
    // Style writes cost layout work: only when the place changed.
    if (transform !== placed.current) {
      el.style.transform = transform;
      placed.current = transform;
    }
  });

  return <group ref={group} {...useTransform(node)} />;
}

const scratch = new THREE.Vector3();
