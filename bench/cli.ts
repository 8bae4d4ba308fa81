/**
 * Benchmark of the command line's `check` against a plain exceljs read of the same workbooks: 1,000
 * template-shaped workbooks filled with the seed's figures (every 25th with a total typed over) in a
 * temporary folder. The figure is the ratio check ÷ read (what checking adds to reading), with peak
 * RSS sampled every 10 ms during each phase. Run: `npx tsx bench/cli.ts` or through `npm run bench`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../src/cli/run-cli";
import { templateBytes } from "../src/xlsx/write-template";
import { seedTables } from "../test/helpers/build";
import { fillTemplate, keyId } from "../test/xlsx/helpers/fill-template";

/** What one phase measured. */
export interface PhaseResult {
  readonly seconds: number;
  readonly perFileMs: number;
  readonly peakRssMB: number;
}

/** The benchmark's figures. */
export interface CliBenchResult {
  readonly files: number;
  readonly read: PhaseResult;
  readonly check: PhaseResult;
  /** check time ÷ read time. */
  readonly ratio: number;
  readonly exitCode: number;
}

async function measure(files: number, run: () => Promise<void>): Promise<PhaseResult> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const start = process.hrtime.bigint();
  await run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, perFileMs: (seconds * 1000) / files, peakRssMB: peak / 2 ** 20 };
}

async function plainRead(dir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path.join(dir, name)) as unknown as ArrayBuffer);
  }
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
    await check(dir, names.slice(0, 20));
    const read = await measure(files, () => plainRead(dir, names));
    let exitCode = -1;
    const checked = await measure(files, async () => {
      exitCode = await check(dir, names);
    });
    const result: CliBenchResult = {
      files,
      read,
      check: checked,
      ratio: checked.seconds / read.seconds,
      exitCode,
    };
    const row = (name: string, p: PhaseResult): string =>
      `| ${name.padEnd(22)} | ${p.seconds.toFixed(2).padStart(8)} | ${p.perFileMs.toFixed(1).padStart(8)} | ${p.peakRssMB.toFixed(0).padStart(12)} |\n`;
    write(`\nxxgk check vs plain exceljs read, ${files} template workbooks (1 in 25 broken)\n`);
    write(
      `| phase                  | total s  | ms/file  | peak RSS MB  |\n|------------------------|----------|----------|--------------|\n`,
    );
    write(row("exceljs load only", read));
    write(row("xxgk check (json)", checked));
    write(`ratio check/read: ${result.ratio.toFixed(2)}  (check exit code ${exitCode})\n`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const files = Number(process.argv[2] ?? 1000);
  void benchCli((t) => void process.stdout.write(t), { files });
}
