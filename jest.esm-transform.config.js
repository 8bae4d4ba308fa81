/**
 * A jest transform for the ES-module-only packages the readers use (pdf.js ships `.mjs` only):
 * compiles them to CommonJS with esbuild (the compiler tsx runs on), so ts-jest's CommonJS tests
 * can load them without --experimental-vm-modules. `import.meta.url` becomes the file's URL, as
 * pdf.js asks for it to make a `require`.
 */
"use strict";
const { transformSync } = require("esbuild");
const { pathToFileURL } = require("node:url");

module.exports = {
  getCacheKey(source, file) {
    return require("node:crypto")
      .createHash("sha1")
      .update("esm-transform-1\0" + file + "\0" + source)
      .digest("hex");
  },
  process(source, file) {
    const result = transformSync(source, {
      loader: "js",
      format: "cjs",
      target: "node20",
      sourcefile: file,
      define: { "import.meta.url": JSON.stringify(pathToFileURL(file).href) },
      logLevel: "silent",
    });
    return { code: result.code };
  },
};
