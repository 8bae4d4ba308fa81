/**
 * `xxgk annotate <in.xlsx> <out.xlsx>`: checks the workbook and writes a copy with the highlights
 * and a findings sheet. The input is only read; an output path that is the input itself is refused.
 * Exit code as `check`: 0 no errors, 1 errors found (copy written), 2 not read or not written.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cellLabel } from "../core/locales/labels";
import { annotateWorkbook } from "../xlsx/annotate-workbook";
import { UnreadableFileError } from "../xlsx/errors";
import type { FindingRow } from "../xlsx/findings-sheet";
import { splitQualified } from "../core/model/address";
import { findingHighlights, locatedHighlights } from "../core/template/highlights";
import { qualify } from "../core/model/address";
import { cliText, reasonText } from "./cli-messages";
import type { CliIo } from "./cli-io";
import { checkLoaded, type CheckedReport } from "./check-file";
import { readLastYear } from "./command-check";
import { findingEntries } from "./file-entry";
import { loadReport } from "./load-report";
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

function findingRows(checked: CheckedReport, args: CliArguments): FindingRow[] {
  const text = cliText(args.locale);
  const entries = findingEntries(checked.result.problems, args.locale);
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
      cells: f.cells.map((c) => c.address ?? cellLabel(c, args.locale)),
      ...(place === undefined ? {} : { link: qualify(place.sheet, place.address) }),
      ...(e.reported === undefined ? {} : { reported: e.reported }),
      ...(e.computed === undefined ? {} : { computed: e.computed }),
      ...(e.difference === undefined ? {} : { difference: e.difference }),
      ...(e.fixText === undefined ? {} : { fix: e.fixText }),
    };
  });
}

/** Runs `annotate`; returns the exit code. */
export async function runAnnotate(args: CliArguments, io: CliIo): Promise<number> {
  const text = cliText(args.locale);
  const colon = args.locale === "en-US" ? ": " : "：";
  const [input, output] = args.positionals as [string, string];
  const inPath = path.resolve(io.cwd, input);
  const outPath = path.resolve(io.cwd, output);
  if (await sameFile(inPath, outPath)) {
    io.stderr(`${text.sameFile}\n`);
    return 2;
  }
  const lastYear = await readLastYear(args, io);
  if (typeof lastYear === "number") return lastYear;
  let checked: CheckedReport;
  let bytes: Uint8Array;
  try {
    const report = await loadReport(inPath);
    if (report.kind !== "xlsx") {
      io.stderr(`${input}${colon}${text.annotateNeedsWorkbook}\n`);
      return 2;
    }
    checked = checkLoaded(report, {
      locale: args.locale,
      ...(args.year === undefined ? {} : { year: args.year }),
      ...(args.agency === undefined ? {} : { agency: args.agency }),
      ...(lastYear === undefined ? {} : { lastYear }),
    });
    bytes = await fs.readFile(inPath);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    io.stderr(`✗ ${input}${colon}${reasonText(error.reason, args.locale)}\n`);
    return 2;
  }
  const findings = checked.result.problems.flatMap((p) => p.findings);
  const annotated = await annotateWorkbook(inPath, bytes, {
    highlights: [...locatedHighlights(checked.report.tables), ...findingHighlights(findings)],
    rows: findingRows(checked, args),
    sheetText: { headers: text.findingsHeaders, empty: text.findingsEmpty },
    sheetName: text.findingsSheet,
  });
  try {
    await fs.writeFile(outPath, annotated);
  } catch (error) {
    io.stderr(
      `${text.writeFailed(output, error instanceof Error ? error.message : String(error))}\n`,
    );
    return 2;
  }
  io.stdout(`${text.annotated(output, findings.length)}\n`);
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}
