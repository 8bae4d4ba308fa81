/**
 * Builders for tests: located tables straight from figures (no reader involved), and the
 * transcribed cases of test/fixtures/cases turned into located tables.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { FigureCell, LocatedTable, RawCell } from "../../src/core/model/figures";
import { normalizeLabel } from "../../src/core/model/normalize";
import { readCell } from "../../src/core/read/cell";
import {
  cellId,
  dataCells,
  tableDef,
  type FormatVersion,
  type TableId,
} from "../../src/core/model/tables";

export const FIXTURES = path.join(__dirname, "..", "fixtures");

/** A cell value of a transcribed case: a value, visibly blank (null), or not visible ("n/v"). */
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- "n/v" documents the marker though string covers it
export type CaseValue = RawCell | "n/v";

/**
 * A located table from rows of values keyed by row key, in column order. Cells given as "n/v"
 * and rows not given are left out, as a reader leaves out what it cannot see.
 */
export function buildTable(
  table: TableId,
  rows: Readonly<Record<string, readonly CaseValue[]>>,
  version: FormatVersion = "2021",
  sheet?: string,
): LocatedTable {
  const def = tableDef(table, version);
  const cells = new Map<string, FigureCell>();
  for (const block of def.blocks) {
    for (const r of block.rows) {
      const values = rows[r.key];
      if (values === undefined) continue;
      block.columns.forEach((c, i) => {
        const raw = values[i];
        if (raw === undefined || raw === "n/v") return;
        const d = dataCells(def).find((x) => x.row === r.key && x.column === c.key)!;
        const key = { table, row: r.key, column: c.key };
        cells.set(cellId(key), { ...key, raw, reading: readCell(raw, d.domain) });
      });
    }
  }
  return { table, version, cells, structure: [], ...(sheet === undefined ? {} : { sheet }) };
}

/** The parsed JSON of a case file. */
export interface CaseFile {
  case_id: string;
  agency: string;
  agency_level: string;
  year: number;
  format_version: string;
  table2: null | Record<string, unknown>;
  table3: null | { layout: string; rows: Record<string, CaseValue[]> };
  table4: null | { rows: Record<string, CaseValue[]> };
  narrative_numbers: string[];
  narrative_facts: Record<string, unknown>;
  findings: { code: string; text: string }[];
}

/** Every case file, by case id. */
export function loadCases(): CaseFile[] {
  const dir = path.join(FIXTURES, "cases");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as CaseFile);
}

const T4_ROWS: Record<string, string> = {
  行政复议: "复议",
  未经复议直接起诉: "直诉",
  复议后起诉: "复诉",
};

/** The tables of a case as located tables (table 二 rows matched by official label or variant). */
export function caseTables(c: CaseFile): LocatedTable[] {
  const tables: LocatedTable[] = [];
  if (c.table2 !== null) {
    const version: FormatVersion = c.table2["layout"] === "2019-trial" ? "2019" : "2021";
    const def = tableDef("T2", version);
    const rows: Record<string, CaseValue[]> = {};
    for (const block of def.blocks) {
      const published = c.table2[block.key] as { rows: Record<string, CaseValue[]> } | undefined;
      if (published === undefined) continue;
      for (const [label, values] of Object.entries(published.rows)) {
        const n = normalizeLabel(label);
        const r = block.rows.find(
          (x) =>
            normalizeLabel(x.label) === n ||
            (x.variants ?? []).some((v) => normalizeLabel(v) === n),
        );
        if (r !== undefined) rows[r.key] = values;
      }
    }
    tables.push(buildTable("T2", rows, version));
  }
  if (c.table3 !== null) {
    const version: FormatVersion = "三(六)" in c.table3.rows ? "2019" : "2021";
    tables.push(buildTable("T3", c.table3.rows, version));
  }
  if (c.table4 !== null) {
    const rows: Record<string, CaseValue[]> = {};
    for (const [label, values] of Object.entries(c.table4.rows)) rows[T4_ROWS[label]!] = values;
    tables.push(buildTable("T4", rows));
  }
  return tables;
}

/** The seed report's tables (曲阜市时庄街道 2024), from its transcription. */
export function seedTables(): LocatedTable[] {
  return caseTables(loadCases().find((c) => c.case_id === "seed-shizhuang-2024")!);
}

/** The seed report's full text. */
export function seedText(): string {
  return fs.readFileSync(path.join(FIXTURES, "seed-report-shizhuang-2024.txt"), "utf8");
}
