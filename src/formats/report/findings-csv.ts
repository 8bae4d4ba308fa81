/**
 * The findings of `check --format csv`, one row per finding (and one per note, per unreadable
 * file, and one for a file without either), shared by the command line and the offline page.
 */
import { csvLine } from "./csv";
import type { FileEntry } from "./file-entry";

/** The CSV columns, one row per finding (and one per unreadable file). */
export const CSV_COLUMNS = [
  "file",
  "status",
  "rule",
  "severity",
  "table",
  "cells",
  "where",
  "reported",
  "computed",
  "difference",
  "fix_cell",
  "fix_value",
  "message",
  "quote",
] as const;

/** A row's values, parallel to CSV_COLUMNS (trailing ones may be absent). */
export type FindingValues = readonly (string | number | undefined)[];

/** The rows of one file's entry, parallel to CSV_COLUMNS (also the 汇总 workbook's findings sheet). */
export function entryRows(entry: FileEntry): FindingValues[] {
  const lines: FindingValues[] = [];
  const row = (values: FindingValues): void => void lines.push(values);
  if (entry.status === "unreadable") {
    row([entry.file, entry.status, "", "", "", "", "", "", "", "", "", "", entry.error, ""]);
    return lines;
  }
  for (const note of entry.notes ?? [])
    row([
      entry.file,
      entry.status,
      "",
      "",
      note.table,
      note.cells?.join(" "),
      "",
      "",
      "",
      "",
      "",
      "",
      note.message,
    ]);
  if (entry.findings.length === 0 && (entry.notes ?? []).length === 0)
    row([entry.file, entry.status]);
  for (const f of entry.findings) {
    row([
      entry.file,
      entry.status,
      f.rule,
      f.severity,
      f.table,
      f.cells.join(" "),
      f.where.map((w) => `${w.table}/${w.row}/${w.column}`).join(" "),
      f.reported,
      f.computed,
      f.difference,
      f.fix?.cell ??
        (f.fix === undefined
          ? undefined
          : `${f.fix.where.table}/${f.fix.where.row}/${f.fix.where.column}`),
      f.fix?.value,
      f.message,
      f.quote,
    ]);
  }
  return lines;
}

/** The CSV lines of one file's entry (CRLF-terminated, no header). */
export function csvEntryLines(entry: FileEntry): string {
  return entryRows(entry).map(csvLine).join("");
}

/** The whole CSV of some entries: byte-order mark (so Excel on Chinese Windows opens it as UTF-8), header, rows. */
export function findingsCsvText(entries: readonly FileEntry[]): string {
  return `\ufeff${CSV_COLUMNS.join(",")}\r\n${entries.map(csvEntryLines).join("")}`;
}
