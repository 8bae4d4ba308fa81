/**
 * Tables from ruling lines. On each page the horizontal and vertical lines that touch one another
 * form a table; the distinct x of its vertical lines and y of its horizontal lines cut it into a
 * lattice, and two neighbouring lattice cells are one (merged) cell when no line separates them.
 * Every run whose middle falls in a cell is that cell's text, its lines joined without a break, so
 * a label wrapped inside its cell ("行政规范性文" / "件") stays one label and a number stays in
 * the column its cell sits in.
 */
import type { Run, Segment } from "./page";
import { joinRuns, linesOf, middleX, middleY, splitRun } from "./text";

/** Lines closer than this (PDF units) are the same line; a crossing within it is a touch. */
export const LINE_TOLERANCE = 2;

/** Vertical lines running this far past the last horizontal line close the table themselves. */
const OPEN_EDGE = 4;

/** One cell of a table piece: its lattice rows, its x extent, its text and its first run's line. */
export interface PieceCell {
  readonly r0: number;
  readonly r1: number;
  readonly x0: number;
  readonly x1: number;
  readonly text: string;
  /** The page line number of its first run, if it has text. */
  readonly line?: number;
  /**
   * Its last line ends within `FULL_LINE` font sizes of the cell's right border: a full line, so
   * the text may go on below it (a label wrapped, or cut by the page break).
   */
  readonly full?: boolean;
}

/** A line ending this many font sizes or less short of its cell's right border fills the cell. */
const FULL_LINE = 2;

/** The part of a table on one page. */
export interface Piece {
  readonly page: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** The x of its vertical lines, left to right. */
  readonly xs: readonly number[];
  readonly rows: number;
  readonly cells: readonly PieceCell[];
  /** The page line number of each lattice row (its first run's), for locating blank cells. */
  readonly rowLines: readonly number[];
}

function mergeSegments(segments: readonly Segment[]): Segment[] {
  // Lines at the same position (within a point), each group left to right (bottom to top).
  const byPosition = [...segments].sort((a, b) => a.at - b.at);
  const groups: Segment[][] = [];
  for (const s of byPosition) {
    const g = groups[groups.length - 1];
    if (g !== undefined && s.at - g[0]!.at <= 1) g.push(s);
    else groups.push([s]);
  }
  const out: Segment[] = [];
  for (const group of groups) {
    let last: Segment | undefined;
    for (const s of group.sort((a, b) => a.from - b.from)) {
      if (last !== undefined && s.from <= last.to + LINE_TOLERANCE) {
        last = { ...last, to: Math.max(last.to, s.to) };
        out[out.length - 1] = last;
      } else {
        last = s;
        out.push(s);
      }
    }
  }
  return out;
}

function touches(h: Segment, v: Segment): boolean {
  return (
    v.at >= h.from - LINE_TOLERANCE &&
    v.at <= h.to + LINE_TOLERANCE &&
    h.at >= v.from - LINE_TOLERANCE &&
    h.at <= v.to + LINE_TOLERANCE
  );
}

function find(parent: number[], i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[i] !== root) {
    const next = parent[i]!;
    parent[i] = root;
    i = next;
  }
  return root;
}

function union(parent: number[], a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
}

/** Distinct positions, each the mean of the positions within tolerance of one another. */
function distinct(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const g = groups[groups.length - 1];
    if (g !== undefined && v - g[g.length - 1]! <= LINE_TOLERANCE) g.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

interface Region {
  readonly h: Segment[];
  readonly v: Segment[];
}

/** The groups of touching lines with at least two horizontal and two vertical positions. */
function regions(segments: readonly Segment[]): Region[] {
  const lines = [
    ...mergeSegments(segments.filter((s) => s.horizontal)),
    ...mergeSegments(segments.filter((s) => !s.horizontal)),
  ];
  const parent = lines.map((_, i) => i);
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i]!;
    if (!a.horizontal) continue;
    for (let j = 0; j < lines.length; j++) {
      const b = lines[j]!;
      if (!b.horizontal && touches(a, b)) union(parent, i, j);
    }
  }
  const groups = new Map<number, Region>();
  lines.forEach((s, i) => {
    const root = find(parent, i);
    const region = groups.get(root) ?? { h: [], v: [] };
    (s.horizontal ? region.h : region.v).push(s);
    groups.set(root, region);
  });
  return [...groups.values()].filter(
    (r) => distinct(r.h.map((s) => s.at)).length >= 2 && distinct(r.v.map((s) => s.at)).length >= 2,
  );
}

function covered(lines: readonly Segment[], at: number, point: number): boolean {
  return lines.some(
    (s) =>
      Math.abs(s.at - at) <= LINE_TOLERANCE &&
      point >= s.from - LINE_TOLERANCE &&
      point <= s.to + LINE_TOLERANCE,
  );
}

function indexIn(bounds: readonly number[], value: number, descending: boolean): number {
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i]!;
    const b = bounds[i + 1]!;
    if (descending ? value <= a && value >= b : value >= a && value <= b) return i;
  }
  return -1;
}

/**
 * The tables of a page from its ruling lines, and the runs left outside them. `lineOf` gives a
 * run's line number on the page.
 */
export function pageTables(
  page: number,
  runs: readonly Run[],
  segments: readonly Segment[],
  lineOf: (run: Run) => number,
): { pieces: Piece[]; outside: Run[] } {
  const pieces: Piece[] = [];
  let remaining = [...runs];
  // The words of a run split inside a table keep the run's line.
  const parts = new Map<Run, number>();
  const lineOfPart = (run: Run): number => parts.get(run) ?? lineOf(run);
  for (const region of regions(segments)) {
    const xs = distinct(region.v.map((s) => s.at));
    const ys = distinct(region.h.map((s) => s.at)).reverse();
    // A table cut by a page break may lack its closing line: its vertical lines run on past the
    // last horizontal one, and the row they hold is still a row of the table.
    const lowest = Math.min(...region.v.map((s) => s.from));
    const highest = Math.max(...region.v.map((s) => s.to));
    if (ys[ys.length - 1]! - lowest > OPEN_EDGE) ys.push(lowest);
    if (highest - ys[0]! > OPEN_EDGE) ys.unshift(highest);
    const left = xs[0]!;
    const right = xs[xs.length - 1]!;
    const top = ys[0]!;
    const bottom = ys[ys.length - 1]!;
    const rows = ys.length - 1;
    const columns = xs.length - 1;
    const parent = Array.from({ length: rows * columns }, (_, i) => i);
    for (let r = 0; r < rows; r++) {
      const mid = (ys[r]! + ys[r + 1]!) / 2;
      for (let c = 0; c + 1 < columns; c++)
        if (!covered(region.v, xs[c + 1]!, mid))
          union(parent, r * columns + c, r * columns + c + 1);
    }
    for (let c = 0; c < columns; c++) {
      const mid = (xs[c]! + xs[c + 1]!) / 2;
      for (let r = 0; r + 1 < rows; r++)
        if (!covered(region.h, ys[r + 1]!, mid))
          union(parent, r * columns + c, (r + 1) * columns + c);
    }
    const inCell = new Map<number, Run[]>();
    const rowLines: number[] = Array<number>(rows).fill(Number.POSITIVE_INFINITY);
    const outside: Run[] = [];
    for (const whole of remaining) {
      const words = splitRun(whole);
      const places = words.map((run) => ({
        run,
        r: indexIn(ys, middleY(run), true),
        c: indexIn(xs, middleX(run), false),
      }));
      if (places.every((p) => p.r < 0 || p.c < 0)) {
        outside.push(whole);
        continue;
      }
      for (const { run, r, c } of places) {
        if (run !== whole) parts.set(run, lineOfPart(whole));
        if (r < 0 || c < 0) {
          outside.push(run);
          continue;
        }
        const root = find(parent, r * columns + c);
        const list = inCell.get(root) ?? [];
        list.push(run);
        inCell.set(root, list);
        rowLines[r] = Math.min(rowLines[r]!, lineOfPart(whole));
      }
    }
    remaining = outside;
    const extents = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const root = find(parent, r * columns + c);
        const e = extents.get(root);
        if (e === undefined) extents.set(root, { r0: r, r1: r, c0: c, c1: c });
        else {
          e.r0 = Math.min(e.r0, r);
          e.r1 = Math.max(e.r1, r);
          e.c0 = Math.min(e.c0, c);
          e.c1 = Math.max(e.c1, c);
        }
      }
    }
    const cells: PieceCell[] = [];
    for (const [root, e] of extents) {
      const list = inCell.get(root) ?? [];
      const lines = linesOf(list);
      const text = lines.map((l) => joinRuns(l.runs)).join("");
      const line = list.length === 0 ? undefined : Math.min(...list.map(lineOfPart));
      const last = lines[lines.length - 1];
      const full = last !== undefined && xs[e.c1 + 1]! - last.x1 <= last.size * FULL_LINE;
      cells.push({
        r0: e.r0,
        r1: e.r1,
        x0: xs[e.c0]!,
        x1: xs[e.c1 + 1]!,
        text,
        ...(line === undefined ? {} : { line }),
        ...(full ? { full } : {}),
      });
    }
    cells.sort((a, b) => a.r0 - b.r0 || a.x0 - b.x0);
    // A row without text takes the line of the row above it (the first, of the first below).
    for (let r = 0; r < rows; r++)
      if (!Number.isFinite(rowLines[r]!) && r > 0) rowLines[r] = rowLines[r - 1]!;
    for (let r = rows - 1; r >= 0; r--)
      if (!Number.isFinite(rowLines[r]!)) rowLines[r] = r + 1 < rows ? rowLines[r + 1]! : 1;
    pieces.push({ page, left, right, top, bottom, xs, rows, cells, rowLines });
  }
  return { pieces, outside: remaining };
}
