// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "test-output/", "*.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always"],
    },
  },
  {
    // The core is host-free: it imports only from inside src/core, and never prints.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-console": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../../*", "!../../core/*"],
              message: "src/core imports nothing outside src/core.",
            },
            {
              group: ["node:*", "fs", "path", "os", "exceljs", "office-js"],
              message: "src/core is host-free.",
            },
          ],
        },
      ],
    },
  },
  {
    // The pane never calls Excel directly, and the xlsx layer never touches office-js.
    files: ["src/taskpane/**/*.ts", "src/xlsx/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Excel", message: "Only src/excel touches office-js." },
      ],
    },
  },
  {
    files: ["eslint.config.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
