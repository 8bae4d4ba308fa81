/**
 * Golden cases: the narrative sentences of every transcribed report, checked against the case's
 * own tables and year. The expected findings are what the numbers call for (see each case's
 * `findings`); the extraction is compared with the transcriber's reading in `narrative_facts`.
 */
import { figureSet } from "../../../src/core/model/figure-set";
import { checkNarrative } from "../../../src/core/narrative/check";
import { readNarrative, type Claim } from "../../../src/core/narrative/claims";
import { extractPeriod } from "../../../src/core/narrative/period";
import type { QuantityId } from "../../../src/core/narrative/quantities";
import { caseTables, loadCases, type CaseFile } from "../../helpers/build";

const cases = loadCases();

/** Rule id and code of every finding a case must give; cases not listed must give none. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  "anyue-daping-2021": ["P1 period-wrong"],
  "rongan-dapo-2024": ["N1 part-exceeds-total"],
  // 54 + 2 ≠ 54 + 1, and the outcomes listed (45+4+1+2+1+2 = 55) exceed 办结 54. Both are stated
  // facts of the text; "办结 55" would repair both, so they are one problem with two findings.
  "wanyuan-2025": ["N2 narrative-balance-mismatch", "N2 narrative-outcomes-mismatch"],
};

const NO_FINDINGS = [
  "seed-shizhuang-2024",
  "guangzhou-haizhu-guanzhou-2023",
  "heshan-longkou-2022",
  "tianmen-szfbgs-2025",
  "yiwu-niansanli-2022",
  "yiwu-niansanli-2023",
  "baotou-jiuyuan-zwfwj-2022",
  "fengshou-2022",
  "nileke-town-2023",
];

const textOf = (c: CaseFile): string => c.narrative_numbers.join("\n");
const check = (c: CaseFile) =>
  checkNarrative(textOf(c), { figures: figureSet(caseTables(c)), year: c.year });
const caseById = (id: string): CaseFile => {
  const found = cases.find((c) => c.case_id === id);
  if (found === undefined) throw new Error(`no case ${id}`);
  return found;
};

describe("every transcribed case", () => {
  test("includes the cases this suite names", () => {
    const ids = cases.map((c) => c.case_id);
    for (const id of [...Object.keys(EXPECTED), ...NO_FINDINGS]) expect(ids).toContain(id);
  });

  test.each(cases.map((c) => [c.case_id, c] as const))(
    "%s gives exactly the findings its numbers call for",
    (id, c) => {
      const got = check(c).map((f) => `${f.rule} ${f.code}`);
      expect(got).toEqual(EXPECTED[id] ?? []);
    },
  );
});

describe("the findings of the cases carry the numbers", () => {
  test("anyue-daping-2021 states a period that ends a year late", () => {
    const [finding] = check(caseById("anyue-daping-2021"));
    expect(finding?.params).toEqual({ start: "2021-01-01", end: "2022-12-31", year: 2021 });
  });

  test("rongan-dapo-2024 lists a 293 part under a 162 total", () => {
    const [finding] = check(caseById("rongan-dapo-2024"));
    expect(finding).toMatchObject({ severity: "error", reported: 162, computed: 293 });
    expect(finding?.params).toMatchObject({ total: 162, part: 293 });
  });

  test("wanyuan-2025 breaks the balance by one and lists one outcome too many", () => {
    const [balance, outcomes] = check(caseById("wanyuan-2025"));
    expect(balance).toMatchObject({ reported: 56, computed: 55, difference: 1 });
    expect(balance?.params).toEqual({ new: 54, carriedOver: 2, concluded: 54, carriedForward: 1 });
    expect(outcomes).toMatchObject({ reported: 54, computed: 55, difference: -1 });
  });

  test("the wanyuan hotline sentence gives nothing, though it has 受理, 办结 and percentages", () => {
    const hotline = caseById("wanyuan-2025").narrative_numbers[1]!;
    expect(hotline).toContain("12345");
    expect(readNarrative(hotline).claims).toEqual([]);
    expect(checkNarrative(hotline, { year: 2025 })).toEqual([]);
  });

  test("every finding points at sentences of the checked text", () => {
    for (const c of cases) {
      const text = textOf(c);
      for (const f of check(c)) {
        expect(f.spans?.length).toBeGreaterThan(0);
        for (const s of f.spans ?? []) expect(text.slice(s.start, s.end)).toBe(s.text);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Extraction against the transcriber's reading (narrative_facts)

interface ActiveFact {
  quote_idx: number;
  total: number;
  parts: number[];
  exhaustive: boolean;
}
interface ApplicationFacts {
  received_new?: number;
  carried_over?: number;
  concluded?: number;
  carry_forward?: number;
  outcome_parts?: Record<string, number>;
}
interface Facts {
  active_disclosure?: ActiveFact[];
  applications?: ApplicationFacts;
  table2_claims?: Record<string, number>;
  table4_claims?: Record<string, (number | null)[]>;
  period?: { start: string; end: string };
  fee_collected_yuan?: number;
}

const APPLICATION_KEYS: Readonly<Record<string, QuantityId>> = {
  received_new: "applications-new",
  carried_over: "applications-carried-over",
  concluded: "applications-concluded",
  carry_forward: "applications-carried-forward",
};
const T2_COLUMNS: Readonly<Record<string, string>> = {
  本年制发件数: "制发",
  本年废止件数: "废止",
  现行有效件数: "现行有效",
};

const valuesOf = (claims: readonly Claim[], q: QuantityId): number[] =>
  claims.filter((c) => c.quantity === q).map((c) => c.value);

const withFacts = cases.filter((c) => Object.keys(c.narrative_facts).length > 0);

/**
 * How the text itself closes each transcribed list (the transcriber's `exhaustive` says whether
 * the parts add up, not whether the words say the list is complete). undefined: an open 其中 list;
 * "none": the reader takes no list from the sentence.
 */
const LIST_READINGS: Readonly<Record<string, readonly (string | undefined)[]>> = {
  // "在本年度主动公开的政府信息中,组织机构类…财政管理7": no 其中/包括, and the last part has no
  // unit — the one-fixture marker and the unit-less part were removed (issue 7).
  "anyue-daping-2021": ["none"],
  // "151条,其中部门文件信息公开12条,…财政预决算3条": 其中, open.
  "heshan-longkou-2022": [undefined],
  // "37条，其中履职依据信息1条，…关爱民生10件": 其中, open.
  "seed-shizhuang-2024": [undefined],
  // "…预算决算、机关职能、招考录用等其他信息1148条": the residual 其他 closes it.
  "wanyuan-2025": ["residual"],
  // "162条。其中,乡镇文件公开41条,…293篇。此外…": open, across the sentence end.
  "rongan-dapo-2024": [undefined],
  // "63条,其中,组织机构类信息16条,…其他信息5条。": the residual closes it.
  "guangzhou-haizhu-guanzhou-2023": ["residual"],
  // "124条,其中政府文件和解读信息21条、…政府会议20条,其他23条。": the residual closes it.
  "tianmen-szfbgs-2025": ["residual"],
};

describe("the extractor reads what the transcriber read", () => {
  test.each(withFacts.map((c) => [c.case_id, c] as const))(
    "%s: breakdowns, 依申请 figures, table claims and period",
    (id, c) => {
      const facts = c.narrative_facts as Facts;
      const text = textOf(c);
      const reading = readNarrative(text);

      const lists = facts.active_disclosure ?? [];
      const expectedLists = lists.map((fact, i) =>
        LIST_READINGS[id]?.[i] === "none"
          ? { total: fact.total, parts: undefined, completion: undefined, inQuote: undefined }
          : {
              total: fact.total,
              parts: fact.parts,
              completion: LIST_READINGS[id]?.[i],
              inQuote: true,
            },
      );
      const readLists = lists.map((fact) => {
        const breakdown = reading.breakdowns.find((b) => b.total.value === fact.total);
        return {
          total: fact.total,
          parts: breakdown?.parts.map((p) => p.value),
          completion: breakdown?.completion,
          inQuote:
            breakdown === undefined
              ? undefined
              : c.narrative_numbers[fact.quote_idx]!.includes(breakdown.sentences[0]!.text),
        };
      });
      expect(readLists).toEqual(expectedLists);
      expect(
        lists.map((fact) =>
          valuesOf(reading.claims, "active-disclosure-total").includes(fact.total),
        ),
      ).toEqual(lists.map(() => true));

      const applications = facts.applications ?? {};
      const stated = Object.entries(APPLICATION_KEYS).filter(
        ([key]) => applications[key as keyof ApplicationFacts] !== undefined,
      );
      expect(Object.fromEntries(stated.map(([, q]) => [q, valuesOf(reading.claims, q)]))).toEqual(
        Object.fromEntries(
          stated.map(([key, q]) => [q, [applications[key as keyof ApplicationFacts]]]),
        ),
      );
      const outcomes = Object.entries(applications.outcome_parts ?? {});
      expect(
        outcomes.map(([key]) =>
          valuesOf(reading.claims, `outcome:${key.replace("*", "")}` as QuantityId),
        ),
      ).toEqual(outcomes.map(([, value]) => [value]));

      const t2 = Object.entries(facts.table2_claims ?? {}).map(([key, value]) => {
        const [row, column] = key.split(".") as [string, string];
        return { row, column: T2_COLUMNS[column], value };
      });
      const rulesValues = reading.claims
        .filter((cl) => cl.quantity.startsWith("rules:"))
        .map((cl) => cl.value);
      // A figure of no table column (清理失效 is not 废止) is carried by no table claim.
      expect(
        t2.map(({ row, column, value }) =>
          column === undefined
            ? rulesValues.includes(value)
            : valuesOf(reading.claims, `rules:${row}:${column}` as QuantityId),
        ),
      ).toEqual(t2.map(({ column, value }) => (column === undefined ? false : [value])));

      const review = facts.table4_claims?.["行政复议"];
      expect(review === undefined ? [] : valuesOf(reading.claims, "review-total")).toEqual(
        review === undefined ? [] : [review[4]],
      );

      const period = extractPeriod(text);
      expect(
        facts.period === undefined ? undefined : { start: period?.start, end: period?.end },
      ).toEqual(facts.period);

      expect(valuesOf(reading.claims, "processing-fee")).toEqual(
        facts.fee_collected_yuan === undefined ? [] : [facts.fee_collected_yuan],
      );
    },
  );

  test("yiwu-niansanli-2023 is read through its traditional characters with offsets kept", () => {
    const c = caseById("yiwu-niansanli-2023");
    const text = textOf(c);
    const claims = readNarrative(text).claims;
    const carried = claims.find((cl) => cl.quantity === "applications-carried-forward");
    expect(carried).toMatchObject({ value: 1, targetYear: 2024, year: 2023 });
    expect(carried?.phrase.text).toBe("結轉至2024年辦理1件");
    for (const cl of claims) expect(text.slice(cl.span.start, cl.span.end)).toBe(cl.span.text);
  });

  test("anyue-daping-2021's unit-less 财政管理7 at the end of a line is not a part", () => {
    const reading = readNarrative(textOf(caseById("anyue-daping-2021")));
    expect(reading.breakdowns).toEqual([]);
    expect(reading.claims.map((cl) => [cl.quantity, cl.value])).toContainEqual([
      "active-disclosure-total",
      127,
    ]);
  });

  test("yiwu-niansanli-2022 counts 微信公众号 postings as no table figure", () => {
    const reading = readNarrative(textOf(caseById("yiwu-niansanli-2022")));
    expect(reading.claims.map((cl) => cl.value)).not.toContain(1088);
    expect(reading.breakdowns).toEqual([]);
  });
});
