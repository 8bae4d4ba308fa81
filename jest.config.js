/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    // parse5 and its entities are published as ES modules only: compiled to CommonJS for jest.
    "/node_modules/(?:parse5|entities)/.+\\.js$": [
      "ts-jest",
      { tsconfig: { allowJs: true, module: "commonjs", target: "ES2020" }, isolatedModules: true },
    ],
    // pdf.js is published as ES modules only: compiled to CommonJS for the tests.
    "^.+\\.mjs$": "<rootDir>/jest.esm-transform.config.js",
  },
  transformIgnorePatterns: ["/node_modules/(?!(?:parse5|entities|pdfjs-dist)/)"],
  setupFilesAfterEnv: ["<rootDir>/test/fail-on-console.ts"],
};
