/**
 * The offline page's batch logic, without the DOM (jest runs it in Node, the page may run it in a
 * Worker): one dropped file at a time through the same formats code as `xxgk check` (so the entry
 * is the object the command line's JSON is made from), last year's files paired by agency and
 * year, and the downloads (汇总 workbook, findings CSV, annotated copy, blank template, narrative)
 * as the command line writes them. Bytes in, bytes out; no file system, no network.
 */
import type { Locale } from "../core/locales/locale";
import { figureSet } from "../core/model/figure-set";
import { shownValue, type LocatedTable } from "../core/model/figures";
import { UnreadableFileError } from "../xlsx/errors";
import { DEFAULT_LIMITS, type ReadLimits } from "../xlsx/limits";
import { templateBytes } from "../xlsx/write-template";
import { annotatedBytes, reportWorkbook } from "../formats/report/annotate-report";
import {
  checkLoaded,
  explainChecked,
  lastYearNotEarlier,
  reportEntry,
  unreadableEntry,
  type CheckSettings,
} from "../formats/report/check-file";
import {
  addFiguresSheet,
  figureColumns,
  reportRow,
  unreadableRow,
  type ExtractRow,
  type FigureValue,
} from "../formats/report/extract-figures";
import type { FileEntry } from "../formats/report/file-entry";
import { entryRows, findingsCsvText, CSV_COLUMNS } from "../formats/report/findings-csv";
import {
  loadReportBytes,
  type LoadedReport,
  type PdfJsLoader,
  type ReportKind,
} from "../formats/report/load-report";
import { narrativeOf } from "../formats/report/narrative-text";
import { reportDocument, reportRefusal } from "../formats/report/report-document";
import { reasonText, reportText } from "../formats/report/report-messages";
import ExcelJS from "exceljs";

/** A file given to the page. */
export interface BatchFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The relative path in a dropped folder. */
  readonly path?: string;
}

/** How a batch is checked. */
export interface BatchOptions {
  readonly locale: Locale;
  /** Last year's files, for the cross-period rules X1, X2. */
  readonly lastYear?: readonly BatchFile[];
  /**
   * Pairs the user edited: a current file's key (its path, else its name) → the last-year file's
   * key, or null for none. A file not in the map is paired by pairLastYear's rule.
   */
  readonly pairs?: ReadonlyMap<string, string | null>;
  /** The command line's limits unless a test gives smaller ones. */
  readonly limits?: ReadLimits;
}

/** The key figures of a file's row, null when the report has no number there. */
export interface KeyFigures {
  /** 表三 一、本年新收政府信息公开申请数量, 总计. */
  readonly 本年新收: FigureValue;
  /** 表三 三、本年度办理结果 （七）总计, 总计. */
  readonly 办结: FigureValue;
  /** 表三 四、结转下年度继续办理, 总计. */
  readonly 结转下年度: FigureValue;
  /** 表四 行政复议, 总计. */
  readonly 复议: FigureValue;
  /** 表四 行政诉讼: 未经复议直接起诉 总计 + 复议后起诉 总计, when both are numbers. */
  readonly 诉讼: FigureValue;
}

/** What the page's results table shows for one file, and what its downloads are made from. */
export interface BatchRow {
  /** The file's key and shown name: its path in the dropped folder, else its name. */
  readonly file: string;
  readonly kind?: ReportKind;
  readonly agency?: string;
  readonly year?: number;
  readonly status: FileEntry["status"];
  /** Open findings counted one by one, as `check`'s summary counts them. */
  readonly errors: number;
  readonly warnings: number;
  /** Findings the workbook's explanations cover (not errors; issue 13). */
  readonly explained: number;
  readonly figures: KeyFigures;
  /** The same object the command line's JSON of this file is made from (fileJson(entry)). */
  readonly entry: FileEntry;
  /** The last-year file the report was compared with, when one was. */
  readonly lastYearFile?: string;
  /** The located tables (for the narrative); empty for an unreadable file. */
  readonly tables: readonly LocatedTable[];
  /** The row `xxgk extract` writes for the file (the 汇总's figures sheet). */
  readonly figureRow: ExtractRow;
}

/** The key a file is shown and paired under. */
export function fileKey(file: BatchFile): string {
  return file.path ?? file.name;
}

/**
 * An agency name as compared across years: NFKC (full-width letters and digits as half-width),
 * without spaces, punctuation and symbols, so "（某某）区 民政局" and "(某某)区民政局" are the same.
 */
export function normaliseAgency(name: string): string {
  return name.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "");
}

/** What pairing needs of a row. */
type Pairable = Pick<BatchRow, "file" | "agency" | "year">;

/**
 * Each current row's last-year file: the one row of `last` with the same normalised agency and the
 * year before; null when none, when the agency or the year is unknown, or when two last-year files
 * match (the user picks, rather than the page guessing).
 */
export function pairLastYear(
  current: readonly Pairable[],
  last: readonly Pairable[],
): Map<string, string | null> {
  const pairs = new Map<string, string | null>();
  for (const row of current) pairs.set(row.file, pairOne(row, last));
  return pairs;
}

function pairOne(row: Pairable, last: readonly Pairable[]): string | null {
  if (row.agency === undefined || row.year === undefined) return null;
  const agency = normaliseAgency(row.agency);
  const found = last.filter(
    (l) =>
      l.agency !== undefined &&
      l.year === row.year! - 1 &&
      normaliseAgency(l.agency) === agency &&
      agency !== "",
  );
  return found.length === 1 ? found[0]!.file : null;
}

/** A last-year file as read: its tables and what it says about itself, or nothing if unreadable. */
interface LastYearReport extends Pairable {
  readonly tables?: readonly LocatedTable[];
}

/** Last year's files read once per list (the page checks the batch one file at a time). */
const lastYearReads = new WeakMap<readonly BatchFile[], Promise<LastYearReport[]>>();

function readLastYear(
  files: readonly BatchFile[],
  limits: ReadLimits,
  pdfjs: PdfJsLoader | undefined,
): Promise<LastYearReport[]> {
  let read = lastYearReads.get(files);
  if (read === undefined) {
    read = (async () => {
      const reports: LastYearReport[] = [];
      for (const file of files) {
        try {
          const report = await loadReportBytes(fileKey(file), file.bytes, limits, pdfjs);
          reports.push({
            file: fileKey(file),
            tables: report.tables,
            ...(report.identity.agency === undefined ? {} : { agency: report.identity.agency }),
            ...(report.identity.year === undefined ? {} : { year: report.identity.year }),
          });
        } catch (error) {
          if (!(error instanceof UnreadableFileError)) throw error;
          // An unreadable last-year file pairs with nothing; the page shows it as its own row.
          reports.push({ file: fileKey(file) });
        }
      }
      return reports;
    })();
    lastYearReads.set(files, read);
  }
  return read;
}

/** The check settings of one file: the locale, and last year's report when one is paired. */
async function settingsFor(
  file: BatchFile,
  report: LoadedReport,
  options: BatchOptions,
  pdfjs: PdfJsLoader | undefined,
): Promise<{ settings: CheckSettings; lastYearFile?: string }> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const base: CheckSettings = { locale: options.locale, limits };
  if (options.lastYear === undefined || options.lastYear.length === 0) return { settings: base };
  const last = await readLastYear(options.lastYear, limits, pdfjs);
  const key = fileKey(file);
  const chosen = options.pairs?.has(key)
    ? options.pairs.get(key)
    : pairOne(
        {
          file: key,
          ...(report.identity.agency === undefined ? {} : { agency: report.identity.agency }),
          ...(report.identity.year === undefined ? {} : { year: report.identity.year }),
        },
        last,
      );
  const paired = last.find((l) => l.file === chosen);
  if (paired?.tables === undefined) return { settings: base };
  return {
    settings: {
      ...base,
      lastYear: paired.tables,
      ...(paired.year === undefined ? {} : { lastYearYear: paired.year }),
    },
    lastYearFile: paired.file,
  };
}

/** The key figures of a report; a sum only of numbers (a text or a blank part gives null). */
function keyFigures(tables: readonly LocatedTable[]): KeyFigures {
  const figures = figureSet(tables);
  const value = (keys: readonly string[]): FigureValue => {
    const parts = keys.map((key) => {
      const [table, row, column] = key.split("/") as ["T3" | "T4", string, string];
      const cell = figures.get({ table, row, column });
      return cell === undefined ? undefined : shownValue(cell.reading);
    });
    if (parts.length === 1) return typeof parts[0] === "number" ? parts[0] : null;
    return parts.every((p) => typeof p === "number")
      ? parts.reduce<number>((n, p) => n + p, 0)
      : null;
  };
  return {
    本年新收: value(["T3/一/总计"]),
    办结: value(["T3/三(七)/总计"]),
    结转下年度: value(["T3/四/总计"]),
    复议: value(["T4/复议/总计"]),
    诉讼: value(["T4/直诉/总计", "T4/复诉/总计"]),
  };
}

const NO_FIGURES: KeyFigures = {
  本年新收: null,
  办结: null,
  结转下年度: null,
  复议: null,
  诉讼: null,
};

/** Open errors and warnings, and explained findings apart, as `check`'s summary counts them. */
function counts(entry: FileEntry): { errors: number; warnings: number; explained: number } {
  const open = entry.findings.filter((f) => f.explained === undefined);
  return {
    errors: open.filter((f) => f.severity === "error").length,
    warnings: open.filter((f) => f.severity === "warning").length,
    explained: entry.findings.length - open.length,
  };
}

/** The row of a file that could not be read (or that hit a bug: the batch goes on, as `check`'s). */
function unreadableBatchRow(key: string, entry: FileEntry, locale: Locale): BatchRow {
  return {
    file: key,
    status: entry.status,
    errors: 0,
    warnings: 0,
    explained: 0,
    figures: NO_FIGURES,
    entry,
    tables: [],
    figureRow: unreadableRow(key, entry.error ?? "", figureColumns(), locale),
  };
}

/** The row of a file refused before its bytes are read (over the size limit), as `check` words it. */
export function tooLargeRow(
  name: string,
  size: number,
  locale: Locale,
  limits: ReadLimits = DEFAULT_LIMITS,
): BatchRow | undefined {
  if (size <= limits.maxFileBytes) return undefined;
  const entry: FileEntry = {
    file: name,
    status: "unreadable",
    error: reasonText("too-large", locale),
    tables: [],
    findings: [],
  };
  return unreadableBatchRow(name, entry, locale);
}

/**
 * Checks one file: its row, with the entry `xxgk check --format json` gives for the same bytes.
 * An unreadable file is a row with the command line's reason; any other failure is a row that says
 * "internal error", as in `check`, so that one bad file never ends a batch.
 */
export async function checkBatchFile(
  file: BatchFile,
  options: BatchOptions,
  pdfjs?: PdfJsLoader,
): Promise<BatchRow> {
  const key = fileKey(file);
  const limits = options.limits ?? DEFAULT_LIMITS;
  try {
    const report = await loadReportBytes(key, file.bytes, limits, pdfjs);
    const { settings, lastYearFile } = await settingsFor(file, report, options, pdfjs);
    const { entry, checked } = reportEntry(key, report, settings);
    return {
      file: key,
      kind: report.kind,
      ...(checked.agency === undefined ? {} : { agency: checked.agency }),
      ...(checked.year === undefined ? {} : { year: checked.year }),
      status: entry.status,
      ...counts(entry),
      figures: keyFigures(report.tables),
      entry,
      ...(lastYearFile === undefined || entry.lastYearNotEarlier !== undefined
        ? {}
        : { lastYearFile }),
      tables: report.tables,
      figureRow: reportRow(key, report, figureColumns(), options.locale),
    };
  } catch (error) {
    if (error instanceof UnreadableFileError)
      return unreadableBatchRow(key, unreadableEntry(key, error, options.locale), options.locale);
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const entry: FileEntry = {
      file: key,
      status: "unreadable",
      error: `internal error: ${detail}`,
      tables: [],
      findings: [],
    };
    return unreadableBatchRow(key, entry, options.locale);
  }
}

/** The 汇总 workbook's first-sheet headers. */
function summaryHeaders(locale: Locale): string[] {
  const english = locale === "en-US";
  const fixed = english
    ? ["File", "Agency", "Year", "Status", "Errors", "Warnings", "Explained"]
    : ["文件", "单位", "年度", "状态", "错误", "警告", "已说明"];
  const figures = english
    ? ["New requests", "Concluded", "Carried over", "Reviews", "Lawsuits"]
    : ["本年新收", "办结", "结转下年度", "复议", "诉讼"];
  return [...fixed, ...figures];
}

/** The findings sheet's headers, parallel to CSV_COLUMNS. */
const FINDING_HEADERS: Readonly<Record<Locale, readonly string[]>> = {
  "zh-CN": [
    "文件",
    "状态",
    "规则",
    "级别",
    "表格",
    "单元格",
    "位置",
    "填报值",
    "计算值",
    "差额",
    "建议修改的单元格",
    "建议值",
    "说明",
    "引文",
    "已说明的原因",
    "说明日期",
    "已失效的说明",
  ],
  "en-US": [
    "File",
    "Status",
    "Rule",
    "Severity",
    "Table",
    "Cells",
    "Where",
    "Reported",
    "Computed",
    "Difference",
    "Fix cell",
    "Fix value",
    "Message",
    "Quote",
    "Explained: reason",
    "Explained: date",
    "Lapsed explanation",
  ],
};

/** A file's status in words, as the text output says it. */
function statusText(row: BatchRow, locale: Locale): string {
  const t = reportText(locale);
  if (row.status === "unreadable")
    return `${t.unreadable}${locale === "en-US" ? ": " : "："}${row.entry.error ?? ""}`;
  if (row.status === "incomplete") return t.incomplete;
  if (row.entry.findings.length === 0) return t.clean;
  const infos = row.entry.findings.length - row.errors - row.warnings - row.explained;
  const counted = t.fileCounts(row.errors, row.warnings, infos);
  return row.explained === 0
    ? counted
    : `${counted}${locale === "en-US" ? ", " : "，"}${t.explainedCount(row.explained)}`;
}

/**
 * The 汇总 workbook: sheet 1 one row per file (文件, 单位, 年度, 状态, 错误, 警告, the key figures),
 * sheet 2 every finding (the CSV's columns), sheet 3 every figure as `xxgk extract` writes it.
 * Cells are strings or numbers only: a string is stored as text and never evaluated.
 */
export async function summaryWorkbook(
  rows: readonly BatchRow[],
  locale: Locale,
): Promise<Uint8Array> {
  const english = locale === "en-US";
  const workbook = new ExcelJS.Workbook();
  const files = workbook.addWorksheet(english ? "Files" : "汇总", {
    views: [{ state: "frozen", xSplit: 1, ySplit: 1 }],
  });
  files.addRow(summaryHeaders(locale));
  files.getRow(1).font = { bold: true };
  for (const row of rows) {
    const f = row.figures;
    files.addRow([
      row.file,
      row.agency ?? "",
      row.year ?? "",
      statusText(row, locale),
      row.errors,
      row.warnings,
      row.explained,
      ...[f.本年新收, f.办结, f.结转下年度, f.复议, f.诉讼].map((v) => v ?? ""),
    ]);
  }
  files.getColumn(1).width = 36;
  files.getColumn(2).width = 28;
  files.getColumn(4).width = 24;
  const findings = workbook.addWorksheet(english ? "Findings" : "检查结果", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  findings.addRow([...FINDING_HEADERS[locale]]);
  findings.getRow(1).font = { bold: true };
  for (const row of rows)
    for (const values of entryRows(row.entry))
      findings.addRow(CSV_COLUMNS.map((_, i) => values[i] ?? ""));
  findings.getColumn(1).width = 36;
  findings.getColumn(13).width = 60;
  addFiguresSheet(
    workbook,
    rows.map((r) => r.figureRow),
    figureColumns(),
    locale,
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The batch's findings as `xxgk check --format csv` prints them (the entries are in the locale). */
export function findingsCsv(rows: readonly BatchRow[], _locale: Locale): string {
  return findingsCsvText(rows.map((r) => r.entry));
}

/** Why the page cannot annotate a file: the command line's words. */
export class AnnotateRefusedError extends Error {
  constructor(
    readonly file: string,
    readonly reason: "no-tables" | "format-2019",
    message: string,
  ) {
    super(message);
    this.name = "AnnotateRefusedError";
  }
}

/**
 * The annotated copy of a file, the bytes `xxgk annotate <file> <out>` writes for it with the same
 * last-year report: a workbook copied with the highlights and the findings sheet; a Word, text, web
 * or PDF report's tables written into a new template workbook first. The only difference is the
 * time: the zip entries the annotation adds, and a rebuilt workbook's created/modified properties,
 * carry the moment they were written. An .xlsm stays an .xlsm (name the download so). Throws an
 * UnreadableFileError (reasonText words it) or an AnnotateRefusedError.
 */
export async function annotatedCopy(
  file: BatchFile,
  options: BatchOptions,
  pdfjs?: PdfJsLoader,
): Promise<Uint8Array> {
  const key = fileKey(file);
  const limits = options.limits ?? DEFAULT_LIMITS;
  let report = await loadReportBytes(key, file.bytes, limits, pdfjs);
  let bytes = file.bytes;
  const t = reportText(options.locale);
  if (report.kind !== "xlsx") {
    if (report.tables.length === 0)
      throw new AnnotateRefusedError(key, "no-tables", t.annotateNoTables);
    if (report.tables.some((tb) => tb.version === "2019"))
      throw new AnnotateRefusedError(key, "format-2019", t.annotate2019);
    ({ bytes, report } = await reportWorkbook(report, key, { locale: options.locale }));
  }
  const { settings } = await settingsFor(file, report, options, pdfjs);
  const notLater = lastYearNotEarlier(report, settings);
  const checked = checkLoaded(
    report,
    notLater === undefined ? settings : { ...settings, lastYear: undefined },
  );
  // The workbook's own explanations, as `xxgk annotate` applies them: the same marks and rows.
  const explained = explainChecked(checked, key, { locale: options.locale });
  return annotatedBytes(checked, key, bytes, options.locale, explained);
}

/**
 * The whole annual report of a file as a Word document, what `xxgk report <file> -o …` writes with
 * the same last-year report: checked, the workbook's explanations as 六（五）, 【请核对】 at doubtful
 * figures. Throws UnreadableFileError, or an AnnotateRefusedError (no tables, 2019 format).
 */
export async function annualReport(
  file: BatchFile,
  options: BatchOptions,
  pdfjs?: PdfJsLoader,
): Promise<{ readonly bytes: Uint8Array; readonly errors: number; readonly doubtful: number }> {
  const key = fileKey(file);
  const report = await loadReportBytes(key, file.bytes, options.limits ?? DEFAULT_LIMITS, pdfjs);
  const t = reportText(options.locale);
  const refusal = reportRefusal(report);
  if (refusal !== undefined)
    throw new AnnotateRefusedError(
      key,
      refusal,
      refusal === "no-tables" ? t.reportNoTables : t.report2019,
    );
  const { settings } = await settingsFor(file, report, options, pdfjs);
  const notLater = lastYearNotEarlier(report, settings);
  const written = await reportDocument(report, {
    locale: options.locale,
    ...(notLater !== undefined || settings.lastYear === undefined
      ? {}
      : { lastYear: settings.lastYear }),
  });
  return { bytes: written.bytes, errors: written.errors, doubtful: written.doubtful };
}

/** A blank template of the three tables for an agency and year, as `xxgk template` writes it. */
export function blankTemplate(agency: string, year: number, locale: Locale): Promise<Uint8Array> {
  return templateBytes({
    tables: ["T2", "T3", "T4"],
    year,
    ...(agency.trim() === "" ? {} : { agency: agency.trim() }),
    locale,
  });
}

/**
 * The narrative paragraphs of a file, separated by a blank line, as `xxgk narrative` prints them;
 * "" when the file has no tables (reportText's narrativeNoTables says why).
 */
export function narrativeText(row: BatchRow, locale: Locale): string {
  if (row.tables.length === 0) return "";
  const { paragraphs } = narrativeOf(
    row.tables,
    {
      ...(row.year === undefined ? {} : { year: row.year }),
      ...(row.agency === undefined ? {} : { agency: row.agency }),
    },
    locale,
  );
  return paragraphs.join("\n\n");
}
