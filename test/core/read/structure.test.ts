/**
 * What is wrong with a table's rows and columns is reported as structure issues, and the figures
 * that can still be placed are read: a missing row leaves its cells out, a doubled row keeps its
 * first copy, rows out of order are read by their labels.
 */
import type { StructureIssue } from "../../../src/core/model/figures";
import { cellId, tableDef } from "../../../src/core/model/tables";
import { locateTables } from "../../../src/core/read/locate";
import {
  copyRow,
  deleteColumn,
  deleteRow,
  distinctValue,
  expectedValues,
  insertCells,
  issueCodes,
  mapCells,
  rawValues,
  render,
  rowOf,
  swapRows,
} from "./grid-edit";

function withoutRow(values: Record<string, unknown>, row: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([id]) => id.split("/")[1] !== row));
}

function issue(issues: readonly StructureIssue[], code: StructureIssue["code"]): StructureIssue[] {
  return issues.filter((i) => i.code === code);
}

test("reports a deleted row of table 三 as row-missing and leaves its cells out", () => {
  const grid = render("T3", { value: distinctValue });
  const [found] = locateTables(deleteRow(grid, rowOf(grid, "3.危及“三安全一稳定”")));
  expect(found!.structure).toEqual([{ code: "row-missing", row: "三(三)3" }]);
  expect(rawValues(found!)).toEqual(withoutRow(expectedValues("T3", distinctValue), "三(三)3"));
});

test("reports a deleted row that carried its group label, and reads the rest of the group", () => {
  const grid = render("T3", { value: distinctValue });
  const [found] = locateTables(deleteRow(grid, rowOf(grid, "1.属于国家秘密")));
  expect(found!.structure).toEqual([{ code: "row-missing", row: "三(三)1" }]);
  expect(rawValues(found!)).toEqual(withoutRow(expectedValues("T3", distinctValue), "三(三)1"));
});

test("reports deleted rows of table 二 as row-missing", () => {
  let grid = render("T2", { value: distinctValue });
  grid = deleteRow(grid, rowOf(grid, "行政强制"));
  grid = deleteRow(grid, rowOf(grid, "规章"));
  const [found] = locateTables(grid);
  expect(found!.structure).toEqual([
    { code: "row-missing", row: "规章" },
    { code: "row-missing", row: "行政强制" },
  ]);
  expect(rawValues(found!)).toEqual(
    withoutRow(withoutRow(expectedValues("T2", distinctValue), "规章"), "行政强制"),
  );
});

test("reports a second copy of a row as row-duplicated and keeps the first", () => {
  const grid = render("T3", { value: distinctValue });
  const row = rowOf(grid, "（一）予以公开");
  const doubled = mapCells(copyRow(grid, row, row + 3), (v, r, c) =>
    r === row + 3 && c >= 3 ? 999 : v,
  );
  const [found] = locateTables(doubled);
  expect(found!.structure).toEqual([
    { code: "row-duplicated", row: "三(一)", address: "Sheet1!B10" },
  ]);
  expect(rawValues(found!)).toEqual(expectedValues("T3", distinctValue));
});

test("reports a doubled first row as row-duplicated, not as a second table", () => {
  const grid = render("T3", { value: distinctValue });
  const row = rowOf(grid, "一、本年新收政府信息公开申请数量");
  const found = locateTables(copyRow(grid, row, rowOf(grid, "四、结转下年度继续办理") + 1));
  expect(found).toHaveLength(1);
  expect(issueCodes(found[0]!)).toEqual(["row-duplicated"]);
});

test("reports swapped rows as row-out-of-order and still reads them by label", () => {
  const grid = render("T3", { value: distinctValue });
  const swapped = swapRows(
    grid,
    rowOf(grid, "一、本年新收政府信息公开申请数量"),
    rowOf(grid, "二、上年结转政府信息公开申请数量"),
  );
  const [found] = locateTables(swapped);
  expect(found!.structure).toEqual([{ code: "row-out-of-order", row: "一", address: "Sheet1!A6" }]);
  expect(rawValues(found!)).toEqual(expectedValues("T3", distinctValue));
});

test("reads rows of table 二 swapped across blocks by their labels", () => {
  const grid = render("T2", { value: distinctValue });
  const [found] = locateTables(swapRows(grid, rowOf(grid, "行政处罚"), rowOf(grid, "行政强制")));
  expect(issue(found!.structure, "row-out-of-order")).toEqual([
    { code: "row-out-of-order", row: "行政处罚", address: "Sheet1!A12" },
  ]);
  expect(rawValues(found!)).toEqual(expectedValues("T2", distinctValue));
});

test("reports an unknown row inside table 三 as row-unknown and ignores its figures", () => {
  const grid = render("T3", { value: distinctValue });
  const at = rowOf(grid, "（七）总计");
  const inserted = insertCells(grid, at, [null, "（八）其他情况", null, 1, 2, 3, 4, 5, 6, 7]);
  const [found] = locateTables(inserted);
  expect(found!.structure).toEqual([
    { code: "row-unknown", found: "（八）其他情况", address: `Sheet1!B${at + 1}` },
  ]);
  expect(rawValues(found!)).toEqual(expectedValues("T3", distinctValue));
});

test("reports a row of the 2019 table 二 inside a 2021 table as row-unknown", () => {
  const grid = render("T2", { value: distinctValue });
  const inserted = insertCells(grid, rowOf(grid, "行政许可") + 1, ["其他对外管理服务事项", 5]);
  const [found] = locateTables(inserted);
  expect(found!.version).toBe("2021");
  expect(issue(found!.structure, "row-unknown")).toEqual([
    { code: "row-unknown", found: "其他对外管理服务事项", address: "Sheet1!A9" },
  ]);
  expect(rawValues(found!)).toEqual(expectedValues("T2", distinctValue));
});

test("reports a deleted value column as column-missing and leaves its cells out", () => {
  const [found] = locateTables(deleteColumn(render("T3", { value: distinctValue }), 9));
  expect(found!.structure).toEqual([{ code: "column-missing", column: "总计" }]);
  const expected = Object.fromEntries(
    Object.entries(expectedValues("T3", distinctValue)).filter(([id]) => !id.endsWith("/总计")),
  );
  expect(rawValues(found!)).toEqual(expected);
});

test("reports a deleted column of table 四 as column-missing with its group", () => {
  const [found] = locateTables(deleteColumn(render("T4", { value: distinctValue }), 14));
  expect(found!.structure).toEqual([{ code: "column-missing", column: "复诉/总计" }]);
  expect(found!.cells.has(cellId({ table: "T4", row: "复诉", column: "总计" }))).toBe(false);
  expect(found!.cells.size).toBe(14);
});

test("reports every row of table 四 missing when its data row is gone", () => {
  const grid = render("T4");
  const [found] = locateTables({ ...grid, values: grid.values.slice(0, 4) });
  expect(found!.structure).toEqual(
    tableDef("T4").blocks[0]!.rows.map((r) => ({ code: "row-missing", row: r.key })),
  );
  expect(found!.cells.size).toBe(0);
});
