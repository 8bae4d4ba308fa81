/**
 * One file through the checker: read it, work out its year and agency (options first, then what
 * the report says), run the core's checkReport, and turn the outcome into the output entry. An
 * unreadable file becomes an entry with its reason; any other exception is a bug and propagates.
 */
import { inferAgencyLevel } from "../core/model/agency";
import type { LocatedTable } from "../core/model/figures";
import { checkReport, type CheckResult } from "../core/check";
import type { Locale } from "../core/locales/locale";
import { UnreadableFileError } from "../xlsx/errors";
import type { ReadLimits } from "../xlsx/limits";
import { reasonText } from "./cli-messages";
import { findingEntries, tableEntries, type FileEntry } from "./file-entry";
import { loadReport, type LoadedReport } from "./load-report";

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

/** Checks one file; `display` is the name shown in the output. */
export async function checkFile(
  file: string,
  display: string,
  settings: CheckSettings,
): Promise<FileEntry> {
  let report: LoadedReport;
  try {
    report = await loadReport(file, settings.limits);
  } catch (error) {
    if (error instanceof UnreadableFileError)
      return unreadableEntry(display, error, settings.locale);
    throw error;
  }
  const notLater = lastYearNotEarlier(report, settings);
  const { result } = checkLoaded(
    report,
    notLater === undefined ? settings : { ...settings, lastYear: undefined },
  );
  return {
    file: display,
    status: "checked",
    tables: tableEntries(report.tables),
    findings: findingEntries(result.problems, settings.locale),
    ...(notLater === undefined ? {} : { lastYearNotEarlier: notLater }),
  };
}
