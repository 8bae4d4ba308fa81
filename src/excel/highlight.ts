/**
 * Highlights as conditional formats. The formulas are the core's (template/highlights.ts), built
 * from the rule catalogue for where the located tables really have their cells, so tables pasted
 * from last year's report and tables with inserted rows are highlighted by the same rule
 * definitions as the template. Each formula carries the marker N("xxgk:R…"), which is how the
 * add-in recognises (and clears) its own formats; the user's fills, borders and fonts are never
 * touched. The adapter only splits each highlight into rectangles (one format per rectangle).
 */
import type { LocatedTable } from "../core/model/figures";
import type { Finding, RuleId, Severity } from "../core/rules/finding";
import {
  EXPLAINED_COLOURS,
  explainedHighlights,
  type ExplainedCellMark,
  findingHighlights,
  HIGHLIGHT_COLOURS,
  HIGHLIGHT_MARKER,
  locatedHighlights,
  type SheetHighlight,
} from "../core/template/highlights";
import { expandAreas, groupRectangles, rectAddress } from "./addresses";
import type { HostConditionalFormat, HostWorksheet } from "./host";

/** One conditional format to add: a rectangle on a sheet, its formula and what it marks. */
export interface HighlightSpec {
  readonly sheet: string;
  readonly range: string;
  readonly formula: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  /** An explained finding's quieter mark, on top of the rule's own. */
  readonly explained?: true;
}

export { HIGHLIGHT_COLOURS };

/** Whether a conditional-format formula is one of ours (it holds the marker term). */
export function isOwnFormula(formula: string): boolean {
  return formula
    .replace(/\s+/gu, "")
    .toLowerCase()
    .includes(`n("${HIGHLIGHT_MARKER}:`.toLowerCase());
}

/** A core highlight as one format per rectangle of its cells (same formula in each). */
function specsOf(h: SheetHighlight): HighlightSpec[] {
  return groupRectangles(expandAreas(h.ranges.join(","))).map((rect) => ({
    sheet: h.sheet,
    range: rectAddress(rect),
    formula: h.formula,
    rule: h.rule,
    severity: h.severity,
    ...(h.explained === true ? { explained: true as const } : {}),
  }));
}

/**
 * The conditional formats for located tables: live formulas for the arithmetic and value rules,
 * and fixed marks for the given findings of other rules (X1, R7, R9…), which stand until the next
 * check. Rules naming a cell the tables lack are left out.
 */
export function highlightSpecs(
  tables: readonly LocatedTable[],
  findings: readonly Finding[] = [],
  explained: readonly ExplainedMark[] = [],
): HighlightSpec[] {
  return [
    ...locatedHighlights(tables),
    ...findingHighlights(findings),
    ...explainedHighlights(explained),
  ].flatMap(specsOf);
}

/** An explained finding's cells with the values they held (sheet-qualified addresses). */
export interface ExplainedMark {
  readonly rule: RuleId;
  readonly cells: readonly ExplainedCellMark[];
}

/**
 * Queues the formats on a sheet: warnings first, so errors end up on top (higher priority), and
 * explained marks last, above the error they quiet while their values hold.
 */
export function queueHighlights(sheet: HostWorksheet, specs: readonly HighlightSpec[]): void {
  const order = (s: HighlightSpec): number =>
    s.explained === true ? 3 : { info: 0, warning: 1, error: 2 }[s.severity];
  for (const s of [...specs].sort((a, b) => order(a) - order(b))) {
    const colours = s.explained === true ? EXPLAINED_COLOURS : HIGHLIGHT_COLOURS[s.severity];
    const cf = sheet.getRange(s.range).conditionalFormats.add("Custom");
    cf.custom.rule.formula = s.formula;
    cf.custom.format.fill.color = colours.fill;
    cf.custom.format.font.color = colours.font;
  }
}

/** The properties to load on a sheet's conditional formats to recognise ours. */
export const OWN_FORMAT_PROPERTIES = "items/type,items/customOrNullObject/rule/formula";

/** The loaded formats that are ours (custom, with the marker). Call after the load's sync. */
export function ownFormats(items: readonly HostConditionalFormat[]): HostConditionalFormat[] {
  return items.filter(
    (cf) =>
      cf.type === "Custom" &&
      !cf.customOrNullObject.isNullObject &&
      isOwnFormula(cf.customOrNullObject.rule.formula),
  );
}
