/**
 * The figures of one report: the located tables merged into one look-up by cell key. When a table
 * was found twice, the first one counts (the second is reported as R9 table-duplicated).
 */
import { numericValue, type FigureCell, type LocatedTable } from "./figures";
import { cellId, type CellKey, type FormatVersion, type TableId } from "./tables";

/** Read access to a report's figures. */
export interface FigureSet {
  /** The tables in use, at most one per table id. */
  readonly tables: readonly LocatedTable[];
  /** Tables found again after the first of their id. */
  readonly duplicates: readonly LocatedTable[];
  get(key: CellKey): FigureCell | undefined;
  /** The numeric value of a cell that holds a number (valid or not), else undefined. */
  value(key: CellKey): number | undefined;
  has(table: TableId): boolean;
  version(table: TableId): FormatVersion | undefined;
}

/** A figure set over located tables. */
export function figureSet(located: readonly LocatedTable[]): FigureSet {
  const tables: LocatedTable[] = [];
  const duplicates: LocatedTable[] = [];
  for (const t of located) {
    if (tables.some((u) => u.table === t.table)) duplicates.push(t);
    else tables.push(t);
  }
  const cells = new Map<string, FigureCell>();
  for (const t of tables) for (const [id, cell] of t.cells) cells.set(id, cell);
  const get = (key: CellKey): FigureCell | undefined => cells.get(cellId(key));
  return {
    tables,
    duplicates,
    get,
    value: (key) => {
      const cell = get(key);
      return cell === undefined ? undefined : numericValue(cell.reading);
    },
    has: (table) => tables.some((t) => t.table === table),
    version: (table) => tables.find((t) => t.table === table)?.version,
  };
}
