import fc from "fast-check";
import { T3_GROUPS, T3_LEAVES } from "../../../src/core/model/tables";
import {
  ORGANISATION_COLUMNS,
  REASON_WORDING,
  type OutcomeGroup,
} from "../../../src/core/narrative/facts";
import { generateNarrative, type NarrativeParagraph } from "../../../src/core/narrative/generate";
import { ZH_CN } from "../../../src/core/narrative/generate-zh-cn";
import {
  consistentT3Rows,
  figuresOf,
  t2Rows,
  t4Rows,
  type ApplicantCounts,
} from "./generate-fixtures";

/** Mostly zero, as in real tables, sometimes small, rarely very large. */
const count = fc.oneof(
  { arbitrary: fc.constant(0), weight: 6 },
  { arbitrary: fc.integer({ min: 1, max: 12 }), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 20000 }), weight: 1 },
);
const applicantCounts = fc.array(count, { minLength: 6, maxLength: 6 });

/** Random figures for the three tables, with every table-三 total derived so R1–R3 hold. */
const reportFigures = fc.record({
  leaves: fc.array(applicantCounts, { minLength: T3_LEAVES.length, maxLength: T3_LEAVES.length }),
  carriedOver: applicantCounts,
  carriedForward: applicantCounts,
  documents: fc.array(count, { minLength: 6, maxLength: 6 }),
  decisions: fc.array(count, { minLength: 3, maxLength: 3 }),
  feeTenThousandths: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000 })),
  review: fc.array(count, { minLength: 4, maxLength: 4 }),
  direct: fc.array(count, { minLength: 4, maxLength: 4 }),
  afterReview: fc.array(count, { minLength: 4, maxLength: 4 }),
});

type ReportFigures = typeof reportFigures extends fc.Arbitrary<infer T> ? T : never;

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const column = (rows: readonly ApplicantCounts[], i: number): number =>
  sum(rows.map((r) => r[i] ?? 0));

/** The figures a reader of the narrative should find, by the phrase written right before them. */
interface Expected {
  readonly applications: ReadonlyMap<string, number>;
  readonly disclosure: ReadonlyMap<string, number>;
  readonly review: ReadonlyMap<string, number>;
  readonly litigation: ReadonlyMap<string, number>;
}

function build(input: ReportFigures) {
  const leaves = Object.fromEntries(T3_LEAVES.map((leaf, i) => [leaf, input.leaves[i] ?? []]));
  const concluded = [0, 1, 2, 3, 4, 5].map((i) => column(input.leaves, i));
  // Keep 上年结转 within what was handled, so 一 = （七） + 四 − 二 stays ≥ 0.
  const carriedOver = input.carriedOver.map((n, i) =>
    Math.min(n, (concluded[i] ?? 0) + (input.carriedForward[i] ?? 0)),
  );
  const received = concluded.map(
    (c, i) => c + (input.carriedForward[i] ?? 0) - (carriedOver[i] ?? 0),
  );
  const [d1, d2, d3, d4, d5, d6] = input.documents;
  const fee = input.feeTenThousandths / 10000;
  const figures = figuresOf({
    T3: consistentT3Rows({ leaves, carriedOver, carriedForward: input.carriedForward }),
    T2: t2Rows({
      规章: [d1, d2, d3].map((n) => n ?? 0),
      行政规范性文件: [d4, d5, d6].map((n) => n ?? 0),
      行政许可: input.decisions[0] ?? 0,
      行政处罚: input.decisions[1] ?? 0,
      行政强制: input.decisions[2] ?? 0,
      收费: fee,
    }),
    T4: t4Rows({ 复议: input.review, 直诉: input.direct, 复诉: input.afterReview }),
  });

  const labels = ZH_CN.applications.outcomeLabels;
  const applications = new Map<string, number>([
    ["共收到政府信息公开申请", sum(received)],
    ["上年结转", sum(carriedOver)],
    ["办结", sum(concluded)],
    ["结转下年度", sum(input.carriedForward)],
    ["自然人", received[0] ?? 0],
    ["法人或其他组织", sum(received.slice(1))],
  ]);
  for (const [group, rows] of Object.entries(T3_GROUPS)) {
    const total = sum(rows.map((row) => sum(leaves[row] ?? [])));
    applications.set(labels[group as OutcomeGroup], total);
  }
  for (const [row, wording] of Object.entries(REASON_WORDING))
    applications.set(wording, sum(leaves[row] ?? []));
  ORGANISATION_COLUMNS.forEach((c, i) =>
    applications.set(ZH_CN.applicants.typeLabels[c], received[i + 1] ?? 0),
  );

  const disclosure = new Map<string, number>();
  (["制发", "废止", "现行有效"] as const).forEach((verb, i) => {
    disclosure.set(`${verb}规章`, input.documents[i] ?? 0);
    disclosure.set(`${verb}行政规范性文件`, input.documents[i + 3] ?? 0);
  });
  disclosure.set("行政许可决定", input.decisions[0] ?? 0);
  disclosure.set("行政处罚决定", input.decisions[1] ?? 0);
  disclosure.set("行政强制决定", input.decisions[2] ?? 0);
  disclosure.set("行政事业性收费", fee);

  const results = (values: readonly number[]): [string, number][] =>
    ["结果维持", "结果纠正", "其他结果", "尚未审结"].map((label, i) => [label, values[i] ?? 0]);
  const review = new Map([["行政复议", sum(input.review)], ...results(input.review)]);
  const both = [0, 1, 2, 3].map((i) => (input.direct[i] ?? 0) + (input.afterReview[i] ?? 0));
  const litigation = new Map([["行政诉讼", sum(both)], ...results(both)]);

  return { figures, expected: { applications, disclosure, review, litigation } satisfies Expected };
}

/** Every number in a text with the known phrase right before it; a number with none is an error. */
function readNumbers(text: string, phrases: ReadonlyMap<string, number>): [string, number][] {
  const found: [string, number][] = [];
  for (const match of text.matchAll(/(\d+(?:\.\d+)?)(?:件|万元)/gu)) {
    const before = text.slice(0, match.index);
    const phrase = [...phrases.keys()]
      .filter((p) => before.endsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    if (phrase === undefined) throw new Error(`no known phrase before "${match[0]}" in ${text}`);
    found.push([phrase, Number(match[1])]);
  }
  return found;
}

const textOf = (paragraphs: readonly NarrativeParagraph[], id: NarrativeParagraph["id"]): string =>
  paragraphs.find((p) => p.id === id)?.text ?? "";

describe("generateNarrative on random consistent tables", () => {
  it("never throws, in either locale", () => {
    fc.assert(
      fc.property(reportFigures, (input) => {
        const { figures } = build(input);
        expect(generateNarrative(figures, { year: 2024 })).toHaveLength(3);
        const en = generateNarrative(figures, { year: 2024 }, "en-US");
        for (const p of en) expect(p.text).not.toMatch(/\[to be filled\]|undefined|NaN|\{/u);
      }),
      { numRuns: 200 },
    );
  });

  it("states every number next to its phrase, equal to the table's figure, and never 0", () => {
    fc.assert(
      fc.property(reportFigures, (input) => {
        const { figures, expected } = build(input);
        const zh = generateNarrative(figures, { year: 2024, self: "我局" });
        const wrong: string[] = [];
        const check = (text: string, phrases: ReadonlyMap<string, number>) => {
          for (const [phrase, value] of readNumbers(text, phrases)) {
            if (value !== phrases.get(phrase) || value === 0) wrong.push(`${phrase}${value}`);
          }
        };
        check(textOf(zh, "applications"), expected.applications);
        check(textOf(zh, "active-disclosure"), expected.disclosure);
        const [review = "", litigation = ""] = textOf(zh, "review-litigation").split("；");
        check(review, expected.review);
        check(litigation, expected.litigation);
        expect(wrong).toEqual([]);
        expect(zh.some((p) => p.text.includes("【待填】"))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("states every non-zero figure of table 三, and the outcomes sum to the stated 办结", () => {
    fc.assert(
      fc.property(reportFigures, (input) => {
        const { figures, expected } = build(input);
        const text = textOf(generateNarrative(figures, {}), "applications");
        const stated = new Map(readNumbers(text, expected.applications));
        const groups = Object.values(ZH_CN.applications.outcomeLabels);
        const shouldState = [...groups, ...Object.values(REASON_WORDING), "办结"];
        for (const phrase of ["共收到政府信息公开申请", "上年结转", "结转下年度"]) {
          if (expected.applications.get(phrase) !== 0) shouldState.push(phrase);
        }
        const wrong = shouldState.filter(
          (phrase) => (stated.get(phrase) ?? 0) !== expected.applications.get(phrase),
        );
        expect(wrong).toEqual([]);
        const concluded = stated.get("办结") ?? 0;
        expect(sum(groups.map((g) => stated.get(g) ?? 0))).toBe(concluded);
        if (concluded === 0) expect(text).toContain("本年度无办结的申请");
      }),
      { numRuns: 300 },
    );
  });

  it("states a zero 行政复议 or 行政诉讼 as 未发生", () => {
    fc.assert(
      fc.property(reportFigures, (input) => {
        const { figures, expected } = build(input);
        const text = textOf(generateNarrative(figures, {}), "review-litigation");
        if (expected.review.get("行政复议") === 0)
          expect(text).toMatch(/未发生政府信息公开行政复议/u);
        if (expected.litigation.get("行政诉讼") === 0)
          expect(text).toMatch(/未发生政府信息公开行政(复议、行政)?诉讼/u);
      }),
      { numRuns: 100 },
    );
  });
});
