/**
 * One read report through the checker: work out its year and agency (options first, then what
 * the report says), run the core's checkReport, and turn the outcome into the output entry, the
 * same for the command line and the offline page. An unreadable file becomes an entry with its
 * reason.
 */
import { parseCellAddress } from "../../core/model/address";
import { inferAgencyLevel } from "../../core/model/agency";
import type { LocatedTable } from "../../core/model/figures";
import { checkReport, type CheckResult } from "../../core/check";
import type { Locale } from "../../core/locales/locale";
import { UnreadableFileError } from "../../xlsx/errors";
import type { ReadLimits } from "../../xlsx/limits";
import { reasonText, reportText } from "./report-messages";
import {
  findingEntries,
  tableEntries,
  type FileEntry,
  type FindingEntry,
  type NoteEntry,
} from "./file-entry";
import type { LoadedReport } from "./load-report";

/** What the user told the command line about the reports. */
export interface CheckSettings {
  readonly year?: number;
  readonly agency?: string;
  readonly lastYear?: readonly LocatedTable[];
  /** The year of the --last-year report, when it says; a report of that year or earlier is not compared with it. */
  readonly lastYearYear?: number;
  readonly locale: Locale;
  readonly limits?: ReadLimits;
}

/** A checked report with everything the commands may need after the check. */
export interface CheckedReport {
  readonly report: LoadedReport;
  readonly result: CheckResult;
  readonly year?: number;
  readonly agency?: string;
}

/** Runs the core check over a loaded report. */
export function checkLoaded(report: LoadedReport, settings: CheckSettings): CheckedReport {
  const year = settings.year ?? report.identity.year;
  const agency = settings.agency ?? report.identity.agency;
  const agencyLevel = agency === undefined ? undefined : inferAgencyLevel(agency);
  const result = checkReport({
    tables: report.tables,
    ...(settings.lastYear === undefined ? {} : { lastYear: [...settings.lastYear] }),
    ...(year === undefined ? {} : { year }),
    ...(agency === undefined ? {} : { agency }),
    ...(agencyLevel === undefined ? {} : { agencyLevel }),
    ...(report.narrative === undefined ? {} : { narrative: report.narrative }),
    ...(report.documentText === undefined
      ? {}
      : {
          // Pasted or exported text presents itself as a whole report only when it shows it;
          // a document file (.docx, .pdf, a web page) is the whole report.
          document: {
            text: report.documentText,
            form: report.kind === "txt" ? "text" : "document",
          },
        }),
  });
  return {
    report,
    result,
    ...(year === undefined ? {} : { year }),
    ...(agency === undefined ? {} : { agency }),
  };
}

/**
 * The two years when the --last-year report is of the same year as the report or later (so it is
 * not last year's report and the cross-period rules would compare the wrong figures), else undefined.
 */
export function lastYearNotEarlier(
  report: LoadedReport,
  settings: CheckSettings,
): { readonly lastYear: number; readonly year: number } | undefined {
  const year = settings.year ?? report.identity.year;
  const lastYear = settings.lastYearYear;
  if (settings.lastYear === undefined || year === undefined || lastYear === undefined)
    return undefined;
  return lastYear >= year ? { lastYear, year } : undefined;
}

/** The output entry of an unreadable file. */
export function unreadableEntry(
  file: string,
  error: UnreadableFileError,
  locale: Locale,
): FileEntry {
  return {
    file,
    status: "unreadable",
    error: reasonText(error.reason, locale),
    tables: [],
    findings: [],
  };
}

/**
 * The output entry of a loaded report, checked with the settings: what `check` prints for a file
 * and what the offline page shows; `display` is the file's name as shown.
 */
export function reportEntry(
  display: string,
  report: LoadedReport,
  settings: CheckSettings,
): { readonly entry: FileEntry; readonly checked: CheckedReport } {
  const notLater = lastYearNotEarlier(report, settings);
  const checked = checkLoaded(
    report,
    notLater === undefined ? settings : { ...settings, lastYear: undefined },
  );
  const notes = noteEntries(report, settings.locale);
  const findings = findingEntries(checked.result.problems, settings.locale, report.narrative);
  const entry: FileEntry = {
    file: display,
    status: (report.unreadParts?.length ?? 0) > 0 ? "incomplete" : "checked",
    tables: tableEntries(report.tables),
    findings: withoutHiddenFixes(findings, report),
    ...(notes.length === 0 ? {} : { notes }),
    ...(notLater === undefined ? {} : { lastYearNotEarlier: notLater }),
  };
  return { entry, checked };
}

/** The notes of a loaded report: unread parts first, then merged areas that hid values. */
export function noteEntries(report: LoadedReport, locale: Locale): NoteEntry[] {
  const t = reportText(locale);
  return [
    ...(report.unreadParts ?? []).map((u): NoteEntry => ({
      kind: "unread-part",
      sheet: u.sheet,
      part: u.part,
      problem: u.problem,
      ...(u.table === undefined ? {} : { table: u.table }),
      message: t.unreadPart(u.sheet, u.problem, u.table),
    })),
    ...(report.coveredValues ?? []).map((c): NoteEntry => ({
      kind: "covered-values",
      sheet: c.sheet,
      range: c.range,
      cells: c.cells,
      message: t.coveredValues(c.sheet, c.range, c.cells),
    })),
  ];
}

function insideRange(address: string, range: string): boolean {
  const bare = (a: string): string => a.replace(/^.*!/u, "").replace(/\$/gu, "");
  const [from, to] = range.split(":").map((a) => parseCellAddress(a));
  const at = parseCellAddress(bare(address));
  return (
    from !== undefined &&
    to !== undefined &&
    at.row >= from.row &&
    at.row <= to.row &&
    at.column >= from.column &&
    at.column <= to.column
  );
}

/**
 * Findings with no fix where a cell of the finding lies under a merged area that hid values: the
 * figures there are not what the file holds, so no fix computed from them can be right.
 */
function withoutHiddenFixes(findings: FindingEntry[], report: LoadedReport): FindingEntry[] {
  const covered = report.coveredValues ?? [];
  if (covered.length === 0) return findings;
  const sheetOf = (address: string): string =>
    address.includes("!") ? address.slice(0, address.lastIndexOf("!")).replace(/^'|'$/gu, "") : "";
  const hidden = (address: string): boolean =>
    covered.some((c) => c.sheet === sheetOf(address) && insideRange(address, c.range));
  const problems = new Set(
    findings
      .filter((f) => [...f.cells, ...(f.fix?.cell === undefined ? [] : [f.fix.cell])].some(hidden))
      .map((f) => f.problem),
  );
  return findings.map((f) => {
    if (!problems.has(f.problem) || f.fix === undefined) return f;
    const rest: FindingEntry = { ...f };
    delete (rest as { fix?: unknown }).fix;
    delete (rest as { fixText?: unknown }).fixText;
    return rest;
  });
}
