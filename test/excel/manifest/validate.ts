/** `npm run validate`: the offline manifest check; exits 1 and lists the problems when any. */
import * as fs from "node:fs";
import * as path from "node:path";
import { checkManifest } from "./check-manifest";

const root = path.resolve(__dirname, "../../..");
const file = path.resolve(process.argv[2] ?? path.join(root, "manifest.xml"));
const report = checkManifest(fs.readFileSync(file, "utf8"), root);
if (report.problems.length > 0) {
  process.stderr.write(
    `${file}: ${report.problems.length} problem(s)\n${report.problems.map((p) => `  - ${p}`).join("\n")}\n`,
  );
  process.exitCode = 1;
} else {
  process.stdout.write(
    `${file}: valid (offline structural check; ${report.urls.length} https URLs, Id ${report.id ?? "?"})\n`,
  );
}
