import { figureSet } from "../../../src/core/model/figure-set";
import { T3_APPLICANTS } from "../../../src/core/model/tables";
import {
  ORGANISATION_COLUMNS,
  REASON_WORDING,
  deriveFacts,
  listFacts,
} from "../../../src/core/narrative/facts";
import { buildTable, seedTables, type CaseValue } from "../../helpers/build";
import {
  consistentT3Rows,
  figuresOf,
  natural,
  t2Rows,
  t4Rows,
  withCell,
  zeroFigures,
} from "./generate-fixtures";

describe("deriveFacts", () => {
  it("reads the seed report's application figures", () => {
    const facts = deriveFacts(figureSet(seedTables()));
    const a = facts.applications;
    expect([
      a.received.value,
      a.carriedOver.value,
      a.concluded.value,
      a.carriedForward.value,
    ]).toEqual([9, 0, 9, 0]);
    expect(a.outcomes.map((o) => [o.group, o.total.value])).toEqual([
      ["三(一)", 1],
      ["三(二)", 1],
      ["三(三)", 1],
      ["三(四)", 6],
      ["三(五)", 0],
      ["三(六)", 0],
    ]);
  });

  it("keeps only the non-zero sub-reasons, each with its official short wording", () => {
    const facts = deriveFacts(figureSet(seedTables()));
    const reasons = facts.applications.outcomes.flatMap((o) =>
      o.reasons.map((r) => [r.row, r.wording, r.value]),
    );
    expect(reasons).toEqual([
      ["三(三)4", "保护第三方合法权益", 1],
      ["三(四)1", "本机关不掌握相关政府信息", 6],
    ]);
  });

  it("gives the seed's table 四 review total and results, and a zero litigation total", () => {
    const facts = deriveFacts(figureSet(seedTables()));
    expect(facts.review.total.value).toBe(2);
    expect(facts.review.results.维持.value).toBe(1);
    expect(facts.review.results.纠正.value).toBe(1);
    expect(facts.litigation.total.value).toBe(0);
  });

  it("sums the five organisation columns into 法人或其他组织 and lists the non-zero types", () => {
    const rows = consistentT3Rows({ leaves: { "三(一)": [4, 2, 0, 1, 3, 0] } });
    const facts = deriveFacts(figuresOf({ T3: rows }));
    expect(facts.applicants.natural.value).toBe(4);
    expect(facts.applicants.organisations.value).toBe(6);
    expect(facts.applicants.organisations.cells).toHaveLength(5);
    expect(facts.applicants.organisationTypes.map((t) => [t.column, t.value])).toEqual([
      ["商业企业", 2],
      ["社会公益组织", 1],
      ["法律服务机构", 3],
    ]);
  });

  it("sums 未经复议直接起诉 and 复议后起诉 into 行政诉讼, result by result", () => {
    const facts = deriveFacts(
      figuresOf({ T4: t4Rows({ 直诉: [1, 0, 0, 1], 复诉: [2, 1, 0, 0] }) }),
    );
    expect(facts.litigation.total.value).toBe(5);
    expect(facts.litigation.direct.value).toBe(2);
    expect(facts.litigation.afterReview.value).toBe(3);
    expect(facts.litigation.results.维持.value).toBe(3);
    expect(facts.litigation.results.纠正.value).toBe(1);
    expect(facts.litigation.results.未结.value).toBe(1);
  });

  it("makes a group unknown, never 0, when one of its leaf cells is blank", () => {
    const rows = withCell(
      consistentT3Rows({ leaves: { "三(三)4": natural(1) } }),
      "三(三)2",
      6,
      null,
    );
    const group = deriveFacts(figuresOf({ T3: rows })).applications.outcomes[2]!;
    expect(group.total.value).toBe("unknown");
    expect(group.total.unreadable).toEqual([{ table: "T3", row: "三(三)2", column: "总计" }]);
  });

  it("makes a fact unknown when its cell holds text, even text that suggests a number", () => {
    const facts = deriveFacts(figuresOf({ T2: t2Rows({ 行政许可: "无", 行政处罚: "5件" }) }));
    expect(facts.decisions.行政许可.value).toBe("unknown");
    expect(facts.decisions.行政处罚.value).toBe("unknown");
    expect(facts.decisions.行政强制.value).toBe(0);
  });

  it("makes a fact unknown when its number cannot stand in the cell (a negative count)", () => {
    const facts = deriveFacts(figuresOf({ T2: t2Rows({ 行政处罚: -3 }) }));
    expect(facts.decisions.行政处罚.value).toBe("unknown");
  });

  it("makes 法人或其他组织 unknown when one organisation column is blank", () => {
    const rows = withCell(consistentT3Rows({ leaves: { "三(一)": natural(2) } }), "一", 4, null);
    const facts = deriveFacts(figuresOf({ T3: rows }));
    expect(facts.applicants.natural.value).toBe(2);
    expect(facts.applicants.organisations.value).toBe("unknown");
  });

  it("makes every fact of an absent table unknown and marks the table absent", () => {
    const facts = deriveFacts(figuresOf({ T3: consistentT3Rows({}) }));
    expect(facts.present).toEqual({ T2: false, T3: true, T4: false });
    expect(facts.fee.value).toBe("unknown");
    expect(facts.review.total.value).toBe("unknown");
  });

  it("keeps the fee's decimals", () => {
    const facts = deriveFacts(figuresOf({ T2: t2Rows({ 收费: 18.871 }) }));
    expect(facts.fee.value).toBeCloseTo(18.871, 10);
  });

  it("reads （六）其他处理 from the single row of a 2019 trial table 三", () => {
    const rows = consistentT3Rows({ leaves: { "三(一)": natural(1) } });
    const trial: Record<string, CaseValue[]> = {};
    for (const [key, values] of Object.entries(rows))
      if (!key.startsWith("三(六)")) trial[key] = values;
    trial["三(六)"] = [0, 0, 0, 0, 0, 0, 0];
    const facts = deriveFacts(figureSet([buildTable("T3", trial, "2019")]));
    expect(facts.applications.outcomes[5]!.total.value).toBe(0);
  });

  it("gives every fact of all-zero tables the value 0", () => {
    const values = listFacts(deriveFacts(zeroFigures())).map((f) => f.value);
    expect(new Set(values)).toEqual(new Set([0]));
  });

  it("names the five organisation columns exactly as table 三 does", () => {
    expect(["自然人", ...ORGANISATION_COLUMNS]).toEqual(T3_APPLICANTS);
  });

  it("has a short wording for each of the 19 reason rows, with no numbering left", () => {
    expect(Object.keys(REASON_WORDING)).toHaveLength(19);
    for (const wording of Object.values(REASON_WORDING)) expect(wording).not.toMatch(/^\d|^（/u);
    expect(REASON_WORDING["三(六)1"]).toBe("申请人无正当理由逾期不补正");
  });

  it("gives every fact a distinct id", () => {
    const ids = listFacts(deriveFacts(figureSet(seedTables()))).map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
