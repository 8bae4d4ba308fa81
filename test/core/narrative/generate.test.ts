import { figureSet } from "../../../src/core/model/figure-set";
import {
  generateNarrative,
  type NarrativeParagraph,
  type ParagraphId,
} from "../../../src/core/narrative/generate";
import { seedTables } from "../../helpers/build";
import {
  consistentT3Rows,
  figuresOf,
  natural,
  t2Rows,
  t4Rows,
  withCell,
  zeroFigures,
} from "./generate-fixtures";

const seed = () => figureSet(seedTables());

function textOf(paragraphs: readonly NarrativeParagraph[], id: ParagraphId): string {
  const found = paragraphs.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no paragraph ${id}`);
  return found.text;
}

/** The number stated right after a phrase, or undefined when the phrase carries no number. */
function stated(text: string, phrase: string): number | undefined {
  const match = new RegExp(`${phrase}(\\d+(?:\\.\\d+)?)(?:件|万元)`, "u").exec(text);
  return match === null ? undefined : Number(match[1]);
}

/** A "0件" or "0万元" standing alone (not the end of 10件). */
const ZERO_FIGURE = /(?<![\d.])0(?:件|万元)/u;

describe("generateNarrative for the seed report", () => {
  const zh = generateNarrative(seed(), { year: 2024, self: "我街道" });

  it("writes the three paragraphs in order", () => {
    expect(zh.map((p) => p.id)).toEqual(["applications", "active-disclosure", "review-litigation"]);
  });

  it("writes the 依申请公开 paragraph in the wording of published reports", () => {
    expect(textOf(zh, "applications")).toMatchInlineSnapshot(
      `"2024年，我街道共收到政府信息公开申请9件，无上年结转申请。本年度办结9件，其中予以公开1件、部分公开1件、不予公开1件（保护第三方合法权益1件）、无法提供6件（本机关不掌握相关政府信息6件），无结转下年度办理的申请。申请人均为自然人。"`,
    );
  });

  it("states each application figure of the seed next to its phrase", () => {
    const text = textOf(zh, "applications");
    expect(stated(text, "收到政府信息公开申请")).toBe(9);
    expect(stated(text, "办结")).toBe(9);
    expect(stated(text, "予以公开")).toBe(1);
    expect(stated(text, "部分公开")).toBe(1);
    expect(stated(text, "不予公开")).toBe(1);
    expect(stated(text, "无法提供")).toBe(6);
    expect(stated(text, "本机关不掌握相关政府信息")).toBe(6);
    expect(stated(text, "不予处理")).toBeUndefined();
    expect(stated(text, "上年结转")).toBeUndefined();
    expect(text).not.toMatch(ZERO_FIGURE);
  });

  it("says naturally that table 二 of the seed is all zero", () => {
    expect(textOf(zh, "active-disclosure")).toMatchInlineSnapshot(
      `"2024年，我街道未制发、废止行政规范性文件，无现行有效的行政规范性文件；未作出行政许可、行政处罚、行政强制决定；未收取行政事业性收费。"`,
    );
  });

  it("mentions the seed's two 行政复议 with their results", () => {
    const text = textOf(zh, "review-litigation");
    expect(text).toMatchInlineSnapshot(
      `"2024年，我街道发生政府信息公开行政复议2件，其中结果维持1件、结果纠正1件；未发生政府信息公开行政诉讼。"`,
    );
    expect(stated(text, "行政复议")).toBe(2);
    expect(stated(text, "结果维持")).toBe(1);
    expect(stated(text, "结果纠正")).toBe(1);
  });

  it("lists the facts each paragraph states", () => {
    const applications = zh.find((p) => p.id === "applications")!;
    expect(applications.facts).toEqual(
      expect.arrayContaining([
        "applications.received",
        "applications.concluded",
        "applications.outcome.三(三)",
        "applications.reason.三(三)4",
        "applicants.自然人",
      ]),
    );
    expect(applications.facts).not.toContain("applications.reason.三(三)1");
    expect(zh.find((p) => p.id === "review-litigation")!.facts).toEqual(
      expect.arrayContaining(["review.total", "review.维持", "litigation.total"]),
    );
  });

  it("renders the same facts in English, with plurals", () => {
    const en = generateNarrative(
      seed(),
      { year: 2024, self: "我街道", agency: "曲阜市时庄街道办事处" },
      "en-US",
    );
    expect(en.map((p) => p.text)).toMatchInlineSnapshot(`
[
  "In 2024, 曲阜市时庄街道办事处 received 9 requests for government information disclosure; no requests were carried over from the previous year. This year, 9 requests were concluded: 1 disclosed, 1 partially disclosed, 1 withheld (protection of third parties' lawful rights and interests: 1), 6 unavailable (information not held by this agency: 6); no requests were carried forward to the next year. All applicants were natural persons.",
  "In 2024, 曲阜市时庄街道办事处 issued or repealed no administrative normative documents, had no administrative normative documents in force; it made no administrative licensing, administrative penalty or administrative enforcement decisions; it collected no administrative fees.",
  "In 2024, 曲阜市时庄街道办事处 faced 2 administrative reconsiderations concerning government information disclosure (1 upheld, 1 corrected); it faced no administrative lawsuits concerning government information disclosure.",
]
`);
  });
});

describe("generateNarrative for all-zero tables", () => {
  const zh = generateNarrative(zeroFigures(), { year: 2023, self: "我镇" });

  it("says 未收到 and stops, without listing outcomes or applicants", () => {
    expect(textOf(zh, "applications")).toBe(
      "2023年，我镇未收到政府信息公开申请，无上年结转申请。本年度无办结的申请，无结转下年度办理的申请。",
    );
  });

  it("says 未发生行政复议、行政诉讼", () => {
    expect(textOf(zh, "review-litigation")).toBe(
      "2023年，我镇未发生政府信息公开行政复议、行政诉讼。",
    );
  });

  it("never writes a 0件 or 0万元", () => {
    for (const p of zh) expect(p.text).not.toMatch(ZERO_FIGURE);
  });

  it("never writes a bare 0 in English either", () => {
    for (const p of generateNarrative(zeroFigures(), {}, "en-US"))
      expect(p.text).not.toMatch(/\b0\b/u);
  });
});

describe("generateNarrative with unknown figures", () => {
  it("asks for 新收 when its 总计 cell is blank instead of stating a number", () => {
    const rows = withCell(consistentT3Rows({ leaves: { "三(一)": natural(3) } }), "一", 6, null);
    const text = textOf(generateNarrative(figuresOf({ T3: rows }), { year: 2024 }), "applications");
    expect(text).toContain("共收到政府信息公开申请【待填】件");
    expect(stated(text, "收到政府信息公开申请")).toBeUndefined();
    expect(text).not.toContain("未收到");
  });

  it("asks for a group whose leaf is blank, leaves out its reasons and drops 其中", () => {
    const rows = withCell(
      consistentT3Rows({ leaves: { "三(一)": natural(2), "三(三)4": natural(1) } }),
      "三(三)2",
      6,
      null,
    );
    const text = textOf(generateNarrative(figuresOf({ T3: rows }), {}), "applications");
    expect(text).toContain("不予公开【待填】件");
    expect(stated(text, "不予公开")).toBeUndefined();
    expect(text).not.toContain("保护第三方合法权益");
    expect(text).not.toContain("其中");
    expect(text).toContain("本年度办结3件；办理结果：予以公开2件、不予公开【待填】件");
  });

  it("asks for a table 二 figure whose cell holds text instead of calling it zero", () => {
    const text = textOf(
      generateNarrative(figuresOf({ T2: t2Rows({ 行政许可: "无", 行政处罚: 4 }) }), {}),
      "active-disclosure",
    );
    expect(text).toContain("作出行政许可决定【待填】件");
    expect(text).not.toContain("未作出行政许可");
    expect(stated(text, "行政处罚决定")).toBe(4);
  });

  it("asks for the fee when its cell is blank", () => {
    const text = textOf(
      generateNarrative(figuresOf({ T2: t2Rows({ 收费: null }) }), {}),
      "active-disclosure",
    );
    expect(text).toContain("收取行政事业性收费【待填】万元");
    expect(text).not.toContain("未收取");
  });

  it("leaves out 行政复议 results that are blank and keeps the stated total", () => {
    const rows = withCell(t4Rows({ 复议: [1, 1, 0, 0] }), "复议", 2, null);
    const text = textOf(generateNarrative(figuresOf({ T4: rows }), {}), "review-litigation");
    expect(stated(text, "行政复议")).toBe(2);
    expect(text).not.toContain("其中");
  });

  it("writes no paragraph for a table that is absent", () => {
    const paragraphs = generateNarrative(figuresOf({ T4: t4Rows({}) }), {});
    expect(paragraphs.map((p) => p.id)).toEqual(["review-litigation"]);
  });
});

describe("generateNarrative wording of figures", () => {
  it("lists the non-zero sub-reasons of a group with 其中 and omits the zero ones", () => {
    const rows = consistentT3Rows({
      leaves: { "三(三)1": natural(1), "三(三)4": natural(2), "三(五)2": natural(1) },
    });
    const text = textOf(generateNarrative(figuresOf({ T3: rows }), {}), "applications");
    expect(text).toContain("不予公开3件（其中属于国家秘密1件、保护第三方合法权益2件）");
    expect(text).toContain("不予处理1件（重复申请1件）");
    expect(text).not.toContain("其他法律行政法规禁止公开");
    expect(text).not.toContain("予以公开");
  });

  it("states 上年结转 and 结转下年度 when they are not zero", () => {
    const rows = consistentT3Rows({
      leaves: { "三(一)": natural(3) },
      carriedOver: natural(1),
      carriedForward: natural(2),
    });
    const text = textOf(generateNarrative(figuresOf({ T3: rows }), { year: 2022 }), "applications");
    expect(text).toBe(
      "2022年，本机关共收到政府信息公开申请4件，上年结转1件。本年度办结3件，其中予以公开3件；结转下年度2件。申请人均为自然人。",
    );
  });

  it("says 未收到 and states 上年结转 when only last year's applications were handled", () => {
    const rows = consistentT3Rows({ leaves: { "三(一)": natural(1) }, carriedOver: natural(1) });
    const text = textOf(generateNarrative(figuresOf({ T3: rows }), {}), "applications");
    expect(text).toContain("本机关未收到政府信息公开申请，上年结转1件。本年度办结1件");
  });

  it("states 法人或其他组织 as the sum of the organisation columns, with its types", () => {
    const rows = consistentT3Rows({ leaves: { "三(一)": [4, 2, 0, 0, 1, 0] } });
    const text = textOf(generateNarrative(figuresOf({ T3: rows }), {}), "applications");
    expect(text).toContain(
      "从申请主体看，自然人4件，法人或其他组织3件（其中商业企业2件、法律服务机构1件）。",
    );
  });

  it("names the only organisation type when every applicant was of it", () => {
    const rows = consistentT3Rows({ leaves: { "三(一)": [0, 3, 0, 0, 0, 0] } });
    const text = textOf(generateNarrative(figuresOf({ T3: rows }), {}), "applications");
    expect(text).toContain("申请人均为商业企业。");
  });

  it("writes no breakdown with 其中 when the outcomes do not sum to （七）总计", () => {
    const rows = withCell(consistentT3Rows({ leaves: { "三(一)": natural(3) } }), "三(七)", 6, 4);
    const text = textOf(generateNarrative(figuresOf({ T3: rows }), {}), "applications");
    expect(text).toContain("本年度办结4件；办理结果：予以公开3件");
    expect(text).not.toContain("其中");
  });

  it("keeps the fee's decimals without trailing zeros", () => {
    const fee = (value: number | string) =>
      textOf(
        generateNarrative(figuresOf({ T2: t2Rows({ 收费: value }) }), {}),
        "active-disclosure",
      );
    expect(fee(18.871)).toContain("收取行政事业性收费18.871万元");
    expect(fee("12.3400")).toContain("收取行政事业性收费12.34万元");
    expect(fee(0.0005)).toContain("收取行政事业性收费0.0005万元");
    expect(fee(3)).toContain("收取行政事业性收费3万元");
  });

  it("states 规章 only when a 规章 figure is not zero, and each document figure by itself", () => {
    const text = textOf(
      generateNarrative(figuresOf({ T2: t2Rows({ 行政规范性文件: [2, 0, 15] }) }), {}),
      "active-disclosure",
    );
    expect(text).toContain(
      "制发行政规范性文件2件，未废止行政规范性文件，现行有效行政规范性文件15件；",
    );
    expect(text).not.toContain("规章");
    const withRules = textOf(
      generateNarrative(figuresOf({ T2: t2Rows({ 规章: [1, 0, 5] }) }), {}),
      "active-disclosure",
    );
    expect(withRules).toContain(
      "制发规章1件，未废止规章，现行有效规章5件；未制发、废止行政规范性文件",
    );
  });

  it("states the decisions that are not zero and groups the zero ones", () => {
    const text = textOf(
      generateNarrative(figuresOf({ T2: t2Rows({ 行政许可: 120, 行政强制: 2 }) }), {}),
      "active-disclosure",
    );
    expect(text).toContain("作出行政许可决定120件、行政强制决定2件，未作出行政处罚决定");
  });

  it("writes counts of 10000 and more without separators", () => {
    const text = textOf(
      generateNarrative(figuresOf({ T2: t2Rows({ 行政处罚: 22050 }) }), {}),
      "active-disclosure",
    );
    expect(stated(text, "行政处罚决定")).toBe(22050);
  });

  it("states 行政诉讼 as 直诉 plus 复诉, with the combined results", () => {
    const text = textOf(
      generateNarrative(figuresOf({ T4: t4Rows({ 直诉: [1, 0, 0, 1], 复诉: [2, 1, 0, 0] }) }), {}),
      "review-litigation",
    );
    expect(text).toBe(
      "本年度，本机关未发生政府信息公开行政复议；发生政府信息公开行政诉讼5件，其中结果维持3件、结果纠正1件、尚未审结1件。",
    );
  });
});

describe("generateNarrative settings", () => {
  const tables = () => figuresOf({ T4: t4Rows({}) });

  it("says 本年度 and 本机关 when neither year nor subject is set", () => {
    expect(generateNarrative(tables(), {})[0]!.text).toMatch(/^本年度，本机关/u);
  });

  it("uses self over the agency's name in Chinese, and the name when self is not set", () => {
    expect(generateNarrative(tables(), { self: "我局", agency: "某市某局" })[0]!.text).toMatch(
      /^本年度，我局/u,
    );
    expect(generateNarrative(tables(), { agency: "某市某局" })[0]!.text).toMatch(
      /^本年度，某市某局/u,
    );
  });

  it("uses the agency's name in English, else an English rendering of self", () => {
    const en = (settings: { self?: string; agency?: string }) =>
      generateNarrative(tables(), { year: 2024, ...settings }, "en-US")[0]!.text;
    expect(en({ self: "我局", agency: "某市某局" })).toMatch(/^In 2024, 某市某局 faced/u);
    expect(en({ self: "我镇" })).toMatch(/^In 2024, the town government faced/u);
    expect(en({ self: "我所" })).toMatch(/^In 2024, this agency faced/u);
    expect(generateNarrative(tables(), {}, "en-US")[0]!.text).toMatch(/^This year, this agency/u);
  });
});

describe("generateNarrative in English", () => {
  it("uses the singular for one and the plural for more", () => {
    const one = consistentT3Rows({ leaves: { "三(一)": natural(1) } });
    expect(
      textOf(generateNarrative(figuresOf({ T3: one }), {}, "en-US"), "applications"),
    ).toContain("received 1 request for government information disclosure");
    const two = consistentT3Rows({ leaves: { "三(一)": natural(2) }, carriedOver: natural(1) });
    const text = textOf(generateNarrative(figuresOf({ T3: two }), {}, "en-US"), "applications");
    expect(text).toContain("received 1 request for");
    expect(text).toContain("and 1 request was carried over");
    expect(text).toContain("This year, 2 requests were concluded: 2 disclosed");
  });

  it("gives the fee in 元 and in units of 10,000 yuan, and groups large counts", () => {
    const text = textOf(
      generateNarrative(figuresOf({ T2: t2Rows({ 收费: 18.871, 行政处罚: 22050 }) }), {}, "en-US"),
      "active-disclosure",
    );
    expect(text).toContain("collected CNY 188,710 (18.871 × 10,000 yuan) in administrative fees");
    expect(text).toContain("made 22,050 administrative penalty decisions");
  });

  it("marks an unknown figure as to be filled", () => {
    const rows = withCell(consistentT3Rows({ leaves: { "三(一)": natural(3) } }), "一", 6, "三");
    const text = textOf(generateNarrative(figuresOf({ T3: rows }), {}, "en-US"), "applications");
    expect(text).toContain("received [to be filled] requests");
  });
});
