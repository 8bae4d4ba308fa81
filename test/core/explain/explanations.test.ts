import { checkReport } from "../../../src/core/check";
import {
  applyExplanations,
  explainFinding,
  explanationSuggestions,
  findingKey,
  isExplainable,
  statisticsNotes,
  type Explanation,
} from "../../../src/core/explain/explanations";
import { figureSet } from "../../../src/core/model/figure-set";
import type { LocatedTable } from "../../../src/core/model/figures";
import type { CellKey } from "../../../src/core/model/tables";
import { RULE_EXPLAINABLE, RULE_IDS, type Finding } from "../../../src/core/rules/finding";
import { readReportText } from "../../../src/core/text/report-text";
import { buildTable, seedTables, seedText } from "../../helpers/build";
import { withCell } from "../../helpers/mutate";
import { runRules } from "../../helpers/run-rules";

const seed = seedTables();
const t3 = (row: string, column: string): CellKey => ({ table: "T3", row, column });
const t2 = (row: string, column: string): CellKey => ({ table: "T2", row, column });
/** Last year's report carried 1 request over (this year's seed says 0), and had 10 documents in force. */
const lastYear = [
  buildTable("T3", { 四: [1, 0, 0, 0, 0, 0, 1] }),
  buildTable("T2", { 行政规范性文件: [2, 0, 10] }),
];

function x1Total(tables: LocatedTable[]): Finding {
  return runRules(tables, { lastYear }).findings.find(
    (f) => f.rule === "X1" && f.params["column"] === "总计",
  )!;
}

describe("which findings may be explained", () => {
  it("is said for every rule in the catalogue", () => {
    expect(Object.keys(RULE_EXPLAINABLE).sort()).toEqual([...RULE_IDS].sort());
  });

  it("never lets a sum or a valid number be explained, errors or warnings", () => {
    const r1 = runRules(withCell(seed, t3("四", "自然人"), 2)).findings.find(
      (f) => f.rule === "R1",
    )!;
    expect(isExplainable(r1)).toBe(false);
    const tooPrecise: Finding = {
      rule: "R5",
      code: "too-precise",
      severity: "warning",
      cells: [],
      params: {},
    };
    expect(isExplainable(tooPrecise)).toBe(false);
  });

  it("lets an X1 error and an R6 warning be explained, not an R9 error nor an info finding", () => {
    expect(isExplainable(x1Total(seed))).toBe(true);
    const slash = runRules(withCell(seed, t2("规章", "制发"), "/")).findings.find(
      (f) => f.rule === "R6",
    )!;
    expect(isExplainable(slash)).toBe(true);
    const base = { cells: [], params: {} };
    expect(isExplainable({ ...base, rule: "R9", code: "row-missing", severity: "error" })).toBe(
      false,
    );
    expect(
      isExplainable({ ...base, rule: "S1", code: "structure-not-judged", severity: "info" }),
    ).toBe(false);
  });
});

describe("an explanation applies while its cells hold their values", () => {
  const finding = x1Total(seed);
  const explanation = explainFinding(finding, figureSet(seed), "  上年数据已更正  ", "2025-01-10");

  it("keeps the rule, the cells with the values they showed, the reason and the date", () => {
    expect(explanation).toEqual({
      rule: "X1",
      code: "carry-over-mismatch",
      key: findingKey(finding),
      cells: [{ id: "T3/二/总计", value: "0" }],
      reason: "上年数据已更正",
      date: "2025-01-10",
    });
  });

  it("covers the same finding in a later check", () => {
    const again = runRules(seed, { lastYear }).findings;
    const applied = applyExplanations(again, [explanation], figureSet(seed));
    expect(applied.explained.map((e) => e.finding.params["column"])).toEqual(["总计"]);
    const open = applied.open.filter((f) => f.rule === "X1");
    expect(open.map((f) => `${f.rule}:${String(f.params["column"])}`)).toEqual(["X1:自然人"]);
    expect(applied.lapsed).toEqual([]);
  });

  it("lapses when a cell it named changes, the finding being open again", () => {
    const changed = withCell(seed, t3("二", "总计"), 3);
    const findings = runRules(changed, { lastYear }).findings;
    const applied = applyExplanations(findings, [explanation], figureSet(changed));
    expect(applied.explained).toEqual([]);
    expect(applied.lapsed.map((l) => l.explanation)).toEqual([explanation]);
    expect(applied.open).toContain(applied.lapsed[0]!.finding);
  });

  it("does not lapse when another cell changes", () => {
    const changed = withCell(seed, t2("规章", "制发"), 0);
    const findings = runRules(changed, { lastYear }).findings;
    expect(applyExplanations(findings, [explanation], figureSet(changed)).explained).toHaveLength(
      1,
    );
  });

  it("is unmatched once the finding is gone", () => {
    const fixed = withCell(withCell(seed, t3("二", "总计"), 1), t3("二", "自然人"), 1);
    const applied = applyExplanations([], [explanation], figureSet(fixed));
    expect(applied.unmatched).toEqual([explanation]);
  });

  it("is refused for a finding that may not be explained, which stays open", () => {
    const tables = withCell(seed, t3("四", "自然人"), 2);
    const r1 = runRules(tables).findings.find((f) => f.rule === "R1")!;
    const forged: Explanation = { ...explainFinding(r1, figureSet(tables), "不改", "2025-01-10") };
    const applied = applyExplanations([r1], [forged], figureSet(tables));
    expect(applied.open).toEqual([r1]);
    expect(applied.refused.map((r) => r.finding)).toEqual([r1]);
    expect(applied.explained).toEqual([]);
  });
});

describe("suggested reasons", () => {
  it("fill last year's and this year's 结转 into the X1 reason", () => {
    expect(explanationSuggestions(x1Total(seed), "zh-CN")).toEqual([
      "上年度报告中“结转下年度继续办理”为1件，经核实应为0件，本年度“上年结转”按0件填报。",
    ]);
    expect(explanationSuggestions(x1Total(seed), "en-US")[0]).toContain("carried 1 request");
  });

  it("name the column of an applicant's X1 finding", () => {
    const x1 = runRules(seed, { lastYear }).findings.find(
      (f) => f.rule === "X1" && f.params["column"] === "自然人",
    )!;
    expect(explanationSuggestions(x1)[0]).toContain("“自然人”列");
  });

  it("say nothing for a finding without a common reason", () => {
    const r1 = runRules(withCell(seed, t3("四", "自然人"), 2)).findings.find(
      (f) => f.rule === "R1",
    )!;
    expect(explanationSuggestions(r1)).toEqual([]);
  });
});

describe("六（五） from the explanations", () => {
  const tables = withCell(
    withCell(seed, t2("行政规范性文件", "制发"), 3),
    t2("行政规范性文件", "现行有效"),
    12,
  );
  const findings = runRules(tables, { lastYear }).findings;
  const x1 = findings.find((f) => f.rule === "X1" && f.params["column"] === "总计")!;
  const x2 = findings.find((f) => f.rule === "X2")!;
  const figures = figureSet(tables);
  const explained = [x1, x2].map((f) => ({
    finding: f,
    explanation: explainFinding(f, figures, explanationSuggestions(f)[0]!, "2025-01-10"),
  }));
  const notes = statisticsNotes(explained);

  it("writes each reason once, as a sentence", () => {
    expect(notes).toEqual([
      "上年度报告中“结转下年度继续办理”为1件，经核实应为0件，本年度“上年结转”按0件填报。",
      "表二“行政规范性文件”现行有效件数与上年现行有效件数加本年制发、减本年废止的结果相差1件，系文件有效期届满自然失效，未计入“废止”。",
    ]);
    expect(statisticsNotes([...explained, explained[0]!])).toEqual(notes);
    expect(statisticsNotes([])).toEqual([]);
  });

  it.each([
    [
      "in its 六（五） section",
      (text: string) => text.replace(/(需要说明的事项：\s*\n)无/u, `$1${notes.join("\n")}`),
    ],
    ["appended to the text", (text: string) => `${text}\n${notes.join("\n")}\n`],
  ])("gives the narrative checks nothing to say %s", (_where, place) => {
    const text = place(seedText());
    const report = readReportText(text);
    // The notes are read as narrative, so the checks below did look at them.
    for (const note of notes) expect(report.narrative).toContain(note);
    const result = checkReport({
      tables: report.tables,
      narrative: report.narrative,
      year: 2024,
      agency: "曲阜市时庄街道办事处",
    });
    expect(result.findings).toEqual([]);
  });

  it("gives the narrative checks nothing to say with every suggested reason in it", () => {
    const slash = runRules(withCell(tables, t2("规章", "制发"), "/"), { lastYear }).findings;
    const r6 = slash.find((f) => f.rule === "R6")!;
    const person = findings.find((f) => f.rule === "X1" && f.params["column"] === "自然人")!;
    const narrative: Finding = {
      rule: "N3",
      code: "narrative-table-mismatch",
      severity: "error",
      cells: [],
      params: {},
    };
    const remit: Finding = { ...narrative, rule: "R7", code: "rules-not-in-remit", table: "T2" };
    const all = [x1, person, x2, r6, narrative, remit].flatMap((f) =>
      explanationSuggestions(f).map((reason) => ({
        explanation: explainFinding(f, figures, reason, "2025-01-10"),
      })),
    );
    expect(all).toHaveLength(6);
    const text = seedText().replace(
      /(需要说明的事项：\s*\n)无/u,
      `$1${statisticsNotes(all).join("\n")}`,
    );
    const report = readReportText(text);
    const result = checkReport({
      tables: report.tables,
      narrative: report.narrative,
      year: 2024,
      agency: "曲阜市时庄街道办事处",
    });
    expect(result.findings).toEqual([]);
  });

  it("would be caught there if it contradicted the tables (the check above can fail)", () => {
    const text = seedText().replace(
      /(需要说明的事项：\s*\n)无/u,
      "$12024年，本街道共收到政府信息公开申请10件。",
    );
    const report = readReportText(text);
    const result = checkReport({
      tables: report.tables,
      narrative: report.narrative,
      year: 2024,
      agency: "曲阜市时庄街道办事处",
    });
    expect(result.findings.map((f) => f.rule)).toContain("N3");
  });

  it("speaks English for an English report", () => {
    const en = statisticsNotes(
      [x1].map((f) => ({
        explanation: explainFinding(
          f,
          figures,
          explanationSuggestions(f, "en-US")[0]!,
          "2025-01-10",
        ),
      })),
      "en-US",
    );
    expect(en[0]).toMatch(/^Last year's report carried 1 requests? .*\.$/u);
  });
});
