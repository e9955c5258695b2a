import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Hot-reload client dev mode: Vite serves client/ and forwards API traffic to the Worker.
const apiOrigin = process.env.API_ORIGIN ?? "http://127.0.0.1:8787";
const clientPort = Number(process.env.CLIENT_PORT ?? 5173);
const apiProxy = {
  "/api": { target: apiOrigin, changeOrigin: false },
  "/.well-known": { target: apiOrigin, changeOrigin: false },
};

export default defineConfig({
  root: fromRoot("./client"),
  plugins: [solid(), tailwindcss()],
  resolve: {
    alias: { "@contracts": fromRoot("./contracts") },
  },
  build: {
    outDir: fromRoot("./dist/client"),
    emptyOutDir: true,
    // dist/client/.vite/manifest.json: which chunks each page pulls in, read by `npm run size`.
    manifest: true,
  },
  server: {
    host: "127.0.0.1",
    port: clientPort,
    strictPort: true,
    proxy: apiProxy,
  },
  preview: {
    host: "127.0.0.1",
    port: clientPort,
    strictPort: true,
    proxy: apiProxy,
  },
});
