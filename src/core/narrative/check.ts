/**
 * Checks a narrative: its breakdowns add up (N1), its 依申请 figures balance (N2), its figures
 * equal the tables (N3), it does not state one quantity twice with two values or a share that is
 * not part/whole (N4), and its 统计期限 is the report year (P1). Findings carry rule ids, codes,
 * numbers, named params and the sentences involved — never prose. A false alarm is worse than a
 * miss: a figure that cannot be tied to a cell with certainty is not checked against the tables,
 * a figure about another year is ignored, and one wrong figure is reported once (see each rule).
 */
import type { FigureSet } from "../model/figure-set";
import type { CellKey } from "../model/tables";
import type { CellRef, Finding, TextSpan } from "../rules/finding";
import { readNarrative, type Breakdown, type Claim, type Percentage } from "./claims";
import { extractPeriod, type StatedPeriod } from "./period";
import {
  allReviewCells,
  CLAIM_OUTCOME_GROUPS,
  isOutcome,
  isOutcomeGroup,
  measureOf,
  outcomeGroupOf,
  quantityCells,
  type QuantityId,
} from "./quantities";

/** What the narrative is checked against. */
export interface NarrativeCheckOptions {
  /** The report's tables; without them N3 is not checked. */
  readonly figures?: FigureSet;
  /** The report year; without it P1 is not checked and the year is inferred for other rules. */
  readonly year?: number;
}

/** Amounts (万元) are equal when they differ by less than this. */
const AMOUNT_TOLERANCE = 1e-6;

/** The findings of rules N1–N4 and P1 on a narrative text. Never throws on any text. */
export function checkNarrative(text: string, options: NarrativeCheckOptions = {}): Finding[] {
  const reading = readNarrative(text);
  const period = extractPeriod(text);
  const reportYear =
    options.year ??
    (period === undefined ? undefined : Number(period.start.slice(0, 4))) ??
    mostFrequentYear(reading.claims);
  const claims = reading.claims.filter((c) => inYear(c, reportYear));
  const context = contextOf(claims);

  const tables = options.figures === undefined ? undefined : checkTables(claims, options.figures);
  const contradicted = new Set(tables?.contradicted ?? []);
  const findings: Finding[] = [
    ...(tables?.findings ?? []),
    ...checkRepeats(context, tables?.known ?? new Set()),
    ...checkBalance(context, contradicted),
    ...checkOutcomes(claims, context, reading.breakdowns, contradicted),
    ...reading.breakdowns.flatMap(checkBreakdown),
    ...reading.percentages.flatMap((p) => checkShare(p, context)),
    ...(options.year === undefined || period === undefined
      ? []
      : checkPeriod(period, options.year)),
  ];
  return findings.sort((a, b) => (a.spans?.[0]?.start ?? 0) - (b.spans?.[0]?.start ?? 0));
}

/** Claims of table quantities grouped by quantity, and the one value a quantity is stated with. */
interface ClaimContext {
  readonly byQuantity: ReadonlyMap<QuantityId, readonly Claim[]>;
  /** The claim of a quantity when every statement of it agrees; undefined otherwise. */
  stated(q: QuantityId): Claim | undefined;
}

function contextOf(claims: readonly Claim[]): ClaimContext {
  const byQuantity = new Map<QuantityId, Claim[]>();
  for (const claim of claims) {
    const list = byQuantity.get(claim.quantity);
    if (list === undefined) byQuantity.set(claim.quantity, [claim]);
    else list.push(claim);
  }
  return {
    byQuantity,
    stated: (q) => {
      const list = byQuantity.get(q) ?? [];
      const first = list[0];
      if (first === undefined) return undefined;
      return list.every((c) => sameValue(q, valueOf(c), valueOf(first))) ? first : undefined;
    },
  };
}

/** N3: a figure that maps to cells whose values are all known must equal their sum. */
function checkTables(
  claims: readonly Claim[],
  figures: FigureSet,
): { findings: Finding[]; contradicted: Claim[]; known: Set<QuantityId> } {
  const findings: Finding[] = [];
  const contradicted: Claim[] = [];
  const known = new Set<QuantityId>();
  for (const claim of claims) {
    const table = tableValue(claim, figures);
    if (table === undefined) continue;
    known.add(claim.quantity);
    if (table.matches) continue;
    const both = receivedWithCarriedOver(claim, figures);
    if (both !== undefined) {
      // "受理申请N件" where N = 新收 + 上年结转: many reports call both "受理"; say both readings.
      findings.push({
        rule: "N3",
        code: "received-includes-carried-over",
        severity: "warning",
        table: "T3",
        cells: both.cells,
        reported: table.reported,
        computed: table.value,
        difference: round(table.reported - table.value),
        params: { quantity: claim.quantity, new: table.value, carriedOver: both.carriedOver },
        spans: [claim.sentence],
      });
      continue;
    }
    contradicted.push(claim);
    findings.push({
      rule: "N3",
      code: "narrative-table-mismatch",
      severity: "error",
      table: table.cells[0]!.table,
      cells: table.cells,
      reported: table.reported,
      computed: table.value,
      difference: round(table.reported - table.value),
      params: {
        quantity: claim.quantity,
        ...(claim.unit === undefined ? {} : { unit: claim.unit }),
        form: claim.form,
      },
      spans: [claim.sentence],
    });
  }
  return { findings, contradicted, known };
}

/**
 * N4: one table quantity stated with two values. When the tables know the quantity, N3 already
 * says which statement is wrong, so nothing more is reported. Quantities with no cell (主动公开
 * totals of several channels, 信息处理费) are not compared.
 */
function checkRepeats(context: ClaimContext, known: ReadonlySet<QuantityId>): Finding[] {
  const findings: Finding[] = [];
  for (const [quantity, list] of context.byQuantity) {
    if (quantityCells(quantity) === undefined || known.has(quantity)) continue;
    const first = list[0]!;
    const other = list.find((c) => !sameValue(quantity, valueOf(c), valueOf(first)));
    if (other === undefined) continue;
    findings.push({
      rule: "N4",
      code: "same-quantity-differs",
      severity: "error",
      cells: [],
      reported: valueOf(other),
      computed: valueOf(first),
      difference: round(valueOf(other) - valueOf(first)),
      params: { quantity, first: first.value, second: other.value },
      spans: sentencesOf([first, other]),
    });
  }
  return findings;
}

/**
 * N2: new + carried over = concluded + carried forward, when all four are stated once (or
 * consistently) and none of them is already contradicted by the tables.
 */
function checkBalance(context: ClaimContext, contradicted: ReadonlySet<Claim>): Finding[] {
  const fresh = context.stated("applications-new");
  const carriedOver = context.stated("applications-carried-over");
  const concluded = context.stated("applications-concluded");
  const carriedForward = context.stated("applications-carried-forward");
  if (
    fresh === undefined ||
    carriedOver === undefined ||
    concluded === undefined ||
    carriedForward === undefined
  ) {
    return [];
  }
  const four = [fresh, carriedOver, concluded, carriedForward];
  if (four.some((c) => contradicted.has(c))) return [];
  const left = fresh.value + carriedOver.value;
  const right = concluded.value + carriedForward.value;
  if (left === right) return [];
  return [
    {
      rule: "N2",
      code: "narrative-balance-mismatch",
      severity: "error",
      cells: [],
      reported: left,
      computed: right,
      difference: left - right,
      params: {
        new: fresh.value,
        carriedOver: carriedOver.value,
        concluded: concluded.value,
        carriedForward: carriedForward.value,
      },
      spans: sentencesOf(four),
    },
  ];
}

/**
 * N2: the outcomes listed add up to 办结. The outcome rows are disjoint, so outcomes of this year
 * listed in one sentence that add up to more than 办结 are wrong; less only when the text calls
 * the list of that 办结 complete ("办结10件，分别为予以公开5件、部分公开5件").
 */
function checkOutcomes(
  claims: readonly Claim[],
  context: ClaimContext,
  breakdowns: readonly Breakdown[],
  contradicted: ReadonlySet<Claim>,
): Finding[] {
  const concluded = context.stated("applications-concluded");
  if (concluded === undefined || contradicted.has(concluded)) return [];
  const outcomes = listedOutcomes(claims, context);
  if (outcomes.length === 0 || outcomes.some((c) => contradicted.has(c))) return [];
  // A list of outcomes is one sentence; outcomes stated here and there may be of other scopes.
  if (new Set(outcomes.map((c) => c.sentence.start)).size > 1) return [];
  const ownList = breakdowns.find(
    (b) => b.judgedBy === "N2" && b.total.span.start === concluded.span.start,
  );
  const sum = outcomes.reduce((s, c) => s + c.value, 0);
  if (sum === concluded.value) return [];
  // Short of 办结: an error when the text calls its list of that 办结 complete; likely wrong (a
  // warning) when it lists two or more outcomes of that 办结 with 其中; else nothing (the outcomes
  // may be named loosely, in passing).
  const severity =
    sum > concluded.value || ownList?.exhaustive === true
      ? "error"
      : ownList !== undefined && ownList.parts.length >= 2 && ownList.uncheckable === undefined
        ? "warning"
        : undefined;
  if (severity === undefined) return [];
  return [
    {
      rule: "N2",
      code: "narrative-outcomes-mismatch",
      severity,
      cells: [],
      reported: concluded.value,
      computed: sum,
      difference: concluded.value - sum,
      params: { concluded: concluded.value, outcomes: sum, listed: outcomes.length },
      spans: sentencesOf([concluded, ...outcomes]),
    },
  ];
}

/** P1: the stated statistics period is year-01-01 … year-12-31. */
function checkPeriod(period: StatedPeriod, year: number): Finding[] {
  if (period.start === `${year}-01-01` && period.end === `${year}-12-31`) return [];
  return [
    {
      rule: "P1",
      code: "period-wrong",
      severity: "error",
      cells: [],
      params: { start: period.start, end: period.end, year },
      spans: [period.sentence],
    },
  ];
}

// ---------------------------------------------------------------------------------------------

function inYear(claim: Claim, year: number | undefined): boolean {
  if (year === undefined) return true;
  if (claim.year !== undefined && claim.year !== year) return false;
  if (claim.targetYear !== undefined && claim.targetYear !== year + 1) return false;
  return true;
}

function mostFrequentYear(claims: readonly Claim[]): number | undefined {
  const counts = new Map<number, number>();
  for (const c of claims)
    if (c.year !== undefined) counts.set(c.year, (counts.get(c.year) ?? 0) + 1);
  let best: number | undefined;
  for (const [year, n] of counts) {
    if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && year > best)) {
      best = year;
    }
  }
  return best;
}

/** A claim's value in the table's unit (元 → 万元). */
function valueOf(claim: Claim): number {
  return claim.unit === "元" ? claim.value / 10_000 : claim.value;
}

function sameValue(q: QuantityId, a: number, b: number): boolean {
  return measureOf(q) === "amount" ? Math.abs(a - b) < AMOUNT_TOLERANCE : a === b;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Sentences of the claims, once each, in text order. */
function sentencesOf(claims: readonly Claim[]): TextSpan[] {
  const spans = new Map<number, TextSpan>();
  for (const c of claims) spans.set(c.sentence.start, c.sentence);
  return [...spans.values()].sort((a, b) => a.start - b.start);
}

/** The table value a claim is compared with, when every cell it needs holds a number. */
function tableValue(
  claim: Claim,
  figures: FigureSet,
): { reported: number; value: number; cells: CellRef[]; matches: boolean } | undefined {
  const keys =
    claim.form === "zero-statement" && claim.quantity === "review-and-litigation"
      ? allReviewCells()
      : quantityCells(claim.quantity, figures);
  if (keys === undefined || keys.length === 0) return undefined;
  const numbers = keys.map((k) => figures.value(k));
  if (!numbers.every((v): v is number => v !== undefined)) return undefined;
  const ref = (k: CellKey): CellRef => {
    const address = figures.get(k)?.address;
    return address === undefined ? { ...k } : { ...k, address };
  };
  if (claim.form === "zero-statement" && claim.quantity === "review-and-litigation") {
    // "未发生行政复议、行政诉讼": every cell of table 四 is 0; the number is the three 总计.
    const nonZero = keys.filter((_, i) => numbers[i] !== 0);
    const totals = quantityCells("review-and-litigation", figures)!.map(
      (k) => figures.value(k) ?? 0,
    );
    return {
      reported: 0,
      value: totals.reduce((s, v) => s + v, 0),
      cells: (nonZero.length > 0 ? nonZero : keys).map(ref),
      matches: nonZero.length === 0,
    };
  }
  const sum = round(numbers.reduce((s, v) => s + v, 0));
  const reported = valueOf(claim);
  return {
    reported,
    value: sum,
    cells: keys.map(ref),
    matches: sameValue(claim.quantity, reported, sum),
  };
}

/**
 * For a 收到/受理 figure (not 新收) that differs from row 一: the cells when it equals row 一 plus
 * row 二 (上年结转), the other reading of 受理.
 */
function receivedWithCarriedOver(
  claim: Claim,
  figures: FigureSet,
): { cells: CellRef[]; carriedOver: number } | undefined {
  if (claim.quantity !== "applications-new" || claim.form !== "figure") return undefined;
  if (/新收/u.test(claim.phrase.text)) return undefined;
  const keys = [
    ...quantityCells("applications-new", figures)!,
    ...quantityCells("applications-carried-over", figures)!,
  ];
  const values = keys.map((k) => figures.value(k));
  if (!values.every((v): v is number => v !== undefined)) return undefined;
  if (values[0]! + values[1]! !== claim.value) return undefined;
  const cells = keys.map((k): CellRef => {
    const address = figures.get(k)?.address;
    return address === undefined ? { ...k } : { ...k, address };
  });
  return { cells, carriedOver: values[1]! };
}

/** Outcome figures without double counting: a group when stated, else its stated leaf rows. */
function listedOutcomes(claims: readonly Claim[], context: ClaimContext): Claim[] {
  const picked: Claim[] = [];
  for (const group of CLAIM_OUTCOME_GROUPS) {
    const whole = context.stated(`outcome:${group}`);
    if (whole !== undefined) {
      picked.push(whole);
      continue;
    }
    const leaves = new Set<QuantityId>();
    for (const c of claims) {
      if (
        isOutcome(c.quantity) &&
        !isOutcomeGroup(c.quantity) &&
        outcomeGroupOf(c.quantity) === group
      ) {
        leaves.add(c.quantity);
      }
    }
    for (const leaf of leaves) {
      const claim = context.stated(leaf);
      if (claim !== undefined) picked.push(claim);
    }
  }
  return picked;
}

/**
 * N1 (spec §8, "N1 in detail"): a part larger than its whole is an error (one finding per such
 * part, and then no sum finding: the fix is the same). A list the text calls complete (分别为, a
 * closing 共计, a residual 其他…, 自然人 + 法人或其他组织) that does not add up is an error. An open
 * 其中/包括 list adding up to more is a warning (channels overlap); to less, nothing (highlights).
 * A list with a hedged part, in an unfinished sentence, or whose whole is ambiguous is not summed.
 * Breakdowns of 办结 into outcomes are N2's.
 */
function checkBreakdown(breakdown: Breakdown): Finding[] {
  if (breakdown.judgedBy !== "N1") return [];
  const total = breakdown.total.value;
  if (breakdown.uncheckable === "ambiguous-total" || breakdown.uncheckable === "mixed-scope") {
    return [];
  }
  if (breakdown.total.hedged === true) return [];
  const over = breakdown.parts.filter((p) => p.hedged !== true && p.value > total);
  if (over.length > 0) {
    return over.map((part): Finding => ({
      rule: "N1",
      code: "part-exceeds-total",
      severity: "error",
      cells: [],
      reported: total,
      computed: part.value,
      difference: round(total - part.value),
      params: { total, part: part.value, label: part.label, unit: breakdown.total.unit },
      spans: breakdown.sentences,
    }));
  }
  if (breakdown.uncheckable !== undefined) return [];
  const sum = round(breakdown.parts.reduce((s, p) => s + p.value, 0));
  if (sum === total) return [];
  // A list the text calls complete, or parts that are disjoint rows of table 三 (outcome
  // reasons, applicant kinds) summing above the whole: the mismatch is certain.
  const certain =
    breakdown.exhaustive ||
    (sum > total && breakdown.parts.every((p) => p.quantity !== undefined && disjoint(p.quantity)));
  if (certain) {
    return [
      {
        rule: "N1",
        code: "breakdown-sum-mismatch",
        severity: "error",
        cells: [],
        reported: total,
        computed: sum,
        difference: round(total - sum),
        params: { total, parts: breakdown.parts.length, unit: breakdown.total.unit },
        spans: breakdown.sentences,
      },
    ];
  }
  if (sum < total) return [];
  return [
    {
      rule: "N1",
      code: "open-list-exceeds-total",
      severity: "warning",
      cells: [],
      reported: total,
      computed: sum,
      difference: round(total - sum),
      params: { total, parts: breakdown.parts.length, unit: breakdown.total.unit },
      spans: breakdown.sentences,
    },
  ];
}

/** Quantities that are disjoint rows of table 三 (an application has one outcome, one applicant). */
function disjoint(q: QuantityId): boolean {
  return isOutcome(q) || q.startsWith("applicant:");
}

/** A share "占N%" whose part and whole are both known must be round(part / whole), ± one last digit. */
function checkShare(percentage: Percentage, context: ClaimContext): Finding[] {
  if (percentage.kind !== "share" || percentage.part === undefined) return [];
  let whole = percentage.whole?.value;
  if (whole === undefined && percentage.wholeQuantity !== undefined) {
    const partQuantity = percentage.part.quantity;
    const related =
      partQuantity !== undefined &&
      (percentage.wholeQuantity === "active-disclosure-total"
        ? partQuantity === "active-disclosure-total"
        : isOutcome(partQuantity) || partQuantity.startsWith("applicant:"));
    if (!related) return [];
    whole = context.stated(percentage.wholeQuantity)?.value;
  }
  if (whole === undefined || whole <= 0) return [];
  const exact = (100 * percentage.part.value) / whole;
  const step = 10 ** -percentage.decimals;
  if (Math.abs(percentage.value - exact) < step) return [];
  const computed = Number(exact.toFixed(percentage.decimals));
  return [
    {
      rule: "N4",
      code: "percentage-mismatch",
      severity: "warning",
      cells: [],
      reported: percentage.value,
      computed,
      difference: round(percentage.value - computed),
      params: { part: percentage.part.value, whole, decimals: percentage.decimals },
      spans: [percentage.sentence],
    },
  ];
}
