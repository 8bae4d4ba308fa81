/**
 * The narrative reader's specification: what a careful evaluator reads in real report Chinese.
 * Each row is a sentence (from the report named in `from`, or the issue text it came with) and
 * what the reader must take from it — claims, lists, figures it leaves out and why — and what the
 * checker says about it. Every exclusion (other topics, other years, changes, hedges, headings,
 * other scopes, unfinished sentences) has a row that fails when the exclusion is removed.
 */
import { figureSet } from "../../../src/core/model/figure-set";
import { checkNarrative } from "../../../src/core/narrative/check";
import { readNarrative, type NarrativeReading } from "../../../src/core/narrative/claims";
import { buildTable } from "../../helpers/build";

interface Row {
  readonly sentence: string;
  /** Where the sentence comes from: a corpus file, a case, or the issue (#7). */
  readonly from: string;
  /** Claims as "quantity=value", in text order. */
  readonly claims?: readonly string[];
  /** Lists as "total<part+part…> completion uncheckable", "open" when the text leaves it open. */
  readonly lists?: readonly string[];
  /** Figures left out, as "figure:reason". */
  readonly skipped?: readonly string[];
  /** The checker's findings (no tables), as "rule code severity". */
  readonly findings?: readonly string[];
}

const claimsOf = (r: NarrativeReading): string[] => r.claims.map((c) => `${c.quantity}=${c.value}`);
const listsOf = (r: NarrativeReading): string[] =>
  r.breakdowns.map(
    (b) =>
      `${b.total.value}<${b.parts.map((p) => p.value).join("+")}> ${b.completion ?? "open"}${
        b.uncheckable === undefined ? "" : ` ${b.uncheckable}`
      }`,
  );
const skippedOf = (r: NarrativeReading): string[] =>
  r.skipped.map((s) => `${s.span.text}:${s.reason}`);
const findingsOf = (text: string): string[] =>
  checkNarrative(text).map((f) => `${f.rule} ${f.code} ${f.severity}`);

/** Phrases: which quantity the words around a figure name. */
const PHRASES: readonly Row[] = [
  {
    sentence: "2024年度，我街道共收到9条要求公开政府信息的申请，已按照要求在规定时限内予以回复。",
    from: "seed-report-shizhuang-2024 (number before the noun)",
    claims: ["applications-new=9"],
  },
  {
    sentence: "本年度,共受理政府信息公开申请2件,都在法定期限内予以答复。",
    from: "27-changchun-tyj-2023",
    claims: ["applications-new=2"],
  },
  {
    sentence: "2023年,全县受理依申请公开36件,办结36件。",
    from: "69-huanxian-county-2025 (全县 is another scope)",
    claims: [],
    skipped: ["36件:other-scope", "36件:other-scope"],
  },
  {
    sentence: "收到政府信息公开申请5件，顺延至下一年答复2件。",
    from: "02-shaoxing-yuecheng-donghu-2023 (deferral is 结转下年度, never 办结)",
    claims: ["applications-new=5", "applications-carried-forward=2"],
  },
  {
    sentence: "收到信息公开申请750件，共办结733件，转接下年度办理45件。",
    from: "issue #7 (a report kept aside)",
    claims: [
      "applications-new=750",
      "applications-concluded=733",
      "applications-carried-forward=45",
    ],
  },
  {
    sentence: "收到申请35件，所有办结的信息公开申请中同意公开答复9件，部分公开答复0件。",
    from: "issue #7 (办结的申请中 states outcomes, not a second 办结)",
    claims: ["applications-new=35", "outcome:三(一)=9", "outcome:三(二)=0"],
  },
  {
    sentence: "收到申请10件，办结的申请中，予以公开5件，部分公开3件，不予公开2件。",
    from: "issue #7",
    claims: ["applications-new=10", "outcome:三(一)=5", "outcome:三(二)=3", "outcome:三(三)=2"],
  },
  {
    sentence: "收到政府信息公开申请6件，因本机关不掌握等原因无法提供3件。",
    from: "issue #7 (the group 无法提供, not its first reason)",
    claims: ["applications-new=6", "outcome:三(四)=3"],
  },
  {
    sentence: "收到政府信息公开申请15件，予以公开及部分公开12件，不予公开和无法提供3件。",
    from: "spec §8 (combined claims are the sum of the named cells)",
    claims: ["applications-new=15", "outcomes:三(一)+三(二)=12", "outcomes:三(三)+三(四)=3"],
  },
  {
    sentence: "2025年,我市共受理群众政府信息公开申请54件,按时办结54件,办理上年结转2件。",
    from: "wanyuan-2025",
    claims: ["applications-new=54", "applications-concluded=54", "applications-carried-over=2"],
  },
  {
    sentence: "收到政府信息公开申请10件，答覆10件。",
    from: "issue #7 (traditional 覆 on mirror sites)",
    claims: ["applications-new=10", "applications-concluded=10"],
  },
  {
    sentence: "行政許可：共處理600件。",
    from: "issue #7 (colon form, traditional characters)",
    claims: ["decisions:行政许可=600"],
  },
  {
    sentence: "2025年,制发行政规范性文件6个,清理失效文件4个,现行有效行政规范性文件18个;",
    from: "wanyuan-2025 (失效 is not 废止)",
    claims: ["rules:行政规范性文件:制发=6", "rules:行政规范性文件:现行有效=18"],
  },
];

/** Exclusions: figures that are not claims, and why. Each fails when its exclusion is removed. */
const EXCLUSIONS: readonly Row[] = [
  {
    sentence:
      "收到政府信息公开申请3件，办结3件。受理承办12345政务服务便民热线(市长热线)诉求共计22050件,已办结22050件,按时办结率100%。",
    from: "wanyuan-2025 (12345 热线, after a 依申请 sentence)",
    claims: ["applications-new=3", "applications-concluded=3"],
    skipped: ["22050件:no-quantity", "22050件:other-topic"],
    findings: [],
  },
  {
    sentence: "收到政府信息公开申请3件，办结3件。全年共承办人大代表建议15件，办结15件。",
    from: "issue #7 (人大代表建议, after a 依申请 sentence)",
    claims: ["applications-new=3", "applications-concluded=3"],
    skipped: ["15件:no-quantity", "15件:other-topic"],
    findings: [],
  },
  {
    sentence: "全年共受理行政审批申请1200件，办结1200件。",
    from: "issue #7 (行政审批申请 is not 依申请公开)",
    claims: [],
    skipped: ["1200件:no-quantity", "1200件:other-topic"],
  },
  {
    sentence: "全年共受理低保申请35件，办结35件。",
    from: "issue #7 (低保申请 is not 依申请公开)",
    claims: [],
    skipped: ["35件:no-quantity", "35件:other-topic"],
  },
  {
    sentence: "上年度共收到政府信息公开申请5件。",
    from: "other year",
    claims: [],
    skipped: ["5件:other-year"],
  },
  {
    sentence: "收到政府信息公开申请12件，较上年增加5件。",
    from: "a change (较上年/增加)",
    claims: ["applications-new=12"],
    skipped: ["5件:delta"],
  },
  {
    sentence: "2024年，市政府网站主动公开各类政府信息5500余条。",
    from: "huaian-szf-2024 (hedged)",
    claims: [],
    skipped: ["5500余条:hedged"],
  },
  {
    sentence: "收到政府信息公开申请3件，办结3件。\n（二）政务服务\n全年办结4000件。",
    from: "a heading ends the 依申请 passage",
    claims: ["applications-new=3", "applications-concluded=3"],
    skipped: ["4000件:other-topic"],
  },
  {
    sentence: "2023年度东湖街道办事处通过政府门户网站共办理并答复信息公开申请3件、纸质申请36件。",
    from: "02-shaoxing-yuecheng-donghu-2023 (one channel's applications)",
    claims: [],
    skipped: ["3件:other-scope", "36件:no-quantity"],
  },
  {
    sentence: "截至12月31日，累计收到政府信息公开申请120件。",
    from: "a running total across years",
    claims: [],
    skipped: ["120件:other-scope"],
  },
  {
    sentence: "收到政府信息公开申请2件，部分公开、不予公开各1件。",
    from: "a figure per item (各N件) is no total",
    claims: ["applications-new=2"],
    skipped: ["1件:per-item"],
  },
  {
    sentence: "收到政府信息公开申请3件。主动公开政府信息100条，其中工作动态60条、通知公告50",
    from: "14-jiujiang-lianxi-qzf-2024 (cut mid-sentence; a number without a unit is no part)",
    claims: ["applications-new=3"],
    lists: ["100<60> open unfinished"],
    skipped: ["100条:unfinished-sentence", "60条:unfinished-sentence"],
    findings: [],
  },
  {
    sentence: "收到政府信息公开申请3件，办结2件",
    from: "a text cut after a figure: nothing from the last sentence",
    claims: [],
    skipped: ["3件:unfinished-sentence", "2件:unfinished-sentence"],
    findings: [],
  },
];

/** Lists: where a list begins and ends, its whole, and whether the text calls it complete. */
const LISTS: readonly Row[] = [
  {
    sentence: "共开展政务公开培训6次，其中集中培训2次、业务指导3次。",
    from: "issue #7 (an open 其中 list below its whole)",
    lists: ["6<2+3> open"],
    findings: [],
  },
  {
    sentence:
      "主动公开政府信息862条，其中政策文件46条、工作动态512条、通知公告103条、人事信息21条。",
    from: "issue #7",
    lists: ["862<46+512+103+21> open"],
    findings: [],
  },
  {
    sentence: "收到申请15件，其中网上申请10件、信函申请3件。",
    from: "issue #7",
    lists: ["15<10+3> open"],
    findings: [],
  },
  {
    sentence:
      "2024年,通过长春市人民政府网站平台发布政府动态类信息1464条,其中文件15条,政策解读10条,市政府工作报告1条,人大代表建议及政协提案办理信息5条,财政预决算信息2条;发布29场新闻发布会信息。",
    from: "82-changchun-szfbgt-2024 (highlights)",
    lists: ["1464<15+10+1+5+2> open"],
    findings: [],
  },
  {
    sentence:
      "全年县政府各部门、乡镇(街道)累计通过政府门户网站发布各类政府信息9822条,政务新媒体主动公开信息13349条,其中概况类信息45条,政务动态信息2445条,信息公开目录信息更新量7990条。",
    from: "36-longyou-county-2022 (the parts may be either whole's)",
    lists: ["13349<45+2445+7990> open ambiguous-total"],
    findings: [],
  },
  {
    sentence:
      "区政府门户网站共发布信息18439条,其中:概况类69条、政务动态类8043条、信息公开目录类10327条;共维护13个专栏,其中新开2个;共发布政策解读25篇。",
    from: "14-jiujiang-lianxi-qzf-2024 (；ends the list; 13个专栏 names another noun)",
    lists: ["18439<69+8043+10327> open"],
    findings: [],
  },
  {
    sentence:
      "2024年,主動公開政府信息公開目錄和我局專題專欄共188條。其中政府信息公開目錄中公開政府信息公開年度報告1條,組織機構4條、部門文件22條、行政執法3條、公告公示12條、工作動態53條、財政預決算4條、其他3條,共發布102條;專題專欄包括組織機構4條、價格收費52條、投資管理18條、重點項目12條,共發布86條。",
    from: "80-jiangmen-pengjiang-fgj-2024 (sub-totals are wholes of their own)",
    lists: ["102<1+4+22+3+12+53+4+3> closing-total", "86<4+52+18+12> closing-total"],
    findings: [],
  },
  {
    sentence: "主动公开信息100条，其中政策文件40条、工作动态60条；专题栏目发布信息80条。",
    from: "；ends the list (spec §8)",
    lists: ["100<40+60> open"],
    findings: [],
  },
  {
    sentence:
      "2023年度,市政府门户网站公开全市各类政府信息共计3437条,包括:人事信息12条,政务动态1740条,公告公示225 条,解读及回应信息共计110条,其他类信息1827条。",
    from: "90-zichang-szf-2023 (a residual 其他 closes the list)",
    lists: ["3437<12+1740+225+110+1827> residual"],
    findings: ["N1 breakdown-sum-mismatch error"],
  },
  {
    sentence:
      "全年主动公开政务信息382条,包括政府网站35条,新华社等媒体上发布信息80条,“临洮县新添镇”微信公众号2443条,其中乡村振兴228条、民政社保45条。",
    from: "08-lintao-xintian-2022 (包括 opens a list; a part above the whole)",
    lists: ["382<35+80+2443> open", "2443<228+45> open"],
    findings: ["N1 part-exceeds-total error"],
  },
  {
    sentence:
      "2024年,我局通过广元统计局门户网站累计公开政府信息276条,其中:政务动态信息216条,更新信息公开目录50条,主动向市政府办报送信息100余条。",
    from: "11-guangyuan-tjj-2024 (a hedged part: the sum cannot be checked)",
    lists: ["276<216+50+100> open hedged"],
    findings: [],
  },
  {
    sentence: "全年主动公开信息300条，其中，通过门户网站发布200条，通过政务新媒体发布150条。",
    from: "channels overlap: an open list above its whole is likely, not certain",
    lists: ["300<200+150> open"],
    findings: ["N1 open-list-exceeds-total warning"],
  },
  {
    sentence: "收到政府信息公开申请12件，分别为自然人申请10件、法人或其他组织申请1件。",
    from: "分别为 enumerates the whole",
    lists: ["12<10+1> enumerated"],
    findings: ["N1 breakdown-sum-mismatch error"],
  },
  {
    sentence: "收到政府信息公开申请12件，其中自然人申请10件、法人或其他组织申请3件。",
    from: "自然人 + 法人或其他组织 is a closed partition",
    lists: ["12<10+3> partition"],
    findings: ["N1 breakdown-sum-mismatch error"],
  },
  {
    sentence: "主动公开政府信息124条,其中政府文件和解读信息21条、政务督查信息45条,其他23条。",
    from: "tianmen-szfbgs-2025 (residual; it adds up to 89, not 124)",
    lists: ["124<21+45+23> residual"],
    findings: ["N1 breakdown-sum-mismatch error"],
  },
  {
    sentence: "主动公开政府信息124条,其中政府文件21条、政务督查信息45条等。",
    from: "等 leaves the list open",
    lists: ["124<21+45> open"],
    findings: [],
  },
  {
    sentence: "共收到政府信息公开申请9件(其中1件为上年结转)。",
    from: "a 收到 figure that includes 上年结转 is not the new applications",
    claims: [],
    skipped: ["9件:sub-scope", "1件:no-quantity"],
  },
  {
    sentence: "全年主动公开信息200条，其中政策文件50条，占25%，工作动态150条，占比70%。",
    from: "a share after a part is the part's remark",
    lists: ["200<50+150> open"],
    findings: ["N4 percentage-mismatch warning"],
  },
];

describe.each([
  ["phrase", PHRASES],
  ["exclusion", EXCLUSIONS],
  ["list", LISTS],
] as const)("%s patterns", (_kind, rows) => {
  test.each(rows.map((r) => [r.sentence.slice(0, 40), r] as const))("%s…", (_name, row) => {
    const reading = readNarrative(row.sentence);
    const got: Partial<Record<keyof Row, readonly string[]>> = {};
    const want: Partial<Record<keyof Row, readonly string[]>> = {};
    const compare = (key: keyof Row, value: readonly string[]): void => {
      const expected = row[key];
      if (expected === undefined || typeof expected === "string") return;
      got[key] = value;
      want[key] = expected;
    };
    compare("claims", claimsOf(reading));
    compare("lists", listsOf(reading));
    compare("skipped", skippedOf(reading));
    compare("findings", findingsOf(row.sentence));
    expect(Object.keys(want).length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });
});

describe("N3: 收到/受理 against table 三", () => {
  const figures = figureSet([
    buildTable("T3", { 一: [8, 0, 0, 0, 0, 0, 8], 二: [2, 0, 0, 0, 0, 0, 2] }),
  ]);

  test("受理 equal to 新收 + 上年结转 is a warning naming both readings", () => {
    const findings = checkNarrative("全年共受理政府信息公开申请10件。", { figures });
    expect(findings).toMatchObject([
      {
        rule: "N3",
        code: "received-includes-carried-over",
        severity: "warning",
        reported: 10,
        computed: 8,
        params: { new: 8, carriedOver: 2 },
      },
    ]);
  });

  test("新收 equal to 新收 + 上年结转 is an error: 新收 has one reading", () => {
    expect(
      checkNarrative("全年新收政府信息公开申请10件。", { figures }).map((f) => f.severity),
    ).toEqual(["error"]);
  });

  test("予以公开及部分公开 is compared with the sum of both rows", () => {
    const t3 = figureSet([
      buildTable("T3", {
        一: [8, 0, 0, 0, 0, 0, 8],
        "三(一)": [5, 0, 0, 0, 0, 0, 5],
        "三(二)": [2, 0, 0, 0, 0, 0, 2],
      }),
    ]);
    expect(checkNarrative("收到申请8件，予以公开及部分公开7件。", { figures: t3 })).toEqual([]);
    expect(checkNarrative("收到申请8件，予以公开及部分公开6件。", { figures: t3 })).toMatchObject([
      { rule: "N3", reported: 6, computed: 7 },
    ]);
  });

  test("受理 of neither reading is an error", () => {
    expect(
      checkNarrative("全年共受理政府信息公开申请11件。", { figures }).map(
        (f) => `${f.rule} ${f.code} ${f.severity}`,
      ),
    ).toEqual(["N3 narrative-table-mismatch error"]);
  });
});

describe("N4: the same quantity twice", () => {
  test("办理并答复 of one channel and 顺延 are not a second 办结", () => {
    expect(
      findingsOf(
        "2023年度东湖街道办事处通过政府门户网站共办理并答复信息公开申请3件、纸质申请36件,顺延至下一年答复2件。",
      ),
    ).toEqual([]);
  });

  test("two statements of 办结 that differ are an error", () => {
    expect(findingsOf("收到申请5件，办结5件。全年共办结政府信息公开申请4件。")).toEqual([
      "N4 same-quantity-differs error",
    ]);
  });
});

describe("offsets", () => {
  test("every claim, list and skipped figure points into the text as given", () => {
    const text =
      "　　2024年，主動公開政府信息１２０條，其中政策文件２０條、工作動態１００條。收到申請３件。";
    const reading = readNarrative(text);
    const spans = [
      ...reading.claims.flatMap((c) => [c.span, c.sentence, c.phrase]),
      ...reading.breakdowns.flatMap((b) => [
        b.total.span,
        ...b.parts.map((p) => p.span),
        ...b.sentences,
      ]),
      ...reading.skipped.flatMap((s) => [s.span, s.sentence]),
    ];
    expect(spans.length).toBeGreaterThan(6);
    expect(spans.filter((s) => text.slice(s.start, s.end) !== s.text)).toEqual([]);
    expect(listsOf(reading)).toEqual(["120<20+100> open"]);
  });
});
