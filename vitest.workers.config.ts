import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          ENVIRONMENT: "test",
          DATABASE_URL: inject("databaseUrl"),
          NEON_WS_PROXY: inject("wsProxy"),
          JWT_PRIVATE_KEY: inject("jwtPrivateKey"),
          APP_URL: "http://127.0.0.1:8787",
        },
      },
    })),
  ],
  test: {
    name: "workers",
    include: ["test/workers/**/*.test.ts", "worker/**/*.workers.test.ts", "durable-objects/**/*.workers.test.ts"],
    globalSetup: ["test/setup/workers-global.ts"],
    testTimeout: 30_000,
    silent: "passed-only",
    hookTimeout: 60_000,
  },
});
