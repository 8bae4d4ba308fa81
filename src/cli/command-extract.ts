/**
 * `xxgk extract <files or folders> -o figures.xlsx|.csv`: the figures of tables 二/三/四 of every
 * report, one row per report, read with the same file collection and loader as `check` (one file
 * in memory at a time; only the values are kept). A file that cannot be read is a row with its
 * status. No input file is ever written: an output path that is one of the inputs is refused.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { UnreadableFileError } from "../xlsx/errors";
import type { ReadLimits } from "../xlsx/limits";
import { cliText, reasonText } from "./cli-messages";
import type { CliIo } from "./cli-io";
import { collectFiles } from "./collect-files";
import {
  figureColumns,
  figuresCsv,
  figuresXlsx,
  reportRow,
  unreadableRow,
  type ExtractRow,
} from "../formats/report/extract-figures";
import { loadReport } from "./load-file";
import type { CliArguments } from "./parse-args";

/** The output types `extract -o` writes, by extension. */
export const EXTRACT_EXTENSIONS = [".xlsx", ".csv"] as const;

/** Runs `extract`; returns the exit code (2 when some file could not be read or written). */
export async function runExtract(
  args: CliArguments,
  io: CliIo,
  limits?: ReadLimits,
): Promise<number> {
  const text = cliText(args.locale);
  const output = args.output!;
  const out = path.resolve(io.cwd, output);
  const files = await collectFiles(args.positionals, io.cwd);
  if (files.some((f) => path.resolve(f.path) === out)) {
    io.stderr(`${text.sameFile}\n`);
    return 2;
  }
  const columns = figureColumns();
  const rows: ExtractRow[] = [];
  let unreadable = 0;
  for (const file of files) {
    try {
      rows.push(reportRow(file.display, await loadReport(file.path, limits), columns, args.locale));
    } catch (error) {
      unreadable += 1;
      if (error instanceof UnreadableFileError) {
        rows.push(
          unreadableRow(file.display, reasonText(error.reason, args.locale), columns, args.locale),
        );
        continue;
      }
      // A bug must not lose a batch: the file is a row that says so, with the cause.
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      rows.push(unreadableRow(file.display, `internal error: ${detail}`, columns, args.locale));
    }
  }
  const bytes =
    path.extname(out).toLowerCase() === ".csv"
      ? new TextEncoder().encode(figuresCsv(rows, columns, args.locale))
      : await figuresXlsx(rows, columns, args.locale);
  try {
    await fs.writeFile(out, bytes);
  } catch (error) {
    io.stderr(
      `${text.writeFailed(output, error instanceof Error ? error.message : String(error))}\n`,
    );
    return 2;
  }
  io.stdout(`${text.extracted(output, rows.length, unreadable)}\n`);
  return unreadable > 0 ? 2 : 0;
}
