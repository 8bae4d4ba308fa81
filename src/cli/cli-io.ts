/**
 * Where the command line writes: injected, so tests capture output without touching the console or
 * the process streams. `main.ts` wires them to process.stdout and process.stderr.
 */

/** The command line's output channels and what it knows about the terminal. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr (where the progress line goes) is a terminal: the progress line is shown only then. */
  readonly interactive: boolean;
  /** The folder relative paths are resolved against. */
  readonly cwd: string;
}
