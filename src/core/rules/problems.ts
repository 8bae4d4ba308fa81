/** Findings grouped into problems: one per unique single-cell fix, else one per finding. */
import { cellId } from "../model/tables";
import { SEVERITY_ORDER, type Finding, type Problem } from "./finding";

/**
 * Groups findings that share a fix (same cell, same value) into one problem, together with the
 * R5/R6 findings on that cell; every other finding is a problem of its own. Errors first.
 */
export function groupProblems(findings: readonly Finding[]): Problem[] {
  const byFix = new Map<string, Finding[]>();
  const fixCells = new Map<string, string>();
  for (const f of findings) {
    if (f.fix === undefined) continue;
    const key = `${cellId(f.fix.cell)}=${f.fix.value}`;
    byFix.set(key, [...(byFix.get(key) ?? []), f]);
    fixCells.set(cellId(f.fix.cell), key);
  }
  const problems: Problem[] = [];
  const grouped = new Map<string, Finding[]>();
  for (const f of findings) {
    const cellKey = f.cells[0] === undefined ? undefined : cellId(f.cells[0]);
    const sameCell =
      f.fix === undefined && (f.rule === "R5" || f.rule === "R6") && cellKey !== undefined
        ? fixCells.get(cellKey)
        : undefined;
    const key = f.fix !== undefined ? `${cellId(f.fix.cell)}=${f.fix.value}` : sameCell;
    if (key === undefined) {
      problems.push({ findings: [f] });
      continue;
    }
    const group = grouped.get(key);
    const withFix = f.fix === undefined ? { ...f, fix: byFix.get(key)![0]!.fix! } : f;
    if (group === undefined) {
      const fresh = [withFix];
      grouped.set(key, fresh);
      problems.push({ findings: fresh, fix: withFix.fix! });
    } else {
      group.push(withFix);
    }
  }
  const worst = (p: Problem): number =>
    Math.min(...p.findings.map((f) => SEVERITY_ORDER[f.severity]));
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => worst(a.p) - worst(b.p) || a.i - b.i)
    .map(({ p }) => p);
}
