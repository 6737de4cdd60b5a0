// Material texture slots (map, normalMap, …) from the wire: a URL (relative
// ones resolve against the page), a data URL, or image bytes (Python sends a
// numpy or PIL image as PNG bytes). Each source is fetched and decoded once
// and its texture shared by every material that names it; the texture is
// freed with its last material. A source that cannot load logs one error and
// leaves the slot empty.
import * as THREE from "three";
import { decodeImage, describeSource } from "../components/imageSource";
import { getThree } from "./threeState";

/** The texture slots of three.js materials, and whether each holds colour (sRGB) or data. */
const SLOTS: Record<string, "color" | "data"> = {
  map: "color",
  emissiveMap: "color",
  envMap: "color",
  lightMap: "color",
  specularColorMap: "color",
  sheenColorMap: "color",
  normalMap: "data",
  roughnessMap: "data",
  metalnessMap: "data",
  aoMap: "data",
  alphaMap: "data",
  displacementMap: "data",
  bumpMap: "data",
  specularMap: "data",
  clearcoatMap: "data",
  clearcoatNormalMap: "data",
  clearcoatRoughnessMap: "data",
  transmissionMap: "data",
  thicknessMap: "data",
};

export function isTextureSlot(name: string): boolean {
  return name in SLOTS;
}

const digests = new WeakMap<object, string>();

/** A short content digest of bytes (FNV-1a over all of them, with the length). */
export function bytesDigest(bytes: ArrayBufferView): string {
  const known = digests.get(bytes);
  if (known) return known;
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let hash = 0x811c9dc5;
  for (let i = 0; i < view.length; i++) hash = Math.imul(hash ^ view[i], 0x01000193);
  const digest = `bin:${view.length}:${(hash >>> 0).toString(16)}`;
  digests.set(bytes, digest);
  return digest;
}

/** The cache key of a source, or null when the value is no image source. */
function sourceKey(src: unknown): string | null {
  if (src instanceof Uint8Array) return src.length > 0 ? bytesDigest(src) : null;
  if (typeof src !== "string" || src === "") return null;
  if (src.startsWith("data:")) return `data:${src.length}:${bytesDigest(new TextEncoder().encode(src))}`;
  return new URL(src, document.baseURI).href;
}

interface Entry {
  texture: THREE.Texture;
  loaded: Promise<THREE.Texture | null>;
  users: number;
}

const entries = new Map<string, Entry>();
const failed = new Set<string>();

/** Textures held now (for tests). */
export function textureCount(): number {
  return entries.size;
}

function load(key: string, src: unknown, kind: "color" | "data", slot: string): Entry {
  const texture = new THREE.Texture();
  texture.colorSpace = kind === "color" ? THREE.SRGBColorSpace : THREE.NoColorSpace;
  texture.flipY = false; // the decoded bitmap already is
  if (slot === "envMap") texture.mapping = THREE.EquirectangularReflectionMapping;
  // Repeat, so a material's texture offset/repeat tile as in three.js examples.
  texture.wrapS = texture.wrapT = THREE.RepeatWrapping;
  const loaded = decodeImage(src).then(
    (bitmap) => {
      texture.image = bitmap;
      texture.needsUpdate = true;
      return texture;
    },
    (error: unknown) => {
      if (!failed.has(key)) {
        failed.add(key);
        console.error(`vuer: the texture ${describeSource(src)} (${slot}) could not be loaded:`, error);
      }
      return null;
    },
  );
  return { texture, loaded, users: 0 };
}

/**
 * Puts the texture of `src` in `material[slot]` once it is decoded (at once
 * when another material already loaded it). Returns false when `src` is not
 * an image source; the texture is released when the material is disposed.
 */
export function bindTexture(material: THREE.Material, slot: string, src: unknown): boolean {
  const kind = SLOTS[slot];
  const id = sourceKey(src);
  if (kind === undefined || id === null) return false;
  const key = `${kind}|${slot === "envMap" ? "env|" : ""}${id}`;
  let entry = entries.get(key);
  if (!entry) {
    entry = load(key, src, kind, slot);
    entries.set(key, entry);
  }
  entry.users++;
  const held = entry;
  const target = material as unknown as Record<string, unknown>;
  let live = true;
  const attach = (texture: THREE.Texture | null): void => {
    if (!live || !texture) return;
    target[slot] = texture;
    material.needsUpdate = true;
    getThree()?.invalidate();
  };
  if (held.texture.image) attach(held.texture);
  else void held.loaded.then(attach);
  const release = (): void => {
    if (!live) return;
    live = false;
    material.removeEventListener("dispose", release);
    if (--held.users > 0 || entries.get(key) !== held) return;
    entries.delete(key);
    held.texture.dispose();
  };
  material.addEventListener("dispose", release);
  return true;
}
