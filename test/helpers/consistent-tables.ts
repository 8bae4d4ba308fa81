/**
 * Random consistent report tables for property tests: every sum exact (R1–R4 hold), counts whole
 * and ≥ 0, the fee in 万元 with at most 4 decimals, 规章 all 0 (most agencies make none, R7).
 */
import fc from "fast-check";
import type { LocatedTable } from "../../src/core/model/figures";
import { T3_APPLICANTS } from "../../src/core/model/tables";
import { t3Leaves } from "../../src/core/rules/catalog";
import { buildTable } from "./build";

const leaves = t3Leaves("2021");
const count = fc.nat({ max: 500 });

/** Per applicant column: leaf values, 四 and the split of 一+二; totals derived so R1–R3 hold. */
const column = fc.record({
  leaves: fc.array(count, { minLength: leaves.length, maxLength: leaves.length }),
  carryForward: count,
  carriedShare: fc.double({ min: 0, max: 1, noNaN: true }),
});

export const table3 = fc
  .array(column, { minLength: T3_APPLICANTS.length, maxLength: T3_APPLICANTS.length })
  .map((columns) => {
    const rows: Record<string, number[]> = {};
    const put = (row: string, values: number[]): void => {
      rows[row] = [...values, values.reduce((a, b) => a + b, 0)];
    };
    leaves.forEach((leaf, i) =>
      put(
        leaf,
        columns.map((c) => c.leaves[i]!),
      ),
    );
    const done = columns.map((c) => c.leaves.reduce((a, b) => a + b, 0));
    put("三(七)", done);
    put(
      "四",
      columns.map((c) => c.carryForward),
    );
    const carried = columns.map((c, i) => Math.floor((done[i]! + c.carryForward) * c.carriedShare));
    put("二", carried);
    put(
      "一",
      columns.map((c, i) => done[i]! + c.carryForward - carried[i]!),
    );
    return buildTable("T3", rows);
  });

export const table4 = fc
  .array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 })
  .map((groups) => {
    const rows: Record<string, number[]> = {};
    ["复议", "直诉", "复诉"].forEach((g, i) => {
      const parts = groups[i]!;
      rows[g] = [...parts, parts.reduce((a, b) => a + b, 0)];
    });
    return buildTable("T4", rows);
  });

export const table2 = fc
  .tuple(fc.array(count, { minLength: 10, maxLength: 10 }), fc.integer({ min: 0, max: 10_000_000 }))
  .map(([v, fee]) =>
    buildTable("T2", {
      规章: [0, 0, 0],
      行政规范性文件: v.slice(0, 3),
      行政许可: [v[3]!],
      行政处罚: [v[4]!],
      行政强制: [v[5]!],
      行政事业性收费: [fee / 10_000],
    }),
  );

/** Tables 二, 三 and 四 of one consistent report. */
export const consistentTables: fc.Arbitrary<LocatedTable[]> = fc
  .tuple(table2, table3, table4)
  .map(([a, b, c]) => [a, b, c]);
