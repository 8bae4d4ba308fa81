/**
 * The plain data the core receives and returns: grids of cell values, what a cell was read as,
 * and the tables located in a grid or a text. The core never sees a host object.
 */
import type { CellKey, FormatVersion, TableId } from "./tables";

/** A cell value as a host hands it over. Excel error values arrive as their text ("#N/A"). */
export type RawCell = number | string | boolean | null;

/** A rectangle of cell values with the sheet it comes from and the A1 address of its top-left cell. */
export interface Grid {
  readonly sheet: string;
  /** The A1 address of values[0][0], e.g. "A1" or "C5". */
  readonly origin: string;
  readonly values: readonly (readonly RawCell[])[];
  /**
   * Where a person finds each cell when the grid has no sheet behind it (a PDF: "第3页第12行"),
   * parallel to `values`; copied into FigureCell.location.
   */
  readonly locations?: readonly (readonly (string | undefined)[])[];
}

/**
 * What a cell was read as. Only `number` is a usable figure; `invalid` keeps its number so sums
 * can still be checked, but the cell is itself a finding. Nothing is ever silently turned into 0.
 */
export type CellReading =
  | { readonly kind: "number"; readonly value: number; readonly via?: NumberForm }
  | { readonly kind: "blank" }
  | { readonly kind: "not-applicable"; readonly text: string }
  | { readonly kind: "text"; readonly text: string; readonly suggestion?: number }
  | {
      readonly kind: "invalid";
      readonly value: number;
      readonly problem: InvalidProblem;
      readonly text?: string;
    }
  | { readonly kind: "error"; readonly text: string };

/** How an accepted number was written, when it was not a plain number. */
export type NumberForm = "text" | "full-width" | "thousands";

/** Why a number cannot stand in its cell. */
export type InvalidProblem = "negative" | "fraction" | "too-precise" | "too-large";

/** One data cell found in a grid or text: its keys, what it held, and where it is. */
export interface FigureCell extends CellKey {
  readonly reading: CellReading;
  readonly raw: RawCell;
  /** Sheet-qualified A1 address ("Sheet1!D8"), when the table came from a grid with addresses. */
  readonly address?: string;
  /** Where a person finds the cell when there is no A1 address ("第3页第12行"), from Grid.locations. */
  readonly location?: string;
}

/** What is wrong with a table's structure: each becomes an R9 finding. */
export type StructureIssue =
  | {
      readonly code: "label-variant";
      readonly found: string;
      readonly official: string;
      readonly address?: string;
    }
  | { readonly code: "row-missing"; readonly row: string }
  | { readonly code: "row-duplicated"; readonly row: string; readonly address?: string }
  | { readonly code: "row-out-of-order"; readonly row: string; readonly address?: string }
  | { readonly code: "row-unknown"; readonly found: string; readonly address?: string }
  | { readonly code: "column-missing"; readonly column: string }
  /** The text ends inside the table after this row: the rows below were never there to read. */
  | { readonly code: "table-cut"; readonly row: string }
  /** A text row with fewer figures than columns (blank cells dropped): which is which is unknown. */
  | {
      readonly code: "row-short";
      readonly row: string;
      readonly found: string;
      readonly expected: string;
    };

/** A table found in a grid or a report text, with every data cell that could be placed. */
export interface LocatedTable {
  readonly table: TableId;
  readonly version: FormatVersion;
  readonly sheet?: string;
  /** The A1 range the table occupies ("B3:K30"), when it came from a grid. */
  readonly range?: string;
  /** Data cells by `cellId`. A cell that could not be placed (row missing) is absent. */
  readonly cells: ReadonlyMap<string, FigureCell>;
  readonly structure: readonly StructureIssue[];
}

/**
 * The number a reading may be shown or written as: its value, except for a figure too large to be
 * exact or plausible (shown as typed instead: 9999999999999999 is not 10000000000000000).
 */
export function shownValue(reading: CellReading): number | undefined {
  if (reading.kind === "invalid" && reading.problem === "too-large") return undefined;
  return numericValue(reading);
}

/** The numeric value of a reading that has one (number or invalid), else undefined. */
export function numericValue(reading: CellReading): number | undefined {
  return reading.kind === "number" || reading.kind === "invalid" ? reading.value : undefined;
}
