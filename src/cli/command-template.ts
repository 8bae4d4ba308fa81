/** `xxgk template`: writes the chosen tables' template workbook; refuses to overwrite an input it cannot replace. */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { templateBytes } from "../xlsx/write-template";
import { defaultReportYear } from "../formats/report/report-year";
import { cliText } from "./cli-messages";
import type { CliIo } from "./cli-io";
import type { CliArguments } from "./parse-args";
import { terminalText } from "./terminal-text";

export { defaultReportYear };

/** Runs `template`; returns the exit code. */
export async function runTemplate(args: CliArguments, io: CliIo): Promise<number> {
  const text = cliText(args.locale);
  const out = path.resolve(io.cwd, args.positionals[0]!);
  const bytes = await templateBytes({
    tables: args.tables,
    year: args.year ?? defaultReportYear(),
    ...(args.agency === undefined ? {} : { agency: args.agency }),
    locale: args.locale,
  });
  try {
    await fs.writeFile(out, bytes);
  } catch (error) {
    io.stderr(
      `${text.writeFailed(args.positionals[0]!, error instanceof Error ? error.message : String(error))}\n`,
    );
    return 2;
  }
  const names = args.tables
    .map((t) => text.tableNames[t])
    .join(args.locale === "en-US" ? ", " : "、");
  io.stdout(`${terminalText(text.templateWritten(args.positionals[0]!, names))}\n`);
  return 0;
}
