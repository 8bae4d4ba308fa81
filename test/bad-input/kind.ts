/**
 * One kind of odd or hostile input for the bad-input suite (issue 9). Each group of kinds lives in
 * its own file `test/bad-input/kinds-<group>.ts` exporting `KINDS: readonly BadInputKind[]`; the
 * suite (`bad-input.test.ts`) generates every kind into a temporary folder, runs `xxgk` on it as a
 * child process with `--max-old-space-size=512` under a timeout and a memory watch, and asserts the
 * exact line, the exit code, no crash, no hang, peak RSS under 600 MB and the inputs unchanged.
 * Inputs are generated here, never committed as binaries. The run's working folder is the kind's
 * folder and a path inside it is given relative to it, so expected lines name files as `a.txt`.
 */
export interface BadInputKind {
  /** A stable kebab-case name, e.g. "docx-grid-span-huge". */
  readonly name: string;
  /** What the input is, in one phrase (printed in the suite's table). */
  readonly description: string;
  /**
   * Writes the input into `dir` (an empty folder of its own) and returns the path to give `xxgk`
   * (a file, a folder, a FIFO, a symlink…).
   */
  readonly make: (dir: string) => Promise<string> | string;
  /** The command and its options before the path; `["check"]` when absent. */
  readonly args?: readonly string[];
  /** The exact line `xxgk` prints about the input (zh-CN, control characters removed), or a pattern. */
  readonly expect: string | RegExp;
  /** The exit code `xxgk` must end with. */
  readonly exitCode: 0 | 1 | 2;
  /** Milliseconds the run may take; 20,000 when absent. */
  readonly timeoutMs?: number;
  /** Arguments after the path (annotate's output file); none when absent. */
  readonly after?: readonly string[];
  /**
   * Close xxgk's standard output after this many lines, as `xxgk … | head -n N` does (the rest of
   * its writes meet a closed pipe: EPIPE). Absent: all output is read.
   */
  readonly stdoutLines?: number;
  /**
   * Run xxgk as the unprivileged user `nobody` (the suite runs as root, for whom permission bits
   * do not stop reading); the kind's folder is made traversable for that user.
   */
  readonly unprivileged?: boolean;
}
