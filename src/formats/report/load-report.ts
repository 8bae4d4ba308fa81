/**
 * Any report file → its located tables, its narrative and what it says about itself. The container
 * is recognised from the bytes (a .docx renamed .xlsx is still read as a document); the size limits
 * are applied before any library unpacks the file. Throws an UnreadableFileError subclass when the
 * file cannot be read as a report; never keeps the workbook once the tables are read. Bytes in,
 * no file system: the command line reads the file (src/cli/load-file.ts), a page the dropped File.
 */
import { parseCellAddress } from "../../core/model/address";
import type { CellReading, FigureCell, Grid, LocatedTable } from "../../core/model/figures";
import type { TableId } from "../../core/model/tables";
import { locateTables } from "../../core/read/locate";
import { readReportText } from "../../core/text/report-text";
import {
  CorruptFileError,
  EmptyFileError,
  EncryptedFileError,
  FileTooLargeError,
  LegacyFormatError,
  NotAReportError,
  ReadTimeoutError,
  ScannedPdfError,
  TextTooLargeError,
  TooManyPagesError,
  UnsupportedFileTypeError,
} from "../../xlsx/errors";
import { DEFAULT_PDF_LIMITS, readPdf, type PdfFailure } from "../pdf/read-pdf";
import type { PdfJs } from "../pdf/pdfjs-api";
import { DEFAULT_LIMITS, type ReadLimits } from "../../xlsx/limits";
import { readDocx } from "../../xlsx/read-docx";
import { readWorkbook, type CoveredValues } from "../../xlsx/read-workbook";
import { readReportPart } from "../../xlsx/read-report-part";
import { sniffContainer } from "../../xlsx/sniff";
import { InvalidZipError, packageKind, zipInventory } from "../../xlsx/zip-inventory";
import { looksLikeHtml } from "../html/decode-html";
import { readHtml } from "../html/read-html";
import { decodeText, looksLikeText } from "./decode-text";
import { identifyReport, type ReportIdentity } from "./report-identity";

/** The kinds of report file the command line reads. */
export type ReportKind = "xlsx" | "docx" | "txt" | "html" | "pdf";

/** The extensions the folder walk picks up (lower case, with the dot). */
export const REPORT_EXTENSIONS: readonly string[] = [
  ".xlsx",
  ".xlsm",
  ".docx",
  ".txt",
  ".xls",
  ".doc",
  ".html",
  ".htm",
  ".pdf",
];

/**
 * Loads pdf.js when the first PDF arrives: the command line gives the Node build, a page the build
 * it bundles. Without one, a PDF is refused as a file type this reader was not given the means to read.
 */
export type PdfJsLoader = () => Promise<PdfJs>;

/** The extension of a file name or "/"-path, lower case with the dot, "" for none (POSIX extname). */
export function extensionOf(file: string): string {
  const name = file.slice(file.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot <= 0 || name === ".." ? "" : name.slice(dot).toLowerCase();
}

/** A report as read from a file. */
export interface LoadedReport {
  readonly file: string;
  readonly kind: ReportKind;
  readonly tables: LocatedTable[];
  /** The report's text outside the tables, when it has any. */
  readonly narrative?: string;
  /**
   * The whole report's text in reading order (headings, paragraphs, table cells as lines), for the
   * structure rules S1–S3; absent for a workbook of tables, which is not a whole report.
   */
  readonly documentText?: string;
  readonly identity: ReportIdentity;
  /**
   * Parts of the file that could not be read (a worksheet whose part is damaged or missing): the
   * check of this file is incomplete, whatever its findings say. Absent when everything was read.
   */
  readonly unreadParts?: readonly UnreadPart[];
  /** Merged areas that hid values of other cells (Excel shows only the top-left one). */
  readonly coveredValues?: readonly CoveredValues[];
}

/** A part of a file that could not be read. */
export interface UnreadPart {
  /** The worksheet's name as the workbook lists it. */
  readonly sheet: string;
  readonly part: string;
  readonly problem: "missing" | "damaged";
  /** The table the sheet's name says it holds, when that table was found nowhere else. */
  readonly table?: TableId;
}

/** A sheet name that names a table: "表二", "表2", "二、主动公开…", "Table 3". */
const SHEET_TABLE: readonly (readonly [TableId, RegExp])[] = [
  ["T2", /表\s*[二2](?![0-9])|主动公开|^\s*二\s*[、.]|table\s*2\b/iu],
  ["T3", /表\s*[三3](?![0-9])|依申请|^\s*三\s*[、.]|table\s*3\b/iu],
  ["T4", /表\s*[四4](?![0-9])|复议|诉讼|^\s*四\s*[、.]|table\s*4\b/iu],
];

/** The unread sheets, each with the table its name names when that table is missing from the file. */
function unreadParts(
  unread: readonly { sheet: string; part: string; problem: "missing" | "damaged" }[],
  tables: readonly LocatedTable[],
): UnreadPart[] {
  return unread.map((u) => {
    const named = SHEET_TABLE.find(([, pattern]) => pattern.test(u.sheet))?.[0];
    const missing = named !== undefined && !tables.some((t) => t.table === named);
    return { ...u, ...(missing ? { table: named } : {}) };
  });
}

/** Words that every report text contains; a text without them and without tables is not a report. */
const REPORT_WORDS = /政府信息公开|政务公开|政府信息|信息公开/u;

/** A sentence-long text cell outside the tables is part of the narrative. */
const NARRATIVE_CELL_LENGTH = 20;

/**
 * A reading as written in a document (Word, web page, PDF): every cell of a document is text, so
 * "a number stored as text" (a workbook's concern: Excel's SUM leaves such cells out) says nothing.
 */
function asWritten(reading: CellReading): CellReading {
  return reading.kind === "number" && reading.via === "text"
    ? { kind: "number", value: reading.value }
    : reading;
}

/** A document's table whose readings say nothing of "stored as text"; addresses kept. */
function documentTable(table: LocatedTable): LocatedTable {
  const cells = new Map<string, FigureCell>();
  for (const [id, cell] of table.cells)
    cells.set(id, { ...cell, reading: asWritten(cell.reading) });
  return { ...table, cells };
}

/** A table without addresses (Word and text reports): the `where` keys locate its cells instead. */
function withoutAddresses(table: LocatedTable): LocatedTable {
  const cells = new Map<string, FigureCell>();
  for (const [id, cell] of table.cells) {
    cells.set(id, {
      table: cell.table,
      row: cell.row,
      column: cell.column,
      reading: asWritten(cell.reading),
      raw: cell.raw,
      ...(cell.location === undefined ? {} : { location: cell.location }),
    });
  }
  return { table: table.table, version: table.version, cells, structure: table.structure };
}

function inside(range: string | undefined, row: number, column: number): boolean {
  if (range === undefined) return false;
  const [start, end] = range.split(":");
  const a = parseCellAddress(start!);
  const b = parseCellAddress(end ?? start!);
  return row >= a.row && row <= b.row && column >= a.column && column <= b.column;
}

/** Long text cells of a workbook outside its located tables, and the lines that may hold the title. */
function workbookText(
  grids: readonly Grid[],
  tables: readonly LocatedTable[],
): { narrative: string[]; titles: string[] } {
  const narrative: string[] = [];
  const titles: string[] = [];
  for (const grid of grids) {
    const origin = parseCellAddress(grid.origin);
    const ranges = tables.filter((t) => t.sheet === grid.sheet).map((t) => t.range);
    grid.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (typeof value !== "string") return;
        if (/20\d{2}\s*年/u.test(value) && titles.length < 50) titles.push(value);
        const row = origin.row + r;
        const column = origin.column + c;
        if (
          value.trim().length >= NARRATIVE_CELL_LENGTH &&
          !ranges.some((range) => inside(range, row, column))
        )
          narrative.push(value.trim());
      }),
    );
  }
  return { narrative, titles };
}

function countCells(tables: readonly LocatedTable[]): number {
  return tables.reduce((n, t) => n + t.cells.size, 0);
}

/**
 * The tables of a document's grids (Word, web page, PDF), read as sheets (true columns) and as text
 * rows (blank cells dropped); the reading that places more cells wins. Addresses are kept only when
 * `keepAddresses` (a web page's "网页表格2!J4" names a row and column a person can find) and the
 * sheet reading wins.
 */
function documentTables(grids: readonly Grid[], keepAddresses = false): LocatedTable[] {
  const asSheet = grids.flatMap((g) => locateTables(g));
  const asText = grids.flatMap((g) =>
    locateTables(
      {
        ...g,
        values: g.values.map((line) => line.filter((v) => v !== null)),
        // A PDF grid's locations stay beside their cells when the empty cells are dropped.
        ...(g.locations === undefined
          ? {}
          : {
              locations: g.locations.map((line, r) =>
                line.filter((_, c) => g.values[r]?.[c] !== null),
              ),
            }),
      },
      { source: "text" },
    ),
  );
  if (countCells(asText) > countCells(asSheet)) return asText.map(withoutAddresses);
  return asSheet.map(keepAddresses ? documentTable : withoutAddresses);
}

function result(
  file: string,
  kind: ReportKind,
  tables: LocatedTable[],
  narrative: string | undefined,
  identity: ReportIdentity,
  documentText?: string,
  extra: { unreadParts?: UnreadPart[]; coveredValues?: readonly CoveredValues[] } = {},
): LoadedReport {
  const text = narrative?.trim() ?? "";
  const unread = extra.unreadParts ?? [];
  // A workbook whose only sheets could not be read is incomplete, not "not a report".
  if (tables.length === 0 && unread.length === 0 && !REPORT_WORDS.test(text))
    throw new NotAReportError(file);
  return {
    file,
    kind,
    tables,
    ...(text === "" ? {} : { narrative }),
    ...(documentText === undefined || documentText.trim() === "" ? {} : { documentText }),
    identity,
    ...(unread.length === 0 ? {} : { unreadParts: unread }),
    ...(extra.coveredValues === undefined || extra.coveredValues.length === 0
      ? {}
      : { coveredValues: extra.coveredValues }),
  };
}

/** A PDF starts with "%PDF-" (readers accept it anywhere in the first 1,024 bytes). */
const PDF_MAGIC = "%PDF-";

function looksLikePdf(bytes: Uint8Array, extension: string): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.startsWith(PDF_MAGIC) || (extension === ".pdf" && head.includes(PDF_MAGIC));
}

function pdfError(file: string, failure: PdfFailure): Error {
  switch (failure.reason) {
    case "encrypted":
      return new EncryptedFileError(file);
    case "damaged":
      return new CorruptFileError(file, failure.detail);
    case "scanned":
      return new ScannedPdfError(file, failure.pages);
    case "too-many-pages":
      return new TooManyPagesError(file, failure.pages, failure.limit);
    case "too-much-text":
      return new TextTooLargeError(file, failure.size, failure.limit);
    case "too-slow":
      return new ReadTimeoutError(file, failure.limit);
  }
}

/** A PDF report: its tables from the page grids, its paragraphs, its whole text. */
async function loadPdf(
  file: string,
  bytes: Uint8Array,
  pdfjs: PdfJsLoader | undefined,
): Promise<LoadedReport> {
  if (pdfjs === undefined) throw new UnsupportedFileTypeError(file, ".pdf");
  const reading = await readPdf(bytes, await pdfjs(), DEFAULT_PDF_LIMITS);
  if (!reading.ok) throw pdfError(file, reading.failure);
  const { grids, paragraphs, documentText } = reading.content;
  const narrative = paragraphs.join("\n");
  const report = result(
    file,
    "pdf",
    documentTables(grids),
    narrative,
    identifyReport(paragraphs.slice(0, 12)),
  );
  return { ...report, documentText: documentText.join("\n") };
}

/**
 * Reads a report from bytes already in memory; `file` names it (its extension counts) in errors.
 * The byte size limit is the caller's to apply before the bytes are read (the command line from
 * the file's size, a page from the File's); the unpacked size and every later limit apply here.
 */
export async function loadReportBytes(
  file: string,
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_LIMITS,
  pdfjs?: PdfJsLoader,
): Promise<LoadedReport> {
  const extension = extensionOf(file);
  if (bytes.length > limits.maxFileBytes)
    throw new FileTooLargeError(file, bytes.length, limits.maxFileBytes);
  if (looksLikePdf(bytes, extension)) return loadPdf(file, bytes, pdfjs);
  const container = sniffContainer(bytes);
  switch (container) {
    case "empty":
      throw new EmptyFileError(file);
    case "ole-encrypted":
      throw new EncryptedFileError(file);
    case "ole-legacy":
      throw new LegacyFormatError(file, extension === ".doc" ? "doc" : "xls");
    case "zip": {
      let kind: "xlsx" | "docx" | "other";
      let parts = 0;
      try {
        const entries = zipInventory(bytes);
        const unpacked = entries.reduce((n, e) => n + e.uncompressedSize, 0);
        if (unpacked > limits.maxUnpackedBytes)
          throw new FileTooLargeError(file, unpacked, limits.maxUnpackedBytes);
        kind = packageKind(entries);
        parts = entries.length;
      } catch (error) {
        if (error instanceof InvalidZipError)
          throw new CorruptFileError(file, error.detail, { cause: error });
        throw error;
      }
      if (kind === "xlsx") {
        const content = await readWorkbook(file, bytes, limits);
        const tables = content.grids.flatMap((g) => locateTables(g));
        const text = workbookText(content.grids, tables);
        const titled = identifyReport([
          ...(content.title === undefined ? [] : [content.title]),
          ...text.titles,
        ]);
        // What the user gave in the add-in (its custom XML part) comes before what the title says.
        const part = await readReportPart(bytes);
        const identity: ReportIdentity = {
          ...titled,
          ...(part?.year === undefined ? {} : { year: part.year }),
          ...(part?.agency === undefined ? {} : { agency: part.agency }),
        };
        return result(
          file,
          "xlsx",
          tables,
          text.narrative.length > 0 ? text.narrative.join("\n") : undefined,
          identity,
          undefined,
          {
            unreadParts: unreadParts(content.unread, tables),
            coveredValues: content.coveredValues,
          },
        );
      }
      if (kind === "docx") {
        const content = await readDocx(file, bytes, limits);
        return result(
          file,
          "docx",
          documentTables(content.grids),
          content.narrative,
          identifyReport(content.narrative.split("\n")),
          content.text,
        );
      }
      // An empty zip named like an Office file is a damaged file (a save that wrote nothing).
      if (parts === 0 && (extension === ".xlsx" || extension === ".xlsm" || extension === ".docx"))
        throw new CorruptFileError(file, "empty zip package");
      throw new UnsupportedFileTypeError(file, "zip");
    }
    case "other": {
      if (extension === ".xlsx" || extension === ".xlsm" || extension === ".docx") {
        throw new CorruptFileError(file, "not a zip package");
      }
      if (extension === ".html" || extension === ".htm" || looksLikeHtml(bytes)) {
        const page = readHtml(file, bytes);
        const lines = page.documentText.split("\n");
        return result(
          file,
          "html",
          documentTables(page.grids, true),
          page.narrative,
          identifyReport(page.title === undefined ? lines : [page.title, ...lines]),
          page.documentText,
        );
      }
      if (!looksLikeText(bytes))
        throw new UnsupportedFileTypeError(file, extension === "" ? "binary" : extension);
      const text = decodeText(bytes);
      const report = readReportText(text);
      return result(
        file,
        "txt",
        report.tables.map(withoutAddresses),
        report.narrative,
        identifyReport(text.split(/\r?\n/u)),
        text,
      );
    }
  }
}
