/**
 * `xxgk check`: every file one after another (one workbook in memory at a time), each reported as
 * soon as it is checked (text, CSV) or at the end (JSON), then the summary. A file that cannot be
 * read is one line in the output and the batch goes on.
 */
import type { LocatedTable } from "../core/model/figures";
import { UnreadableFileError } from "../xlsx/errors";
import type { ReadLimits } from "../xlsx/limits";
import { cliText, reasonText } from "./cli-messages";
import type { CliIo } from "./cli-io";
import { unreadableEntry, type CheckSettings } from "../formats/report/check-file";
import { checkFile } from "./check-path";
import { csvOutput, jsonOutput, textOutput, type CheckOutput } from "./check-output";
import { SummaryTally } from "../formats/report/check-summary";
import { collectFiles, type SkippedEntry } from "./collect-files";
import type { FileEntry } from "../formats/report/file-entry";
import { loadReport } from "./load-file";
import { type LoadedReport } from "../formats/report/load-report";
import { terminalText } from "./terminal-text";
import type { CliArguments } from "./parse-args";
import { packageVersion } from "./version";
import * as path from "node:path";

/** Show the progress line only for batches at least this long. */
const PROGRESS_FROM = 5;

/** Reads last year's report for the cross-period rules; unreadable → a message and exit code 2. */
export async function readLastYearReport(
  args: CliArguments,
  io: CliIo,
  limits?: ReadLimits,
): Promise<LoadedReport | number | undefined> {
  if (args.lastYear === undefined) return undefined;
  try {
    return await loadReport(path.resolve(io.cwd, args.lastYear), limits);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    const colon = args.locale === "en-US" ? ": " : "：";
    io.stderr(
      terminalText(`--last-year ${args.lastYear}${colon}${reasonText(error.reason, args.locale)}`) +
        "\n",
    );
    return 2;
  }
}

/** The tables of last year's report (see readLastYearReport). */
export async function readLastYear(
  args: CliArguments,
  io: CliIo,
  limits?: ReadLimits,
): Promise<LocatedTable[] | number | undefined> {
  const report = await readLastYearReport(args, io, limits);
  return report === undefined || typeof report === "number" ? report : report.tables;
}

/** Runs `check`; returns the exit code. */
export async function runCheck(
  args: CliArguments,
  io: CliIo,
  limits?: ReadLimits,
): Promise<number> {
  const lastYear = await readLastYearReport(args, io, limits);
  if (typeof lastYear === "number") return lastYear;
  const settings: CheckSettings = {
    locale: args.locale,
    ...(args.year === undefined ? {} : { year: args.year }),
    ...(args.agency === undefined ? {} : { agency: args.agency }),
    ...(lastYear === undefined ? {} : { lastYear: lastYear.tables }),
    ...(lastYear?.identity.year === undefined ? {} : { lastYearYear: lastYear.identity.year }),
    ...(limits === undefined ? {} : { limits }),
  };
  const skipped: SkippedEntry[] = [];
  const files = await collectFiles(args.positionals, io.cwd, skipped);
  const text = cliText(args.locale);
  for (const s of skipped)
    io.stderr(
      `${terminalText(s.reason === "loop" ? text.skippedLoop(s.display, s.covered) : text.skippedDuplicate(s.display, s.covered))}\n`,
    );
  const output: CheckOutput =
    args.format === "json"
      ? jsonOutput(io.stdout, packageVersion())
      : args.format === "csv"
        ? csvOutput(io.stdout)
        : textOutput(io.stdout, args.locale);
  const tally = new SummaryTally();
  let notCompared = false;
  const progress = io.interactive && files.length >= PROGRESS_FROM;
  for (const [i, file] of files.entries()) {
    if (progress)
      io.stderr(`\r\u001b[2K${terminalText(text.progress(i + 1, files.length, file.display))}`);
    let entry: FileEntry;
    try {
      entry =
        file.unreadable === undefined
          ? await checkFile(file.path, file.display, settings)
          : unreadableEntry(file.display, file.unreadable, args.locale);
    } catch (error) {
      // A bug must not end a batch of 200 reports: the file is reported as not checked, with the cause.
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      entry = {
        file: file.display,
        status: "unreadable" as const,
        error: `internal error: ${detail}`,
        tables: [],
        findings: [],
      };
    }
    if (progress) io.stderr("\r\u001b[2K");
    if (entry.lastYearNotEarlier !== undefined && args.lastYear !== undefined) {
      notCompared = true;
      const { lastYear: was, year } = entry.lastYearNotEarlier;
      io.stderr(
        `${terminalText(text.lastYearNotEarlier(args.lastYear, was, file.display, year))}\n`,
      );
    }
    output.file(entry);
    tally.add(entry);
  }
  output.end(tally.summary());
  // A report not compared with last year's as asked: the run did not do what it was told (exit 2).
  return notCompared ? 2 : tally.exitCode();
}
