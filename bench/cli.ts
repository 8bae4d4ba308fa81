/**
 * Benchmark of the command line's `check` against a plain exceljs read of the same workbooks: 1,000
 * template-shaped workbooks filled with the seed's figures (every 25th with a total typed over) in a
 * temporary folder. The figure is the ratio check ÷ read (what checking adds to reading), with peak
 * RSS sampled every 10 ms during each phase. Run: `npx tsx bench/cli.ts` or through `npm run bench`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { runCli } from "../src/cli/run-cli";
import { readWorkbook } from "../src/xlsx/read-workbook";
import { templateBytes } from "../src/xlsx/write-template";
import { writeHugeXlsx } from "../test/bad-input/build-xlsx";
import { seedTables } from "../test/helpers/build";
import { fillTemplate, keyId } from "../test/xlsx/helpers/fill-template";

/** What one phase measured. */
export interface PhaseResult {
  readonly seconds: number;
  /** CPU seconds (user + system) of this process: steadier than wall time on a shared machine. */
  readonly cpuSeconds: number;
  readonly perFileMs: number;
  readonly peakRssMB: number;
}

/** The benchmark's figures. */
export interface CliBenchResult {
  readonly files: number;
  readonly read: PhaseResult;
  readonly check: PhaseResult;
  /** exceljs's streaming WorkbookReader, every cell visited. */
  readonly streamRead: PhaseResult;
  /** Our reader (saxes over parts inflated by fflate), grids built. */
  readonly saxRead: PhaseResult;
  /** check time ÷ read time. */
  readonly ratio: number;
  /** check CPU time ÷ read CPU time. */
  readonly cpuRatio: number;
  readonly exitCode: number;
  /** The 6-million-cell workbook through `xxgk check` in a child process. */
  readonly huge: HugeResult;
}

/** The 6-million-cell workbook: its size, how long `xxgk check` took to refuse it, its peak RSS. */
export interface HugeResult {
  readonly cells: number;
  readonly fileMB: number;
  readonly unpackedMB: number;
  readonly seconds: number;
  readonly peakRssMB: number;
  readonly exitCode: number;
  readonly line: string;
}

async function measure(files: number, run: () => Promise<void>): Promise<PhaseResult> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    perFileMs: (seconds * 1000) / files,
    peakRssMB: peak / 2 ** 20,
  };
}

async function plainRead(dir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path.join(dir, name)) as unknown as ArrayBuffer);
  }
}

/** Files exceljs's stream reader failed on in the last run (it sometimes does, see the report). */
let streamFailures = 0;

async function streamRead(dir: string, names: readonly string[]): Promise<void> {
  streamFailures = 0;
  for (const name of names) {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(
      Readable.from([readFileSync(path.join(dir, name))]),
      { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore" },
    );
    let cells = 0;
    try {
      for await (const sheet of reader)
        for await (const row of sheet) row.eachCell(() => void cells++);
    } catch {
      // exceljs 4.4's reader throws when it meets a sheet before workbook.xml has been parsed.
      streamFailures++;
      continue;
    }
    if (cells === 0) throw new Error(`no cells read from ${name}`);
  }
}

async function saxRead(dir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const content = await readWorkbook(name, readFileSync(path.join(dir, name)));
    if (content.grids.length === 0) throw new Error(`no sheets read from ${name}`);
  }
}

/**
 * `xxgk check` on a workbook of 60,000 rows × 100 columns (6 million number cells, inside both
 * size limits) in a child process with --max-old-space-size=512; peak RSS from /usr/bin/time when
 * present, else the child's own report.
 */
function hugeWorkbook(dir: string): HugeResult {
  const file = path.join(dir, "six-million.xlsx");
  const rows = 60_000;
  const columns = 100;
  writeHugeXlsx(file, rows, columns);
  const unpacked = rows * columns * 24;
  const bin = path.join(__dirname, "..", "src", "cli", "main.ts");
  const start = process.hrtime.bigint();
  const run = spawnSync(
    "/usr/bin/time",
    [
      "-f",
      "RSS_KB=%M",
      process.execPath,
      "--max-old-space-size=512",
      "--import",
      "tsx",
      bin,
      "check",
      file,
    ],
    { encoding: "utf8" },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = /RSS_KB=(\d+)/u.exec(run.stderr ?? "");
  return {
    cells: rows * columns,
    fileMB: statSync(file).size / 2 ** 20,
    unpackedMB: unpacked / 2 ** 20,
    seconds,
    peakRssMB: rss === null ? NaN : Number(rss[1]) / 1024,
    exitCode: run.status ?? -1,
    line: (run.stdout ?? "").split("\n")[0] ?? "",
  };
}

async function check(dir: string, names: readonly string[]): Promise<number> {
  return runCli(["check", "--format", "json", ...names], {
    stdout: () => undefined,
    stderr: () => undefined,
    interactive: false,
    cwd: dir,
  });
}

/** Runs the benchmark and writes a small table with `write`. */
export async function benchCli(
  write: (text: string) => void,
  options: { files?: number } = {},
): Promise<CliBenchResult> {
  const files = options.files ?? 1000;
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-bench-"));
  try {
    const template = await templateBytes({ tables: ["T2", "T3", "T4"], year: 2024 });
    const good = await fillTemplate(template, seedTables());
    const broken = await fillTemplate(
      template,
      seedTables(),
      new Map([[keyId("T3", "一", "总计"), 10]]),
    );
    for (let i = 0; i < files; i++)
      writeFileSync(
        path.join(dir, `unit-${String(i).padStart(4, "0")}.xlsx`),
        i % 25 === 0 ? broken : good,
      );
    const names = readdirSync(dir).sort();
    // Warm both paths up (module loading, JIT) before measuring.
    await plainRead(dir, names.slice(0, 20));
    await streamRead(dir, names.slice(0, 20));
    await saxRead(dir, names.slice(0, 20));
    await check(dir, names.slice(0, 20));
    const read = await measure(files, () => plainRead(dir, names));
    const streamed = await measure(files, () => streamRead(dir, names));
    const sax = await measure(files, () => saxRead(dir, names));
    let exitCode = -1;
    const checked = await measure(files, async () => {
      exitCode = await check(dir, names);
    });
    const huge = hugeWorkbook(dir);
    const result: CliBenchResult = {
      files,
      read,
      check: checked,
      streamRead: streamed,
      saxRead: sax,
      ratio: checked.seconds / read.seconds,
      cpuRatio: checked.cpuSeconds / read.cpuSeconds,
      exitCode,
      huge,
    };
    const row = (name: string, p: PhaseResult): string =>
      `| ${name.padEnd(22)} | ${p.seconds.toFixed(2).padStart(8)} | ${p.cpuSeconds.toFixed(2).padStart(8)} | ${p.perFileMs.toFixed(1).padStart(8)} | ${p.peakRssMB.toFixed(0).padStart(12)} |\n`;
    write(`\nxxgk check vs plain exceljs read, ${files} template workbooks (1 in 25 broken)\n`);
    write(
      `| phase                  | total s  | CPU s    | ms/file  | peak RSS MB  |\n|------------------------|----------|----------|----------|--------------|\n`,
    );
    write(row("exceljs load only", read));
    write(
      row(
        `exceljs stream reader${streamFailures > 0 ? ` (${streamFailures} failed)` : ""}`,
        streamed,
      ),
    );
    write(row("saxes+fflate reader", sax));
    write(row("xxgk check (json)", checked));
    write(
      `ratio check/read: ${result.ratio.toFixed(2)} wall, ${result.cpuRatio.toFixed(2)} CPU  (check exit code ${exitCode})\n`,
    );
    write(
      `${huge.cells.toLocaleString("en")}-cell workbook (${huge.fileMB.toFixed(1)} MB, ~${huge.unpackedMB.toFixed(0)} MB unpacked): ` +
        `xxgk check ${huge.seconds.toFixed(1)} s, peak RSS ${huge.peakRssMB.toFixed(0)} MB, exit ${huge.exitCode}: ${huge.line}\n`,
    );
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const files = Number(process.argv[2] ?? 1000);
  void benchCli((t) => void process.stdout.write(t), { files });
}
