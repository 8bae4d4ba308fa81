/**
 * One pdf.js page → its text runs and its ruling lines, in PDF units (y grows upwards). The runs
 * come from the text items' positions (transform[4], transform[5], width, font size); the ruling
 * lines from the operator list: stroked straight horizontal/vertical path pieces, and filled
 * rectangles thin enough to be a border (WPS and LibreOffice draw table borders both ways).
 */
import type { PdfPage, PdfTextItem } from "./pdfjs-api";

/** A piece of text on a page: its baseline start, advance width and font size. */
export interface Run {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
  readonly text: string;
}

/** A ruling line: `at` is its y (horizontal) or x (vertical), `from`–`to` its extent. */
export interface Segment {
  readonly horizontal: boolean;
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** What the reader keeps of a page. */
export interface PageContent {
  readonly number: number;
  readonly bottom: number;
  readonly top: number;
  readonly runs: Run[];
  readonly segments: Segment[];
  /** Characters of text on the page (for the text limit). */
  readonly characters: number;
}

/** A filled rectangle no thicker than this (PDF units) is a border line. */
const BORDER_THICKNESS = 3;
/** Path pieces shorter than this are not ruling lines (ticks, dots of a dashed line). */
const MIN_SEGMENT = 2;
/** How far from exactly horizontal or vertical a ruling line may be. */
const STRAIGHT = 0.5;

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = [n[0] ?? 1, n[1] ?? 0, n[2] ?? 0, n[3] ?? 1, n[4] ?? 0, n[5] ?? 0];
  return [
    m[0] * a + m[2] * b,
    m[1] * a + m[3] * b,
    m[0] * c + m[2] * d,
    m[1] * c + m[3] * d,
    m[0] * e + m[2] * f + m[4],
    m[1] * e + m[3] * f + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function isNumberArray(value: unknown): value is ArrayLike<number> {
  return (
    value !== null &&
    typeof value === "object" &&
    "length" in value &&
    typeof value.length === "number"
  );
}

/** The operator codes the reader needs, from pdf.js's OPS table. */
export interface PathOps {
  readonly save: number;
  readonly restore: number;
  readonly transform: number;
  readonly constructPath: number;
  readonly formBegin: number;
  readonly formEnd: number;
  readonly strokes: ReadonlySet<number>;
  readonly fills: ReadonlySet<number>;
}

/** The codes from pdf.js's OPS, -1 for any it lacks. */
export function pathOps(ops: Readonly<Record<string, number>>): PathOps {
  const code = (name: string): number => ops[name] ?? -1;
  return {
    save: code("save"),
    restore: code("restore"),
    transform: code("transform"),
    constructPath: code("constructPath"),
    formBegin: code("paintFormXObjectBegin"),
    formEnd: code("paintFormXObjectEnd"),
    strokes: new Set(
      [
        "stroke",
        "closeStroke",
        "fillStroke",
        "eoFillStroke",
        "closeFillStroke",
        "closeEOFillStroke",
      ].map(code),
    ),
    fills: new Set(["fill", "eoFill"].map(code)),
  };
}

/** Draw codes inside a constructPath (pdf.js DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUADRATIC = 3;
const CLOSE = 4;

interface Subpath {
  points: [number, number][];
  closed: boolean;
  curved: boolean;
}

function subpaths(data: ArrayLike<number>, m: Matrix): Subpath[] {
  const result: Subpath[] = [];
  let current: Subpath | undefined;
  let i = 0;
  while (i < data.length) {
    const op = data[i]!;
    if (op === MOVE || op === LINE) {
      const point = apply(m, data[i + 1]!, data[i + 2]!);
      if (op === MOVE || current === undefined) {
        current = { points: [point], closed: false, curved: false };
        result.push(current);
      } else current.points.push(point);
      i += 3;
    } else if (op === CURVE || op === QUADRATIC) {
      const n = op === CURVE ? 6 : 4;
      if (current !== undefined) {
        current.curved = true;
        current.points.push(apply(m, data[i + n - 1]!, data[i + n]!));
      }
      i += n + 1;
    } else if (op === CLOSE) {
      if (current !== undefined) current.closed = true;
      i += 1;
    } else break;
  }
  return result;
}

function straight(a: [number, number], b: [number, number], out: Segment[]): void {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= STRAIGHT && dx >= MIN_SEGMENT) {
    out.push({
      horizontal: true,
      at: (a[1] + b[1]) / 2,
      from: Math.min(a[0], b[0]),
      to: Math.max(a[0], b[0]),
    });
  } else if (dx <= STRAIGHT && dy >= MIN_SEGMENT) {
    out.push({
      horizontal: false,
      at: (a[0] + b[0]) / 2,
      from: Math.min(a[1], b[1]),
      to: Math.max(a[1], b[1]),
    });
  }
}

function strokedSegments(path: Subpath, out: Segment[]): void {
  if (path.curved) return;
  const p = path.points;
  for (let k = 1; k < p.length; k++) straight(p[k - 1]!, p[k]!, out);
  if (path.closed && p.length > 2) straight(p[p.length - 1]!, p[0]!, out);
}

function filledSegment(path: Subpath, out: Segment[]): void {
  if (path.curved || path.points.length < 4 || path.points.length > 5) return;
  const xs = path.points.map((p) => p[0]);
  const ys = path.points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  // Only an axis-aligned rectangle: every corner on its bounding box.
  const onBox = path.points.every(
    ([x, y]) =>
      (Math.abs(x - x0) <= STRAIGHT || Math.abs(x - x1) <= STRAIGHT) &&
      (Math.abs(y - y0) <= STRAIGHT || Math.abs(y - y1) <= STRAIGHT),
  );
  if (!onBox) return;
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= BORDER_THICKNESS && w >= MIN_SEGMENT && w > h)
    out.push({ horizontal: true, at: (y0 + y1) / 2, from: x0, to: x1 });
  else if (w <= BORDER_THICKNESS && h >= MIN_SEGMENT && h > w)
    out.push({ horizontal: false, at: (x0 + x1) / 2, from: y0, to: y1 });
}

/** The ruling lines of an operator list, at most `limit` (undefined when there are more). */
export function ruling(
  list: { readonly fnArray: ArrayLike<number>; readonly argsArray: readonly unknown[] },
  ops: PathOps,
  limit: number,
): Segment[] | undefined {
  const out: Segment[] = [];
  const stack: Matrix[] = [];
  let m: Matrix = IDENTITY;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]!;
    const args = list.argsArray[i];
    if (fn === ops.save) stack.push(m);
    else if (fn === ops.restore) m = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform && isNumberArray(args)) m = multiply(m, Array.from(args));
    else if (fn === ops.formBegin && Array.isArray(args)) {
      stack.push(m);
      if (isNumberArray(args[0])) m = multiply(m, Array.from(args[0]));
    } else if (fn === ops.formEnd) m = stack.pop() ?? IDENTITY;
    else if (fn === ops.constructPath && Array.isArray(args)) {
      const op: unknown = args[0];
      const holder: unknown = args[1];
      const data: unknown = Array.isArray(holder) ? holder[0] : undefined;
      if (typeof op !== "number" || !isNumberArray(data)) continue;
      const stroked = ops.strokes.has(op);
      const filled = ops.fills.has(op);
      if (!stroked && !filled) continue;
      for (const path of subpaths(data, m)) {
        if (stroked) strokedSegments(path, out);
        else filledSegment(path, out);
      }
      if (out.length > limit) return undefined;
    }
  }
  return out;
}

/** The text runs of a page's text content (blank items skipped; upright text only). */
export function runsOf(items: readonly unknown[]): Run[] {
  const runs: Run[] = [];
  for (const raw of items) {
    if (raw === null || typeof raw !== "object") continue;
    const item = raw as PdfTextItem;
    if (typeof item.str !== "string" || item.str.trim() === "") continue;
    const t = item.transform;
    if (t === undefined || t.length < 6) continue;
    const [a, b, c, d, e, f] = t as [number, number, number, number, number, number];
    if (![a, b, c, d, e, f].every(Number.isFinite)) continue;
    const size = Math.hypot(c, d) || (typeof item.height === "number" ? item.height : 0) || 10;
    const width = typeof item.width === "number" && Number.isFinite(item.width) ? item.width : 0;
    runs.push({ x: e, y: f, width: Math.max(0, width), size, text: item.str });
  }
  return runs;
}

/** Reads one page: its runs and ruling lines; undefined ruling when over the segment limit. */
export async function readPage(
  page: PdfPage,
  number: number,
  ops: PathOps,
  segmentLimit: number,
): Promise<PageContent & { readonly overLimit: boolean }> {
  const content = await page.getTextContent();
  const runs = runsOf(content.items);
  const list = await page.getOperatorList();
  const segments = ruling(list, ops, segmentLimit);
  const view = page.view;
  const bottom = Math.min(view[1] ?? 0, view[3] ?? 0);
  const top = Math.max(view[1] ?? 0, view[3] ?? 0);
  return {
    number,
    bottom,
    top,
    runs,
    segments: segments ?? [],
    characters: runs.reduce((n, r) => n + r.text.length, 0),
    overLimit: segments === undefined,
  };
}
