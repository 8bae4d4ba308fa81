/**
 * A transcribed case rendered the way it was published: its tables laid out on one sheet in the
 * official layout but with the labels as published, its visible rows only; then read back by the
 * real reader. Cells that were not visible in the stored copy ("n/v") are dropped after reading,
 * and rows that were never visible are not reported missing: the copy was truncated, not the table.
 */
import { AGENCY_LEVELS, type AgencyLevel } from "../../src/core/model/agency";
import type { Grid, LocatedTable, RawCell } from "../../src/core/model/figures";
import { officialLayout } from "../../src/core/model/layout";
import { normalizeLabel } from "../../src/core/model/normalize";
import { cellId, tableDef, type CellKey, type FormatVersion } from "../../src/core/model/tables";
import { locateTables } from "../../src/core/read/locate";
import type { CaseFile, CaseValue } from "./build";

interface Rendered {
  readonly rows: RawCell[][];
  readonly hidden: Set<string>;
  readonly visibleRows: Set<string>;
}

const T4_ROWS: Record<string, string> = {
  复议: "行政复议",
  直诉: "未经复议直接起诉",
  复诉: "复议后起诉",
};

function renderTable(
  table: "T2" | "T3" | "T4",
  version: FormatVersion,
  values: (key: CellKey) => CaseValue | undefined,
  relabel: (official: string) => string,
  lastRow?: number,
): Rendered {
  const layout = officialLayout(table, version);
  const height = lastRow === undefined ? layout.rows : lastRow + 1;
  const rows: RawCell[][] = Array.from({ length: height }, () =>
    Array<RawCell>(layout.columns).fill(null),
  );
  const hidden = new Set<string>();
  const visibleRows = new Set<string>();
  for (const c of layout.cells) {
    if (c.row >= height) continue;
    if (c.cell === undefined) {
      rows[c.row]![c.column] = c.text === undefined ? null : relabel(c.text);
      continue;
    }
    const v = values(c.cell);
    if (v === undefined) continue;
    visibleRows.add(c.cell.row);
    if (v === "n/v") hidden.add(cellId(c.cell));
    rows[c.row]![c.column] = v === "n/v" ? null : v;
  }
  return { rows, hidden, visibleRows };
}

/** The case's tables, read from a sheet that shows them as published. */
export function readCase(c: CaseFile): LocatedTable[] {
  const parts: Rendered[] = [];
  if (c.table2 !== null) {
    const version: FormatVersion = c.table2["layout"] === "2019-trial" ? "2019" : "2021";
    const def = tableDef("T2", version);
    const published = new Map<string, string>();
    const rowValues = new Map<string, CaseValue[]>();
    for (const block of def.blocks) {
      const b = c.table2[block.key] as
        { columns: string[]; rows: Record<string, CaseValue[]> } | undefined;
      if (b === undefined) continue;
      block.columns.forEach((col, i) => {
        if (b.columns[i] !== undefined) published.set(`${block.key}|${col.label}`, b.columns[i]);
      });
      for (const [label, values] of Object.entries(b.rows)) {
        const n = normalizeLabel(label);
        const r = block.rows.find(
          (x) =>
            normalizeLabel(x.label) === n ||
            (x.variants ?? []).some((v) => normalizeLabel(v) === n),
        );
        if (r === undefined) continue;
        published.set(`row|${r.label}`, label);
        rowValues.set(r.key, values);
      }
    }
    const columnLabels = new Map<string, string>();
    for (const [k, v] of published)
      if (!k.startsWith("row|")) columnLabels.set(k.split("|")[1]!, v);
    const relabel = (text: string): string =>
      published.get(`row|${text}`) ?? columnLabels.get(text) ?? text;
    const columnIndex = (key: CellKey): number =>
      def.blocks
        .find((b) => b.rows.some((r) => r.key === key.row))!
        .columns.findIndex((x) => x.key === key.column);
    parts.push(
      renderTable("T2", version, (key) => rowValues.get(key.row)?.[columnIndex(key)], relabel),
    );
  }
  if (c.table3 !== null) {
    const rows = c.table3.rows;
    const version: FormatVersion = "三(六)" in rows ? "2019" : "2021";
    const def = tableDef("T3", version);
    const keys = def.blocks[0]!.rows.map((r) => r.key);
    const last = Math.max(...Object.keys(rows).map((k) => keys.indexOf(k)));
    const columns = def.blocks[0]!.columns.map((x) => x.key);
    parts.push(
      renderTable(
        "T3",
        version,
        (key) => rows[key.row]?.[columns.indexOf(key.column)],
        (t) => t,
        4 + last,
      ),
    );
  }
  if (c.table4 !== null) {
    const rows = c.table4.rows;
    const columns = tableDef("T4").blocks[0]!.columns.map((x) => x.key);
    parts.push(
      renderTable(
        "T4",
        "2021",
        (key) => rows[T4_ROWS[key.row]!]?.[columns.indexOf(key.column)],
        (t) => t,
      ),
    );
  }
  const values: RawCell[][] = [];
  for (const p of parts) values.push(...p.rows, [], []);
  const grid: Grid = { sheet: c.case_id.slice(0, 31), origin: "A1", values };
  const hidden = new Set(parts.flatMap((p) => [...p.hidden]));
  const visible = new Set(parts.flatMap((p) => [...p.visibleRows]));
  return locateTables(grid).map((t) => {
    const cells = new Map([...t.cells].filter(([id]) => !hidden.has(id)));
    const structure = t.structure.filter((s) => !(s.code === "row-missing" && !visible.has(s.row)));
    return { ...t, cells, structure };
  });
}

/** The agency level of a case, as the report's settings would give it. */
export function caseAgencyLevel(c: CaseFile): AgencyLevel | undefined {
  const levels: readonly string[] = AGENCY_LEVELS;
  return levels.includes(c.agency_level) ? (c.agency_level as AgencyLevel) : undefined;
}
