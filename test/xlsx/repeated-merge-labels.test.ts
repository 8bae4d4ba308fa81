/**
 * Labels repeated across merged areas (issue 9), read from a real .xlsx written by exceljs: the
 * label text in every cell of each merge's area, with and without the merges recorded.
 */
import ExcelJS from "exceljs";
import { locateTables } from "../../src/core/read/locate";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { repeatedLabelGrid } from "../core/read/grid-edit";

async function xlsxOf(merged: boolean): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  const grid = repeatedLabelGrid();
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== undefined) sheet.getCell(r + 1, c + 1).value = value;
    }),
  );
  if (merged) sheet.mergeCells(6, 1, 27, 1);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

test.each([false, true])(
  "labels repeated across merged areas in a file (merges recorded: %s): table 三 once, 2021",
  async (merged) => {
    const { grids } = await readWorkbook("t.xlsx", await xlsxOf(merged));
    const found = grids.flatMap((g) => locateTables(g));
    expect(found.map((t) => [t.table, t.version])).toEqual([["T3", "2021"]]);
    expect(found[0]!.cells.get("T3/一/自然人")?.reading).toEqual({ kind: "number", value: 9 });
  },
);
