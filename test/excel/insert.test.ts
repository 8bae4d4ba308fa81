import { planTemplate } from "../../src/core/template/plan";
import {
  ExcelHostError,
  SheetProtectedError,
  TableExistsError,
  TargetMergedError,
  TargetNotEmptyError,
} from "../../src/excel/errors";
import { insertTemplates } from "../../src/excel/insert";
import { WorkbookDouble } from "./double/workbook-double";
import { ALL_CAPABILITIES, differences, snapshot, workbookWith } from "./helpers";
import { parseRect } from "../../src/excel/addresses";

const options = {
  tables: ["T2", "T3", "T4"] as const,
  totalsAsFormulas: true,
  locale: "zh-CN" as const,
};

describe("inserting the templates", () => {
  it("writes every planned cell on a new sheet in two syncs and changes nothing else", async () => {
    const double = workbookWith({ Sheet1: { A1: "my data" } });
    const before = snapshot(double.state);
    const result = await insertTemplates(
      double.run,
      { ...options, target: "new-sheet" },
      ALL_CAPABILITIES,
    );
    expect(double.syncCount).toBe(2);
    expect(result.sheet).toBe("年报表格");
    const after = snapshot(double.state);
    expect(after.sheets[0]).toEqual(before.sheets[0]);
    expect(differences(before, after).filter((d) => !d.startsWith("年报表格"))).toEqual([
      "activeSheet",
      "selection",
    ]);
    const sheet = after.sheets.find((s) => s.name === "年报表格")!;
    for (const plan of planTemplate([...options.tables])) {
      for (const cell of plan.cells) {
        const stored = sheet.cells[cell.address];
        if (cell.formula !== undefined) expect(stored?.formula).toBe(cell.formula);
        else if (cell.text !== undefined) expect(stored?.value).toBe(cell.text);
      }
      for (const m of plan.merges) expect(sheet.merges).toContain(m.range);
      expect(sheet.names.map((n) => n.name)).toContain(plan.name);
    }
  });

  it("keeps the round trips at two however many tables are inserted", async () => {
    const one = workbookWith();
    await insertTemplates(
      one.run,
      { ...options, tables: ["T4"], target: "new-sheet" },
      ALL_CAPABILITIES,
    );
    const three = workbookWith();
    await insertTemplates(three.run, { ...options, target: "new-sheet" }, ALL_CAPABILITIES);
    expect(one.syncCount).toBe(2);
    expect(three.syncCount).toBe(2);
  });

  it("refuses to write over a non-empty cell at the selection and names it", async () => {
    const double = workbookWith({ Sheet1: { C40: "do not touch" } });
    double.state.selection = { sheetId: 1, areas: [{ top: 1, left: 1, bottom: 1, right: 1 }] };
    const before = snapshot(double.state);
    const error = await insertTemplates(
      double.run,
      { ...options, target: "selection" },
      ALL_CAPABILITIES,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetNotEmptyError);
    expect((error as TargetNotEmptyError).cells).toEqual(["C40"]);
    expect(snapshot(double.state)).toEqual(before);
    expect(double.syncCount).toBe(1);
  });

  it("inserts at the selected cell and only touches the planned area", async () => {
    const double = workbookWith({ Sheet1: { A1: 1, Z100: "far away" } });
    double.state.selection = { sheetId: 1, areas: [{ top: 2, left: 1, bottom: 4, right: 3 }] };
    const before = snapshot(double.state);
    const result = await insertTemplates(
      double.run,
      { ...options, tables: ["T4"], target: "selection" },
      ALL_CAPABILITIES,
    );
    expect(result.tables[0]!.range).toBe("B3:P8");
    const area = parseRect("B3:P8");
    const within = (r: { top: number; left: number; bottom: number; right: number }): boolean =>
      r.top >= area.top && r.bottom <= area.bottom && r.left >= area.left && r.right <= area.right;
    const after = snapshot(double.state).sheets[0]!;
    // Every planned cell is there (the loop below alone would pass if nothing were written).
    const [plan] = planTemplate(["T4"], { row: 2, column: 1 });
    for (const cell of plan!.cells) {
      const stored = after.cells[cell.address];
      if (cell.formula !== undefined) expect(stored?.formula).toBe(cell.formula);
      else if (cell.text !== undefined) expect(stored?.value).toBe(cell.text);
    }
    expect(plan!.merges.length).toBeGreaterThan(0);
    for (const m of plan!.merges) expect(after.merges).toContain(m.range);
    for (const m of after.merges) expect(within(parseRect(m))).toBe(true);
    expect(Object.keys(after.validations).length).toBeGreaterThan(0);
    for (const v of Object.keys(after.validations)) expect(within(parseRect(v))).toBe(true);
    for (const d of differences(before, snapshot(double.state))) {
      if (!d.startsWith("Sheet1!")) {
        expect(["Sheet1 merges", "Sheet1 validations", "Sheet1 names", "selection"]).toContain(d);
        continue;
      }
      const cell = parseRect(d.slice("Sheet1!".length));
      expect(
        cell.top >= area.top &&
          cell.bottom <= area.bottom &&
          cell.left >= area.left &&
          cell.right <= area.right,
      ).toBe(true);
    }
    // Column widths belong to the user's sheet: not changed when inserting into it.
    expect(snapshot(double.state).sheets[0]!.columnWidths).toEqual({});
  });

  it("refuses a protected sheet before writing anything", async () => {
    const double = workbookWith();
    double.sheet("Sheet1").protected = true;
    const before = snapshot(double.state);
    await expect(
      insertTemplates(double.run, { ...options, target: "selection" }, ALL_CAPABILITIES),
    ).rejects.toBeInstanceOf(SheetProtectedError);
    expect(snapshot(double.state)).toEqual(before);
  });

  it("refuses a second copy of a table on the same sheet", async () => {
    const double = workbookWith();
    await insertTemplates(
      double.run,
      { ...options, tables: ["T4"], target: "selection" },
      ALL_CAPABILITIES,
    );
    double.state.selection = { sheetId: 1, areas: [{ top: 20, left: 0, bottom: 20, right: 0 }] };
    await expect(
      insertTemplates(
        double.run,
        { ...options, tables: ["T4"], target: "selection" },
        ALL_CAPABILITIES,
      ),
    ).rejects.toBeInstanceOf(TableExistsError);
  });

  it("unlocks and tints the input cells and validates them", async () => {
    const double = workbookWith();
    await insertTemplates(
      double.run,
      { ...options, tables: ["T2"], target: "new-sheet" },
      ALL_CAPABILITIES,
    );
    const sheet = snapshot(double.state).sheets[1]!;
    const [plan] = planTemplate(["T2"]);
    const input = plan!.cells.find((c) => c.role === "input")!;
    expect(sheet.cells[input.address]?.format?.locked).toBe(false);
    expect(sheet.validations[input.address]?.rule).toEqual({
      wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" },
    });
    const fee = plan!.cells.find((c) => c.cell?.row === "行政事业性收费")!;
    expect(JSON.stringify(sheet.validations[fee.address]?.rule)).toContain("ROUND");
  });
});

describe("inserting over merged cells", () => {
  it("refuses when the target area overlaps a merge the user made", async () => {
    const double = workbookWith();
    double.sheet("Sheet1").merges.push({ top: 3, left: 3, bottom: 4, right: 4 });
    const before = snapshot(double.state);
    const error = await insertTemplates(
      double.run,
      { ...options, tables: ["T4"], target: "selection" },
      ALL_CAPABILITIES,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetMergedError);
    expect((error as TargetMergedError).ranges).toEqual(["D4:E5"]);
    expect(snapshot(double.state)).toEqual(before);
  });
});

describe("an insertion Excel stops part-way", () => {
  it("leaves no new sheet behind and reports Excel's error", async () => {
    const source = workbookWith({ Sheet1: { A1: "mine" } });
    // A request limit so small that the write fails after the sheet was added.
    const double = new WorkbookDouble(source.state, { payloadLimitBytes: 3000 });
    const before = snapshot(double.state);
    const error = await insertTemplates(
      double.run,
      { ...options, target: "new-sheet" },
      ALL_CAPABILITIES,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect(snapshot(double.state)).toEqual(before);
  });

  it("at the selection, removes the names, validations, merges and contents it wrote, so a retry succeeds (insert-half-undone)", async () => {
    const source = workbookWith();
    source.state.selection = { sheetId: 1, areas: [{ top: 1, left: 1, bottom: 1, right: 1 }] };
    // A request limit that lets the first tables' names be added before the write fails.
    const failing = new WorkbookDouble(source.state, { payloadLimitBytes: 6000 });
    const at = { ...options, target: "selection" as const };
    await expect(insertTemplates(failing.run, at, ALL_CAPABILITIES)).rejects.toBeInstanceOf(
      ExcelHostError,
    );
    const sheet = source.sheet("Sheet1");
    expect(sheet.names).toEqual([]);
    expect([...sheet.validations.keys()]).toEqual([]);
    expect(sheet.merges).toEqual([]);
    expect(
      [...sheet.cells.values()].filter((c) => c.value !== undefined || c.formula !== undefined),
    ).toEqual([]);
    const retry = new WorkbookDouble(source.state);
    const result = await insertTemplates(retry.run, at, ALL_CAPABILITIES);
    expect(result.tables.map((t) => t.table)).toEqual(["T2", "T3", "T4"]);
  });
});

describe("inserting over cells that carry the user's data validation (validation-over-existing)", () => {
  it("clears the old rule before setting its own", async () => {
    const double = workbookWith();
    const sheet = double.sheet("Sheet1");
    const [plan] = planTemplate(["T4"]);
    const input = plan!.cells.find((c) => c.role === "input")!;
    const p = parseRect(input.address);
    const k = `${p.top},${p.left}`;
    sheet.validations.set(k, { rule: { textLength: { formula1: 5, operator: "LessThan" } } });
    await insertTemplates(
      double.run,
      { ...options, tables: ["T4"], target: "selection" },
      ALL_CAPABILITIES,
    );
    expect(sheet.validations.get(k)?.rule).toEqual({
      wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" },
    });
  });
});
