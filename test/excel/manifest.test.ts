import * as fs from "node:fs";
import * as path from "node:path";
import { checkManifest } from "./manifest/check-manifest";

const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

describe("the manifest", () => {
  it("passes the offline structural check", () => {
    expect(checkManifest(manifest, root).problems).toEqual([]);
  });

  it("keeps its Id, the key of the settings stored in every workbook", () => {
    expect(checkManifest(manifest, root).id).toBe("ed1e9aff-bcd9-4562-8e48-43369ef59392");
  });

  it("reports an http URL and an unknown resid", () => {
    const broken = manifest
      .replace(
        'https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
        'http://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
      )
      .replace('resid="Group.Label"', 'resid="Group.Missing"');
    const problems = checkManifest(broken, root).problems.join("\n");
    expect(problems).toContain("not https: http://localhost:3000/taskpane.html");
    expect(problems).toContain('resid "Group.Missing"');
  });

  it("reports element order, a bad version and a short string that is too long", () => {
    const broken = manifest
      .replace("<Version>1.0.0.0</Version>\n", "")
      .replace("<DefaultLocale>", "<Version>1.0</Version>\n  <DefaultLocale>")
      .replace('DefaultValue="年报助手"', `DefaultValue="${"年".repeat(126)}"`);
    const problems = checkManifest(broken, root).problems.join("\n");
    expect(problems).toContain("<Version> is out of order");
    expect(problems).toContain("<Version> is not four numbers");
    expect(problems).toContain('ShortStrings "Group.Label" must be 1–125 characters');
  });
});
