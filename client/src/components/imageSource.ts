// Image sources of the wire (`src` / `rgb`): JPEG or PNG bytes, a data URL, or
// a URL (relative ones resolve against the page). Bytes become a Blob; URLs
// are fetched. Decoding uses createImageBitmap, off the main thread.
import * as THREE from "three";

const MIME: Record<number, string> = { 0xff: "image/jpeg", 0x89: "image/png", 0x47: "image/gif", 0x52: "image/webp" };

/** A Blob for image bytes (type sniffed from the first byte), or null for non-bytes. */
export function imageBlob(src: unknown): Blob | null {
  if (!(src instanceof Uint8Array)) return null;
  // Copy out of the message buffer: a Blob keeps what it is given alive.
  return new Blob([src.slice()], { type: MIME[src[0]] ?? "application/octet-stream" });
}

async function sourceBlob(src: unknown): Promise<Blob> {
  const blob = imageBlob(src);
  if (blob) return blob;
  if (typeof src !== "string" || src === "") throw new Error("no image source (expected bytes, a data URL or a URL)");
  const response = await fetch(new URL(src, document.baseURI));
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} for ${src}`);
  return response.blob();
}

/** Decodes the source into a bitmap, flipped for WebGL's bottom-up rows. */
export async function decodeImage(src: unknown): Promise<ImageBitmap> {
  return createImageBitmap(await sourceBlob(src), { imageOrientation: "flipY" });
}

/** A texture of a decoded bitmap (sRGB; not flipped again: the bitmap already is). */
export function textureFor(bitmap: ImageBitmap, linear: boolean): THREE.Texture {
  const texture = new THREE.Texture(bitmap);
  texture.userData.linear = linear;
  texture.flipY = false;
  texture.colorSpace = THREE.SRGBColorSpace;
  texture.magFilter = linear ? THREE.LinearFilter : THREE.NearestFilter;
  texture.minFilter = linear ? THREE.LinearMipmapLinearFilter : THREE.LinearFilter;
  texture.generateMipmaps = linear;
  texture.needsUpdate = true;
  return texture;
}

/** Frees a texture made by textureFor, with its bitmap. */
export function disposeTexture(texture: THREE.Texture): void {
  texture.dispose();
  const image = texture.image as ImageBitmap | undefined;
  if (image && typeof image.close === "function") image.close();
}

/** A short description of a source for log lines (never the bytes themselves). */
export function describeSource(src: unknown): string {
  if (src instanceof Uint8Array) return `${src.length} image bytes`;
  if (typeof src === "string") return src.startsWith("data:") ? "a data URL" : src;
  return typeof src;
}
