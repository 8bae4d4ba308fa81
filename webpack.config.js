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
    return [testBuild, shippedPane];
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

  if (!production && process.env.CI !== "true" && process.argv.some((a) => a === "serve")) {
    // office-addin-dev-certs makes and trusts a localhost certificate (it needs sudo on Linux).
    const devCerts = require("office-addin-dev-certs");
    config.devServer.server = { type: "https", options: await devCerts.getHttpsServerOptions() };
  }
  return config;
};

module.exports.rewriteManifest = rewriteManifest;
