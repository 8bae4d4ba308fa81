/**
 * The pane's view of a check: what was read, what the core found, and the counts for the summary
 * line. Pure: the workbook is read by the adapter, the rules run in the core.
 */
import { checkReport, type CheckResult } from "../core/check";
import { figureSet, type FigureSet } from "../core/model/figure-set";
import type { LocatedTable } from "../core/model/figures";
import { checkNarrative } from "../core/narrative/check";
import type { Finding, Problem } from "../core/rules/finding";

export interface CheckInput {
  readonly tables: readonly LocatedTable[];
  readonly lastYear?: readonly LocatedTable[];
  readonly year?: number;
  readonly agency?: string;
}

export interface CheckOutcome {
  readonly figures: FigureSet;
  /** The core's result itself, for the report plan's 【请核对】 marks. */
  readonly check: CheckResult;
  readonly findings: readonly Finding[];
  readonly problems: readonly Problem[];
  readonly rulesChecked: number;
  readonly errors: number;
  readonly warnings: number;
}

/**
 * Runs every rule that applies to the located tables (X1/X2 when last year's tables are given).
 * Counts are of problems, so one wrong cell counts once however many rules it breaks.
 */
export function checkTables(input: CheckInput): CheckOutcome {
  const result = checkReport({
    tables: input.tables,
    ...(input.lastYear === undefined || input.lastYear.length === 0
      ? {}
      : { lastYear: input.lastYear }),
    ...(input.year === undefined ? {} : { year: input.year }),
    ...(input.agency === undefined ? {} : { agency: input.agency }),
  });
  const isError = (p: Problem): boolean => p.findings.some((f) => f.severity === "error");
  return {
    figures: figureSet(input.tables),
    check: result,
    findings: result.findings,
    problems: result.problems,
    rulesChecked: result.rulesChecked,
    errors: result.problems.filter(isError).length,
    warnings: result.problems.filter((p) => !isError(p)).length,
  };
}

/** The user's draft checked against the tables (N1–N4, P1). */
export function checkDraft(
  text: string,
  figures: FigureSet | undefined,
  year: number | undefined,
): Finding[] {
  return checkNarrative(text, {
    ...(figures === undefined ? {} : { figures }),
    ...(year === undefined ? {} : { year }),
  });
}

/** The sheet-qualified addresses a problem points at, in order, without repeats. */
export function problemAddresses(problem: Problem): string[] {
  const out: string[] = [];
  const add = (address: string | undefined): void => {
    if (address !== undefined && !out.includes(address)) out.push(address);
  };
  add(problem.fix?.cell.address);
  for (const f of problem.findings) for (const c of f.cells) add(c.address);
  return out;
}
