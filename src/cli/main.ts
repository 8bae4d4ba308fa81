/**
 * The process entry point of `xxgk`: wires the command line to process.stdout/stderr and sets the
 * exit code. Everything else is in run-cli.ts, so tests never start a process to test behaviour.
 */
import { runCli } from "./run-cli";

const io = {
  stdout: (text: string): void => {
    process.stdout.write(text);
  },
  stderr: (text: string): void => {
    process.stderr.write(text);
  },
  interactive: process.stderr.isTTY === true,
  cwd: process.cwd(),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `xxgk: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
