/**
 * Issue 10: where real Excel differs from a careful reading of the API. Each test makes the
 * double behave as office-js's sources, documentation or issue tracker say (see the double's
 * header), and fails on the adapter as it was before the issue was fixed.
 */
import { cellAddress, parseCellAddress } from "../../src/core/model/address";
import { planTemplate } from "../../src/core/template/plan";
import { HIGHLIGHT_COLOURS } from "../../src/core/template/highlights";
import { createExcelAdapter } from "../../src/excel/adapter";
import { SelectionUnusableError, WorkbookProtectedError } from "../../src/excel/errors";
import { insertTemplates } from "../../src/excel/insert";
import { clearHighlights, readWorkbook } from "../../src/excel/read";
import { checkTables } from "../../src/taskpane/report";
import { describeError } from "../../src/taskpane/error-text";
import { evaluateFormula } from "./double/formula";
import { activeConditionalFormats, cellValue, key, type SheetState } from "./double/state";
import { WorkbookDouble } from "./double/workbook-double";
import { addressOf, typeFigures } from "./fill";
import { ALL_CAPABILITIES, workbookWith } from "./helpers";

const TABLES = ["T2", "T3", "T4"] as const;

async function filled(double = workbookWith()): Promise<WorkbookDouble> {
  await insertTemplates(
    double.run,
    { tables: TABLES, target: "new-sheet", totalsAsFormulas: true, locale: "zh-CN" },
    ALL_CAPABILITIES,
  );
  typeFigures(double, "年报表格", TABLES, () => 0);
  double.syncCount = 0;
  double.roundTrips = 0;
  return double;
}

function rulesAt(sheet: SheetState, address: string): string[] {
  const p = parseCellAddress(address);
  return activeConditionalFormats(sheet, p.row, p.column).map(
    (cf) => /xxgk:(\w+)/u.exec(cf.formula)?.[1] ?? "?",
  );
}

function fillsAt(sheet: SheetState, address: string): (string | undefined)[] {
  const p = parseCellAddress(address);
  return activeConditionalFormats(sheet, p.row, p.column).map((cf) => cf.fill);
}

function put(double: WorkbookDouble, address: string, value: string | number): void {
  const p = parseCellAddress(address);
  double.sheet("年报表格").cells.set(key(p.row, p.column), { value });
}

const checkAndMark = (double: WorkbookDouble) =>
  readWorkbook(
    double.run,
    {
      scope: { kind: "active" },
      highlight: true,
      findingsFor: (tables) => checkTables({ tables }).findings,
    },
    ALL_CAPABILITIES,
  );

describe("issue 10: the add-in as real Excel runs it", () => {
  it("1: checks a sheet with more than 512 merged areas, reading merges over the tables only", async () => {
    const double = await filled();
    const sheet = double.sheet("年报表格");
    for (let r = 200; r < 800; r++) {
      sheet.cells.set(key(r, 0), { value: `备注${r}` });
      sheet.merges.push({ top: r, left: 0, bottom: r, right: 1 });
    }
    const d = parseCellAddress(addressOf(TABLES, "一", "自然人"));
    sheet.merges.push({ top: d.row, left: d.column, bottom: d.row, right: d.column + 1 });
    const reading = await readWorkbook(
      double.run,
      { scope: { kind: "active" }, highlight: false },
      ALL_CAPABILITIES,
    );
    expect(reading.located.map((t) => t.table).sort()).toEqual(["T2", "T3", "T4"]);
    expect(reading.mergedDataCells).toEqual([
      `年报表格!${cellAddress(d.row, d.column)}:${cellAddress(d.row, d.column + 1)}`,
    ]);
    expect(reading.mergesRead).toBe(true);
  });

  it("2: raises its own multiple-areas error for a multi-area selection", async () => {
    const double = workbookWith({ Sheet1: { B2: "共收到申请9件。" } });
    double.state.selection = {
      sheetId: 1,
      areas: [
        { top: 1, left: 1, bottom: 1, right: 1 },
        { top: 5, left: 5, bottom: 6, right: 6 },
      ],
    };
    const adapter = createExcelAdapter(double.run, ALL_CAPABILITIES);
    const error = await adapter.readSelectedText().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SelectionUnusableError);
    expect((error as SelectionUnusableError).reason).toBe("multiple-areas");
    const insert = await adapter
      .insert({ tables: ["T3"], target: "selection", totalsAsFormulas: true, locale: "zh-CN" })
      .catch((e: unknown) => e);
    expect(insert).toBeInstanceOf(SelectionUnusableError);
    // Without ExcelApi 1.9: Excel's refusal is taken as the same.
    const old = createExcelAdapter(double.run, { rangeAreas: false, mergedAreas: false });
    await expect(old.readSelectedText()).rejects.toBeInstanceOf(SelectionUnusableError);
  });

  it("3: a cell holding only a no-break space is a yellow R6 in the sheet, as in the pane", async () => {
    expect(evaluateFormula('=LEN(TRIM(" \u00a0 "))', () => null)).toBe(1);
    expect(evaluateFormula('=TRIM("  a  b ")', () => null)).toBe("a b");
    const double = await filled();
    const at = addressOf(TABLES, "二", "商业企业");
    put(double, at, "\u00a0");
    const other = addressOf(TABLES, "二", "科研机构");
    put(double, other, "\u3000\u200b");
    const reading = await checkAndMark(double);
    const pane = checkTables({ tables: reading.located }).findings.filter((f) =>
      f.cells.some((c) => c.address === `年报表格!${at}`),
    );
    expect(pane.map((f) => f.rule)).toEqual(["R6"]);
    expect(rulesAt(double.sheet("年报表格"), at)).toEqual(["R6"]);
    expect(rulesAt(double.sheet("年报表格"), other)).toEqual(["R6"]);
  });

  it("4: a number stored as text is not red; an error value gets a fixed red mark", async () => {
    expect(
      activeConditionalFormats(
        {
          ...workbookWith().sheet("Sheet1"),
          conditionalFormats: [
            {
              type: "Custom",
              rect: { top: 0, left: 0, bottom: 0, right: 0 },
              formula: "=1/0",
              stopIfTrue: false,
            },
          ],
        },
        0,
        0,
      ),
    ).toEqual([]);
    const double = await filled();
    const text = addressOf(TABLES, "二", "商业企业");
    put(double, text, "5");
    const error = addressOf(TABLES, "二", "科研机构");
    put(double, error, "#N/A");
    const negative = addressOf(TABLES, "二", "社会公益组织");
    put(double, negative, -2);
    const word = addressOf(TABLES, "二", "法律服务机构");
    put(double, word, "无");
    await checkAndMark(double);
    const sheet = double.sheet("年报表格");
    // The live R5 formula accepts "5" as Excel's VALUE does, so it gives no red mark; the check
    // then says, as a warning, that Excel's SUM leaves a number stored as text out (issue 9):
    // one fixed R5 mark in the warning colour.
    expect(rulesAt(sheet, text)).toEqual(["R5"]);
    expect(fillsAt(sheet, text)).toEqual([HIGHLIGHT_COLOURS.warning.fill]);
    expect(rulesAt(sheet, error)).toEqual(["R5"]);
    expect(rulesAt(sheet, negative)).toContain("R5");
    expect(rulesAt(sheet, word)).toContain("R5");
  });

  it("5: gives wrapped merged rows a height, since merged cells never autofit", async () => {
    const double = workbookWith();
    await insertTemplates(
      double.run,
      { tables: ["T3"], target: "new-sheet", totalsAsFormulas: true, locale: "zh-CN" },
      ALL_CAPABILITIES,
    );
    const sheet = double.sheet("年报表格");
    const [plan] = planTemplate(["T3"]);
    // B8:C8 holds a 28-character label (56 columns wide in CJK) in columns 14 + 30 wide.
    const merge = plan!.merges.find((m) => m.range.startsWith("B8:"))!;
    const label = plan!.cells.find((c) => c.address === "B8")!;
    expect(merge.range).toBe("B8:C8");
    expect(label.text!.length).toBeGreaterThan(22);
    expect(sheet.autofitRows.has(7)).toBe(false);
    expect(sheet.rowHeights.get(7)).toBeGreaterThanOrEqual(30);
  });

  it("6: the inserted totals show their values (no suspended calculation left uncalculated)", async () => {
    const double = workbookWith();
    await insertTemplates(
      double.run,
      { tables: ["T3"], target: "new-sheet", totalsAsFormulas: true, locale: "zh-CN" },
      ALL_CAPABILITIES,
    );
    const [plan] = planTemplate(["T3"]);
    const total = plan!.cells.find((c) => c.role === "total" && c.formula !== undefined)!;
    const p = parseCellAddress(total.address);
    expect(cellValue(double.sheet("年报表格"), p.row, p.column)).toBe(0);
  });

  it("8: Excel.run sends what is still queued; an over-large read is a response error", async () => {
    const double = workbookWith();
    await double.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [[7]];
      return Promise.resolve();
    });
    expect(double.sheet("Sheet1").cells.get(key(0, 0))?.value).toBe(7);
    expect(double.syncCount).toBe(1);
  });

  it("9: clears two of its formats on the same cells, highest id first", async () => {
    const double = await filled();
    await checkAndMark(double);
    const sheet = double.sheet("年报表格");
    expect(sheet.conditionalFormats.length).toBeGreaterThan(2);
    const result = await clearHighlights(double.run, { kind: "sheets", names: ["年报表格"] });
    expect(result.notCleared).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(sheet.conditionalFormats).toEqual([]);
  });

  it("10: a copied rule makes the formats unreadable: the check is still complete", async () => {
    const double = await filled();
    await checkAndMark(double);
    const sheet = double.sheet("年报表格");
    const copy = sheet.conditionalFormats.find((cf) => cf.formula.includes("xxgk:R6"))!;
    sheet.conditionalFormats.push({ ...copy, rect: { ...copy.rect } });
    const before = sheet.conditionalFormats.length;
    const reading = await checkAndMark(double);
    expect(reading.located.map((t) => t.table).sort()).toEqual(["T2", "T3", "T4"]);
    expect(reading.highlightProblems).toEqual([{ sheet: "年报表格", kind: "unreadable" }]);
    expect(sheet.conditionalFormats.length).toBe(before);
    expect(double.roundTrips).toBe(3);
  });

  it("11: with ';' as list separator, selects the rectangle around a finding's cells", async () => {
    const base = workbookWith({ 年报表格: { D8: 1, F10: 2 } });
    const double = new WorkbookDouble(base.state, { listSeparator: ";" });
    const selected = await createExcelAdapter(double.run, ALL_CAPABILITIES).select([
      "年报表格!D8",
      "年报表格!F10",
    ]);
    expect(selected).toEqual({ sheet: "年报表格", range: "D8:F10" });
    expect(double.state.selection.areas).toEqual([{ top: 7, left: 3, bottom: 9, right: 5 }]);
  });

  it("12: another copy of the add-in (settings per instance) reads the same report settings", async () => {
    const double = workbookWith();
    await createExcelAdapter(double.run, ALL_CAPABILITIES).saveSettings({
      year: 2024,
      agency: "曲阜市时庄街道办事处",
      lastYearSheet: "2023年",
    });
    const catalog = double.instance("catalog");
    expect(catalog.state.instanceSettings.get("catalog")?.size ?? 0).toBe(0);
    expect(await createExcelAdapter(catalog.run, ALL_CAPABILITIES).loadSettings()).toEqual({
      year: 2024,
      agency: "曲阜市时庄街道办事处",
      lastYearSheet: "2023年",
    });
  });

  it("14: a protected workbook structure gets its own message, not the protected-sheet one", async () => {
    const double = workbookWith();
    double.state.structureProtected = true;
    const error = await insertTemplates(
      double.run,
      { tables: ["T3"], target: "new-sheet", totalsAsFormulas: true, locale: "zh-CN" },
      ALL_CAPABILITIES,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookProtectedError);
    expect(describeError(error, "zh-CN")).toContain("工作簿结构受保护");
  });

  it("15: reads the draft as the cells show it (12.5%, dates), not their values", async () => {
    const double = workbookWith({ Sheet1: { B2: 0.125, B3: 45292 } });
    double.sheet("Sheet1").cells.get(key(1, 1))!.numberFormat = "0.0%";
    double.sheet("Sheet1").cells.get(key(2, 1))!.numberFormat = 'yyyy"年"m"月"d"日"';
    double.state.selection = { sheetId: 1, areas: [{ top: 1, left: 1, bottom: 2, right: 1 }] };
    const { text } = await createExcelAdapter(double.run, ALL_CAPABILITIES).readSelectedText();
    expect(text).toBe("12.5%\n2024年1月1日");
  });

  it("17: the double's formulas compute as Excel does", () => {
    const none = (): null => null;
    expect(evaluateFormula("=ROUND(-2.5,0)", none)).toBe(-3);
    expect(evaluateFormula("=ROUND(2.5,0)", none)).toBe(3);
    expect(evaluateFormula("=ROUND(1.005,2)", none)).toBe(1.01);
    expect(evaluateFormula("=IF(TRUE,A1)", none)).toBe(0);
    expect(evaluateFormula("=AND(A1:A3)", (r) => (r === 1 ? true : null))).toBe(true);
    expect(evaluateFormula("=OR(A1,B1)", (_r, c) => (c === 0 ? false : "text"))).toBe(false);
    expect(evaluateFormula("=A1=FALSE", none)).toBe(true);
    expect(evaluateFormula("=LEN(1/3)", none)).toBe(17);
    expect(evaluateFormula('=" 12 "+0', none)).toBe(12);
    expect(evaluateFormula('="1,000"+0', none)).toBe(1000);
    expect(evaluateFormula('="50%"*1', none)).toBe(0.5);
    expect(evaluateFormula('="0x10"+0', none)).toMatchObject({ text: "#VALUE!" });
    const double = workbookWith({ Sheet1: {} });
    for (const [typed, address] of [
      ["1,024", "A1"],
      ["5%", "A2"],
      ["1e3", "A3"],
      ["TRUE", "A4"],
      ["１２", "A5"],
      ["0x10", "A6"],
    ] as const)
      double.type("Sheet1", address, typed);
    const sheet = double.sheet("Sheet1");
    expect([0, 1, 2, 3, 4, 5].map((r) => cellValue(sheet, r, 0))).toEqual([
      1024,
      0.05,
      1000,
      true,
      12,
      "0x10",
    ]);
  });

  it("17: written through values into a text-formatted cell, typed-looking text stays text", async () => {
    const double = workbookWith();
    await double.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B1");
      range.numberFormat = [["@", "General"]];
      range.values = [["1,024", "1,024"]];
      await context.sync();
    });
    const sheet = double.sheet("Sheet1");
    expect([cellValue(sheet, 0, 0), cellValue(sheet, 0, 1)]).toEqual(["1,024", 1024]);
  });

  it("18: another sheet's address, UTF-8 payloads, suspended calculation, circular references", async () => {
    const double = workbookWith({ Sheet1: { A1: 1 }, Other: { A1: 2 } });
    await expect(
      double.run(async (context) => {
        const r = context.workbook.worksheets
          .getActiveWorksheet()
          .getRange("Other!A1")
          .load("values");
        await context.sync();
        return r.values;
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    // 1,000 Chinese characters: 1,000 UTF-16 units but 3,000 UTF-8 bytes.
    const text = workbookWith({ Sheet1: { A1: "年".repeat(1000) } });
    const limited = new WorkbookDouble(text.state, { payloadLimitBytes: 2500 });
    await expect(
      limited.run(async (context) => {
        const r = context.workbook.worksheets.getActiveWorksheet().getRange("A1").load("values");
        await context.sync();
        return r.values;
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    const calc = workbookWith({ Sheet1: { A1: 5 } });
    await calc.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.getActiveWorksheet().getRange("B1").formulas = [["=A1*2"]];
      await context.sync();
    });
    expect(cellValue(calc.sheet("Sheet1"), 0, 1)).toBe("");
    const circular = workbookWith({ Sheet1: { A1: "=B1+1", B1: "=A1" } });
    expect(cellValue(circular.sheet("Sheet1"), 0, 0)).toBe(1);
  });
});

describe("issue 10 item 18: long texts over the web's response limit", () => {
  it("reads a sheet of long Chinese texts again in smaller requests", async () => {
    const cells: Record<string, string> = {};
    for (let r = 1; r <= 200; r++) cells[`A${r}`] = "年".repeat(100);
    const base = workbookWith({ Sheet1: cells });
    // 200 × 300 bytes of UTF-8: over 40,000 bytes in one response, under it in 100-cell parts.
    const double = new WorkbookDouble(base.state, { payloadLimitBytes: 40_000 });
    const reading = await readWorkbook(
      double.run,
      { scope: { kind: "active" }, highlight: false },
      ALL_CAPABILITIES,
    );
    expect(reading.sheets[0]!.cellCount).toBe(200);
  });
});
