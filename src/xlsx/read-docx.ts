/**
 * A Word report (.docx) → its tables as Grids (one per top-level w:tbl, merged cells from
 * w:gridSpan and w:vMerge keep their text in the top-left cell only, as in a worksheet) and its
 * paragraphs outside tables as the narrative, one paragraph per line. word/document.xml streams
 * through a SAX parser (xml-stream.ts): no tree is built and nothing recurses on the document's
 * structure, so 100,000 nested runs are only a depth to refuse. Spans are checked against the
 * table's own grid (w:tblGrid) before a row grows; text is counted as it comes.
 * Cannot see text in text boxes' fallback copies, comments, headers or footers (not report text).
 */
import type { Grid, RawCell } from "../core/model/figures";
import {
  CorruptFileError,
  SpansTooLargeError,
  TextTooLongError,
  TooManyCellsError,
} from "./errors";
import { DEFAULT_LIMITS, WORD_TABLE_COLUMNS, type ReadLimits } from "./limits";
import { attr, DamagedPartError, saxPart, type ByteBudget } from "./xml-stream";
import { InvalidZipError, zipInventory, type ZipEntry } from "./zip-inventory";

/** What a Word report holds for the checker. */
export interface DocxContent {
  /** Each table as a grid named 表格1, 表格2…; addresses in them are positions in the table. */
  readonly grids: Grid[];
  /** Paragraphs outside tables, one per line, in document order. */
  readonly narrative: string;
  /**
   * The whole document in reading order: paragraphs, and each table row as one line (cells joined
   * by tabs; a row of one filled cell is that cell, so a heading set in a table is still a line).
   */
  readonly text: string;
}

/** The sheet name given to the n-th table (1-based) of a document. */
export function docxTableName(index: number): string {
  return `表格${index}`;
}

/** Elements whose whole content is not report text (deletions, fallbacks, properties). */
const SKIPPED = new Set(["del", "delText", "instrText", "Fallback", "rPr", "pPr"]);

/** A top-level table being read. */
interface TableState {
  gridColumns: number;
  readonly rows: RawCell[][];
  line: RawCell[];
  column: number;
  /** The current cell's span and whether it continues a vertical merge. */
  span: number;
  continues: boolean;
  /** The current cell's paragraphs (nested tables' paragraphs included). */
  lines: string[];
}

function intValue(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Reads word/document.xml as it streams. */
function readDocument(
  file: string,
  bytes: Uint8Array,
  entry: ZipEntry,
  limits: ReadLimits,
): DocxContent {
  const budget: ByteBudget = { remaining: limits.maxUnpackedBytes, limit: limits.maxUnpackedBytes };
  const grids: Grid[] = [];
  const narrative: string[] = [];
  const all: string[] = [];
  let inBody = false;
  /** Depth inside a skipped element (0 = not skipping). */
  let skipping = 0;
  /** Paragraph nesting (a text box's paragraphs belong to the paragraph that holds it). */
  let paragraphs = 0;
  let paragraph = "";
  /** Table nesting: only the outermost table makes a grid; inner ones give its cell lines. */
  let tables = 0;
  let table: TableState | undefined;
  let inT = false;
  let inTrPr = false;
  let inTcPr = false;
  let totalText = 0;
  let totalCells = 0;

  const allowedWidth = (t: TableState): number => Math.max(t.gridColumns, WORD_TABLE_COLUMNS);
  const add = (text: string): void => {
    totalText += text.length;
    if (totalText > limits.maxTextLength)
      throw new TextTooLongError(file, "text", limits.maxTextLength);
    paragraph += text;
    if (paragraph.length > limits.maxLineLength)
      throw new TextTooLongError(file, "line", limits.maxLineLength);
  };
  const place = (t: TableState, count: number, value: RawCell): void => {
    if (t.column + count > allowedWidth(t))
      throw new SpansTooLargeError(file, t.column + count, allowedWidth(t));
    totalCells += count;
    if (totalCells > limits.maxSheetCells)
      throw new TooManyCellsError(file, docxTableName(grids.length + 1), limits.maxSheetCells);
    for (let k = 0; k < count; k++) t.line.push(k === 0 ? value : null);
    t.column += count;
  };

  saxPart(file, bytes, entry, budget, limits.maxXmlDepth, {
    open(name, a) {
      if (skipping > 0) {
        skipping++;
        return;
      }
      if (!inBody) {
        if (name === "body") inBody = true;
        return;
      }
      if (SKIPPED.has(name)) {
        skipping = 1;
        return;
      }
      switch (name) {
        case "p":
          if (paragraphs === 0) paragraph = "";
          paragraphs++;
          return;
        case "t":
          inT = true;
          return;
        case "tab":
          if (paragraphs > 0) add("\t");
          return;
        case "br":
        case "cr":
          if (paragraphs > 0) add("\n");
          return;
        case "tbl":
          // A table inside a paragraph (a text box) is part of that paragraph's text.
          if (paragraphs > 0) return;
          tables++;
          if (tables === 1)
            table = {
              gridColumns: 0,
              rows: [],
              line: [],
              column: 0,
              span: 1,
              continues: false,
              lines: [],
            };
          return;
        case "gridCol":
          if (tables === 1 && table !== undefined) {
            table.gridColumns++;
            if (table.gridColumns > limits.maxTableColumns)
              throw new SpansTooLargeError(file, table.gridColumns, limits.maxTableColumns);
          }
          return;
        case "tr":
          if (tables === 1 && table !== undefined && paragraphs === 0) {
            table.line = [];
            table.column = 0;
          }
          return;
        case "trPr":
          if (tables === 1 && paragraphs === 0) inTrPr = true;
          return;
        case "gridBefore":
          if (inTrPr && table !== undefined) place(table, intValue(attr(a, "val"), 0), null);
          return;
        case "tc":
          if (tables === 1 && table !== undefined && paragraphs === 0) {
            table.span = 1;
            table.continues = false;
            table.lines = [];
          }
          return;
        case "tcPr":
          if (tables === 1 && paragraphs === 0) inTcPr = true;
          return;
        case "gridSpan":
          if (inTcPr && table !== undefined) table.span = intValue(attr(a, "val"), 1);
          return;
        case "vMerge":
          // A w:vMerge without val="restart" continues the cell above: its text belongs up there.
          if (inTcPr && table !== undefined) table.continues = attr(a, "val") !== "restart";
          return;
      }
    },
    text(text) {
      if (skipping > 0 || paragraphs === 0 || !inT) return;
      add(text);
    },
    close(name) {
      if (skipping > 0) {
        skipping--;
        return;
      }
      if (!inBody) return;
      switch (name) {
        case "body":
          inBody = false;
          return;
        case "t":
          inT = false;
          return;
        case "p":
          paragraphs--;
          if (paragraphs > 0) return;
          if (tables === 0) {
            narrative.push(paragraph);
            all.push(paragraph);
          } else if (table !== undefined) table.lines.push(paragraph);
          paragraph = "";
          return;
        case "tbl":
          if (paragraphs > 0) return;
          tables--;
          if (tables === 0 && table !== undefined) {
            const grid = tableGrid(table, docxTableName(grids.length + 1));
            grids.push(grid);
            for (const row of grid.values) all.push(rowLine(row));
            table = undefined;
          }
          return;
        case "trPr":
          inTrPr = false;
          return;
        case "tcPr":
          inTcPr = false;
          return;
        case "tc":
          if (tables === 1 && table !== undefined && paragraphs === 0) {
            const text = table.continues ? "" : table.lines.join("\n").trim();
            if (text.length > limits.maxCellText)
              throw new TextTooLongError(file, "cell", limits.maxCellText);
            place(table, table.span, text === "" ? null : text);
          }
          return;
        case "tr":
          if (tables === 1 && table !== undefined && paragraphs === 0) table.rows.push(table.line);
          return;
      }
    },
  });
  return { grids, narrative: narrative.join("\n"), text: all.join("\n") };
}

/** A table row as one line of the document's text. */
function rowLine(row: readonly RawCell[]): string {
  const cells = row.map((v) => (v === null ? "" : String(v).replace(/\s*\n\s*/gu, " ")));
  const filled = cells.filter((c) => c !== "");
  return filled.length <= 1 ? (filled[0] ?? "") : cells.join("\t");
}

/** A finished table as a grid: rows padded to the widest row. */
function tableGrid(table: TableState, name: string): Grid {
  const width = Math.max(0, ...table.rows.map((r) => r.length));
  return {
    sheet: name,
    origin: "A1",
    values: table.rows.map((r) =>
      r.length < width ? [...r, ...Array<RawCell>(width - r.length).fill(null)] : r,
    ),
  };
}

/** Reads a .docx file's bytes. */
export async function readDocx(
  file: string,
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<DocxContent> {
  await Promise.resolve();
  let entries: ZipEntry[];
  try {
    entries = zipInventory(bytes);
  } catch (error) {
    if (error instanceof InvalidZipError)
      throw new CorruptFileError(file, error.detail, { cause: error });
    throw error;
  }
  const entry = entries.find((e) => e.name.toLowerCase() === "word/document.xml");
  if (entry === undefined) throw new CorruptFileError(file, "word/document.xml missing");
  try {
    return readDocument(file, bytes, entry, limits);
  } catch (error) {
    if (error instanceof DamagedPartError)
      throw new CorruptFileError(file, `${error.part}: ${error.detail}`, { cause: error });
    throw error;
  }
}
