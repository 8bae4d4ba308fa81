/**
 * A PDF's bytes → its tables as grids (with a page-and-line location for every cell), its
 * paragraphs, and its whole text in reading order, through pdf.js (handed in by the host, so the
 * same code runs under Node and in a browser). Page numbers ("- 1 -", "第 1 页") and running
 * headers and footers are dropped; a table continued on the next page is one grid, its repeated
 * header rows read once and a row the page break split joined again. A file that cannot be read
 * is a value (`PdfFailure`), never a throw: pdf.js's own errors are the file's, any other is a bug
 * and propagates.
 */
import type { Grid, RawCell } from "../../core/model/figures";
import { normalizeLabel } from "../../core/model/normalize";
import { TABLES } from "../../core/model/tables";
import { readPage, pathOps, type PageContent, type Run } from "./page";
import type { PdfDocument, PdfJs, PdfSource } from "./pdfjs-api";
import { pageTables, type Piece } from "./tables";
import { linesOf, normalizeSpaces, type Line } from "./text";

/** The bounds on what a PDF may hold (docs/cli.md "Limits"). */
export interface PdfLimits {
  /** Pages: checked from the document's page count before any page is read. */
  readonly maxPages: number;
  /** Characters of text in the whole document. */
  readonly maxCharacters: number;
  /** Ruling-line pieces on one page. */
  readonly maxSegmentsPerPage: number;
  /** Milliseconds the whole reading may take (checked between pages). */
  readonly maxMilliseconds: number;
}

/** A report has 5–40 pages; a PDF of more than this many is not one report. */
export const MAX_PDF_PAGES = 300;
/** A 40-page report holds some 40,000 characters. */
export const MAX_PDF_CHARACTERS = 2_000_000;
/** A page of tables draws a few hundred border pieces. */
export const MAX_PDF_SEGMENTS_PER_PAGE = 50_000;
/** Reading a 20-page report takes well under a second. */
export const MAX_PDF_MILLISECONDS = 60_000;

/**
 * How every reader here opens a PDF with pdf.js: a copy of the bytes (pdf.js may take the buffer
 * over, and refuses a Node Buffer), no eval, no system or web fonts (text only), errors tolerated
 * as far as pdf.js can, and silence on the console.
 */
export function pdfSource(bytes: Uint8Array): PdfSource {
  return {
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  };
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxPages: MAX_PDF_PAGES,
  maxCharacters: MAX_PDF_CHARACTERS,
  maxSegmentsPerPage: MAX_PDF_SEGMENTS_PER_PAGE,
  maxMilliseconds: MAX_PDF_MILLISECONDS,
};

/** Why a PDF was not read. */
export type PdfFailure =
  | { readonly reason: "encrypted" }
  | { readonly reason: "damaged"; readonly detail: string }
  | { readonly reason: "scanned"; readonly pages: number }
  | { readonly reason: "too-many-pages"; readonly pages: number; readonly limit: number }
  | { readonly reason: "too-much-text"; readonly size: number; readonly limit: number }
  | { readonly reason: "too-slow"; readonly limit: number };

/** What a PDF holds. */
export interface PdfContent {
  readonly pages: number;
  /** One grid per table (pieces on consecutive pages joined), with `locations`. */
  readonly grids: Grid[];
  /** The paragraphs outside the tables, in reading order. */
  readonly paragraphs: string[];
  /** Headings, paragraphs and table cells (one a line), in reading order. */
  readonly documentText: string[];
}

export type PdfReading =
  | { readonly ok: true; readonly content: PdfContent }
  | { readonly ok: false; readonly failure: PdfFailure };

/** The names pdf.js gives its errors for a file it cannot open because of a password. */
const PASSWORD_ERRORS = new Set(["PasswordException"]);

function libraryFailure(error: unknown): PdfFailure {
  const name = error instanceof Error ? error.name : "";
  if (PASSWORD_ERRORS.has(name)) return { reason: "encrypted" };
  const message = error instanceof Error ? error.message : String(error);
  return { reason: "damaged", detail: `${name}: ${message}`.slice(0, 200) };
}

/** Text in this band at the top or bottom of a page (a share of its height) may be furniture. */
const MARGIN_BAND = 0.1;
const PAGE_NUMBER: readonly RegExp[] = [
  /^[-—–－_~\s]*\d{1,4}[-—–－_~\s]*$/u,
  /^第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?$/u,
  /^共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页$/u,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/u,
  /^page\s*\d{1,4}(?:\s*of\s*\d{1,4})?$/iu,
];
/** A line in the band on at least this many pages (and half of them) is a running header/footer. */
const RUNNING_PAGES = 3;

interface PageLines {
  readonly page: PageContent;
  readonly lines: Line[];
  readonly lineOf: Map<Run, number>;
}

function inBand(page: PageContent, y: number): boolean {
  const height = page.top - page.bottom;
  return y > page.top - height * MARGIN_BAND || y < page.bottom + height * MARGIN_BAND;
}

function furnitureKey(text: string): string {
  return normalizeSpaces(text).replace(/\d+/gu, "#");
}

/** The lines of each page that are page numbers or running headers and footers. */
function furniture(pages: readonly PageLines[]): Set<Line> {
  const drop = new Set<Line>();
  const counts = new Map<string, number>();
  for (const p of pages) {
    const keys = new Set<string>();
    for (const line of p.lines) {
      if (!inBand(p.page, line.y)) continue;
      if (PAGE_NUMBER.some((re) => re.test(line.text))) drop.add(line);
      else keys.add(furnitureKey(line.text));
    }
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const running = new Set(
    [...counts].filter(([, n]) => n >= RUNNING_PAGES && n * 2 >= pages.length).map(([k]) => k),
  );
  for (const p of pages)
    for (const line of p.lines)
      if (inBand(p.page, line.y) && running.has(furnitureKey(line.text))) drop.add(line);
  return drop;
}

type Block =
  | { readonly kind: "line"; readonly top: number; readonly line: Line }
  | { readonly kind: "table"; readonly top: number; readonly piece: Piece };

/** The most common value of some numbers rounded to whole units (the body's margins). */
function mode(values: readonly number[], fallback: number): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = fallback;
  let most = 0;
  for (const [v, n] of counts) if (n > most || (n === most && v < best)) [best, most] = [v, n];
  return best;
}

/**
 * Where the body's full lines end: the 90th percentile of the line ends (lines of 8 characters or
 * more), so that one line running into the margin does not move it.
 */
function rightMargin(lines: readonly Line[]): number {
  const ends = lines
    .filter((l) => l.text.length >= 8)
    .map((l) => l.x1)
    .sort((a, b) => a - b);
  if (ends.length === 0) return Number.POSITIVE_INFINITY;
  return ends[Math.min(ends.length - 1, Math.floor(ends.length * 0.9))]!;
}

/** A line that starts a heading ("一、", "（一）", "1.") starts a paragraph of its own. */
const HEADING_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/u;
/** A line indented by more than this many font sizes starts a paragraph. */
const INDENT = 0.8;
/** A line ending more than this many font sizes short of the right margin ends a paragraph. */
const SHORT = 1.2;
/** Lines further apart than this many font sizes are in different paragraphs. */
const PARAGRAPH_GAP = 2.4;

/** The tables as grids: pieces on consecutive pages that continue one another are one grid. */
function tablesOf(groups: readonly Piece[][]): Grid[] {
  return groups.map((pieces, index) => {
    const xs: number[] = [];
    for (const x of pieces.flatMap((p) => p.xs).sort((a, b) => a - b))
      if (xs.length === 0 || x - xs[xs.length - 1]! > 2) xs.push(x);
    const columnOf = (x: number): number => {
      let best = 0;
      for (let i = 1; i < xs.length; i++)
        if (Math.abs(xs[i]! - x) < Math.abs(xs[best]! - x)) best = i;
      return best;
    };
    const width = Math.max(1, xs.length - 1);
    const values: RawCell[][] = [];
    const locations: (string | undefined)[][] = [];
    const first = pieces[0]!;
    pieces.forEach((piece, k) => {
      const skip = k === 0 ? 0 : repeatedHeaderRows(first, piece);
      // A row the page break split: its first row here goes on the last row of the page before.
      const joined = k > 0 && continuesRow(pieces[k - 1]!, piece, skip);
      const offset = values.length - skip - (joined ? 1 : 0);
      for (let r = skip + (joined ? 1 : 0); r < piece.rows; r++) {
        values.push(Array<RawCell>(width).fill(null));
        const line = piece.rowLines[r]!;
        locations.push(Array<string | undefined>(width).fill(`第${piece.page}页第${line}行`));
      }
      for (const cell of piece.cells) {
        if (cell.r0 < skip || cell.text === "") continue;
        const row = offset + cell.r0;
        const column = Math.min(width - 1, columnOf(cell.x0));
        const before = values[row]![column];
        if (joined && cell.r0 === skip && typeof before === "string" && before !== "") {
          values[row]![column] = joinPieces(before, cell.text);
          continue;
        }
        values[row]![column] = cell.text;
        if (cell.line !== undefined) locations[row]![column] = `第${piece.page}页第${cell.line}行`;
      }
    });
    return { sheet: `表格${index + 1}`, origin: "A1", values, locations };
  });
}

function rowTexts(piece: Piece, row: number): string {
  return piece.cells
    .filter((c) => c.r0 === row)
    .map((c) => c.text)
    .join("|");
}

/** A figure or a placeholder for one: what a cell of numbers holds. */
const VALUE = /^(?:[-+]?[\d０-９][\d０-９,，.．]*%?|[/／\-—–]+)$/u;
/** A label that starts a row of its own: "1.", "（三）", "四、". */
const ITEM_START =
  /^(?:[\d０-９]+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)/u;
/** Every label of the official tables, normalized: a complete label is not a piece of one. */
const OFFICIAL_LABELS = new Set(
  TABLES.flatMap((t) =>
    t.blocks.flatMap((b) => [
      ...[b.header, b.columnHeaderLabel, ...(b.headerVariants ?? [])],
      ...b.columns.flatMap((c) => [c.label, ...(c.variants ?? [])]),
      ...b.rows.flatMap((r) => [r.label, ...(r.variants ?? []), ...(r.path ?? [])]),
    ]),
  ).flatMap((label) => (label === undefined ? [] : [normalizeLabel(label)])),
);

function joinPieces(a: string, b: string): string {
  return /[ -~]$/u.test(a) && /^[ -~]/u.test(b) ? `${a} ${b}` : `${a}${b}`;
}

/**
 * Whether the first row of a continuation (after `skip` repeated header rows) is the rest of the
 * last row of the piece before, a row the page break split (Word and Writer let a row break across
 * pages). Only when nothing says they are two rows: every cell of text below has a cell of the same
 * extent above; text below goes on a label above that fills its cell's width, is not a complete
 * official label, and does not start an item ("1.", "（三）") or is one itself; a figure below
 * stands where the row above is blank and the row above holds no figure at all; no cell below
 * spans further rows.
 */
function continuesRow(above: Piece, below: Piece, skip: number): boolean {
  const last = above.rows - 1;
  const top = below.cells.filter((c) => c.r0 === skip && c.text !== "");
  const row = above.cells.filter((c) => c.r1 === last);
  if (top.length === 0 || !row.some((c) => c.r0 === last && c.text !== "")) return false;
  const aboveHasValue = row.some((c) => c.r0 === last && VALUE.test(c.text));
  return top.every((cell) => {
    const over = row.find((c) => Math.abs(c.x0 - cell.x0) <= 2 && Math.abs(c.x1 - cell.x1) <= 2);
    if (over === undefined || cell.r1 !== skip) return false;
    if (VALUE.test(cell.text)) return over.text === "" && !aboveHasValue;
    const label = normalizeLabel(over.text);
    return (
      over.r0 === last &&
      over.text !== "" &&
      !VALUE.test(over.text) &&
      over.full === true &&
      !OFFICIAL_LABELS.has(label) &&
      !OFFICIAL_LABELS.has(normalizeLabel(cell.text)) &&
      !ITEM_START.test(cell.text)
    );
  });
}

/** How many leading rows of a continuation repeat the first rows of its table (a repeated header). */
function repeatedHeaderRows(first: Piece, piece: Piece): number {
  let k = 0;
  while (
    k < Math.min(first.rows, piece.rows - 1, 6) &&
    rowTexts(piece, k) !== "" &&
    rowTexts(piece, k) === rowTexts(first, k)
  )
    k++;
  return k;
}

/** Builds the content from the pages read. */
export function assemble(pages: readonly PageContent[]): PdfContent {
  // Line numbers over all runs of a page, tables included, top to bottom.
  const numbered: PageLines[] = pages.map((page) => {
    const lines = linesOf(page.runs);
    const lineOf = new Map<Run, number>();
    lines.forEach((line, i) => line.runs.forEach((run) => lineOf.set(run, i + 1)));
    return { page, lines, lineOf };
  });
  const drop = furniture(numbered);
  const blocksByPage: Block[][] = numbered.map(({ page, lines, lineOf }) => {
    const keep = new Set(lines.filter((l) => !drop.has(l)).flatMap((l) => l.runs));
    const { pieces, outside } = pageTables(
      page.number,
      page.runs.filter((r) => keep.has(r)),
      page.segments,
      (run) => lineOf.get(run) ?? 0,
    );
    const blocks: Block[] = [
      ...pieces.map((piece) => ({ kind: "table" as const, top: piece.top, piece })),
      ...linesOf(outside).map((line) => ({ kind: "line" as const, top: line.y + line.size, line })),
    ];
    return blocks.sort((a, b) => b.top - a.top);
  });

  // Pieces that continue a table from the foot of the previous page.
  const groups: Piece[][] = [];
  let open: Piece[] | undefined;
  blocksByPage.forEach((blocks) => {
    blocks.forEach((block, i) => {
      if (block.kind !== "table") {
        open = undefined;
        return;
      }
      const previous = open?.[open.length - 1];
      if (
        open !== undefined &&
        previous !== undefined &&
        i === 0 &&
        previous.page === block.piece.page - 1 &&
        Math.abs(previous.left - block.piece.left) <= 4 &&
        Math.abs(previous.right - block.piece.right) <= 4
      )
        open.push(block.piece);
      else {
        open = [block.piece];
        groups.push(open);
      }
    });
    // A table is continued only when it is the last block of its page.
    const last = blocks[blocks.length - 1];
    if (last === undefined || last.kind !== "table") open = undefined;
  });

  const bodyLines = blocksByPage.flat().flatMap((b) => (b.kind === "line" ? [b.line] : []));
  const left = mode(
    bodyLines.map((l) => l.x0),
    0,
  );
  const right = rightMargin(bodyLines);
  const paragraphs: string[] = [];
  const documentText: string[] = [];
  let current = "";
  let previous: Line | undefined;
  const close = (): void => {
    if (current !== "") {
      paragraphs.push(current);
      documentText.push(current);
    }
    current = "";
    previous = undefined;
  };
  const tableOf = new Map<Piece, number>();
  groups.forEach((g, i) => g.forEach((p) => tableOf.set(p, i)));
  const grids = tablesOf(groups);
  blocksByPage.forEach((blocks) => {
    for (const block of blocks) {
      if (block.kind === "table") {
        close();
        for (let r = 0; r < block.piece.rows; r++)
          for (const cell of block.piece.cells)
            if (cell.r0 === r && cell.text !== "") documentText.push(cell.text);
        continue;
      }
      const line = block.line;
      const starts =
        previous === undefined ||
        line.x0 > left + line.size * INDENT ||
        previous.x1 < right - previous.size * SHORT ||
        HEADING_START.test(line.text) ||
        (previous.y - line.y > line.size * PARAGRAPH_GAP && previous.y > line.y);
      if (starts) close();
      current = normalizeSpaces(current === "" ? line.text : `${current} ${line.text}`);
      previous = line;
    }
  });
  close();
  return { pages: pages.length, grids, paragraphs, documentText };
}

async function readDocument(
  document: PdfDocument,
  pdfjs: PdfJs,
  limits: PdfLimits,
  started: number,
  now: () => number,
): Promise<PdfReading> {
  const count = document.numPages;
  if (count > limits.maxPages)
    return {
      ok: false,
      failure: { reason: "too-many-pages", pages: count, limit: limits.maxPages },
    };
  if (count < 1) return { ok: false, failure: { reason: "damaged", detail: "no pages" } };
  const ops = pathOps(pdfjs.OPS);
  const pages: PageContent[] = [];
  let characters = 0;
  for (let n = 1; n <= count; n++) {
    if (now() - started > limits.maxMilliseconds)
      return { ok: false, failure: { reason: "too-slow", limit: limits.maxMilliseconds } };
    let page;
    try {
      const pdfPage = await document.getPage(n);
      page = await readPage(pdfPage, n, ops, limits.maxSegmentsPerPage);
      pdfPage.cleanup();
    } catch (error) {
      return { ok: false, failure: libraryFailure(error) };
    }
    characters += page.characters;
    if (characters > limits.maxCharacters || page.overLimit)
      return {
        ok: false,
        failure: { reason: "too-much-text", size: characters, limit: limits.maxCharacters },
      };
    pages.push(page);
  }
  const content = assemble(pages);
  const text = content.documentText.join("").replace(/\s/gu, "");
  // Only page numbers, or nothing: the pages are pictures.
  if (text.length === 0) return { ok: false, failure: { reason: "scanned", pages: count } };
  return { ok: true, content };
}

/** Reads a PDF. `now` is the clock for the time limit. */
export async function readPdf(
  bytes: Uint8Array,
  pdfjs: PdfJs,
  limits: PdfLimits = DEFAULT_PDF_LIMITS,
  now: () => number = () => Date.now(),
): Promise<PdfReading> {
  const started = now();
  const task = pdfjs.getDocument(pdfSource(bytes));
  try {
    let document: PdfDocument;
    try {
      document = await task.promise;
    } catch (error) {
      return { ok: false, failure: libraryFailure(error) };
    }
    return await readDocument(document, pdfjs, limits, started, now);
  } finally {
    await task.destroy();
  }
}
