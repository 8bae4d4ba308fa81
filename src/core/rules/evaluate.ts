/**
 * One evaluator per rule kind, registered in one table. Evaluators return findings; a bad figure
 * is a finding, never an exception. A rule whose cells are absent (row missing, table not shown)
 * is not evaluated: the absence is reported by R9, not guessed at.
 */
import { NO_RULEMAKING, type AgencyLevel } from "../model/agency";
import type { FigureSet } from "../model/figure-set";
import { numericValue, type FigureCell, type StructureIssue } from "../model/figures";
import type { CellKey } from "../model/tables";
import type { DocumentStructure } from "../structure/document";
import { SECTIONS } from "../structure/sections";
import type {
  BoundRule,
  CellValuesRule,
  CrossPeriodRule,
  DocumentFormatRule,
  FormatRule,
  LinearRule,
  NarrativeRule,
  RemitRule,
  Rule,
  RuleKind,
  SectionsRule,
  StructureRule,
  TablesPresentRule,
  TitlePeriodRule,
} from "./catalog";
import type { CellRef, Finding, FindingCode, Severity } from "./finding";

/** Everything a rule may look at. */
export interface CheckContext {
  readonly figures: FigureSet;
  readonly lastYear?: FigureSet;
  /** The report (data) year. */
  readonly year?: number;
  readonly agencyLevel?: AgencyLevel;
  /** Findings of the narrative checker (N1–N4, P1), computed once for all narrative rules. */
  readonly narrativeFindings?: () => readonly Finding[];
  /** The structure of the report's whole text, for S1–S3 and R8's pre-2019 headings. */
  readonly document?: DocumentStructure;
}

/** Tolerance for comparing sums: counts are whole, 万元 amounts have at most 4 decimals. */
export const SUM_TOLERANCE = 1e-6;

type Evaluator<R extends Rule> = (rule: R, context: CheckContext) => Finding[];

/** A cell reference for a finding, with its address when the cell was found in a grid. */
export function refOf(key: CellKey, cell: FigureCell | undefined): CellRef {
  const base: CellRef = { table: key.table, row: key.row, column: key.column };
  return cell?.address === undefined ? base : { ...base, address: cell.address };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Rounds away floating-point noise so that 0.1 + 0.2 reports as 0.3. */
export function clean(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

interface Term {
  readonly key: CellKey;
  readonly cell: FigureCell;
  readonly value: number | undefined;
  readonly sign: 1 | -1;
}

/** The terms of a rule, or undefined when a cell is absent from the figures. */
function termsOf(
  figures: FigureSet,
  left: readonly CellKey[],
  right: readonly CellKey[],
): Term[] | undefined {
  const terms: Term[] = [];
  for (const [keys, sign] of [
    [left, 1],
    [right, -1],
  ] as const) {
    for (const key of keys) {
      const cell = figures.get(key);
      if (cell === undefined) return undefined;
      terms.push({ key, cell, value: numericValue(cell.reading), sign });
    }
  }
  return terms;
}

const evaluateLinear: Evaluator<LinearRule> = (rule, { figures }) => {
  const terms = termsOf(figures, rule.left, rule.right);
  if (terms === undefined) return [];
  // Sums in the terms' order (as a reduce over them would add), without the arrays: most rules
  // hold, and a holding rule should cost no more than its additions.
  let left = 0;
  let right = 0;
  let unknownCount = 0;
  for (const t of terms) {
    if (t.value === undefined) unknownCount += 1;
    else if (t.sign === 1) left += t.value;
    else right += t.value;
  }
  const reported = clean(left);
  const computed = clean(right);
  const difference = clean(reported - computed);
  if (unknownCount === 0 && Math.abs(difference) <= SUM_TOLERANCE) return [];
  const unknown = terms.filter((t) => t.value === undefined);
  const base = {
    rule: rule.id,
    code: rule.code,
    severity: rule.severity,
    table: rule.table,
    cells: terms.map((t) => refOf(t.key, t.cell)),
  };
  if (unknown.length === 0) {
    return [{ ...base, reported, computed, difference, params: { ...rule.instance } }];
  }
  if (unknown.length === 1) {
    // One cell is not a number: the rule says what it must hold. Zero is R6's "write 0"; a text
    // whose number is exactly that value is R5's. Anything else breaks this rule too. The sums
    // are not reported: they would count the cell as 0.
    const missing = unknown[0]!;
    const needed = clean(-missing.sign * difference);
    const reading = missing.cell.reading;
    if (needed === 0 || (reading.kind === "text" && reading.suggestion === needed)) return [];
    const valid = needed > 0 && Number.isInteger(needed);
    return [
      {
        ...base,
        computed: needed,
        params: {
          ...rule.instance,
          unknownRow: missing.key.row,
          unknownColumn: missing.key.column,
        },
        ...(valid ? { fix: { cell: refOf(missing.key, missing.cell), value: needed } } : {}),
      },
    ];
  }
  // Several cells are blank ("/" alike): R6 asks for 0 in each. When the figures that are there
  // already break the rule with those cells at 0, say so, naming how many were blank.
  const blank = unknown.every(
    (t) => t.cell.reading.kind === "blank" || t.cell.reading.kind === "not-applicable",
  );
  if (!blank || Math.abs(difference) <= SUM_TOLERANCE) return [];
  return [
    {
      ...base,
      reported,
      computed,
      difference,
      params: { ...rule.instance, blankCells: unknown.length },
    },
  ];
};

const evaluateBound: Evaluator<BoundRule> = (rule, { figures }) => {
  const terms = termsOf(figures, rule.part, rule.whole);
  if (terms === undefined) return [];
  let partSum = 0;
  let wholeSum = 0;
  for (const t of terms) {
    if (t.value === undefined) return [];
    if (t.sign === 1) partSum += t.value;
    else wholeSum += t.value;
  }
  const part = clean(partSum);
  const whole = clean(wholeSum);
  if (part <= whole + SUM_TOLERANCE) return [];
  return [
    {
      rule: rule.id,
      code: rule.code,
      severity: rule.severity,
      table: rule.table,
      cells: terms.map((t) => refOf(t.key, t.cell)),
      reported: part,
      computed: whole,
      difference: clean(part - whole),
      params: { ...rule.instance },
    },
  ];
};

/**
 * Whether a figure is a number the sheet holds as text: a cell of a worksheet (it has an address;
 * Word and text reports are all text and have none) whose number was read from a string.
 */
export function isStoredAsText(cell: FigureCell): boolean {
  return (
    cell.address !== undefined &&
    cell.reading.kind === "number" &&
    (cell.reading.via === "text" || cell.reading.via === "full-width") &&
    typeof cell.raw === "string"
  );
}

/** What R5 and R6 say about one cell's reading, if anything. */
function cellValueFinding(cell: FigureCell):
  | {
      id: "R5" | "R6";
      code: FindingCode;
      severity: Severity;
      params: Record<string, string | number>;
    }
  | undefined {
  const r = cell.reading;
  switch (r.kind) {
    case "number":
      // In a worksheet a number typed as text ("１", "'5") is text to Excel: SUM leaves it out.
      // The figure is read as the number meant, and said to be text (a warning: where the totals
      // are typed, nothing is wrong with the sums).
      if (isStoredAsText(cell))
        return {
          id: "R5",
          code: "number-as-text",
          severity: "warning",
          params: { text: String(cell.raw), value: r.value },
        };
      return undefined;
    case "blank":
      return { id: "R6", code: "blank", severity: "warning", params: {} };
    case "not-applicable":
      return { id: "R6", code: "not-applicable", severity: "warning", params: { text: r.text } };
    case "text":
      return {
        id: "R5",
        code: "text",
        severity: "error",
        params:
          r.suggestion === undefined
            ? { text: r.text }
            : { text: r.text, suggestion: r.suggestion },
      };
    case "error":
      return { id: "R5", code: "excel-error", severity: "error", params: { text: r.text } };
    case "invalid":
      return {
        id: "R5",
        code: r.problem,
        severity: r.problem === "too-precise" ? "warning" : "error",
        // A number beyond exactness prints as it was typed, not as the float it became.
        params:
          r.problem === "too-large" && r.text !== undefined
            ? { value: r.value, text: r.text }
            : { value: r.value },
      };
  }
}

const evaluateCellValues: Evaluator<CellValuesRule> = (rule, { figures }) => {
  const findings: Finding[] = [];
  for (const table of figures.tables) {
    for (const cell of table.cells.values()) {
      const f = cellValueFinding(cell);
      if (f === undefined || f.id !== rule.id) continue;
      const value = numericValue(cell.reading);
      findings.push({
        rule: f.id,
        code: f.code,
        severity: f.severity,
        table: cell.table,
        cells: [refOf(cell, cell)],
        // A figure too large to be exact is not reported as a number (it would print rounded).
        ...(value === undefined || f.code === "too-large" ? {} : { reported: value }),
        params: { row: cell.row, column: cell.column, ...f.params },
      });
    }
  }
  return findings;
};

const evaluateRemit: Evaluator<RemitRule> = (rule, { figures, agencyLevel }) => {
  if (agencyLevel === undefined || !NO_RULEMAKING.has(agencyLevel)) return [];
  const nonZero = rule.cells.filter((k) => (figures.value(k) ?? 0) > 0);
  if (nonZero.length === 0) return [];
  return [
    {
      rule: rule.id,
      code: "rules-not-in-remit",
      severity: rule.severity,
      table: "T2",
      cells: nonZero.map((k) => refOf(k, figures.get(k))),
      reported: sum(nonZero.map((k) => figures.value(k)!)),
      params: { level: agencyLevel },
    },
  ];
};

const evaluateFormat: Evaluator<FormatRule> = (rule, { figures, year }) => {
  if (year !== undefined && year < 2021) return [];
  return [...figures.tables, ...figures.duplicates]
    .filter((t) => t.version === "2019")
    .map((t) => ({
      rule: rule.id,
      code: "format-2019" as const,
      severity: rule.severity,
      table: t.table,
      cells: [],
      params: {
        ...(year === undefined ? {} : { year }),
        ...(t.range === undefined ? {} : { range: t.range }),
      },
    }));
};

const STRUCTURE_SEVERITY: Record<StructureIssue["code"], Severity> = {
  "label-variant": "warning",
  "row-out-of-order": "warning",
  "row-unknown": "warning",
  "row-missing": "warning",
  "row-duplicated": "warning",
  "column-missing": "warning",
  "table-cut": "info",
  "row-short": "warning",
};

const evaluateStructure: Evaluator<StructureRule> = (rule, { figures, year }) => {
  const findings: Finding[] = [];
  // A 2019-format table where R8 speaks is to be moved to the 2021 layout, not completed.
  const formatSpeaks = year === undefined || year >= 2021;
  for (const table of figures.tables) {
    for (const issue of table.structure) {
      const { code, ...params } = issue;
      if (code === "row-missing" && table.version === "2019" && formatSpeaks) continue;
      const cleanParams: Record<string, string> = {};
      for (const [k, v] of Object.entries(params)) if (v !== undefined) cleanParams[k] = v;
      findings.push({
        rule: rule.id,
        code,
        severity: STRUCTURE_SEVERITY[code],
        table: table.table,
        cells: [],
        params: cleanParams,
      });
    }
  }
  for (const t of figures.duplicates) {
    findings.push({
      rule: rule.id,
      code: "table-duplicated",
      severity: "warning",
      table: t.table,
      cells: [],
      params: t.range === undefined ? {} : { range: t.range },
    });
  }
  return findings;
};

const evaluateCrossPeriod: Evaluator<CrossPeriodRule> = (rule, { figures, lastYear }) => {
  if (lastYear === undefined) return [];
  const target = figures.value(rule.target);
  const last = rule.lastYear.map((k) => lastYear.value(k));
  const plus = rule.plus.map((k) => figures.value(k));
  const minus = rule.minus.map((k) => figures.value(k));
  const all = [target, ...last, ...plus, ...minus];
  if (all.some((v) => v === undefined)) return [];
  const lastTotal = sum(last as number[]);
  const expected = clean(lastTotal + sum(plus as number[]) - sum(minus as number[]));
  if (Math.abs(target! - expected) <= SUM_TOLERANCE) return [];
  const keys = [rule.target, ...rule.plus, ...rule.minus];
  return [
    {
      rule: rule.id,
      code: rule.code,
      severity: rule.severity,
      table: rule.table,
      cells: keys.map((k) => refOf(k, figures.get(k))),
      reported: target!,
      computed: expected,
      difference: clean(target! - expected),
      params: { ...rule.instance, lastYear: lastTotal },
    },
  ];
};

const evaluateNarrative: Evaluator<NarrativeRule> = (rule, { narrativeFindings }) =>
  (narrativeFindings?.() ?? []).filter((f) => f.rule === rule.id);

function documentFinding(
  rule: { readonly id: Finding["rule"] },
  code: FindingCode,
  severity: Severity,
  params: Record<string, string | number> = {},
): Finding {
  return { rule: rule.id, code, severity, cells: [], params };
}

/**
 * S1. A partial text gets one info finding saying that sections and tables were not judged (so
 * every output shows it, and it changes no exit code); S2 and S3 then say nothing.
 */
const evaluateSections: Evaluator<SectionsRule> = (rule, { document }) => {
  if (document === undefined) return [];
  if (document.partial !== undefined)
    return [documentFinding(rule, "structure-not-judged", "info", { reason: document.partial })];
  const found = document.headings;
  if (found.length === 0) return [documentFinding(rule, "sections-not-found", rule.severity)];
  const findings: Finding[] = [];
  for (const def of SECTIONS) {
    const heading = found.find((h) => h.section === def.number);
    if (heading === undefined)
      findings.push(
        documentFinding(rule, "section-missing", rule.severity, { section: def.number }),
      );
    else if (!heading.official)
      findings.push(
        documentFinding(rule, "section-renamed", "warning", {
          section: def.number,
          found: heading.text,
        }),
      );
  }
  let highest = 0;
  for (const heading of found) {
    if (heading.section < highest)
      findings.push(
        documentFinding(rule, "section-out-of-order", "warning", { section: heading.section }),
      );
    highest = Math.max(highest, heading.section);
  }
  for (const topic of document.missingSubTopics)
    findings.push(documentFinding(rule, "subtopic-missing", "warning", { topic }));
  return findings;
};

/** S2: a whole 2021+ report without a table 二, 三 or 四 that can be read is an error. */
const evaluateTablesPresent: Evaluator<TablesPresentRule> = (rule, { document, figures, year }) => {
  if (document === undefined || document.partial !== undefined) return [];
  if (year !== undefined && year < 2021) return [];
  return rule.tables
    .filter((t) => !figures.has(t))
    .map((table) => ({ ...documentFinding(rule, "table-not-found", rule.severity), table }));
};

const evaluateTitlePeriod: Evaluator<TitlePeriodRule> = (rule, { document }) => {
  if (document === undefined || document.partial !== undefined) return [];
  const findings: Finding[] = [];
  const title = document.title;
  if (title === undefined) findings.push(documentFinding(rule, "title-missing", rule.severity));
  else {
    const missing: [boolean, string][] = [
      [title.hasAgency, "agency"],
      [title.hasYear, "year"],
      [title.hasName, "name"],
    ];
    for (const [present, part] of missing)
      if (!present)
        findings.push(
          documentFinding(rule, "title-incomplete", rule.severity, { part, found: title.text }),
        );
  }
  if (!document.periodStated) findings.push(documentFinding(rule, "period-missing", rule.severity));
  return findings;
};

/**
 * R8 over the text: the pre-2019 seven-part structure in a 2021+ report's headings is an error;
 * an introduction that still lists the seven parts over 2021 headings is a warning (the report
 * describes itself wrongly, but its structure may be right).
 */
const evaluateDocumentFormat: Evaluator<DocumentFormatRule> = (rule, { document, year }) => {
  if (document?.pre2019In === undefined) return [];
  if (year !== undefined && year < 2021) return [];
  const where = document.pre2019In;
  return [
    documentFinding(rule, "structure-pre-2019", where === "headings" ? rule.severity : "warning", {
      where,
      found: document.pre2019.join("；"),
      ...(year === undefined ? {} : { year }),
    }),
  ];
};

/** The evaluator of every rule kind (a kind without one fails to compile). */
const EVALUATORS: { readonly [K in RuleKind]: Evaluator<Extract<Rule, { kind: K }>> } = {
  linear: evaluateLinear,
  bound: evaluateBound,
  "cell-values": evaluateCellValues,
  remit: evaluateRemit,
  format: evaluateFormat,
  structure: evaluateStructure,
  "cross-period": evaluateCrossPeriod,
  narrative: evaluateNarrative,
  sections: evaluateSections,
  "tables-present": evaluateTablesPresent,
  "title-period": evaluateTitlePeriod,
  "document-format": evaluateDocumentFormat,
};

/** Runs one rule. */
export function evaluateRule(rule: Rule, context: CheckContext): Finding[] {
  const evaluator = EVALUATORS[rule.kind] as Evaluator<Rule>;
  return evaluator(rule, context);
}
