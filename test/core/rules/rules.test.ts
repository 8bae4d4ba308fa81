import { formatFinding } from "../../../src/core/locales/messages";
import { cellId, type CellKey } from "../../../src/core/model/tables";
import { seedTables, buildTable } from "../../helpers/build";
import { withCell } from "../../helpers/mutate";
import { runRules } from "../../helpers/run-rules";

const seed = seedTables();
const t3 = (row: string, column: string): CellKey => ({ table: "T3", row, column });
const t2 = (row: string, column: string): CellKey => ({ table: "T2", row, column });

function codes(findings: { rule: string; code: string }[]): string[] {
  return findings.map((f) => `${f.rule}:${f.code}`).sort();
}

describe("R1 (per-column balance of table 三)", () => {
  it("reports both sides and the difference when 四 is too large", () => {
    const { findings } = runRules(withCell(seed, t3("四", "自然人"), 2));
    const r1 = findings.find((f) => f.rule === "R1")!;
    expect(r1).toMatchObject({
      reported: 9,
      computed: 11,
      difference: -2,
      params: { column: "自然人" },
    });
    expect(r1.cells.map(cellId)).toEqual([
      "T3/一/自然人",
      "T3/二/自然人",
      "T3/三(七)/自然人",
      "T3/四/自然人",
    ]);
  });

  it("checks every one of the seven columns, not only 总计", () => {
    const tables = withCell(withCell(seed, t3("一", "其他"), 1), t3("一", "总计"), 10);
    const { findings } = runRules(tables);
    expect(
      findings
        .filter((f) => f.rule === "R1")
        .map((f) => f.params["column"])
        .sort(),
    ).toEqual(["其他", "总计"]);
  });
});

describe("R2 (row totals of table 三)", () => {
  it("says what a blank 总计 must hold when the applicant columns hold a value", () => {
    const { findings, problems } = runRules(withCell(seed, t3("一", "总计"), null));
    expect(codes(findings)).toEqual(["R1:balance-mismatch", "R2:row-total-mismatch", "R6:blank"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.fix).toMatchObject({ value: 9, cell: { row: "一", column: "总计" } });
    // The sums are not reported: they would count the blank cell as 0.
    const r2 = findings.find((f) => f.rule === "R2")!;
    expect(r2).toMatchObject({ computed: 9, params: { unknownRow: "一", unknownColumn: "总计" } });
    expect(r2.reported).toBeUndefined();
    expect(formatFinding(r2)).toContain("应为 9");
  });

  it("reports a row whose total and organisation columns are blank while 自然人 holds a value", () => {
    let tables = withCell(seed, t3("一", "总计"), null);
    for (const c of ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) {
      tables = withCell(tables, t3("一", c), null);
    }
    const r2 = runRules(tables).findings.find((f) => f.rule === "R2")!;
    expect(r2).toMatchObject({ reported: 0, computed: 9, params: { row: "一", blankCells: 6 } });
    expect(formatFinding(r2)).toContain("6 格空白，按 0 计");
  });

  it("says nothing more than R5 when a text cell holds exactly the number the rule needs", () => {
    const { findings } = runRules(withCell(seed, t3("一", "总计"), "9件"));
    expect(codes(findings)).toEqual(["R5:text"]);
  });

  it("treats a blank cell whose value would be 0 as R6 only", () => {
    const { findings } = runRules(withCell(seed, t3("二", "总计"), null));
    expect(codes(findings)).toEqual(["R6:blank"]);
  });
});

describe("R3 and R3a", () => {
  it("reports a leaf that makes the outcomes exceed （七）总计", () => {
    const { findings } = runRules(withCell(seed, t3("三(三)1", "商业企业"), 3));
    expect(codes(findings)).toEqual([
      "R2:row-total-mismatch",
      "R3:column-total-mismatch",
      "R3a:outcome-group-exceeds-total",
    ]);
    expect(findings.every((f) => f.fix?.value === 0)).toBe(true);
  });

  it("does not evaluate a rule whose row is missing", () => {
    const partial = buildTable("T3", { 一: [1, 0, 0, 0, 0, 0, 1], 二: [0, 0, 0, 0, 0, 0, 0] });
    expect(runRules([partial]).findings).toEqual([]);
  });
});

describe("R4 (table 四)", () => {
  it("lists a group total mismatch plainly when several cells could balance it", () => {
    const { problems } = runRules(withCell(seed, { table: "T4", row: "复议", column: "维持" }, 2));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.fix).toBeUndefined();
    expect(problems[0]!.findings[0]).toMatchObject({
      rule: "R4",
      reported: 2,
      computed: 3,
      difference: -1,
    });
  });
});

describe("R7 (规章 outside an agency's remit)", () => {
  const nileke = withCell(seed, t2("规章", "现行有效"), 6);

  it("warns a township that reports 规章", () => {
    const { findings } = runRules(nileke, { agencyLevel: "township" });
    expect(findings).toEqual([
      expect.objectContaining({ rule: "R7", severity: "warning", reported: 6 }),
    ]);
  });

  it("reads the 规章 row of a 2019 trial table too", () => {
    const old = buildTable("T2", { 规章: [0, 0, 3], 规范性文件: [0, 0, 0] }, "2019");
    const { findings } = runRules([old], { agencyLevel: "township", year: 2020 });
    expect(findings).toEqual([expect.objectContaining({ rule: "R7", reported: 3 })]);
  });

  it("says nothing when the agency level is unknown or may make 规章", () => {
    expect(runRules(nileke).findings).toEqual([]);
    expect(runRules(nileke, { agencyLevel: "city-gov" }).findings).toEqual([]);
  });
});

describe("R8 (2019 trial format)", () => {
  const old = buildTable("T2", { 规章: [0, 0, 0], 规范性文件: [0, 0, 0] }, "2019");

  it("is an error in a 2021 or later report", () => {
    expect(codes(runRules([old], { year: 2022 }).findings)).toEqual(["R8:format-2019"]);
  });

  it("is fine in a 2020 report", () => {
    expect(runRules([old], { year: 2020 }).findings).toEqual([]);
  });
});

describe("X1 and X2 (last year's report)", () => {
  const lastYear = [
    buildTable("T3", { 四: [1, 0, 0, 0, 0, 0, 1] }),
    buildTable("T2", { 行政规范性文件: [2, 0, 10] }),
  ];

  it("reports this year's 上年结转 that differs from last year's 结转下年度", () => {
    const { findings } = runRules(seed, { lastYear });
    const x1 = findings.filter((f) => f.rule === "X1");
    expect(x1.map((f) => f.params["column"]).sort()).toEqual(["总计", "自然人"]);
    expect(x1[0]).toMatchObject({ reported: 0, params: { lastYear: 1 } });
  });

  it("warns when 现行有效 does not follow from last year plus 制发 minus 废止", () => {
    const tables = withCell(
      withCell(seed, t2("行政规范性文件", "制发"), 3),
      t2("行政规范性文件", "现行有效"),
      12,
    );
    const x2 = runRules(tables, { lastYear }).findings.filter((f) => f.rule === "X2");
    expect(x2).toEqual([
      expect.objectContaining({ severity: "warning", reported: 12, computed: 13, difference: -1 }),
    ]);
  });
});

describe("R9 (structure)", () => {
  it("reports each structure issue the reader found", () => {
    const table = {
      ...buildTable("T2", { 规章: [0, 0, 0] }),
      structure: [
        { code: "label-variant" as const, found: "现行有效件", official: "现行有效件数" },
      ],
    };
    expect(runRules([table]).findings).toEqual([
      expect.objectContaining({
        rule: "R9",
        code: "label-variant",
        severity: "warning",
        params: { found: "现行有效件", official: "现行有效件数" },
      }),
    ]);
  });

  it("reports a table found twice", () => {
    const { findings } = runRules([...seed, buildTable("T4", {})]);
    expect(codes(findings)).toEqual(["R9:table-duplicated"]);
  });
});
