// Bundles the tests that import the app's modules (registration tables) for
// node: vite-only imports (?url assets, CSS) become empty stand-ins, as the
// tests never load assets.
import { defineConfig } from "rolldown";

export default defineConfig({
  input: ["tests/registrations.test.ts", "tests/fonts.test.ts"],
  platform: "node",
  output: { format: "esm", dir: "node_modules/.cache/vuer-app-tests" },
  plugins: [
    {
      name: "vite-only-imports",
      resolveId(source) {
        if (source.endsWith("?url") || source.endsWith(".css")) return `\0stub:${source}`;
        return null;
      },
      load(id) {
        if (id.startsWith("\0stub:")) return `export default ${JSON.stringify(id.slice(6))};`;
        return null;
      },
    },
  ],
});
