import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { noRemoteFonts } from "./src/components/fontCdn";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const staging = here("./dist");
const bundle = here("../src/vuer/client_build");
// The previous bundle waits here (ignored by git, same disk) while it is replaced.
const previous = here("./node_modules/.cache/vuer-previous-bundle");

/**
 * Builds into client/dist, then swaps it into the Python package in two
 * renames: a running server never sees a half-written or missing bundle.
 */
function publishBundle(): Plugin {
  return {
    name: "vuer-publish-bundle",
    apply: "build",
    closeBundle() {
      if (!existsSync(`${staging}/index.html`)) return; // the build failed: keep what is there
      rmSync(previous, { recursive: true, force: true });
      mkdirSync(dirname(previous), { recursive: true });
      if (existsSync(bundle)) renameSync(bundle, previous);
      renameSync(staging, bundle);
      rmSync(previous, { recursive: true, force: true });
    },
  };
}

// Relative asset URLs let the server mount the client under any path.
export default defineConfig({
  base: "./",
  plugins: [react(), noRemoteFonts(), publishBundle()],
  build: {
    outDir: staging,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    assetsInlineLimit: 0,
  },
});
