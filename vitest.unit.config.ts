import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@contracts": fileURLToPath(new URL("./contracts", import.meta.url)) } },
  test: {
    name: "unit",
    environment: "node",
    include: [
      "worker/**/*.test.ts",
      "contracts/**/*.test.ts",
      "durable-objects/**/*.test.ts",
      "scripts/**/*.test.ts",
      "test/unit/**/*.test.ts",
      "client/**/*.test.ts",
    ],
    exclude: ["**/*.workers.test.ts", "**/*.db.test.ts", "node_modules/**"],
  },
});
