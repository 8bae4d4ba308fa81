/**
 * Findings are values: a stable rule id (spec §8), a code for the exact condition, a severity, the
 * cells involved and the numbers. No prose: the locale modules turn a finding into text.
 */
import type { CellKey, TableId } from "../model/tables";

/** The rule ids of spec §8. Tests, the pane and the command line key on them. */
export type RuleId =
  | "R1"
  | "R2"
  | "R3"
  | "R3a"
  | "R4"
  | "R5"
  | "R6"
  | "R7"
  | "R8"
  | "R9"
  | "X1"
  | "X2"
  | "N1"
  | "N2"
  | "N3"
  | "N4"
  | "P1"
  | "S1"
  | "S2"
  | "S3";

export const RULE_IDS: readonly RuleId[] = [
  "R1",
  "R2",
  "R3",
  "R3a",
  "R4",
  "R5",
  "R6",
  "R7",
  "R8",
  "R9",
  "X1",
  "X2",
  "N1",
  "N2",
  "N3",
  "N4",
  "P1",
  "S1",
  "S2",
  "S3",
];

export type Severity = "error" | "warning" | "info";

/**
 * Which findings of a rule a clerk may explain instead of fixing (issue 13: 核实性 checks, kept
 * with a written reason, against 强制性 ones): "any" — its errors and warnings; "warnings" — its
 * warnings only; "never" — sums and valid numbers (R1–R5) are fixed, not explained, warnings
 * included (a number typed as text or a 元 slip is retyped). Info findings say nothing wrong, so
 * there is nothing to explain.
 */
export type Explainable = "any" | "warnings" | "never";

export const RULE_EXPLAINABLE: Readonly<Record<RuleId, Explainable>> = {
  R1: "never",
  R2: "never",
  R3: "never",
  R3a: "never",
  R4: "never",
  R5: "never",
  R6: "warnings",
  R7: "any",
  R8: "any",
  R9: "warnings",
  X1: "any",
  X2: "any",
  N1: "any",
  N2: "any",
  N3: "any",
  N4: "any",
  P1: "any",
  S1: "any",
  S2: "any",
  S3: "any",
};

/** Every exact condition a finding can report. Each has text in every locale (compile-checked). */
export const FINDING_CODES = [
  "balance-mismatch",
  "row-total-mismatch",
  "column-total-mismatch",
  "group-total-mismatch",
  "carry-forward-exceeds",
  "outcome-group-exceeds-total",
  "negative",
  "fraction",
  "too-precise",
  "too-large",
  "number-as-text",
  "excel-error",
  "text",
  "not-applicable",
  "blank",
  "rules-not-in-remit",
  "format-2019",
  "label-variant",
  "row-missing",
  "row-duplicated",
  "row-out-of-order",
  "row-unknown",
  "column-missing",
  "table-cut",
  "row-short",
  "table-duplicated",
  "carry-over-mismatch",
  "in-force-mismatch",
  "breakdown-sum-mismatch",
  "part-exceeds-total",
  "narrative-balance-mismatch",
  "narrative-outcomes-mismatch",
  "narrative-table-mismatch",
  "same-quantity-differs",
  "percentage-mismatch",
  "period-wrong",
  "open-list-exceeds-total",
  "received-includes-carried-over",
  "section-missing",
  "sections-not-found",
  "section-renamed",
  "section-out-of-order",
  "subtopic-missing",
  "table-not-found",
  "title-missing",
  "title-incomplete",
  "period-missing",
  "structure-pre-2019",
  "structure-not-judged",
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

/** A cell a finding points at: its keys, and its address when the table came from a grid. */
export interface CellRef extends CellKey {
  readonly address?: string;
}

/** A span of narrative text a finding points at (character offsets into the checked text). */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The single change that repairs every failed rule involving a cell (spec: one problem, one fix). */
export interface Fix {
  readonly cell: CellRef;
  /** The value the cell holds now, when it holds a number. */
  readonly original?: number;
  readonly value: number;
}

/** One finding. `params` carries named message arguments (keys, labels, counts), never prose. */
export interface Finding {
  readonly rule: RuleId;
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly table?: TableId;
  readonly cells: readonly CellRef[];
  readonly reported?: number;
  readonly computed?: number;
  readonly difference?: number;
  readonly params: Readonly<Record<string, string | number>>;
  readonly spans?: readonly TextSpan[];
  readonly fix?: Fix;
}

/** Findings that one fix repairs, or one finding on its own. */
export interface Problem {
  readonly findings: readonly Finding[];
  readonly fix?: Fix;
}

/** The order of severities: errors first, then warnings, then info. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; stable otherwise. */
export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}
