import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "unit",
    environment: "node",
    include: ["worker/**/*.test.ts", "durable-objects/**/*.test.ts", "scripts/**/*.test.ts", "test/unit/**/*.test.ts"],
    exclude: ["**/*.workers.test.ts", "**/*.db.test.ts", "node_modules/**"],
  },
});
