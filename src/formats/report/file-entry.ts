/**
 * The per-file result of `check` in the shape other tools consume (issue 4's JSON): the tables
 * found, the findings with sheet-qualified addresses (or `where` keys for Word and text reports),
 * messages in the chosen language. Built once per file, so the batch keeps no workbook around.
 */
import { qualify } from "../../core/model/address";
import {
  cellId,
  dataCells,
  tableDef,
  type FormatVersion,
  type TableId,
} from "../../core/model/tables";
import {
  shownValue,
  type CellReading,
  type FigureCell,
  type LocatedTable,
} from "../../core/model/figures";
import { formatFinding, formatFix } from "../../core/locales/messages";
import type { Locale } from "../../core/locales/locale";
import { quoteFinding } from "../../core/narrative/quote";
import type { CellRef, Finding, Problem, RuleId, Severity } from "../../core/rules/finding";

/**
 * One figure of a table as found, for people who compare reports: its keys (those of `where`), its
 * number (when it has one), what it was read as, the cell as written, and where to find it.
 */
export interface CellEntry {
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
  /** The number the cell holds (also an invalid one: −1, 2.5), else null. */
  readonly value: number | null;
  readonly kind: CellReading["kind"];
  /** The cell as written ("" for a blank cell). */
  readonly text: string;
  /** The sheet-qualified A1 address, else the reader's location ("第3页第12行"); absent for text. */
  readonly address?: string;
}

/** A table found in a file. */
export interface TableEntry {
  readonly table: TableId;
  readonly format: FormatVersion;
  readonly sheet?: string;
  readonly range?: string;
  /** Every data cell found, in the order of the official table. */
  readonly cells: readonly CellEntry[];
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
  /** For a narrative finding: its sentence, shortened around the figures (core/narrative/quote). */
  readonly quote?: string;
  /** For a narrative finding: the spans of the checked text it points at (offsets in UTF-16 units). */
  readonly spans?: readonly {
    readonly start: number;
    readonly end: number;
    readonly text: string;
  }[];
  /** Not in JSON: the fix as a sentence, and the problem the finding belongs to (for text output). */
  readonly fixText?: string;
  readonly problem: number;
}

/**
 * Something about the file as a whole that is not a finding on a cell: a part that could not be
 * read (the check is incomplete), a merged area that hid values.
 */
export interface NoteEntry {
  readonly kind: "unread-part" | "covered-values";
  readonly sheet: string;
  /** unread-part: the package part, and whether it is missing or damaged. */
  readonly part?: string;
  readonly problem?: "missing" | "damaged";
  /** unread-part: the table the sheet's name says it holds, found nowhere else. */
  readonly table?: TableId;
  /** covered-values: the merged area and the covered cells that held values. */
  readonly range?: string;
  readonly cells?: readonly string[];
  readonly message: string;
}

/** One file as output. */
export interface FileEntry {
  readonly file: string;
  /** incomplete: read and checked, but some part of it could not be read (see `notes`). */
  readonly status: "checked" | "unreadable" | "incomplete";
  readonly error?: string;
  readonly tables: readonly TableEntry[];
  readonly findings: readonly FindingEntry[];
  readonly notes?: readonly NoteEntry[];
  /** Not in JSON: the --last-year report is of this report's year or later, so it was not compared. */
  readonly lastYearNotEarlier?: { readonly lastYear: number; readonly year: number };
}

function whereOf(cell: CellRef): WhereEntry {
  return { table: cell.table, row: cell.row, column: cell.column };
}

/** A cell as written: a number as its digits, a blank as "", anything else as its text. */
export function cellText(cell: FigureCell): string {
  return cell.raw === null ? "" : String(cell.raw);
}

/** The cell entry of a figure. */
export function cellEntry(cell: FigureCell): CellEntry {
  const address = cell.address ?? cell.location;
  return {
    table: cell.table,
    row: cell.row,
    column: cell.column,
    value: shownValue(cell.reading) ?? null,
    kind: cell.reading.kind,
    text: cellText(cell),
    ...(address === undefined ? {} : { address }),
  };
}

/** The cells of a located table in the order of its official definition. */
export function tableCells(t: LocatedTable): FigureCell[] {
  return dataCells(tableDef(t.table, t.version)).flatMap((d) => {
    const cell = t.cells.get(cellId(d));
    return cell === undefined ? [] : [cell];
  });
}

/** The table entries of located tables. */
export function tableEntries(tables: readonly LocatedTable[]): TableEntry[] {
  return tables.map((t) => ({
    table: t.table,
    format: t.version,
    ...(t.sheet === undefined || t.sheet === "" ? {} : { sheet: t.sheet }),
    ...(t.range === undefined ? {} : { range: t.range }),
    cells: tableCells(t).map(cellEntry),
  }));
}

/** A located table's range, sheet-qualified ("表三!A3:J31"), for text output. */
export function qualifiedRange(t: TableEntry): string | undefined {
  return t.sheet === undefined || t.range === undefined ? undefined : qualify(t.sheet, t.range);
}

/**
 * The finding entries of a check, problem by problem (a shared fix first, then its findings).
 * `narrative` is the text the check read, which narrative findings' spans point into.
 */
export function findingEntries(
  problems: readonly Problem[],
  locale: Locale,
  narrative?: string,
): FindingEntry[] {
  const entries: FindingEntry[] = [];
  problems.forEach((problem, index) => {
    for (const f of problem.findings) entries.push(findingEntry(f, index, locale, narrative));
  });
  return entries;
}

function findingEntry(
  f: Finding,
  problem: number,
  locale: Locale,
  narrative: string | undefined,
): FindingEntry {
  const cells = f.cells.flatMap((c) => (c.address === undefined ? [] : [c.address]));
  const quote = narrative === undefined ? undefined : quoteFinding(narrative, f);
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
    ...(quote === undefined ? {} : { quote }),
    ...(f.spans === undefined || f.spans.length === 0
      ? {}
      : { spans: f.spans.map((x) => ({ start: x.start, end: x.end, text: x.text })) }),
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
    ...(f.quote === undefined ? {} : { quote: f.quote }),
    ...(f.spans === undefined ? {} : { spans: f.spans }),
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
    ...(e.notes === undefined || e.notes.length === 0 ? {} : { notes: e.notes }),
  };
}
