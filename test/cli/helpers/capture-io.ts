/** An injectable CliIo that records what the command line writes (tests never touch the console). */
import type { CliIo } from "../../../src/cli/cli-io";

/** Captured output and the io to pass to runCli. */
export interface CapturedIo {
  readonly io: CliIo;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

/** A fresh capture; `interactive` pretends stdout is a terminal. */
export function captureIo(cwd: string = process.cwd(), interactive = false): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), interactive, cwd },
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}
