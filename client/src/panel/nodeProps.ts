// A node's props as short readable text for the scene tree: JSON, with binary
// arrays shown by size and long lists cut, so a million-point cloud stays cheap.
import type { SceneNode } from "../types";

const MAX_ITEMS = 16;
const MAX_CHARS = 4000;

function shorten(value: unknown, depth: number): unknown {
  if (ArrayBuffer.isView(value)) return `<${value.byteLength} bytes>`;
  if (value instanceof ArrayBuffer) return `<${value.byteLength} bytes>`;
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => shorten(v, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`… ${value.length - MAX_ITEMS} more`);
    return items;
  }
  if (value !== null && typeof value === "object") {
    if (depth > 4) return "{…}";
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = shorten(v, depth + 1);
    return out;
  }
  return value;
}

/** The props of `node` (without tag and key) as indented JSON. */
export function propsText(node: SceneNode): string {
  const props: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node)) {
    if (name !== "tag" && name !== "key") props[name] = shorten(value, 0);
  }
  const text =
    Object.keys(props).length === 0
      ? "(no props)"
      : // Lists of plain values on one line: [0.5, 32, 16], not one number per line.
        JSON.stringify(props, null, 1).replace(
          /\[\s+([^[\]{}]*?)\s+\]/g,
          (_, inner: string) => `[${inner.replace(/\s*\n\s*/g, " ")}]`,
        );
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
}
