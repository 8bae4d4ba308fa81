import * as fs from "node:fs";
import * as path from "node:path";

// The build's own transform, from the webpack configuration (plain JavaScript).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
const config = require("../../webpack.config.js") as {
  rewriteManifest: (content: string, addinUrl: string) => string;
};

const MANIFEST = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");

describe("the production manifest (manifest-app-domain-localhost)", () => {
  it("leaves no localhost in the manifest built for an intranet URL", () => {
    const built = config.rewriteManifest(MANIFEST, "https://intranet.example/addin/");
    expect(built).not.toMatch(/localhost/u);
    // No AppDomain for the add-in's own origin: it has no effect and Microsoft's documentation
    // calls listing it misleading (AppDomains are for other origins the pane navigates to).
    expect(built).not.toContain("<AppDomain");
    expect(built).toContain(
      '<SourceLocation DefaultValue="https://intranet.example/addin/taskpane.html"/>',
    );
    expect(built).toContain('DefaultValue="https://intranet.example/addin/commands.html"');
  });

  it("keeps the dev server's manifest as it is for the dev URL", () => {
    expect(config.rewriteManifest(MANIFEST, "https://localhost:3000/")).toBe(MANIFEST);
  });
});
