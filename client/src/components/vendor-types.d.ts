// Declarations for the untyped packages the components use: opentype.js 2.x (fonts.ts).
declare module "opentype.js" {
  export interface PathCommand {
    type: "M" | "L" | "Q" | "C" | "Z";
    x?: number;
    y?: number;
    x1?: number;
    y1?: number;
    x2?: number;
    y2?: number;
  }
  export interface Glyph {
    advanceWidth?: number;
    path: { commands: PathCommand[] };
  }
  export interface Font {
    unitsPerEm: number;
    ascender: number;
    descender: number;
    names: { fontFamily?: Record<string, string> };
    tables: {
      post?: { underlineThickness?: number };
      head?: { yMin: number; yMax: number; xMin: number; xMax: number };
    };
    hasChar(c: string): boolean;
    charToGlyph(c: string): Glyph;
  }
  export function parse(buffer: ArrayBuffer): Font;
}

// troika-three-text (drei's text engine) ships no declarations either.
declare module "troika-three-text" {
  export function configureTextBuilder(config: { defaultFontURL?: string; unicodeFontsURL?: string }): void;
}
