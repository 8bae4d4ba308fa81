/**
 * Any report file → its located tables, its narrative and what it says about itself. The container
 * is recognised from the bytes (a .docx renamed .xlsx is still read as a document); the size limits
 * are applied before any library unpacks the file. Throws an UnreadableFileError subclass when the
 * file cannot be read as a report; never keeps the workbook once the tables are read.
 */
import { constants as fsConstants, promises as fs, type Stats } from "node:fs";
import * as path from "node:path";
import { parseCellAddress } from "../core/model/address";
import type { FigureCell, Grid, LocatedTable } from "../core/model/figures";
import { locateTables } from "../core/read/locate";
import { readReportText } from "../core/text/report-text";
import {
  CorruptFileError,
  EmptyFileError,
  EncryptedFileError,
  FileNotFoundError,
  FileTooLargeError,
  LegacyFormatError,
  NotAReportError,
  UnreadableFileError,
  UnsupportedFileTypeError,
} from "../xlsx/errors";
import {
  DeviceFileError,
  FifoFileError,
  fileSystemError,
  IsAFolderError,
  SocketFileError,
} from "./file-errors";
import { DEFAULT_LIMITS, type ReadLimits } from "../xlsx/limits";
import { readDocx } from "../xlsx/read-docx";
import { readWorkbook } from "../xlsx/read-workbook";
import { sniffContainer } from "../xlsx/sniff";
import { InvalidZipError, packageKind, zipInventory } from "../xlsx/zip-inventory";
import { decodeText, looksLikeText } from "./decode-text";
import { identifyReport, type ReportIdentity } from "./report-identity";

/** The kinds of report file the command line reads. */
export type ReportKind = "xlsx" | "docx" | "txt";

/** The extensions the folder walk picks up (lower case, with the dot). */
export const REPORT_EXTENSIONS: readonly string[] = [
  ".xlsx",
  ".xlsm",
  ".docx",
  ".txt",
  ".xls",
  ".doc",
];

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
}

/** Words that every report text contains; a text without them and without tables is not a report. */
const REPORT_WORDS = /政府信息公开|政务公开|政府信息|信息公开/u;

/** A sentence-long text cell outside the tables is part of the narrative. */
const NARRATIVE_CELL_LENGTH = 20;

/** A table without addresses (Word and text reports): the `where` keys locate its cells instead. */
function withoutAddresses(table: LocatedTable): LocatedTable {
  const cells = new Map<string, FigureCell>();
  for (const [id, cell] of table.cells) {
    cells.set(id, {
      table: cell.table,
      row: cell.row,
      column: cell.column,
      reading: cell.reading,
      raw: cell.raw,
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

/** The tables of Word grids: read as sheets (true columns) and as text rows; the reading that places more cells wins. */
function docxTables(grids: readonly Grid[]): LocatedTable[] {
  const asSheet = grids.flatMap((g) => locateTables(g));
  const asText = grids.flatMap((g) =>
    locateTables(
      { ...g, values: g.values.map((line) => line.filter((v) => v !== null)) },
      { source: "text" },
    ),
  );
  return (countCells(asText) > countCells(asSheet) ? asText : asSheet).map(withoutAddresses);
}

/** Refuses what is not a regular file, by its type, before anything opens it. */
function refuseSpecial(file: string, stat: Stats): void {
  if (stat.isDirectory()) throw new IsAFolderError(file);
  if (stat.isFIFO()) throw new FifoFileError(file);
  if (stat.isCharacterDevice() || stat.isBlockDevice()) throw new DeviceFileError(file);
  if (stat.isSocket()) throw new SocketFileError(file);
  if (!stat.isFile()) throw new FileNotFoundError(file);
}

/** Where a symbolic link points, or undefined when `file` is not one. */
async function linkTarget(file: string): Promise<string | undefined> {
  try {
    return await fs.readlink(file);
  } catch {
    return undefined;
  }
}

/**
 * A file's bytes, at most the size limit. A FIFO, device or socket is refused from its type and
 * never opened (a FIFO would wait for ever); the file is opened non-blocking and checked again on
 * the open handle, so one swapped in between is refused too. Errors name their condition.
 */
async function readBytes(file: string, limits: ReadLimits): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    throw fileSystemError(file, error, await linkTarget(file));
  }
  refuseSpecial(file, stat);
  if (stat.size === 0) throw new EmptyFileError(file);
  if (stat.size > limits.maxFileBytes)
    throw new FileTooLargeError(file, stat.size, limits.maxFileBytes);
  let handle;
  try {
    handle = await fs.open(
      file,
      fsConstants.O_RDONLY | fsConstants.O_NONBLOCK | (fsConstants.O_NOCTTY ?? 0),
    );
  } catch (error) {
    throw fileSystemError(file, error);
  }
  try {
    const opened = await handle.stat();
    refuseSpecial(file, opened);
    if (opened.size > limits.maxFileBytes)
      throw new FileTooLargeError(file, opened.size, limits.maxFileBytes);
    const bytes = new Uint8Array(opened.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled === 0) throw new EmptyFileError(file);
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw fileSystemError(file, error);
  } finally {
    await handle.close();
  }
}

function result(
  file: string,
  kind: ReportKind,
  tables: LocatedTable[],
  narrative: string | undefined,
  identity: ReportIdentity,
): LoadedReport {
  const text = narrative?.trim() ?? "";
  if (tables.length === 0 && !REPORT_WORDS.test(text)) throw new NotAReportError(file);
  return { file, kind, tables, ...(text === "" ? {} : { narrative }), identity };
}

/** Reads one report file. */
export async function loadReport(
  file: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<LoadedReport> {
  return loadReportBytes(file, await readBytes(file, limits), limits);
}

/** Reads a report from bytes already in memory; `file` names it (its extension counts) in errors. */
export async function loadReportBytes(
  file: string,
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<LoadedReport> {
  const extension = path.extname(file).toLowerCase();
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
        const identity = identifyReport([
          ...(content.title === undefined ? [] : [content.title]),
          ...text.titles,
        ]);
        return result(
          file,
          "xlsx",
          tables,
          text.narrative.length > 0 ? text.narrative.join("\n") : undefined,
          identity,
        );
      }
      if (kind === "docx") {
        const content = await readDocx(file, bytes);
        return result(
          file,
          "docx",
          docxTables(content.grids),
          content.narrative,
          identifyReport(content.narrative.split("\n")),
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
      );
    }
  }
}
