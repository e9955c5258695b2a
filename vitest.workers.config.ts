import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

/** The upload tests' images (test/fixtures/images), base64 by file name: workerd cannot read the disk. */
const imageFixtures = Object.fromEntries(
  readdirSync("test/fixtures/images")
    .filter((name) => !name.endsWith(".ts"))
    .map((name) => [name, readFileSync(`test/fixtures/images/${name}`).toString("base64")]),
);

export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          ENVIRONMENT: "test",
          DATABASE_URL: inject("databaseUrl"),
          NEON_WS_PROXY: inject("wsProxy"),
          // The owner, for the few tests that create triggers (the Worker's role cannot).
          TEST_OWNER_DATABASE_URL: inject("ownerDatabaseUrl"),
          JWT_PRIVATE_KEY: inject("jwtPrivateKey"),
          APP_URL: "http://127.0.0.1:8787",
          STRIPE_WEBHOOK_SECRET: "whsec_test_tollgate_workers",
          COINBASE_WEBHOOK_SECRET: "coinbase-test-webhook-secret",
          // Live-provider settings the payment tests switch on per request (see test/workers/providers.ts).
          TEST_STRIPE_MOCK_URL: inject("stripeMockUrl"),
          TEST_COINBASE_API_URL: inject("coinbaseApiUrl"),
          TEST_COINBASE_API_KEY: inject("coinbaseApiKey"),
          // The tier's own livekit-server (test/setup/workers-global.ts).
          LIVEKIT_WS_URL: inject("livekitUrl"),
          LIVEKIT_API_KEY: inject("livekitApiKey"),
          LIVEKIT_API_SECRET: inject("livekitApiSecret"),
          METER_INTERVAL_MS: String(inject("meterIntervalMs")),
          TEST_IMAGE_FIXTURES: imageFixtures,
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
    // obscenity ships CommonJS behind an ESM wrapper the workers pool cannot link; pre-bundle it to ESM
    // (wrangler's own bundler, for dev and deploy, handles it as it is).
    deps: { optimizer: { ssr: { enabled: true, include: ["obscenity"] } } },
  },
});
