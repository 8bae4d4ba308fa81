/**
 * The offline page (issue 11), built by `npm run build` into dist/web/年报检查.html, in Debian's
 * Chromium opened from file://: 200 template workbooks checked in the page (its Blob worker)
 * against `xxgk check` on the same files in this process, the page's size gzipped, and the time
 * from navigation until the page answers (its script parsed, the worker started and answering).
 * Run: `npx tsx bench/page.ts` or through `npm run bench`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { runCli } from "../src/cli/run-cli";
import type {} from "../src/web/page";
import { writeWorkbooks } from "../test/browser/page-corpus";

/** The built page; XXGK_PAGE names another build of it (the browser tests' one). */
const PAGE = process.env["XXGK_PAGE"] ?? path.resolve(__dirname, "../dist/web/年报检查.html");

/** The figures of the page benchmark. */
export interface PageBench {
  readonly files: number;
  readonly pageSeconds: number;
  readonly cliSeconds: number;
  /** page ÷ command line. */
  readonly ratio: number;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Navigation start to the page answering (median of 5 loads). */
  readonly readyMs: number;
}

/** Runs the benchmark on `count` copies of the seed workbook. */
export async function benchPage(count = 200): Promise<PageBench> {
  const html = readFileSync(PAGE);
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-bench-page-"));
  const browser = await chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const names = await writeWorkbooks(dir, count);
    const files = names.map((n) => path.join(dir, n));
    const cliStart = process.hrtime.bigint();
    await runCli(["check", "--format", "json", ...files], {
      stdout: () => undefined,
      stderr: () => undefined,
      interactive: false,
      cwd: dir,
    });
    const cliSeconds = Number(process.hrtime.bigint() - cliStart) / 1e9;

    const ready: number[] = [];
    let pageSeconds = 0;
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      await page.goto(`file://${PAGE}`);
      await page.waitForFunction(() => window.xxgkPage !== undefined);
      ready.push(await page.evaluate(() => window.xxgkPage!.readyMs()));
      if (i === 0) {
        const start = Date.now();
        await page.getByLabel("选择文件", { exact: true }).setInputFiles(files);
        await page.waitForFunction(
          (n) => window.xxgkPage!.rows().length === n && !window.xxgkPage!.busy(),
          count,
          { timeout: 600_000, polling: 50 },
        );
        pageSeconds = (Date.now() - start) / 1000;
      }
      await page.close();
    }
    ready.sort((a, b) => a - b);
    return {
      files: count,
      pageSeconds,
      cliSeconds,
      ratio: pageSeconds / cliSeconds,
      bytes: html.length,
      gzipBytes: gzipSync(html, { level: 9 }).length,
      readyMs: ready[2]!,
    };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchPage().then(
    (b) => process.stdout.write(`${JSON.stringify(b, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
