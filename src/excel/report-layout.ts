/**
 * The year's report (the core's report plan) laid out on a sheet's grid, for hosts whose task pane
 * cannot hand the user a file: the title and every heading, paragraph and note on a row of its own
 * spanning about a printed line, the three official tables cell by cell with their spans, a blank
 * row after each table, and the row heights wrapped text needs. Pure: report-sheet.ts writes it.
 * Loaded with the report's plan, outside the pane's first bundle.
 */
import { VERIFY_MARK, type ReportBlock, type ReportPlan } from "../core/report/plan";
import type { Rect } from "./addresses";
import { displayWidth } from "./insert";

/** Width, in characters, that the text rows span: about a line of an A4 page at 3号. */
const TEXT_WIDTH = 80;

/**
 * Points per line of wrapped text. Excel's default row is 15 pt for Calibri 11; CJK text in the
 * default 等线 11 needs a little more (GUESS: 17 pt, measured by eye, not documented).
 */
const LINE_HEIGHT = 17;

/** Excel's largest row height ("Excel specifications and limits": 409 points). */
export const MAX_ROW_HEIGHT = 409;

export type ReportStyle =
  "title" | "heading1" | "heading2" | "paragraph" | "note" | "header" | "label" | "value";

/** One cell of the sheet: its text, the rectangle it covers (a merge when larger than a cell). */
export interface PlacedCell {
  readonly rect: Rect;
  readonly text: string;
  readonly style: ReportStyle;
  readonly doubtful: boolean;
}

/** The report laid out on a grid: cells, the tables' rectangles (bordered) and column widths. */
export interface ReportLayout {
  readonly cells: readonly PlacedCell[];
  readonly tables: readonly Rect[];
  /** Widths in characters, one per column from A. */
  readonly columnWidths: readonly number[];
  readonly rows: number;
  readonly columns: number;
  /** Row heights in points, by row index, for the rows whose text wraps. */
  readonly rowHeights: readonly (readonly [number, number])[];
}

/** The widths of the columns: per column, the widest any table asks for. */
function gridWidths(blocks: readonly ReportBlock[]): number[] {
  const widths: number[] = [];
  for (const b of blocks) {
    if (b.kind !== "table") continue;
    for (let c = 0; c < b.columns; c++)
      widths[c] = Math.max(widths[c] ?? 0, b.columnWidths[c] ?? 8);
  }
  return widths.length === 0 ? [TEXT_WIDTH] : widths;
}

/** How many columns from A a text row spans: enough for TEXT_WIDTH characters, or all of them. */
function textColumns(widths: readonly number[]): number {
  let total = 0;
  for (let c = 0; c < widths.length; c++) {
    total += widths[c]!;
    if (total >= TEXT_WIDTH) return c + 1;
  }
  return widths.length;
}

/**
 * Places a table's anchored cells on the grid the way HTML tables are laid out: each cell takes
 * the first column of its row that no cell from an earlier row still covers.
 */
function placeTable(
  block: Extract<ReportBlock, { kind: "table" }>,
  top: number,
  out: PlacedCell[],
): number {
  const covered = new Set<string>();
  block.rows.forEach((row, r) => {
    let column = 0;
    for (const cell of row) {
      while (covered.has(`${r},${column}`)) column += 1;
      const rect = {
        top: top + r,
        left: column,
        bottom: top + r + cell.rowSpan - 1,
        right: column + cell.colSpan - 1,
      };
      for (let dr = 0; dr < cell.rowSpan; dr++)
        for (let dc = 0; dc < cell.colSpan; dc++) covered.add(`${r + dr},${column + dc}`);
      const doubtful = cell.doubtful === true;
      out.push({
        rect,
        text: doubtful ? `${cell.text}${VERIFY_MARK}` : cell.text,
        style: cell.role === "header" || cell.role === "note" ? "header" : cell.role,
        doubtful,
      });
      column += cell.colSpan;
    }
  });
  return block.rows.length;
}

/** The plan on a grid: one row per text block, a table's rows, a blank row after each table. */
export function layoutReport(plan: ReportPlan): ReportLayout {
  const columnWidths = gridWidths(plan.blocks);
  const span = textColumns(columnWidths);
  const cells: PlacedCell[] = [];
  const tables: Rect[] = [];
  let row = 0;
  const text = (value: string, style: ReportStyle): void => {
    cells.push({
      rect: { top: row, left: 0, bottom: row, right: span - 1 },
      text: value,
      style,
      doubtful: false,
    });
    row += 1;
  };
  text(plan.title, "title");
  for (const block of plan.blocks) {
    switch (block.kind) {
      case "heading":
        text(block.text, block.level === 1 ? "heading1" : "heading2");
        break;
      case "paragraph":
        text(block.text, "paragraph");
        break;
      case "note":
        text(block.text, "note");
        break;
      case "table": {
        const rows = placeTable(block, row, cells);
        tables.push({ top: row, left: 0, bottom: row + rows - 1, right: block.columns - 1 });
        row += rows + 1;
        break;
      }
    }
  }
  const sized = { cells, tables, columnWidths, rows: row, columns: columnWidths.length };
  return { ...sized, rowHeights: [...rowHeights(sized)] };
}

/**
 * Row heights for the wrapped cells: merged cells never autofit (office-js#1840), so each row gets
 * a height for the longest text on it in its cell's width (CJK characters count two), spread over
 * the rows a merge covers, at most Excel's 409 points.
 */
function rowHeights(layout: Omit<ReportLayout, "rowHeights">): Map<number, number> {
  const heights = new Map<number, number>();
  for (const cell of layout.cells) {
    let width = 0;
    for (let c = cell.rect.left; c <= cell.rect.right; c++) width += layout.columnWidths[c] ?? 8;
    const lines = cell.text
      .split("\n")
      .reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width))), 0);
    const rows = cell.rect.bottom - cell.rect.top + 1;
    const perRow = Math.min(MAX_ROW_HEIGHT, Math.ceil((lines * LINE_HEIGHT) / rows));
    for (let r = cell.rect.top; r <= cell.rect.bottom; r++)
      heights.set(r, Math.max(heights.get(r) ?? LINE_HEIGHT, perRow));
  }
  return heights;
}
