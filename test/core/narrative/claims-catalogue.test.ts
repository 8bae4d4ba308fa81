/**
 * A catalogue of sentences in the style of published reports and the claims each one makes
 * (quantity and value, in text order). Sentences about other subjects, other years, changes,
 * dates, phone numbers and article numbers must make none.
 */
import { extractClaims, readNarrative } from "../../../src/core/narrative/claims";
import type { QuantityId } from "../../../src/core/narrative/quantities";

type Expected = readonly (readonly [QuantityId, number])[];

const CATALOGUE: readonly (readonly [string, Expected])[] = [
  // 依申请: number after or before the noun, 件/条, numerals of every kind
  ["2024年度，我街道共收到9条要求公开政府信息的申请。", [["applications-new", 9]]],
  ["本机关收到4件政府信息公开申请。", [["applications-new", 4]]],
  ["收到政府信息公开申请4件。", [["applications-new", 4]]],
  ["本年度新收申请9件。", [["applications-new", 9]]],
  ["全年共收到政府信息公开申请１２件。", [["applications-new", 12]]],
  ["共受理群众政府信息公开申请1,024件。", [["applications-new", 1024]]],
  [
    "本年度共新收政府信息公开申请一百零五件，上年结转两件，办结一百零六件，结转下年度继续办理〇件。",
    [
      ["applications-new", 105],
      ["applications-carried-over", 2],
      ["applications-concluded", 106],
      ["applications-carried-forward", 0],
    ],
  ],
  [
    "2023年,廿三里街道共受理政府信息公開申請16件,上年結轉政府信息公開辦理數量1件,共辦結政府信息公開申請16件,結轉至2024年辦理1件。",
    [
      ["applications-new", 16],
      ["applications-carried-over", 1],
      ["applications-concluded", 16],
      ["applications-carried-forward", 1],
    ],
  ],
  ["收到申请公开政府信息的要求0条。", [["applications-new", 0]]],
  // table 二 decisions stated as cases handled; catalogue items and disclosed information are not
  ["全年办理行政许可600件。", [["decisions:行政许可", 600]]],
  ["本年度共办结行政处罚案件53件。", [["decisions:行政处罚", 53]]],
  ["梳理行政许可事项40项。", []],
  ["公开行政许可信息600条。", []],
  // running totals across years are not this year's figure; 全年累计 is
  ["截至12月31日，累计收到政府信息公开申请120件。", []],
  ["2008年以来累计收到政府信息公开申请120件。", []],
  ["2024年，全年累计收到政府信息公开申请12件。", [["applications-new", 12]]],
  // zero statements
  ["2024年，我乡未收到任何政府信息公开申请。", [["applications-new", 0]]],
  ["2021年，未收到依申请公开。", [["applications-new", 0]]],
  [
    "本年度无上年结转申请，无结转下年度办理的申请。",
    [
      ["applications-carried-over", 0],
      ["applications-carried-forward", 0],
    ],
  ],
  ["未发生因政府信息公开引起的行政复议、行政诉讼情况。", [["review-and-litigation", 0]]],
  [
    "本机关未被申请行政复议，未被提起行政诉讼。",
    [
      ["review-total", 0],
      ["litigation-total", 0],
    ],
  ],
  ["本单位年内未收取任何政府信息公开信息处理费。", [["processing-fee", 0]]],
  [
    "未作出行政许可、行政处罚决定。",
    [
      ["decisions:行政许可", 0],
      ["decisions:行政处罚", 0],
    ],
  ],
  // outcomes, groups and reasons, applicants
  [
    "收到政府信息公开申请9件，其中予以公开5件、部分公开1件、不予公开1件、无法提供2件。",
    [
      ["applications-new", 9],
      ["outcome:三(一)", 5],
      ["outcome:三(二)", 1],
      ["outcome:三(三)", 1],
      ["outcome:三(四)", 2],
    ],
  ],
  [
    "依申请公开中，属于国家秘密1件，本机关不掌握相关政府信息2件，重复申请1件，申请人无正当理由逾期不补正1件。",
    [
      ["outcome:三(三)1", 1],
      ["outcome:三(四)1", 2],
      ["outcome:三(五)2", 1],
      ["outcome:三(六)1", 1],
    ],
  ],
  [
    "收到政府信息公开申请10件，其中自然人申请8件，法人或其他组织申请2件。",
    [
      ["applications-new", 10],
      ["applicant:自然人", 8],
      ["applicant:法人或其他组织", 2],
    ],
  ],
  // table 四
  [
    "本年度被申请行政复议2件，被提起行政诉讼1件。",
    [
      ["review-total", 2],
      ["litigation-total", 1],
    ],
  ],
  ["因政府信息公开引发行政复议2件。", [["review-total", 2]]],
  // table 二: 个/份/件/项, the noun before or in an earlier clause
  [
    "2025年,共制发行政规范性文件6个,废止行政规范性文件6个。",
    [
      ["rules:行政规范性文件:制发", 6],
      ["rules:行政规范性文件:废止", 6],
    ],
  ],
  [
    "制发行政规范性文件6份，废止2份，现行有效18份。",
    [
      ["rules:行政规范性文件:制发", 6],
      ["rules:行政规范性文件:废止", 2],
      ["rules:行政规范性文件:现行有效", 18],
    ],
  ],
  [
    "本年制定3项规章，现行有效规章12件。",
    [
      ["rules:规章:制发", 3],
      ["rules:规章:现行有效", 12],
    ],
  ],
  [
    "全年作出行政处罚决定15件、行政许可决定30件。",
    [
      ["decisions:行政处罚", 15],
      ["decisions:行政许可", 30],
    ],
  ],
  ["全年收取行政事业性收费12.5万元。", [["fee-amount", 12.5]]],
  // 主动公开 totals (no table cell)
  ["全年主动公开政府信息二千三百四十五篇。", [["active-disclosure-total", 2345]]],
  [
    "全年共主动公开信息37条，其中履职依据信息1条，走进时庄栏目18条，基层党建2件，关爱民生16篇。",
    [["active-disclosure-total", 37]],
  ],
  // figures that are not claims
  ["根据《条例》第二十条、第二十一条规定，公开第（一）项所列信息。", []],
  ["联系电话：0537-4531088；邮编：273100；地址：圣时路9号。", []],
  ["“十四五”期间，我局将继续推进政务公开，一是…二是…。", []],
  [
    "受理承办12345政务服务便民热线(市长热线)诉求共计22050件,已办结22050件,按时办结率100%,较2024年增加3722件,增长20.31%。",
    [],
  ],
  ["通过微信公众号“人文廿三里”发布信息1088条。", []],
  ["2024年时庄街道收到人大代表建议3件、政协提案2件。", []],
  ["收到政府信息公开申请9件，较上年减少3件。", [["applications-new", 9]]],
  ["上年度收到政府信息公开申请12件。", []],
  ["全年共收到政府信息公开申请约100件。", []],
  ["全年共办结政务服务事项12000件，办结率100%。", []],
  ["依申请公开方面，在20个工作日内答复申请人。", []],
  ["本年度共组织培训3次，参训120人次。", []],
  ["办理行政复议案件30件。", []],
  ["全县共收到政府信息公开申请120件。", []],
  ["收到政府信息公开申请10件(含上年结转1件)。", [["applications-carried-over", 1]]],
  ["收到政府信息公开申请3件，因不掌握相关信息而不予公开2件。", [["applications-new", 3]]],
  ["收到政府信息公开申请3件，办结上年结转申请1件。", [["applications-new", 3]]],
  ["(三)政府信息管理情况。对拟公开信息进行保密审查，涉及国家秘密的不予公开3条。", []],
  ["公开行政处罚决定信息300条，制定规章制度5项。", []],
  ["2024年清理失效文件4个。", []],
];

describe("a catalogue of report sentences", () => {
  test("has at least 25 sentences", () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(25);
  });

  test.each(CATALOGUE.map(([sentence, expected]) => [sentence, expected] as const))(
    "%s",
    (sentence, expected) => {
      const claims = extractClaims(sentence).map((c) => [c.quantity, c.value]);
      expect(claims).toEqual(expected);
    },
  );
});

describe("what a claim records", () => {
  test("a number before its noun keeps the number, the unit and the whole phrase", () => {
    const text = "2024年度，我街道共收到9条要求公开政府信息的申请。";
    const [claim] = extractClaims(text);
    expect(claim).toMatchObject({ unit: "条", form: "figure", year: 2024 });
    expect(claim?.span.text).toBe("9条");
    expect(claim?.phrase.text).toBe("收到9条要求公开政府信息的申请");
    expect(claim?.sentence.text).toBe(text);
  });

  test("full-width digits keep their offsets into the original text", () => {
    const text = "本机关收到４件政府信息公开申请。";
    const [claim] = extractClaims(text);
    expect(claim?.span).toEqual({ start: 5, end: 7, text: "４件" });
  });

  test("a zero statement has no unit and spans the statement", () => {
    const [claim] = extractClaims("2024年，我乡未收到任何政府信息公开申请。");
    expect(claim).toMatchObject({ value: 0, form: "zero-statement", year: 2024 });
    expect(claim?.unit).toBeUndefined();
    expect(claim?.span.text).toBe("未收到任何政府信息公开申请");
  });

  test("an amount keeps its unit", () => {
    const [claim] = extractClaims("收取行政事业性收费5000元。");
    expect(claim).toMatchObject({ quantity: "fee-amount", value: 5000, unit: "元" });
  });

  test("a figure in a sentence about another year carries that year", () => {
    const [claim] = extractClaims("2023年收到政府信息公开申请12件。");
    expect(claim).toMatchObject({ quantity: "applications-new", value: 12, year: 2023 });
  });
});

describe("breakdowns", () => {
  const breakdownOf = (text: string) => readNarrative(text).breakdowns;

  test("a plain enumeration after 其中 is exhaustive, whatever the separators and units", () => {
    const [b] = breakdownOf(
      "全年主动公开政府信息124条,其中政府文件和解读信息21条、政务督查信息45条,其他58条。",
    );
    expect(b).toMatchObject({ exhaustive: true, judgedBy: "N1" });
    expect(b?.total.value).toBe(124);
    expect(b?.parts.map((p) => [p.label, p.value])).toEqual([
      ["政府文件和解读信息", 21],
      ["政务督查信息", 45],
      ["其他", 58],
    ]);
  });

  test("a label with 、 and 等 inside it is one part", () => {
    const [b] = breakdownOf(
      "主动公开各类政府信息6259条,其中新闻动态类信息3077条,预算决算、机关职能、招考录用等其他信息3182条;",
    );
    expect(b?.parts.map((p) => p.value)).toEqual([3077, 3182]);
    // The last part is the residual 其他信息: the text says the list is complete.
    expect(b).toMatchObject({ exhaustive: true, completion: "residual" });
  });

  test("a list ending in 等 is not exhaustive", () => {
    const [b] = breakdownOf("主动公开信息37条，其中政策文件10条、动态信息20条等。");
    expect(b?.exhaustive).toBe(false);
  });

  test("a list followed by 此外 is not exhaustive", () => {
    const [b] = breakdownOf(
      "累计主动公开政府信息162条。其中,乡镇文件公开41条,村务公开80条。此外,我乡还公开各类政府信息42条。",
    );
    expect(b?.exhaustive).toBe(false);
    expect(b?.parts.map((p) => p.value)).toEqual([41, 80]);
  });

  test("channels (通过…发布) may overlap, so a channel list is not exhaustive", () => {
    const [b] = breakdownOf(
      "全年主动公开信息300条，其中，通过门户网站发布200条，通过政务新媒体发布150条。",
    );
    expect(b?.exhaustive).toBe(false);
  });

  test("a figure of another kind after the list ends it, and the list may have gone on", () => {
    for (const text of [
      "全年共主动公开信息37条，其中政策文件10条、工作动态27条，回应关切3次。",
      "全年共主动公开信息37条，其中政策文件10条、工作动态20条，较上年增加5条。",
    ]) {
      const [b] = breakdownOf(text);
      expect(b?.parts.map((p) => p.value)).toEqual(text.includes("27") ? [10, 27] : [10, 20]);
      expect(b?.exhaustive).toBe(false);
    }
  });

  test("a single part is not exhaustive", () => {
    const [b] = breakdownOf("主动公开信息50条，其中政策文件20条。");
    expect(b?.exhaustive).toBe(false);
  });

  test("a breakdown in parentheses belongs to the figure before it", () => {
    const [outer, inner] = breakdownOf(
      "收到政府信息公开申请3件，办结3件，其中予以公开1件、不予公开2件(其中属于国家秘密1件、保护第三方合法权益1件)。",
    );
    expect(outer).toMatchObject({ judgedBy: "N2", exhaustive: false, marker: "其中" });
    expect(outer?.parts.map((p) => p.value)).toEqual([1, 2]);
    expect(inner?.total.value).toBe(2);
    expect(inner?.parts.map((p) => p.quantity)).toEqual(["outcome:三(三)1", "outcome:三(三)4"]);
  });

  test("a list of figures after several figures in the previous sentence is no breakdown", () => {
    expect(
      breakdownOf("共受理申请54件,按时办结54件,办理上年结转2件。其中予以公开45件,部分公开4件。"),
    ).toEqual([]);
  });

  test("a 收到 total broken down into 上年结转 is not a count of new applications", () => {
    const claims = extractClaims("共收到政府信息公开申请10件，其中上年结转1件，本年新收9件。");
    expect(claims.map((c) => [c.quantity, c.value])).toEqual([
      ["applications-carried-over", 1],
      ["applications-new", 9],
    ]);
  });

  test("a part of the total's own quantity is a sub-scope, not a second claim", () => {
    const claims = extractClaims("共收到政府信息公开申请9件，其中，新收申请9件。");
    expect(claims.map((c) => c.value)).toEqual([9]);
  });
});

describe("a 收到 total that counts 上年结转 too", () => {
  test("is not taken as the new applications, whether listed or in parentheses", () => {
    for (const text of [
      "共收到政府信息公开申请9件(其中1件为上年结转)。",
      "共收到政府信息公开申请9件，其中上年结转申请1件。",
    ]) {
      expect(extractClaims(text).filter((c) => c.quantity === "applications-new")).toEqual([]);
    }
  });
});
