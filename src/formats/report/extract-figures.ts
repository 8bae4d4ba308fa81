/**
 * The figures of many reports as one table, for a supervising office's 汇总 or a researcher: one
 * row per report (file, agency, year, file type, status, table format, a note), one column per
 * figure of tables 二/三/四. Columns are the 2021 format's figures in the official order, then the
 * figures only the 2019 trial tables have, so no figure is dropped. Two header rows: the official
 * labels ("表三 一、本年新收政府信息公开申请数量 总计") and the stable keys ("T3/一/总计", the keys
 * of `check --format json`). It keeps only values, never a workbook.
 */
import ExcelJS from "exceljs";
import { figureSet } from "../../core/model/figure-set";
import { shownValue, type FigureCell } from "../../core/model/figures";
import type { Locale } from "../../core/locales/locale";
import {
  cellId,
  dataCells,
  tableDef,
  type DataCellDef,
  type TableId,
} from "../../core/model/tables";
import { cellText } from "./file-entry";
import type { LoadedReport } from "./load-report";
import { csvLine, UTF8_BOM } from "./csv";

/** One figure column. */
export interface FigureColumn {
  readonly key: string;
  readonly label: string;
  /** True for the figures that only the 2019 trial tables have. */
  readonly trial: boolean;
}

/** A figure as written into the table: a number, a text (the cell as written), or nothing. */
export type FigureValue = number | string | null;

/** One report's row. */
export interface ExtractRow {
  readonly file: string;
  readonly agency?: string;
  readonly year?: number;
  readonly fileType?: string;
  readonly status: string;
  readonly tableFormat: string;
  readonly note: string;
  /** Parallel to the figure columns. */
  readonly figures: readonly FigureValue[];
  /** Indexes into `figures` of the values that are the cell's text, not a number. */
  readonly textAt: readonly number[];
}

const TABLE_SHORT: Readonly<Record<TableId, string>> = { T2: "表二", T3: "表三", T4: "表四" };

function label(d: DataCellDef): string {
  const parts = [
    TABLE_SHORT[d.table],
    ...(d.table === "T2" && d.block.header !== undefined ? [d.block.header] : []),
    ...(d.rowDef.path ?? []),
    d.rowDef.label,
    d.columnDef.label,
  ];
  return parts.join(" ");
}

/** The figure columns: every 2021 figure of tables 二, 三, 四, then the 2019-only ones. */
export function figureColumns(): FigureColumn[] {
  const columns: FigureColumn[] = [];
  const seen = new Set<string>();
  for (const version of ["2021", "2019"] as const) {
    for (const table of ["T2", "T3", "T4"] as const) {
      if (version === "2019" && table === "T4") continue; // table 四 did not change
      for (const d of dataCells(tableDef(table, version))) {
        const key = cellId(d);
        if (seen.has(key)) continue;
        seen.add(key);
        columns.push({
          key,
          label: version === "2019" ? `${label(d)}（2019 试行格式）` : label(d),
          trial: version === "2019",
        });
      }
    }
  }
  return columns;
}

/** The fixed columns before the figures, in a locale. */
export function fixedHeaders(locale: Locale): string[] {
  return locale === "en-US"
    ? ["file", "agency", "year", "file type", "status", "table format", "note"]
    : ["文件", "机关", "年度", "文件类型", "状态", "表格格式", "说明"];
}

/** The keys of the fixed columns (the second header row). */
export const FIXED_KEYS = ["file", "agency", "year", "type", "status", "format", "note"] as const;

const KIND_NOTE: Readonly<Record<Locale, Record<string, string>>> = {
  "zh-CN": {
    text: "文字",
    "not-applicable": "不适用符号",
    error: "错误值",
    invalid: "无效数字",
    blank: "空白",
  },
  "en-US": {
    text: "text",
    "not-applicable": "not-applicable mark",
    error: "error value",
    invalid: "invalid number",
    blank: "blank",
  },
};

function figureValue(cell: FigureCell | undefined): { value: FigureValue; text: boolean } {
  if (cell === undefined) return { value: null, text: false };
  const r = cell.reading;
  switch (r.kind) {
    case "number":
    case "invalid": {
      const shown = shownValue(r);
      return shown === undefined
        ? { value: cellText(cell), text: true }
        : { value: shown, text: false };
    }
    case "blank":
      return { value: null, text: false };
    case "not-applicable":
    case "text":
    case "error":
      return { value: cellText(cell), text: true };
  }
}

/** The row of a report that was read. */
export function reportRow(
  display: string,
  report: LoadedReport,
  columns: readonly FigureColumn[],
  locale: Locale,
): ExtractRow {
  const figures = figureSet(report.tables);
  const values: FigureValue[] = [];
  const textAt: number[] = [];
  const byKind = new Map<string, string[]>();
  const found = new Map<TableId, number>();
  columns.forEach((column, i) => {
    const [table, row, col] = column.key.split("/") as [TableId, string, string];
    const cell = figures.get({ table, row, column: col });
    const { value, text } = figureValue(cell);
    values.push(value);
    if (text) textAt.push(i);
    if (cell !== undefined) found.set(table, (found.get(table) ?? 0) + 1);
    const kind = cell?.reading.kind;
    if (kind !== undefined && kind !== "number") {
      const list = byKind.get(kind) ?? [];
      list.push(column.key);
      byKind.set(kind, list);
    }
  });
  const english = locale === "en-US";
  const notes: string[] = [];
  for (const table of ["T2", "T3", "T4"] as const) {
    const version = figures.version(table);
    if (version === undefined) {
      notes.push(english ? `${table} not found` : `未找到${TABLE_SHORT[table]}`);
      continue;
    }
    const expected = dataCells(tableDef(table, version)).length;
    const missing = expected - (found.get(table) ?? 0);
    if (missing > 0)
      notes.push(
        english
          ? `${table}: ${missing} cells not found`
          : `${TABLE_SHORT[table]}有 ${missing} 格未找到`,
      );
  }
  for (const [kind, keys] of byKind)
    notes.push(`${KIND_NOTE[locale][kind] ?? kind}${english ? ": " : "："}${keys.join(" ")}`);
  const tableFormat = figures.tables.map((t) => `${t.table}:${t.version}`).join(" ");
  return {
    file: display,
    ...(report.identity.agency === undefined ? {} : { agency: report.identity.agency }),
    ...(report.identity.year === undefined ? {} : { year: report.identity.year }),
    fileType: report.kind,
    status:
      figures.tables.length === 0
        ? english
          ? "no tables found"
          : "未找到表格"
        : english
          ? "read"
          : "已读取",
    tableFormat,
    note: notes.join(english ? "; " : "；"),
    figures: values,
    textAt,
  };
}

/** The row of a file that could not be read: its status says why; no figure. */
export function unreadableRow(
  display: string,
  reason: string,
  columns: readonly FigureColumn[],
  locale: Locale,
): ExtractRow {
  return {
    file: display,
    status: `${locale === "en-US" ? "unreadable: " : "无法读取："}${reason}`,
    tableFormat: "",
    note: "",
    figures: columns.map(() => null),
    textAt: [],
  };
}

/** The fixed cells of a row, in header order. */
export function fixedCells(row: ExtractRow): (string | number | null)[] {
  return [
    row.file,
    row.agency ?? null,
    row.year ?? null,
    row.fileType ?? null,
    row.status,
    row.tableFormat,
    row.note,
  ];
}

/** The fill of a figure that is the cell's text, not a number (the Excel "neutral" yellow). */
const TEXT_FILL = "FFFFEB9C";

/** The rows as `extract -o figures.csv` writes them. */
export function figuresCsv(
  rows: readonly ExtractRow[],
  columns: readonly FigureColumn[],
  locale: Locale,
): string {
  let text = UTF8_BOM;
  text += csvLine([...fixedHeaders(locale), ...columns.map((c) => c.label)]);
  text += csvLine([...FIXED_KEYS, ...columns.map((c) => c.key)]);
  for (const row of rows) text += csvLine([...fixedCells(row), ...row.figures]);
  return text;
}

/** The rows as a sheet of `workbook`, as `extract -o figures.xlsx` writes it (also the 汇总's third sheet). */
export function addFiguresSheet(
  workbook: ExcelJS.Workbook,
  rows: readonly ExtractRow[],
  columns: readonly FigureColumn[],
  locale: Locale,
): void {
  const sheet = workbook.addWorksheet(locale === "en-US" ? "Figures" : "数字汇总", {
    views: [{ state: "frozen", xSplit: 1, ySplit: 2 }],
  });
  const fixed = fixedHeaders(locale);
  // Cells are strings or numbers only: a string cell is stored as text and never evaluated, so it
  // needs no apostrophe (one would show as part of the text).
  sheet.addRow([...fixed, ...columns.map((c) => c.label)]);
  sheet.addRow([...FIXED_KEYS, ...columns.map((c) => c.key)]);
  for (const row of [1, 2]) sheet.getRow(row).font = { bold: row === 1 };
  for (const row of rows) {
    const added = sheet.addRow([...fixedCells(row), ...row.figures]);
    for (const i of row.textAt) {
      added.getCell(fixed.length + i + 1).fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: TEXT_FILL },
      };
    }
  }
  sheet.getColumn(1).width = 36;
}

/** The rows as `extract -o figures.xlsx` writes them. */
export async function figuresXlsx(
  rows: readonly ExtractRow[],
  columns: readonly FigureColumn[],
  locale: Locale,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  addFiguresSheet(workbook, rows, columns, locale);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
