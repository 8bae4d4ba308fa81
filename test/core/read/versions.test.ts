/**
 * The 2019 trial tables (spec §9) are recognised and read in their own layout: table 二 by its
 * 2019-only labels, table 三 by its single （六）其他处理 row.
 */
import { locateTables } from "../../../src/core/read/locate";
import {
  distinctValue,
  expectedValues,
  insertRow,
  mapCells,
  rawValues,
  render,
  rowOf,
} from "./grid-edit";

test("reads a 2019 trial table 二 as version 2019 with every figure at its key", () => {
  const [found] = locateTables(render("T2", { version: "2019", value: distinctValue }));
  expect(found!.version).toBe("2019");
  expect(rawValues(found!)).toEqual(expectedValues("T2", distinctValue, "2019"));
  expect(found!.structure).toEqual([]);
});

test("reads a negative 本年增/减 of the 2019 table as a number", () => {
  const [found] = locateTables(
    render("T2", { version: "2019", value: (k) => (k.column === "增减" ? -417 : 3) }),
  );
  expect(found!.cells.get("T2/行政许可/增减")?.reading).toEqual({ kind: "number", value: -417 });
});

test("reads a 2019 table 二 without its header rows from its 2019-only rows", () => {
  const grid = render("T2", { version: "2019", value: distinctValue });
  const headers = new Set<unknown>(["二、主动公开政府信息情况", "信息内容"]);
  const bare = mapCells(grid, (v, r) => (headers.has(grid.values[r]?.[0]) ? null : v));
  const [found] = locateTables(bare);
  expect(found!.version).toBe("2019");
});

test("reads table 三 with a single （六）其他处理 row as version 2019", () => {
  const [found] = locateTables(render("T3", { version: "2019", value: distinctValue }));
  expect(found!.version).toBe("2019");
  expect(rawValues(found!)).toEqual(expectedValues("T3", distinctValue, "2019"));
  expect(found!.structure).toEqual([]);
});

test("reads table 三 with three （六） sub-rows as version 2021", () => {
  const [found] = locateTables(render("T3", { value: distinctValue }));
  expect(found!.version).toBe("2021");
});

test("reads a 2021 table 三 whose （六）其他处理 has a row of its own as version 2021", () => {
  let grid = render("T3", { value: distinctValue });
  const row = rowOf(grid, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
  grid = insertRow(grid, row);
  grid = mapCells(grid, (v, r, c) =>
    r === row && c === 1 ? "（六）其他处理" : r === row + 1 && c === 1 ? null : v,
  );
  const [found] = locateTables(grid);
  expect(found!.version).toBe("2021");
  expect(rawValues(found!)).toEqual(expectedValues("T3", distinctValue));
  expect(found!.structure).toEqual([]);
});

test("reads a 2019 table 二 pasted as data rows only from its three decision columns", () => {
  const grid = render("T2", { version: "2019", value: distinctValue });
  const rows = grid.values.filter(
    (r) =>
      typeof r[1] === "number" && (r[0] === "规章" || r[0] === "行政许可" || r[0] === "行政处罚"),
  );
  const [found] = locateTables({ ...grid, values: rows });
  expect(found!.version).toBe("2019");
  expect(found!.cells.get("T2/行政许可/决定")?.raw).toBe(
    distinctValue({ table: "T2", row: "行政许可", column: "决定" }),
  );
});
