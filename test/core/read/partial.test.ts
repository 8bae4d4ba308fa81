/**
 * Tables pasted without their title or header rows are found from their row labels; table 四 is
 * found from its header labels alone; a lone label never makes a table.
 */
import type { Grid, RawCell } from "../../../src/core/model/figures";
import { locateTables } from "../../../src/core/read/locate";
import { combine, distinctValue, expectedValues, rawValues, render, rowOf } from "./grid-edit";

function withoutTop(grid: Grid, firstKept: number): Grid {
  return { ...grid, values: grid.values.slice(firstKept) };
}

test("finds table 二 pasted without its title", () => {
  const [found] = locateTables(withoutTop(render("T2", { value: distinctValue }), 1));
  expect(rawValues(found!)).toEqual(expectedValues("T2", distinctValue));
});

test("finds table 二 pasted as its data rows only", () => {
  const grid = render("T2", { value: distinctValue });
  const rows = grid.values.filter((r) => typeof r[1] === "number");
  const [found] = locateTables({ ...grid, values: rows });
  expect(rawValues(found!)).toEqual(expectedValues("T2", distinctValue));
  expect(found!.structure).toEqual([]);
});

test("finds table 三 pasted without its title and header rows", () => {
  const grid = render("T3", { value: distinctValue });
  const [found] = locateTables(withoutTop(grid, rowOf(grid, "一、本年新收政府信息公开申请数量")));
  expect(rawValues(found!)).toEqual(expectedValues("T3", distinctValue));
  expect(found!.structure).toEqual([]);
});

test("finds table 三 without headers and with only its leaf labels", () => {
  const grid = render("T3", { value: distinctValue });
  const start = rowOf(grid, "一、本年新收政府信息公开申请数量");
  const rows = grid.values.slice(start).map((r) => {
    const label = [r[2], r[1], r[0]].find((v) => typeof v === "string") ?? null;
    return [label, ...r.slice(3)];
  });
  const [found] = locateTables({ ...grid, values: rows });
  expect(rawValues(found!)).toEqual(expectedValues("T3", distinctValue));
});

test("finds table 四 alone from its header labels", () => {
  const [found] = locateTables(withoutTop(render("T4", { value: distinctValue }), 1));
  expect(found!.table).toBe("T4");
  expect(rawValues(found!)).toEqual(expectedValues("T4", distinctValue));
});

test("finds table 四 from its group labels when the result labels are gone", () => {
  const grid = render("T4", { value: distinctValue });
  const values = grid.values.map((r, i) =>
    i === 2
      ? r.map((v) => (v === "未经复议直接起诉" || v === "复议后起诉" ? v : null))
      : i === 3
        ? r.map(() => null)
        : r,
  );
  const [found] = locateTables({ ...grid, values });
  expect(rawValues(found!)).toEqual(expectedValues("T4", distinctValue));
});

test("reads table 四 written as three labelled rows", () => {
  const header: RawCell[] = [null, "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
  const values: RawCell[][] = [
    header,
    ["行政复议", 1, 2, 3, 4, 5],
    ["未经复议直接起诉", 6, 7, 8, 9, 10],
    ["复议后起诉", 11, 12, 13, 14, 15],
  ];
  const found = locateTables({ sheet: "S", origin: "A1", values });
  expect(found).toHaveLength(1);
  expect(rawValues(found[0]!)).toEqual(expectedValues("T4", distinctValue));
});

test("does not make a table of a single row label", () => {
  const values: RawCell[][] = [
    ["项目", "数量"],
    ["规章", 3],
    ["其他", 4],
  ];
  expect(locateTables({ sheet: "S", origin: "A1", values })).toEqual([]);
});

test("does not make a table of row labels far apart", () => {
  const values: RawCell[][] = Array.from({ length: 40 }, (_, i) => ["说明文字", i]);
  values[2] = ["规章", 1];
  values[30] = ["行政许可", 2];
  values[12] = [null, null, null, null, null, null, null, null, "1.属于国家秘密", 5];
  expect(locateTables({ sheet: "S", origin: "A1", values })).toEqual([]);
});

test("makes a table of one row label under its title", () => {
  const values: RawCell[][] = [["二、主动公开政府信息情况"], ["行政事业性收费", 1.5]];
  const [found] = locateTables({ sheet: "S", origin: "A1", values });
  expect(found!.cells.get("T2/行政事业性收费/金额")?.raw).toBe(1.5);
});

test("finds nothing in an empty grid", () => {
  expect(locateTables({ sheet: "S", origin: "A1", values: [] })).toEqual([]);
  expect(locateTables({ sheet: "S", origin: "A1", values: [[], [null]] })).toEqual([]);
});

test("finds table 四 without its 行政复议 label beside another table", () => {
  const t4 = render("T4", { value: distinctValue });
  const values = t4.values.map((r) => r.map((v) => (v === "行政复议" ? null : v)));
  const grid = combine([
    { grid: render("T3", { value: distinctValue }), row: 0, column: 0 },
    { grid: { ...t4, values }, row: 0, column: 11 },
  ]);
  const found = locateTables(grid);
  expect(found.map((t) => t.table).sort()).toEqual(["T3", "T4"]);
  for (const t of found) expect(rawValues(t)).toEqual(expectedValues(t.table, distinctValue));
});
