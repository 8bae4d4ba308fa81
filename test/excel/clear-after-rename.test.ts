import { insertTemplates } from "../../src/excel/insert";
import { clearHighlights, readWorkbook } from "../../src/excel/read";
import { typeFigures } from "./fill";
import { ALL_CAPABILITIES, snapshot, workbookWith } from "./helpers";

const TABLES = ["T2", "T3", "T4"] as const;

/** Two highlighted sheets of tables (年报表格, 年报表格 (2)) beside Sheet1; their ids. */
async function twoHighlighted() {
  const double = workbookWith();
  for (let i = 0; i < 2; i++)
    await insertTemplates(
      double.run,
      { tables: TABLES, target: "new-sheet", totalsAsFormulas: true, locale: "zh-CN" },
      ALL_CAPABILITIES,
    );
  for (const name of ["年报表格", "年报表格 (2)"])
    typeFigures(double, name, TABLES, (row, column) =>
      row === "一" && column === "自然人" ? 5 : 0,
    );
  const before = snapshot(double.state);
  const ids: string[] = [];
  for (const name of ["年报表格", "年报表格 (2)"]) {
    const reading = await readWorkbook(double.run, {
      scope: { kind: "sheets", names: [name] },
      highlight: true,
    });
    ids.push(reading.sheets[0]!.id);
  }
  expect(ids).toHaveLength(2);
  for (const name of ["年报表格", "年报表格 (2)"])
    expect(double.sheet(name).conditionalFormats.length).toBeGreaterThan(0);
  double.syncCount = 0;
  double.roundTrips = 0;
  return { double, ids, before };
}

describe("clearing after the user renamed, deleted or protected a sheet (clear-after-rename)", () => {
  it("finds a renamed sheet by its id and clears it in two syncs", async () => {
    const { double, ids, before } = await twoHighlighted();
    double.sheet("年报表格").name = "2024年";
    const result = await clearHighlights(double.run, { kind: "sheets", names: ids });
    expect(double.roundTrips).toBe(2);
    expect(result.sheets).toEqual(["2024年", "年报表格 (2)"]);
    expect(result.missing).toEqual([]);
    expect(result.protected).toEqual([]);
    double.sheet("2024年").name = "年报表格";
    expect(snapshot(double.state)).toEqual(before);
  });

  it("clears the sheets left when one was deleted, and names only the missing one", async () => {
    const { double, ids } = await twoHighlighted();
    double.state.sheets = double.state.sheets.filter((s) => s.name !== "年报表格");
    const result = await clearHighlights(double.run, { kind: "sheets", names: ids });
    expect(result.missing).toEqual([ids[0]]);
    expect(result.sheets).toEqual(["年报表格 (2)"]);
    expect(result.removed).toBeGreaterThan(0);
    expect(double.sheet("年报表格 (2)").conditionalFormats).toEqual([]);
  });

  it("skips a protected sheet and names it, clearing the others", async () => {
    const { double, ids } = await twoHighlighted();
    const locked = double.sheet("年报表格");
    locked.protected = true;
    const marks = locked.conditionalFormats.length;
    const result = await clearHighlights(double.run, { kind: "sheets", names: ids });
    expect(double.roundTrips).toBe(2);
    expect(result.protected).toEqual([{ id: ids[0], name: "年报表格" }]);
    expect(result.sheets).toEqual(["年报表格 (2)"]);
    expect(locked.conditionalFormats).toHaveLength(marks);
    expect(double.sheet("年报表格 (2)").conditionalFormats).toEqual([]);
  });

  it("clears every sheet when asked for all of them (a reopened pane)", async () => {
    const { double, before } = await twoHighlighted();
    const result = await clearHighlights(double.run, { kind: "all" });
    expect(result.sheets).toEqual(["Sheet1", "年报表格", "年报表格 (2)"]);
    expect(snapshot(double.state)).toEqual(before);
  });
});
