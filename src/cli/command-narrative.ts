/**
 * `xxgk narrative <file>`: the 总体情况 paragraphs that state the report's table figures, written by
 * the core's generator in the chosen language, one paragraph per block separated by a blank line.
 */
import * as path from "node:path";
import { narrativeOf } from "../formats/report/narrative-text";
import { UnreadableFileError } from "../xlsx/errors";
import { cliText, reasonText } from "./cli-messages";
import type { CliIo } from "./cli-io";
import { loadReport } from "./load-file";
import type { CliArguments } from "./parse-args";
import { terminalText } from "./terminal-text";

/**
 * Runs `narrative`; returns the exit code: 0 written, 1 written from tables that fail the check
 * (said on stderr before the text), 2 when the file has no tables to write from.
 */
export async function runNarrative(args: CliArguments, io: CliIo): Promise<number> {
  const text = cliText(args.locale);
  const colon = args.locale === "en-US" ? ": " : "：";
  const file = args.positionals[0]!;
  let report;
  try {
    report = await loadReport(path.resolve(io.cwd, file));
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    io.stderr(`${terminalText(`✗ ${file}${colon}${reasonText(error.reason, args.locale)}`)}\n`);
    return 2;
  }
  if (report.tables.length === 0) {
    io.stderr(`${terminalText(`✗ ${file}${colon}${text.narrativeNoTables}`)}\n`);
    return 2;
  }
  const year = args.year ?? report.identity.year;
  const agency = args.agency ?? report.identity.agency;
  const { paragraphs, errors } = narrativeOf(
    report.tables,
    {
      ...(year === undefined ? {} : { year }),
      ...(agency === undefined ? {} : { agency }),
      ...(args.self === undefined ? {} : { self: args.self }),
    },
    args.locale,
  );
  if (errors > 0) io.stderr(`${text.narrativeFromFailingTables(errors)}\n`);
  io.stdout(`${terminalText(paragraphs.join("\n\n"))}\n`);
  return errors > 0 ? 1 : 0;
}
