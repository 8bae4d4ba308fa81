/**
 * Every cell of the seed's tables 三 and 四 changed by +1 and by −1: each change is detected, and
 * where a unique single-cell fix exists it names exactly the changed cell and its original value.
 */
import { numericValue } from "../../../src/core/model/figures";
import { cellId, dataCells, tableDef } from "../../../src/core/model/tables";
import { ruleCells, buildRules } from "../../../src/core/rules/catalog";
import { seedTables } from "../../helpers/build";
import { withCell } from "../../helpers/mutate";
import { runRules } from "../../helpers/run-rules";

const seed = seedTables();

function mutations(): {
  id: string;
  key: { table: "T3" | "T4"; row: string; column: string };
  original: number;
  delta: number;
}[] {
  const list = [];
  for (const table of ["T3", "T4"] as const) {
    for (const d of dataCells(tableDef(table))) {
      const key = { table, row: d.row, column: d.column };
      const cell = seed.find((t) => t.table === table)!.cells.get(cellId(key))!;
      const original = numericValue(cell.reading)!;
      for (const delta of [1, -1])
        list.push({ id: `${cellId(key)} ${delta > 0 ? "+1" : "-1"}`, key, original, delta });
    }
  }
  return list;
}

const ALL = mutations();

describe("the seed report", () => {
  it("passes every table rule", () => {
    expect(runRules(seed).findings).toEqual([]);
  });
});

describe("single-cell changes to the seed's tables 三 and 四", () => {
  const outcomes = ALL.map((m) => {
    const { findings, problems } = runRules(withCell(seed, m.key, m.original + m.delta));
    return { m, findings, problems };
  });

  it.each(outcomes.map((o) => [o.m.id, o] as const))("%s is detected", (_id, o) => {
    expect(o.findings.some((f) => f.severity === "error")).toBe(true);
  });

  it.each(outcomes.map((o) => [o.m.id, o] as const))(
    "%s gets a fix only when it names the changed cell",
    (_id, o) => {
      for (const f of o.findings) {
        if (f.fix === undefined) continue;
        expect(cellId(f.fix.cell)).toBe(cellId(o.m.key));
        expect(f.fix.value).toBe(o.m.original);
        expect(f.fix.original).toBe(o.m.original + o.m.delta);
      }
      // A fixed problem holds every error the change caused.
      const fixed = o.problems.filter((p) => p.fix !== undefined);
      if (fixed.length > 0) {
        expect(fixed).toHaveLength(1);
        expect(
          o.problems.filter((p) => p.findings.some((f) => f.severity === "error")),
        ).toHaveLength(1);
      }
    },
  );

  it("proposes the fix for every change in table 三 and reports the detection rate", () => {
    const detected = outcomes.filter((o) => o.findings.some((f) => f.severity === "error")).length;
    const t3 = outcomes.filter((o) => o.m.key.table === "T3");
    const t3Fixed = t3.filter((o) => o.problems.some((p) => p.fix !== undefined)).length;
    const t4 = outcomes.filter((o) => o.m.key.table === "T4");
    const t4Fixed = t4.filter((o) => o.problems.some((p) => p.fix !== undefined)).length;
    const covered = new Set(
      buildRules({
        t3Version: "2021",
        hasT2: true,
        hasT4: true,
        hasLastYear: true,
        hasNarrative: false,
      }).flatMap((r) => ruleCells(r).map(cellId)),
    );
    const uncovered = dataCells(tableDef("T2"))
      .filter((d) => !covered.has(cellId(d)))
      .map((d) => cellId(d));
    process.stdout.write(
      [
        `seed mutations: ${detected}/${outcomes.length} detected (${((100 * detected) / outcomes.length).toFixed(1)}%)`,
        `  table 三: unique single-cell fix for ${t3Fixed}/${t3.length}`,
        `  table 四: unique single-cell fix for ${t4Fixed}/${t4.length} (a group total can be balanced by several cells; listed plainly)`,
        `  cells no arithmetic rule covers (table 二, checked only by R5/R6/R7 and, with last year's figures, X2): ${uncovered.length}: ${uncovered.join(", ")}`,
        "",
      ].join("\n"),
    );
    expect(detected).toBe(outcomes.length);
    expect(t3Fixed).toBe(t3.length);
  });
});
