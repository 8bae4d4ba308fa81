/**
 * The table reader: finds every report table in a grid of cell values, wherever it sits, and
 * reads its figures. One pass finds the label cells; row labels that sit together become a table
 * when there is enough evidence (two rows of it, or a row and its title or headers); table 四 is
 * found from its header labels. It never throws on cell values, however odd.
 */
import { parseCellAddress } from "../model/address";
import type { Grid, LocatedTable } from "../model/figures";
import { tableDef, type FormatVersion, type TableId } from "../model/tables";
import { anchorKind, readAppealsTables } from "./appeals-table";
import { VALUE_SEARCH_WIDTH } from "./columns";
import { HEADER_WINDOW, readRowTable } from "./row-table";
import { readCell } from "./cell";
import {
  cellAt,
  entriesOf,
  isBlank,
  MAX_COLUMNS,
  MAX_TABLES_PER_KIND,
  maxOf,
  minOf,
  rowLength,
  scanGrid,
  type Hit,
  type Located,
  type ScanContext,
} from "./scan";

/** How the grid was made, which decides how value cells are found. */
export interface LocateOptions {
  /**
   * "sheet" (the default): cells sit in their real columns; value columns come from the header
   * labels or from the columns holding values, and figures get A1 addresses.
   * "text": the table rows of a report text, horizontal merges collapsed (Word or web export);
   * a data row's values are its trailing cells, and no addresses or ranges are given.
   */
  readonly source?: "sheet" | "text";
}

/** How far apart (in columns) the row labels of one table may be. */
const COLUMN_SLACK = 4;
/** How many non-blank rows may separate two data rows of one table (block headers of 二). */
const QUIET_ROWS = 4;
/** How many rows, blank or not, may separate two data rows of one table. */
const MAX_ROW_GAP = 50;

/**
 * Every table found in a grid, top to bottom, with its figures and structure issues. Throws only
 * InvalidAddressError for a grid whose origin is not an A1 address (a host error, not data).
 */
export function locateTables(grid: Grid, options: LocateOptions = {}): LocatedTable[] {
  return locateRegions(grid, options).map((f) => f.table);
}

/** The tables of a grid with the grid rectangle each occupies (for the text reader). */
export function locateRegions(grid: Grid, options: LocateOptions = {}): Located[] {
  const text = options.source === "text";
  const origin = text ? { row: 0, column: 0 } : parseCellAddress(grid.origin);
  const values: readonly (readonly unknown[])[] = Array.isArray(grid.values) ? grid.values : [];
  const ctx = scanGrid(values, text, grid.sheet, origin.row, origin.column, grid.locations);
  const found: Located[] = [];

  for (const table of ["T2", "T3"] as const) {
    const clusters = joinContinuations(ctx, table, clusterRows(ctx, table, COLUMN_SLACK)).filter(
      (c) => hasEvidence(ctx, table, c),
    );
    for (const cluster of strongest(clusters, table)) {
      const def = tableDef(table, chooseVersion(ctx, table, cluster));
      found.push(readRowTable(ctx, { table, hits: cluster.hits }, def));
    }
  }

  // Table 四 written as three labelled rows, one under the other.
  const used = new Set<Hit>();
  const stacked = clusterRows(ctx, "T4", 1).filter((cluster) => {
    const rows = new Set(cluster.hits.map((h) => h.row));
    return rows.size >= 2 && rows.size === cluster.hits.length;
  });
  for (const cluster of strongest(stacked, "T4")) {
    found.push(readRowTable(ctx, { table: "T4", hits: cluster.hits }, tableDef("T4")));
    for (const h of cluster.hits) used.add(h);
  }
  // Table 四 in its official layout, found from its header labels.
  const anchors = ctx.hits.filter((h) => !used.has(h) && anchorKind(h) !== undefined);
  found.push(...readAppealsTables(ctx, anchors));

  found.sort((a, b) => a.top - b.top || a.left - b.left);
  return found;
}

interface Cluster {
  readonly hits: Hit[];
  minColumn: number;
  maxColumn: number;
  lastRow: number;
  /** The row keys of the hits in the last row, so a second copy beside it is told apart. */
  lastRowKeys: Set<string | undefined>;
}

/** The key that tells two rows of a table apart (any format version), or a group's label. */
function rowKeyOf(hit: Hit, table: TableId): string | undefined {
  const rows = entriesOf(hit, "row", table);
  const entry = rows.find((e) => e.version === "2021") ?? rows[0];
  if (entry !== undefined) return entry.key;
  const group = entriesOf(hit, "group", table)[0];
  return group === undefined ? undefined : `group:${group.official}`;
}

const orders = new Map<string, number>();
for (const version of ["2019", "2021"] as const) {
  for (const table of ["T2", "T3", "T4"] as const) {
    tableDef(table, version)
      .blocks.flatMap((b) => b.rows)
      .forEach((r, index) => orders.set(`${table}/${r.key}`, index));
  }
}

/** The position of a row key in the table's definition (2021, else 2019). */
function rowOrder(table: TableId, key: string): number {
  return orders.get(`${table}/${key}`) ?? -1;
}

/** Row and group label hits of a table grouped into clusters that sit together. */
function clusterRows(ctx: ScanContext, table: TableId, slack: number): Cluster[] {
  const withGroups = table !== "T4";
  const relevant = ctx.hits.filter((h) =>
    h.entries.some(
      (e) => e.table === table && (e.role === "row" || (withGroups && e.role === "group")),
    ),
  );
  const clusters: Cluster[] = [];
  let open: Cluster[] = [];
  let row = -1;
  for (const hit of relevant) {
    if (hit.row !== row) {
      row = hit.row;
      open = open.filter((c) => hit.row - c.lastRow <= MAX_ROW_GAP);
    }
    const key = rowKeyOf(hit, table);
    let target: Cluster | undefined;
    let distance = Number.POSITIVE_INFINITY;
    for (const c of open) {
      if (hit.column < c.minColumn - slack || hit.column > c.maxColumn + slack) continue;
      if (c.lastRow === hit.row && c.lastRowKeys.has(key)) continue;
      const d =
        hit.column < c.minColumn ? c.minColumn - hit.column : Math.max(0, hit.column - c.maxColumn);
      if (d >= distance || !quietBetween(ctx, c, hit)) continue;
      target = c;
      distance = d;
    }
    if (target === undefined) {
      target = {
        hits: [],
        minColumn: hit.column,
        maxColumn: hit.column,
        lastRow: hit.row,
        lastRowKeys: new Set(),
      };
      clusters.push(target);
      open.push(target);
    }
    target.hits.push(hit);
    target.minColumn = Math.min(target.minColumn, hit.column);
    target.maxColumn = Math.max(target.maxColumn, hit.column);
    if (hit.row !== target.lastRow) target.lastRowKeys = new Set();
    target.lastRow = Math.max(target.lastRow, hit.row);
    target.lastRowKeys.add(key);
  }
  return clusters.flatMap((c) => splitCluster(ctx, table, c));
}

/** The row keys of a cluster's row-label hits. */
function rowKeys(cluster: Cluster, table: TableId): string[] {
  return cluster.hits.flatMap((h) =>
    entriesOf(h, "row", table).length > 0 ? [rowKeyOf(h, table) ?? ""] : [],
  );
}

/**
 * One table broken by a page break (a page number, its headers or its title repeated) is one
 * table: a cluster that goes on with rows the one above it has not had, in the table's order, and
 * starts within MAX_ROW_GAP rows of it, is joined to it. A cluster that repeats a row is a copy.
 */
function joinContinuations(
  ctx: ScanContext,
  table: TableId,
  clusters: readonly Cluster[],
): Cluster[] {
  const joined: Cluster[] = [];
  for (const cluster of clusters) {
    const previous = joined[joined.length - 1];
    const keys = rowKeys(cluster, table);
    if (previous !== undefined && keys.length > 0) {
      const before = rowKeys(previous, table);
      const first = minOf(cluster.hits.map((h) => h.row));
      const continues =
        before.length > 0 &&
        first > previous.lastRow &&
        first - previous.lastRow <= MAX_ROW_GAP &&
        pageBreakBetween(ctx, table, previous.lastRow, first) &&
        cluster.minColumn <= previous.maxColumn + COLUMN_SLACK &&
        cluster.maxColumn >= previous.minColumn - COLUMN_SLACK &&
        !keys.some((k) => before.includes(k)) &&
        minOf(keys.map((k) => rowOrder(table, k))) > maxOf(before.map((k) => rowOrder(table, k)));
      if (continues) {
        joined[joined.length - 1] = {
          hits: [...previous.hits, ...cluster.hits],
          minColumn: Math.min(previous.minColumn, cluster.minColumn),
          maxColumn: Math.max(previous.maxColumn, cluster.maxColumn),
          lastRow: Math.max(previous.lastRow, cluster.lastRow),
          lastRowKeys: cluster.lastRowKeys,
        };
        continue;
      }
    }
    joined.push(cluster);
  }
  return joined;
}

/** A page number as a page break leaves it in a copied table: "- 3 -", "3", "第3页", "3/12". */
const PAGE_NUMBER =
  /^(?:[-—－–\s]*\d{1,4}[-—－–\s]*|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/u;

/**
 * True when the rows between two parts of a table are only what a page break repeats: the table's
 * title, block and header labels, and page numbers (at most HEADER_WINDOW non-blank rows).
 */
function pageBreakBetween(ctx: ScanContext, table: TableId, above: number, below: number): boolean {
  let busy = 0;
  for (let r = above + 1; r < below; r += 1) {
    const hits = ctx.hitsByRow.get(r) ?? [];
    let filled = false;
    for (let c = 0; c < rowLength(ctx, r); c += 1) {
      const value = cellAt(ctx, r, c);
      if (isBlank(value)) continue;
      filled = true;
      const hit = hits.find((h) => h.column === c);
      const repeated =
        hit !== undefined &&
        hit.entries.some((e) => e.table === table && e.role !== "row" && e.role !== "group");
      if (
        !repeated &&
        !(typeof value === "string" || typeof value === "number"
          ? PAGE_NUMBER.test(String(value).trim())
          : false)
      )
        return false;
    }
    if (filled) busy += 1;
    if (busy > HEADER_WINDOW) return false;
  }
  return true;
}

/** The clusters with the most distinct row keys, at most MAX_TABLES_PER_KIND, in grid order. */
function strongest(clusters: readonly Cluster[], table: TableId): Cluster[] {
  if (clusters.length <= MAX_TABLES_PER_KIND) return [...clusters];
  const scored = clusters.map((cluster, index) => ({
    cluster,
    index,
    keys: new Set(cluster.hits.map((h) => rowKeyOf(h, table))).size,
  }));
  return scored
    .sort((a, b) => b.keys - a.keys || a.index - b.index)
    .slice(0, MAX_TABLES_PER_KIND)
    .sort((a, b) => a.index - b.index)
    .map((s) => s.cluster);
}

/** True when few enough non-blank rows lie between a cluster and a hit below it. */
function quietBetween(ctx: ScanContext, cluster: Cluster, hit: Hit): boolean {
  const low = Math.min(cluster.minColumn, hit.column);
  const high = Math.max(cluster.maxColumn, hit.column);
  let busy = 0;
  for (let r = cluster.lastRow + 1; r < hit.row; r += 1) {
    for (let c = low; c <= high; c += 1) {
      if (!isBlank(cellAt(ctx, r, c))) {
        busy += 1;
        break;
      }
    }
    if (busy > QUIET_ROWS) return false;
  }
  return true;
}

/**
 * Splits a cluster where a second copy of the table starts: at a title of the table between its
 * rows, or where two rows already seen come again in order (a row seen once more is a duplicate).
 */
function splitCluster(ctx: ScanContext, table: TableId, cluster: Cluster): Cluster[] {
  const rowHits = new Map<number, Hit>();
  for (const hit of cluster.hits) {
    if (entriesOf(hit, "row", table).length === 0) continue;
    const current = rowHits.get(hit.row);
    if (current === undefined || current.column < hit.column) rowHits.set(hit.row, hit);
  }
  const rows = [...rowHits.entries()].sort((a, b) => a[0] - b[0]);
  const splits: number[] = [];
  let seen = new Set<string>();
  rows.forEach(([row, hit], i) => {
    const key = rowKeyOf(hit, table) ?? "";
    const previous = rows[i - 1]?.[0];
    if (previous !== undefined && titleBetween(ctx, table, previous, row, cluster)) {
      splits.push(row);
      seen = new Set([key]);
      return;
    }
    const next = rows[i + 1];
    const nextKey = next === undefined ? undefined : rowKeyOf(next[1], table);
    if (
      seen.has(key) &&
      nextKey !== undefined &&
      seen.has(nextKey) &&
      rowOrder(table, nextKey) > rowOrder(table, key)
    ) {
      splits.push(row);
      seen = new Set([key]);
      return;
    }
    seen.add(key);
  });
  if (splits.length === 0) return [cluster];
  // The hits are in reading order: cut them at each split row in one pass.
  const groups: Hit[][] = [[]];
  let next = 0;
  for (const hit of cluster.hits) {
    while (next < splits.length && hit.row >= splits[next]!) {
      groups.push([]);
      next += 1;
    }
    groups[groups.length - 1]!.push(hit);
  }
  return groups
    .filter((hits) => hits.length > 0)
    .map((hits) => ({
      hits,
      minColumn: minOf(hits.map((h) => h.column)),
      maxColumn: maxOf(hits.map((h) => h.column)),
      lastRow: maxOf(hits.map((h) => h.row)),
      lastRowKeys: new Set<string | undefined>(),
    }));
}

function titleBetween(
  ctx: ScanContext,
  table: TableId,
  above: number,
  below: number,
  cluster: Cluster,
): boolean {
  for (let r = above + 1; r < below; r += 1) {
    for (const hit of ctx.hitsByRow.get(r) ?? []) {
      if (!ctx.text && (hit.column < cluster.minColumn - 2 || hit.column > cluster.maxColumn + 20))
        continue;
      if (entriesOf(hit, "title", table).length > 0) return true;
    }
  }
  return false;
}

/** Two different rows of the table, or one row with its title or a header label close above. */
function hasEvidence(ctx: ScanContext, table: TableId, cluster: Cluster): boolean {
  const keys = new Set<string>();
  for (const hit of cluster.hits) {
    const key = entriesOf(hit, "row", table).length > 0 ? rowKeyOf(hit, table) : undefined;
    if (key !== undefined) keys.add(key);
  }
  if (keys.size >= 2) return true;
  if (keys.size === 0) return false;
  const first = minOf(cluster.hits.map((h) => h.row));
  for (let r = Math.max(0, first - HEADER_WINDOW); r <= cluster.lastRow; r += 1) {
    for (const hit of ctx.hitsByRow.get(r) ?? []) {
      if (
        !ctx.text &&
        (hit.column < cluster.minColumn - 3 || hit.column > cluster.maxColumn + VALUE_SEARCH_WIDTH)
      ) {
        continue;
      }
      const context = hit.entries.some(
        (e) =>
          e.table === table &&
          (e.role === "title" || e.role === "block" || e.role === "header" || e.role === "column"),
      );
      if (context) return true;
    }
  }
  return false;
}

/**
 * The format of a table (spec §9). Table 三 is 2019 when its （六）其他处理 is a row of its own and
 * no 2021 sub-row of it is present; table 二 is 2019 when it has more labels found only in the
 * 2019 trial table (本年新制作数量, 政府集中采购, …) than labels found only in the 2021 table.
 */
function chooseVersion(ctx: ScanContext, table: TableId, cluster: Cluster): FormatVersion {
  if (table === "T3") {
    const rows = new Map<number, Hit[]>();
    for (const hit of cluster.hits) rows.set(hit.row, [...(rows.get(hit.row) ?? []), hit]);
    let newRows = false;
    let singleSix = false;
    for (const hit of cluster.hits) {
      if (entriesOf(hit, "row", "T3", "2021").some((e) => e.key?.startsWith("三(六)") === true))
        newRows = true;
      if (entriesOf(hit, "row", "T3", "2019").some((e) => e.key === "三(六)")) {
        const others = (rows.get(hit.row) ?? []).filter(
          (h) => h !== hit && entriesOf(h, "row", "T3").length > 0,
        );
        if (others.length === 0) singleSix = true;
      }
    }
    return singleSix && !newRows ? "2019" : "2021";
  }
  if (table !== "T2") return "2021";
  let old = 0;
  let current = 0;
  const first = minOf(cluster.hits.map((h) => h.row));
  for (let r = Math.max(0, first - HEADER_WINDOW); r <= cluster.lastRow; r += 1) {
    for (const hit of ctx.hitsByRow.get(r) ?? []) {
      if (
        !ctx.text &&
        (hit.column < cluster.minColumn - 1 || hit.column > cluster.maxColumn + VALUE_SEARCH_WIDTH)
      ) {
        continue;
      }
      const versions = new Set(hit.entries.filter((e) => e.table === "T2").map((e) => e.version));
      if (versions.size !== 1) continue;
      if (versions.has("2019")) old += 1;
      else current += 1;
    }
  }
  if (old === 0 && current === 0 && decisionRowsHoldSeveralValues(ctx, cluster)) return "2019";
  return old > 0 && old >= current ? "2019" : "2021";
}

/**
 * True when a 行政许可/处罚/强制 row holds two or more values: the 2019 table has three columns
 * there (上一年项目数量, 本年增/减, 处理决定数量), the 2021 table one. Used only when no header
 * label tells the format.
 */
function decisionRowsHoldSeveralValues(ctx: ScanContext, cluster: Cluster): boolean {
  for (const hit of cluster.hits) {
    const key = entriesOf(hit, "row", "T2")[0]?.key;
    if (key !== "行政许可" && key !== "行政处罚" && key !== "行政强制") continue;
    let values = 0;
    const end = Math.min(rowLength(ctx, hit.row), hit.column + 1 + (ctx.text ? MAX_COLUMNS : 4));
    for (let c = hit.column + 1; c < end; c += 1) {
      const reading = readCell(cellAt(ctx, hit.row, c), "change");
      if (reading.kind === "number" || reading.kind === "invalid") values += 1;
    }
    if (values >= 2) return true;
  }
  return false;
}
