/**
 * The rules of spec §8 as data. Each rule instance is a readonly object of one `kind`; one
 * evaluator per kind (evaluate.ts) runs them. Instances are generated from the table model, so
 * a rule names only cells that exist in its table (a meta-test checks this).
 */
import {
  T3_APPLICANTS,
  T3_COLUMNS,
  T4_COLUMNS,
  t3Groups,
  t3Leaves,
  tableDef,
  type CellKey,
  type FormatVersion,
  type TableId,
} from "../model/tables";
import type { FindingCode, RuleId, Severity } from "./finding";

/** Σ left = Σ right over numeric cells (R1, R2, R3, R4). */
export interface LinearRule {
  readonly kind: "linear";
  readonly id: RuleId;
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly table: TableId;
  /** What one instance covers, for messages: a column key, a row key or a group key. */
  readonly instance: { readonly row?: string; readonly column?: string };
  readonly left: readonly CellKey[];
  readonly right: readonly CellKey[];
}

/** Σ part ≤ Σ whole (R3a). */
export interface BoundRule {
  readonly kind: "bound";
  readonly id: RuleId;
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly table: TableId;
  readonly instance: { readonly row?: string; readonly column?: string };
  readonly part: readonly CellKey[];
  readonly whole: readonly CellKey[];
}

/** Every data cell of present tables holds a valid value (R5) and is filled (R6). */
export interface CellValuesRule {
  readonly kind: "cell-values";
  readonly id: "R5" | "R6";
  readonly severity: Severity;
}

/** 规章 cells are 0 for agencies that cannot make 规章 (R7). */
export interface RemitRule {
  readonly kind: "remit";
  readonly id: "R7";
  readonly severity: Severity;
  readonly cells: readonly CellKey[];
}

/** Tables follow the 2021 format (R8). */
export interface FormatRule {
  readonly kind: "format";
  readonly id: "R8";
  readonly severity: Severity;
}

/** Labels and structure as the reader found them (R9). */
export interface StructureRule {
  readonly kind: "structure";
  readonly id: "R9";
  readonly severity: Severity;
}

/** This year's cell equals last year's cell (X1), or a stock equation across years (X2). */
export interface CrossPeriodRule {
  readonly kind: "cross-period";
  readonly id: "X1" | "X2";
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly table: TableId;
  readonly instance: { readonly row?: string; readonly column?: string };
  /** this-year cell = Σ last-year cells + Σ plus − Σ minus (this year's cells). */
  readonly target: CellKey;
  readonly lastYear: readonly CellKey[];
  readonly plus: readonly CellKey[];
  readonly minus: readonly CellKey[];
}

/** The narrative's own figures and its figures against the tables (N1–N4), and the period (P1). */
export interface NarrativeRule {
  readonly kind: "narrative";
  readonly id: "N1" | "N2" | "N3" | "N4" | "P1";
  readonly severity: Severity;
}

/** The six sections in order, with the sub-topics of 总体情况 (S1). */
export interface SectionsRule {
  readonly kind: "sections";
  readonly id: "S1";
  readonly severity: Severity;
}

/** Tables 二, 三 and 四 are present as tables in a whole report (S2). */
export interface TablesPresentRule {
  readonly kind: "tables-present";
  readonly id: "S2";
  readonly severity: Severity;
  readonly tables: readonly TableId[];
}

/** The title names agency, year and report; the 统计期限 is stated (S3). */
export interface TitlePeriodRule {
  readonly kind: "title-period";
  readonly id: "S3";
  readonly severity: Severity;
}

/** The text's headings and introduction do not follow the pre-2019 seven-part structure (R8). */
export interface DocumentFormatRule {
  readonly kind: "document-format";
  readonly id: "R8";
  readonly severity: Severity;
}

export type Rule =
  | LinearRule
  | BoundRule
  | CellValuesRule
  | RemitRule
  | FormatRule
  | StructureRule
  | CrossPeriodRule
  | NarrativeRule
  | SectionsRule
  | TablesPresentRule
  | TitlePeriodRule
  | DocumentFormatRule;

export type RuleKind = Rule["kind"];

const t3 = (row: string, column: string): CellKey => ({ table: "T3", row, column });
const t4 = (row: string, column: string): CellKey => ({ table: "T4", row, column });
const t2 = (row: string, column: string): CellKey => ({ table: "T2", row, column });

/** Outcome groups of table 三 with more than one leaf (R3a bounds each group by （七）). */
function multiLeafGroups(version: FormatVersion): [string, readonly string[]][] {
  return Object.entries(t3Groups(version)).filter(([, rows]) => rows.length > 1);
}

export { t3Leaves };

/** Rules over table 三 in the given version. */
function table3Rules(version: FormatVersion): Rule[] {
  const rules: Rule[] = [];
  const columns = T3_COLUMNS.map((c) => c.key);
  for (const c of columns) {
    rules.push({
      kind: "linear",
      id: "R1",
      code: "balance-mismatch",
      severity: "error",
      table: "T3",
      instance: { column: c },
      left: [t3("一", c), t3("二", c)],
      right: [t3("三(七)", c), t3("四", c)],
    });
  }
  for (const r of tableDef("T3", version).blocks[0]!.rows) {
    rules.push({
      kind: "linear",
      id: "R2",
      code: "row-total-mismatch",
      severity: "error",
      table: "T3",
      instance: { row: r.key },
      left: [t3(r.key, "总计")],
      right: T3_APPLICANTS.map((c) => t3(r.key, c)),
    });
  }
  const leaves = t3Leaves(version);
  for (const c of columns) {
    rules.push({
      kind: "linear",
      id: "R3",
      code: "column-total-mismatch",
      severity: "error",
      table: "T3",
      instance: { column: c },
      left: [t3("三(七)", c)],
      right: leaves.map((r) => t3(r, c)),
    });
  }
  for (const c of columns) {
    rules.push({
      kind: "bound",
      id: "R3a",
      code: "carry-forward-exceeds",
      severity: "error",
      table: "T3",
      instance: { column: c },
      part: [t3("四", c)],
      whole: [t3("一", c), t3("二", c)],
    });
    for (const [group, rows] of multiLeafGroups(version)) {
      rules.push({
        kind: "bound",
        id: "R3a",
        code: "outcome-group-exceeds-total",
        severity: "error",
        table: "T3",
        instance: { row: group, column: c },
        part: rows.map((r) => t3(r, c)),
        whole: [t3("三(七)", c)],
      });
    }
  }
  return rules;
}

/** Rules over table 四. */
function table4Rules(): Rule[] {
  const parts = T4_COLUMNS.filter((c) => c.key !== "总计").map((c) => c.key);
  return tableDef("T4")
    .blocks[0]!.rows.map((g) => g.key)
    .map((g): Rule => ({
      kind: "linear",
      id: "R4",
      code: "group-total-mismatch",
      severity: "error",
      table: "T4",
      instance: { row: g },
      left: [t4(g, "总计")],
      right: parts.map((k) => t4(g, k)),
    }));
}

/** Cross-period rules: this year's 上年结转 = last year's 结转下年度 (X1); 现行有效 stock (X2). */
function crossPeriodRules(): Rule[] {
  const rules: Rule[] = T3_COLUMNS.map((c): Rule => ({
    kind: "cross-period",
    id: "X1",
    code: "carry-over-mismatch",
    severity: "error",
    table: "T3",
    instance: { column: c.key },
    target: t3("二", c.key),
    lastYear: [t3("四", c.key)],
    plus: [],
    minus: [],
  }));
  for (const row of ["规章", "行政规范性文件"]) {
    rules.push({
      kind: "cross-period",
      id: "X2",
      code: "in-force-mismatch",
      severity: "warning",
      table: "T2",
      instance: { row },
      target: t2(row, "现行有效"),
      lastYear: [t2(row, "现行有效")],
      plus: [t2(row, "制发")],
      minus: [t2(row, "废止")],
    });
  }
  return rules;
}

/** What the rule set depends on: the versions of the tables present. */
export interface RuleScope {
  readonly t3Version?: FormatVersion;
  readonly hasT4: boolean;
  readonly hasT2: boolean;
  /** The format of table 二, when present (R7 reads its 规章 row). */
  readonly t2Version?: FormatVersion;
  readonly hasLastYear: boolean;
  readonly hasNarrative: boolean;
  /** True when the report's whole text is given (not a workbook of tables): S1–S3 apply. */
  readonly hasDocument?: boolean;
}

/** The rule sets built so far, by scope: a batch of reports has a handful of scopes. */
const RULE_SETS = new Map<string, readonly Rule[]>();

/**
 * Every rule instance that applies to a report with the given tables: a fresh array of rules
 * shared between calls of the same scope (rules are read-only data, so one set serves every
 * report of that shape).
 */
export function buildRules(scope: RuleScope): Rule[] {
  const key = [
    scope.t3Version ?? "",
    scope.hasT4,
    scope.hasT2,
    scope.t2Version ?? "",
    scope.hasLastYear,
    scope.hasNarrative,
    scope.hasDocument === true,
  ].join("|");
  let rules = RULE_SETS.get(key);
  if (rules === undefined) RULE_SETS.set(key, (rules = makeRules(scope)));
  return [...rules];
}

function makeRules(scope: RuleScope): Rule[] {
  const rules: Rule[] = [
    { kind: "format", id: "R8", severity: "error" },
    { kind: "structure", id: "R9", severity: "warning" },
    { kind: "cell-values", id: "R5", severity: "error" },
    { kind: "cell-values", id: "R6", severity: "warning" },
  ];
  if (scope.hasT2) {
    rules.push({
      kind: "remit",
      id: "R7",
      severity: "warning",
      cells: tableDef("T2", scope.t2Version ?? "2021")
        .blocks.flatMap((b) => (b.rows.some((r) => r.key === "规章") ? b.columns : []))
        .map((c) => t2("规章", c.key)),
    });
  }
  if (scope.t3Version !== undefined) rules.push(...table3Rules(scope.t3Version));
  if (scope.hasT4) rules.push(...table4Rules());
  if (scope.hasLastYear) rules.push(...crossPeriodRules());
  if (scope.hasNarrative) {
    for (const id of ["N1", "N2", "N3", "N4", "P1"] as const) {
      // N4's repeated figure is an error, its percentage a warning: the finding carries its own.
      rules.push({ kind: "narrative", id, severity: "error" });
    }
  }
  if (scope.hasDocument === true) {
    // A missing section is an error, a renamed one a warning: the finding carries its own.
    rules.push(
      { kind: "sections", id: "S1", severity: "error" },
      { kind: "tables-present", id: "S2", severity: "error", tables: ["T2", "T3", "T4"] },
      { kind: "title-period", id: "S3", severity: "warning" },
      { kind: "document-format", id: "R8", severity: "error" },
    );
  }
  return rules;
}

/** The cells a rule names, for the meta-test and for grouping findings by cell. */
export function ruleCells(rule: Rule): CellKey[] {
  switch (rule.kind) {
    case "linear":
      return [...rule.left, ...rule.right];
    case "bound":
      return [...rule.part, ...rule.whole];
    case "remit":
      return [...rule.cells];
    case "cross-period":
      return [rule.target, ...rule.plus, ...rule.minus];
    case "cell-values":
    case "format":
    case "structure":
    case "narrative":
    case "sections":
    case "tables-present":
    case "title-period":
    case "document-format":
      return [];
  }
}
