/**
 * `annotate` on a .txt or .docx report: the report's tables are written into a new workbook in the
 * official template layout (totals as plain cells, as published), that workbook is checked and
 * annotated as an .xlsx input is, and the narrative checks still read the report's own text.
 * The input file is never written.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/run-cli";
import { officialLayout } from "../../src/core/model/layout";
import { cellId, type TableId } from "../../src/core/model/tables";
import { readReportText } from "../../src/core/text/report-text";
import { loadCases, seedTables, seedText } from "../helpers/build";
import { buildDocx, type DocxBlock } from "../xlsx/helpers/build-docx";
import { templateAddresses } from "../xlsx/helpers/fill-template";
import { captureIo } from "./helpers/capture-io";
import { caseReportText } from "./helpers/case-text";

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-annotate-report-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path.join(dir, file)) as unknown as ArrayBuffer);
  return workbook;
}

/** The value at a data cell of the written template, by table and keys. */
function valueAt(workbook: ExcelJS.Workbook, table: TableId, row: string, column: string): unknown {
  const place = templateAddresses(table).get(cellId({ table, row, column }))!;
  return workbook.getWorksheet(place.sheet)!.getCell(place.address).value;
}

/** The findings sheet's rules, from its second column below the header. */
function rules(workbook: ExcelJS.Workbook, sheet = "检查结果"): string[] {
  const found = workbook.getWorksheet(sheet)!;
  const rows: string[] = [];
  for (let r = 2; r <= found.rowCount; r++) rows.push(found.getCell(r, 2).text);
  return rows;
}

/** The seed text with table 三 row 一's 总计 changed from 9 to 10. */
function seedWithWrongTotal(): string {
  const lines = seedText().split("\n");
  const row = lines.findIndex((l) => l.includes("一、本年新收政府信息公开申请数量"));
  // The label, then seven cells: 自然人, five 法人或其他组织 columns, 总计.
  expect(lines[row + 7]!.trim()).toBe("9");
  lines[row + 7] = "\t10";
  return lines.join("\n");
}

function digest(file: string): string {
  return createHash("sha256")
    .update(readFileSync(path.join(dir, file)))
    .digest("hex");
}

test("annotating the seed text writes its tables into the template layout and finds no problems", async () => {
  writeFileSync(path.join(dir, "seed.txt"), seedText());
  const before = digest("seed.txt");
  const captured = captureIo(dir);
  expect(await runCli(["annotate", "seed.txt", "seed.xlsx"], captured.io)).toBe(0);
  expect(digest("seed.txt")).toBe(before);
  expect(captured.stdout()).toContain("已把报告的表格按官方模板写入新工作簿 seed.xlsx");
  expect(captured.stdout()).toContain("0 条检查结果");

  const workbook = await openWorkbook("seed.xlsx");
  expect(workbook.worksheets.map((w) => w.name)).toEqual(["表二", "表三", "表四", "检查结果"]);
  expect(valueAt(workbook, "T3", "一", "自然人")).toBe(9);
  // Totals are plain values as published, not formulas.
  expect(valueAt(workbook, "T3", "一", "总计")).toBe(9);
  expect(workbook.getWorksheet("表三")!.getCell("J7").value).toBe(9);
  expect(valueAt(workbook, "T4", "复议", "总计")).toBe(2);
  // Every figure of the seed sits in its planned cell.
  for (const table of seedTables())
    for (const cell of table.cells.values())
      expect({
        id: cellId(cell),
        value: valueAt(workbook, cell.table, cell.row, cell.column),
      }).toEqual({
        id: cellId(cell),
        value: cell.reading.kind === "number" ? cell.reading.value : cell.raw,
      });
  const findings = workbook.getWorksheet("检查结果")!;
  expect(findings.getCell("A2").text).toBe("未发现问题。");
});

test("a wrong total in the text stays in the new workbook and is listed with its cell there", async () => {
  writeFileSync(path.join(dir, "bad.txt"), seedWithWrongTotal());
  const captured = captureIo(dir);
  expect(await runCli(["annotate", "bad.txt", "bad.xlsx"], captured.io)).toBe(1);
  const workbook = await openWorkbook("bad.xlsx");
  expect(valueAt(workbook, "T3", "一", "总计")).toBe(10);
  const found = rules(workbook);
  expect(found).toEqual(expect.arrayContaining(["R1", "R2"]));
  const sheet = workbook.getWorksheet("检查结果")!;
  const rowOf = (rule: string): number => found.indexOf(rule) + 2;
  expect(sheet.getCell(`F${rowOf("R1")}`).text).toContain("表三!J7");
  expect(sheet.getCell(`F${rowOf("R2")}`).text).toContain("表三!J7");
  // The narrative check reads the original text (it says 9 requests) against the new cell.
  expect(found).toContain("N3");
  expect(sheet.getCell(`F${rowOf("N3")}`).text).toContain("表三!J7");
});

test("a Word report is written into a new workbook and annotated the same way", async () => {
  const seed = new Map(seedTables().flatMap((t) => [...t.cells]));
  const table = (id: TableId): DocxBlock => ({
    kind: "table",
    layout: officialLayout(id),
    value: (key) => (cellId(key) === "T4/复议/总计" ? 3 : (seed.get(cellId(key))?.raw ?? null)),
  });
  const blocks: DocxBlock[] = [];
  for (const line of readReportText(seedText()).narrative.split("\n")) {
    blocks.push({ kind: "paragraph", text: line });
    if (line.startsWith("二、主动公开")) blocks.push(table("T2"));
    if (line.startsWith("三、收到和处理")) blocks.push(table("T3"));
    if (line.startsWith("四、政府信息公开行政复议")) blocks.push(table("T4"));
  }
  writeFileSync(path.join(dir, "seed.docx"), await buildDocx(blocks));
  const captured = captureIo(dir);
  expect(await runCli(["--lang", "en", "annotate", "seed.docx", "docx.xlsx"], captured.io)).toBe(1);
  expect(captured.stdout()).toContain("written into a new workbook docx.xlsx");
  const workbook = await openWorkbook("docx.xlsx");
  expect(workbook.worksheets.map((w) => w.name)).toEqual(["表二", "表三", "表四", "Findings"]);
  expect(valueAt(workbook, "T3", "一", "自然人")).toBe(9);
  expect(valueAt(workbook, "T4", "复议", "总计")).toBe(3);
  // 复议 总计 3 against 1 + 1 + 0 + 0: the row-total rule of table 四, at its new cell.
  const found = rules(workbook, "Findings");
  expect(found).toContain("R4");
  const place = templateAddresses("T4").get("T4/复议/总计")!;
  expect(workbook.getWorksheet("Findings")!.getCell(`F${found.indexOf("R4") + 2}`).text).toContain(
    `${place.sheet}!${place.address}`,
  );
});

test("a report without tables or with 2019 trial tables is refused and nothing is written", async () => {
  writeFileSync(path.join(dir, "r.txt"), "二、主动公开政府信息情况\n政府信息公开");
  const none = captureIo(dir);
  expect(await runCli(["annotate", "r.txt", "r.xlsx"], none.io)).toBe(2);
  expect(none.stderr()).toContain("未找到表格");
  expect(existsSync(path.join(dir, "r.xlsx"))).toBe(false);

  // The one transcribed report in the 2019 trial format (its table 二 is the trial layout).
  const trial = loadCases().find((c) => c.case_id === "fengshou-2022")!;
  expect(trial.format_version).toBe("2019-trial");
  writeFileSync(path.join(dir, "trial.txt"), caseReportText(trial));
  const zh = captureIo(dir);
  expect(await runCli(["annotate", "trial.txt", "trial.xlsx"], zh.io)).toBe(2);
  expect(zh.stderr()).toContain("2019 试行格式");
  const en = captureIo(dir);
  expect(await runCli(["--lang", "en", "annotate", "trial.txt", "trial.xlsx"], en.io)).toBe(2);
  expect(en.stderr()).toContain("2019 trial format");
  expect(existsSync(path.join(dir, "trial.xlsx"))).toBe(false);
});
