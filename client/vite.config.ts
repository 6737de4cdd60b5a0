import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Relative asset URLs let the server mount the client under any path. The
// bundle goes into the Python package (outDir is relative to this folder).
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: {
    outDir: "../src/vuer/client_build",
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    assetsInlineLimit: 0,
  },
});
