/**
 * The .xlsx and .docx bad-input kinds through the command line in this process (the suite runner
 * runs them again as child processes under a memory limit): each gets its own line (on standard
 * output or error, the input named relative to the working folder as in the suite) and exit code,
 * within its time, and its input is left unchanged.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../src/cli/run-cli";
import { captureIo } from "../cli/helpers/capture-io";
import type { BadInputKind } from "./kind";
import { KINDS as DOCX } from "./kinds-docx";
import { KINDS as XLSX } from "./kinds-xlsx";

let root: string;
beforeAll(() => (root = mkdtempSync(path.join(os.tmpdir(), "xxgk-kinds-"))));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function lines(text: string): string[] {
  // eslint-disable-next-line no-control-regex -- the suite compares lines without control characters
  return text.split("\n").map((l) => l.replace(/[\u0000-\u001f\u007f]/gu, ""));
}

function matches(line: string, expected: string | RegExp): boolean {
  return typeof expected === "string" ? line === expected : expected.test(line);
}

const ALL: readonly BadInputKind[] = [...XLSX, ...DOCX];

test("the readers' kinds number at least 30, with unique names", () => {
  expect(ALL.length).toBeGreaterThanOrEqual(30);
  expect(new Set(ALL.map((k) => k.name)).size).toBe(ALL.length);
});

test.each(ALL.map((k) => [k.name, k] as const))(
  "%s gets its line and exit code in time",
  async (_name, kind) => {
    const dir = mkdtempSync(path.join(root, `${kind.name}-`));
    const input = await kind.make(dir);
    const before = createHash("sha256").update(readFileSync(input)).digest("hex");
    const mtime = statSync(input).mtimeMs;
    const captured = captureIo(dir);
    const start = Date.now();
    const code = await runCli(
      [...(kind.args ?? ["check"]), path.relative(dir, input), ...(kind.after ?? [])],
      captured.io,
    );
    const elapsed = Date.now() - start;
    const out = lines(`${captured.stdout()}\n${captured.stderr()}`);
    expect(out.filter((l) => matches(l, kind.expect))).toHaveLength(1);
    expect(code).toBe(kind.exitCode);
    expect(elapsed).toBeLessThan(kind.timeoutMs ?? 20_000);
    expect(createHash("sha256").update(readFileSync(input)).digest("hex")).toBe(before);
    expect(statSync(input).mtimeMs).toBe(mtime);
    rmSync(dir, { recursive: true, force: true });
  },
  120_000,
);
