import { cellId } from "../../src/core/model/tables";
import type { FigureCell, LocatedTable } from "../../src/core/model/figures";
import { planTemplate } from "../../src/core/template/plan";
import { highlightSpecs, isOwnFormula } from "../../src/excel/highlight";

/** A located table 三 whose cells sit where the plan puts them, shifted down by `rows`. */
function locatedT3(rows: number): LocatedTable {
  const [plan] = planTemplate(["T3"], { row: rows });
  const cells = new Map<string, FigureCell>();
  for (const c of plan!.cells) {
    if (c.cell === undefined) continue;
    cells.set(cellId(c.cell), {
      ...c.cell,
      raw: 0,
      reading: { kind: "number", value: 0 },
      address: `表!${c.address}`,
    });
  }
  return { table: "T3", version: "2021", sheet: "表", cells, structure: [] };
}

describe("highlight formulas", () => {
  it("fix a rule's cells with absolute references, so every cell of the range tests the same rule", () => {
    const r2 = highlightSpecs([locatedT3(0)]).find((s) => s.rule === "R2")!;
    expect(r2.range).toBe("D5:J5");
    expect(r2.formula).toBe(
      '=N("xxgk:R2")+ABS(SUM($J$5)-SUM($D$5,$E$5,$F$5,$G$5,$H$5,$I$5))>0.000001',
    );
  });

  it("keep per-cell rules relative to their range's top-left cell", () => {
    const r6 = highlightSpecs([locatedT3(0)]).filter((s) => s.rule === "R6");
    expect(r6).toEqual([
      expect.objectContaining({
        range: "D5:J29",
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matcher
        formula: expect.stringMatching(
          /^=N\("xxgk:R6"\)\+IF\(ISERROR\(D5\),0,OR\(LEN\(TRIM\(SUBSTITUTE\(/u,
        ),
      }),
    ]);
  });

  it("follow the table to where it really is", () => {
    const r1 = highlightSpecs([locatedT3(10)]).find((s) => s.rule === "R1")!;
    expect(r1.formula).toBe('=N("xxgk:R1")+ABS(SUM($D$15,$D$16)-SUM($D$38,$D$39))>0.000001');
  });

  it("leave out a rule whose cells the table lacks", () => {
    const table = locatedT3(0);
    const cells = new Map(table.cells);
    cells.delete(cellId({ table: "T3", row: "四", column: "自然人" }));
    const specs = highlightSpecs([{ ...table, cells }]);
    expect(specs.some((s) => s.rule === "R1" && s.formula.includes("$D$29"))).toBe(false);
    expect(specs.some((s) => s.rule === "R1")).toBe(true);
  });

  it("recognise only formulas with the marker", () => {
    expect(isOwnFormula('=N("xxgk:R2")+1>0')).toBe(true);
    expect(isOwnFormula('= n( "XXGK:R5" ) + 1')).toBe(true);
    expect(isOwnFormula("=A1>3")).toBe(false);
  });
});
