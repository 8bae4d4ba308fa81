/**
 * Runs the table rules (no narrative) over located tables: the same path as checkReport without
 * the narrative checker, so rule tests do not depend on it.
 */
import type { AgencyLevel } from "../../src/core/model/agency";
import { figureSet } from "../../src/core/model/figure-set";
import type { LocatedTable } from "../../src/core/model/figures";
import { buildRules } from "../../src/core/rules/catalog";
import { evaluateRule } from "../../src/core/rules/evaluate";
import type { Finding, Problem } from "../../src/core/rules/finding";
import { attachFixes } from "../../src/core/rules/fix";
import { groupProblems } from "../../src/core/rules/problems";

export interface RunOptions {
  lastYear?: LocatedTable[];
  year?: number;
  agencyLevel?: AgencyLevel;
}

export function runRules(
  tables: LocatedTable[],
  options: RunOptions = {},
): { findings: Finding[]; problems: Problem[]; rulesChecked: number } {
  const figures = figureSet(tables);
  const t3 = figures.tables.find((t) => t.table === "T3");
  const rules = buildRules({
    ...(t3 === undefined ? {} : { t3Version: t3.version }),
    hasT2: figures.has("T2"),
    ...(figures.version("T2") === undefined ? {} : { t2Version: figures.version("T2")! }),
    hasT4: figures.has("T4"),
    hasLastYear: options.lastYear !== undefined,
    hasNarrative: false,
  });
  const context = {
    figures,
    ...(options.lastYear === undefined ? {} : { lastYear: figureSet(options.lastYear) }),
    ...(options.year === undefined ? {} : { year: options.year }),
    ...(options.agencyLevel === undefined ? {} : { agencyLevel: options.agencyLevel }),
  };
  const results = rules.map((rule) => ({ rule, findings: evaluateRule(rule, context) }));
  const findings = attachFixes(results, figures);
  const problems = groupProblems(findings);
  return { findings: problems.flatMap((p) => p.findings), problems, rulesChecked: rules.length };
}
