/**
 * The per-file result of `check` in the shape other tools consume (issue 4's JSON): the tables
 * found, the findings with sheet-qualified addresses (or `where` keys for Word and text reports),
 * messages in the chosen language. Built once per file, so the batch keeps no workbook around.
 */
import { qualify } from "../core/model/address";
import type { FormatVersion, TableId } from "../core/model/tables";
import type { LocatedTable } from "../core/model/figures";
import { formatFinding, formatFix } from "../core/locales/messages";
import type { Locale } from "../core/locales/locale";
import type { CellRef, Finding, Problem, RuleId, Severity } from "../core/rules/finding";

/** A table found in a file. */
export interface TableEntry {
  readonly table: TableId;
  readonly format: FormatVersion;
  readonly sheet?: string;
  readonly range?: string;
}

/** A cell by its keys: the table, the row key and the column key of the official format. */
export interface WhereEntry {
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
}

/** One finding as output. */
export interface FindingEntry {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly table?: TableId;
  /** Sheet-qualified A1 addresses of the cells that have one (workbooks); empty for text reports. */
  readonly cells: readonly string[];
  /** Every cell by its keys, for all file kinds. */
  readonly where: readonly WhereEntry[];
  readonly reported?: number;
  readonly computed?: number;
  readonly difference?: number;
  readonly fix?: { readonly cell?: string; readonly where: WhereEntry; readonly value: number };
  readonly message: string;
  /** Not in JSON: the fix as a sentence, and the problem the finding belongs to (for text output). */
  readonly fixText?: string;
  readonly problem: number;
}

/** One file as output. */
export interface FileEntry {
  readonly file: string;
  readonly status: "checked" | "unreadable";
  readonly error?: string;
  readonly tables: readonly TableEntry[];
  readonly findings: readonly FindingEntry[];
  /** Not in JSON: the --last-year report is of this report's year or later, so it was not compared. */
  readonly lastYearNotEarlier?: { readonly lastYear: number; readonly year: number };
}

function whereOf(cell: CellRef): WhereEntry {
  return { table: cell.table, row: cell.row, column: cell.column };
}

/** The table entries of located tables. */
export function tableEntries(tables: readonly LocatedTable[]): TableEntry[] {
  return tables.map((t) => ({
    table: t.table,
    format: t.version,
    ...(t.sheet === undefined || t.sheet === "" ? {} : { sheet: t.sheet }),
    ...(t.range === undefined ? {} : { range: t.range }),
  }));
}

/** A located table's range, sheet-qualified ("表三!A3:J31"), for text output. */
export function qualifiedRange(t: TableEntry): string | undefined {
  return t.sheet === undefined || t.range === undefined ? undefined : qualify(t.sheet, t.range);
}

/** The finding entries of a check, problem by problem (a shared fix first, then its findings). */
export function findingEntries(problems: readonly Problem[], locale: Locale): FindingEntry[] {
  const entries: FindingEntry[] = [];
  problems.forEach((problem, index) => {
    for (const f of problem.findings) entries.push(findingEntry(f, index, locale));
  });
  return entries;
}

function findingEntry(f: Finding, problem: number, locale: Locale): FindingEntry {
  const cells = f.cells.flatMap((c) => (c.address === undefined ? [] : [c.address]));
  return {
    rule: f.rule,
    severity: f.severity,
    ...(f.table === undefined ? {} : { table: f.table }),
    cells,
    where: f.cells.map(whereOf),
    ...(f.reported === undefined ? {} : { reported: f.reported }),
    ...(f.computed === undefined ? {} : { computed: f.computed }),
    ...(f.difference === undefined ? {} : { difference: f.difference }),
    ...(f.fix === undefined
      ? {}
      : {
          fix: {
            ...(f.fix.cell.address === undefined ? {} : { cell: f.fix.cell.address }),
            where: whereOf(f.fix.cell),
            value: f.fix.value,
          },
          fixText: formatFix(f.fix, locale),
        }),
    message: formatFinding(f, locale),
    problem,
  };
}

/** The JSON form of a finding entry, keys in the documented order, internal fields left out. */
export function findingJson(f: FindingEntry): Record<string, unknown> {
  return {
    rule: f.rule,
    severity: f.severity,
    ...(f.table === undefined ? {} : { table: f.table }),
    cells: f.cells,
    where: f.where,
    ...(f.reported === undefined ? {} : { reported: f.reported }),
    ...(f.computed === undefined ? {} : { computed: f.computed }),
    ...(f.difference === undefined ? {} : { difference: f.difference }),
    ...(f.fix === undefined ? {} : { fix: f.fix }),
    message: f.message,
  };
}

/** The JSON form of a file entry. */
export function fileJson(e: FileEntry): Record<string, unknown> {
  return {
    file: e.file,
    status: e.status,
    ...(e.error === undefined ? {} : { error: e.error }),
    tables: e.tables,
    findings: e.findings.map(findingJson),
  };
}
