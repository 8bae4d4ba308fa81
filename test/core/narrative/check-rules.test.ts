/**
 * Rules N1–N4 on hand-written sentences: which findings, with which numbers and cells, and which
 * sentences must give none (a false alarm is worse than a miss).
 */
import { figureSet } from "../../../src/core/model/figure-set";
import { checkNarrative } from "../../../src/core/narrative/check";
import { buildTable, caseTables, loadCases, seedTables } from "../../helpers/build";

const seed = figureSet(seedTables());
const codes = (text: string, options: Parameters<typeof checkNarrative>[1] = {}): string[] =>
  checkNarrative(text, options).map((f) => `${f.rule} ${f.code}`);

describe("N1 breakdowns", () => {
  test("parts that add up give nothing", () => {
    expect(
      codes("全年主动公开信息63条，其中组织机构类信息16条，动态类信息36条，其他信息11条。"),
    ).toEqual([]);
  });

  test("parts that do not add up give the total, the sum and the difference", () => {
    const [finding] = checkNarrative(
      "收到政府信息公开申请10件，其中自然人申请7件，法人或其他组织申请2件。",
    );
    expect(finding).toMatchObject({
      rule: "N1",
      code: "breakdown-sum-mismatch",
      severity: "error",
      reported: 10,
      computed: 9,
      difference: 1,
      params: { total: 10, parts: 2, unit: "件" },
    });
  });

  test("a list that is not exhaustive is not summed", () => {
    expect(codes("主动公开信息37条，其中政策文件10条、动态信息20条等。")).toEqual([]);
  });

  test("a part larger than a non-exhaustive total is still wrong", () => {
    expect(codes("主动公开信息37条，其中政策文件10条、动态信息40条等。")).toEqual([
      "N1 part-exceeds-total",
    ]);
  });

  test("a reason list under 不予公开 that falls short may be partial: nothing", () => {
    expect(
      checkNarrative(
        "收到政府信息公开申请5件，不予公开3件，其中属于国家秘密1件，保护第三方合法权益1件。",
      ),
    ).toEqual([]);
  });

  test("reasons under 不予公开 that add up to more are an error: the rows are disjoint", () => {
    const [finding, ...rest] = checkNarrative(
      "收到政府信息公开申请5件，不予公开3件，其中属于国家秘密2件，保护第三方合法权益2件。",
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: "N1",
      code: "breakdown-sum-mismatch",
      severity: "error",
      reported: 3,
      computed: 4,
    });
  });
});

describe("N2 the 依申请 balance", () => {
  test("new + carried over = concluded + carried forward gives nothing", () => {
    expect(codes("收到政府信息公开申请10件，上年结转1件，办结9件，结转下年度2件。")).toEqual([]);
  });

  test("a broken balance gives both sides and the four figures", () => {
    const [finding] = checkNarrative(
      "收到政府信息公开申请10件，上年结转1件，办结10件，结转下年度2件。",
    );
    expect(finding).toMatchObject({
      rule: "N2",
      code: "narrative-balance-mismatch",
      reported: 11,
      computed: 12,
      difference: -1,
      params: { new: 10, carriedOver: 1, concluded: 10, carriedForward: 2 },
    });
  });

  test("the balance is not checked when one of the four is not stated", () => {
    expect(
      codes("共收到信息公开申请7件,上年度结转1件;予以公开3件,无法提供4件,结转下年继续办理1件。"),
    ).toEqual([]);
  });

  test("two outcomes listed with 其中 under 办结 that fall short are an N2 warning", () => {
    const [finding, ...rest] = checkNarrative(
      "收到政府信息公开申请10件。办结10件，其中予以公开5件、部分公开3件。",
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: "N2",
      code: "narrative-outcomes-mismatch",
      severity: "warning",
      reported: 10,
      computed: 8,
      params: { concluded: 10, outcomes: 8, listed: 2 },
    });
  });

  test("outcomes under 办结 that the text calls complete (分别为) and fall short are an error", () => {
    expect(
      checkNarrative("收到政府信息公开申请10件。办结10件，分别为予以公开5件、部分公开3件。"),
    ).toMatchObject([{ rule: "N2", code: "narrative-outcomes-mismatch", severity: "error" }]);
  });

  test("outcomes named loosely that fall short of 办结 may be incomplete: nothing", () => {
    expect(codes("收到政府信息公开申请10件，办结10件，予以公开5件。")).toEqual([]);
  });

  test("outcomes that exceed 办结 are always wrong", () => {
    expect(codes("收到政府信息公开申请10件，办结10件，予以公开6件，无法提供5件。")).toEqual([
      "N2 narrative-outcomes-mismatch",
    ]);
  });

  test("a group and its reasons are not counted twice", () => {
    expect(
      codes(
        "收到政府信息公开申请3件，办结3件，其中予以公开1件、不予公开2件(其中属于国家秘密1件、保护第三方合法权益1件)。",
      ),
    ).toEqual([]);
  });

  test("a figure the table contradicts is reported by N3 alone, not again by N2", () => {
    const text = "收到政府信息公开申请8件，上年结转0件，办结9件，结转下年度0件。";
    expect(codes(text)).toEqual(["N2 narrative-balance-mismatch"]);
    expect(codes(text, { figures: seed, year: 2024 })).toEqual(["N3 narrative-table-mismatch"]);
  });
});

describe("N3 figures against the tables", () => {
  test("a group figure is the sum of its leaf rows", () => {
    const [finding] = checkNarrative("收到政府信息公开申请9件，不予公开2件。", { figures: seed });
    expect(finding).toMatchObject({ rule: "N3", reported: 2, computed: 1 });
    expect(finding?.cells.map((c) => c.row)).toEqual([
      "三(三)1",
      "三(三)2",
      "三(三)3",
      "三(三)4",
      "三(三)5",
      "三(三)6",
      "三(三)7",
      "三(三)8",
    ]);
    expect(finding?.cells.every((c) => c.table === "T3" && c.column === "总计")).toBe(true);
  });

  test("行政诉讼 is 直诉 总计 + 复诉 总计", () => {
    const [finding] = checkNarrative("本年度被提起行政诉讼1件。", { figures: seed });
    expect(finding).toMatchObject({ rule: "N3", table: "T4", reported: 1, computed: 0 });
    expect(finding?.cells).toEqual([
      { table: "T4", row: "直诉", column: "总计" },
      { table: "T4", row: "复诉", column: "总计" },
    ]);
  });

  test("applicant figures are the columns of row 一", () => {
    const findings = checkNarrative(
      "收到政府信息公开申请9件，其中自然人申请8件，法人或其他组织申请1件。",
      { figures: seed },
    );
    expect(findings.map((f) => [f.params["quantity"], f.reported, f.computed])).toEqual([
      ["applicant:自然人", 8, 9],
      ["applicant:法人或其他组织", 1, 0],
    ]);
    expect(findings[1]?.cells.map((c) => c.column)).toEqual([
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "其他",
    ]);
  });

  test("table 二 figures are compared with their cells", () => {
    const tianmen = figureSet(
      caseTables(loadCases().find((c) => c.case_id === "tianmen-szfbgs-2025")!),
    );
    expect(codes("共制发行政规范性文件6个,废止行政规范性文件6个。", { figures: tianmen })).toEqual(
      [],
    );
    const [finding] = checkNarrative("共制发行政规范性文件7个。", { figures: tianmen });
    expect(finding).toMatchObject({
      rule: "N3",
      table: "T2",
      cells: [{ table: "T2", row: "行政规范性文件", column: "制发" }],
      reported: 7,
      computed: 6,
    });
  });

  test("an amount in 元 is compared in 万元", () => {
    const figures = figureSet([buildTable("T2", { 行政事业性收费: [0.5] })]);
    expect(codes("收取行政事业性收费5000元。", { figures })).toEqual([]);
    const [finding] = checkNarrative("收取行政事业性收费6000元。", { figures });
    expect(finding).toMatchObject({ reported: 0.6, computed: 0.5, params: { unit: "元" } });
  });

  test("a cell that is not visible means no finding", () => {
    const figures = figureSet([buildTable("T3", { 一: [9, 0, 0, 0, 0, 0, "n/v"] })]);
    expect(codes("收到政府信息公开申请8件。", { figures })).toEqual([]);
  });

  test("a group with one leaf not visible means no finding", () => {
    const baotou = figureSet(
      caseTables(loadCases().find((c) => c.case_id === "baotou-jiuyuan-zwfwj-2022")!),
    );
    expect(codes("收到政府信息公开申请1件，不予公开5件。", { figures: baotou })).toEqual([]);
  });

  test("a figure about another year is not compared", () => {
    expect(codes("2023年收到政府信息公开申请12件。", { figures: seed, year: 2024 })).toEqual([]);
  });

  test("a 2019 trial table 二 is not compared with 2021 phrases", () => {
    const fengshou = figureSet(caseTables(loadCases().find((c) => c.case_id === "fengshou-2022")!));
    expect(codes("制发规范性文件3件。", { figures: fengshou })).toEqual([]);
  });

  test("主动公开 totals and 信息处理费 map to no cell", () => {
    expect(codes("全年主动公开信息500条。收取信息处理费200元。", { figures: seed })).toEqual([]);
  });
});

describe("N4 one quantity, two values", () => {
  const twice = "收到政府信息公开申请9件。依申请公开方面，全年共收到政府信息公开申请8件。";

  test("without tables the two values are reported together", () => {
    const [finding] = checkNarrative(twice);
    expect(finding).toMatchObject({
      rule: "N4",
      code: "same-quantity-differs",
      severity: "error",
      params: { quantity: "applications-new", first: 9, second: 8 },
    });
    expect(finding?.spans).toHaveLength(2);
  });

  test("with tables only the figure the table contradicts is reported", () => {
    expect(codes(twice, { figures: seed })).toEqual(["N3 narrative-table-mismatch"]);
  });

  test("a zero statement and a figure for the same quantity differ", () => {
    expect(codes("未收到任何政府信息公开申请。共收到政府信息公开申请3件。")).toEqual([
      "N4 same-quantity-differs",
    ]);
  });

  test("one amount stated in 元 and in 万元 is the same value", () => {
    expect(codes("收取行政事业性收费5000元。全年行政事业性收费0.5万元。")).toEqual([]);
    expect(codes("收取行政事业性收费5000元。全年行政事业性收费0.6万元。")).toEqual([
      "N4 same-quantity-differs",
    ]);
  });

  test("the same value stated twice is fine", () => {
    expect(codes("受理政府信息公开申请54件。新收政府信息公开申请54件。")).toEqual([]);
  });

  test("figures of other years are not the same quantity", () => {
    expect(
      codes("2023年收到政府信息公开申请12件。2024年收到政府信息公开申请9件。", { year: 2024 }),
    ).toEqual([]);
  });
});

describe("N4 percentages", () => {
  test("a share of a breakdown total that is off gives a warning with the exact share", () => {
    const [finding] = checkNarrative(
      "全年主动公开信息200条，其中政策文件50条，占25%，工作动态150条，占比70%。",
    );
    expect(finding).toMatchObject({
      rule: "N4",
      code: "percentage-mismatch",
      severity: "warning",
      reported: 70,
      computed: 75,
      params: { part: 150, whole: 200, decimals: 0 },
    });
  });

  test("a share is accepted within one unit of its last written digit", () => {
    const text = (p: string) => `主动公开信息300条，其中政策文件100条(占${p})，工作动态200条。`;
    expect(codes(text("33.3%"))).toEqual([]);
    expect(codes(text("33%"))).toEqual([]);
    expect(codes(text("33.4%"))).toEqual([]);
    expect(codes(text("33.5%"))).toEqual(["N4 percentage-mismatch"]);
  });

  test("a share of a named whole uses that figure", () => {
    const text = (p: string) =>
      `收到政府信息公开申请10件，办结10件，其中予以公开4件，占办结总数的${p}。`;
    expect(codes(text("40%"))).toEqual([]);
    expect(codes(text("50%"))).toEqual(["N4 percentage-mismatch"]);
  });

  test("rates and growth percentages are not shares", () => {
    expect(codes("收到政府信息公开申请10件，办结8件，办结率100%，同比增长20.31%。")).toEqual([]);
    expect(codes("全年共收到申请9件，依法依规答复率100%，按时办结率100%。")).toEqual([]);
  });
});

describe("what is never flagged", () => {
  test("vocabulary misuse (不掌握…而不予公开) is not a rule and makes no claim", () => {
    expect(
      codes("收到政府信息公开申请9件，因不掌握相关信息而不予公开2件。", { figures: seed }),
    ).toEqual([]);
  });

  test("12345 hotline, 人大代表建议 and 微信公众号 figures are other subjects", () => {
    const text =
      "受理承办12345政务服务便民热线诉求共计22050件,已办结22050件。收到人大代表建议15件。通过微信公众号发布信息1088条。";
    expect(codes(text, { figures: seed, year: 2024 })).toEqual([]);
  });

  test("a county-wide figure in an office's report is not the office's table", () => {
    expect(codes("全县共收到政府信息公开申请120件。", { figures: seed })).toEqual([]);
  });

  test("empty and table-only texts give nothing", () => {
    expect(checkNarrative("")).toEqual([]);
    expect(checkNarrative("\n\t0\n\t9\n\t0\n", { figures: seed, year: 2024 })).toEqual([]);
  });
});
