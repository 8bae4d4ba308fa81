/**
 * Live highlights: conditional-format formulas that are true where a rule breaks, built from the
 * rule catalogue so the sheet and the check agree. The same formulas serve the template (plan.ts),
 * tables found in any workbook (the annotated copy, the add-in on pasted sheets), and the marker
 * N("xxgk:R2") inside each one lets the add-in find exactly the formats it added.
 */
import {
  absoluteAddress,
  cellAddress,
  parseCellAddress,
  rangeAddress,
  splitQualified,
} from "../model/address";
import { figureSet } from "../model/figure-set";
import type { LocatedTable } from "../model/figures";
import type { CellKey } from "../model/tables";
import { BLANK_CODE_POINTS, NOT_APPLICABLE_MARKS } from "../read/cell";
import { buildRules, type Rule } from "../rules/catalog";
import type { Finding, RuleId, Severity } from "../rules/finding";

/** The marker term inside every highlight formula of the add-in. */
export const HIGHLIGHT_MARKER = "xxgk";

/**
 * Highlight colours (#RRGGBB), the same in the add-in and in files the command line writes: Excel's
 * own "bad" red for errors and "neutral" yellow for warnings. The pane says in words what they mean.
 */
export const HIGHLIGHT_COLOURS: Readonly<Record<Severity, { fill: string; font: string }>> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#7A4500" },
  info: { fill: "#DEECF9", font: "#004578" },
};

/** `N("xxgk:R2")`: 0 for any text in Excel and LibreOffice alike, so it never changes a result. */
export function markerTerm(rule: RuleId): string {
  return `N("${HIGHLIGHT_MARKER}:${rule}")`;
}

/** A highlight over separate cells: `formula` (with "=") uses absolute references only. */
export interface RuleHighlight {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** The cells the rule names (addresses as `at` gave them), each highlighted when it breaks. */
  readonly cells: readonly string[];
  readonly formula: string;
}

/**
 * The highlight of an arithmetic rule (R1–R4, R3a), given where each cell is; undefined for other
 * rules or when a cell has no address. References are absolute: the format is applied to several
 * separate cells, and relative references would shift for every cell but the first.
 */
export function ruleHighlight(
  rule: Rule,
  at: (key: CellKey) => string | undefined,
): RuleHighlight | undefined {
  if (rule.kind !== "linear" && rule.kind !== "bound") return undefined;
  const [plus, minus] = rule.kind === "linear" ? [rule.left, rule.right] : [rule.part, rule.whole];
  const addresses = [...plus, ...minus].map(at);
  if (addresses.some((a) => a === undefined)) return undefined;
  const sum = (keys: readonly CellKey[]): string =>
    `SUM(${keys.map((k) => absoluteAddress(at(k)!)).join(",")})`;
  const test =
    rule.kind === "linear"
      ? `ABS(${sum(plus)}-${sum(minus)})>0.000001`
      : `${sum(plus)}-${sum(minus)}>0.000001`;
  return {
    rule: rule.id,
    severity: rule.severity,
    cells: [...new Set(addresses as string[])],
    formula: `=${markerTerm(rule.id)}+${test}`,
  };
}

/** A highlight over one rectangle whose formula tests the rectangle's top-left cell (relative). */
export interface ValueHighlight {
  readonly rule: "R5" | "R6";
  readonly severity: Severity;
  readonly range: string;
  readonly formula: string;
}

/**
 * A cell's text as the reader sees it, in Excel's terms: every character the reader takes for
 * blank space (BLANK_CODE_POINTS) replaced by a space, then TRIM, which removes only ASCII
 * spaces. UNICHAR, not CHAR: CHAR(160) is a no-break space only in Western code pages.
 */
export function cleanedText(cell: string): string {
  let text = cell;
  for (const code of BLANK_CODE_POINTS)
    if (code !== 32) text = `SUBSTITUTE(${text},UNICHAR(${code})," ")`;
  return `TRIM(${text})`;
}

/** The reader's "not applicable" marks as one string to FIND "|mark|" in. */
const NOT_APPLICABLE_LIST = `|${NOT_APPLICABLE_MARKS.join("|")}|`;

/**
 * R6 (blank, or a "not applicable" mark such as "/") and R5 (not a number ≥ 0) over data cells:
 * one format per rectangle of cells. The same definitions as the reader (read/cell.ts): blank
 * after removing its blank characters; a number, or text Excel can make a number of (a number
 * stored as text is valid, as for the check: ISNUMBER alone would mark it red). A cell holding an
 * error value gets no live mark (a rule formula that evaluates to an error applies no format, so
 * the formulas catch it and return 0); the check's R5 finding marks it instead (fixed).
 */
export function valueHighlights(
  points: readonly { row: number; column: number }[],
): ValueHighlight[] {
  const highlights: ValueHighlight[] = [];
  for (const r of rectangles(points)) {
    const first = cellAddress(r.top, r.left);
    const range = rangeAddress(r.top, r.left, r.bottom, r.right);
    const text = cleanedText(first);
    const mark = `ISNUMBER(FIND("|"&LOWER(ASC(${text}))&"|","${NOT_APPLICABLE_LIST}"))`;
    highlights.push({
      rule: "R6",
      severity: "warning",
      range,
      formula: `=${markerTerm("R6")}+IF(ISERROR(${first}),0,OR(LEN(${text})=0,${mark}))`,
    });
    highlights.push({
      rule: "R5",
      severity: "error",
      range,
      formula:
        `=${markerTerm("R5")}+IF(ISERROR(${first}),0,IF(ISNUMBER(${first}),${first}<0,` +
        `AND(LEN(${text})>0,NOT(${mark}),IFERROR(--ASC(${text})<0,TRUE))))`,
    });
  }
  return highlights;
}

/** A rectangle of cells, zero-based and inclusive. */
export interface Rectangle {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Cells grouped into rectangles: contiguous runs per row, merged down while they line up. */
export function rectangles(points: readonly { row: number; column: number }[]): Rectangle[] {
  const byRow = new Map<number, number[]>();
  for (const p of points) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p.column]);
  const runs: Rectangle[] = [];
  for (const [row, columns] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(columns)].sort((a, b) => a - b);
    let start = sorted[0]!;
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1]! + 1) continue;
      runs.push({ top: row, bottom: row, left: start, right: sorted[i - 1]! });
      if (i < sorted.length) start = sorted[i]!;
    }
  }
  const merged: Rectangle[] = [];
  for (const r of runs) {
    const above = merged.find(
      (m) => m.bottom === r.top - 1 && m.left === r.left && m.right === r.right,
    );
    if (above !== undefined) above.bottom = r.bottom;
    else merged.push({ ...r });
  }
  return merged;
}

/** One conditional format on one sheet. `ranges` are A1 areas; `formula` starts with "=". */
export interface SheetHighlight {
  readonly sheet: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly ranges: readonly string[];
  readonly formula: string;
  /** The quieter mark of an explained finding (EXPLAINED_COLOURS), above the rule's own. */
  readonly explained?: true;
}

/** The live highlights of located tables that came from a sheet (their cells have addresses). */
export function locatedHighlights(tables: readonly LocatedTable[]): SheetHighlight[] {
  const figures = figureSet(tables);
  const where = (key: CellKey): { sheet: string; address: string } | undefined => {
    const address = figures.get(key)?.address;
    return address === undefined ? undefined : splitQualified(address);
  };
  const t3 = figures.tables.find((t) => t.table === "T3");
  const rules = buildRules({
    ...(t3 === undefined ? {} : { t3Version: t3.version }),
    hasT2: figures.has("T2"),
    hasT4: figures.has("T4"),
    hasLastYear: false,
    hasNarrative: false,
  });
  const highlights: SheetHighlight[] = [];
  for (const rule of rules) {
    const sheets = new Set<string>();
    const h = ruleHighlight(rule, (key) => {
      const place = where(key);
      if (place !== undefined) sheets.add(place.sheet);
      return place?.address;
    });
    if (h === undefined || sheets.size !== 1) continue;
    highlights.push({
      sheet: [...sheets][0]!,
      rule: h.rule,
      severity: h.severity,
      ranges: h.cells,
      formula: h.formula,
    });
  }
  const bySheet = new Map<string, { row: number; column: number }[]>();
  for (const t of figures.tables) {
    for (const cell of t.cells.values()) {
      const place = cell.address === undefined ? undefined : splitQualified(cell.address);
      if (place === undefined) continue;
      bySheet.set(place.sheet, [
        ...(bySheet.get(place.sheet) ?? []),
        parseCellAddress(place.address),
      ]);
    }
  }
  for (const [sheet, points] of bySheet) {
    for (const v of valueHighlights(points)) {
      highlights.push({
        sheet,
        rule: v.rule,
        severity: v.severity,
        ranges: [v.range],
        formula: v.formula,
      });
    }
  }
  return highlights;
}

/** Rules whose findings the live highlights already show. */
export const LIVE_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  "R1",
  "R2",
  "R3",
  "R3a",
  "R4",
  "R5",
  "R6",
]);

/**
 * Fixed highlights for findings of rules without a live formula (R7, R9, X1, X2, N3…), on the cells
 * they name. Always true: such a finding stands until the workbook is checked again.
 */
export function findingHighlights(findings: readonly Finding[]): SheetHighlight[] {
  const highlights: SheetHighlight[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    // R5's live formula marks negatives and text Excel cannot make a number of; error values,
    // fractions and text that Excel reads otherwise than the check ("5%", dates) get a fixed mark.
    if (LIVE_RULES.has(f.rule) && !(f.rule === "R5" && f.code !== "negative")) continue;
    const bySheet = new Map<string, string[]>();
    for (const c of f.cells) {
      const p = c.address === undefined ? undefined : splitQualified(c.address);
      if (p !== undefined) bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p.address]);
    }
    for (const [sheet, addresses] of bySheet) {
      const ranges = [...new Set(addresses)];
      const key = `${sheet}|${f.rule}|${ranges.join(",")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      highlights.push({
        sheet,
        rule: f.rule,
        severity: f.severity,
        ranges,
        formula: `=${markerTerm(f.rule)}=0`,
      });
    }
  }
  return highlights;
}

/**
 * The quieter mark of an explained finding: grey, so a verified cell is told apart from one still
 * to fix (the pane's legend says so in words).
 */
export const EXPLAINED_COLOURS: { readonly fill: string; readonly font: string } = {
  fill: "#EDEBE9",
  font: "#3B3A39",
};

/** A cell of an explained finding and the value it held when explained (Explanation.cells). */
export interface ExplainedCellMark {
  /** Sheet-qualified ("年报表格!D8"). */
  readonly address: string;
  readonly value: string;
}

/** The test that a cell still holds a value: as Excel compares it, number or text. */
function holdsTest(address: string, value: string): string {
  if (value === "") return `LEN(${address})=0`;
  if (/^-?\d+(?:\.\d+)?$/u.test(value)) return `${address}=${value}`;
  return `${address}="${value.replace(/"/gu, '""')}"`;
}

/**
 * Live quiet marks for explained findings: true while every cell of the finding on that sheet
 * still holds the value it held, so the moment one changes the format turns itself off and the
 * rule's own mark (added beneath it) shows the lapse without a new check.
 */
export function explainedHighlights(
  marks: readonly { readonly rule: RuleId; readonly cells: readonly ExplainedCellMark[] }[],
): SheetHighlight[] {
  const out: SheetHighlight[] = [];
  for (const m of marks) {
    const bySheet = new Map<string, { address: string; value: string }[]>();
    for (const c of m.cells) {
      const p = splitQualified(c.address);
      if (p === undefined) continue;
      bySheet.set(p.sheet, [
        ...(bySheet.get(p.sheet) ?? []),
        { address: p.address, value: c.value },
      ]);
    }
    for (const [sheet, cells] of bySheet) {
      const tests = cells.map((c) => holdsTest(absoluteAddress(c.address), c.value));
      out.push({
        sheet,
        rule: m.rule,
        severity: "info",
        explained: true,
        ranges: [...new Set(cells.map((c) => c.address))],
        formula: `=${markerTerm(m.rule)}+AND(${tests.join(",")})`,
      });
    }
  }
  return out;
}
