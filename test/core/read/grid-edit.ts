/**
 * Grids for reader tests: tables rendered in the official layout with the seed report's figures
 * or with a distinct figure in every cell, and the edits a clerk makes to a sheet (rows and
 * columns inserted, deleted, copied, swapped; tables put together on one sheet).
 */
import { cellAddress, parseCellAddress, qualify } from "../../../src/core/model/address";
import type { Grid, LocatedTable, RawCell } from "../../../src/core/model/figures";
import { layoutPositions, officialLayout, renderLayout } from "../../../src/core/model/layout";
import { normalizeLabel } from "../../../src/core/model/normalize";
import {
  cellId,
  dataCells,
  tableDef,
  type CellKey,
  type FormatVersion,
  type TableId,
} from "../../../src/core/model/tables";
import { seedTables } from "../../helpers/build";

/** A value for each data cell. */
export type ValueOf = (key: CellKey) => RawCell;

let seed: Map<string, RawCell> | undefined;

/** The seed report's figures (曲阜市时庄街道 2024) by cell key. */
export const seedValue: ValueOf = (key) => {
  if (seed === undefined) {
    seed = new Map();
    for (const t of seedTables()) for (const [id, cell] of t.cells) seed.set(id, cell.raw);
  }
  return seed.get(cellId(key)) ?? null;
};

const places = new Map<string, number>();
for (const [version, offset] of [
  ["2021", 1],
  ["2019", 501],
] as const) {
  for (const table of ["T2", "T3", "T4"] as const) {
    dataCells(tableDef(table, version)).forEach((c, i) => {
      if (!places.has(cellId(c))) places.set(cellId(c), offset + i);
    });
  }
}

/** A different whole number in every data cell of a table (its place in reading order). */
export const distinctValue: ValueOf = (key) => places.get(cellId(key)) ?? 0;

/** Options for rendering a table. */
export interface RenderOptions {
  readonly version?: FormatVersion;
  readonly sheet?: string;
  readonly origin?: string;
  readonly value?: ValueOf;
}

/** A table in its official layout (seed figures unless told otherwise). */
export function render(table: TableId, options: RenderOptions = {}): Grid {
  return renderLayout(
    officialLayout(table, options.version ?? "2021"),
    options.value ?? seedValue,
    options.sheet ?? "Sheet1",
    options.origin ?? "A1",
  );
}

/** Where a data cell sits in the official layout (zero-based, from the table's top-left). */
export function positionOf(
  key: CellKey,
  version: FormatVersion = "2021",
): { row: number; column: number } {
  const position = layoutPositions(officialLayout(key.table, version)).get(cellId(key));
  if (position === undefined) throw new Error(`no position for ${cellId(key)}`);
  return position;
}

/** The sheet-qualified address a cell at a zero-based grid position has. */
export function addressIn(grid: Grid, row: number, column: number): string {
  const origin = parseCellAddress(grid.origin);
  return qualify(grid.sheet, cellAddress(origin.row + row, origin.column + column));
}

function copy(grid: Grid, values: RawCell[][]): Grid {
  return { sheet: grid.sheet, origin: grid.origin, values };
}

function rows(grid: Grid): RawCell[][] {
  return grid.values.map((r) => [...r]);
}

function width(grid: Grid): number {
  return Math.max(0, ...grid.values.map((r) => r.length));
}

/** A blank row inserted before row `at`. */
export function insertRow(grid: Grid, at: number): Grid {
  const values = rows(grid);
  values.splice(at, 0, Array<RawCell>(width(grid)).fill(null));
  return copy(grid, values);
}

/** A row of given cells inserted before row `at`. */
export function insertCells(grid: Grid, at: number, cells: readonly RawCell[]): Grid {
  const values = rows(grid);
  const line = Array<RawCell>(width(grid)).fill(null);
  cells.forEach((c, i) => (line[i] = c));
  values.splice(at, 0, line);
  return copy(grid, values);
}

/** A blank column inserted before column `at`. */
export function insertColumn(grid: Grid, at: number): Grid {
  return copy(
    grid,
    rows(grid).map((r) => {
      r.splice(at, 0, null);
      return r;
    }),
  );
}

/** The grid without row `at`. */
export function deleteRow(grid: Grid, at: number): Grid {
  const values = rows(grid);
  values.splice(at, 1);
  return copy(grid, values);
}

/** The grid without column `at`. */
export function deleteColumn(grid: Grid, at: number): Grid {
  return copy(
    grid,
    rows(grid).map((r) => {
      r.splice(at, 1);
      return r;
    }),
  );
}

/** A copy of row `from` inserted before row `to`. */
export function copyRow(grid: Grid, from: number, to: number): Grid {
  const values = rows(grid);
  values.splice(to, 0, [...(values[from] ?? [])]);
  return copy(grid, values);
}

/** Rows `a` and `b` swapped. */
export function swapRows(grid: Grid, a: number, b: number): Grid {
  const values = rows(grid);
  const first = values[a] ?? [];
  values[a] = values[b] ?? [];
  values[b] = first;
  return copy(grid, values);
}

/** Every cell passed through a function. */
export function mapCells(
  grid: Grid,
  change: (value: RawCell, row: number, column: number) => RawCell,
): Grid {
  return copy(
    grid,
    grid.values.map((r, i) => r.map((v, j) => change(v, i, j))),
  );
}

/** One cell set. */
export function setCell(grid: Grid, row: number, column: number, value: RawCell): Grid {
  const values = rows(grid);
  const line = values[row];
  if (line !== undefined) line[column] = value;
  return copy(grid, values);
}

/** Grids put on one sheet, each with its top-left at a zero-based row and column. */
export function combine(
  parts: readonly { grid: Grid; row: number; column: number }[],
  sheet = "Sheet1",
  origin = "A1",
): Grid {
  const height = Math.max(0, ...parts.map((p) => p.row + p.grid.values.length));
  const wide = Math.max(0, ...parts.map((p) => p.column + width(p.grid)));
  const values: RawCell[][] = Array.from({ length: height }, () => Array<RawCell>(wide).fill(null));
  for (const p of parts) {
    p.grid.values.forEach((line, r) =>
      line.forEach((v, c) => {
        const target = values[p.row + r];
        if (target !== undefined && v !== null) target[p.column + c] = v;
      }),
    );
  }
  return { sheet, origin, values };
}

/** The row of the first cell whose label equals `label` after normalisation. */
export function rowOf(grid: Grid, label: string): number {
  const wanted = normalizeLabel(label);
  const index = grid.values.findIndex((r) =>
    r.some((v) => typeof v === "string" && normalizeLabel(v) === wanted),
  );
  if (index < 0) throw new Error(`no row labelled ${label}`);
  return index;
}

/** Every data cell's raw value of a located table, by cell id. */
export function rawValues(table: LocatedTable): Record<string, RawCell> {
  const result: Record<string, RawCell> = {};
  for (const [id, cell] of table.cells) result[id] = cell.raw;
  return result;
}

/** What a table holds when every cell of its definition has `value`. */
export function expectedValues(
  table: TableId,
  value: ValueOf,
  version: FormatVersion = "2021",
): Record<string, RawCell> {
  const result: Record<string, RawCell> = {};
  for (const d of dataCells(tableDef(table, version))) result[cellId(d)] = value(d);
  return result;
}

/** The structure issue codes of a table, sorted. */
export function issueCodes(table: LocatedTable): string[] {
  return table.structure.map((s) => s.code).sort();
}

/** Table 三 in the official layout with each merge's label written in every cell it covers. */
export function repeatedLabelGrid(): Grid {
  const layout = officialLayout("T3", "2021");
  const grid = renderLayout(layout, seedValue, "Sheet1", "A1");
  const values = grid.values.map((r): RawCell[] => [...r]);
  for (const cell of layout.cells) {
    if (cell.text === undefined || cell.role === "title") continue;
    for (let r = cell.row; r < cell.row + cell.rowSpan; r += 1) {
      for (let c = cell.column; c < cell.column + cell.columnSpan; c += 1) {
        values[r]![c] = cell.text;
      }
    }
  }
  return { sheet: grid.sheet, origin: grid.origin, values };
}
