// The bundled font (DejaVu Sans, from @fontsource) for all scene text: troika
// (Text) reads it as-is; Text3D needs three.js "typeface" data, converted
// here from the same file's outlines on first use. Nothing is fetched from
// outside the page's own server.
import type { FontData } from "@react-three/drei";
import fontUrl from "@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff?url";
import type { Font, PathCommand } from "opentype.js";
import { configureTextBuilder } from "troika-three-text";
import { OFFLINE_FONT_DATA } from "./fontCdn";

export const DEFAULT_FONT_URL = fontUrl;

// Troika's own default is a font on Google's CDN: point it at ours. Fallback
// fonts for missing glyphs are never looked up (see fontCdn.ts): the data
// address is our own server too, and coveredText leaves nothing to look up.
configureTextBuilder({ defaultFontURL: fontUrl, unicodeFontsURL: OFFLINE_FONT_DATA });

/** Printable ASCII and Latin-1: what the bundled "latin" subset covers. */
function charset(): string[] {
  const chars: string[] = [];
  for (let c = 0x20; c <= 0x7e; c++) chars.push(String.fromCharCode(c));
  for (let c = 0xa0; c <= 0xff; c++) chars.push(String.fromCharCode(c));
  return chars;
}

const r = (v: number | undefined): number => Math.round(v ?? 0);

/**
 * One glyph's outline in typeface notation: "m x y", "l x y",
 * "q x y cx cy" and "b x y c1x c1y c2x c2y" (end point first).
 */
function outline(commands: PathCommand[]): string {
  const parts: string[] = [];
  for (const c of commands) {
    if (c.type === "M") parts.push(`m ${r(c.x)} ${r(c.y)}`);
    else if (c.type === "L") parts.push(`l ${r(c.x)} ${r(c.y)}`);
    else if (c.type === "Q") parts.push(`q ${r(c.x)} ${r(c.y)} ${r(c.x1)} ${r(c.y1)}`);
    else if (c.type === "C") parts.push(`b ${r(c.x)} ${r(c.y)} ${r(c.x1)} ${r(c.y1)} ${r(c.x2)} ${r(c.y2)}`);
  }
  return parts.join(" ");
}

const parsedFonts = new Map<string, Promise<Font>>();

/** A font file parsed once per URL (for Text3D outlines and glyph coverage). */
function parsedFont(url: string): Promise<Font> {
  let font = parsedFonts.get(url);
  if (!font) {
    font = Promise.all([import("opentype.js"), fetch(url).then((r) => r.arrayBuffer())]).then(([opentype, buffer]) =>
      opentype.parse(buffer),
    );
    parsedFonts.set(url, font);
  }
  return font;
}

function bundledFont(): Promise<Font> {
  return parsedFont(fontUrl);
}

/** The node's font, or the bundled one when it cannot be read (troika falls back to it too). */
async function fontFor(url: string): Promise<Font> {
  if (url === fontUrl) return bundledFont();
  try {
    return await parsedFont(url);
  } catch (error) {
    console.warn(`vuer: the font ${url} could not be read; its text is checked against the bundled font`, error);
    return bundledFont();
  }
}

/** Printable Latin-1 is in the bundled font; only other text needs a look at its glyphs. */
const LATIN1 = /^[\n\t\u0020-\u007e\u00a0-\u00ff]*$/;
const warnedChars = new Set<string>();

/**
 * The text with characters the font (the bundled one by default) lacks
 * replaced by "?", with one warning per character and font. Troika would
 * otherwise look for a fallback font, and this client never leaves its
 * server. Troika skips the check for whitespace after the first character
 * only, so a leading one the font lacks is dropped.
 */
export async function coveredText(text: string, url: string = fontUrl): Promise<string> {
  if (url === fontUrl && LATIN1.test(text)) return text;
  const font = await fontFor(url);
  let out = "";
  for (const char of text) {
    if (font.hasChar(char) || (out.length > 0 && /\s/.test(char))) out += char;
    else if (/\s/.test(char)) continue;
    else {
      out += font.hasChar("?") ? "?" : "";
      const seen = `${url}|${char}`;
      if (!warnedChars.has(seen)) {
        warnedChars.add(seen);
        const which = url === fontUrl ? "the bundled font" : `the font ${url}`;
        console.warn(`vuer: ${which} has no glyph for ${JSON.stringify(char)}; it is drawn as "?"`);
      }
    }
  }
  return out;
}

/** Converts a parsed font into three.js typeface data. */
function typefaceFrom(font: Font): FontData {
  const glyphs: Record<string, { ha: number; x_min: number; x_max: number; o: string }> = {};
  for (const char of charset()) {
    if (!font.hasChar(char)) continue;
    const glyph = font.charToGlyph(char);
    const xs = glyph.path.commands.flatMap((c) => (c.x === undefined ? [] : [c.x]));
    glyphs[char] = {
      ha: r(glyph.advanceWidth),
      x_min: r(Math.min(0, ...xs)),
      x_max: r(Math.max(0, ...xs)),
      o: outline(glyph.path.commands),
    };
  }
  const head = font.tables.head;
  return {
    glyphs,
    familyName: font.names.fontFamily?.en ?? "font",
    ascender: font.ascender,
    descender: font.descender,
    underlinePosition: 0,
    underlineThickness: font.tables.post?.underlineThickness ?? 0,
    boundingBox: {
      xMin: head?.xMin ?? 0,
      xMax: head?.xMax ?? 0,
      yMin: head?.yMin ?? font.descender,
      yMax: head?.yMax ?? font.ascender,
    },
    resolution: font.unitsPerEm,
    original_font_information: {},
  } as unknown as FontData;
}

let defaultTypeface: Promise<FontData> | null = null;

/** The bundled font as typeface data (converted once). */
export function bundledTypeface(): Promise<FontData> {
  defaultTypeface ??= bundledFont().then(typefaceFrom);
  return defaultTypeface;
}
