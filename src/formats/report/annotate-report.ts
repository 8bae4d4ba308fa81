/**
 * The annotate pipeline without the file system, shared by `xxgk annotate` and the offline page:
 * a Word, text, web or PDF report's tables written into a new template workbook and read back
 * (reportWorkbook), then the checked workbook's highlights and findings sheet added to its bytes
 * (annotatedBytes). File names only name the file in errors.
 */
import { cellLabel } from "../../core/locales/labels";
import type { Locale } from "../../core/locales/locale";
import { qualify, splitQualified } from "../../core/model/address";
import {
  shownValue,
  type FigureCell,
  type LocatedTable,
  type RawCell,
} from "../../core/model/figures";
import type { TableId } from "../../core/model/tables";
import { findingHighlights, locatedHighlights } from "../../core/template/highlights";
import { annotateWorkbook } from "../../xlsx/annotate-workbook";
import type { FindingRow } from "../../xlsx/findings-sheet";
import { templateBytes } from "../../xlsx/write-template";
import type { CheckedReport } from "./check-file";
import { findingEntries } from "./file-entry";
import { loadReportBytes, type LoadedReport } from "./load-report";
import { reportText } from "./report-messages";
import { defaultReportYear } from "./report-year";

function findingRows(checked: CheckedReport, locale: Locale): FindingRow[] {
  const text = reportText(locale);
  const entries = findingEntries(checked.result.problems, locale);
  const findings = checked.result.problems.flatMap((p) => p.findings);
  return entries.map((e, i) => {
    const f = findings[i]!;
    const first = f.cells.find((c) => c.address !== undefined)?.address;
    const place = first === undefined ? undefined : splitQualified(first);
    return {
      rule: e.rule,
      severity: text.severity[e.severity],
      table: e.table === undefined ? "" : text.tableNames[e.table],
      message: e.message,
      cells: f.cells.map((c) => c.address ?? cellLabel(c, locale)),
      ...(place === undefined ? {} : { link: qualify(place.sheet, place.address) }),
      ...(e.reported === undefined ? {} : { reported: e.reported }),
      ...(e.computed === undefined ? {} : { computed: e.computed }),
      ...(e.difference === undefined ? {} : { difference: e.difference }),
      ...(e.fixText === undefined ? {} : { fix: e.fixText }),
    };
  });
}

/** The value written for a located cell: the number the checker read, else the cell as published. */
function cellValue(cell: FigureCell): RawCell {
  return shownValue(cell.reading) ?? cell.raw;
}

const TABLE_ORDER: readonly TableId[] = ["T2", "T3", "T4"];

/**
 * A Word or text report's tables written into a new template workbook, read back as a report: the
 * workbook's located tables (with their addresses) plus the report's own structure findings,
 * narrative and identity. The first table of each kind is written when a report repeats one.
 */
export async function reportWorkbook(
  report: LoadedReport,
  output: string,
  args: { readonly year?: number; readonly agency?: string; readonly locale: Locale },
): Promise<{ bytes: Uint8Array; report: LoadedReport }> {
  const first = new Map<TableId, LocatedTable>();
  for (const t of report.tables) if (!first.has(t.table)) first.set(t.table, t);
  const values = new Map<string, RawCell>();
  for (const t of first.values()) for (const [id, cell] of t.cells) values.set(id, cellValue(cell));
  const agency = args.agency ?? report.identity.agency;
  const bytes = await templateBytes({
    tables: TABLE_ORDER.filter((t) => first.has(t)),
    year: args.year ?? report.identity.year ?? defaultReportYear(),
    ...(agency === undefined ? {} : { agency }),
    locale: args.locale,
    totalsAsFormulas: false,
    values,
  });
  const workbook = await loadReportBytes(output, bytes);
  const tables = workbook.tables.map((t) => ({
    ...t,
    structure: [...t.structure, ...(first.get(t.table)?.structure ?? [])],
  }));
  return {
    bytes,
    report: {
      file: output,
      kind: "xlsx",
      tables,
      ...(report.narrative === undefined ? {} : { narrative: report.narrative }),
      identity: report.identity,
    },
  };
}

/**
 * The annotated copy of a checked workbook: its bytes with the highlights of the located tables
 * and of the findings, and a findings sheet in the locale's words.
 */
export async function annotatedBytes(
  checked: CheckedReport,
  file: string,
  bytes: Uint8Array,
  locale: Locale,
): Promise<Uint8Array> {
  const text = reportText(locale);
  const findings = checked.result.problems.flatMap((p) => p.findings);
  return annotateWorkbook(file, bytes, {
    highlights: [...locatedHighlights(checked.report.tables), ...findingHighlights(findings)],
    rows: findingRows(checked, locale),
    sheetText: { headers: text.findingsHeaders, empty: text.findingsEmpty },
    sheetName: text.findingsSheet,
  });
}
