// The HTML element tags (htmlChildren of the Scene, and children of Html):
// plain DOM elements with the node's `style`. User input goes to the server
// with the element's key, as the public client sends it: Button and Img
// clicks as CLICK, a Slider's value as SET when released (plus SLIDE while
// it moves), an Input's text as INPUT on Enter.
import { marked } from "marked";
import {
  createElement,
  type CSSProperties,
  type ReactNode,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { sendEvent } from "../events";
import type { NodeOf, TypedNodeProps } from "../registry";
import { useEntry } from "../store";
import { imageBlob } from "./imageSource";
import { defaultOf, isRecord, num, str } from "../core/props";
import { CLIENT_ETYPES } from "../generated/protocol";

/** The DOM props every element takes: style (camelCase keys), className, id. */
function domProps(node: NodeOf<HtmlTag>): { style?: CSSProperties; className?: string; id?: string; "data-key": string } {
  return {
    style: isRecord(node.style) ? (node.style as CSSProperties) : undefined,
    className: typeof node.className === "string" ? node.className : undefined,
    id: typeof node.id === "string" ? node.id : undefined,
    "data-key": node.key,
  };
}

/** A block or inline element of `htmlTag`; a `text` prop comes before the children. */
type ElementTag = "Div" | "Span" | "article" | "h1" | "h2" | "h3" | "p" | "a" | "iframe";
/** Every tag drawn as a DOM element here. */
type HtmlTag = ElementTag | "Button" | "Slider" | "Input" | "Img" | "Markdown" | "AutoScroll";

function element<T extends ElementTag>(htmlTag: string, extra: (node: NodeOf<T>) => Record<string, unknown> = () => ({})) {
  return function HtmlElement({ node, children }: TypedNodeProps<T>): ReactNode {
    const text = typeof node.text === "string" ? node.text : null;
    return createElement(htmlTag, { ...domProps(node), ...extra(node) }, text, children);
  };
}

export const DivNode = element<"Div">("div");
export const SpanNode = element<"Span">("span");
export const ArticleNode = element<"article">("article");
export const H1Node = element<"h1">("h1");
export const H2Node = element<"h2">("h2");
export const H3Node = element<"h3">("h3");
export const ParagraphNode = element<"p">("p");
export const LinkNode = element<"a">("a", (node) => ({
  href: typeof node.href === "string" ? node.href : undefined,
  target: typeof node.target === "string" ? node.target : undefined,
  rel: node.target === "_blank" ? "noreferrer" : undefined,
}));
export const IframeNode = element<"iframe">("iframe", (node) => ({
  src: typeof node.src === "string" ? node.src : undefined,
  title: str(node.title, node.key),
}));

export function ButtonNode({ node, children }: TypedNodeProps<"Button">): ReactNode {
  const label = node.value ?? node.text;
  return (
    <button type="button" {...domProps(node)} onClick={() => sendEvent(CLIENT_ETYPES.CLICK, null, node.key)}>
      {typeof label === "string" || typeof label === "number" ? label : null}
      {children}
    </button>
  );
}

/** Keeps a local value that follows the server's prop when it changes. */
function useLocalValue<T>(prop: T): [T, (next: T) => void] {
  const [value, setValue] = useState(prop);
  useEffect(() => setValue(prop), [prop]);
  return [value, setValue];
}

export function SliderNode({ node }: TypedNodeProps<"Slider">): ReactNode {
  const min = num(node.min, defaultOf(node, "min"));
  const max = num(node.max, defaultOf(node, "max"));
  const [value, setValue] = useLocalValue(num(node.value, min));
  // The public client sends the input's string value when the slider is let go.
  const commit = (event: { currentTarget: HTMLInputElement }) => sendEvent(CLIENT_ETYPES.SET, event.currentTarget.value, node.key);
  return (
    <span className="vuer-slider">
      <input
        type="range"
        {...domProps(node)}
        min={min}
        max={max}
        step={num(node.step, defaultOf(node, "step"))}
        value={value}
        onChange={(event) => {
          const next = Number(event.target.value);
          setValue(next);
          sendEvent(CLIENT_ETYPES.SLIDE, next, node.key);
        }}
        onPointerUp={commit}
        onKeyUp={commit}
      />
      <span>{value}</span>
    </span>
  );
}

/** A text box: Enter sends its text as INPUT (Shift+Enter is a new line); → takes the default. */
export function InputNode({ node }: TypedNodeProps<"Input">): ReactNode {
  const [value, setValue] = useLocalValue(str(node.value, ""));
  const fallback = typeof node.defaultValue === "string" ? node.defaultValue : undefined;
  return (
    <textarea
      {...domProps(node)}
      placeholder={typeof node.placeholder === "string" ? node.placeholder : fallback}
      value={value}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === "ArrowRight" && !value && fallback) {
          event.preventDefault();
          setValue(fallback);
        } else if (event.key === "Enter" && !event.shiftKey) {
          event.preventDefault();
          sendEvent(CLIENT_ETYPES.INPUT, value, node.key);
          if (node.clearOnSubmit === true) setValue("");
        }
      }}
    />
  );
}

/** An <img> from a URL, a data URL, or image bytes (as a Blob URL, revoked when replaced). */
export function ImgNode({ node }: TypedNodeProps<"Img">): ReactNode {
  const blob = useMemo(() => imageBlob(node.src), [node.src]);
  const blobUrl = useMemo(() => (blob ? URL.createObjectURL(blob) : null), [blob]);
  useEffect(() => () => void (blobUrl && URL.revokeObjectURL(blobUrl)), [blobUrl]);
  const src = blobUrl ?? (typeof node.src === "string" ? node.src : undefined);
  return (
    <img
      {...domProps(node)}
      src={src}
      alt={str(node.alt, node.key)}
      onClick={(event) => {
        // Where in the image the click landed, as the public client reports it.
        const box = event.currentTarget.getBoundingClientRect();
        const value = { x: event.clientX - box.left, y: event.clientY - box.top, w: box.width, h: box.height };
        sendEvent(CLIENT_ETYPES.CLICK, value, node.key);
      }}
    />
  );
}

/** Markdown from the node's text children (or `text`), rendered to HTML. */
export function MarkdownNode({ node }: TypedNodeProps<"Markdown">): ReactNode {
  const refs = useEntry(node.key)?.slots.children;
  const source = refs?.flatMap((ref) => ("text" in ref ? [ref.text] : [])).join("\n") || str(node.text, "");
  const html = useMemo(() => marked.parse(source, { async: false }), [source]);
  return (
    <div
      {...domProps(node)}
      className={`vuer-markdown ${str(node.className, "")}`}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** A scrolling box that stays pinned to its bottom as content arrives, unless scrolled up. */
export function AutoScrollNode({ node, children }: TypedNodeProps<"AutoScroll">): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  useLayoutEffect(() => {
    const el = box.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  });
  return (
    <div
      ref={box}
      {...domProps(node)}
      style={{ overflowY: "auto", ...(isRecord(node.style) ? (node.style as CSSProperties) : {}) }}
      onScroll={(event) => {
        const el = event.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 4;
      }}
    >
      {children}
    </div>
  );
}
