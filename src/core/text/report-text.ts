/**
 * A report as text (exported from Word, or copied from a web page) split into its tables and its
 * narrative. Table rows are turned into a grid and read by the one table reader; everything that
 * is not part of a located table stays in the narrative, line by line, headings and table titles
 * included. It never throws.
 */
import type { Grid, LocatedTable, StructureIssue } from "../model/figures";
import { normalizeLabel } from "../model/normalize";
import { tableDef } from "../model/tables";
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
  /** Cells between "|" marks: trailing empty cells are what is left of merged cells. */
  pipe?: boolean;
}

interface Segment {
  readonly rows: Row[];
  /** The text ends inside the segment (a copy cut off in a table). */
  readonly atEnd: boolean;
}

/**
 * Share of non-blank lines followed by a blank line above which the blank lines are paragraph
 * spacing (every cell of a web table copied as its own paragraph), not row ends.
 */
const DOUBLE_SPACED = 0.85;
/** The fewest non-blank lines for a text to be taken as double-spaced. */
const DOUBLE_SPACED_LINES = 8;
/** How many non-blank lines (a page number, the title again) may stand between two parts of a table. */
const PAGE_BREAK_LINES = 4;
/** How many rows (the next block's headers) may follow a table's last row in a segment cut by the end of the text. */
const CUT_TAIL_ROWS = 8;

/** Splits a report text into its tables (read with locateTables' text mode) and its narrative. */
export function readReportText(text: string): ReportText {
  const source = typeof text === "string" ? text : "";
  const lines = source
    .replace(/^\ufeff/u, "")
    .replace(/\r\n?/gu, "\n")
    .replace(MARKER, "")
    .split("\n");
  const consumed = new Array<boolean>(lines.length).fill(false);
  const found: Found[] = [];
  // Blank lines of a double-spaced text are left out of the table rows (their indices are kept).
  const kept = doubleSpaced(lines)
    ? lines.flatMap((l, i) => (l.trim() === "" ? [] : [i]))
    : lines.map((_, i) => i);
  const work = kept.map((i) => lines[i]!);
  for (const segment of segments(work)) {
    const grid: Grid = { sheet: "", origin: "A1", values: segment.rows.map((r) => r.cells) };
    const regions = locateRegions(grid, { source: "text" });
    const lastBottom = Math.max(-1, ...regions.map((r) => r.bottom));
    for (const region of regions) {
      const cut =
        segment.atEnd &&
        region.bottom === lastBottom &&
        segment.rows.length - 1 - region.bottom <= CUT_TAIL_ROWS;
      const top = segment.rows[region.top];
      const bottom = segment.rows[region.bottom];
      found.push({
        table: region.table,
        cut,
        firstLine: kept[top?.firstLine ?? 0] ?? 0,
        lastLine: kept[bottom?.lastLine ?? 0] ?? 0,
      });
      for (let r = region.top; r <= region.bottom; r += 1) {
        const row = segment.rows[r];
        if (row === undefined || isTitleRow(row)) continue;
        const next = segment.rows[r + 1];
        const end = r < region.bottom && next !== undefined ? next.firstLine - 1 : row.lastLine;
        for (let line = kept[row.firstLine]!; line <= kept[end]!; line += 1) consumed[line] = true;
      }
    }
  }
  const tables = joinBrokenTables(found, lines).map((f) => (f.cut ? cutTable(f.table) : f.table));
  const narrative = lines
    .filter((_, i) => consumed[i] !== true)
    .map((line) => (line.startsWith("\t") ? line.slice(1) : line))
    .join("\n");
  return { tables, narrative };
}

/** A table found in the text, with the lines (of the whole text) it spans. */
interface Found {
  readonly table: LocatedTable;
  readonly cut: boolean;
  readonly firstLine: number;
  readonly lastLine: number;
}

/** The rows of a table that were found (not reported missing), in the table's order. */
function foundRows(table: LocatedTable): number[] {
  const order = tableDef(table.table, table.version).blocks.flatMap((b) =>
    b.rows.map((r) => r.key),
  );
  const missing = new Set(
    table.structure.flatMap((i) => (i.code === "row-missing" ? [i.row] : [])),
  );
  return order.flatMap((key, index) => (missing.has(key) ? [] : [index]));
}

/**
 * One table broken by a page break ("- 3 -", its title or headers repeated) is one table: a table
 * right after another of the same kind and format, with at most PAGE_BREAK_LINES lines between,
 * that goes on with rows the first has not had, in the table's order, is joined to it.
 */
function joinBrokenTables(found: readonly Found[], lines: readonly string[]): Found[] {
  const joined: Found[] = [];
  for (const f of found) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && continues(previous, f, lines)) {
      joined[joined.length - 1] = {
        table: joinTables(previous.table, f.table),
        cut: f.cut,
        firstLine: previous.firstLine,
        lastLine: f.lastLine,
      };
      continue;
    }
    joined.push(f);
  }
  return joined;
}

function continues(above: Found, below: Found, lines: readonly string[]): boolean {
  if (above.table.table !== below.table.table || above.table.version !== below.table.version)
    return false;
  let between = 0;
  for (let i = above.lastLine + 1; i < below.firstLine; i += 1)
    if ((lines[i] ?? "").trim() !== "") between += 1;
  if (between > PAGE_BREAK_LINES) return false;
  const a = foundRows(above.table);
  const b = foundRows(below.table);
  return a.length > 0 && b.length > 0 && Math.min(...b) > Math.max(...a);
}

/** Two parts of one table as one: all cells; a row or column is missing only when both lack it. */
function joinTables(above: LocatedTable, below: LocatedTable): LocatedTable {
  const key = (i: StructureIssue): string | undefined =>
    i.code === "row-missing"
      ? `row:${i.row}`
      : i.code === "column-missing"
        ? `column:${i.column}`
        : undefined;
  const belowKeys = new Set(below.structure.map(key).filter((k) => k !== undefined));
  const structure = [
    ...above.structure.filter((i) => {
      const k = key(i);
      return k === undefined || belowKeys.has(k);
    }),
    ...below.structure.filter((i) => key(i) === undefined),
  ];
  return { ...above, cells: new Map([...above.cells, ...below.cells]), structure };
}

/** True when nearly every non-blank line is followed by a blank one. */
function doubleSpaced(lines: readonly string[]): boolean {
  let filled = 0;
  let spaced = 0;
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    filled += 1;
    if ((lines[i + 1] ?? "").trim() === "") spaced += 1;
  });
  return filled >= DOUBLE_SPACED_LINES && spaced >= DOUBLE_SPACED * filled;
}

/**
 * A table the text ends in: the rows after the last one read are not missing, they were never in
 * the copy. Their row-missing issues (and the columns of blocks cut away) become one table-cut.
 */
function cutTable(table: LocatedTable): LocatedTable {
  const def = tableDef(table.table, table.version);
  const order = def.blocks.flatMap((b) => b.rows.map((r) => r.key));
  const missing = new Set(
    table.structure.flatMap((i) => (i.code === "row-missing" ? [i.row] : [])),
  );
  let last = -1;
  order.forEach((key, index) => {
    if (!missing.has(key)) last = index;
  });
  const lastRow = order[last];
  if (lastRow === undefined) return table;
  const cutRows = new Set(order.slice(last + 1).filter((key) => missing.has(key)));
  if (cutRows.size === 0) return table;
  const cutColumns = new Set<string>();
  for (const block of def.blocks) {
    if (!block.rows.every((r) => cutRows.has(r.key))) continue;
    for (const column of block.columns) cutColumns.add(column.key);
    for (const r of block.rows) for (const c of block.columns) cutColumns.add(`${r.key}/${c.key}`);
  }
  const structure: StructureIssue[] = table.structure.filter((issue) => {
    if (issue.code === "row-missing") return !cutRows.has(issue.row);
    if (issue.code === "column-missing") return !cutColumns.has(issue.column);
    if (issue.code === "row-short") return issue.row !== lastRow;
    // A label the end of the text cut in the middle ("(二)部分公开(区分处理的,只").
    if (issue.code === "label-variant") {
      const found = normalizeLabel(issue.found);
      return !(found.length > 0 && normalizeLabel(issue.official).startsWith(found));
    }
    return true;
  });
  structure.push({ code: "table-cut", row: lastRow });
  return { ...table, structure };
}

function isTitleRow(row: Row): boolean {
  const filled = row.cells.filter((c) => c.trim() !== "");
  return filled.length === 1 && (lookupLabel(filled[0]!) ?? []).some((e) => e.role === "title");
}

/** The cells of a line copied from a web page: fields split by tabs or runs of spaces. */
function webCells(line: string): string[] | undefined {
  const piped = pipeLine(line);
  if (piped !== undefined) {
    if (piped.kind !== "cells") return undefined;
    return piped.cells.filter((c) => c !== "").length >= 2 ? piped.cells : undefined;
  }
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

/** A line of a table copied from a web page with its cells between "|" marks. */
type PipeLine =
  | { readonly kind: "break" }
  | { readonly kind: "rule" }
  | { readonly kind: "cells"; readonly cells: string[] };

/** "|" or "|||" alone: the end of a row (or of a merged cell's copies). */
const PIPE_BREAK = /^\|+$/u;
/** A markdown table's rule under its header: "|---|:---:|". */
const MARKDOWN_RULE = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/u;

function pipeLine(line: string): PipeLine | undefined {
  const text = line.trim();
  if (!text.includes("|")) return undefined;
  if (PIPE_BREAK.test(text)) return { kind: "break" };
  if (MARKDOWN_RULE.test(text)) return { kind: "rule" };
  const cells = text
    .replace(/^\|/u, "")
    .replace(/\|$/u, "")
    .split("|")
    .map((c) => c.trim());
  return { kind: "cells", cells };
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
      pipeLine(line) !== undefined ||
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
  /** Inside a row opened by a "|" line: every "|" line until the next one adds its cells. */
  let pipeRow = false;
  const flush = (): void => {
    if (current !== undefined && current.pipe === true) {
      while (current.cells.length > 0 && current.cells[current.cells.length - 1] === "")
        current.cells.pop();
    }
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
      pipeRow = false;
      continue;
    }
    const piped = pipeLine(line);
    let text = line.trim();
    if (piped !== undefined) {
      continues = false;
      if (piped.kind === "rule") continue;
      if (piped.kind === "break") {
        flush();
        pipeRow = true;
        continue;
      }
      const filled = piped.cells.filter((c) => c !== "");
      if (pipeRow && filled.length < 2) {
        // "| \n 规章 | \n 0 |": a row opened by "|", one cell a line; a row label still starts a row.
        if (filled.length === 1 && startsRow(current, filled[0]!)) flush();
        for (const cell of piped.cells) push(cell, i);
        current!.pipe = true;
        continue;
      }
      pipeRow = false;
      if (filled.length >= 2) {
        flush();
        for (const cell of piped.cells) push(cell, i);
        current!.pipe = true;
        flush();
        continue;
      }
      // One cell per line ("信息内容 |"): a loose cell.
      if (filled.length === 0) continue;
      text = filled[0]!;
      if (!isLooseCell(text)) break;
      if (startsRow(current, text)) flush();
      push(text, i);
      continue;
    }
    if (pipeRow) {
      flush();
      pipeRow = false;
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
    if (startsRow(current, text)) flush();
    push(text, i);
  }
  flush();
  // The text ends here, or one line later (a row cut in the middle: "| 三、本年度").
  const atEnd = lines.slice(i).filter((l) => l.trim() !== "").length <= 1;
  return { segment: { rows, atEnd }, end: i };
}

/**
 * Whether a loose cell starts a new row: a row label does, unless the row so far holds only group
 * labels (三、本年度办理结果 before （一）予以公开); a block or header label does after a data row.
 */
function startsRow(current: Row | undefined, text: string): boolean {
  if (current === undefined || current.cells.length === 0) return false;
  if (isRowLabel(text)) return !current.cells.every((c) => c.trim() === "" || isGroupLabel(c));
  if (isLabelLine(text)) return current.cells.some((c) => isRowLabel(c));
  return false;
}

function isGroupLabel(cell: string): boolean {
  const entries = lookupLabel(cell) ?? [];
  return entries.length > 0 && entries.every((e) => e.role === "group" || e.role === "block");
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
