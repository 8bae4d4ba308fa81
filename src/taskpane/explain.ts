/**
 * The pane's explanations (issue 13): which of a check's problems are open, explained or lapsed,
 * and the explanations to keep after the clerk explains or withdraws one. Pure: the core decides
 * what may be explained and when an explanation holds; the adapter keeps them in the workbook.
 */
import {
  applyExplanations,
  explainFinding,
  explanationSuggestions,
  findingKey,
  isExplainable,
  type Explanation,
} from "../core/explain/explanations";
import type { Locale } from "../core/locales/locale";
import type { FigureSet } from "../core/model/figure-set";
import type { Finding, Problem } from "../core/rules/finding";
import type { ExplainedMark } from "../excel/highlight";
import type { CheckOutcome } from "./report";

/** A problem still to fix or explain. */
export interface OpenProblem {
  readonly problem: Problem;
  /** Every finding of it may be explained (never R1–R5). */
  readonly explainable: boolean;
  /** Earlier explanations of its findings that no longer hold (a value changed). */
  readonly lapsed: readonly Explanation[];
}

/** A problem every finding of which an explanation covers. */
export interface ExplainedProblem {
  readonly problem: Problem;
  readonly explanations: readonly Explanation[];
}

export interface SortedProblems {
  readonly open: readonly OpenProblem[];
  readonly explained: readonly ExplainedProblem[];
  /** Open problems with an error, and the other open ones: the summary's counts. */
  readonly errors: number;
  readonly warnings: number;
}

/**
 * Sorts a check's problems by the explanations kept. A problem is explained only when every one of
 * its findings is (one wrong cell can break an explainable rule and R1 at once: it stays open).
 */
export function sortProblems(
  outcome: CheckOutcome,
  explanations: readonly Explanation[],
): SortedProblems {
  const applied = applyExplanations(outcome.findings, explanations, outcome.figures);
  const explainedBy = new Map(applied.explained.map((e) => [findingKey(e.finding), e.explanation]));
  const lapsedBy = new Map(applied.lapsed.map((e) => [findingKey(e.finding), e.explanation]));
  const open: OpenProblem[] = [];
  const explained: ExplainedProblem[] = [];
  for (const problem of outcome.problems) {
    const keys = problem.findings.map(findingKey);
    const covering = keys.map((k) => explainedBy.get(k));
    if (covering.every((e) => e !== undefined)) {
      explained.push({ problem, explanations: unique(covering) });
      continue;
    }
    open.push({
      problem,
      explainable: problem.findings.every(isExplainable),
      lapsed: unique(keys.flatMap((k) => lapsedBy.get(k) ?? [])),
    });
  }
  const isError = (p: Problem): boolean => p.findings.some((f) => f.severity === "error");
  return {
    open,
    explained,
    errors: open.filter((o) => isError(o.problem)).length,
    warnings: open.filter((o) => !isError(o.problem)).length,
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * The explanations after explaining a problem: one per finding, with the values its cells show
 * now; an earlier one of the same finding (lapsed) is replaced, the rest kept in their order.
 */
export function withExplained(
  kept: readonly Explanation[],
  problem: Problem,
  figures: FigureSet,
  reason: string,
  date: string,
): Explanation[] {
  const added = problem.findings.map((f) => explainFinding(f, figures, reason, date));
  const keys = new Set(added.map((e) => e.key));
  return [...kept.filter((e) => !keys.has(e.key)), ...added];
}

/** The explanations after withdrawing those of a problem's findings. */
export function withoutExplained(kept: readonly Explanation[], problem: Problem): Explanation[] {
  const keys = new Set(problem.findings.map(findingKey));
  return kept.filter((e) => !keys.has(e.key));
}

/** Suggested reasons for a problem's findings, each once. */
export function problemSuggestions(problem: Problem, locale: Locale): string[] {
  return unique(problem.findings.flatMap((f: Finding) => explanationSuggestions(f, locale)));
}

/** The cells to mark quieter: those of explained problems, with the values they held. */
export function explainedMarks(explained: readonly ExplainedProblem[]): ExplainedMark[] {
  return explained.flatMap((p) =>
    p.explanations.map((e) => ({
      rule: e.rule,
      cells: e.cells.flatMap((c) =>
        c.address === undefined ? [] : [{ address: c.address, value: c.value }],
      ),
    })),
  );
}

/** Today as YYYY-MM-DD in the clerk's own time zone (the day they verified the figures). */
export function explanationDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
