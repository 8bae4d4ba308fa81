/**
 * The template of each table as a host-neutral plan: every cell's text or formula and style role,
 * merges, widths, data validation, the named range, and the live highlight rules (conditional
 * formats whose formulas come from the rule catalogue). The Excel adapter and the .xlsx writer both
 * carry out this plan, so the add-in and the command line write the same tables.
 */
import { cellAddress, parseCellAddress, rangeAddress } from "../model/address";
import { ruleHighlight, valueHighlights } from "./highlights";
import { layoutPositions, officialLayout, type LayoutRole } from "../model/layout";
import { cellId, tableDef, type CellKey, type FormatVersion, type TableId } from "../model/tables";
import { buildRules } from "../rules/catalog";
import type { RuleId, Severity } from "../rules/finding";
import type { Locale } from "../locales/locale";

/** The format stamp written beside each inserted table (and checked by the reader's caller). */
export const FORMAT_STAMP = "国办公开办函〔2021〕30号";

export { HIGHLIGHT_MARKER } from "./highlights";

/** The workbook name that locates a table again after rows are inserted. */
export function tableRangeName(table: TableId): string {
  return `XXGK_${table}`;
}

export interface PlannedCell {
  /** Absolute A1 address on the target sheet. */
  readonly address: string;
  readonly role: LayoutRole | "stamp";
  readonly text?: string;
  /** A formula with a leading "=", for totals when totals are formulas. */
  readonly formula?: string;
  /** The data cell here, for input and total cells. */
  readonly cell?: CellKey;
  /** Number format for input and total cells: "0" for counts, "0.0000" style for 万元. */
  readonly numberFormat?: string;
}

export interface PlannedMerge {
  readonly range: string;
}

export interface PlannedValidation {
  readonly range: string;
  readonly kind: "whole" | "decimal";
  readonly minimum: 0;
  /** For decimals: at most this many places (checked with a custom formula where supported). */
  readonly decimals?: number;
  readonly title: string;
  readonly message: string;
}

/**
 * A conditional format: `formula` is true where a rule is broken. Rule highlights (over separate
 * cells, comma-joined) use absolute references; R5/R6 test their rectangle's top-left cell.
 */
export interface PlannedHighlight {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly range: string;
  readonly formula: string;
}

export interface PlannedTable {
  readonly table: TableId;
  readonly version: FormatVersion;
  /** The whole table area, stamp row included. */
  readonly range: string;
  readonly name: string;
  readonly cells: readonly PlannedCell[];
  readonly merges: readonly PlannedMerge[];
  /** Column widths in characters, from the table's left column. */
  readonly columnWidths: readonly number[];
  readonly firstColumn: number;
  readonly validations: readonly PlannedValidation[];
  readonly highlights: readonly PlannedHighlight[];
  /** Rows (zero-based, absolute) that are tall: wrapped labels. */
  readonly inputRange: string;
}

export interface TemplateOptions {
  /** Zero-based row and column of the first table's top-left cell. */
  readonly row?: number;
  readonly column?: number;
  /** Totals as formulas (default) or as plain input cells. */
  readonly totalsAsFormulas?: boolean;
  readonly locale?: Locale;
  /** Blank rows between tables stacked on one sheet. */
  readonly gap?: number;
}

const VALIDATION_TEXT: Record<Locale, { count: [string, string]; amount: [string, string] }> = {
  "zh-CN": {
    count: ["请填件数", "请填不小于 0 的整数；没有数据填 0，不要留空，不要填“/”或文字。"],
    amount: ["请填金额（万元）", "请填不小于 0 的金额，单位万元，最多 4 位小数。"],
  },
  "en-US": {
    count: [
      "Enter a count",
      "Enter a whole number of 0 or more; enter 0 when there is nothing to report.",
    ],
    amount: [
      "Enter an amount (10,000 yuan)",
      "Enter an amount of 0 or more in 10,000 yuan, at most 4 decimals.",
    ],
  },
};

/** Plans one table at a zero-based position. */
function planTable(
  table: TableId,
  top: number,
  left: number,
  totalsAsFormulas: boolean,
  locale: Locale,
): PlannedTable {
  const version: FormatVersion = "2021";
  const layout = officialLayout(table, version);
  const positions = layoutPositions(layout);
  const at = (key: CellKey): string => {
    const p = positions.get(cellId(key));
    if (p === undefined) throw new LayoutPositionError(cellId(key));
    return cellAddress(top + p.row, left + p.column);
  };
  const def = tableDef(table, version);
  const rules = buildRules({
    ...(table === "T3" ? { t3Version: version } : {}),
    hasT2: table === "T2",
    hasT4: table === "T4",
    hasLastYear: false,
    hasNarrative: false,
  }).filter((r) => (r.kind === "linear" || r.kind === "bound") && r.table === table);

  // A total cell's formula is the right side of the rule whose left side is that cell alone.
  const totals = new Map<string, string>();
  for (const r of rules) {
    if (r.kind !== "linear" || r.left.length !== 1 || r.id === "R1") continue;
    const id = cellId(r.left[0]!);
    if (!totals.has(id)) totals.set(id, `=SUM(${r.right.map(at).join(",")})`);
  }

  const cells: PlannedCell[] = [];
  const merges: PlannedMerge[] = [];
  const amountCells = new Set(
    def.blocks
      .filter((b) => b.domain === "amount")
      .flatMap((b) => b.rows.map((r) => `${table}/${r.key}/`)),
  );
  const inputAddresses: string[] = [];
  const countInputs: string[] = [];
  const amountInputs: string[] = [];
  for (const c of layout.cells) {
    const address = cellAddress(top + c.row, left + c.column);
    if (c.rowSpan > 1 || c.columnSpan > 1) {
      merges.push({
        range: rangeAddress(
          top + c.row,
          left + c.column,
          top + c.row + c.rowSpan - 1,
          left + c.column + c.columnSpan - 1,
        ),
      });
    }
    if (c.cell === undefined) {
      cells.push({ address, role: c.role, ...(c.text === undefined ? {} : { text: c.text }) });
      continue;
    }
    const amount = [...amountCells].some((prefix) => cellId(c.cell!).startsWith(prefix));
    const numberFormat = amount ? "General" : "0";
    const formula = c.role === "total" && totalsAsFormulas ? totals.get(cellId(c.cell)) : undefined;
    const role: LayoutRole = formula === undefined ? "input" : "total";
    cells.push({
      address,
      role,
      cell: c.cell,
      numberFormat,
      ...(formula === undefined ? {} : { formula }),
    });
    if (role === "input") {
      inputAddresses.push(address);
      (amount ? amountInputs : countInputs).push(address);
    }
  }
  const stampRow = top + layout.rows;
  cells.push({
    address: cellAddress(stampRow, left),
    role: "stamp",
    text: `${FORMAT_STAMP} · ${tableRangeName(table)}`,
  });

  const text = VALIDATION_TEXT[locale];
  const validations: PlannedValidation[] = [];
  if (countInputs.length > 0) {
    validations.push({
      range: countInputs.join(","),
      kind: "whole",
      minimum: 0,
      title: text.count[0],
      message: text.count[1],
    });
  }
  if (amountInputs.length > 0) {
    validations.push({
      range: amountInputs.join(","),
      kind: "decimal",
      minimum: 0,
      decimals: 4,
      title: text.amount[0],
      message: text.amount[1],
    });
  }

  const highlights: PlannedHighlight[] = [];
  for (const r of rules) {
    const h = ruleHighlight(r, at);
    if (h !== undefined)
      highlights.push({
        rule: h.rule,
        severity: h.severity,
        range: h.cells.join(","),
        formula: h.formula,
      });
  }
  // R6 (blank) and R5 (not a number ≥ 0): one format per rectangle of data cells.
  highlights.push(
    ...valueHighlights(
      cells.filter((c) => c.cell !== undefined).map((c) => parseCellAddress(c.address)),
    ),
  );

  return {
    table,
    version,
    range: rangeAddress(top, left, stampRow, left + layout.columns - 1),
    name: tableRangeName(table),
    cells,
    merges,
    columnWidths: layout.columnWidths,
    firstColumn: left,
    validations,
    highlights,
    inputRange: inputAddresses.join(","),
  };
}

/** Plans the given tables stacked top to bottom from a position (default A1), in table order. */
export function planTemplate(
  tables: readonly TableId[],
  options: TemplateOptions = {},
): PlannedTable[] {
  const planned: PlannedTable[] = [];
  let top = options.row ?? 0;
  const left = options.column ?? 0;
  for (const table of tables) {
    const t = planTable(
      table,
      top,
      left,
      options.totalsAsFormulas ?? true,
      options.locale ?? "zh-CN",
    );
    planned.push(t);
    top += officialLayout(table).rows + 1 + (options.gap ?? 2);
  }
  return planned;
}

/** Thrown when a rule names a cell the layout does not place (a programming error). */
export class LayoutPositionError extends Error {
  constructor(readonly cell: string) {
    super(`the layout has no position for ${cell}`);
    this.name = "LayoutPositionError";
  }
}
