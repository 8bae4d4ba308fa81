/**
 * How much the readers accept before a file counts as enormous (bounded memory and time per file).
 * Every limit is counted while the file streams, before anything of that size is allocated; each
 * has its own error class and message. The defaults and why they are what they are: docs/cli.md.
 */
export interface ReadLimits {
  /** Bytes on disk. */
  readonly maxFileBytes: number;
  /** Bytes a zip package unpacks to, summed over its parts (guards against zip bombs). */
  readonly maxUnpackedBytes: number;
  /** Cells in one sheet: cell elements counted while the sheet streams, and the used rectangle. */
  readonly maxSheetCells: number;
  /** Merged areas in one sheet. */
  readonly maxMerges: number;
  /** Cells one merged area covers. */
  readonly maxMergeCells: number;
  /** Element nesting depth of any XML part. */
  readonly maxXmlDepth: number;
  /** Characters of one cell's text (a shared string, an inline string, a Word table cell). */
  readonly maxCellText: number;
  /** Characters of one line of narrative (a Word paragraph, a line of a text file). */
  readonly maxLineLength: number;
  /** Characters of a report's whole text. */
  readonly maxTextLength: number;
  /** Strings in a workbook's shared-string table. */
  readonly maxSharedStrings: number;
  /** Columns of a Word table (w:tblGrid) and the columns a row's spans may reach. */
  readonly maxTableColumns: number;
}

/** Bytes on disk: a real report with pictures is a few MB; 30 MB is far beyond it. */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;
/** Bytes unpacked: 200 MB bounds the work of one file, however well it compresses. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** Cells per sheet: the three tables hold about 400 cells; a million is a database, not a report. */
export const MAX_SHEET_CELLS = 1_000_000;
/** Merged areas per sheet: the three tables use about 60; ten thousand is no report. */
export const MAX_MERGES = 10_000;
/** Cells per merged area: the widest merge of a report is a title row (tens of cells). */
export const MAX_MERGE_CELLS = 100_000;
/** XML depth: Office parts nest about 10 deep (a nested Word table some 20); 100 is generous. */
export const MAX_XML_DEPTH = 100;
/** Characters per cell: Excel's own limit for a cell's text (32,767). */
export const MAX_CELL_TEXT = 32_767;
/** Characters per line: a report's longest paragraph is a few thousand characters. */
export const MAX_LINE_LENGTH = 20_000;
/** Characters of a whole report: a report is 5,000–30,000 characters; two million is 70 of them. */
export const MAX_TEXT_LENGTH = 2_000_000;
/** Shared strings: a workbook never needs more distinct strings than it has cells. */
export const MAX_SHARED_STRINGS = 1_000_000;
/** Word table columns (w:tblGrid): Word itself makes at most 63; other writers a few more. */
export const MAX_TABLE_COLUMNS = 1_000;
/**
 * A row of a Word table may reach past its w:tblGrid (Word widens the table) up to Word's own
 * 63 columns; beyond both, a w:gridSpan or w:gridBefore is refused.
 */
export const WORD_TABLE_COLUMNS = 63;

/** The defaults: far above any real annual report, far below the machine's memory. */
export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: MAX_FILE_BYTES,
  maxUnpackedBytes: MAX_UNPACKED_BYTES,
  maxSheetCells: MAX_SHEET_CELLS,
  maxMerges: MAX_MERGES,
  maxMergeCells: MAX_MERGE_CELLS,
  maxXmlDepth: MAX_XML_DEPTH,
  maxCellText: MAX_CELL_TEXT,
  maxLineLength: MAX_LINE_LENGTH,
  maxTextLength: MAX_TEXT_LENGTH,
  maxSharedStrings: MAX_SHARED_STRINGS,
  maxTableColumns: MAX_TABLE_COLUMNS,
};
