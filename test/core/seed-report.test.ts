/**
 * The seed report (曲阜市时庄街道 2024), read from its text as a user would paste it: its tables,
 * its narrative, and the narrative we generate from its figures all agree.
 */
import { checkReport } from "../../src/core/check";
import { T3_COLUMNS } from "../../src/core/model/tables";
import { figureSet } from "../../src/core/model/figure-set";
import { numericValue } from "../../src/core/model/figures";
import { generateNarrative } from "../../src/core/narrative/generate";
import { readReportText } from "../../src/core/text/report-text";
import { loadCases, seedText } from "../helpers/build";

const seed = loadCases().find((c) => c.case_id === "seed-shizhuang-2024")!;
const report = readReportText(seedText());

describe("the seed report read from its text", () => {
  it("has tables 二, 三 and 四 in the 2021 format", () => {
    expect(report.tables.map((t) => `${t.table}:${t.version}`)).toEqual([
      "T2:2021",
      "T3:2021",
      "T4:2021",
    ]);
  });

  it("has every figure of table 三 at its place", () => {
    const t3 = report.tables.find((t) => t.table === "T3")!;
    expect(t3.cells.size).toBe(175);
    const columns = T3_COLUMNS.map((c) => c.key);
    for (const [row, values] of Object.entries(seed.table3!.rows)) {
      columns.forEach((column, i) => {
        expect([row, column, numericValue(t3.cells.get(`T3/${row}/${column}`)!.reading)]).toEqual([
          row,
          column,
          values[i],
        ]);
      });
    }
  });

  it("has table 四 as three groups of five", () => {
    const figures = figureSet(report.tables);
    expect(figures.value({ table: "T4", row: "复议", column: "维持" })).toBe(1);
    expect(figures.value({ table: "T4", row: "复议", column: "纠正" })).toBe(1);
    expect(figures.value({ table: "T4", row: "复议", column: "总计" })).toBe(2);
    expect(figures.value({ table: "T4", row: "复诉", column: "总计" })).toBe(0);
  });

  it("passes every rule, its own narrative included", () => {
    const result = checkReport({
      tables: report.tables,
      narrative: report.narrative,
      year: 2024,
      agency: "曲阜市时庄街道办事处",
    });
    expect(result.findings).toEqual([]);
    expect(result.rulesChecked).toBeGreaterThan(80);
  });

  it("passes every rule with the narrative generated from its figures", () => {
    const paragraphs = generateNarrative(figureSet(report.tables), { year: 2024, self: "我街道" });
    const narrative = paragraphs.map((p) => p.text).join("\n");
    expect(narrative).toContain("共收到政府信息公开申请9件");
    expect(checkReport({ tables: report.tables, narrative, year: 2024 }).findings).toEqual([]);
  });

  it("catches its narrative when the table changes under it", () => {
    const paragraphs = generateNarrative(figureSet(report.tables), { year: 2024, self: "我街道" });
    const narrative = paragraphs
      .map((p) => p.text)
      .join("\n")
      .replace("共收到政府信息公开申请9件", "共收到政府信息公开申请8件");
    const findings = checkReport({ tables: report.tables, narrative, year: 2024 }).findings;
    expect(findings.map((f) => `${f.rule}:${f.code}`)).toContain("N3:narrative-table-mismatch");
    const n3 = findings.find((f) => f.rule === "N3")!;
    expect(n3).toMatchObject({ reported: 8, computed: 9 });
  });

  it("reports a wrong statistics period", () => {
    const text = seedText().replace("至2024年12月31日止", "至2024年12月30日止");
    const r = readReportText(text);
    const findings = checkReport({ tables: r.tables, narrative: r.narrative, year: 2024 }).findings;
    expect(findings.map((f) => `${f.rule}:${f.code}`)).toEqual(["P1:period-wrong"]);
  });
});
