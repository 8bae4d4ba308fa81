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
  const { result } = checkLoaded(report, settings);
  return {
    file: display,
    status: "checked",
    tables: tableEntries(report.tables),
    findings: findingEntries(result.problems, settings.locale, report.narrative),
  };
}
