/**
 * Writes the year's report, laid out by report-layout.ts, into a new sheet, for hosts whose task pane
 * cannot hand the user a file (Excel on the Mac: office-js#2700): the title, every heading,
 * paragraph and note on a merged, wrapped row of its own, and the three official tables with their
 * merges and borders (figures as numbers), ready to select and paste into Word. Two syncs: one to learn the sheet names,
 * one to write. The sheet is always new (年度报告, 年度报告 (2)…); no existing sheet is touched, and
 * a write Excel refuses part-way deletes the new sheet again.
 */
import { cellAddress } from "../core/model/address";
import { rectAddress, type Rect } from "./addresses";
import type { PlacedCell, ReportLayout } from "./report-layout";
import { atBoundary, officeErrorCode, WorkbookProtectedError } from "./errors";
import type { HostCellValue, HostRange, HostWorksheet, RunBatch } from "./host";
import { addFreshSheet, columnWidthPoints, TEMPLATE_COLOURS } from "./insert";
import { REPORT_SHEET_MARK } from "./read";

/** The default name of the report sheet. */
export const REPORT_SHEET = "年度报告";

/** Colours of the sheet: doubtful figures as the check's red marks, the draft note as a warning. */
const COLOURS = { doubtful: "#FFC7CE", note: "#FFF4CE", header: TEMPLATE_COLOURS.header } as const;

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
  for (const [r, height] of layout.rowHeights)
    sheet.getRange(cellAddress(r, 0)).format.rowHeight = height;
  return rectAddress(area);
}

/** Writes the report into a new sheet and activates it; returns the sheet's name and range. */
export async function writeReportSheet(
  run: RunBatch,
  layout: ReportLayout,
  sheetName: string = REPORT_SHEET,
): Promise<{ sheet: string; range: string }> {
  let name: string | undefined;
  return atBoundary(
    "write-report",
    () =>
      run(async (context) => {
        const fresh = await addFreshSheet(context, sheetName);
        name = fresh.name;
        const sheet = fresh.sheet;
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
