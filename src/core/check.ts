/**
 * The check of one report: build the rules that apply to the tables present, run each once,
 * attach the unique single-cell fixes, and group the findings into problems.
 */
import { inferAgencyLevel, type AgencyLevel } from "./model/agency";
import { figureSet } from "./model/figure-set";
import type { LocatedTable } from "./model/figures";
import { buildRules, type Rule } from "./rules/catalog";
import { evaluateRule, type CheckContext } from "./rules/evaluate";
import type { Finding, Problem, Severity } from "./rules/finding";
import { groupProblems } from "./rules/problems";
import { attachFixes } from "./rules/fix";
import { checkNarrative } from "./narrative/check";
import { readDocumentStructure, type ReportDocument } from "./structure/document";

/** What one check looks at. Only `tables` is required. */
export interface CheckInput {
  readonly tables: readonly LocatedTable[];
  /** Last year's tables of the same agency, for X1 and X2. */
  readonly lastYear?: readonly LocatedTable[];
  /** The report (data) year, for R8 and P1. */
  readonly year?: number;
  /** The agency's name; its level is inferred from it when `agencyLevel` is not given. */
  readonly agency?: string;
  readonly agencyLevel?: AgencyLevel;
  /** The report's narrative text, for N1–N4 and P1. */
  readonly narrative?: string;
  /**
   * The whole report's text (headings, paragraphs, table cells as lines) for the structure rules
   * S1–S3; absent for a workbook of tables. `form: "text"` for pasted or exported text, which is
   * judged as a whole report only when it presents itself as one.
   */
  readonly document?: ReportDocument;
}

/** The outcome of a check. */
export interface CheckResult {
  /** Every finding, errors first. */
  readonly findings: readonly Finding[];
  /** The findings grouped: one problem per unique single-cell fix, else one per finding. */
  readonly problems: readonly Problem[];
  /** How many rule instances were evaluated (shown as "已检查 N 条规则"). */
  readonly rulesChecked: number;
  readonly counts: Readonly<Record<Severity, number>>;
}

/** Checks a report's tables (and narrative, and last year's tables, when given). */
export function checkReport(input: CheckInput): CheckResult {
  const figures = figureSet(input.tables);
  const t3 = figures.tables.find((t) => t.table === "T3");
  const narrative = input.narrative;
  const rules: Rule[] = buildRules({
    ...(t3 === undefined ? {} : { t3Version: t3.version }),
    hasT2: figures.has("T2"),
    ...(figures.version("T2") === undefined ? {} : { t2Version: figures.version("T2")! }),
    hasT4: figures.has("T4"),
    hasLastYear: input.lastYear !== undefined && input.lastYear.length > 0,
    hasNarrative: narrative !== undefined && narrative.trim() !== "",
    hasDocument: input.document !== undefined,
  });
  let narrativeCache: readonly Finding[] | undefined;
  const agencyLevel =
    input.agencyLevel ?? (input.agency === undefined ? undefined : inferAgencyLevel(input.agency));
  const context: CheckContext = {
    figures,
    ...(input.document === undefined ? {} : { document: readDocumentStructure(input.document) }),
    ...(input.lastYear === undefined ? {} : { lastYear: figureSet(input.lastYear) }),
    ...(input.year === undefined ? {} : { year: input.year }),
    ...(agencyLevel === undefined ? {} : { agencyLevel }),
    narrativeFindings: () =>
      (narrativeCache ??= checkNarrative(narrative ?? "", {
        figures,
        ...(input.year === undefined ? {} : { year: input.year }),
      })),
  };
  const results = rules.map((rule) => ({ rule, findings: evaluateRule(rule, context) }));
  const findings = attachFixes(results, figures);
  const problems = groupProblems(findings);
  const ordered = problems.flatMap((p) => p.findings);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of ordered) counts[f.severity] += 1;
  return { findings: ordered, problems, rulesChecked: rules.length, counts };
}
