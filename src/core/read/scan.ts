/**
 * One pass over a grid: every text cell that is a known label becomes a hit, found by a look-up
 * in the label index. The reader's other modules work from the hits and read cells through the
 * accessors here, which never throw on ragged rows or values of the wrong type.
 */
import { cellAddress, qualify } from "../model/address";
import type { FigureCell, LocatedTable, RawCell, StructureIssue } from "../model/figures";
import type { FormatVersion, TableId } from "../model/tables";
import { readCell } from "./cell";
import { lookupLabel, type LabelEntry, type LabelRole } from "./labels";

/** Rows beyond this are not read (Excel's own limit). */
export const MAX_ROWS = 1_048_576;
/** Columns beyond this are not read (Excel's own limit). */
export const MAX_COLUMNS = 16_384;
/**
 * At most this many tables of one kind are read from a grid (those with the most rows): a sheet
 * holds a few; a grid strewn with labels would otherwise yield thousands of scraps.
 */
export const MAX_TABLES_PER_KIND = 32;

/** A text cell that is a known label. */
export interface Hit {
  readonly row: number;
  readonly column: number;
  readonly raw: string;
  readonly entries: readonly LabelEntry[];
}

/** The scanned grid: its values, where it sits, and its label hits. */
export interface ScanContext {
  readonly values: readonly (readonly unknown[])[];
  /** True for a report text: collapsed rows, no addresses. */
  readonly text: boolean;
  readonly sheet: string;
  readonly originRow: number;
  readonly originColumn: number;
  /** Every hit in reading order (row by row, left to right). */
  readonly hits: readonly Hit[];
  readonly hitsByRow: ReadonlyMap<number, readonly Hit[]>;
  readonly hitByCell: ReadonlyMap<number, Hit>;
  /** Where a person finds each cell (Grid.locations), parallel to `values`, when the grid has them. */
  readonly locations?: readonly (readonly (string | undefined)[])[];
}

/** A table read from the grid, with the grid rectangle it occupies (zero-based, inclusive). */
export interface Located {
  readonly table: LocatedTable;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function cellKey(row: number, column: number): number {
  return row * MAX_COLUMNS + column;
}

/** Scans a grid once for label hits. */
export function scanGrid(
  values: readonly (readonly unknown[])[],
  text: boolean,
  sheet: string,
  originRow: number,
  originColumn: number,
  locations?: readonly (readonly (string | undefined)[])[],
): ScanContext {
  const hits: Hit[] = [];
  const hitsByRow = new Map<number, Hit[]>();
  const hitByCell = new Map<number, Hit>();
  const rows = Math.min(values.length, MAX_ROWS);
  for (let r = 0; r < rows; r += 1) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const columns = Math.min(row.length, MAX_COLUMNS);
    let rowHits: Hit[] | undefined;
    for (let c = 0; c < columns; c += 1) {
      const value: unknown = row[c];
      if (typeof value !== "string") continue;
      // A label repeated in the cells below or beside it (a writer that fills every cell of a
      // merge with its text) is one label: only its top-left cell is a hit.
      if (c > 0 && row[c - 1] === value) continue;
      if (r > 0 && Array.isArray(values[r - 1]) && values[r - 1]![c] === value) continue;
      const entries = lookupLabel(value);
      if (entries === undefined) continue;
      const hit: Hit = { row: r, column: c, raw: value, entries };
      hits.push(hit);
      hitByCell.set(cellKey(r, c), hit);
      if (rowHits === undefined) {
        rowHits = [];
        hitsByRow.set(r, rowHits);
      }
      rowHits.push(hit);
    }
  }
  return {
    values,
    text,
    sheet,
    originRow,
    originColumn,
    hits,
    hitsByRow,
    hitByCell,
    ...(Array.isArray(locations) ? { locations } : {}),
  };
}

/** The value of a cell, null for anything outside the grid or of a type a host does not send. */
export function cellAt(ctx: ScanContext, row: number, column: number): RawCell {
  const line = ctx.values[row];
  if (!Array.isArray(line)) return null;
  const value: unknown = line[column];
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return value;
  return null;
}

/** The number of cells in a grid row (0 for a row that is not an array). */
export function rowLength(ctx: ScanContext, row: number): number {
  const line = ctx.values[row];
  return Array.isArray(line) ? Math.min(line.length, MAX_COLUMNS) : 0;
}

/** The number of rows read. */
export function rowCount(ctx: ScanContext): number {
  return Math.min(ctx.values.length, MAX_ROWS);
}

/** The label hit at a cell, if any. */
export function hitAt(ctx: ScanContext, row: number, column: number): Hit | undefined {
  return ctx.hitByCell.get(cellKey(row, column));
}

/** True for an empty cell: null, or a text of white space only. */
export function isBlank(value: RawCell): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** True for a text that reads as words, not as a figure ("规章", not "5", "5件" or "暂无"). */
export function isLabelLike(value: RawCell): value is string {
  if (typeof value !== "string") return false;
  const text = value.trim();
  if (text.length < 2 || !/[\u4e00-\u9fffA-Za-z]/u.test(text)) return false;
  const reading = readCell(text, "change");
  return reading.kind === "text" && reading.suggestion === undefined;
}

/** The entries of a hit with a role, for a table (and a version, when given). */
export function entriesOf(
  hit: Hit,
  role: LabelRole,
  table: TableId,
  version?: FormatVersion,
): LabelEntry[] {
  return hit.entries.filter(
    (e) => e.role === role && e.table === table && (version === undefined || e.version === version),
  );
}

/** The sheet-qualified address of a grid cell, or undefined for a text. */
export function addressOf(ctx: ScanContext, row: number, column: number): string | undefined {
  if (ctx.text) return undefined;
  return qualify(ctx.sheet, cellAddress(ctx.originRow + row, ctx.originColumn + column));
}

/**
 * A figure cell read from a grid cell for a data cell of a domain; in a report text a number's
 * `via: "text"` is dropped, since every figure of a text is text.
 */
export function figureAt(
  ctx: ScanContext,
  key: { readonly table: TableId; readonly row: string; readonly column: string },
  domain: Parameters<typeof readCell>[1],
  row: number,
  column: number,
): FigureCell {
  const raw = cellAt(ctx, row, column);
  const address = addressOf(ctx, row, column);
  let reading = readCell(raw, domain);
  // In a report text every figure is text: "stored as text" says nothing there.
  if (ctx.text && reading.kind === "number" && reading.via === "text") {
    reading = { kind: "number", value: reading.value };
  }
  const line = ctx.locations?.[row];
  const location: unknown = Array.isArray(line) ? line[column] : undefined;
  // Built field by field (the order of the spread it replaces): one object per cell, not four.
  const cell: { -readonly [K in keyof FigureCell]: FigureCell[K] } = {
    table: key.table,
    row: key.row,
    column: key.column,
    raw,
    reading,
  };
  if (address !== undefined) cell.address = address;
  if (typeof location === "string") cell.location = location;
  return cell;
}

/** A label-variant issue for a hit matched through a variant spelling. */
export function variantIssue(ctx: ScanContext, hit: Hit, entry: LabelEntry): StructureIssue {
  const address = addressOf(ctx, hit.row, hit.column);
  return {
    code: "label-variant",
    found: hit.raw,
    official: entry.official,
    ...(address === undefined ? {} : { address }),
  };
}

/** The smallest of some numbers (loops: safe for long lists); `empty` when there are none. */
export function minOf(values: Iterable<number>, empty = 0): number {
  let result = Number.POSITIVE_INFINITY;
  for (const v of values) if (v < result) result = v;
  return result === Number.POSITIVE_INFINITY ? empty : result;
}

/** The largest of some numbers (loops: safe for long lists); `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty = 0): number {
  let result = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > result) result = v;
  return result === Number.NEGATIVE_INFINITY ? empty : result;
}

/** Grows a rectangle to hold a cell. */
export class Extent {
  top = Number.POSITIVE_INFINITY;
  left = Number.POSITIVE_INFINITY;
  bottom = Number.NEGATIVE_INFINITY;
  right = Number.NEGATIVE_INFINITY;

  /** Adds a cell. */
  add(row: number, column: number): void {
    this.top = Math.min(this.top, row);
    this.left = Math.min(this.left, column);
    this.bottom = Math.max(this.bottom, row);
    this.right = Math.max(this.right, column);
  }

  /** True when nothing was added. */
  get empty(): boolean {
    return this.top === Number.POSITIVE_INFINITY;
  }
}
