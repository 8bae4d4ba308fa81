/**
 * Every data cell is read with readCell: numbers written as full-width digits or as text are
 * accepted, a blank value cell is blank (never taken for a merged label cell, never 0), and the
 * single value of a merged cell is found wherever it was typed in its merge.
 */
import { cellId, type CellKey } from "../../../src/core/model/tables";
import { locateTables } from "../../../src/core/read/locate";
import { mapCells, positionOf, render, rowOf, seedValue, setCell } from "./grid-edit";

const FULL_WIDTH = (n: number): string =>
  String(n).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)));

test("reads full-width digits as numbers and says so", () => {
  const grid = render("T3", { value: (k) => (k.column === "自然人" ? FULL_WIDTH(12) : 0) });
  const [found] = locateTables(grid);
  expect(found!.cells.get("T3/一/自然人")?.reading).toEqual({
    kind: "number",
    value: 12,
    via: "full-width",
  });
  expect(found!.cells.get("T3/一/总计")?.reading).toEqual({ kind: "number", value: 0 });
});

test("reads numbers stored as text as numbers and says so", () => {
  const [found] = locateTables(render("T4", { value: () => "3" }));
  expect(
    [...found!.cells.values()].every((c) => c.reading.kind === "number" && c.reading.value === 3),
  ).toBe(true);
  expect(found!.cells.get("T4/复议/维持")?.reading).toEqual({
    kind: "number",
    value: 3,
    via: "text",
  });
});

test("keeps words in value cells as text with what they may mean", () => {
  const [found] = locateTables(
    render("T2", { value: (k) => (k.row === "行政许可" ? "无" : k.row === "规章" ? "五件" : 0) }),
  );
  expect(found!.cells.get("T2/行政许可/决定")?.reading).toEqual({
    kind: "text",
    text: "无",
    suggestion: 0,
  });
  expect(found!.cells.get("T2/规章/制发")?.reading).toEqual({
    kind: "text",
    text: "五件",
    suggestion: 5,
  });
});

test("reads a blank value cell as blank", () => {
  const key: CellKey = { table: "T3", row: "三(三)2", column: "科研机构" };
  const [found] = locateTables(
    render("T3", { value: (k) => (cellId(k) === cellId(key) ? null : seedValue(k)) }),
  );
  const cell = found!.cells.get(cellId(key));
  expect(cell?.raw).toBeNull();
  expect(cell?.reading).toEqual({ kind: "blank" });
});

test("reads a whole blank column as blank cells when its header is there", () => {
  const [found] = locateTables(
    render("T3", { value: (k) => (k.column === "科研机构" ? null : 1) }),
  );
  expect(found!.cells.get("T3/四/科研机构")?.reading).toEqual({ kind: "blank" });
  expect(found!.cells.get("T3/四/社会公益组织")?.reading).toEqual({ kind: "number", value: 1 });
  expect(found!.structure).toEqual([]);
});

test("reads an empty template as blank cells, not as a missing table", () => {
  const found = locateTables(render("T3", { value: () => null }));
  expect(found).toHaveLength(1);
  expect(found[0]!.cells.size).toBe(175);
  expect([...found[0]!.cells.values()].every((c) => c.reading.kind === "blank")).toBe(true);
});

test("reads a blank merged value of table 二 as blank", () => {
  const [found] = locateTables(render("T2", { value: (k) => (k.row === "行政许可" ? null : 4) }));
  expect(found!.cells.get("T2/行政许可/决定")?.reading).toEqual({ kind: "blank" });
  expect(found!.cells.get("T2/行政许可/决定")?.address).toBe("Sheet1!B8");
});

test("takes a merged value typed into another cell of its merge", () => {
  let grid = render("T2", { value: () => 4 });
  const at = positionOf({ table: "T2", row: "行政许可", column: "决定" });
  grid = setCell(setCell(grid, at.row, at.column, null), at.row, at.column + 2, 17);
  const [found] = locateTables(grid);
  expect(found!.cells.get("T2/行政许可/决定")).toMatchObject({ raw: 17, address: "Sheet1!D8" });
});

test("does not read a merged label cell as a value", () => {
  const grid = render("T3", { value: () => 2 });
  const [found] = locateTables(
    mapCells(grid, (v, r, c) => (r === rowOf(grid, "2.重复申请") && c < 2 ? null : v)),
  );
  expect([...found!.cells.values()].map((c) => c.raw)).toEqual(Array(175).fill(2));
});

test("keeps Excel error values as errors", () => {
  const [found] = locateTables(render("T4", { value: (k) => (k.column === "总计" ? "#REF!" : 0) }));
  expect(found!.cells.get("T4/直诉/总计")?.reading).toEqual({ kind: "error", text: "#REF!" });
});
