/**
 * `xxgk narrative <file>`: the 总体情况 paragraphs that state the report's table figures, written by
 * the core's generator in the chosen language, one paragraph per block separated by a blank line.
 * When the workbook (or --explanations) keeps explanations that still hold, the paragraph of
 * 六（五）本年度信息公开工作年度报告数据统计需要说明的事项 follows, under its heading.
 */
import * as path from "node:path";
import { narrativeOf } from "../formats/report/narrative-text";
import { UnreadableFileError } from "../xlsx/errors";
import { cliText, reasonText } from "./cli-messages";
import type { CliIo } from "./cli-io";
import { loadReport } from "./load-file";
import { figureSet } from "../core/model/figure-set";
import type { CliArguments } from "./parse-args";
import { terminalText } from "./terminal-text";
import { heldExplanations, statisticsNotes } from "../core/explain/explanations";
import { readExplanationsOption } from "./command-check";
import { explanationsFor } from "../core/explain/explanation-list";

/**
 * Runs `narrative`; returns the exit code: 0 written, 1 written from tables that fail the check
 * (said on stderr before the text), 2 when the file has no tables to write from.
 */
export async function runNarrative(args: CliArguments, io: CliIo): Promise<number> {
  const text = cliText(args.locale);
  const colon = args.locale === "en-US" ? ": " : "：";
  const file = args.positionals[0]!;
  const list = await readExplanationsOption(args, io);
  if (typeof list === "number") return list;
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
  const figures = figureSet(report.tables);
  // Without last year's report the X1 and X2 findings cannot be brought back, so the notes come
  // from the explanations whose cells still hold their values (heldExplanations).
  const held = heldExplanations(
    [
      ...(report.explanations ?? []),
      ...explanationsFor(list, file, {
        ...(agency === undefined ? {} : { agency }),
        ...(year === undefined ? {} : { year }),
      }),
    ],
    figures,
  );
  const notes = statisticsNotes(
    held.map((explanation) => ({ explanation })),
    args.locale,
  );
  const blocks = [
    ...paragraphs,
    ...(notes.length === 0 ? [] : [[text.statisticsNotesHeading, ...notes].join("\n")]),
  ];
  io.stdout(`${terminalText(blocks.join("\n\n"))}\n`);
  return errors > 0 ? 1 : 0;
}
