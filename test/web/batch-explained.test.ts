/**
 * Issue 13 in the page's batch: a workbook whose part keeps an explanation (written by the same
 * storage code as the pane's) is counted as the command line counts it — the explained finding
 * is neither an error nor a warning but 已说明 — and the 汇总 workbook has a column for it, with
 * the reason in its findings sheet.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../src/cli/run-cli";
import { explainFinding } from "../../src/core/explain/explanations";
import { figureSet } from "../../src/core/model/figure-set";
import { annualReport, checkBatchFile, summaryWorkbook, type BatchFile } from "../../src/web/batch";
import { loadReportBytes } from "../../src/formats/report/load-report";
import { checkLoaded } from "../../src/formats/report/check-file";
import { fileJson } from "../../src/formats/report/file-entry";
import { templateBytes } from "../../src/xlsx/write-template";
import { seedTables } from "../helpers/build";
import { captureIo } from "../cli/helpers/capture-io";
import { withReportPart } from "../cli/helpers/report-part-zip";
import { fillTemplate, keyId } from "../xlsx/helpers/fill-template";

jest.setTimeout(60_000);

const REASON = "本街道无权制定规章，该项不适用。";

let explained: BatchFile;
let plain: BatchFile;

beforeAll(async () => {
  const template = await templateBytes({
    tables: ["T2", "T3", "T4"],
    year: 2024,
    agency: "曲阜市时庄街道办事处",
  });
  // Table 二's 规章 制发 is a deliberate "/": an R6 warning, which may be explained.
  const bytes = await fillTemplate(
    template,
    seedTables(),
    new Map([[keyId("T2", "规章", "制发"), "/"]]),
  );
  plain = { name: "plain.xlsx", bytes };
  const report = await loadReportBytes("plain.xlsx", bytes);
  const r6 = checkLoaded(report, { locale: "zh-CN" }).result.findings.find((f) => f.rule === "R6");
  expect(r6).toBeDefined();
  const explanation = explainFinding(r6!, figureSet(report.tables), REASON, "2025-01-10");
  explained = {
    name: "explained.xlsx",
    bytes: await withReportPart(bytes, { year: 2024, explanations: [explanation], saved: 1 }),
  };
});

test("an explained warning is counted apart, as the command line counts it", async () => {
  const before = await checkBatchFile(plain, { locale: "zh-CN" });
  const after = await checkBatchFile(explained, { locale: "zh-CN" });
  expect(before.warnings).toBeGreaterThan(0);
  expect(before.explained).toBe(0);
  expect(after.explained).toBe(1);
  expect(after.warnings).toBe(before.warnings - 1);
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-batch-explained-"));
  try {
    writeFileSync(path.join(dir, "explained.xlsx"), explained.bytes);
    const captured = captureIo(dir);
    await runCli(["check", "--format", "json", "explained.xlsx"], captured.io);
    const json = JSON.parse(captured.stdout()) as { files: unknown[] };
    expect(JSON.parse(JSON.stringify(json.files[0]))).toEqual(
      JSON.parse(JSON.stringify(fileJson(after.entry))),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the 汇总 workbook has a column 已说明 and the reason in its findings sheet", async () => {
  const rows = [
    await checkBatchFile(plain, { locale: "zh-CN" }),
    await checkBatchFile(explained, { locale: "zh-CN" }),
  ];
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await summaryWorkbook(rows, "zh-CN")) as never);
  const files = workbook.worksheets[0]!;
  const header = (files.getRow(1).values as unknown[]).slice(1);
  const column = header.indexOf("已说明");
  expect(column).toBe(6);
  expect((files.getRow(2).values as unknown[]).slice(1)[column]).toBe(0);
  expect((files.getRow(3).values as unknown[]).slice(1)[column]).toBe(1);
  const findings = workbook.worksheets[1]!;
  const texts: string[] = [];
  findings.eachRow((row) => texts.push(JSON.stringify(row.values)));
  expect(texts.some((t) => t.includes(REASON))).toBe(true);
  expect(JSON.stringify(findings.getRow(1).values)).toContain("已说明的原因");
});

test("the page's annual report is the command line's: 六（五） from the workbook's explanation", async () => {
  const written = await annualReport(explained, { locale: "zh-CN" });
  const readBack = await loadReportBytes("explained-report.docx", written.bytes);
  const text = readBack.documentText ?? "";
  expect(
    text.slice(text.indexOf("（五）本年度信息公开工作年度报告数据统计需要说明的事项")),
  ).toContain(REASON);
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-batch-report-"));
  try {
    writeFileSync(path.join(dir, "explained.xlsx"), explained.bytes);
    const captured = captureIo(dir);
    expect(await runCli(["report", "explained.xlsx", "-o", "cli.docx"], captured.io)).toBe(0);
    const cli = await loadReportBytes("cli.docx", readFileSync(path.join(dir, "cli.docx")));
    expect(cli.documentText).toBe(readBack.documentText);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
