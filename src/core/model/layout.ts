/**
 * The official printed layout of each table: which label sits in which cell, what is merged, where
 * each data cell goes. The template writers (Excel and .xlsx) and test fixtures draw from here; the
 * reader does not rely on it, because real sheets drift from it.
 */
import type { Grid, RawCell } from "./figures";
import {
  cellId,
  tableDef,
  type CellKey,
  type FormatVersion,
  type TableDef,
  type TableId,
} from "./tables";

export type LayoutRole = "title" | "header" | "label" | "note" | "input" | "total";

/** One cell (or merged area, anchored at its top-left) of a table's official layout. */
export interface LayoutCell {
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly columnSpan: number;
  readonly role: LayoutRole;
  readonly text?: string;
  /** For input and total cells: the data cell placed here. */
  readonly cell?: CellKey;
}

/** A table's official layout: size, cells and suggested column widths (in characters). */
export interface TableLayout {
  readonly table: TableId;
  readonly version: FormatVersion;
  readonly rows: number;
  readonly columns: number;
  readonly cells: readonly LayoutCell[];
  readonly columnWidths: readonly number[];
}

/** The note in table 三's corner cell, part of the official table. */
export const T3_CORNER_NOTE =
  "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

function span(
  row: number,
  column: number,
  rowSpan: number,
  columnSpan: number,
  role: LayoutRole,
  text?: string,
  cell?: CellKey,
): LayoutCell {
  return {
    row,
    column,
    rowSpan,
    columnSpan,
    role,
    ...(text === undefined ? {} : { text }),
    ...(cell === undefined ? {} : { cell }),
  };
}

function layoutT2(def: TableDef): TableLayout {
  const width = 1 + Math.max(...def.blocks.map((b) => b.columns.length), 3);
  const cells: LayoutCell[] = [span(0, 0, 1, width, "title", def.title)];
  let row = 1;
  for (const block of def.blocks) {
    cells.push(span(row, 0, 1, width, "header", block.header));
    row += 1;
    cells.push(span(row, 0, 1, 1, "header", block.columnHeaderLabel));
    const columnSpan = (width - 1) / block.columns.length;
    const spans = block.columns.map((_, i) =>
      Number.isInteger(columnSpan)
        ? columnSpan
        : i === block.columns.length - 1
          ? width - 1 - i
          : 1,
    );
    let column = 1;
    block.columns.forEach((c, i) => {
      cells.push(span(row, column, 1, spans[i]!, "header", c.label));
      column += spans[i]!;
    });
    row += 1;
    for (const r of block.rows) {
      cells.push(span(row, 0, 1, 1, "label", r.label));
      column = 1;
      block.columns.forEach((c, i) => {
        cells.push(
          span(row, column, 1, spans[i]!, "input", undefined, {
            table: "T2",
            row: r.key,
            column: c.key,
          }),
        );
        column += spans[i]!;
      });
      row += 1;
    }
  }
  return {
    table: "T2",
    version: def.version,
    rows: row,
    columns: width,
    cells,
    columnWidths: [18, 14, 14, 14],
  };
}

function layoutT3(def: TableDef): TableLayout {
  const block = def.blocks[0]!;
  const width = 3 + block.columns.length;
  const cells: LayoutCell[] = [
    span(0, 0, 1, width, "title", def.title),
    span(1, 0, 3, 3, "note", T3_CORNER_NOTE),
    span(1, 3, 1, 7, "header", "申请人情况"),
    span(2, 3, 2, 1, "header", "自然人"),
    span(2, 4, 1, 5, "header", "法人或其他组织"),
    span(2, 9, 2, 1, "header", "总计"),
    ...block.columns.slice(1, 6).map((c, i) => span(3, 4 + i, 1, 1, "header", c.label)),
  ];
  const first = 4;
  const resultRows = block.rows.filter((r) => r.path !== undefined && r.path.length > 0);
  const resultStart = first + block.rows.indexOf(resultRows[0]!);
  cells.push(span(resultStart, 0, resultRows.length, 1, "label", resultRows[0]!.path![0]));
  const groupsSeen = new Set<string>();
  block.rows.forEach((r, i) => {
    const row = first + i;
    const path = r.path ?? [];
    if (path.length === 0) {
      cells.push(span(row, 0, 1, 3, "label", r.label));
    } else if (path.length === 1) {
      cells.push(span(row, 1, 1, 2, "label", r.label));
    } else {
      const group = path[1]!;
      if (!groupsSeen.has(group)) {
        groupsSeen.add(group);
        const size = block.rows.filter((x) => x.path?.[1] === group).length;
        cells.push(span(row, 1, size, 1, "label", group));
      }
      cells.push(span(row, 2, 1, 1, "label", r.label));
    }
    block.columns.forEach((c, j) => {
      const total = r.total === true || c.key === def.totalColumn;
      cells.push(
        span(row, 3 + j, 1, 1, total ? "total" : "input", undefined, {
          table: "T3",
          row: r.key,
          column: c.key,
        }),
      );
    });
  });
  return {
    table: "T3",
    version: def.version,
    rows: first + block.rows.length,
    columns: width,
    cells,
    columnWidths: [12, 14, 30, 9, 9, 9, 9, 9, 9, 9],
  };
}

function layoutT4(def: TableDef): TableLayout {
  const block = def.blocks[0]!;
  const groups = block.rows;
  const results = block.columns;
  const width = groups.length * results.length;
  const cells: LayoutCell[] = [
    span(0, 0, 1, width, "title", def.title),
    span(1, 0, 1, results.length, "header", groups[0]!.label),
    span(1, results.length, 1, width - results.length, "header", groups[1]!.path![0]),
    ...results.map((c, i) => span(2, i, 2, 1, "header", c.label)),
  ];
  groups.slice(1).forEach((g, gi) => {
    const start = results.length * (gi + 1);
    cells.push(span(2, start, 1, results.length, "header", g.label));
    results.forEach((c, i) => cells.push(span(3, start + i, 1, 1, "header", c.label)));
  });
  groups.forEach((g, gi) =>
    results.forEach((c, i) => {
      const role = c.key === def.totalColumn ? "total" : "input";
      cells.push(
        span(4, gi * results.length + i, 1, 1, role, undefined, {
          table: "T4",
          row: g.key,
          column: c.key,
        }),
      );
    }),
  );
  return {
    table: "T4",
    version: def.version,
    rows: 5,
    columns: width,
    cells,
    columnWidths: Array<number>(width).fill(7),
  };
}

/** The official layout of a table in a format version. */
export function officialLayout(table: TableId, version: FormatVersion = "2021"): TableLayout {
  const def = tableDef(table, version);
  if (table === "T2") return layoutT2(def);
  if (table === "T3") return layoutT3(def);
  return layoutT4(def);
}

/**
 * A grid holding a table in its official layout: labels in the top-left cell of each merge,
 * `value(cell)` in each data cell, null elsewhere. For fixtures and template previews.
 */
export function renderLayout(
  layout: TableLayout,
  value: (cell: CellKey) => RawCell,
  sheet = "Sheet1",
  origin = "A1",
): Grid {
  const values: RawCell[][] = Array.from({ length: layout.rows }, () =>
    Array<RawCell>(layout.columns).fill(null),
  );
  for (const c of layout.cells) {
    const text = c.cell !== undefined ? value(c.cell) : (c.text ?? null);
    values[c.row]![c.column] = text;
  }
  return { sheet, origin, values };
}

/** Where each data cell sits in a layout, by `cellId`. */
export function layoutPositions(layout: TableLayout): Map<string, { row: number; column: number }> {
  const positions = new Map<string, { row: number; column: number }>();
  for (const c of layout.cells) {
    if (c.cell !== undefined) positions.set(cellId(c.cell), { row: c.row, column: c.column });
  }
  return positions;
}
