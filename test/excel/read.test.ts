import { cellAddress, parseCellAddress } from "../../src/core/model/address";
import { cellId } from "../../src/core/model/tables";
import { insertTemplates } from "../../src/excel/insert";
import { clearHighlights, readWorkbook } from "../../src/excel/read";
import { activeConditionalFormats, cellValue, insertRows, type SheetState } from "./double/state";
import { addressOf, typeFigures } from "./fill";
import { ALL_CAPABILITIES, differences, snapshot, workbookWith } from "./helpers";

const TABLES = ["T2", "T3", "T4"] as const;

async function filledWorkbook(mistake = true) {
  const double = workbookWith();
  await insertTemplates(
    double.run,
    { tables: TABLES, target: "new-sheet", totalsAsFormulas: true, locale: "zh-CN" },
    ALL_CAPABILITIES,
  );
  typeFigures(double, "年报表格", TABLES, (row, column) => {
    if (row === "一" && column === "自然人") return 5;
    if (row === "三(一)" && column === "自然人") return mistake ? 4 : 5;
    return 0;
  });
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

describe("reading and highlighting", () => {
  it("finds the inserted tables by their names in one sync for the active sheet", async () => {
    const double = await filledWorkbook();
    const before = snapshot(double.state);
    const reading = await readWorkbook(double.run, { scope: { kind: "active" }, highlight: false });
    expect(double.roundTrips).toBe(1);
    expect(reading.located.map((t) => t.table).sort()).toEqual(["T2", "T3", "T4"]);
    expect(reading.sheets[0]!.named.map((n) => n.table)).toEqual(["T2", "T3", "T4"]);
    const t3 = reading.located.find((t) => t.table === "T3")!;
    const cell = t3.cells.get(cellId({ table: "T3", row: "一", column: "自然人" }))!;
    expect(cell.address).toBe(`年报表格!${addressOf(TABLES, "一", "自然人")}`);
    expect(cell.raw).toBe(5);
    expect(differences(before, snapshot(double.state))).toEqual([]);
  });

  it("highlights a broken balance in two syncs, and the highlight goes when the figure is fixed", async () => {
    const double = await filledWorkbook();
    const reading = await readWorkbook(double.run, { scope: { kind: "active" }, highlight: true });
    expect(double.roundTrips).toBe(2);
    expect(reading.highlights.length).toBeGreaterThan(0);
    const sheet = double.sheet("年报表格");
    const wrong = addressOf(TABLES, "三(一)", "自然人");
    expect(rulesAt(sheet, addressOf(TABLES, "一", "自然人"))).toContain("R1");
    expect(rulesAt(sheet, addressOf(TABLES, "二", "商业企业"))).toEqual([]);
    // The user fixes the figure; the formats update by themselves.
    const p = parseCellAddress(wrong);
    sheet.cells.get(`${p.row},${p.column}`)!.value = 5;
    expect(rulesAt(sheet, addressOf(TABLES, "一", "自然人"))).not.toContain("R1");
  });

  it("changes only conditional formats when highlighting, and replaces its own on a second run", async () => {
    const double = await filledWorkbook();
    const before = snapshot(double.state);
    await readWorkbook(double.run, { scope: { kind: "active" }, highlight: true });
    const once = snapshot(double.state);
    expect(differences(before, once)).toEqual(["年报表格 conditionalFormats"]);
    await readWorkbook(double.run, { scope: { kind: "active" }, highlight: true });
    expect(snapshot(double.state)).toEqual(once);
  });

  it("clears exactly its own formats in two syncs and leaves the user's", async () => {
    const double = await filledWorkbook();
    const sheet = double.sheet("年报表格");
    const users = {
      type: "Custom" as const,
      rect: { top: 0, left: 0, bottom: 3, right: 3 },
      formula: "=A1>3",
      fill: "#00FF00",
      stopIfTrue: false,
    };
    sheet.conditionalFormats.push(users);
    const before = snapshot(double.state);
    await readWorkbook(double.run, { scope: { kind: "active" }, highlight: true });
    double.syncCount = 0;
    double.roundTrips = 0;
    const result = await clearHighlights(double.run, { kind: "sheets", names: ["年报表格"] });
    expect(double.roundTrips).toBe(2);
    expect(result.removed).toBeGreaterThan(0);
    expect(snapshot(double.state)).toEqual(before);
  });

  it("still finds a table after the user inserts rows inside it", async () => {
    const double = await filledWorkbook();
    const sheet = double.sheet("年报表格");
    const row = parseCellAddress(addressOf(TABLES, "三(一)", "自然人")).row;
    insertRows(double.state, sheet, row, 2);
    const reading = await readWorkbook(double.run, { scope: { kind: "active" }, highlight: true });
    const t3 = reading.located.find((t) => t.table === "T3")!;
    const moved = t3.cells.get(cellId({ table: "T3", row: "三(一)", column: "自然人" }))!;
    expect(parseCellAddress(moved.address!.split("!")[1]!).row).toBe(row + 2);
    expect(moved.raw).toBe(4);
    expect(rulesAt(sheet, addressOf(TABLES, "一", "自然人"))).toContain("R1");
  });

  it("finds tables by their labels on a sheet the add-in did not make", async () => {
    const double = await filledWorkbook(false);
    const source = double.sheet("年报表格");
    // A copy of the values only (no names, no formats), as pasted from last year's report.
    const pasted = {
      ...source,
      id: 99,
      name: "去年",
      names: [],
      conditionalFormats: [],
      validations: new Map(),
      merges: [],
    };
    pasted.cells = new Map(
      [...source.cells].map(([k, c]) => [
        k,
        { value: c.formula === undefined ? (c.value ?? "") : 0 },
      ]),
    );
    double.state.sheets.push(pasted);
    const reading = await readWorkbook(double.run, {
      scope: { kind: "sheets", names: ["去年"] },
      highlight: false,
    });
    expect(reading.located.map((t) => t.table).sort()).toEqual(["T2", "T3", "T4"]);
    expect(reading.sheets[0]!.named).toEqual([]);
  });

  it("leaves last year's sheet out of this year's reading of every sheet (last-year-sheet-mixed-in)", async () => {
    const double = await filledWorkbook(false);
    const source = double.sheet("年报表格");
    double.state.sheets.unshift({
      ...source,
      id: 98,
      name: "2023年",
      names: [],
      conditionalFormats: [],
      validations: new Map(),
      merges: [],
      cells: new Map([...source.cells].map(([k, c]) => [k, { value: c.value ?? 1 }])),
    });
    const reading = await readWorkbook(double.run, {
      scope: { kind: "all", except: ["2023年"] },
      highlight: true,
    });
    expect(reading.sheets.map((s) => s.name)).not.toContain("2023年");
    expect(new Set(reading.located.map((t) => t.sheet))).toEqual(new Set(["年报表格"]));
    expect(reading.located.map((t) => t.table).sort()).toEqual(["T2", "T3", "T4"]);
    expect(double.sheet("2023年").conditionalFormats).toEqual([]);
    expect(double.roundTrips).toBe(3);
  });

  it("reads every sheet in two syncs and a large sheet in bands under the request limit", async () => {
    const double = await filledWorkbook();
    const big = double.state.sheets.length + 1;
    double.state.sheets.push({
      ...double.sheet("Sheet1"),
      id: big,
      name: "大表",
      cells: new Map(),
    });
    const cells = double.sheet("大表").cells;
    for (let r = 0; r < 1000; r++)
      for (let c = 30; c < 100; c++) cells.set(`${r},${c}`, { value: r * 100 + c });
    // The filled tables as values (no names), 700 rows down: far outside the first window.
    const source = double.sheet("年报表格");
    const shift = 700;
    for (const [k, cell] of source.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      const value = cellValue(source, r, c);
      if (value !== "" && cell !== undefined) cells.set(`${r + shift},${c}`, { value });
    }
    const reading = await readWorkbook(double.run, {
      scope: { kind: "all" },
      highlight: false,
      cellBudget: 50_000,
    });
    expect(reading.sheets.find((s) => s.name === "大表")!.cellCount).toBe(100_000);
    expect(double.roundTrips).toBeGreaterThan(2);
    expect(double.roundTrips).toBeLessThanOrEqual(5);
    const found = reading.located.filter((t) => t.sheet === "大表");
    expect(found.map((t) => t.table).sort()).toEqual(["T2", "T3", "T4"]);
    const t3 = found.find((t) => t.table === "T3")!;
    const at = (row: string, column: string) => t3.cells.get(cellId({ table: "T3", row, column }))!;
    const moved = parseCellAddress(addressOf(TABLES, "一", "自然人"));
    expect(at("一", "自然人").raw).toBe(5);
    expect(at("一", "自然人").address).toBe(`大表!${cellAddress(moved.row + shift, moved.column)}`);
    expect(at("三(一)", "自然人").raw).toBe(4);
  });

  it("marks the findings of rules without a live formula, computed between the read and the write", async () => {
    const double = await filledWorkbook(false);
    const cell = addressOf(TABLES, "二", "自然人");
    await readWorkbook(double.run, {
      scope: { kind: "active" },
      highlight: true,
      findingsFor: (located) => {
        const found = located
          .find((t) => t.table === "T3")!
          .cells.get(cellId({ table: "T3", row: "二", column: "自然人" }))!;
        return [
          {
            rule: "X1",
            code: "carry-over-mismatch",
            severity: "error",
            table: "T3",
            cells: [{ table: "T3", row: "二", column: "自然人", address: found.address! }],
            params: {},
          },
        ];
      },
    });
    expect(double.roundTrips).toBe(2);
    expect(rulesAt(double.sheet("年报表格"), cell)).toContain("X1");
  });

  it("names merged areas that swallow number cells, but not the template's own wide cells", async () => {
    const double = await filledWorkbook(false);
    const clean = await readWorkbook(
      double.run,
      { scope: { kind: "active" }, highlight: false },
      ALL_CAPABILITIES,
    );
    expect(clean.mergedDataCells).toEqual([]);
    const from = parseCellAddress(addressOf(TABLES, "一", "自然人"));
    double
      .sheet("年报表格")
      .merges.push({ top: from.row, left: from.column, bottom: from.row, right: from.column + 1 });
    const merged = await readWorkbook(
      double.run,
      { scope: { kind: "active" }, highlight: false },
      ALL_CAPABILITIES,
    );
    expect(merged.mergedDataCells).toEqual([
      `年报表格!${addressOf(TABLES, "一", "自然人")}:${addressOf(TABLES, "一", "商业企业")}`,
    ]);
  });
});
