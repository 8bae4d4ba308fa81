/**
 * A report as text (exported from Word, or copied from a web page) split into its tables and its
 * narrative. Table rows are turned into a grid and read by the one table reader; everything that
 * is not part of a located table stays in the narrative, line by line, headings and table titles
 * included. It never throws.
 */
import type { Grid, LocatedTable } from "../model/figures";
import { readCell } from "../read/cell";
import { lookupLabel } from "../read/labels";
import { locateRegions } from "../read/locate";

/** A report text's tables and the text around them. */
export interface ReportText {
  readonly tables: LocatedTable[];
  /** Every line outside the tables, in order, with table-cell markers removed. */
  readonly narrative: string;
}

/** Word's export markers for bookmarks and pictures, which carry no text. */
const MARKER = /\[(?:bookmark|image)\s*:[^\]\n]*\]/giu;

/** A section heading of the report ("五、存在的主要问题…"): never a table cell. */
const SECTION_HEADING = /^[一二三四五六七八九十]+、/u;

/** The longest text taken as a loose table cell when the table has no tab marks. */
const SHORT_CELL = 24;

interface Row {
  readonly cells: string[];
  readonly firstLine: number;
  lastLine: number;
}

interface Segment {
  readonly rows: Row[];
}

/** Splits a report text into its tables (read with locateTables' text mode) and its narrative. */
export function readReportText(text: string): ReportText {
  const source = typeof text === "string" ? text : "";
  const lines = source
    .replace(/^\ufeff/u, "")
    .replace(/\r\n?/gu, "\n")
    .replace(MARKER, "")
    .split("\n");
  const consumed = new Array<boolean>(lines.length).fill(false);
  const tables: LocatedTable[] = [];
  for (const segment of segments(lines)) {
    const grid: Grid = { sheet: "", origin: "A1", values: segment.rows.map((r) => r.cells) };
    for (const region of locateRegions(grid, { source: "text" })) {
      tables.push(region.table);
      for (let r = region.top; r <= region.bottom; r += 1) {
        const row = segment.rows[r];
        if (row === undefined || isTitleRow(row)) continue;
        const next = segment.rows[r + 1];
        const end = r < region.bottom && next !== undefined ? next.firstLine - 1 : row.lastLine;
        for (let line = row.firstLine; line <= end; line += 1) consumed[line] = true;
      }
    }
  }
  const narrative = lines
    .filter((_, i) => consumed[i] !== true)
    .map((line) => (line.startsWith("\t") ? line.slice(1) : line))
    .join("\n");
  return { tables, narrative };
}

function isTitleRow(row: Row): boolean {
  const filled = row.cells.filter((c) => c.trim() !== "");
  return filled.length === 1 && (lookupLabel(filled[0]!) ?? []).some((e) => e.role === "title");
}

/** The cells of a line copied from a web page: fields split by tabs or runs of spaces. */
function webCells(line: string): string[] | undefined {
  const body = line.startsWith("\t") ? line.slice(1) : line;
  let fields: string[];
  if (body.includes("\t")) {
    fields = body.split("\t").map((f) => f.trim());
  } else {
    fields = body.trim().split(/[ \u00a0\u3000]{2,}/u);
    if (fields.length < 2) {
      // "规章 0 0 0": a known label followed by numbers split by single spaces.
      const match = /^(\S+)\s+((?:[-+]?[\d.,]+\s*)+)$/u.exec(body.trim());
      if (match === null || lookupLabel(match[1]!) === undefined) return undefined;
      fields = [match[1]!, match[2]!];
    }
    fields = fields.flatMap((f) => (/^[-+\d.,]+(?: [-+\d.,]+)+$/u.test(f) ? f.split(" ") : [f]));
  }
  return fields.filter((f) => f !== "").length >= 2 ? fields : undefined;
}

function isWordCell(line: string): boolean {
  return line.startsWith("\t") && !line.slice(1).includes("\t");
}

function isEmpty(line: string): boolean {
  return !line.startsWith("\t") && line.trim() === "";
}

/** A known label of a table other than a title: a line that may start a table without tabs. */
function isLabelLine(line: string): boolean {
  const entries = lookupLabel(line);
  return entries !== undefined && entries.some((e) => e.role !== "title");
}

function isRowLabel(line: string): boolean {
  return (lookupLabel(line) ?? []).some((e) => e.role === "row" && e.table !== "T4");
}

/** A line that may be a cell of a table written one cell per line without tabs. */
function isLooseCell(line: string): boolean {
  const text = line.trim();
  if (isLabelLine(text)) return true;
  if ((lookupLabel(text) ?? []).length > 0) return false; // a title
  if (SECTION_HEADING.test(text)) return false;
  const reading = readCell(text, "change");
  if (reading.kind !== "text" || reading.suggestion !== undefined) return true;
  return text.length <= SHORT_CELL && !/[。；;]$/u.test(text);
}

/** The runs of lines that look like table rows, each as rows of cells. */
function segments(lines: readonly string[]): Segment[] {
  const found: Segment[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const joined = line.trim() + (lines[i + 1] ?? "").trim();
    if (
      isWordCell(line) ||
      webCells(line) !== undefined ||
      isLabelLine(line.trim()) ||
      isLabelLine(joined)
    ) {
      const { segment, end } = readSegment(lines, i);
      if (segment.rows.length > 0) found.push(segment);
      i = Math.max(end, i + 1);
    } else {
      i += 1;
    }
  }
  return found;
}

/** Reads table rows from a line on, until a line that cannot be part of a table. */
function readSegment(lines: readonly string[], start: number): { segment: Segment; end: number } {
  const rows: Row[] = [];
  let current: Row | undefined;
  let continues = false;
  const flush = (): void => {
    if (current !== undefined && current.cells.length > 0) rows.push(current);
    current = undefined;
  };
  const push = (cell: string, index: number): void => {
    if (current === undefined) current = { cells: [], firstLine: index, lastLine: index };
    current.cells.push(cell);
    current.lastLine = index;
  };
  let i = start;
  for (; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (isWordCell(line)) {
      push(line.slice(1), i);
      continues = true;
      continue;
    }
    if (isEmpty(line)) {
      flush();
      continues = false;
      continue;
    }
    const web = webCells(line);
    if (web !== undefined) {
      flush();
      for (const cell of web) push(cell, i);
      flush();
      continues = false;
      continue;
    }
    if (continues && current !== undefined && current.cells.length > 0) {
      // A line break inside a Word cell.
      const lastIndex = current.cells.length - 1;
      current.cells[lastIndex] = `${current.cells[lastIndex] ?? ""}\n${line}`;
      current.lastLine = i;
      continue;
    }
    const text = line.trim();
    const joined = i + 1 < lines.length ? text + (lines[i + 1] ?? "").trim() : text;
    if (!isLabelLine(text) && i + 1 < lines.length && isLabelLine(joined)) {
      // A label broken over two lines in a table without tab marks.
      if (isRowLabel(joined) && current !== undefined && hasValueOrRow(current)) flush();
      push(`${text}\n${(lines[i + 1] ?? "").trim()}`, i);
      if (current !== undefined) current.lastLine = i + 1;
      i += 1;
      continue;
    }
    if (!isLooseCell(line)) break;
    if (isRowLabel(text) && current !== undefined && hasValueOrRow(current)) flush();
    push(text, i);
  }
  flush();
  return { segment: { rows }, end: i };
}

/** True when a row already holds a value or a row label: a new row label starts a new row. */
function hasValueOrRow(row: Row): boolean {
  return row.cells.some((c) => {
    if (c.trim() === "") return false;
    if (isRowLabel(c)) return true;
    return lookupLabel(c) === undefined && !isLooseLabelText(c);
  });
}

function isLooseLabelText(cell: string): boolean {
  const reading = readCell(cell.trim(), "change");
  return reading.kind === "text" && reading.suggestion === undefined;
}
