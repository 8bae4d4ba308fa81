/**
 * Writes the report templates to an .xlsx by carrying out the core's template plan (the same plan
 * the add-in carries out): cells, formulas, merges, widths, data validation, the live highlight
 * rules and the named ranges. One worksheet per table (表二, 表三, 表四) so each prints on its own
 * page at its own column widths; a report title with the year sits above each table. The sheets
 * are not protected: input cells are unlocked and totals locked, so a user can protect them.
 */
import ExcelJS from "exceljs";
import {
  absoluteAddress,
  cellAddress,
  columnLetters,
  parseCellAddress,
  qualify,
} from "../core/model/address";
import type { RawCell } from "../core/model/figures";
import { officialLayout } from "../core/model/layout";
import { cellId, type TableId } from "../core/model/tables";
import type { Locale } from "../core/locales/locale";
import { planTemplate, type PlannedTable } from "../core/template/plan";
import { HIGHLIGHT_COLOURS, REPORT_TITLE_STYLE, roleStyle } from "./template-style";

/** What the template is for. */
export interface TemplateSettings {
  readonly tables: readonly TableId[];
  /** The report year, written into each sheet's title and the workbook's title property. */
  readonly year: number;
  /** The agency's name, put before the title when given. */
  readonly agency?: string;
  readonly locale?: Locale;
  /** Totals as SUM formulas (the default) or as plain input cells, to keep reported totals as published. */
  readonly totalsAsFormulas?: boolean;
  /** A value for a data cell, by `cellId`; cells without one are left blank (formulas are never overwritten). */
  readonly values?: ReadonlyMap<string, RawCell>;
}

/** The worksheet name of a table in a written template. */
export function templateSheetName(table: TableId): string {
  return { T2: "表二", T3: "表三", T4: "表四" }[table];
}

/** The report title written above each table and into the workbook's properties. */
export function reportTitle(year: number, agency?: string): string {
  return `${agency ?? ""}${year}年政府信息公开工作年度报告`;
}

/** Rows above the first table: the report title and one blank row. */
const TITLE_ROWS = 2;

/** Splits a plan range list ("D5,E5:F6") into exceljs-style areas. */
function areas(range: string): string[] {
  return range
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a !== "");
}

/** Every cell address of a range list, for per-cell data validation (exceljs merges them back into ranges). */
function cellsOf(range: string): string[] {
  const cells: string[] = [];
  for (const area of areas(range)) {
    const [start, end] = area.split(":");
    const a = parseCellAddress(start!);
    const b = end === undefined ? a : parseCellAddress(end);
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.column; c <= b.column; c++) cells.push(cellAddress(r, c));
  }
  return cells;
}

/** Rough display width of a text in Excel character units: CJK characters count double. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffff]/u.test(ch) ? 2 : 1;
  return width;
}

/** Row heights (points) large enough for the wrapped labels, since Excel does not autofit on open. */
function rowHeights(
  plan: PlannedTable,
  widthOf: (column: number) => number,
  merges: Map<string, { rows: number; columns: number }>,
): Map<number, number> {
  const heights = new Map<number, number>();
  for (const cell of plan.cells) {
    if (cell.text === undefined || cell.role === "title" || cell.role === "stamp") continue;
    const { row, column } = parseCellAddress(cell.address);
    const span = merges.get(cell.address) ?? { rows: 1, columns: 1 };
    let width = 0;
    for (let c = column; c < column + span.columns; c++) width += widthOf(c);
    const size = cell.role === "note" ? 9 : 10;
    const lines = cell.text
      .split("\n")
      .reduce(
        (n, part) => n + Math.max(1, Math.ceil((textWidth(part) * 1.1) / Math.max(4, width - 1))),
        0,
      );
    const needed = (lines * (size + 4) + 4) / span.rows;
    heights.set(row, Math.max(heights.get(row) ?? 15, Math.ceil(needed)));
  }
  return heights;
}

function writeTable(
  workbook: ExcelJS.Workbook,
  plan: PlannedTable,
  settings: TemplateSettings,
): void {
  const sheet = workbook.addWorksheet(templateSheetName(plan.table), {
    pageSetup: {
      paperSize: 9,
      orientation: plan.table === "T2" ? "portrait" : "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    views: [{ showGridLines: false }],
  });
  const layout = officialLayout(plan.table, plan.version);
  plan.columnWidths.forEach((w, i) => {
    sheet.getColumn(plan.firstColumn + i + 1).width = w;
  });
  const widthOf = (column: number): number => plan.columnWidths[column - plan.firstColumn] ?? 9;

  // The report title above the table.
  const last = columnLetters(plan.firstColumn + layout.columns - 1);
  const titleAddress = cellAddress(0, plan.firstColumn);
  sheet.getCell(titleAddress).value = reportTitle(settings.year, settings.agency);
  sheet.getCell(titleAddress).style = REPORT_TITLE_STYLE;
  sheet.mergeCells(`${titleAddress}:${last}1`);
  sheet.getRow(1).height = 24;

  const spans = new Map<string, { rows: number; columns: number }>();
  for (const merge of plan.merges) {
    const [start, end] = merge.range.split(":");
    const a = parseCellAddress(start!);
    const b = parseCellAddress(end ?? start!);
    spans.set(cellAddress(a.row, a.column), {
      rows: b.row - a.row + 1,
      columns: b.column - a.column + 1,
    });
  }
  // Style every cell of a merged area, so the borders show on all its edges.
  for (const cell of plan.cells) {
    const style = roleStyle(cell.role);
    const span = spans.get(cell.address) ?? { rows: 1, columns: 1 };
    const { row, column } = parseCellAddress(cell.address);
    for (let r = row; r < row + span.rows; r++) {
      for (let c = column; c < column + span.columns; c++)
        sheet.getCell(cellAddress(r, c)).style = style;
    }
    const target = sheet.getCell(cell.address);
    if (cell.formula !== undefined) target.value = { formula: cell.formula.replace(/^=/u, "") };
    else if (cell.text !== undefined) target.value = cell.text;
    else if (cell.cell !== undefined) {
      const value = settings.values?.get(cellId(cell.cell));
      if (value !== undefined && value !== null) target.value = value;
    }
    if (cell.numberFormat !== undefined) target.numFmt = cell.numberFormat;
  }
  for (const merge of plan.merges) if (merge.range.includes(":")) sheet.mergeCells(merge.range);
  for (const [row, height] of rowHeights(plan, widthOf, spans))
    sheet.getRow(row + 1).height = height;

  for (const v of plan.validations) {
    for (const address of cellsOf(v.range)) {
      const messages = {
        allowBlank: true,
        showErrorMessage: true,
        showInputMessage: true,
        errorStyle: "stop",
        errorTitle: v.title,
        error: v.message,
        promptTitle: v.title,
        prompt: v.message,
      } as const;
      sheet.getCell(address).dataValidation =
        v.kind === "whole"
          ? { type: "whole", operator: "greaterThanOrEqual", formulae: [v.minimum], ...messages }
          : {
              type: "custom",
              formulae: [
                `AND(ISNUMBER(${address}),${address}>=${v.minimum},ROUND(${address},${v.decimals ?? 4})=${address})`,
              ],
              ...messages,
            };
    }
  }

  plan.highlights.forEach((h, i) => {
    const colours = HIGHLIGHT_COLOURS[h.severity];
    sheet.addConditionalFormatting({
      ref: areas(h.range).join(" "),
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [h.formula.replace(/^=/u, "")],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: colours.fill } },
            font: { color: { argb: colours.font } },
          },
        },
      ],
    });
  });

  const [start, end] = plan.range.split(":");
  workbook.definedNames.add(
    qualify(sheet.name, `${absoluteAddress(start!)}:${absoluteAddress(end ?? start!)}`),
    plan.name,
  );
}

/** The template workbook for the given tables. */
export function buildTemplateWorkbook(settings: TemplateSettings): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "xxgk";
  workbook.title = reportTitle(settings.year, settings.agency);
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const table of settings.tables) {
    const [plan] = planTemplate([table], {
      row: TITLE_ROWS,
      column: 0,
      locale: settings.locale ?? "zh-CN",
      totalsAsFormulas: settings.totalsAsFormulas ?? true,
    });
    writeTable(workbook, plan!, settings);
  }
  return workbook;
}

/** The template as .xlsx bytes. */
export async function templateBytes(settings: TemplateSettings): Promise<Uint8Array> {
  const buffer = await buildTemplateWorkbook(settings).xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
