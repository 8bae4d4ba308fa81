/** Property: a consistent table (every sum exact) is never flagged, whatever its figures. */
import fc from "fast-check";
import { table2, table3, table4 } from "../../helpers/consistent-tables";
import { runRules } from "../../helpers/run-rules";

describe("consistent random tables", () => {
  it("give no finding", () => {
    fc.assert(
      fc.property(table2, table3, table4, (a, b, c) => {
        expect(runRules([a, b, c], { year: 2024, agencyLevel: "township" }).findings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
