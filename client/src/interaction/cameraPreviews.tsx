// `CameraPreviewThumbs` and `CameraPreviewOverlay`: DOM pictures of the
// scene's CameraViews. The scene nodes only publish their settings; the DOM
// (CameraPreviews, outside the canvas) draws a thumbnail per registered view
// and, once one is clicked, a viewfinder over the page. PreviewPainter copies
// the views' pictures into those DOM canvases at PREVIEW_FPS, and exists only
// while something is shown: with no views there is no timer and no rendering.
import { useEffect, useState, type ReactNode } from "react";
import { createStore, useStore } from "zustand";
import type { NodeOf, TypedNodeProps } from "../registry";
import { bool, defaultOf, num } from "../core/props";
import { useViewKeys, viewSource } from "./views";

const PREVIEW_FPS = 10;
/** Largest viewfinder picture, CSS pixels (it is re-rendered at PREVIEW_FPS). */
const OVERLAY_MAX = 960;

export interface ThumbSettings {
  previewHeight: number;
  gap: number;
  margin: number;
  showLabels: boolean;
}

export interface OverlaySettings {
  margin: number;
  showLabel: boolean;
  showCornerBrackets: boolean;
  showCenterFocus: boolean;
  cornerBracketColor: string;
  centerFocusColor: string;
}

interface PreviewState {
  thumbs: ThumbSettings | null;
  overlay: OverlaySettings | null;
  /** The view looked through (its key), if any. */
  selected: string | null;
}

export const previewStore = createStore<PreviewState>(() => ({ thumbs: null, overlay: null, selected: null }));

function text(value: unknown, fallback: string): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}

export function thumbSettings(node: NodeOf<"CameraPreviewThumbs">): ThumbSettings {
  return {
    previewHeight: Math.max(16, num(node.previewHeight, defaultOf(node, "previewHeight"))),
    gap: Math.max(0, num(node.gap, defaultOf(node, "gap"))),
    margin: Math.max(0, num(node.margin, defaultOf(node, "margin"))),
    showLabels: bool(node.showLabels, defaultOf(node, "showLabels")),
  };
}

export function overlaySettings(node: NodeOf<"CameraPreviewOverlay">): OverlaySettings {
  return {
    margin: Math.max(0, num(node.margin, defaultOf(node, "margin"))),
    showLabel: bool(node.showLabel, defaultOf(node, "showLabel")),
    showCornerBrackets: bool(node.showCornerBrackets, defaultOf(node, "showCornerBrackets")),
    showCenterFocus: bool(node.showCenterFocus, defaultOf(node, "showCenterFocus")),
    cornerBracketColor: text(node.cornerBracketColor, "#ffffff"),
    centerFocusColor: text(node.centerFocusColor, "#ff4040"),
  };
}

/** Publishes `value` into the preview store while the node is mounted. */
function usePublish<K extends "thumbs" | "overlay">(slot: K, value: PreviewState[K]): void {
  const id = JSON.stringify(value);
  useEffect(() => {
    previewStore.setState({ [slot]: JSON.parse(id) as PreviewState[K] } as Partial<PreviewState>);
    return () => previewStore.setState({ [slot]: null } as Partial<PreviewState>);
  }, [slot, id]);
}

export function CameraPreviewThumbsNode({ node }: TypedNodeProps<"CameraPreviewThumbs">): null {
  usePublish("thumbs", thumbSettings(node));
  return null;
}

export function CameraPreviewOverlayNode({ node }: TypedNodeProps<"CameraPreviewOverlay">): null {
  usePublish("overlay", overlaySettings(node));
  return null;
}

// ---- painting -------------------------------------------------------------

/** The DOM canvases to fill, with the view each shows. */
const targets = new Map<HTMLCanvasElement, string>();
const failed = new Set<string>();

function paintAll(): void {
  for (const [canvas, key] of targets) {
    const snapshot = viewSource(key)?.snapshot;
    const context = canvas.getContext("2d");
    if (!snapshot || !context) continue;
    try {
      const { width, height } = canvas;
      context.putImageData(new ImageData(snapshot(width, height), width, height), 0, 0);
    } catch (error) {
      if (!failed.has(key)) console.warn(`vuer: could not draw the preview of ${key}`, error);
      failed.add(key);
    }
  }
}

/** A ref callback that makes a canvas show view `key` while it is mounted. */
function paintInto(key: string): (canvas: HTMLCanvasElement | null) => () => void {
  return (canvas) => {
    if (canvas) targets.set(canvas, key);
    return () => {
      if (canvas) targets.delete(canvas);
    };
  };
}

function PaintLoop(): null {
  useEffect(() => {
    const timer = setInterval(paintAll, 1000 / PREVIEW_FPS);
    return () => clearInterval(timer);
  }, []);
  return null;
}

/** Inside the Canvas: runs the paint timer only while a preview is on screen. */
export function PreviewPainter(): ReactNode {
  const keys = useViewKeys();
  const thumbs = useStore(previewStore, (s) => s.thumbs !== null);
  const looking = useStore(previewStore, (s) => s.overlay !== null && s.selected !== null);
  return keys.length > 0 && (thumbs || looking) ? <PaintLoop /> : null;
}

// ---- the DOM ----------------------------------------------------------------

function aspectOf(key: string): number {
  const aspect = viewSource(key)?.aspect;
  return aspect !== undefined && Number.isFinite(aspect) && aspect > 0 ? aspect : 4 / 3;
}

function select(key: string | null): void {
  previewStore.setState((s) => ({ selected: s.selected === key ? null : key }));
}

interface ThumbsProps {
  keys: readonly string[];
  settings: ThumbSettings;
  selected: string | null;
}

function Thumbs({ keys, settings, selected }: ThumbsProps): ReactNode {
  const height = Math.round(settings.previewHeight);
  return (
    <div
      id="vuer-camera-thumbs"
      className="vuer-camera-thumbs"
      style={{ left: settings.margin, bottom: settings.margin, gap: settings.gap }}
    >
      {keys.map((key) => (
        <button
          key={key}
          type="button"
          className="vuer-camera-thumb"
          data-key={key}
          data-selected={key === selected}
          title={`look through ${key}`}
          onClick={() => select(key)}
        >
          <canvas ref={paintInto(key)} width={Math.max(1, Math.round(height * aspectOf(key)))} height={height} />
          {settings.showLabels && <span className="vuer-camera-label">{key}</span>}
        </button>
      ))}
    </div>
  );
}

function useWindowSize(): [number, number] {
  const [size, setSize] = useState<[number, number]>([window.innerWidth, window.innerHeight]);
  useEffect(() => {
    const onResize = () => setSize([window.innerWidth, window.innerHeight]);
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return size;
}

function Viewfinder({ viewKey, settings }: { viewKey: string; settings: OverlaySettings }): ReactNode {
  const [windowWidth, windowHeight] = useWindowSize();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") select(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const aspect = aspectOf(viewKey);
  const room = [Math.min(OVERLAY_MAX, windowWidth - 2 * settings.margin), windowHeight - 2 * settings.margin];
  const width = Math.max(1, Math.round(Math.min(room[0], room[1] * aspect)));
  const height = Math.max(1, Math.round(width / aspect));
  const bracket = { borderColor: settings.cornerBracketColor };
  return (
    <div id="vuer-camera-overlay" className="vuer-camera-overlay" data-key={viewKey} onClick={() => select(null)}>
      <div className="vuer-viewfinder" style={{ width, height }}>
        <canvas ref={paintInto(viewKey)} width={width} height={height} />
        {settings.showCornerBrackets &&
          ["tl", "tr", "bl", "br"].map((corner) => (
            <span key={corner} className={`vuer-bracket vuer-bracket-${corner}`} style={bracket} />
          ))}
        {settings.showCenterFocus && <span className="vuer-focus" style={{ color: settings.centerFocusColor }} />}
        {settings.showLabel && <span className="vuer-camera-label vuer-viewfinder-label">{viewKey}</span>}
      </div>
    </div>
  );
}

/** Outside the Canvas: the thumbnails and the viewfinder, when their nodes and views exist. */
export function CameraPreviews(): ReactNode {
  const keys = useViewKeys();
  const thumbs = useStore(previewStore, (s) => s.thumbs);
  const overlay = useStore(previewStore, (s) => s.overlay);
  const selected = useStore(previewStore, (s) => s.selected);
  if (keys.length === 0) return null;
  const looking = selected !== null && keys.includes(selected) ? selected : null;
  return (
    <>
      {thumbs && <Thumbs keys={keys} settings={thumbs} selected={looking} />}
      {overlay && looking !== null && <Viewfinder viewKey={looking} settings={overlay} />}
    </>
  );
}
