/**
 * The workbook double's state: plain data that tests read directly and compare before and after an
 * operation. Nothing here talks to the proxies; `workbook-double.ts` changes this state at sync().
 */
import type { HostCellValue } from "../../../src/excel/host";
import { cellAddress, columnLetters, qualify } from "../../../src/core/model/address";
import { evaluateFormula, FormulaError, mapReferences, type FormulaValue } from "./formula";

/** A zero-based, inclusive rectangle of cells. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellFormat {
  fill?: string;
  bold?: boolean;
  fontColor?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  /** Excel's default is locked; only `false` is stored. */
  locked?: boolean;
  borderTop?: string;
  borderBottom?: string;
  borderLeft?: string;
  borderRight?: string;
}

export interface CellState {
  /** A constant; absent when the cell holds a formula or nothing. */
  value?: HostCellValue;
  formula?: string;
  /**
   * The value a formula shows while it has not been calculated: set for formulas written after
   * `suspendApiCalculationUntilNextSync()` ("it is the developer's responsibility to re-calc the
   * workbook", index.d.ts 36589) until the workbook is calculated. GUESS: what an uncalculated
   * new formula shows is what the cell showed before (empty for a new cell).
   */
  stale?: HostCellValue;
  numberFormat?: string;
  format?: CellFormat;
}

export interface ConditionalFormatState {
  type: "Custom" | "ColorScale" | "DataBar" | "CellValue";
  rect: Rect;
  formula: string;
  fill?: string;
  fontColor?: string;
  stopIfTrue: boolean;
}

export interface ValidationState {
  rule: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

export interface NameState {
  name: string;
  /** The sheet the reference points to. */
  sheetId: number;
  rect: Rect;
  comment?: string;
  visible: boolean;
}

export interface SheetState {
  id: number;
  name: string;
  cells: Map<string, CellState>;
  merges: Rect[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Rows whose height was fitted to their content (autofitRows). */
  autofitRows: Set<number>;
  conditionalFormats: ConditionalFormatState[];
  validations: Map<string, ValidationState>;
  /** Names scoped to this sheet. */
  names: NameState[];
  protected: boolean;
  visibility: "Visible" | "Hidden" | "VeryHidden";
}

export interface WorkbookState {
  sheets: SheetState[];
  /** Workbook-scoped names. */
  names: NameState[];
  /** The settings of the default add-in instance (what `Workbook.settings` shows it). */
  settings: Map<string, unknown>;
  /**
   * The settings of other add-in instances (a catalog copy and a sideloaded copy with the same
   * `<Id>`): settings are per add-in instance (office-js#840), so each has its own.
   */
  instanceSettings: Map<string, Map<string, unknown>>;
  /** Custom XML parts (ExcelApi 1.5): shared by every add-in and kept in the file. */
  customXmlParts: { id: string; namespace: string; xml: string }[];
  /** Workbook structure protected (Review → Protect Workbook): no sheet can be added or deleted. */
  structureProtected: boolean;
  activeSheetId: number;
  selection: { sheetId: number; areas: Rect[] };
  nextSheetId: number;
}

export const key = (row: number, column: number): string => `${row},${column}`;

export function rectAddress(rect: Rect): string {
  const a = cellAddress(rect.top, rect.left);
  const b = cellAddress(rect.bottom, rect.right);
  return a === b ? a : `${a}:${b}`;
}

export function absoluteRectAddress(rect: Rect): string {
  const a = `$${columnLetters(rect.left)}$${rect.top + 1}`;
  const b = `$${columnLetters(rect.right)}$${rect.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** The address Excel reports for a range: "Sheet1!A1:D5", quoting the sheet name when needed. */
export function qualifiedAddress(sheet: SheetState, rect: Rect): string {
  return qualify(sheet.name, rectAddress(rect));
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

export function contains(rect: Rect, row: number, column: number): boolean {
  return row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right;
}

export function newSheet(id: number, name: string): SheetState {
  return {
    id,
    name,
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    autofitRows: new Set(),
    conditionalFormats: [],
    validations: new Map(),
    names: [],
    protected: false,
    visibility: "Visible",
  };
}

export function newWorkbook(sheetNames: readonly string[] = ["Sheet1"]): WorkbookState {
  const sheets = sheetNames.map((name, i) => newSheet(i + 1, name));
  return {
    sheets,
    names: [],
    settings: new Map(),
    instanceSettings: new Map(),
    customXmlParts: [],
    structureProtected: false,
    activeSheetId: 1,
    selection: { sheetId: 1, areas: [{ top: 0, left: 0, bottom: 0, right: 0 }] },
    nextSheetId: sheets.length + 1,
  };
}

/** The cells being evaluated, to recognise a circular reference. */
const evaluating = new Set<string>();

/**
 * A cell's value as Excel reports it: formulas evaluated, errors as their text, empty as "". A
 * circular reference (with iterative calculation off, Excel's default) shows 0 and Excel warns
 * about it (Microsoft's "Remove or allow a circular reference"): never "#REF!".
 */
export function cellValue(sheet: SheetState, row: number, column: number): HostCellValue {
  const cell = sheet.cells.get(key(row, column));
  if (cell === undefined) return "";
  if (cell.formula === undefined) return cell.value ?? "";
  const at = `${sheet.id}:${key(row, column)}`;
  if (evaluating.has(at)) return 0;
  if (cell.stale !== undefined) return cell.stale;
  evaluating.add(at);
  try {
    const result = evaluateFormula(cell.formula, (r, c) => readForFormula(sheet, r, c), {
      rows: 0,
      columns: 0,
    });
    return toHostValue(result);
  } finally {
    evaluating.delete(at);
  }
}

function readForFormula(sheet: SheetState, row: number, column: number): FormulaValue | null {
  const cell = sheet.cells.get(key(row, column));
  if (
    cell === undefined ||
    (cell.formula === undefined && (cell.value === undefined || cell.value === ""))
  ) {
    return null;
  }
  const at = `${sheet.id}:${key(row, column)}`;
  if (evaluating.has(at)) return 0;
  const v = cellValue(sheet, row, column);
  return typeof v === "string" && /^#[A-Z/0!?]+[!?A]?$/u.test(v) ? new FormulaError(v) : v;
}

function toHostValue(result: FormulaValue): HostCellValue {
  if (result instanceof FormulaError) return result.text;
  if (Array.isArray(result)) return "#VALUE!";
  return result;
}

/** What Excel's `formulas` shows for a cell: the formula, or the constant. */
export function cellFormula(sheet: SheetState, row: number, column: number): HostCellValue {
  const cell = sheet.cells.get(key(row, column));
  if (cell === undefined) return "";
  return cell.formula ?? cell.value ?? "";
}

/** Whether a cell holds anything a user typed (a constant or a formula). */
export function hasContent(sheet: SheetState, row: number, column: number): boolean {
  const cell = sheet.cells.get(key(row, column));
  return (
    cell !== undefined &&
    (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ""))
  );
}

/** The conditional formats whose formula is true at a cell, evaluated like Excel (relative refs). */
export function activeConditionalFormats(
  sheet: SheetState,
  row: number,
  column: number,
): ConditionalFormatState[] {
  return sheet.conditionalFormats.filter((cf) => {
    if (cf.type !== "Custom" || !contains(cf.rect, row, column)) return false;
    const result = evaluateFormula(cf.formula, (r, c) => readForFormula(sheet, r, c), {
      rows: row - cf.rect.top,
      columns: column - cf.rect.left,
    });
    // A rule whose formula evaluates to an error applies no format (as in Excel).
    return result === true || (typeof result === "number" && result !== 0);
  });
}

/** Every cell's value by A1 address, for assertions. */
export function usedBounds(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let bounds: Rect | null = null;
  for (const [k, cell] of sheet.cells) {
    const has = cell.formula !== undefined || (cell.value !== undefined && cell.value !== "");
    if (!has && (valuesOnly || (cell.format === undefined && cell.numberFormat === undefined)))
      continue;
    const [row, column] = k.split(",").map(Number) as [number, number];
    bounds =
      bounds === null
        ? { top: row, left: column, bottom: row, right: column }
        : {
            top: Math.min(bounds.top, row),
            left: Math.min(bounds.left, column),
            bottom: Math.max(bounds.bottom, row),
            right: Math.max(bounds.right, column),
          };
  }
  return bounds;
}

/**
 * Inserts empty rows above `at` on a sheet, moving cells, merges, formats, validations and names
 * down, and growing the ranges that span the insertion point, as Excel does.
 */
export function insertRows(
  workbook: WorkbookState,
  sheet: SheetState,
  at: number,
  count: number,
): void {
  const moveRow = (row: number): number => (row >= at ? row + count : row);
  const moveRect = (r: Rect): Rect => ({ ...r, top: moveRow(r.top), bottom: moveRow(r.bottom) });
  const cells = new Map<string, CellState>();
  for (const [k, cell] of sheet.cells) {
    const [row, column] = k.split(",").map(Number) as [number, number];
    const moved =
      cell.formula === undefined
        ? cell
        : { ...cell, formula: shiftFormula(cell.formula, at, count) };
    cells.set(key(moveRow(row), column), moved);
  }
  sheet.cells = cells;
  sheet.merges = sheet.merges.map(moveRect);
  const validations = new Map<string, ValidationState>();
  for (const [k, v] of sheet.validations) {
    const [row, column] = k.split(",").map(Number) as [number, number];
    validations.set(key(moveRow(row), column), v);
  }
  sheet.validations = validations;
  sheet.conditionalFormats = sheet.conditionalFormats.map((cf) => ({
    ...cf,
    rect: moveRect(cf.rect),
    formula: shiftFormula(cf.formula, at, count),
  }));
  for (const n of [...workbook.names, ...workbook.sheets.flatMap((s) => s.names)]) {
    if (n.sheetId === sheet.id) n.rect = moveRect(n.rect);
  }
}

function shiftFormula(formula: string, at: number, count: number): string {
  return mapReferences(formula, (ref) => ({
    ...ref,
    row: ref.row >= at ? ref.row + count : ref.row,
  }));
}

/** A plain, comparable copy of the whole workbook (cells keyed by A1 address). */
export interface WorkbookSnapshot {
  sheets: {
    name: string;
    protected: boolean;
    visibility: string;
    cells: Record<string, CellState>;
    merges: string[];
    columnWidths: Record<string, number>;
    rowHeights: Record<string, number>;
    conditionalFormats: (Omit<ConditionalFormatState, "rect"> & { range: string })[];
    validations: Record<string, ValidationState>;
    names: { name: string; range: string; comment?: string }[];
  }[];
  names: { name: string; range: string; comment?: string }[];
  settings: Record<string, unknown>;
  activeSheet: string;
  selection: { sheet: string; areas: string[] };
}

export function snapshot(workbook: WorkbookState): WorkbookSnapshot {
  const sheetName = (id: number): string =>
    workbook.sheets.find((s) => s.id === id)?.name ?? `#${id}`;
  const name = (n: NameState): { name: string; range: string; comment?: string } => ({
    name: n.name,
    range: `${sheetName(n.sheetId)}!${rectAddress(n.rect)}`,
    ...(n.comment === undefined ? {} : { comment: n.comment }),
  });
  const byAddress = <T>(map: Map<string, T>): Record<string, T> => {
    const out: Record<string, T> = {};
    const entries = [...map].map(([k, v]) => {
      const [row, column] = k.split(",").map(Number) as [number, number];
      return { row, column, v };
    });
    entries.sort((a, b) => a.row - b.row || a.column - b.column);
    for (const e of entries) out[cellAddress(e.row, e.column)] = structuredClone(e.v);
    return out;
  };
  return {
    sheets: workbook.sheets.map((s) => ({
      name: s.name,
      protected: s.protected,
      visibility: s.visibility,
      cells: byAddress(s.cells),
      merges: s.merges.map(rectAddress),
      columnWidths: Object.fromEntries([...s.columnWidths].map(([c, w]) => [columnLetters(c), w])),
      rowHeights: Object.fromEntries([...s.rowHeights].map(([r, h]) => [String(r + 1), h])),
      conditionalFormats: s.conditionalFormats.map(({ rect, ...rest }) => ({
        ...rest,
        range: rectAddress(rect),
      })),
      validations: byAddress(s.validations),
      names: s.names.map(name),
    })),
    names: workbook.names.map(name),
    settings: Object.fromEntries(workbook.settings),
    activeSheet: sheetName(workbook.activeSheetId),
    selection: {
      sheet: sheetName(workbook.selection.sheetId),
      areas: workbook.selection.areas.map(rectAddress),
    },
  };
}
