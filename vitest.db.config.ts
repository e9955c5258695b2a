import { defineConfig } from "vitest/config";

/** Use-cases against a real Postgres (DATABASE_URL's server, else embedded PGlite). */
export default defineConfig({
  test: {
    name: "db",
    environment: "node",
    include: ["**/*.db.test.ts"],
    exclude: ["node_modules/**", "dist/**"],
    globalSetup: ["test/setup/db-global.ts"],
    // Files share one database and some tests audit the whole ledger: run files one at a
    // time; the parallelism under test is inside each test (pools of many connections).
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
