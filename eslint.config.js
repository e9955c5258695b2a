import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
import tollgate from "./scripts/lint/domain-boundaries.js";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      ".wrangler/",
      ".cache/",
      ".data/",
      ".xdg/",
      "node_modules/",
      "worker-configuration.d.ts",
      "migrations/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-ignore": "allow-with-description" }],
      "no-empty": ["error", { allowEmptyCatch: false }],
      eqeqeq: ["error", "always"],
    },
  },
  {
    files: ["worker/**/*.ts", "durable-objects/**/*.ts"],
    ignores: ["**/*.test.ts"],
    plugins: { tollgate },
    rules: { "tollgate/domain-boundaries": "error" },
  },
);
