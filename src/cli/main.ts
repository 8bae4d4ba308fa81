/**
 * The process entry point of `xxgk`: wires the command line to process.stdout/stderr and sets the
 * exit code. Everything else is in run-cli.ts, so tests never start a process to test behaviour.
 * A reader that goes away (`xxgk check … | head`) closes the pipe: the rest of the output is
 * dropped without a word (EPIPE), the run finishes and exits with the code of what it found.
 */
import { runCli } from "./run-cli";

/** A stream's writes, dropped from the first EPIPE on; any other write error is a host failure. */
function writer(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") closed = true;
    else throw error;
  });
  return (text: string): void => {
    if (!closed) stream.write(text);
  };
}

const io = {
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  interactive: process.stderr.isTTY === true,
  cwd: process.cwd(),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    io.stderr(
      `xxgk: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
