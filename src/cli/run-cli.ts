/**
 * The command line as a function: arguments and output channels in, exit code out. `main.ts` is
 * the only place that touches the process; tests call this directly.
 */
import { cliText } from "./cli-messages";
import type { CliIo } from "./cli-io";
import { runAnnotate } from "./command-annotate";
import { runCheck } from "./command-check";
import { runExtract } from "./command-extract";
import { runNarrative } from "./command-narrative";
import { runRead } from "./command-read";
import { runReport } from "./command-report";
import { runTemplate } from "./command-template";
import { parseCliArguments, UsageError, type CliArguments } from "./parse-args";
import { terminalText } from "./terminal-text";
import { packageVersion } from "./version";

/** Runs one command line; returns the exit code (0 ok, 1 errors found, 2 unreadable or usage error). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: CliArguments;
  try {
    args = parseCliArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const english = argv.some(
      (a, i) => (a === "--lang" && /^en/iu.test(argv[i + 1] ?? "")) || /^--lang=en/iu.test(a),
    );
    const text = cliText(english ? "en-US" : "zh-CN");
    const detail = error.problem === undefined ? error.detail : text.usageProblem(error.problem);
    io.stderr(`${terminalText(text.usageError(detail))}\n`);
    return 2;
  }
  if (args.version) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  if (args.help || args.command === undefined) {
    io.stdout(`${cliText(args.locale).usage}\n`);
    return 0;
  }
  switch (args.command) {
    case "template":
      return runTemplate(args, io);
    case "check":
      return runCheck(args, io);
    case "annotate":
      return runAnnotate(args, io);
    case "narrative":
      return runNarrative(args, io);
    case "report":
      return runReport(args, io);
    case "extract":
      return runExtract(args, io);
    case "read":
      return runRead(args, io);
  }
}
