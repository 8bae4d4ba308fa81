/**
 * `xxgk annotate <in> <out.xlsx>`: checks the report and writes a workbook with the highlights and
 * a findings sheet. An .xlsx input is copied with the additions. A .docx or .txt report is first
 * written into a new workbook in the official template layout (totals as plain cells, so the
 * reported totals stay as published), that workbook is checked and annotated the same way, and the
 * narrative checks still read the report's own text. The input is only read; an output path that is
 * the input itself is refused. Exit code as `check`: 0 no errors, 1 errors found (file written),
 * 2 not read or not written.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { packageFacts } from "../xlsx/annotate-workbook";
import { UnreadableFileError } from "../xlsx/errors";
import { annotatedBytes, reportWorkbook } from "../formats/report/annotate-report";
import { checkLoaded, lastYearNotEarlier, type CheckedReport } from "../formats/report/check-file";
import { cliText, reasonText } from "./cli-messages";
import type { CliIo } from "./cli-io";
import { readLastYearReport } from "./command-check";
import { errorCode } from "./file-errors";
import { terminalText } from "./terminal-text";
import { loadReport } from "./load-file";
import type { CliArguments } from "./parse-args";

async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/** Whether a path exists (as anything, a dangling link included). */
async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** Runs `annotate`; returns the exit code. */
export async function runAnnotate(args: CliArguments, io: CliIo): Promise<number> {
  const text = cliText(args.locale);
  const colon = args.locale === "en-US" ? ": " : "：";
  const say = (line: string): void => io.stderr(`${terminalText(line)}\n`);
  const [input, output] = args.positionals as [string, string];
  const inPath = path.resolve(io.cwd, input);
  const outPath = path.resolve(io.cwd, output);
  if (await sameFile(inPath, outPath)) {
    say(text.sameFile);
    return 2;
  }
  const outExtension = path.extname(output).toLowerCase();
  if (outExtension !== ".xlsx" && outExtension !== ".xlsm") {
    say(text.outputNotWorkbook(output));
    return 2;
  }
  if (args.force !== true && (await exists(outPath))) {
    say(text.outputExists(output));
    return 2;
  }
  const lastYear = await readLastYearReport(args, io);
  if (typeof lastYear === "number") return lastYear;
  let checked: CheckedReport;
  let bytes: Uint8Array;
  let rebuilt = false;
  try {
    let report = await loadReport(inPath);
    if (report.kind === "xlsx") {
      bytes = await fs.readFile(inPath);
      const { macroEnabled } = await packageFacts(inPath, bytes);
      if (macroEnabled && outExtension !== ".xlsm") {
        say(text.macroToPlain(output));
        return 2;
      }
      if (!macroEnabled && outExtension !== ".xlsx") {
        say(text.plainToMacro(output));
        return 2;
      }
    } else {
      if (report.tables.length === 0) {
        say(`${input}${colon}${text.annotateNoTables}`);
        return 2;
      }
      if (report.tables.some((t) => t.version === "2019")) {
        say(`${input}${colon}${text.annotate2019}`);
        return 2;
      }
      if (outExtension !== ".xlsx") {
        say(text.plainToMacro(output));
        return 2;
      }
      ({ bytes, report } = await reportWorkbook(report, outPath, args));
      rebuilt = true;
    }
    const settings = {
      locale: args.locale,
      ...(args.year === undefined ? {} : { year: args.year }),
      ...(args.agency === undefined ? {} : { agency: args.agency }),
      ...(lastYear === undefined ? {} : { lastYear: lastYear.tables }),
      ...(lastYear?.identity.year === undefined ? {} : { lastYearYear: lastYear.identity.year }),
    };
    const notLater = lastYearNotEarlier(report, settings);
    if (notLater !== undefined && args.lastYear !== undefined) {
      say(text.lastYearNotEarlier(args.lastYear, notLater.lastYear, input, notLater.year));
      return 2;
    }
    checked = checkLoaded(report, settings);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    say(`✗ ${input}${colon}${reasonText(error.reason, args.locale)}`);
    return 2;
  }
  const findings = checked.result.problems.flatMap((p) => p.findings);
  let annotated: Uint8Array;
  try {
    annotated = await annotatedBytes(checked, rebuilt ? outPath : inPath, bytes, args.locale);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    say(`✗ ${input}${colon}${reasonText(error.reason, args.locale)}`);
    return 2;
  }
  try {
    // Without --force the file is created, never replaced (also when it appeared meanwhile).
    await fs.writeFile(outPath, annotated, { flag: args.force === true ? "w" : "wx" });
  } catch (error) {
    if (errorCode(error) === "EEXIST") say(text.outputExists(output));
    else say(text.writeFailed(output, error instanceof Error ? error.message : String(error)));
    return 2;
  }
  io.stdout(
    `${terminalText((rebuilt ? text.annotatedFromReport : text.annotated)(output, findings.length))}\n`,
  );
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}
