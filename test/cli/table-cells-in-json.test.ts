/** The cells of a table entry: A1 address first, else the reader's location, else none; official order. */
import { cellEntry, tableEntries } from "../../src/formats/report/file-entry";
import type { FigureCell } from "../../src/core/model/figures";
import { buildTable } from "../helpers/build";

const base: FigureCell = {
  table: "T4",
  row: "复议",
  column: "维持",
  raw: 1,
  reading: { kind: "number", value: 1 },
};

test("a cell with an A1 address gives the address; without one, the reader's location", () => {
  expect(cellEntry({ ...base, address: "表四!A5", location: "第3页第12行" }).address).toBe(
    "表四!A5",
  );
  expect(cellEntry({ ...base, location: "第3页第12行" }).address).toBe("第3页第12行");
  expect(cellEntry(base)).toEqual({
    table: "T4",
    row: "复议",
    column: "维持",
    value: 1,
    kind: "number",
    text: "1",
  });
});

test("a blank cell has no value and an empty text; an error value keeps its text", () => {
  expect(cellEntry({ ...base, raw: null, reading: { kind: "blank" } })).toMatchObject({
    value: null,
    kind: "blank",
    text: "",
  });
  expect(
    cellEntry({ ...base, raw: "#N/A", reading: { kind: "error", text: "#N/A" } }),
  ).toMatchObject({ value: null, kind: "error", text: "#N/A" });
});

test("cells are listed in the official order, whatever order the reader found them in", () => {
  const built = buildTable("T4", { 复诉: [0, 0, 0, 0, 0], 复议: [1, 2, 3, 4, 10] });
  const reversed = { ...built, cells: new Map([...built.cells].reverse()) };
  expect([...reversed.cells.keys()][0]).toBe("T4/复诉/总计");
  const [entry] = tableEntries([reversed]);
  expect(entry!.cells.map((c) => `${c.row}/${c.column}=${c.text}`)).toEqual([
    "复议/维持=1",
    "复议/纠正=2",
    "复议/其他=3",
    "复议/未结=4",
    "复议/总计=10",
    "复诉/维持=0",
    "复诉/纠正=0",
    "复诉/其他=0",
    "复诉/未结=0",
    "复诉/总计=0",
  ]);
});
