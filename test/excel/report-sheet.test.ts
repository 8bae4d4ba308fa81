import { checkReport } from "../../src/core/check";
import { parseCellAddress } from "../../src/core/model/address";
import { figureSet } from "../../src/core/model/figure-set";
import type { LocatedTable } from "../../src/core/model/figures";
import { planReport, VERIFY_MARK, type ReportPlan } from "../../src/core/report/plan";
import { WorkbookProtectedError } from "../../src/excel/errors";
import { insertTemplates } from "../../src/excel/insert";
import { readWorkbook } from "../../src/excel/read";
import { layoutReport, MAX_ROW_HEIGHT } from "../../src/excel/report-layout";
import { REPORT_SHEET, writeReportSheet } from "../../src/excel/report-sheet";
import { WorkbookDouble } from "./double/workbook-double";
import { ALL_CAPABILITIES, differences, snapshot, workbookWith } from "./helpers";
import { seedTables } from "../helpers/build";
import { typeFigures } from "./fill";

function seedPlan(tables: readonly LocatedTable[] = seedTables()): ReportPlan {
  return planReport({
    tables,
    check: checkReport({ tables }),
    agency: "曲阜市时庄街道办事处",
    year: 2024,
    self: "我街道",
    locale: "zh-CN",
  });
}

/** The seed's tables with one figure changed, so that a total no longer adds up. */
function brokenTables(): LocatedTable[] {
  const tables = seedTables();
  const t3 = tables.find((t) => t.table === "T3")!;
  const key = "T3/一/自然人";
  const cell = t3.cells.get(key)!;
  const value = cell.reading.kind === "number" ? cell.reading.value : 0;
  (t3.cells as Map<string, typeof cell>).set(key, {
    ...cell,
    raw: value + 7,
    reading: { kind: "number", value: value + 7 },
  });
  return tables;
}

describe("laying out and writing the year's report into a new sheet", () => {
  it("adds one sheet in two syncs and changes no other sheet", async () => {
    const double = workbookWith({ Sheet1: { A1: "my data" }, 年报表格: { B2: 5 } });
    const before = snapshot(double.state);
    const result = await writeReportSheet(double.run, layoutReport(seedPlan()));
    expect(double.syncCount).toBe(2);
    expect(result.sheet).toBe(REPORT_SHEET);
    expect(differences(before, snapshot(double.state))).toEqual([
      `${REPORT_SHEET} added`,
      "activeSheet",
      "selection",
    ]);
  });

  it("writes every heading, paragraph and label as text and every figure as a number", async () => {
    const double = workbookWith();
    const plan = seedPlan();
    await writeReportSheet(double.run, layoutReport(plan));
    const sheet = snapshot(double.state).sheets.find((s) => s.name === REPORT_SHEET)!;
    const column = Object.entries(sheet.cells)
      .filter(([a]) => parseCellAddress(a).column === 0)
      .map(([, c]) => c.value);
    expect(column[0]).toBe(plan.title);
    for (const b of plan.blocks) if (b.kind !== "table") expect(column).toContain(b.text);
    const layout = layoutReport(plan);
    for (const cell of layout.cells) {
      const address = `${String.fromCharCode(65 + cell.rect.left)}${cell.rect.top + 1}`;
      const stored = sheet.cells[address];
      if (cell.style === "value" && /^\d+$/u.test(cell.text)) {
        expect(stored?.value).toBe(Number(cell.text));
      } else {
        expect(stored?.value ?? "").toBe(cell.text);
        if (cell.text !== "") expect(stored?.numberFormat).toBe("@");
      }
    }
    // Each table fills its rectangle exactly: no cell outside it, no cell of it left uncovered.
    for (const table of layout.tables) {
      const covered = new Set<string>();
      for (const c of layout.cells) {
        if (c.rect.top < table.top || c.rect.top > table.bottom) continue;
        expect(c.rect.right).toBeLessThanOrEqual(table.right);
        expect(c.rect.bottom).toBeLessThanOrEqual(table.bottom);
        for (let r = c.rect.top; r <= c.rect.bottom; r++)
          for (let k = c.rect.left; k <= c.rect.right; k++) {
            expect(covered.has(`${r},${k}`)).toBe(false);
            covered.add(`${r},${k}`);
          }
      }
      expect(covered.size).toBe((table.bottom - table.top + 1) * (table.right - table.left + 1));
    }
  });

  it("merges the tables' spans and the text rows, and borders the tables", async () => {
    const double = workbookWith();
    const plan = seedPlan();
    await writeReportSheet(double.run, layoutReport(plan));
    const state = double.sheet(REPORT_SHEET);
    const sheet = snapshot(double.state).sheets.find((s) => s.name === REPORT_SHEET)!;
    const layout = layoutReport(plan);
    const spans = layout.cells.filter(
      (c) => c.rect.bottom > c.rect.top || c.rect.right > c.rect.left,
    );
    expect(sheet.merges).toHaveLength(spans.length);
    for (const table of layout.tables) {
      for (let r = table.top; r <= table.bottom; r++)
        for (let c = table.left; c <= table.right; c++) {
          const f = state.cells.get(`${r},${c}`)?.format;
          expect(f?.borderTop).toBe("Continuous");
          expect(f?.borderLeft).toBe("Continuous");
        }
    }
    // Table 四's fifteen columns sit side by side.
    const t4 = plan.blocks.find((b) => b.kind === "table" && b.table === "T4");
    expect(t4 !== undefined && t4.kind === "table" ? t4.columns : 0).toBe(15);
    expect(Object.keys(sheet.columnWidths)).toHaveLength(15);
    for (const h of Object.values(sheet.rowHeights)) expect(h).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
  });

  it("reads back from the sheet as the same tables, with no findings", async () => {
    const double = workbookWith();
    await writeReportSheet(double.run, layoutReport(seedPlan()));
    const reading = await readWorkbook(
      double.run,
      { scope: { kind: "sheets", names: [REPORT_SHEET] }, highlight: false },
      ALL_CAPABILITIES,
    );
    expect(reading.located.map((t) => t.table).sort()).toEqual(["T2", "T3", "T4"]);
    const read = figureSet(reading.located);
    const seed = figureSet(seedTables());
    for (const t of seedTables())
      for (const [, cell] of t.cells) {
        const k = { table: t.table, row: cell.row, column: cell.column };
        expect(read.value(k)).toBe(seed.value(k));
      }
    expect(checkReport({ tables: reading.located }).findings).toEqual([]);
  });

  it("is left out when every sheet is checked, so the tables are not counted twice", async () => {
    const double = workbookWith();
    await insertTemplates(
      double.run,
      {
        tables: ["T2", "T3", "T4"],
        target: "new-sheet",
        totalsAsFormulas: true,
        locale: "zh-CN",
      },
      ALL_CAPABILITIES,
    );
    const seed = figureSet(seedTables());
    typeFigures(
      double,
      "年报表格",
      ["T2", "T3", "T4"],
      (row, column) =>
        seed.value({ table: "T3", row, column }) ?? seed.value({ table: "T4", row, column }) ?? 0,
    );
    await writeReportSheet(double.run, layoutReport(seedPlan()));
    const all = await readWorkbook(
      double.run,
      { scope: { kind: "all" }, highlight: false },
      ALL_CAPABILITIES,
    );
    expect(all.located.map((t) => t.sheet)).toEqual(["年报表格", "年报表格", "年报表格"]);
    expect(all.sheets.map((s) => s.name)).toContain(REPORT_SHEET);
  });

  it("marks the figures a failed rule makes doubtful, in text and in red", async () => {
    const double = workbookWith();
    const tables = brokenTables();
    const plan = seedPlan(tables);
    expect(checkReport({ tables }).counts.error).toBeGreaterThan(0);
    await writeReportSheet(double.run, layoutReport(plan));
    const state = double.sheet(REPORT_SHEET);
    const marked = [...state.cells.values()].filter(
      (c) => typeof c.value === "string" && c.value.endsWith(VERIFY_MARK),
    );
    expect(marked.length).toBeGreaterThan(0);
    for (const c of marked) expect(c.format?.fill).toBe("#FFC7CE");
    // The draft note comes first, under the title.
    expect(String(state.cells.get("1,0")?.value)).toContain(VERIFY_MARK);
  });

  it("takes the next free name and leaves a sheet of that name alone", async () => {
    const double = workbookWith({ 年度报告: { A1: "mine" }, "年度报告 (2)": {} });
    const before = snapshot(double.state);
    const result = await writeReportSheet(double.run, layoutReport(seedPlan()));
    expect(result.sheet).toBe("年度报告 (3)");
    const after = snapshot(double.state);
    expect(after.sheets.slice(0, 2)).toEqual(before.sheets.slice(0, 2));
  });

  it("says the workbook is protected when Excel refuses the new sheet", async () => {
    const double = workbookWith();
    double.state.structureProtected = true;
    const before = snapshot(double.state);
    await expect(writeReportSheet(double.run, layoutReport(seedPlan()))).rejects.toBeInstanceOf(
      WorkbookProtectedError,
    );
    expect(differences(before, snapshot(double.state))).toEqual([]);
  });

  it("deletes its own sheet again when Excel refuses the write part-way", async () => {
    // A request limit the write exceeds (Excel on the web refuses requests over 5 MB).
    const double = new WorkbookDouble(workbookWith().state, { payloadLimitBytes: 6000 });
    const before = snapshot(double.state);
    await expect(writeReportSheet(double.run, layoutReport(seedPlan()))).rejects.toThrow();
    // The names, the refused write, the deletion.
    expect(double.syncCount).toBe(3);
    expect(snapshot(double.state).sheets.map((s) => s.name)).toEqual(
      before.sheets.map((s) => s.name),
    );
  });

  it("gives long paragraphs at most Excel's largest row height", async () => {
    const double = workbookWith();
    const long = "统".repeat(20_000);
    await writeReportSheet(
      double.run,
      layoutReport({
        title: "标题",
        titleLines: ["标题"],
        blocks: [{ kind: "paragraph", text: long, marks: [] }],
      }),
    );
    const sheet = snapshot(double.state).sheets.find((s) => s.name === REPORT_SHEET)!;
    expect(sheet.cells["A2"]?.value).toBe(long);
    expect(Math.max(...Object.values(sheet.rowHeights))).toBe(MAX_ROW_HEIGHT);
  });
});
