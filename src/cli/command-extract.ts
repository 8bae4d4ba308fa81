/**
 * `xxgk extract <files or folders> -o figures.xlsx|.csv`: the figures of tables 二/三/四 of every
 * report, one row per report, read with the same file collection and loader as `check` (one file
 * in memory at a time; only the values are kept). A file that cannot be read is a row with its
 * status. No input file is ever written: an output path that is one of the inputs is refused.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Locale } from "../core/locales/locale";
import { UnreadableFileError } from "../xlsx/errors";
import type { ReadLimits } from "../xlsx/limits";
import { cliText, reasonText } from "./cli-messages";
import type { CliIo } from "./cli-io";
import { collectFiles } from "./collect-files";
import { csvLine, UTF8_BOM } from "../formats/report/csv";
import {
  figureColumns,
  fixedCells,
  fixedHeaders,
  FIXED_KEYS,
  reportRow,
  unreadableRow,
  type ExtractRow,
  type FigureColumn,
} from "../formats/report/extract-figures";
import { loadReport } from "./load-file";
import type { CliArguments } from "./parse-args";

/** The output types `extract -o` writes, by extension. */
export const EXTRACT_EXTENSIONS = [".xlsx", ".csv"] as const;

/** The fill of a figure that is the cell's text, not a number (the Excel "neutral" yellow). */
const TEXT_FILL = "FFFFEB9C";

function csvBytes(
  rows: readonly ExtractRow[],
  columns: readonly FigureColumn[],
  locale: Locale,
): string {
  let text = UTF8_BOM;
  text += csvLine([...fixedHeaders(locale), ...columns.map((c) => c.label)]);
  text += csvLine([...FIXED_KEYS, ...columns.map((c) => c.key)]);
  for (const row of rows) text += csvLine([...fixedCells(row), ...row.figures]);
  return text;
}

async function xlsxBytes(
  rows: readonly ExtractRow[],
  columns: readonly FigureColumn[],
  locale: Locale,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(locale === "en-US" ? "Figures" : "数字汇总", {
    views: [{ state: "frozen", xSplit: 1, ySplit: 2 }],
  });
  const fixed = fixedHeaders(locale);
  // Cells are strings or numbers only: a string cell is stored as text and never evaluated, so it
  // needs no apostrophe (one would show as part of the text).
  sheet.addRow([...fixed, ...columns.map((c) => c.label)]);
  sheet.addRow([...FIXED_KEYS, ...columns.map((c) => c.key)]);
  for (const row of [1, 2]) sheet.getRow(row).font = { bold: row === 1 };
  for (const row of rows) {
    const added = sheet.addRow([...fixedCells(row), ...row.figures]);
    for (const i of row.textAt) {
      added.getCell(fixed.length + i + 1).fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: TEXT_FILL },
      };
    }
  }
  sheet.getColumn(1).width = 36;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

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
      ? new TextEncoder().encode(csvBytes(rows, columns, args.locale))
      : await xlsxBytes(rows, columns, args.locale);
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
