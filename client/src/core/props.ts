// Readers for loosely typed wire props, shared by every component. Wire values
// come from Python as msgpack: numbers, strings, lists, dicts and bytes. A
// prop that is absent or of the wrong kind reads as its fallback, which for a
// documented prop is its documented default (defaultOf).
import { Color, type ColorRepresentation } from "three";
import { PROP_DEFAULTS } from "../generated/schema";
import { bytesDigest } from "./textures";

type Defaults = typeof PROP_DEFAULTS;

/**
 * The documented default of prop `name` for this node's tag (the Python
 * class's `Props:` section). A prop without one does not compile.
 */
export function defaultOf<T extends keyof Defaults, K extends keyof Defaults[T]>(
  node: { tag: T },
  name: K,
): Defaults[T][K] {
  return (PROP_DEFAULTS[node.tag] as Defaults[T])[name];
}

const warned = new Set<string>();

/** console.warn, once per distinct message (bad props arrive again with every update). */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

export function num(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

export function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === "boolean" ? value : fallback;
}

export function str(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value)
  );
}

/** A list of numbers (from a list or a typed array), or undefined. */
export function numbers(value: unknown, min = 0): number[] | undefined {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return undefined;
  const list = Array.from(value as ArrayLike<unknown>);
  if (list.length < min || !list.every((v) => typeof v === "number")) return undefined;
  return list as number[];
}

export function vec3(value: unknown, fallback: [number, number, number]): [number, number, number] {
  const list = numbers(value, 3);
  return list ? [list[0], list[1], list[2]] : fallback;
}

/**
 * A colour three.js accepts: CSS strings, 0xRRGGBB numbers, and "0xRRGGBB"
 * strings (the public API's BBox uses those). Unknown values give the fallback.
 */
export function color(value: unknown, fallback: ColorRepresentation): ColorRepresentation {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") {
    if (/^0x[0-9a-f]{1,6}$/i.test(value)) return parseInt(value.slice(2), 16);
    return value;
  }
  if (Array.isArray(value) && value.length >= 3 && value.every((v) => typeof v === "number")) {
    // [r, g, b] in 0..1, as three.js Color.fromArray takes them.
    return new Color().fromArray(value as number[]);
  }
  return fallback;
}

/** Typed arrays up to this length (a position, a matrix) key by their values. */
const SMALL_ARRAY = 16;

/**
 * A stable string of a prop's content, for memo keys and effect dependencies.
 * Lists and dicts are small here (args, material dicts, a lookAt point);
 * large binary payloads key by their length only.
 */
export function contentKey(value: unknown): string {
  if (value === undefined) return "";
  if (ArrayBuffer.isView(value)) {
    const items = value as unknown as ArrayLike<number>;
    return items.length <= SMALL_ARRAY ? Array.from(items).join(",") : `bin:${items.length}`;
  }
  try {
    // Bytes inside (a material's texture image) count by a digest of their content.
    return JSON.stringify(value, (_name, v: unknown) => (ArrayBuffer.isView(v) ? bytesDigest(v) : v));
  } catch {
    return String(value);
  }
}
