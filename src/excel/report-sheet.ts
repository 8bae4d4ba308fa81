/**
 * Writes the year's report (the core's report plan) into a new sheet, for hosts whose task pane
 * cannot hand the user a file (Excel on the Mac: office-js#2700): the title, every heading,
 * paragraph and note on a merged, wrapped row of its own, and the three official tables with their
 * merges and borders (figures as numbers), ready to select and paste into Word. Two syncs: one to learn the sheet names,
 * one to write. The sheet is always new (年度报告, 年度报告 (2)…); no existing sheet is touched, and
 * a write Excel refuses part-way deletes the new sheet again.
 */
import { cellAddress } from "../core/model/address";
import { VERIFY_MARK, type ReportBlock, type ReportPlan } from "../core/report/plan";
import { rectAddress, type Rect } from "./addresses";
import { atBoundary, officeErrorCode, WorkbookProtectedError } from "./errors";
import type { HostCellValue, HostRange, HostWorksheet, RunBatch } from "./host";
import { columnWidthPoints, displayWidth, TEMPLATE_COLOURS, uniqueSheetName } from "./insert";

/** The default name of the report sheet. */
export const REPORT_SHEET = "年度报告";

/**
 * The sheet-scoped name every report sheet carries (over A1): checking every sheet skips these
 * sheets, whose tables are copies of the ones checked.
 */
export const REPORT_SHEET_MARK = "xxgk_年度报告";

/** Width, in characters, that the text rows span: about a line of an A4 page at 3号. */
const TEXT_WIDTH = 80;

/**
 * Points per line of wrapped text. Excel's default row is 15 pt for Calibri 11; CJK text in the
 * default 等线 11 needs a little more (GUESS: 17 pt, measured by eye, not documented).
 */
const LINE_HEIGHT = 17;

/** Excel's largest row height ("Excel specifications and limits": 409 points). */
export const MAX_ROW_HEIGHT = 409;

/** Colours of the sheet: doubtful figures as the check's red marks, the draft note as a warning. */
const COLOURS = { doubtful: "#FFC7CE", note: "#FFF4CE", header: TEMPLATE_COLOURS.header } as const;

type Style =
  "title" | "heading1" | "heading2" | "paragraph" | "note" | "header" | "label" | "value";

/** One cell of the sheet: its text, the rectangle it covers (a merge when larger than a cell). */
interface PlacedCell {
  readonly rect: Rect;
  readonly text: string;
  readonly style: Style;
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
  const text = (value: string, style: Style): void => {
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
  return { cells, tables, columnWidths, rows: row, columns: columnWidths.length };
}

/**
 * Row heights for the wrapped cells: merged cells never autofit (office-js#1840), so each row gets
 * a height for the longest text on it in its cell's width (CJK characters count two), spread over
 * the rows a merge covers, at most Excel's 409 points.
 */
export function rowHeights(layout: ReportLayout): Map<number, number> {
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

/** Queues the formats of one placed cell. */
function styleCell(range: HostRange, cell: PlacedCell): void {
  const format = range.format;
  format.wrapText = true;
  format.verticalAlignment = cell.style === "paragraph" || cell.style === "note" ? "Top" : "Center";
  switch (cell.style) {
    case "title":
      format.font.bold = true;
      format.horizontalAlignment = "Center";
      break;
    case "heading1":
    case "heading2":
      format.font.bold = true;
      format.horizontalAlignment = "Left";
      break;
    case "note":
      format.fill.color = COLOURS.note;
      format.horizontalAlignment = "Left";
      break;
    case "header":
      format.font.bold = true;
      format.fill.color = COLOURS.header;
      format.horizontalAlignment = "Center";
      break;
    case "value":
      format.horizontalAlignment = "Center";
      if (cell.doubtful) format.fill.color = COLOURS.doubtful;
      break;
    case "paragraph":
    case "label":
      format.horizontalAlignment = "Left";
      break;
  }
}

/**
 * A figure the plan prints as a plain number is written as a number, so that the sheet's tables
 * read back (and check) as the tables they came from; anything else the user typed ("/", "１２",
 * a doubtful figure with its mark) is written as the text it is.
 */
function sheetNumber(cell: PlacedCell): number | undefined {
  if (cell.style !== "value" || !/^(?:0|[1-9]\d{0,14})(?:\.\d+)?$/u.test(cell.text))
    return undefined;
  return Number(cell.text);
}

function writeLayout(sheet: HostWorksheet, layout: ReportLayout): string {
  const area: Rect = { top: 0, left: 0, bottom: layout.rows - 1, right: layout.columns - 1 };
  const values = Array.from({ length: layout.rows }, () =>
    Array<HostCellValue>(layout.columns).fill(""),
  );
  const formats = Array.from({ length: layout.rows }, () =>
    Array<string>(layout.columns).fill("@"),
  );
  for (const cell of layout.cells) {
    const { top, left } = cell.rect;
    const number = sheetNumber(cell);
    values[top]![left] = number ?? cell.text;
    if (number !== undefined) formats[top]![left] = "General";
  }
  const range = sheet.getRange(rectAddress(area));
  // Formats first: a text stays as the plan prints it, a "=" or "0012" is not reinterpreted.
  range.numberFormat = formats;
  range.values = values;
  for (const cell of layout.cells) {
    const target = sheet.getRange(rectAddress(cell.rect));
    if (cell.rect.bottom > cell.rect.top || cell.rect.right > cell.rect.left) target.merge(false);
    styleCell(target, cell);
  }
  for (const table of layout.tables) {
    const borders = sheet.getRange(rectAddress(table)).format.borders;
    for (const edge of [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "InsideVertical",
      "InsideHorizontal",
    ] as const)
      borders.getItem(edge).style = "Continuous";
  }
  layout.columnWidths.forEach((w, c) => {
    // A width set through any cell applies to its whole column.
    sheet.getRange(cellAddress(0, c)).format.columnWidth = columnWidthPoints(w);
  });
  for (const [r, height] of rowHeights(layout))
    sheet.getRange(cellAddress(r, 0)).format.rowHeight = height;
  return rectAddress(area);
}

/** Writes the report into a new sheet and activates it; returns the sheet's name and range. */
export async function writeReportSheet(
  run: RunBatch,
  plan: ReportPlan,
  sheetName: string = REPORT_SHEET,
): Promise<{ sheet: string; range: string }> {
  const layout = layoutReport(plan);
  let name: string | undefined;
  return atBoundary(
    "write-report",
    () =>
      run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        name = uniqueSheetName(
          sheetName,
          sheets.items.map((s) => s.name),
        );
        const sheet = context.workbook.worksheets.add(name);
        const range = writeLayout(sheet, layout);
        sheet.names.add(REPORT_SHEET_MARK, sheet.getRange("A1"), "政务公开年报助手 年度报告");
        sheet.activate();
        sheet.getRange("A1").select();
        try {
          await context.sync();
        } catch (error) {
          // Refused on a new sheet: the workbook's structure is protected (审阅 → 保护工作簿).
          if (officeErrorCode(error) === "AccessDenied")
            throw new WorkbookProtectedError({ cause: error });
          // Part of the sheet may have been written: it is ours, and removed, so no half report stays.
          try {
            sheet.delete();
            await context.sync();
          } catch {
            // The first error is the one to report.
          }
          throw error;
        }
        return { sheet: name, range };
      }),
    () => name,
  );
}
