// troika-three-text asks unicode-font-resolver for fallback fonts when a
// Text's font lacks a glyph, and that resolver falls back to a CDN even when
// given another data URL. The build rewrites the CDN address to a path on the
// page's own server (where nothing answers), so no build can fetch it; the
// Text component also replaces missing glyphs with "?" first (fonts.ts), so
// the resolver is never asked at all.
import type { Plugin } from "vite";

/** Remote addresses troika's text builder may fetch fonts or font data from. */
export const REMOTE_FONT_URL =
  /https?:\/\/[^\s"'`()]*(?:unicode-font-resolver|fonts\.(?:gstatic|googleapis)\.com|\.woff2?\b|\.ttf\b|\.otf\b)[^\s"'`()]*/g;

/** Where the resolver's data would be looked for instead: same origin, never served. */
export const OFFLINE_FONT_DATA = "./vuer-no-fallback-fonts";

/** The code with every remote font address replaced by OFFLINE_FONT_DATA. */
export function stripRemoteFonts(code: string): string {
  return code.replace(REMOTE_FONT_URL, OFFLINE_FONT_DATA);
}

/** Vite plugin: troika's modules lose their remote font addresses at build time. */
export function noRemoteFonts(): Plugin {
  return {
    name: "vuer-no-remote-fonts",
    enforce: "pre",
    transform(code, id) {
      if (!id.includes("troika-three-text") && !id.includes("unicode-font-resolver")) return null;
      const stripped = stripRemoteFonts(code);
      return stripped === code ? null : { code: stripped, map: null };
    },
  };
}
