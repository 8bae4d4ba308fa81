/**
 * The report as the clerk has verified it: a check's findings with the explanations that still hold
 * taken out (their figures are verified, so they carry no 【请核对】 and are not errors), and those
 * explanations as the paragraphs of 六（五）. A lapsed explanation leaves its finding open. One
 * function for the command line's `report` and the pane's 生成年度报告.
 */
import type { CheckResult } from "../check";
import { applyExplanations, statisticsNotes, type Explanation } from "../explain/explanations";
import type { Locale } from "../locales/locale";
import { figureSet } from "../model/figure-set";
import type { LocatedTable } from "../model/figures";
import type { Finding, Severity } from "../rules/finding";

/** The open part of a check and the 六（五） paragraphs. */
export interface VerifiedCheck {
  readonly check: CheckResult;
  readonly statisticsNotes: readonly string[];
  /** Problems with an open error (as the pane and the command line count them). */
  readonly errors: number;
}

/** Applies the explanations to a check of `tables`. */
export function verifiedCheck(
  result: CheckResult,
  tables: readonly LocatedTable[],
  explanations: readonly Explanation[],
  locale: Locale,
): VerifiedCheck {
  const applied = applyExplanations(result.findings, explanations, figureSet(tables));
  const kept = new Set<Finding>(applied.open);
  const findings = result.findings.filter((f) => kept.has(f));
  const problems = result.problems
    .map((p) => ({ ...p, findings: p.findings.filter((f) => kept.has(f)) }))
    .filter((p) => p.findings.length > 0);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return {
    check: { ...result, findings, problems, counts },
    statisticsNotes: statisticsNotes(applied.explained, locale),
    errors: problems.filter((p) => p.findings.some((f) => f.severity === "error")).length,
  };
}
