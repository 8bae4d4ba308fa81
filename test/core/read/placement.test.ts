/**
 * Tables are found wherever they sit: several on one sheet, stacked or side by side, in any
 * order, at any origin, with blank rows and columns inserted anywhere.
 */
import type { Grid } from "../../../src/core/model/figures";
import type { TableId } from "../../../src/core/model/tables";
import { locateTables } from "../../../src/core/read/locate";
import {
  combine,
  distinctValue,
  expectedValues,
  insertColumn,
  insertRow,
  rawValues,
  render,
  rowOf,
  seedValue,
} from "./grid-edit";

function byTable(grid: Grid): Map<TableId, Record<string, unknown>> {
  return new Map(locateTables(grid).map((t) => [t.table, rawValues(t)]));
}

test("finds three tables stacked on one sheet in any order", () => {
  const grid = combine([
    { grid: render("T4"), row: 0, column: 0 },
    { grid: render("T3"), row: 8, column: 0 },
    { grid: render("T2"), row: 40, column: 0 },
  ]);
  const found = locateTables(grid);
  expect(found.map((t) => t.table)).toEqual(["T4", "T3", "T2"]);
  for (const t of found) expect(rawValues(t)).toEqual(expectedValues(t.table, seedValue));
});

test("finds tables stacked with no blank row between them", () => {
  const t2 = render("T2", { value: distinctValue });
  const grid = combine([
    { grid: t2, row: 0, column: 0 },
    { grid: render("T3", { value: distinctValue }), row: t2.values.length, column: 0 },
  ]);
  const tables = byTable(grid);
  expect(tables.get("T2")).toEqual(expectedValues("T2", distinctValue));
  expect(tables.get("T3")).toEqual(expectedValues("T3", distinctValue));
});

test("finds tables placed side by side", () => {
  const grid = combine([
    { grid: render("T2", { value: distinctValue }), row: 2, column: 1 },
    { grid: render("T3", { value: distinctValue }), row: 0, column: 6 },
    { grid: render("T4", { value: distinctValue }), row: 3, column: 17 },
  ]);
  const found = locateTables(grid);
  expect(found.map((t) => t.table).sort()).toEqual(["T2", "T3", "T4"]);
  for (const t of found) expect(rawValues(t)).toEqual(expectedValues(t.table, distinctValue));
});

test("finds tables side by side with no blank column between them", () => {
  const grid = combine([
    { grid: render("T3", { value: distinctValue }), row: 0, column: 0 },
    { grid: render("T4", { value: distinctValue }), row: 0, column: 10 },
    { grid: render("T2", { value: distinctValue }), row: 10, column: 10 },
  ]);
  const found = locateTables(grid);
  expect(found.map((t) => t.table).sort()).toEqual(["T2", "T3", "T4"]);
  for (const t of found) expect(rawValues(t)).toEqual(expectedValues(t.table, distinctValue));
});

test("reads two copies of one table on a sheet as two tables", () => {
  const grid = combine([
    { grid: render("T3", { value: distinctValue }), row: 0, column: 0 },
    { grid: render("T3"), row: 35, column: 0 },
  ]);
  const found = locateTables(grid);
  expect(found.map((t) => t.table)).toEqual(["T3", "T3"]);
  expect(rawValues(found[0]!)).toEqual(expectedValues("T3", distinctValue));
  expect(rawValues(found[1]!)).toEqual(expectedValues("T3", seedValue));
});

test("reads two copies of one table placed side by side as two tables", () => {
  const grid = combine([
    { grid: render("T2", { value: distinctValue }), row: 0, column: 0 },
    { grid: render("T2"), row: 0, column: 5 },
  ]);
  const found = locateTables(grid);
  expect(found.map((t) => rawValues(t))).toEqual([
    expectedValues("T2", distinctValue),
    expectedValues("T2", seedValue),
  ]);
});

test("reads a table whose origin is far from A1", () => {
  const [found] = locateTables(render("T3", { origin: "AB1200", value: distinctValue }));
  expect(found!.range).toBe("AB1200:AK1228");
  expect(found!.cells.get("T3/一/自然人")?.address).toBe("Sheet1!AE1204");
});

describe.each(["T2", "T3", "T4"] as const)(
  "table %s with blank rows and columns inserted",
  (table) => {
    const base = render(table, { value: distinctValue });
    const expected = expectedValues(table, distinctValue);

    test("is read exactly with a blank row inserted at every position", () => {
      for (let at = 0; at <= base.values.length; at += 1) {
        const [found] = locateTables(insertRow(base, at));
        expect({ at, values: rawValues(found!) }).toEqual({ at, values: expected });
      }
    });

    test("is read exactly with a blank column inserted at every position", () => {
      const width = base.values[0]!.length;
      for (let at = 0; at <= width; at += 1) {
        const [found] = locateTables(insertColumn(base, at));
        expect({ at, values: rawValues(found!) }).toEqual({ at, values: expected });
      }
    });

    test("is read exactly with several blank rows and columns inserted", () => {
      let grid = base;
      for (const at of [1, 3, 3, 6]) grid = insertRow(grid, Math.min(at, grid.values.length));
      for (const at of [0, 2, 2, 5]) grid = insertColumn(grid, at);
      const [found] = locateTables(grid);
      expect(rawValues(found!)).toEqual(expected);
      expect(found!.structure).toEqual([]);
    });
  },
);

test("reads table 三 with blank columns between its label columns and its values", () => {
  let grid = render("T3", { value: distinctValue });
  grid = insertColumn(insertColumn(insertColumn(grid, 3), 3), 2);
  grid = insertColumn(grid, 1);
  const [found] = locateTables(grid);
  expect(rawValues(found!)).toEqual(expectedValues("T3", distinctValue));
});

test("reads table 二 with a blank row between a block header and its column labels", () => {
  const grid = render("T2", { value: distinctValue });
  const [found] = locateTables(insertRow(grid, rowOf(grid, "第二十条第（五）项") + 1));
  expect(rawValues(found!)).toEqual(expectedValues("T2", distinctValue));
});
