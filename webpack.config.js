/* eslint-disable */
// Builds the add-in: the task pane, the ribbon commands, the ES5 old-host check, the manifest with
// the production URL, and the icons. Build-time choices (environment variables):
//   ADDIN_URL   where the add-in is hosted, e.g. https://nianbao.example.gov.cn/addin/ (default:
//               https://localhost:3000/, the dev server). Written into dist/manifest.xml.
//   OFFICE_JS   where office.js comes from:
//                 cdn   (default) Microsoft's CDN, appsforoffice.microsoft.com — what Microsoft
//                       supports, always current;
//                 china the 21Vianet CDN for Microsoft 365 operated in China;
//                 self  copied from the @microsoft/office-js package into dist/office-js/, for
//                       intranets that reach neither CDN (not supported by Microsoft; older APIs).
//   CI=true     no dev certificates (the dev server is not used in CI).
// `--env browser-test` builds the pane for the browser tests instead: the workbook double replaces
// office.js (test/browser/pane-test-entry.ts), into test-output/browser-dist/.
const path = require("path");
const crypto = require("crypto");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_SOURCES = {
  cdn: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  china: "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
  self: "office-js/office.js",
};

function officeJsOrigin(source) {
  return source === "self" ? "" : new URL(OFFICE_JS_SOURCES[source]).origin;
}

/** The page's Content-Security-Policy: our origin, and the office.js origin when it is a CDN. */
function contentSecurityPolicy(source) {
  const office = officeJsOrigin(source);
  const extra = office === "" ? "" : ` ${office}`;
  return [
    "default-src 'self'",
    `script-src 'self'${extra}`,
    // office.js adds inline styles to its own dialogs.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${extra}`,
    // office.js talks to Office through frames of its own origin; we never forbid being framed.
    // blob: for the annual report's download link: Firefox checks a Blob download from a frame
    // against frame-src (office-js#1511); the pane creates its Blob URLs itself.
    `frame-src 'self'${extra} blob:`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * The manifest for a hosting URL: every dev-server URL, then the dev server's bare origin,
 * replaced by the URL and its origin. Exported for test/excel/manifest-url.test.ts.
 */
function rewriteManifest(content, addinUrl) {
  const devOrigin = new URL(DEV_URL).origin;
  return content.split(DEV_URL).join(addinUrl).split(devOrigin).join(new URL(addinUrl).origin);
}

/** The offline page's file name, in dist/web/ (and beside the pane in dist/). */
const PAGE_NAME = "年报检查.html";

const sha256 = (text) =>
  `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * The offline page's Content-Security-Policy, for its one inline script and style by their hashes.
 * connect-src 'none': no fetch, XHR, WebSocket or beacon leaves the page. worker-src blob:: the
 * batch worker is a Blob of the page's own script (file:// pages get no other worker URL).
 * img-src data:: nothing is loaded, but the browser's own icons for form controls may be data URLs.
 */
function pageSecurityPolicy(scriptHash, styleHash) {
  return [
    "default-src 'none'",
    `script-src ${scriptHash}`,
    `style-src ${styleHash}`,
    "img-src data:",
    "font-src 'none'",
    "connect-src 'none'",
    "worker-src blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * Writes the offline page as ONE file: the template with the minified bundle and the CSS inlined,
 * and the policy naming both by hash. Runs after minification (stage OPTIMIZE_INLINE), removes the
 * separate bundle, and writes the page to each of `names`.
 */
class InlinePagePlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const { webpack } = compiler;
    compiler.hooks.thisCompilation.tap("InlinePagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "InlinePagePlugin",
          stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE,
        },
        (assets) => {
          const bundle = this.options.bundle;
          const source = assets[bundle];
          if (source === undefined) throw new Error(`no ${bundle} to inline`);
          let script = source.source().toString();
          // Inside <script>, "</script" ends the element and "<!--" changes how it is parsed.
          // Both can occur only inside string, template or RegExp literals (Terser removed the
          // comments), where \x3C is the same "<".
          script = script.replace(/<(\/script|!--)/giu, "\\x3C$1");
          const style = fs.readFileSync(this.options.style, "utf8").trim();
          const template = fs.readFileSync(this.options.template, "utf8");
          // The exact texts of the two elements are what the hashes cover.
          const scriptText = `\n${script}\n`;
          const styleText = `\n${style}\n`;
          const html = template
            .replace(/<style>[\s\S]*?<\/style>/u, () => `<style>${styleText}</style>`)
            .replace(
              /<script id="xxgk-code">[\s\S]*?<\/script>/u,
              () => `<script id="xxgk-code">${scriptText}</script>`,
            )
            .replace("__CSP__", () => pageSecurityPolicy(sha256(scriptText), sha256(styleText)));
          compilation.deleteAsset(bundle);
          for (const name of this.options.names)
            // Marked minimized: webpack's own HTML minimizer would change the texts the hashes cover.
            compilation.emitAsset(name, new webpack.sources.RawSource(html), { minimized: true });
        },
      );
    });
  }
}

/** The offline page's build: one bundle for Chromium 86 and later, inlined into one HTML file. */
function pageConfig(tsRule, outputPath, names, after) {
  return {
    name: "page",
    ...(after === undefined ? {} : { dependencies: [after] }),
    devtool: false,
    target: ["web", "es2019"],
    entry: { page: "./src/web/page.ts" },
    resolve: { extensions: [".ts", ".js", ".mjs"] },
    module: {
      rules: [
        tsRule(/\.ts$/, { target: "es2019" }),
        // pdf.js's legacy build still has class static blocks (Chromium 94): TypeScript lowers
        // them, and everything else newer than ES2019, for Chromium 86.
        {
          test: /\.mjs$/,
          include: /node_modules[\\/]pdfjs-dist/,
          type: "javascript/auto",
          resolve: { fullySpecified: false },
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.build.json"),
              transpileOnly: true,
              compilerOptions: { target: "es2019", allowJs: true, sourceMap: false },
            },
          },
        },
      ],
    },
    // One chunk: pdf.js's modules are inside it, run only when the first PDF arrives.
    plugins: [
      new (require("webpack").optimize.LimitChunkCountPlugin)({ maxChunks: 1 }),
      new InlinePagePlugin({
        bundle: "page-bundle.js",
        template: path.resolve(__dirname, "src/web/page.html"),
        style: path.resolve(__dirname, "src/web/page.css"),
        names,
      }),
    ],
    // Not cleaned: dist/ is the add-in's, cleaned by its own build, which runs first.
    output: { path: outputPath, filename: "page-bundle.js", clean: false },
    performance: { hints: false },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const browserTest = Boolean(env["browser-test"]);
  const officeJs = (process.env.OFFICE_JS || "cdn").toLowerCase();
  if (!(officeJs in OFFICE_JS_SOURCES))
    throw new Error(`OFFICE_JS must be cdn, china or self, not ${officeJs}`);
  let addinUrl = process.env.ADDIN_URL || DEV_URL;
  if (!addinUrl.endsWith("/")) addinUrl += "/";
  if (!addinUrl.startsWith("https://"))
    throw new Error(`ADDIN_URL must be an https URL, not ${addinUrl}`);

  const tsRule = (test, compilerOptions) => ({
    test,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        configFile: path.resolve(__dirname, "tsconfig.build.json"),
        transpileOnly: true,
        compilerOptions,
      },
    },
  });

  const common = {
    devtool: production ? false : "source-map",
    // Webpack's own wrapper code in ES5, so that the old-host check runs in Internet Explorer.
    target: ["web", "es5"],
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        // The old-host scripts of the pane and of the ribbon commands, in ES5.
        tsRule(/legacy-(check|commands)\.ts$/, { target: "es5" }),
        { ...tsRule(/\.ts$/), exclude: [/node_modules/, /legacy-(check|commands)\.ts$/] },
      ],
    },
    performance: { hints: false },
    // The chunks loaded on demand (the annual report's plan and Word writer) stay whole: no
    // vendor chunk split off with a numeric name.
    optimization: { splitChunks: false },
  };

  if (browserTest) {
    const testBuild = {
      ...common,
      entry: {
        taskpane: "./test/browser/pane-test-entry.ts",
        "legacy-check": "./src/taskpane/legacy-check.ts",
      },
      output: {
        path: path.resolve(__dirname, "test-output/browser-dist"),
        filename: "[name].js",
        chunkFilename: "[name].chunk.js",
        clean: true,
      },
      plugins: [
        new HtmlWebpackPlugin({
          filename: "taskpane.html",
          template: "./src/taskpane/taskpane.html",
          chunks: ["taskpane"],
          csp: contentSecurityPolicy("self"),
          officeJs: "",
        }),
        new CopyWebpackPlugin({
          patterns: [{ from: "src/taskpane/taskpane.css", to: "taskpane.css" }],
        }),
      ],
    };
    // The shipped pane bundle too, so the browser tests can hold it to its size limit.
    const shippedPane = {
      ...common,
      entry: { taskpane: "./src/taskpane/taskpane.ts" },
      output: {
        path: path.resolve(__dirname, "test-output/browser-dist-shipped"),
        filename: "[name].js",
        chunkFilename: "[name].chunk.js",
        clean: true,
      },
    };
    // The offline page as shipped, for test/browser/page.browser.ts.
    const page = pageConfig(tsRule, path.resolve(__dirname, "test-output/browser-page"), [
      PAGE_NAME,
    ]);
    return [testBuild, shippedPane, page];
  }

  const officeJsPatterns =
    officeJs === "self"
      ? [
          {
            context: "node_modules/@microsoft/office-js/dist",
            from: "{office.js,o15apptofilemappingtable.js,excel-*.js,*/office_strings.js,telemetry/*.js}",
            to: "office-js/",
            globOptions: { ignore: ["**/*.debug.js"] },
            // Already minified: without this, Terser re-minifies ~13 MB (45 s instead of 3 s).
            info: { minimized: true },
          },
        ]
      : [];

  const config = {
    ...common,
    name: "addin",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
      "legacy-check": "./src/taskpane/legacy-check.ts",
      "legacy-commands": "./src/commands/legacy-commands.ts",
    },
    // The annual report's Word writer (the docx package) is a chunk of its own, report-docx.chunk.js,
    // loaded only when 生成年度报告 is pressed.
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].chunk.js",
      clean: true,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        csp: contentSecurityPolicy(officeJs),
        officeJs: OFFICE_JS_SOURCES[officeJs],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        csp: contentSecurityPolicy(officeJs),
        officeJs: OFFICE_JS_SOURCES[officeJs],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString(), addinUrl),
          },
          ...officeJsPatterns,
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };

  // The offline page: dist/web/ for copying alone, and beside the pane for the intranet server.
  const page = pageConfig(
    tsRule,
    path.resolve(__dirname, "dist"),
    [`web/${PAGE_NAME}`, PAGE_NAME],
    "addin",
  );

  if (!production && process.env.CI !== "true" && process.argv.some((a) => a === "serve")) {
    // office-addin-dev-certs makes and trusts a localhost certificate (it needs sudo on Linux).
    const devCerts = require("office-addin-dev-certs");
    config.devServer.server = { type: "https", options: await devCerts.getHttpsServerOptions() };
  }
  if (process.argv.some((a) => a === "serve")) return config;
  return [config, page];
};

module.exports.rewriteManifest = rewriteManifest;
