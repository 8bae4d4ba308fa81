/**
 * The streaming workbook reader on parts no spreadsheet library writes: formulas whose answer is
 * an error value, shared formulas without cached values, phonetic runs, date styles, hidden sheets,
 * merges over values, sheets that are damaged or missing, numbers beyond 2^53.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadReport } from "../../src/cli/load-file";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { rawXlsx, rowsXml, sheetXml } from "../bad-input/build-xlsx";

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-stream-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STYLES = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`;

function oneSheet(rows: string, extra: Record<string, string> = {}): Uint8Array {
  return rawXlsx({ sheets: [{ name: "表三", xml: sheetXml(rows) }], extra });
}

test("a formula without a cached value referring to a missing sheet is #REF!, not its other terms", async () => {
  const bytes = oneSheet(
    `<row r="1"><c r="A1"><f>Sheet9!A1+1</f></c><c r="B1"><v>0</v></c><c r="C1"><f>1/B1</f></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1"><f>SUM(B1:D1)</f></c><c r="F1"><f>'表三'!B1+2</f></c></row>`,
  );
  const { grids } = await readWorkbook("t.xlsx", bytes);
  expect(grids[0]!.values[0]).toEqual(["#REF!", 0, "#DIV/0!", "#N/A", "#DIV/0!", 2]);
});

test("a shared formula without cached values is moved to each cell it covers", async () => {
  const bytes = oneSheet(
    `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f t="shared" ref="C1:C2" si="0">A1+B1</f></c></row>` +
      `<row r="2"><c r="A2"><v>10</v></c><c r="B2"><v>20</v></c><c r="C2"><f t="shared" si="0"/></c></row>`,
  );
  const { grids } = await readWorkbook("t.xlsx", bytes);
  expect(grids[0]!.values.map((r) => r[2])).toEqual([3, 30]);
});

test("shared strings without their phonetic runs, string results, booleans and date styles", async () => {
  const bytes = rawXlsx({
    sheets: [
      {
        name: "表三",
        xml: sheetXml(
          `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="str"><f>A1</f><v>申请</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" s="1"><v>45657</v></c><c r="E1" s="2"><v>45292.5</v></c><c r="F1"><v>7</v></c></row>`,
        ),
      },
    ],
    sharedStringsXml: `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>政府</t></r><r><t>信息</t></r><rPh sb="0" eb="2"><t>せいふ</t></rPh></si></sst>`,
    extra: {
      "xl/styles.xml": STYLES,
      "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    },
  });
  const { grids } = await readWorkbook("t.xlsx", bytes);
  expect(grids[0]!.values[0]).toEqual([
    "政府信息",
    "申请",
    true,
    "2024-12-31",
    "2024-01-01 12:00:00",
    7,
  ]);
});

test("hidden sheets are read in tab order, with the workbook's title", async () => {
  const bytes = rawXlsx({
    sheets: [
      { name: "甲", xml: sheetXml(rowsXml([[1]])) },
      { name: "乙", xml: sheetXml(rowsXml([[2]])), state: "hidden" },
      { name: "丙", xml: sheetXml(rowsXml([[3]])), state: "veryHidden" },
    ],
    title: " 某某局2024年政府信息公开工作年度报告 ",
  });
  const content = await readWorkbook("t.xlsx", bytes);
  expect(content.grids.map((g) => [g.sheet, g.values[0]![0]])).toEqual([
    ["甲", 1],
    ["乙", 2],
    ["丙", 3],
  ]);
  expect(content.title).toBe("某某局2024年政府信息公开工作年度报告");
});

test("a label repeated under its merge is dropped quietly; another value under a merge is reported", async () => {
  const bytes = rawXlsx({
    sheets: [
      {
        name: "表三",
        xml: sheetXml(
          rowsXml([
            ["申请人情况", "申请人情况", "申请人情况"],
            [5, 6, null],
          ]),
          ["A1:C1", "A2:B2"],
        ),
      },
    ],
  });
  const content = await readWorkbook("t.xlsx", bytes);
  expect(content.grids[0]!.values).toEqual([
    ["申请人情况", null, null],
    [5, null, null],
  ]);
  expect(content.coveredValues).toEqual([{ sheet: "表三", range: "A2:B2", cells: ["B2"] }]);
});

test("a number beyond 2^53 keeps its digits as written", async () => {
  const { grids } = await readWorkbook(
    "t.xlsx",
    oneSheet(
      `<row r="1"><c r="A1"><v>9999999999999999</v></c><c r="B1"><v>9007199254740991</v></c></row>`,
    ),
  );
  expect(grids[0]!.values[0]).toEqual(["9999999999999999", 9007199254740991]);
});

test("a damaged sheet and a missing sheet are unread parts, the table named by the sheet included", async () => {
  const file = path.join(dir, "unread.xlsx");
  writeFileSync(
    file,
    rawXlsx({
      sheets: [
        { name: "表二", xml: "<worksheet><sheetData><row" },
        { name: "附表", xml: undefined },
        {
          name: "说明",
          xml: sheetXml(rowsXml([["本机关2024年政府信息公开工作年度报告说明如下所述"]])),
        },
      ],
    }),
  );
  const report = await loadReport(file);
  expect(report.unreadParts).toEqual([
    { sheet: "表二", part: "xl/worksheets/sheet1.xml", problem: "damaged", table: "T2" },
    { sheet: "附表", part: "xl/worksheets/sheet2.xml", problem: "missing" },
  ]);
});

test("a file with an unread sheet is checked as incomplete, never as without problems", async () => {
  const { runCli } = await import("../../src/cli/run-cli");
  const { captureIo } = await import("../cli/helpers/capture-io");
  writeFileSync(
    path.join(dir, "half.xlsx"),
    rawXlsx({
      sheets: [
        { name: "表二", xml: "<worksheet><sheetData><row" },
        {
          name: "说明",
          xml: sheetXml(rowsXml([["本机关2024年政府信息公开工作年度报告说明如下所述"]])),
        },
      ],
    }),
  );
  const captured = captureIo(dir);
  const code = await runCli(["check", "half.xlsx"], captured.io);
  const out = captured.stdout().split("\n");
  expect(out[0]).toBe("! half.xlsx — 检查不完整（未找到表格）");
  expect(out[1]).toBe("  ! 表二所在的工作表「表二」无法读取（该工作表已损坏），其中的表格未检查");
  expect(captured.stdout()).not.toContain("未发现问题");
  expect(code).toBe(2);
  const json = captureIo(dir);
  await runCli(["check", "--format", "json", "half.xlsx"], json.io);
  const run = JSON.parse(json.stdout()) as {
    files: { status: string; notes: { kind: string; table: string }[] }[];
    summary: { incomplete: number };
  };
  expect(run.files[0]!.status).toBe("incomplete");
  expect(run.files[0]!.notes.map((n) => [n.kind, n.table])).toEqual([["unread-part", "T2"]]);
  expect(run.summary.incomplete).toBe(1);
});

const SHEET_NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;

test("a sheet is read up to its sheetData and mergeCells: damage after both loses nothing", async () => {
  const bytes = rawXlsx({
    sheets: [
      {
        name: "表三",
        xml: `<worksheet ${SHEET_NS}><sheetData><row r="1"><c r="A1"><v>5</v></c><c r="B1"><v>6</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><dataValidations><dataValidation`,
      },
    ],
  });
  const content = await readWorkbook("t.xlsx", bytes);
  expect(content.unread).toEqual([]);
  expect(content.grids[0]!.values).toEqual([[5, null]]);
  expect(content.coveredValues).toEqual([{ sheet: "表三", range: "A1:B1", cells: ["B1"] }]);
});

test("merges written before the sheet's cells still apply, and damage inside the cells is reported", async () => {
  const bytes = rawXlsx({
    sheets: [
      {
        name: "表三",
        xml: `<worksheet ${SHEET_NS}><mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells><sheetData><row r="1"><c r="A1"><v>5</v></c></row><row r="2"><c r="A2"><v>7</v></c></row></sheetData></worksheet>`,
      },
      {
        name: "表四",
        xml: `<worksheet ${SHEET_NS}><mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells><sheetData><row r="1"><c r="A1"><v>5</c></row>`,
      },
    ],
  });
  const content = await readWorkbook("t.xlsx", bytes);
  expect(content.grids[0]!.values).toEqual([[5], [null]]);
  expect(content.coveredValues).toEqual([{ sheet: "表三", range: "A1:A2", cells: ["A2"] }]);
  expect(content.unread.map((u) => [u.sheet, u.problem])).toEqual([["表四", "damaged"]]);
});
