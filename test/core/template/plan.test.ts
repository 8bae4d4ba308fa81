import { planTemplate, tableRangeName } from "../../../src/core/template/plan";

describe("the template plan", () => {
  const [t2, t3, t4] = planTemplate(["T2", "T3", "T4"]);

  it("stacks the tables with a stamp row and a gap, starting at A1", () => {
    expect(t2!.range).toBe("A1:D16");
    expect(t3!.range.startsWith("A19:")).toBe(true);
    expect(t4!.name).toBe(tableRangeName("T4"));
  });

  it("writes table 三's totals as formulas taken from rules R2 and R3", () => {
    const total = t3!.cells.find((c) => c.cell?.row === "一" && c.cell.column === "总计")!;
    expect(total.formula).toBe("=SUM(D23,E23,F23,G23,H23,I23)");
    const seventh = t3!.cells.find((c) => c.cell?.row === "三(七)" && c.cell.column === "自然人")!;
    expect(seventh.formula).toMatch(/^=SUM\(D25,D26,D27,.*D45\)$/u);
    // 总计 of （七）: the row rule R2 comes first in the catalogue.
    const corner = t3!.cells.find((c) => c.cell?.row === "三(七)" && c.cell.column === "总计")!;
    expect(corner.formula).toBe("=SUM(D46,E46,F46,G46,H46,I46)");
  });

  it("leaves totals as input cells when asked", () => {
    const [plain] = planTemplate(["T4"], { totalsAsFormulas: false });
    expect(plain!.cells.filter((c) => c.formula !== undefined)).toEqual([]);
    expect(plain!.cells.filter((c) => c.role === "input")).toHaveLength(15);
  });

  it("merges table 三's corner note over three rows and three columns", () => {
    expect(t3!.merges.map((m) => m.range)).toContain("A20:C22");
  });

  it("derives one highlight per arithmetic rule instance, marked as the add-in's", () => {
    const r2 = t3!.highlights.filter((h) => h.rule === "R2");
    expect(r2).toHaveLength(25);
    expect(r2.every((h) => h.formula.startsWith('=N("xxgk:R2")+'))).toBe(true);
    expect(t4!.highlights.filter((h) => h.rule === "R4")).toHaveLength(3);
  });

  it("validates counts as whole numbers and fees as decimals", () => {
    expect(t2!.validations.map((v) => v.kind)).toEqual(["whole", "decimal"]);
    expect(t3!.validations).toHaveLength(1);
  });

  it("places tables at a chosen cell", () => {
    const [shifted] = planTemplate(["T4"], { row: 4, column: 2 });
    expect(shifted!.range).toBe("C5:Q10");
  });
});
