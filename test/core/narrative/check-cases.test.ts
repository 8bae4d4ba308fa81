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

describe("the extractor reads what the transcriber read", () => {
  test.each(withFacts.map((c) => [c.case_id, c] as const))(
    "%s: breakdowns, 依申请 figures, table claims and period",
    (_id, c) => {
      const facts = c.narrative_facts as Facts;
      const text = textOf(c);
      const reading = readNarrative(text);

      for (const fact of facts.active_disclosure ?? []) {
        const breakdown = reading.breakdowns.find((b) => b.total.value === fact.total);
        expect(breakdown?.parts.map((p) => p.value)).toEqual(fact.parts);
        expect(breakdown?.exhaustive).toBe(fact.exhaustive);
        expect(breakdown?.sentences[0]?.text).toBe(
          readNarrative(c.narrative_numbers[fact.quote_idx]!).breakdowns[0]?.sentences[0]?.text,
        );
        expect(valuesOf(reading.claims, "active-disclosure-total")).toContain(fact.total);
      }

      const applications = facts.applications ?? {};
      for (const [key, quantity] of Object.entries(APPLICATION_KEYS)) {
        const value = applications[key as keyof ApplicationFacts];
        if (typeof value === "number") expect(valuesOf(reading.claims, quantity)).toEqual([value]);
      }
      for (const [key, value] of Object.entries(applications.outcome_parts ?? {})) {
        const quantity = `outcome:${key.replace("*", "")}` as QuantityId;
        expect(valuesOf(reading.claims, quantity)).toEqual([value]);
      }

      for (const [key, value] of Object.entries(facts.table2_claims ?? {})) {
        const [row, column] = key.split(".") as [string, string];
        const mapped = T2_COLUMNS[column];
        if (mapped === undefined) {
          // Not a table column (清理失效 is not 废止): no table claim may carry this figure.
          const rulesValues = reading.claims
            .filter((cl) => cl.quantity.startsWith("rules:"))
            .map((cl) => cl.value);
          expect(rulesValues).not.toContain(value);
        } else {
          expect(valuesOf(reading.claims, `rules:${row}:${mapped}` as QuantityId)).toEqual([value]);
        }
      }

      const review = facts.table4_claims?.["行政复议"];
      if (review !== undefined) {
        expect(valuesOf(reading.claims, "review-total")).toEqual([review[4]]);
      }

      if (facts.period !== undefined) {
        const period = extractPeriod(text);
        expect({ start: period?.start, end: period?.end }).toEqual(facts.period);
      }

      if (facts.fee_collected_yuan !== undefined) {
        expect(valuesOf(reading.claims, "processing-fee")).toEqual([facts.fee_collected_yuan]);
      }
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

  test("anyue-daping-2021's last part lost its unit and is still read as a part", () => {
    const reading = readNarrative(textOf(caseById("anyue-daping-2021")));
    const parts = reading.breakdowns[0]?.parts ?? [];
    const last = parts[parts.length - 1];
    expect(last).toMatchObject({ value: 7, unit: "条", unitElided: true, label: "财政管理" });
  });

  test("yiwu-niansanli-2022 counts 微信公众号 postings as no table figure", () => {
    const reading = readNarrative(textOf(caseById("yiwu-niansanli-2022")));
    expect(reading.claims.map((cl) => cl.value)).not.toContain(1088);
    expect(reading.breakdowns).toEqual([]);
  });
});
