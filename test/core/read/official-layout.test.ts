/**
 * Tables rendered in the official layout are read back exactly: every figure at its key, with
 * the A1 address of its cell, the range the table occupies and no structure issues.
 */
import { locateTables } from "../../../src/core/read/locate";
import type { FormatVersion, TableId } from "../../../src/core/model/tables";
import {
  addressIn,
  distinctValue,
  expectedValues,
  positionOf,
  rawValues,
  render,
  seedValue,
} from "./grid-edit";

const TABLES: readonly [TableId, FormatVersion][] = [
  ["T2", "2021"],
  ["T3", "2021"],
  ["T4", "2021"],
];

describe.each(TABLES)("table %s in the official layout", (table, version) => {
  test("is found once, in the right format", () => {
    const found = locateTables(render(table));
    expect(found.map((t) => [t.table, t.version])).toEqual([[table, version]]);
  });

  test("has every seed figure at its key", () => {
    const [found] = locateTables(render(table));
    expect(rawValues(found!)).toEqual(expectedValues(table, seedValue));
  });

  test("has every figure at its key when each cell holds a different number", () => {
    const [found] = locateTables(render(table, { value: distinctValue }));
    expect(rawValues(found!)).toEqual(expectedValues(table, distinctValue));
  });

  test("has no structure issues", () => {
    const [found] = locateTables(render(table));
    expect(found!.structure).toEqual([]);
  });

  test("gives every figure the address of its cell", () => {
    const grid = render(table, { origin: "C5", value: distinctValue });
    const [found] = locateTables(grid);
    for (const cell of found!.cells.values()) {
      const at = positionOf(cell);
      expect(cell.address).toBe(addressIn(grid, at.row, at.column));
    }
  });
});

test("table 三's first figure at origin C5 is at Sheet1!F9", () => {
  // The layout puts 一/自然人 at row 4, column 3 of the table: C5 + (4, 3) = F9.
  expect(positionOf({ table: "T3", row: "一", column: "自然人" })).toEqual({ row: 4, column: 3 });
  const [found] = locateTables(render("T3", { origin: "C5" }));
  const cell = found!.cells.get("T3/一/自然人");
  expect(cell?.address).toBe("Sheet1!F9");
  expect(cell?.reading).toEqual({ kind: "number", value: 9 });
});

test("table 四's last figure at origin B2 is at Sheet1!P6", () => {
  expect(positionOf({ table: "T4", row: "复诉", column: "总计" })).toEqual({ row: 4, column: 14 });
  const [found] = locateTables(render("T4", { origin: "B2" }));
  expect(found!.cells.get("T4/复诉/总计")?.address).toBe("Sheet1!P6");
  expect(found!.cells.get("T4/复议/总计")?.address).toBe("Sheet1!F6");
});

test("the range covers the title, the headers and the data", () => {
  const ranges = (["T2", "T3", "T4"] as const).map(
    (t) => locateTables(render(t, { origin: "C5" }))[0]!.range,
  );
  expect(ranges).toEqual(["C5:F19", "C5:L33", "C5:Q9"]);
});

test("a table's sheet is the grid's sheet", () => {
  const [found] = locateTables(render("T2", { sheet: "附表" }));
  expect(found!.sheet).toBe("附表");
});

test("addresses quote a sheet name that needs quoting", () => {
  const [found] = locateTables(render("T3", { sheet: "年报 2024", origin: "C5" }));
  expect(found!.cells.get("T3/一/自然人")?.address).toBe("'年报 2024'!F9");
});

test("figures are read by their cell's domain", () => {
  const [t2] = locateTables(
    render("T2", { value: (k) => (k.row === "行政事业性收费" ? 1.2345 : 2) }),
  );
  expect(t2!.cells.get("T2/行政事业性收费/金额")?.reading).toEqual({
    kind: "number",
    value: 1.2345,
  });
  expect(t2!.cells.get("T2/规章/制发")?.reading).toEqual({ kind: "number", value: 2 });
});
