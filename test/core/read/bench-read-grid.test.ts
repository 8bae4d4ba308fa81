/**
 * The bench grid (10,000 × 50 cells of noise with the seed's three tables) is read correctly and
 * fast; the bound here is loose so a slow machine does not fail it, the bench gives the figure.
 */
import { benchReadGrid, buildBenchGrid } from "../../../bench/read-grid";
import { locateTables } from "../../../src/core/read/locate";
import { expectedValues, rawValues, seedValue } from "./grid-edit";

test("finds the seed's three tables among the noise with every figure at its key", () => {
  const found = locateTables(buildBenchGrid());
  expect(found.map((t) => [t.table, t.range])).toEqual([
    ["T2", "D1201:G1215"],
    ["T3", "U5001:AD5029"],
    ["T4", "AE8701:AS8705"],
  ]);
  for (const t of found) {
    expect(rawValues(t)).toEqual(expectedValues(t.table, seedValue));
    expect(t.structure).toEqual([]);
  }
});

test("reads the 10,000 × 50 bench grid in well under a second", () => {
  const result = benchReadGrid();
  expect(result).toMatchObject({ rows: 10_000, columns: 50, tablesFound: 3 });
  expect(result.milliseconds).toBeLessThan(1000);
});
