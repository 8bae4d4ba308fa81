/**
 * Labels repeated across merged areas (issue 9): a writer that puts the label text in every cell
 * a vertical merge covers must not make table 三 appear several times, once as 2019 format.
 */
import { locateTables } from "../../../src/core/read/locate";
import { repeatedLabelGrid } from "./grid-edit";

test("labels repeated across merged areas: table 三 is found once, in the 2021 format", () => {
  const grid = repeatedLabelGrid();
  const texts = grid.values.flat();
  expect(texts.filter((t) => t === "（六）其他处理").length).toBe(3);
  const found = locateTables(grid);
  expect(found.map((t) => [t.table, t.version])).toEqual([["T3", "2021"]]);
  expect(found[0]!.structure).toEqual([]);
  expect(found[0]!.cells.get("T3/一/自然人")?.reading).toEqual({ kind: "number", value: 9 });
});
