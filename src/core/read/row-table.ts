/**
 * Reads a table whose data rows carry row labels (table 二, table 三, and table 四 when written
 * as three labelled rows) from a cluster of label hits: which row each grid row is, where each
 * block's values are, and what is missing, doubled, out of order or unknown.
 */
import { rangeAddress } from "../model/address";
import type { FigureCell, LocatedTable, StructureIssue } from "../model/figures";
import {
  cellId,
  dataCells,
  type BlockDef,
  type TableDef,
  type TableId,
  type ValueDomain,
} from "../model/tables";
import { matchHeaders, resolvePositions, valueColumns, VALUE_SEARCH_WIDTH } from "./columns";
import { closestLabel, type LabelEntry } from "./labels";
import {
  addressOf,
  cellAt,
  entriesOf,
  Extent,
  figureAt,
  isBlank,
  isLabelLike,
  maxOf,
  minOf,
  rowCount,
  rowLength,
  variantIssue,
  type Hit,
  type Located,
  type ScanContext,
} from "./scan";

/** How many rows above a block's first data row its header labels may be. */
export const HEADER_WINDOW = 8;

/** Label hits that belong to one table: its row labels and group labels, in reading order. */
export interface RowCluster {
  readonly table: TableId;
  readonly hits: readonly Hit[];
}

interface DataRow {
  readonly row: number;
  readonly hit: Hit;
  readonly entry: LabelEntry;
  readonly block: BlockDef;
}

interface RowPlace {
  readonly block: BlockDef;
  readonly order: number;
}

/** A table read from a cluster of row-label hits, in the given table definition. */
/** Each table definition's data-cell domains by row and column, made once per definition. */
const DOMAINS = new WeakMap<TableDef, ReadonlyMap<string, ReadonlyMap<string, ValueDomain>>>();

function domainsOf(def: TableDef): ReadonlyMap<string, ReadonlyMap<string, ValueDomain>> {
  let domains = DOMAINS.get(def);
  if (domains === undefined) {
    const made = new Map<string, Map<string, ValueDomain>>();
    for (const d of dataCells(def)) {
      let columns = made.get(d.row);
      if (columns === undefined) made.set(d.row, (columns = new Map<string, ValueDomain>()));
      // A cell defined twice keeps its last domain, as a map filled in reading order does.
      columns.set(d.column, d.domain);
    }
    DOMAINS.set(def, (domains = made));
  }
  return domains;
}

export function readRowTable(ctx: ScanContext, cluster: RowCluster, def: TableDef): Located {
  const issues: StructureIssue[] = [];
  const extent = new Extent();
  const places = new Map<string, RowPlace>();
  def.blocks.forEach((block) => {
    for (const r of block.rows) places.set(r.key, { block, order: places.size });
  });

  const byRow = new Map<number, Hit[]>();
  let labelLeft = Number.POSITIVE_INFINITY;
  let labelRight = Number.NEGATIVE_INFINITY;
  for (const hit of cluster.hits) {
    const list = byRow.get(hit.row) ?? [];
    list.push(hit);
    byRow.set(hit.row, list);
    labelLeft = Math.min(labelLeft, hit.column);
    labelRight = Math.max(labelRight, hit.column);
    extent.add(hit.row, hit.column);
  }
  const gridRows = [...byRow.keys()].sort((a, b) => a - b);

  const first = gridRows[0] ?? 0;
  const last = gridRows[gridRows.length - 1] ?? 0;
  // Every row of the table: those with labels, and those between them with words no label has.
  const lines = new Map<number, readonly Hit[]>(byRow);
  for (const loose of looseRows(ctx, def.id, byRow, first, last, labelLeft, labelRight))
    lines.set(loose.row, [loose]);
  const inside = (r: number): boolean => r >= first && r <= last;
  const rows = [...lines.keys()].sort((a, b) => a - b);
  const labelled = rows.map((r) => rowLabel(def, lines.get(r) ?? []));
  const exact = new Set(labelled.map((l) => l?.entry.key));
  // For each row, the order of the next labelled row below it (where a reworded row must fit).
  const nextOrders: number[] = new Array<number>(rows.length).fill(Number.POSITIVE_INFINITY);
  for (let i = rows.length - 2; i >= 0; i -= 1) {
    const below = labelled[i + 1]?.entry.key;
    nextOrders[i] =
      below === undefined
        ? (nextOrders[i + 1] ?? Number.POSITIVE_INFINITY)
        : (places.get(below)?.order ?? Number.POSITIVE_INFINITY);
  }

  const accepted: DataRow[] = [];
  const seen = new Set<string>();
  let highest = -1;
  rows.forEach((r, index) => {
    const hits = lines.get(r) ?? [];
    let chosen = labelled[index];
    if (chosen === undefined) {
      const loose = hits.find((h) => h.entries.length === 0);
      if (loose !== undefined) {
        const nextOrder = nextOrders[index] ?? Number.POSITIVE_INFINITY;
        chosen = reworded(def, loose, places, exact, seen, highest, nextOrder);
        if (chosen === undefined && inside(r))
          issues.push(unknownIssue(ctx, r, loose.column, loose.raw));
      } else {
        // A row label of the other format (其他对外管理服务事项 in a 2021 table); not a group label.
        const other = hits.find(
          (h) =>
            entriesOf(h, "row", def.id).length > 0 &&
            entriesOf(h, "group", def.id, def.version).length === 0,
        );
        if (other !== undefined) issues.push(unknownIssue(ctx, r, other.column, other.raw));
      }
    }
    if (chosen === undefined) return;
    const key = chosen.entry.key ?? "";
    const place = places.get(key);
    if (place === undefined) return;
    const address = addressOf(ctx, r, chosen.hit.column);
    if (seen.has(key)) {
      issues.push({
        code: "row-duplicated",
        row: key,
        ...(address === undefined ? {} : { address }),
      });
      return;
    }
    seen.add(key);
    if (chosen.entry.variant) issues.push(variantIssue(ctx, chosen.hit, chosen.entry));
    if (place.order < highest) {
      issues.push({
        code: "row-out-of-order",
        row: key,
        ...(address === undefined ? {} : { address }),
      });
    }
    highest = Math.max(highest, place.order);
    extent.add(r, chosen.hit.column);
    accepted.push({ row: r, hit: chosen.hit, entry: chosen.entry, block: place.block });
  });

  const cells = new Map<string, FigureCell>();
  const domains = domainsOf(def);
  const place = (data: DataRow, columnKey: string, column: number): void => {
    const key = { table: def.id, row: data.entry.key ?? "", column: columnKey };
    const domain = domains.get(key.row)?.get(columnKey) ?? data.block.domain;
    cells.set(cellId(key), figureAt(ctx, key, domain, data.row, column));
    extent.add(data.row, column);
  };

  if (ctx.text) readTrailing(ctx, accepted, place, issues);
  else readColumns(ctx, def, accepted, labelRight, place, issues, extent);

  for (const block of def.blocks) {
    for (const r of block.rows)
      if (!seen.has(r.key)) issues.push({ code: "row-missing", row: r.key });
  }
  addHeaders(ctx, def, first, last, labelLeft, extent, issues);

  return finish(ctx, def, cells, issues, extent);
}

function unknownIssue(
  ctx: ScanContext,
  row: number,
  column: number,
  found: string,
): StructureIssue {
  const address = addressOf(ctx, row, column);
  return { code: "row-unknown", found, ...(address === undefined ? {} : { address }) };
}

/** The right-most row label of this table's format in a grid row, if any. */
function rowLabel(
  def: TableDef,
  hits: readonly Hit[],
): { hit: Hit; entry: LabelEntry } | undefined {
  let chosen: { hit: Hit; entry: LabelEntry } | undefined;
  for (const hit of hits) {
    const entry = entriesOf(hit, "row", def.id, def.version)[0];
    if (entry !== undefined && (chosen === undefined || hit.column > chosen.hit.column))
      chosen = { hit, entry };
  }
  return chosen;
}

/**
 * A reworded row label taken for the row it stands for (closestLabel): only a row that no label
 * names exactly, not yet seen, and whose place lies between the rows around it.
 */
function reworded(
  def: TableDef,
  loose: Hit,
  places: ReadonlyMap<string, RowPlace>,
  exact: ReadonlySet<string | undefined>,
  seen: ReadonlySet<string>,
  highest: number,
  nextOrder: number,
): { hit: Hit; entry: LabelEntry } | undefined {
  const rows = def.blocks.flatMap((b) => b.rows);
  const open = rows.filter((r) => {
    const order = places.get(r.key)?.order ?? -1;
    return !exact.has(r.key) && !seen.has(r.key) && order > highest && order < nextOrder;
  });
  const label = closestLabel(
    loose.raw,
    open.map((r) => r.label),
  );
  const row = open.find((r) => r.label === label);
  const place = row === undefined ? undefined : places.get(row.key);
  if (row === undefined || place === undefined) return undefined;
  const entry: LabelEntry = {
    role: "row",
    table: def.id,
    version: def.version,
    official: row.label,
    variant: true,
    block: place.block.key,
    key: row.key,
  };
  return { hit: { ...loose, entries: [entry] }, entry };
}

/** How many rows above and below its labelled rows a reworded first or last row may be. */
const EDGE_ROWS = 2;
/** How far past the labelled rows (over header rows of the table) the edge rows are looked for. */
const EDGE_REACH = 8;

/**
 * Rows with words in the label columns (a text: in the first filled cell) that are no label, each
 * as a hit with no entries: inside the table (between its first and last labelled rows), and just
 * above or below it, past the table's own header rows, where a reworded first or last row may be.
 */
function looseRows(
  ctx: ScanContext,
  table: TableId,
  byRow: ReadonlyMap<number, readonly Hit[]>,
  first: number,
  last: number,
  labelLeft: number,
  labelRight: number,
): Hit[] {
  const found: Hit[] = [];
  const looseAt = (r: number): Hit | undefined => {
    const from = ctx.text ? 0 : labelLeft;
    const to = ctx.text ? rowLength(ctx, r) - 1 : labelRight;
    for (let c = from; c <= to; c += 1) {
      const value = cellAt(ctx, r, c);
      if (ctx.text && isBlank(value)) continue;
      if (isLabelLike(value)) return { row: r, column: c, raw: value, entries: [] };
      if (ctx.text) return undefined;
    }
    return undefined;
  };
  for (let r = first + 1; r < last; r += 1) {
    if (byRow.has(r)) continue;
    const hits = ctx.hitsByRow.get(r) ?? [];
    if (hits.some((h) => h.entries.some((e) => e.table === table))) continue;
    const loose = looseAt(r);
    if (loose !== undefined) found.push(loose);
  }
  for (const step of [-1, 1]) {
    let taken = 0;
    for (let n = 1; n <= EDGE_REACH && taken < EDGE_ROWS; n += 1) {
      const r = (step < 0 ? first : last) + step * n;
      if (r < 0 || r >= rowCount(ctx)) break;
      const hits = ctx.hitsByRow.get(r) ?? [];
      if (hits.length > 0) {
        // The table's own header rows are passed over; anything else ends the search.
        const header = hits.every((h) =>
          h.entries.some((e) => e.table === table && e.role !== "row" && e.role !== "group"),
        );
        if (!header) break;
        continue;
      }
      const loose = looseAt(r);
      if (loose !== undefined) {
        found.push(loose);
        taken += 1;
      } else if (
        !rowIsBlank(ctx, r, ctx.text ? 0 : labelLeft, ctx.text ? rowLength(ctx, r) - 1 : labelRight)
      ) {
        taken += 1;
      }
    }
  }
  return found;
}

function rowIsBlank(ctx: ScanContext, row: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c += 1) if (!isBlank(cellAt(ctx, row, c))) return false;
  return true;
}

/**
 * Text rows: a data row's values are the cells after its label, the last ones when too many. A row
 * with fewer cells than columns and some figure among them lost blank cells in the copy: which
 * figure is in which column cannot be told, so the row is reported (row-short) and not read.
 */
function readTrailing(
  ctx: ScanContext,
  rows: readonly DataRow[],
  place: (data: DataRow, columnKey: string, column: number) => void,
  issues: StructureIssue[],
): void {
  for (const data of rows) {
    const columns = data.block.columns;
    const width = rowLength(ctx, data.row);
    const tail: number[] = [];
    for (let c = data.hit.column + 1; c < width; c += 1) tail.push(c);
    let picks: number[];
    if (tail.length < columns.length) {
      const filled = tail.filter((c) => !isBlank(cellAt(ctx, data.row, c))).length;
      if (filled > 0)
        issues.push({
          code: "row-short",
          row: data.entry.key ?? "",
          found: String(filled),
          expected: String(columns.length),
        });
      continue;
    } else if (tail.length === columns.length) {
      picks = tail;
    } else if (columns.length === 1) {
      const filled = tail.filter((c) => !isBlank(cellAt(ctx, data.row, c)));
      picks = [filled.length === 1 ? filled[0]! : tail[0]!];
    } else {
      picks = tail.slice(tail.length - columns.length);
    }
    picks.forEach((column, i) => {
      const key = columns[i]?.key;
      if (key !== undefined) place(data, key, column);
    });
  }
}

/** Sheet rows: each block's value columns from its header labels or from the filled columns. */
function readColumns(
  ctx: ScanContext,
  def: TableDef,
  rows: readonly DataRow[],
  labelRight: number,
  place: (data: DataRow, columnKey: string, column: number) => void,
  issues: StructureIssue[],
  extent: Extent,
): void {
  const widest = Math.max(0, ...def.blocks.map((b) => b.columns.length));
  const dataRows = rows.map((d) => d.row);
  const candidates = valueColumns(ctx, dataRows, labelRight + 1, widest);
  let rowEnd = 0;
  for (const r of dataRows) rowEnd = Math.max(rowEnd, rowLength(ctx, r));
  const missing = new Set<string>();

  for (const block of def.blocks) {
    const blockRows = rows.filter((d) => d.block === block);
    if (blockRows.length === 0) continue;
    const firstRow = minOf(blockRows.map((d) => d.row));
    const before = dataRows.filter((r) => r < firstRow);
    const top = Math.max(0, firstRow - HEADER_WINDOW, before.length > 0 ? maxOf(before) + 1 : 0);
    const headers: { key: string; column: number; hit: Hit; entry: LabelEntry }[] = [];
    for (let r = top; r < firstRow; r += 1) {
      for (const hit of ctx.hitsByRow.get(r) ?? []) {
        if (hit.column <= labelRight || hit.column > labelRight + VALUE_SEARCH_WIDTH) continue;
        for (const entry of entriesOf(hit, "column", def.id, def.version)) {
          if (entry.block === block.key)
            headers.push({ key: entry.key ?? "", column: hit.column, hit, entry });
        }
      }
    }
    const matched = matchHeaders(
      headers,
      block.columns.map((c) => c.key),
    );
    for (const m of matched) if (m !== undefined) extent.add(m.hit.row, m.hit.column);
    const positions = resolvePositions(
      matched.map((m) => m?.column),
      candidates,
      labelRight,
    ).map((p) => (p !== undefined && p < rowEnd ? p : undefined));

    block.columns.forEach((column, i) => {
      const position = positions[i];
      if (position === undefined) {
        if (!missing.has(column.key)) issues.push({ code: "column-missing", column: column.key });
        missing.add(column.key);
        return;
      }
      for (const data of blockRows) {
        let at = position;
        if (block.columns.length === 1 && isBlank(cellAt(ctx, data.row, at))) {
          // A merged value typed into another cell of the merge: take it when it is the only one.
          const filled = candidates.filter((c) => c !== at && !isBlank(cellAt(ctx, data.row, c)));
          if (filled.length === 1) at = filled[0]!;
        }
        place(data, column.key, at);
      }
    });
  }
}

/**
 * Titles and header labels of the table above and inside it: added to its range, and each one
 * written as a variant reported (R9).
 */
function addHeaders(
  ctx: ScanContext,
  def: TableDef,
  first: number,
  last: number,
  labelLeft: number,
  extent: Extent,
  issues: StructureIssue[],
): void {
  const right = extent.empty ? labelLeft : extent.right;
  let titleSeen = false;
  for (let r = Math.max(0, first - HEADER_WINDOW); r <= last; r += 1) {
    for (const hit of ctx.hitsByRow.get(r) ?? []) {
      if (!ctx.text && (hit.column < labelLeft - 2 || hit.column > right + 2)) continue;
      const own = hit.entries.filter(
        (e) =>
          e.table === def.id &&
          e.version === def.version &&
          (e.role === "title" || e.role === "block" || e.role === "header" || e.role === "column"),
      );
      if (own.length === 0) continue;
      extent.add(hit.row, hit.column);
      const title = own.some((e) => e.role === "title");
      if (title && titleSeen) continue;
      titleSeen ||= title;
      const variant = own.find((e) => e.variant);
      if (variant !== undefined && own.every((e) => e.variant)) {
        issues.push(variantIssue(ctx, hit, variant));
      }
    }
  }
}

/** The located table with its sheet and range (sheets only). */
export function finish(
  ctx: ScanContext,
  def: TableDef,
  cells: ReadonlyMap<string, FigureCell>,
  structure: readonly StructureIssue[],
  extent: Extent,
): Located {
  const top = extent.empty ? 0 : extent.top;
  const left = extent.empty ? 0 : extent.left;
  const bottom = extent.empty ? 0 : extent.bottom;
  const right = extent.empty ? 0 : extent.right;
  const ordered = new Map<string, FigureCell>();
  for (const d of dataCells(def)) {
    const id = cellId(d);
    const cell = cells.get(id);
    if (cell !== undefined) ordered.set(id, cell);
  }
  const table: LocatedTable = ctx.text
    ? { table: def.id, version: def.version, cells: ordered, structure }
    : {
        table: def.id,
        version: def.version,
        sheet: ctx.sheet,
        range: rangeAddress(
          ctx.originRow + top,
          ctx.originColumn + left,
          ctx.originRow + bottom,
          ctx.originColumn + right,
        ),
        cells: ordered,
        structure,
      };
  return { table, top, left, bottom, right };
}
