/**
 * The round trip a clerk makes: `template` → fill in the seed report's figures → `check`. With the
 * seed's figures there is nothing to report; with one figure wrong the finding names that cell by
 * its sheet-qualified address and proposes the fix. Totals are formulas without cached values here
 * (exceljs does not calculate), so the reader evaluates them as Excel would.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../src/cli/run-cli";
import { seedTables } from "../helpers/build";
import { captureIo } from "../cli/helpers/capture-io";
import { fillTemplate, keyId } from "./helpers/fill-template";

interface JsonFinding {
  rule: string;
  severity: string;
  cells: string[];
  fix?: { cell?: string; value: number };
  message: string;
}
interface JsonReport {
  files: {
    status: string;
    tables: { table: string; sheet: string; range: string }[];
    findings: JsonFinding[];
  }[];
}

let dir: string;
let template: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-roundtrip-"));
  const { io } = captureIo(dir);
  expect(await runCli(["template", "--year", "2024", "template.xlsx"], io)).toBe(0);
  template = readFileSync(path.join(dir, "template.xlsx"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(
  name: string,
  bytes: Uint8Array,
): Promise<{ code: number; report: JsonReport }> {
  writeFileSync(path.join(dir, name), bytes);
  const captured = captureIo(dir);
  const code = await runCli(["check", "--format", "json", name], captured.io);
  return { code, report: JSON.parse(captured.stdout()) as JsonReport };
}

test("a template filled with the seed's figures checks with zero findings", async () => {
  const { code, report } = await check("seed.xlsx", await fillTemplate(template, seedTables()));
  expect(code).toBe(0);
  const [file] = report.files;
  expect(file!.status).toBe("checked");
  expect(file!.tables.map((t) => `${t.table} ${t.sheet}!${t.range}`)).toEqual([
    "T2 表二!A3:D17",
    "T3 表三!A3:J31",
    "T4 表四!A3:O7",
  ]);
  expect(file!.findings).toEqual([]);
});

test("a total typed over with a wrong figure is named by its address, with the fix", async () => {
  // Table 三, row 一, 总计: 10 typed over the formula, where the applicants add up to 9.
  const bytes = await fillTemplate(
    template,
    seedTables(),
    new Map([[keyId("T3", "一", "总计"), 10]]),
  );
  const { code, report } = await check("total-typed-over.xlsx", bytes);
  expect(code).toBe(1);
  const findings = report.files[0]!.findings;
  expect(findings.map((f) => f.rule).sort()).toEqual(["R1", "R2"]);
  for (const f of findings) {
    expect(f.cells).toContain("表三!J7");
    expect(f.fix).toEqual({
      cell: "表三!J7",
      where: { table: "T3", row: "一", column: "总计" },
      value: 9,
    });
  }
});

test("a wrong input figure breaks the balance in its column and the finding names its cell", async () => {
  // Table 三, （一）予以公开, 自然人: 2 instead of 1; the total formulas follow it.
  const bytes = await fillTemplate(
    template,
    seedTables(),
    new Map([[keyId("T3", "三(一)", "自然人"), 2]]),
  );
  const { code, report } = await check("input-wrong.xlsx", bytes);
  expect(code).toBe(1);
  const findings = report.files[0]!.findings;
  expect(findings.map((f) => [f.rule, f.severity])).toEqual([
    ["R1", "error"],
    ["R1", "error"],
  ]);
  expect(findings[0]!.cells).toEqual(["表三!D7", "表三!D8", "表三!D30", "表三!D31"]);
  expect(findings[0]!.message).toContain("表三");
});

test("text in a figure cell is reported at its address", async () => {
  const bytes = await fillTemplate(
    template,
    seedTables(),
    new Map([[keyId("T2", "行政许可", "决定"), "无"]]),
  );
  const { code, report } = await check("text-cell.xlsx", bytes);
  expect(code).toBe(1);
  const finding = report.files[0]!.findings.find((f) => f.rule === "R5");
  expect(finding?.cells).toEqual(["表二!B10"]);
});
