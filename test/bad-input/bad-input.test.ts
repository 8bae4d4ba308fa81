/**
 * The bad-input suite (issue 9): every kind of every `kinds-*.ts` file next to this one is generated
 * into its own temporary folder (all of them before the first run, so that no generation holds up
 * this process while a child is timed) and `xxgk` is run on it as a real process (`node
 * --max-old-space-size=512`, the TypeScript source through tsx), two kinds at a time, under the
 * kind's timeout and a memory watch: GNU time's maximum RSS of the process (wait4 also counts the
 * descendants it waited for) and, while it runs, VmHWM of every process in its tree from /proc.
 * Each kind must print its exact line, end with its exit code, not crash (no stack trace, no
 * "internal error", no fatal V8 error, no signal), not hang, stay under 600 MB, and leave every
 * file of its folder as it was (sha256, size and mtime; links by target). A kind's time is the
 * child's own wall time (GNU time's elapsed). A table of kind → exit, time, time limit, peak RSS is
 * printed at the end.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { BadInputKind } from "./kind";

const ROOT = path.join(__dirname, "..", "..");
const MAIN = path.join(ROOT, "src", "cli", "main.ts");
const TSX = `file://${require.resolve("tsx")}`;
const TIME = "/usr/bin/time";
const SETPRIV = "/usr/bin/setpriv";
const DEFAULT_TIMEOUT_MS = 20_000;
const RSS_LIMIT_KB = 600 * 1024;
const CONCURRENCY = 2;
const POLL_MS = 25;

/** Every kind of every kinds file, with the file it came from. */
function loadKinds(): { file: string; kind: BadInputKind }[] {
  const files = readdirSync(__dirname)
    .filter((f) => /^kinds-.+\.ts$/u.test(f) && !f.endsWith(".test.ts"))
    .sort();
  return files.flatMap((file) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the kinds files are found at run time (glob)
    (require(path.join(__dirname, file)) as { KINDS: readonly BadInputKind[] }).KINDS.map(
      (kind) => ({ file, kind }),
    ),
  );
}

/** A file system entry as compared before and after: content hash, size and mtime, or link target. */
function snapshot(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  const visit = (folder: string): void => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(folder, name);
      const stat = lstatSync(full);
      const relative = path.relative(dir, full);
      if (stat.isSymbolicLink()) entries.set(relative, `link → ${readlinkSync(full)}`);
      else if (stat.isDirectory()) {
        entries.set(relative, `folder mode ${stat.mode.toString(8)}`);
        visit(full);
      } else if (stat.isFile()) {
        const hash = createHash("sha256").update(readFileSync(full)).digest("hex");
        entries.set(relative, `file ${stat.size} ${stat.mtimeMs} ${hash}`);
      } else entries.set(relative, `special ${stat.mode.toString(8)} ${stat.mtimeMs}`); // never opened
    }
  };
  visit(dir);
  return entries;
}

/** VmHWM (kB) of a process, or 0 when it is gone; and its children's pids. */
function peakOf(pid: number): { hwm: number; children: number[] } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const hwm = Number(/VmHWM:\s+(\d+)/u.exec(status)?.[1] ?? 0);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .split(/\s+/u)
      .filter((p) => p !== "")
      .map(Number);
    return { hwm, children };
  } catch {
    return { hwm: 0, children: [] };
  }
}

interface Run {
  readonly name: string;
  readonly file: string;
  readonly description: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  /** The child's own wall time (GNU time's %e), not the parent's view of it. */
  readonly ms: number;
  readonly timeoutMs: number;
  readonly peakKb: number;
  readonly processes: number;
  readonly changed: readonly string[];
  readonly skipped?: string;
}

/** A kind whose input is written and fingerprinted, ready to run. */
interface Prepared {
  readonly file: string;
  readonly kind: BadInputKind;
  readonly dir: string;
  readonly argument: string;
  readonly before: ReadonlyMap<string, string>;
  readonly skipped?: string;
}

/** What one child did, as seen while it ran. */
type Outcome = Omit<Run, "name" | "file" | "description" | "timeoutMs" | "changed" | "skipped">;

/**
 * Writes the kind's input into a folder of its own and fingerprints it. Generation is synchronous
 * for the large kinds (the 6-million-cell workbook takes seconds), so it happens here, before any
 * child is timed: a blocked event loop would hold up the timer and the exit event of a running
 * child and charge it the generation time.
 */
async function prepareKind(file: string, kind: BadInputKind): Promise<Prepared> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `xxgk-bad-${kind.name}-`));
  if (kind.unprivileged === true && !existsSync(SETPRIV))
    return {
      file,
      kind,
      dir,
      argument: "",
      before: new Map(),
      skipped: `${SETPRIV} not found: cannot run as nobody`,
    };
  let target: string;
  try {
    target = await kind.make(dir);
  } catch (error) {
    removeFolder(dir);
    throw error;
  }
  const inside =
    !path.relative(dir, target).startsWith("..") && !path.isAbsolute(path.relative(dir, target));
  const argument = inside ? path.relative(dir, target) : target;
  if (kind.unprivileged === true) chmodSync(dir, 0o755);
  return { file, kind, dir, argument, before: snapshot(dir) };
}

/**
 * Runs `xxgk` on a prepared kind under its timeout and the memory watch. Nothing synchronous and
 * long runs in this process while a child is timed (inputs are written before, compared after).
 */
async function runChild(prepared: Prepared): Promise<Outcome> {
  const { kind, dir, argument } = prepared;
  const timeFile = path.join(os.tmpdir(), `xxgk-bad-time-${kind.name}-${process.pid}.txt`);
  const node = [
    process.execPath,
    "--max-old-space-size=512",
    "--import",
    TSX,
    MAIN,
    ...(kind.args ?? ["check"]),
    argument,
    ...(kind.after ?? []),
  ];
  const privilege =
    kind.unprivileged === true
      ? [SETPRIV, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
      : [];
  // %e: the command's own elapsed seconds; %M: its maximum RSS in kB.
  const command = [TIME, "-f", "%e %M", "-o", timeFile, ...privilege, ...node];
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const started = Date.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: dir,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let lines = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    out.push(chunk);
    lines += chunk.toString("utf8").split("\n").length - 1;
    if (kind.stdoutLines !== undefined && lines >= kind.stdoutLines) child.stdout.destroy();
  });
  child.stdout.on("error", () => undefined);
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  let peakKb = 0;
  const seen = new Set<number>();
  const poll = setInterval(() => {
    const queue = [child.pid!];
    while (queue.length > 0) {
      const pid = queue.shift()!;
      seen.add(pid);
      const { hwm, children } = peakOf(pid);
      // The time wrapper itself is not the command: count the processes below it.
      if (pid !== child.pid) peakKb = Math.max(peakKb, hwm);
      queue.push(...children);
    }
  }, POLL_MS);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }, kind.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>(
    (resolve) => child.on("close", (c, s) => resolve({ code: c, signal: s })),
  );
  let ms = Date.now() - started;
  clearInterval(poll);
  clearTimeout(timer);
  let exitCode = code;
  let childSignal = signal;
  if (existsSync(timeFile)) {
    const report = readFileSync(timeFile, "utf8");
    rmSync(timeFile, { force: true });
    const figures = /([\d.]+) (\d+)\s*$/u.exec(report.trim());
    if (figures !== null) {
      ms = Math.round(Number(figures[1]) * 1000);
      peakKb = Math.max(peakKb, Number(figures[2]));
    }
    const bySignal = /terminated by signal (\d+)/u.exec(report);
    if (bySignal !== null) {
      childSignal = `signal ${bySignal[1]}`;
      exitCode = null;
    }
  }
  return {
    stdout: Buffer.concat(out).toString("utf8"),
    stderr: Buffer.concat(err).toString("utf8"),
    code: exitCode,
    signal: childSignal,
    timedOut,
    ms,
    peakKb,
    processes: [...seen].length - 1,
  };
}

/** Compares the kind's folder with its fingerprint and removes it. */
function finishKind(prepared: Prepared, outcome: Outcome | undefined): Run {
  const { file, kind, dir, before } = prepared;
  try {
    const after = snapshot(dir);
    const changed = [...before].filter(([k, v]) => after.get(k) !== v).map(([k]) => k);
    return {
      name: kind.name,
      file,
      description: kind.description,
      timeoutMs: kind.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(outcome ?? {
        stdout: "",
        stderr: "",
        code: null,
        signal: null,
        timedOut: false,
        ms: 0,
        peakKb: 0,
        processes: 0,
      }),
      changed,
      ...(prepared.skipped === undefined ? {} : { skipped: prepared.skipped }),
    };
  } finally {
    removeFolder(dir);
  }
}

/** Removes a kind's folder, making every folder in it removable first (a kind may lock one). */
function removeFolder(dir: string): void {
  const open = (folder: string): void => {
    try {
      chmodSync(folder, 0o755);
      for (const name of readdirSync(folder)) {
        const full = path.join(folder, name);
        if (lstatSync(full).isDirectory()) open(full);
      }
    } catch {
      // not ours to open
    }
  };
  open(dir);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Generates every input first, then runs the children `limit` at a time (this process only waits
 * on them), then compares and removes the folders; results in kind order.
 */
async function runAll(
  kinds: readonly { file: string; kind: BadInputKind }[],
  limit: number,
): Promise<Run[]> {
  const prepared: Prepared[] = [];
  try {
    for (const { file, kind } of kinds) prepared.push(await prepareKind(file, kind));
    const outcomes = new Array<Outcome | undefined>(prepared.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < prepared.length) {
        const i = next++;
        if (prepared[i]!.skipped === undefined) outcomes[i] = await runChild(prepared[i]!);
      }
    };
    await Promise.all(Array.from({ length: limit }, worker));
    return prepared.map((p, i) => finishKind(p, outcomes[i]));
  } catch (error) {
    for (const p of prepared) removeFolder(p.dir);
    throw error;
  }
}

// eslint-disable-next-line no-control-regex -- comparing without control characters is the contract
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;
const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/mu;
const FATAL =
  /internal error|FATAL ERROR|heap out of memory|Segmentation fault|Aborted|core dumped|RangeError|TypeError|Maximum call stack/u;

/** `BAD_INPUT_KINDS=a,b npx jest test/bad-input` runs only the kinds named (while writing kinds). */
const ONLY = (process.env.BAD_INPUT_KINDS ?? "").split(",").filter((n) => n !== "");
const KINDS = loadKinds().filter((k) => ONLY.length === 0 || ONLY.includes(k.kind.name));
const results = new Map<string, Run>();

jest.setTimeout(30 * 60_000);

beforeAll(async () => {
  const names = KINDS.map((k) => k.kind.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) throw new Error(`two bad-input kinds are named ${duplicate}`);
  for (const run of await runAll(KINDS, CONCURRENCY)) results.set(run.name, run);
});

afterAll(() => {
  const rows = [...results.values()].map(
    (r) =>
      `${r.name.padEnd(40)} ${String(r.code ?? r.signal ?? "-").padStart(6)} ${String(r.ms).padStart(7)} ms ${String(r.timeoutMs / 1000).padStart(4)} s ${(r.peakKb / 1024).toFixed(0).padStart(5)} MB ${String(r.processes).padStart(2)} proc${r.skipped === undefined ? "" : `  skipped: ${r.skipped}`}`,
  );
  process.stdout.write(
    `\nbad-input suite: ${results.size} kinds from ${new Set(KINDS.map((k) => k.file)).size} files\n` +
      `${"kind".padEnd(40)} ${"exit".padStart(6)} ${"time".padStart(10)} ${"limit".padStart(6)} ${"RSS".padStart(8)}\n${rows.join("\n")}\n`,
  );
});

test("the suite has kinds to run", () => {
  expect(KINDS.length).toBeGreaterThan(0);
});

describe.each(KINDS.map((k) => [k.kind.name, k.kind] as const))("%s", (name, kind) => {
  // A kind that must run as nobody is skipped (and says so in the table) where setpriv is missing.
  const runnable = kind.unprivileged !== true || existsSync(SETPRIV);
  (runnable ? test : test.skip)(
    "prints its line, exits with its code, does not crash, hang or grow, and changes no input",
    () => {
      const run = results.get(name)!;
      const output = `${run.stdout}\n${run.stderr}`;
      const lines = output.split(/\r?\n/u).map((l) => l.replace(CONTROL, ""));
      const found =
        typeof kind.expect === "string"
          ? lines.includes(kind.expect)
          : lines.some((l) => (kind.expect as RegExp).test(l));
      const summary = { name, code: run.code, signal: run.signal, timedOut: run.timedOut, output };
      expect({ ...summary, found }).toEqual({ ...summary, found: true });
      expect(run.timedOut).toBe(false);
      expect(run.signal).toBeNull();
      expect(output).not.toMatch(STACK_LINE);
      expect(output).not.toMatch(FATAL);
      expect(run.code).toBe(kind.exitCode);
      expect(run.peakKb).toBeGreaterThan(0);
      expect(run.peakKb).toBeLessThan(RSS_LIMIT_KB);
      expect(run.changed).toEqual([]);
      // Text on the terminal carries no escape sequence (JSON escapes them, CSV keeps data exact).
      expect(run.stderr).not.toContain("\u001b");
      const terminal = (kind.args ?? []).includes("--format") ? "" : run.stdout;
      expect(terminal).not.toContain("\u001b");
    },
  );
});
