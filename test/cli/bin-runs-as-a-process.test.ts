/**
 * The `xxgk` bin as a user runs it: a real process with its exit code, through the shim (which runs
 * the compiled command line, or the TypeScript source before `npm run build:cli`), and the compiled
 * command line itself, built with tsconfig.cli.json into a temporary folder under test-output/.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import * as path from "node:path";
import { FIXTURES } from "../helpers/build";

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, "..", "..");
const SEED = path.join(FIXTURES, "seed-report-shizhuang-2024.txt");

test("the bin shim checks the seed text and exits 0", () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, "bin", "xxgk"), "check", SEED], {
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  expect(run.stdout).toContain("未发现问题");
  expect(run.status).toBe(0);
});

test("the command line compiles with tsconfig.cli.json and the compiled entry runs", () => {
  // Inside the project (test-output/ is ignored), so the compiled code finds node_modules.
  mkdirSync(path.join(ROOT, "test-output", "cli"), { recursive: true });
  const out = mkdtempSync(path.join(ROOT, "test-output", "cli", "build-"));
  try {
    execFileSync(
      process.execPath,
      [
        require.resolve("typescript/bin/tsc"),
        "-p",
        path.join(ROOT, "tsconfig.cli.json"),
        "--outDir",
        out,
      ],
      { cwd: ROOT },
    );
    const run = spawnSync(
      process.execPath,
      [
        path.join(out, "cli", "main.js"),
        "check",
        "--format",
        "json",
        SEED,
        path.join(ROOT, "missing.xlsx"),
      ],
      { encoding: "utf8" },
    );
    expect(run.status).toBe(2);
    const parsed = JSON.parse(run.stdout) as { summary: { checked: number; unreadable: number } };
    expect(parsed.summary).toMatchObject({ checked: 1, unreadable: 1 });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
