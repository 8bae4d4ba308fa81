/**
 * One file from the disk through the checker: read it (src/cli/load-file.ts), then the entry of
 * the formats layer. An unreadable file becomes an entry with its reason; any other exception is a
 * bug and propagates.
 */
import { UnreadableFileError } from "../xlsx/errors";
import { reportEntry, unreadableEntry, type CheckSettings } from "../formats/report/check-file";
import type { FileEntry } from "../formats/report/file-entry";
import type { LoadedReport } from "../formats/report/load-report";
import { loadReport } from "./load-file";

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
  return reportEntry(display, report, settings).entry;
}
