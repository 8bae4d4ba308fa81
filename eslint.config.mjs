// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

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
    // The formats layer (bytes in → grids, text, findings; bytes out) runs in Node and in the
    // offline page alike: no file system, no Node module, nothing of the hosts built on it.
    files: ["src/formats/**/*.ts", "src/xlsx/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "fs/*", "path", "path/*", "os"],
              message: "The formats layer has no Node APIs: the offline page runs it too.",
            },
            {
              group: ["**/cli", "**/cli/*", "**/web", "**/web/*", "**/excel", "**/excel/*"],
              message: "The formats layer imports nothing from the hosts built on it.",
            },
            {
              group: ["**/taskpane", "**/taskpane/*", "office-js"],
              message: "The formats layer imports nothing from the hosts built on it.",
            },
          ],
        },
      ],
    },
  },
  {
    // The page's batch logic runs in jest under Node and in a Worker: no DOM, no Node.
    files: ["src/web/batch*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "os"],
              message: "The batch logic runs in the page: no Node APIs.",
            },
            {
              group: ["**/cli", "**/cli/*", "**/excel/*", "**/taskpane/*"],
              message: "The batch logic builds on the formats layer only.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "document", message: "The batch logic has no DOM (it may run in a Worker)." },
        { name: "window", message: "The batch logic has no DOM (it may run in a Worker)." },
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
    // The office-js idioms: load before read, sync before read, no sync in a loop, isNullObject.
    files: ["src/excel/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-empty-load": "error",
    },
  },
  {
    files: ["eslint.config.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
