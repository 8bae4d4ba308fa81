/**
 * The batch's 汇总 workbook read back with exceljs (header row, one row per file, every finding,
 * every figure as `xxgk extract` writes it), last-year pairing by normalised agency and year (files
 * renamed, names written differently), X1/X2 run on the pair, the blank template and narrative as
 * the command line writes them, and a file over the size limit refused before it is read.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../src/cli/run-cli";
import { templateBytes } from "../../src/xlsx/write-template";
import { DEFAULT_LIMITS } from "../../src/xlsx/limits";
import {
  blankTemplate,
  checkBatchFile,
  narrativeText,
  normaliseAgency,
  pairLastYear,
  summaryWorkbook,
  tooLargeRow,
  type BatchFile,
  type BatchRow,
} from "../../src/web/batch";
import { seedTables } from "../helpers/build";
import { captureIo } from "../cli/helpers/capture-io";
import { fillTemplate, keyId } from "../xlsx/helpers/fill-template";

jest.setTimeout(60_000);

/** A filled template for an agency and year; `change` alters T3 自然人 of `row` (一: breaks its total). */
async function report(
  name: string,
  agency: string,
  year: number,
  change?: number,
  row = "一",
): Promise<BatchFile> {
  const template = await templateBytes({
    tables: ["T2", "T3", "T4"],
    year,
    agency,
    locale: "zh-CN",
  });
  const overrides = new Map(change === undefined ? [] : [[keyId("T3", row, "自然人"), change]]);
  return { name, bytes: await fillTemplate(template, seedTables(), overrides) };
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

function values(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

test("the 汇总 workbook has the header row, one row per file, every finding and every figure", async () => {
  const files = [
    await report("甲.xlsx", "某某区民政局", 2024),
    await report("乙.xlsx", "某某区财政局", 2024, 99),
    { name: "空.xlsx", bytes: new Uint8Array() },
  ];
  const rows: BatchRow[] = [];
  for (const f of files) rows.push(await checkBatchFile(f, { locale: "zh-CN" }));
  const workbook = await open(await summaryWorkbook(rows, "zh-CN"));
  const [first, findings, figures] = workbook.worksheets;
  expect(values(first!, 1).slice(0, 6)).toEqual(["文件", "单位", "年度", "状态", "错误", "警告"]);
  expect(first!.rowCount).toBe(1 + files.length);
  expect(values(first!, 2).slice(0, 3)).toEqual(["甲.xlsx", "某某区民政局", 2024]);
  expect(values(first!, 3)[4]).toBe(rows[1]!.errors);
  expect(rows[1]!.errors).toBeGreaterThan(0);
  expect(String(values(first!, 4)[3])).toContain("文件是空的");
  const findingCount = rows.reduce((n, r) => n + Math.max(1, r.entry.findings.length), 0);
  expect(findings!.rowCount).toBe(1 + findingCount);
  // The third sheet is the one `xxgk extract -o figures.xlsx` writes for the same files.
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-web-summary-"));
  try {
    for (const f of files) writeFileSync(path.join(dir, f.name), f.bytes);
    await runCli(["extract", ...files.map((f) => f.name), "-o", "figures.xlsx"], captureIo(dir).io);
    const extract = (await open(readFileSync(path.join(dir, "figures.xlsx")))).worksheets[0]!;
    expect(figures!.name).toBe(extract.name);
    expect(figures!.rowCount).toBe(extract.rowCount);
    for (let r = 1; r <= extract.rowCount; r++)
      expect(values(figures!, r)).toEqual(values(extract, r));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("agency names are compared without spaces, punctuation and full-width forms", () => {
  expect(normaliseAgency("（某某）区 民政局")).toBe(normaliseAgency("(某某)区民政局"));
  expect(normaliseAgency("某某区民政局")).not.toBe(normaliseAgency("某某区财政局"));
});

test("last year's files pair by normalised agency and the year before, never by file name", () => {
  const current = [
    { file: "2024/民政.xlsx", agency: "某某区 民政局", year: 2024 },
    { file: "2024/财政.xlsx", agency: "某某区财政局", year: 2024 },
    { file: "2024/无名.xlsx", year: 2024 },
    { file: "2024/卫健.xlsx", agency: "某某区卫健委", year: 2024 },
  ];
  const last = [
    { file: "old/a.xlsx", agency: "某某区民政局", year: 2023 },
    { file: "old/财政.xlsx", agency: "某某区财政局", year: 2022 },
    { file: "old/b.xlsx", agency: "某某区卫健委", year: 2023 },
    { file: "old/c.xlsx", agency: "某某区卫健委", year: 2023 },
  ];
  expect(pairLastYear(current, last)).toEqual(
    new Map([
      ["2024/民政.xlsx", "old/a.xlsx"],
      ["2024/财政.xlsx", null],
      ["2024/无名.xlsx", null],
      // Two candidates: the user picks.
      ["2024/卫健.xlsx", null],
    ]),
  );
});

test("a paired last-year report runs X1/X2 as `check --last-year` does; an edited pair wins", async () => {
  const now = await report("本年.xlsx", "（某某）区民政局", 2024);
  const lastYear = [await report("上年-改名.xlsx", "(某某)区民政局", 2023, 50, "四")];
  const rules = (row: BatchRow): string[] => row.entry.findings.map((f) => f.rule);
  const paired = await checkBatchFile(now, { locale: "zh-CN", lastYear });
  expect(paired.lastYearFile).toBe("上年-改名.xlsx");
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-web-pairs-"));
  try {
    writeFileSync(path.join(dir, now.name), now.bytes);
    writeFileSync(path.join(dir, lastYear[0]!.name), lastYear[0]!.bytes);
    const out = captureIo(dir);
    await runCli(["check", "--format", "json", "--last-year", lastYear[0]!.name, now.name], out.io);
    const cli = JSON.parse(out.stdout()) as { files: { findings: { rule: string }[] }[] };
    expect(rules(paired)).toEqual(cli.files[0]!.findings.map((f) => f.rule));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(rules(paired).some((r) => r === "X1" || r === "X2")).toBe(true);
  const unpaired = await checkBatchFile(now, {
    locale: "zh-CN",
    lastYear,
    pairs: new Map([["本年.xlsx", null]]),
  });
  expect(unpaired.lastYearFile).toBeUndefined();
  expect(rules(unpaired).some((r) => r === "X1" || r === "X2")).toBe(false);
});

test("the blank template and the narrative are the command line's", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-web-template-"));
  try {
    await runCli(
      ["template", "--year", "2024", "--agency", "某某区民政局", "t.xlsx"],
      captureIo(dir).io,
    );
    const cliTemplate = await open(readFileSync(path.join(dir, "t.xlsx")));
    const pageTemplate = await open(await blankTemplate("某某区民政局", 2024, "zh-CN"));
    expect(pageTemplate.worksheets.map((s) => s.name)).toEqual(
      cliTemplate.worksheets.map((s) => s.name),
    );
    for (const [i, sheet] of cliTemplate.worksheets.entries())
      for (let r = 1; r <= sheet.rowCount; r++)
        expect(values(pageTemplate.worksheets[i]!, r)).toEqual(values(sheet, r));
    const file = await report("甲.xlsx", "某某区民政局", 2024);
    writeFileSync(path.join(dir, "甲.xlsx"), file.bytes);
    const out = captureIo(dir);
    await runCli(["narrative", "甲.xlsx"], out.io);
    const row = await checkBatchFile(file, { locale: "zh-CN" });
    expect(`${narrativeText(row, "zh-CN")}\n`).toBe(out.stdout());
    expect(narrativeText(row, "zh-CN")).toContain("某某区民政局");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a file over the size limit is a row with the command line's reason, before any byte is read", () => {
  expect(tooLargeRow("big.xlsx", DEFAULT_LIMITS.maxFileBytes, "zh-CN")).toBeUndefined();
  const row = tooLargeRow("big.xlsx", DEFAULT_LIMITS.maxFileBytes + 1, "zh-CN")!;
  expect(row.status).toBe("unreadable");
  expect(row.entry.error).toBe("文件过大，不像是年度报告");
});
