/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    // pdf.js is published as ES modules only: compiled to CommonJS for the tests.
    "^.+\\.mjs$": "<rootDir>/jest.esm-transform.config.js",
  },
  transformIgnorePatterns: ["/node_modules/(?!pdfjs-dist/)"],
  setupFilesAfterEnv: ["<rootDir>/test/fail-on-console.ts"],
};
