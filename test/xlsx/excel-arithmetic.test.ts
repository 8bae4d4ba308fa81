/**
 * A workbook judged as Excel computes it: a number typed as text is left out of the template's
 * SUM totals, so it is reported as text and no fix is proposed from its value; a figure beyond
 * 10^9 (or 2^53) is an R5 error printed as typed.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../src/cli/run-cli";
import { templateBytes } from "../../src/xlsx/write-template";
import { seedTables } from "../helpers/build";
import { captureIo } from "../cli/helpers/capture-io";
import { fillTemplate, keyId } from "./helpers/fill-template";

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-arith-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  files: {
    findings: { rule: string; code?: string; cells: string[]; fix?: unknown; message: string }[];
  }[];
}

async function check(name: string, overrides: Map<string, string | number>): Promise<Run> {
  const template = await templateBytes({ tables: ["T2", "T3", "T4"], year: 2024 });
  writeFileSync(path.join(dir, name), await fillTemplate(template, seedTables(), overrides));
  const captured = captureIo(dir);
  await runCli(["check", "--format", "json", name], captured.io);
  return JSON.parse(captured.stdout()) as Run;
}

test("full-width 1 as text under a SUM total is said to be text, and no fix is proposed", async () => {
  const run = await check("full-width.xlsx", new Map([[keyId("T3", "一", "商业企业"), "１"]]));
  const findings = run.files[0]!.findings;
  expect(findings.map((f) => [f.rule, f.cells.join(" ")])).toEqual([
    ["R1", expect.stringContaining("表三!E7")],
    ["R2", expect.stringContaining("表三!E7")],
    ["R5", "表三!E7"],
  ]);
  expect(findings[2]!.message).toContain(
    "的「１」是文字形式的数字，Excel 的求和公式（SUM）不计入它",
  );
  expect(findings.filter((f) => f.fix !== undefined)).toEqual([]);
});

test("a total typed over its formula still gets its fix when no text is involved", async () => {
  const run = await check("typo.xlsx", new Map([[keyId("T3", "一", "总计"), 10]]));
  expect(run.files[0]!.findings.some((f) => f.fix !== undefined)).toBe(true);
});

test("9999999999999999 is an R5 error shown as typed, not 10000000000000000", async () => {
  const run = await check(
    "huge.xlsx",
    new Map([[keyId("T2", "规章", "制发"), "9999999999999999"]]),
  );
  const r5 = run.files[0]!.findings.filter((f) => f.rule === "R5");
  expect(r5.map((f) => f.cells)).toEqual([["表二!B6"]]);
  expect(r5[0]!.message).toMatch(/为 9999999999999999，超过 10 亿/u);
  expect(JSON.stringify(run)).not.toContain("10000000000000000");
});
