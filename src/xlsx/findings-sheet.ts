/**
 * The worksheet listing a check's findings, as SpreadsheetML text with inline strings (so the
 * workbook's shared strings are not touched): one row per finding with its rule, severity, table,
 * message, cells (the first one a link to the cell), reported/computed/difference and the fix.
 */
import { cellAddress } from "../core/model/address";
import { escapeXml } from "./xml";

/** One row of the findings sheet, already in the user's language. */
export interface FindingRow {
  readonly rule: string;
  readonly severity: string;
  readonly table: string;
  readonly message: string;
  /** Sheet-qualified addresses, or row/column descriptions where the report has no addresses. */
  readonly cells: readonly string[];
  /** The address of the first cell for a link ("'表三'!D7"), when it has one. */
  readonly link?: string;
  readonly reported?: number;
  readonly computed?: number;
  readonly difference?: number;
  readonly fix?: string;
  /** An explained finding's reason and date, shown where an open one shows its fix. */
  readonly reason?: string;
}

/** Column headers and widths of the sheet. */
export interface FindingsSheetText {
  readonly headers: readonly string[];
  readonly empty: string;
  /** The heading above the explained findings, given their count. */
  readonly explained?: (count: number) => string;
}

const WIDTHS = [6, 7, 9, 10, 70, 22, 10, 10, 10, 50];

function inline(ref: string, text: string, style?: number): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

function numeric(ref: string, value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? "" : `<c r="${ref}"><v>${value}</v></c>`;
}

/** A HYPERLINK formula to a cell of the same workbook, with its text as the cached result. */
function link(ref: string, target: string, text: string): string {
  const formula = `HYPERLINK("#${target.replace(/"/gu, '""')}","${text.replace(/"/gu, '""')}")`;
  return `<c r="${ref}" t="str"><f>${escapeXml(formula)}</f><v>${escapeXml(text)}</v></c>`;
}

/** Indexes (cellXfs) of the styles the sheet uses: bold headers, wrapped long texts. */
export interface FindingsSheetStyles {
  readonly header: number;
  readonly wrap: number;
}

/** The worksheet XML. */
export function findingsSheetXml(
  rows: readonly FindingRow[],
  text: FindingsSheetText,
  styles: FindingsSheetStyles,
  explained: readonly FindingRow[] = [],
): string {
  const headerStyle = styles.header;
  const lines: string[] = [];
  const header = text.headers.map((h, i) => inline(cellAddress(0, i), h, headerStyle)).join("");
  lines.push(`<row r="1">${header}</row>`);
  if (rows.length === 0) lines.push(`<row r="2">${inline("A2", text.empty)}</row>`);
  // The explained findings follow after an empty row and their heading, numbered on.
  const heading = rows.length === 0 ? 2 : rows.length + 2;
  const listed: { row: FindingRow; line: number; n: number }[] = [
    ...rows.map((row, i) => ({ row, line: i + 1, n: i + 1 })),
    ...explained.map((row, i) => ({ row, line: heading + 1 + i, n: rows.length + i + 1 })),
  ];
  listed.forEach(({ row: r, line, n }, i) => {
    if (explained.length > 0 && i === rows.length)
      lines.push(
        `<row r="${heading + 1}">${inline(cellAddress(heading, 0), text.explained?.(explained.length) ?? "", headerStyle)}</row>`,
      );
    const at = (column: number): string => cellAddress(line, column);
    const cells = r.cells.join("，");
    const cellsCell =
      r.link !== undefined && r.cells.length > 0
        ? link(at(5), r.link, cells)
        : inline(at(5), cells);
    lines.push(
      `<row r="${line + 1}">` +
        `<c r="${at(0)}"><v>${n}</v></c>` +
        inline(at(1), r.rule) +
        inline(at(2), r.severity) +
        inline(at(3), r.table) +
        inline(at(4), r.message, styles.wrap) +
        cellsCell +
        numeric(at(6), r.reported) +
        numeric(at(7), r.computed) +
        numeric(at(8), r.difference) +
        (r.fix === undefined ? "" : inline(at(9), r.fix, styles.wrap)) +
        (r.reason === undefined ? "" : inline(at(9), r.reason, styles.wrap)) +
        `</row>`,
    );
  });
  const cols = WIDTHS.map(
    (w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`,
  ).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols}</cols>` +
    `<sheetData>${lines.join("")}</sheetData>` +
    `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    `</worksheet>`
  );
}
