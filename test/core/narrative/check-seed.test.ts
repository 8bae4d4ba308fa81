/**
 * The seed report (曲阜市时庄街道 2024), complete and consistent: its full text gives no finding
 * against its tables, and changing one number in a sentence gives exactly the finding that number
 * calls for, with the cell and the reported and computed values.
 */
import { figureSet } from "../../../src/core/model/figure-set";
import { checkNarrative } from "../../../src/core/narrative/check";
import { extractClaims } from "../../../src/core/narrative/claims";
import { seedTables, seedText } from "../../helpers/build";

const figures = figureSet(seedTables());
const text = seedText();
const check = (t: string, year = 2024) => checkNarrative(t, { figures, year });

/** The seed text with one passage replaced; the passage must occur exactly once. */
function mutate(from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not exactly once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe("the seed report's full text", () => {
  test("gives no finding against its own tables", () => {
    expect(check(text)).toEqual([]);
  });

  test("claims 9 new applications, 37 items disclosed and no processing fee", () => {
    const claims = extractClaims(text).map((c) => [c.quantity, c.value, c.unit ?? null]);
    expect(claims).toEqual([
      ["active-disclosure-total", 37, "条"],
      ["applications-new", 9, "条"],
      ["processing-fee", 0, null],
    ]);
  });

  test("does not read table cells, phone numbers, post codes or 第二十条 as figures", () => {
    const values = extractClaims(text).map((c) => c.value);
    expect(values).not.toContain(273100);
    expect(values).not.toContain(20);
  });

  test("checked for another year gives only the period finding", () => {
    expect(check(text, 2025).map((f) => `${f.rule} ${f.code}`)).toEqual(["P1 period-wrong"]);
  });
});

describe("one number changed in a seed sentence", () => {
  test("共收到9条 → 8条 contradicts T3 一 总计", () => {
    const findings = check(mutate("共收到9条", "共收到8条"));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "N3",
      code: "narrative-table-mismatch",
      severity: "error",
      table: "T3",
      cells: [{ table: "T3", row: "一", column: "总计" }],
      reported: 8,
      computed: 9,
      difference: -1,
      params: { quantity: "applications-new", unit: "条", form: "figure" },
    });
    expect(findings[0]?.spans?.[0]?.text).toContain("共收到8条要求公开政府信息的申请");
  });

  test("共收到9条 written as 共收到九条 still agrees with the table", () => {
    expect(check(mutate("共收到9条", "共收到九条"))).toEqual([]);
  });

  test("a zero statement in place of the 9 applications contradicts the table", () => {
    const findings = check(
      mutate("我街道共收到9条要求公开政府信息的申请", "我街道未收到任何政府信息公开申请"),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "N3",
      reported: 0,
      computed: 9,
      params: { quantity: "applications-new", form: "zero-statement" },
    });
  });

  test("a total of 38 over an open 其中 list of 37 is nothing: 其中 lists highlights", () => {
    expect(check(mutate("全年共主动公开信息37条", "全年共主动公开信息38条"))).toEqual([]);
  });

  test("a total of 36 under an open 其中 list of 37 is a warning: channels may overlap", () => {
    const findings = check(mutate("全年共主动公开信息37条", "全年共主动公开信息36条"));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "N1",
      code: "open-list-exceeds-total",
      severity: "warning",
      reported: 36,
      computed: 37,
      params: { total: 36, parts: 6 },
    });
  });

  test("a part of 40 under a total of 37 is reported once, as a part exceeding the total", () => {
    const findings = check(mutate("关爱民生10件", "关爱民生40件"));
    expect(findings.map((f) => `${f.rule} ${f.code}`)).toEqual(["N1 part-exceeds-total"]);
    expect(findings[0]).toMatchObject({ reported: 37, computed: 40 });
  });

  test("a period ending on 12月30日 is wrong", () => {
    const findings = check(mutate("至2024年12月31日止", "至2024年12月30日止"));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "P1",
      code: "period-wrong",
      params: { start: "2024-01-01", end: "2024-12-30", year: 2024 },
    });
  });

  test("an added 行政复议 figure of 1 contradicts the 2 in table 四", () => {
    const findings = check(
      mutate("依法依规答复率100%。", "依法依规答复率100%。本年度被申请行政复议1件。"),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "N3",
      table: "T4",
      cells: [{ table: "T4", row: "复议", column: "总计" }],
      reported: 1,
      computed: 2,
    });
  });

  test("an added 未发生行政复议、行政诉讼 points at the non-zero cells of table 四", () => {
    const findings = check(
      mutate("依法依规答复率100%。", "依法依规答复率100%。本年度未发生行政复议、行政诉讼。"),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "N3", reported: 0, computed: 2 });
    expect(findings[0]?.cells.map((c) => `${c.row}/${c.column}`)).toEqual([
      "复议/维持",
      "复议/纠正",
      "复议/总计",
    ]);
  });

  test("an answer rate of 90% is not checked (who is counted in a 答复率 is not stated)", () => {
    expect(check(mutate("依法依规答复率100%", "依法依规答复率90%"))).toEqual([]);
  });

  test("人大代表建议 figures are about another subject and never checked", () => {
    const changed = mutate("未收到需要承办的人大代表建议和政协委员提案", "收到人大代表建议3件");
    expect(check(changed)).toEqual([]);
  });
});
