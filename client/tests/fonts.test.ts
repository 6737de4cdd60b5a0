// No remote font address can be used by the client: troika's fallback-font
// CDN is rewritten at build time (components/fontCdn.ts), and the shipped
// bundle holds no remote font URL.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { OFFLINE_FONT_DATA, REMOTE_FONT_URL, stripRemoteFonts } from "../src/components/fontCdn";

const TROIKA = "node_modules/troika-three-text/dist/troika-three-text.esm.js";
const BUNDLE = "../src/vuer/client_build/assets";

function remoteFontUrls(code: string): string[] {
  return [...code.matchAll(REMOTE_FONT_URL)].map((m) => m[0]);
}

test("the build's rewrite leaves troika no remote font address", () => {
  const source = readFileSync(TROIKA, "utf8");
  const found = remoteFontUrls(source);
  // The guard is only meaningful while troika has the CDN fallback to remove.
  assert.ok(found.some((url) => url.includes("cdn.jsdelivr.net")), "troika's CDN address was not recognised");
  const stripped = stripRemoteFonts(source);
  assert.deepEqual(remoteFontUrls(stripped), []);
  assert.ok(stripped.includes(OFFLINE_FONT_DATA));
  assert.ok(!/^https?:/.test(OFFLINE_FONT_DATA), "the stand-in data address must be same-origin");
});

test("the built bundle holds no remote font address", (t) => {
  if (!existsSync(BUNDLE)) {
    t.skip("no bundle built yet (npm run build)");
    return;
  }
  const files = readdirSync(BUNDLE).filter((name) => name.endsWith(".js"));
  assert.ok(files.length > 0, "the bundle has no scripts");
  for (const name of files) {
    assert.deepEqual(remoteFontUrls(readFileSync(join(BUNDLE, name), "utf8")), [], name);
  }
});
