import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "e2e",
    environment: "node",
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["test/setup/e2e-global.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // The browser waits on a Worker, Postgres and LiveKit sharing two cores: poll for up to 10 s.
    expect: { poll: { timeout: 10_000 } },
  },
});
