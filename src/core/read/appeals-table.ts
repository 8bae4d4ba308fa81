/**
 * Reads table 四 in its official layout: no row labels, three header rows (行政复议 | 行政诉讼;
 * the result labels and 未经复议直接起诉 | 复议后起诉; the result labels again) and one data row of
 * fifteen cells: 复议 维持…总计, 直诉 维持…总计, 复诉 维持…总计.
 */
import type { FigureCell, StructureIssue } from "../model/figures";
import { cellId, tableDef, T4_COLUMNS } from "../model/tables";
import { matchHeaders, resolvePositions, VALUE_SEARCH_WIDTH } from "./columns";
import { finish } from "./row-table";
import {
  cellAt,
  entriesOf,
  Extent,
  figureAt,
  hitAt,
  isBlank,
  MAX_TABLES_PER_KIND,
  rowCount,
  rowLength,
  variantIssue,
  type Hit,
  type Located,
  type ScanContext,
} from "./scan";

/** The three groups of table 四, left to right. */
const GROUPS = ["复议", "直诉", "复诉"] as const;

/** How many rows below the top header row the header labels and the data row may be. */
const HEADER_DEPTH = 8;
const DATA_DEPTH = 8;

type AnchorKind = "复议" | "诉讼" | "直诉" | "复诉";

/** The anchor a hit is: a group label of table 四, or 行政诉讼. */
export function anchorKind(hit: Hit): AnchorKind | undefined {
  for (const e of hit.entries) {
    if (e.table !== "T4") continue;
    if (e.role === "group") return "诉讼";
    if (e.role === "row" && (e.key === "复议" || e.key === "直诉" || e.key === "复诉"))
      return e.key;
  }
  return undefined;
}

type Anchors = Partial<Record<AnchorKind, Hit>>;

/** Every table 四 found from its header anchors (hits already used elsewhere left out). */
export function readAppealsTables(ctx: ScanContext, anchors: readonly Hit[]): Located[] {
  const sorted = [...anchors].sort((a, b) => a.row - b.row || a.column - b.column);
  const remaining = new Set(sorted);
  const found: Located[] = [];
  for (let index = 0; index < sorted.length && found.length < MAX_TABLES_PER_KIND; index += 1) {
    const start = sorted[index]!;
    if (!remaining.has(start)) continue;
    const picked: Anchors = {};
    const limit = anchorRowLimit(ctx, start);
    for (let next = index; next < sorted.length; next += 1) {
      const hit = sorted[next]!;
      if (hit.row > limit) break;
      if (!remaining.has(hit)) continue;
      if (!ctx.text && (hit.column < start.column - 2 || hit.column > start.column + 45)) continue;
      const kind = anchorKind(hit);
      if (kind === undefined || picked[kind] !== undefined) continue;
      picked[kind] = hit;
    }
    const members = Object.values(picked);
    for (const m of members) remaining.delete(m);
    if (members.length < 2 && !titleAbove(ctx, start)) continue;
    found.push(readAppeals(ctx, picked, members));
  }
  return found;
}

/** The last row the group labels of a table 四 starting at `start` may be on: three rows down, blank rows not counted. */
function anchorRowLimit(ctx: ScanContext, start: Hit): number {
  const from = ctx.text ? 0 : Math.max(0, start.column - 2);
  let filled = 0;
  let r = start.row;
  while (r + 1 < rowCount(ctx) && r - start.row < 3 + HEADER_DEPTH) {
    const width = ctx.text
      ? rowLength(ctx, r + 1)
      : Math.min(rowLength(ctx, r + 1), start.column + 46);
    let blank = true;
    for (let c = from; c < width && blank; c += 1) blank = isBlank(cellAt(ctx, r + 1, c));
    if (!blank) filled += 1;
    if (filled > 3) break;
    r += 1;
  }
  return r;
}

function titleAbove(ctx: ScanContext, hit: Hit): boolean {
  for (let r = Math.max(0, hit.row - 4); r < hit.row; r += 1) {
    for (const h of ctx.hitsByRow.get(r) ?? []) {
      if (entriesOf(h, "title", "T4").length > 0) return true;
    }
  }
  return false;
}

function readAppeals(ctx: ScanContext, anchors: Anchors, members: readonly Hit[]): Located {
  const def = tableDef("T4");
  const issues: StructureIssue[] = [];
  const extent = new Extent();
  const headerTop = Math.min(...members.map((m) => m.row));
  const leftmost = Math.min(...members.map((m) => m.column));
  // Without 行政复议 its five result labels are somewhere left of the other group labels.
  const searchLeft = anchors["复议"]?.column ?? Math.max(0, leftmost - 12);
  for (const m of members) extent.add(m.row, m.column);

  // The result labels under the group labels, by column.
  const results: { key: string; column: number; hit: Hit }[] = [];
  for (let r = headerTop; r <= headerTop + HEADER_DEPTH && !ctx.text; r += 1) {
    for (const hit of ctx.hitsByRow.get(r) ?? []) {
      if (hit.column < searchLeft || hit.column > searchLeft + VALUE_SEARCH_WIDTH) continue;
      const entry = entriesOf(hit, "column", "T4")[0];
      if (entry !== undefined) results.push({ key: entry.key ?? "", column: hit.column, hit });
    }
  }
  const keys = T4_COLUMNS.map((c) => c.key);
  const found: ({ key: string; column: number; hit: Hit } | undefined)[] = [];
  const direct = anchors["直诉"]?.column;
  const after = anchors["复诉"]?.column;
  if (!ctx.text && direct !== undefined && after !== undefined && direct < after) {
    const bounds: [number, number][] = [
      [searchLeft, direct],
      [direct, after],
      [after, after + 2 * (after - direct)],
    ];
    for (const [low, high] of bounds) {
      found.push(
        ...matchHeaders(
          results.filter((h) => h.column >= low && h.column < high),
          keys,
        ),
      );
    }
  } else if (!ctx.text) {
    found.push(...matchHeaders(results, [...keys, ...keys, ...keys]));
  }
  let lastHeader = Math.max(...members.map((m) => m.row));
  for (const f of found) {
    if (f === undefined) continue;
    lastHeader = Math.max(lastHeader, f.hit.row);
    extent.add(f.hit.row, f.hit.column);
  }
  const left = ctx.text
    ? 0
    : (anchors["复议"]?.column ??
      Math.min(leftmost, ...found.map((f) => f?.column ?? Number.POSITIVE_INFINITY)));

  const right = Math.max(
    left + 14,
    ...found.map((f) => f?.column ?? left),
    ...members.map((m) => m.column),
  );
  const dataRow = findDataRow(ctx, lastHeader, left, right);
  const cells = new Map<string, FigureCell>();
  if (dataRow === undefined) {
    for (const group of GROUPS) issues.push({ code: "row-missing", row: group });
  } else {
    const positions = ctx.text
      ? textPositions(ctx, dataRow)
      : sheetPositions(ctx, dataRow, found, left, right, widestRow(ctx, headerTop, dataRow));
    GROUPS.forEach((group, g) => {
      T4_COLUMNS.forEach((column, i) => {
        const position = positions[g * T4_COLUMNS.length + i];
        if (position === undefined) {
          issues.push({ code: "column-missing", column: `${group}/${column.key}` });
          return;
        }
        const key = { table: "T4" as const, row: group, column: column.key };
        cells.set(cellId(key), figureAt(ctx, key, "count", dataRow, position));
        extent.add(dataRow, position);
      });
    });
  }
  for (let r = Math.max(0, headerTop - 4); r < headerTop; r += 1) {
    for (const hit of ctx.hitsByRow.get(r) ?? []) {
      const title = entriesOf(hit, "title", "T4")[0];
      if (title === undefined) continue;
      if (!ctx.text && (hit.column < left - 2 || hit.column > right)) continue;
      extent.add(hit.row, hit.column);
      if (title.variant) issues.push(variantIssue(ctx, hit, title));
    }
  }
  return finish(ctx, def, cells, issues, extent);
}

/**
 * The first row under the headers that holds a value in the table's columns; in a text, the first
 * row after the header rows (rows with labels) that is not blank.
 */
function findDataRow(
  ctx: ScanContext,
  lastHeader: number,
  left: number,
  right: number,
): number | undefined {
  const end = Math.min(rowCount(ctx), lastHeader + 1 + DATA_DEPTH + (ctx.text ? HEADER_DEPTH : 0));
  for (let r = lastHeader + 1; r < end; r += 1) {
    const hits = ctx.hitsByRow.get(r) ?? [];
    if (ctx.text) {
      if (hits.length > 0) continue;
      const width = rowLength(ctx, r);
      for (let c = 0; c < width; c += 1) if (!isBlank(cellAt(ctx, r, c))) return r;
      continue;
    }
    for (let c = left; c <= right; c += 1) {
      if (!isBlank(cellAt(ctx, r, c)) && hitAt(ctx, r, c) === undefined) return r;
    }
  }
  // A blank data row right under the headers (an empty template).
  const next = lastHeader + 1;
  if (!ctx.text && next < rowCount(ctx) && (ctx.hitsByRow.get(next) ?? []).length === 0)
    return next;
  return undefined;
}

function textPositions(ctx: ScanContext, row: number): (number | undefined)[] {
  const width = rowLength(ctx, row);
  const count = GROUPS.length * T4_COLUMNS.length;
  const start = Math.max(0, width - count);
  const positions: (number | undefined)[] = [];
  for (let c = start; c < width; c += 1) positions.push(c);
  return positions;
}

function widestRow(ctx: ScanContext, top: number, bottom: number): number {
  let widest = 0;
  for (let r = top; r <= bottom; r += 1) widest = Math.max(widest, rowLength(ctx, r));
  return widest;
}

/** The data row's fifteen columns: from the result labels, else its first fifteen values. */
function sheetPositions(
  ctx: ScanContext,
  row: number,
  found: readonly ({ column: number } | undefined)[],
  left: number,
  right: number,
  width: number,
): (number | undefined)[] {
  const count = GROUPS.length * T4_COLUMNS.length;
  const candidates: number[] = [];
  const end = Math.min(rowLength(ctx, row), right + VALUE_SEARCH_WIDTH);
  for (let c = left; c < end && candidates.length < count; c += 1) {
    if (hitAt(ctx, row, c) !== undefined) break;
    if (!isBlank(cellAt(ctx, row, c))) candidates.push(c);
  }
  const headers =
    found.length === count ? found.map((f) => f?.column) : Array<undefined>(count).fill(undefined);
  return resolvePositions(headers, candidates, left - 1).map((p) =>
    p !== undefined && p < width ? p : undefined,
  );
}
