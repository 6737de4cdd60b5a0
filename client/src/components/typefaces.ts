// Text3D typefaces named by URL (three.js typeface JSON): fetched once per
// URL and shared. A URL that cannot be read logs one error, whatever the
// number of nodes or re-renders asking for it, and the text falls back to
// the bundled font (so it is still drawn, offline too).
import type { FontData } from "@react-three/drei";
import { bundledTypeface } from "./fonts";

const typefaces = new Map<string, Promise<FontData>>();

async function fetchTypeface(url: string): Promise<FontData> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  const data = (await response.json()) as Partial<FontData>;
  if (typeof data !== "object" || data === null || typeof data.glyphs !== "object")
    throw new Error("not a three.js typeface (no glyphs)");
  return data as FontData;
}

/** The typeface at `url` (relative to the page), or the bundled one when it cannot be read. */
export function typefaceAt(url: string): Promise<FontData> {
  const href = new URL(url, document.baseURI).href;
  let typeface = typefaces.get(href);
  if (!typeface) {
    typeface = fetchTypeface(href).catch((error: unknown) => {
      console.error(`vuer: the Text3D font ${url} could not be loaded; using the bundled font:`, error);
      return bundledTypeface();
    });
    typefaces.set(href, typeface);
  }
  return typeface;
}
