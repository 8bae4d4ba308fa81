/**
 * `xxgk report <tables> -o 报告.docx`: the whole annual report as a Word document, written from the
 * tables of any report file the command line reads. The tables are checked first (with last year's
 * when given); a figure that an error or warning names carries 【请核对】 in the document. The
 * input is only read; an existing output is replaced only with --force. Exit code: 0 written from
 * tables without errors, 1 written as a draft from tables with errors (said on stderr), 2 not
 * read or not written.
 *
 * The check looks at the tables only, not at the input's own narrative or structure: the document
 * gets a new narrative written from the tables, so findings about the old text would mark figures
 * for a text that is not in it. Explanations the workbook keeps (or --explanations gives) that
 * still hold become 六（五）, and the figures of an explained finding carry no 【请核对】: the clerk
 * has verified them. A lapsed explanation leaves its finding open, and its figures marked.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { explanationsFor } from "../core/explain/explanation-list";
import { reportDocument, reportRefusal } from "../formats/report/report-document";
import { UnreadableFileError } from "../xlsx/errors";
import { cliText, reasonText } from "./cli-messages";
import type { CliIo } from "./cli-io";
import { lastYearNotEarlier } from "../formats/report/check-file";
import { exists, sameFile } from "./command-annotate";
import { readExplanationsOption, readLastYearReport } from "./command-check";
import { errorCode } from "./file-errors";
import { loadReport } from "./load-file";
import type { LoadedReport } from "../formats/report/load-report";
import type { CliArguments } from "./parse-args";
import { terminalText } from "./terminal-text";

/** Runs `report`; returns the exit code. */
export async function runReport(args: CliArguments, io: CliIo): Promise<number> {
  const text = cliText(args.locale);
  const colon = args.locale === "en-US" ? ": " : "：";
  const say = (line: string): void => io.stderr(`${terminalText(line)}\n`);
  const input = args.positionals[0]!;
  const output = args.output!;
  const inPath = path.resolve(io.cwd, input);
  const outPath = path.resolve(io.cwd, output);
  if (await sameFile(inPath, outPath)) {
    say(text.sameFile);
    return 2;
  }
  if (args.force !== true && (await exists(outPath))) {
    say(text.outputExists(output));
    return 2;
  }
  const list = await readExplanationsOption(args, io);
  if (typeof list === "number") return list;
  const lastYear = await readLastYearReport(args, io);
  if (typeof lastYear === "number") return lastYear;
  let report: LoadedReport;
  try {
    report = await loadReport(inPath);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    say(`✗ ${input}${colon}${reasonText(error.reason, args.locale)}`);
    return 2;
  }
  const refusal = reportRefusal(report);
  if (refusal !== undefined) {
    say(`${input}${colon}${refusal === "no-tables" ? text.reportNoTables : text.report2019}`);
    return 2;
  }
  const year = args.year ?? report.identity.year;
  const agency = args.agency ?? report.identity.agency;
  const notLater = lastYearNotEarlier(report, {
    locale: args.locale,
    ...(year === undefined ? {} : { year }),
    ...(lastYear?.identity.year === undefined ? {} : { lastYearYear: lastYear.identity.year }),
  });
  if (notLater !== undefined && args.lastYear !== undefined) {
    say(text.lastYearNotEarlier(args.lastYear, notLater.lastYear, input, notLater.year));
    return 2;
  }
  const written = await reportDocument(report, {
    locale: args.locale,
    ...(year === undefined ? {} : { year }),
    ...(agency === undefined ? {} : { agency }),
    ...(args.self === undefined ? {} : { self: args.self }),
    ...(lastYear === undefined ? {} : { lastYear: lastYear.tables }),
    explanations: explanationsFor(list, input, {
      ...(agency === undefined ? {} : { agency }),
      ...(year === undefined ? {} : { year }),
    }),
  });
  const bytes = written.bytes;
  try {
    // Without --force the file is created, never replaced (also when it appeared meanwhile).
    await fs.writeFile(outPath, bytes, { flag: args.force === true ? "w" : "wx" });
  } catch (error) {
    if (errorCode(error) === "EEXIST") say(text.outputExists(output));
    else say(text.writeFailed(output, error instanceof Error ? error.message : String(error)));
    return 2;
  }
  const { errors, doubtful } = written;
  if (errors > 0) say(text.reportDraft(output, errors, doubtful));
  else if (doubtful > 0) say(text.reportMarked(output, doubtful));
  io.stdout(`${terminalText(text.reportWritten(output))}\n`);
  return errors > 0 ? 1 : 0;
}
