/**
 * A 2019-format table asked to add the 2019 rows it lacks as R9 (issue 9): where R8 speaks, the
 * table must be moved to the 2021 layout, so its missing 2019 rows are not reported.
 */
import { locateTables } from "../../../src/core/read/locate";
import type { Grid } from "../../../src/core/model/figures";
import { positionOf, render } from "../read/grid-edit";
import { runRules } from "../../helpers/run-rules";

function without2019Row(): Grid {
  const grid = render("T3", { version: "2019" });
  const { row } = positionOf({ table: "T3", row: "三(三)2", column: "自然人" }, "2019");
  return { ...grid, values: grid.values.map((r, i) => (i === row ? r.map(() => null) : r)) };
}

test("a 2019-format table lacking a 2019 row gets R8 only, no row-missing", () => {
  const tables = locateTables(without2019Row());
  expect(tables.map((t) => [t.table, t.version])).toEqual([["T3", "2019"]]);
  expect(tables[0]!.structure.map((s) => s.code)).toContain("row-missing");
  const codes = runRules(tables, { year: 2024 }).findings.map((f) => f.code);
  expect(codes).toContain("format-2019");
  expect(codes).not.toContain("row-missing");
});

test("in a 2020 report, where the 2019 format is right, the missing row is still reported", () => {
  const codes = runRules(locateTables(without2019Row()), { year: 2020 }).findings.map(
    (f) => f.code,
  );
  expect(codes).not.toContain("format-2019");
  expect(codes).toContain("row-missing");
});
