/** The package version, read from the package.json above the running code (source or compiled). */
import * as fs from "node:fs";
import * as path from "node:path";

let cached: string | undefined;

/** The version of the xxgk package, or "0.0.0" when no package.json is found. */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
      if (
        typeof parsed === "object" &&
        parsed !== null &&
        "version" in parsed &&
        typeof parsed.version === "string"
      ) {
        cached = parsed.version;
        return cached;
      }
    }
    dir = path.dirname(dir);
  }
  cached = "0.0.0";
  return cached;
}
