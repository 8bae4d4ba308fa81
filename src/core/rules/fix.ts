/**
 * One problem, one fix. A mistyped number usually breaks a row rule, a column rule and the balance
 * at once; when changing one cell to one value repairs every failure that involves that cell, and
 * no other single change repairs as much, the failures are one problem with that fix. When the
 * fix is not unique (table 四: any of four cells could balance a group), nothing is proposed.
 */
import type { FigureSet } from "../model/figure-set";
import { numericValue } from "../model/figures";
import { cellId, dataCells, tableDef, type CellKey, type ValueDomain } from "../model/tables";
import type { BoundRule, LinearRule, Rule } from "./catalog";
import { clean, isStoredAsText, refOf, SUM_TOLERANCE } from "./evaluate";
import type { Finding, Fix } from "./finding";

type ArithmeticRule = LinearRule | BoundRule;

/** A failure that a fix may repair: a failed arithmetic rule, or a cell whose value is invalid. */
type Failure = { readonly rule: ArithmeticRule } | { readonly invalidCell: string };

interface Candidate {
  readonly key: CellKey;
  readonly id: string;
  readonly original: number;
  readonly value: number;
  readonly repairs: ReadonlySet<Failure>;
}

function isArithmetic(rule: Rule): rule is ArithmeticRule {
  return rule.kind === "linear" || rule.kind === "bound";
}

function sides(rule: ArithmeticRule): [readonly CellKey[], readonly CellKey[]] {
  return rule.kind === "linear" ? [rule.left, rule.right] : [rule.part, rule.whole];
}

/** Whether a rule holds under the values; undefined when a cell has no number. */
function holds(rule: ArithmeticRule, values: ReadonlyMap<string, number>): boolean | undefined {
  const [left, right] = sides(rule);
  let l = 0;
  let r = 0;
  for (const k of left) {
    const v = values.get(cellId(k));
    if (v === undefined) return undefined;
    l += v;
  }
  for (const k of right) {
    const v = values.get(cellId(k));
    if (v === undefined) return undefined;
    r += v;
  }
  return rule.kind === "linear" ? Math.abs(l - r) <= SUM_TOLERANCE : l <= r + SUM_TOLERANCE;
}

/** The value a cell must take for a linear rule to hold, all else equal. */
function solve(
  rule: LinearRule,
  key: CellKey,
  values: ReadonlyMap<string, number>,
): number | undefined {
  const id = cellId(key);
  let l = 0;
  let r = 0;
  let sign = 0;
  for (const k of rule.left) {
    if (cellId(k) === id) sign = 1;
    else l += values.get(cellId(k)) ?? Number.NaN;
  }
  for (const k of rule.right) {
    if (cellId(k) === id) sign = -1;
    else r += values.get(cellId(k)) ?? Number.NaN;
  }
  if (sign === 0 || Number.isNaN(l) || Number.isNaN(r)) return undefined;
  return clean(sign === 1 ? r - l : l - r);
}

function validFor(domain: ValueDomain, value: number): boolean {
  if (domain === "change") return Number.isInteger(value);
  if (value < 0) return false;
  return domain === "amount" || Number.isInteger(value);
}

/**
 * Finds the unique single-cell fixes among the failures, and returns the findings with `fix`
 * attached to each finding a fix repairs. `results` pairs each rule with the findings it gave.
 */
export function attachFixes(
  results: readonly { readonly rule: Rule; readonly findings: readonly Finding[] }[],
  figures: FigureSet,
): Finding[] {
  const values = new Map<string, number>();
  const asText = new Set<string>();
  for (const table of figures.tables) {
    for (const [id, cell] of table.cells) {
      const v = numericValue(cell.reading);
      if (v !== undefined) values.set(id, v);
      if (isStoredAsText(cell)) asText.add(id);
    }
  }
  const arithmetic = results.filter((r) => isArithmetic(r.rule)) as {
    rule: ArithmeticRule;
    findings: readonly Finding[];
  }[];
  const failedRules = new Map<ArithmeticRule, Failure>();
  // A failure involving a number held as text gets no fix: where the total is a formula, Excel's
  // SUM left that cell out and the figures disagree for that reason alone, so any value proposed
  // for a cell would be wrong; the R5 number-as-text finding says what to change.
  const involvesText = (rule: ArithmeticRule): boolean =>
    sides(rule).some((side) => side.some((k) => asText.has(cellId(k))));
  for (const { rule } of arithmetic)
    if (holds(rule, values) === false && !involvesText(rule)) failedRules.set(rule, { rule });
  // Most reports break no sum: nothing below is needed for them.
  if (failedRules.size === 0) return results.flatMap((r) => r.findings);
  const invalidCells = new Map<string, Failure>();
  for (const { rule, findings } of results) {
    if (rule.kind !== "cell-values") continue;
    for (const f of findings) {
      if (f.code !== "negative" && f.code !== "fraction") continue;
      const id = cellId(f.cells[0]!);
      invalidCells.set(id, { invalidCell: id });
    }
  }
  const domains = new Map<string, ValueDomain>();
  for (const table of figures.tables)
    for (const d of dataCells(tableDef(table.table, table.version)))
      domains.set(cellId(d), d.domain);
  const rulesByCell = new Map<string, ArithmeticRule[]>();
  for (const { rule } of arithmetic) {
    const [left, right] = sides(rule);
    for (const k of [...left, ...right]) {
      const id = cellId(k);
      const list = rulesByCell.get(id);
      if (list === undefined) rulesByCell.set(id, [rule]);
      else list.push(rule);
    }
  }

  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const rule of failedRules.keys()) {
    if (rule.kind !== "linear") continue;
    for (const key of [...rule.left, ...rule.right]) {
      const id = cellId(key);
      const original = values.get(id);
      const value = original === undefined ? undefined : solve(rule, key, values);
      if (original === undefined || value === undefined || seen.has(`${id}=${value}`)) continue;
      seen.add(`${id}=${value}`);
      if (!validFor(domains.get(id) ?? "count", value)) continue;
      const trial = new Map(values).set(id, value);
      const touched = rulesByCell.get(id) ?? [];
      if (touched.some((r) => holds(r, trial) === false)) continue;
      const repairs = new Set<Failure>(touched.flatMap((r) => failedRules.get(r) ?? []));
      const invalid = invalidCells.get(id);
      if (invalid !== undefined) repairs.add(invalid);
      candidates.push({ key, id, original, value, repairs });
    }
  }

  // A candidate is the fix when every other candidate that shares a failure with it repairs
  // strictly less: no other single change explains as much.
  const fixes = new Map<Failure, Fix>();
  for (const c of candidates) {
    const dominated = candidates.some(
      (o) =>
        o !== c &&
        [...o.repairs].some((f) => c.repairs.has(f)) &&
        ![...o.repairs].every((f) => c.repairs.has(f) && o.repairs.size < c.repairs.size),
    );
    if (dominated) continue;
    const cell = refOf(c.key, figures.get(c.key));
    for (const f of c.repairs) fixes.set(f, { cell, original: c.original, value: c.value });
  }

  return results.flatMap(({ rule, findings }) =>
    findings.map((finding) => {
      if (finding.fix !== undefined) return finding;
      const failure = isArithmetic(rule)
        ? failedRules.get(rule)
        : rule.kind === "cell-values" && finding.cells[0] !== undefined
          ? invalidCells.get(cellId(finding.cells[0]))
          : undefined;
      const fix = failure === undefined ? undefined : fixes.get(failure);
      return fix === undefined ? finding : { ...finding, fix };
    }),
  );
}
