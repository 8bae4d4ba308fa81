/**
 * Browser tests of the offline page as shipped (one HTML file, webpack --env browser-test) in
 * Debian's Chromium through playwright-core, opened from file:// with every request that is not
 * file:, blob: or data: failed and recorded. The page is driven by its accessible names; what it
 * shows is compared with `xxgk check --format json` and `xxgk annotate` on the same files.
 * Screenshots go to test-output/screenshots/ (copied to docs/images/ by hand).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { unzipSync } from "fflate";
import { chromium, type Browser, type Page } from "playwright-core";
import { loadReport } from "../../src/cli/load-file";
import { runCli } from "../../src/cli/run-cli";
import type {} from "../../src/web/page";
import { chromium86Unsupported } from "./chromium-86-syntax";
import { writeCorpus } from "./page-corpus";

const ROOT = path.resolve(__dirname, "../..");
const PAGE = path.join(ROOT, "test-output/browser-page/年报检查.html");
const SHOTS = path.join(ROOT, "test-output/screenshots");
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
/** A click answered later than this means the batch holds the main thread. */
const RESPONSIVE_MS = 500;

let browser: Browser;
let dir: string;
let corpus: string[];

interface JsonFinding {
  rule: string;
  severity: string;
}
interface JsonFile {
  file: string;
  status: string;
  error?: string;
  findings: JsonFinding[];
}

function cli(args: readonly string[]): Promise<{ code: number; stdout: string }> {
  const out: string[] = [];
  const io = {
    stdout: (t: string) => void out.push(t),
    stderr: () => undefined,
    interactive: false,
    cwd: dir,
  };
  return runCli(args, io).then((code) => ({ code, stdout: out.join("") }));
}

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
}

async function open(
  viewport = { width: 1280, height: 720 },
  deviceScaleFactor = 1,
  query = "",
): Promise<Opened> {
  const context = await browser.newContext({ viewport, deviceScaleFactor, acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await context.route("**/*", (route) => {
    const url = route.request().url();
    const scheme = new URL(url).protocol;
    if (scheme === "file:" || scheme === "blob:" || scheme === "data:") return route.continue();
    requests.push(url);
    return route.abort();
  });
  // Requests a route cannot see (a worker's) are still events of the context.
  context.on("request", (r) => {
    const scheme = new URL(r.url()).protocol;
    if (scheme !== "file:" && scheme !== "blob:" && scheme !== "data:") requests.push(r.url());
  });
  await page.goto(`file://${PAGE}${query}`);
  await page.waitForFunction(
    () => document.getElementById("app")?.getAttribute("aria-busy") === null,
  );
  return { page, requests, errors };
}

async function addFiles(page: Page, names: readonly string[], label = "选择文件"): Promise<void> {
  await page.getByLabel(label, { exact: true }).setInputFiles(names.map((n) => path.join(dir, n)));
}

async function batchDone(page: Page, timeout = 300_000): Promise<void> {
  await page.waitForFunction(
    () =>
      window.xxgkPage !== undefined &&
      !window.xxgkPage.busy() &&
      !(document.getElementById("download-summary") as HTMLButtonElement).disabled,
    undefined,
    { timeout },
  );
}

interface ShownRow {
  file: string;
  status: string;
  errors: number;
  warnings: number;
  rules: string[];
  error: string;
}

function shownRows(page: Page): Promise<ShownRow[]> {
  return page.evaluate(() =>
    window.xxgkPage!.rows().map((r) => ({
      file: r.file,
      status: r.entry.status,
      errors: r.errors,
      warnings: r.warnings,
      rules: r.entry.findings.map((f) => `${f.severity} ${f.rule}`),
      error: r.entry.error ?? "",
    })),
  );
}

async function shoot(page: Page, name: string, selector?: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  if (selector === undefined) await page.screenshot({ path: file });
  else await page.locator(selector).screenshot({ path: file });
}

void before(async () => {
  assert.ok(
    fs.existsSync(PAGE),
    "build the page first: webpack --mode production --env browser-test",
  );
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "xxgk-page-"));
  corpus = await writeCorpus(dir, 60);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--lang=zh-CN",
    ],
  });
});

void after(async () => {
  await browser?.close();
  if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
});

void describe("the offline page opened from file://", () => {
  void it("is one file with a policy that forbids connections, and starts its worker from a Blob", async () => {
    const html = fs.readFileSync(PAGE, "utf8");
    assert.doesNotMatch(html, /<script[^>]+src=/u);
    assert.doesNotMatch(html, /<link[^>]+href=/u);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/u.exec(html)?.[1] ?? "";
    assert.match(csp, /connect-src 'none'/u);
    assert.match(csp, /default-src 'none'/u);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/u);
    const { page, requests, errors } = await open();
    assert.equal(await page.evaluate(() => window.xxgkPage!.where()), "worker");
    // The policy is in force: a fetch from the page is stopped by connect-src before it leaves.
    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener(
            "securitypolicyviolation",
            (e) => resolve(e.effectiveDirective),
            {
              once: true,
            },
          );
          fetch("https://example.com/").catch(() => undefined);
        }),
    );
    assert.equal(violated, "connect-src");
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
    await shoot(page, "web-01-empty");
    await page.context().close();
  });

  void it("holds only syntax Chromium 86 runs", () => {
    const html = fs.readFileSync(PAGE, "utf8");
    const script = /<script id="xxgk-code">([\s\S]*?)<\/script>/u.exec(html)?.[1] ?? "";
    assert.ok(script.length > 100_000);
    assert.deepEqual(
      chromium86Unsupported(script).map((u) => `${u.what}: ${script.slice(u.at, u.at + 60)}`),
      [],
    );
  });

  void it("checks 60 files of every kind as `xxgk check --format json` does, and sends nothing", async () => {
    const { page, requests, errors } = await open();
    await addFiles(page, corpus);
    await batchDone(page);
    const shown = await shownRows(page);
    const run = await cli(["check", "--format", "json", ...corpus]);
    const json = JSON.parse(run.stdout) as { files: JsonFile[] };
    assert.equal(shown.length, corpus.length);
    assert.equal(json.files.length, corpus.length);
    const byName = new Map(json.files.map((f) => [path.basename(f.file), f]));
    for (const row of shown) {
      const expected = byName.get(path.basename(row.file));
      assert.ok(expected !== undefined, row.file);
      const count = (s: string): number => expected.findings.filter((f) => f.severity === s).length;
      assert.deepEqual(
        {
          status: row.status,
          errors: row.errors,
          warnings: row.warnings,
          rules: row.rules,
          error: row.error,
        },
        {
          status: expected.status,
          errors: count("error"),
          warnings: count("warning"),
          rules: expected.findings.map((f) => `${f.severity} ${f.rule}`),
          error: expected.error ?? "",
        },
        row.file,
      );
    }
    // Every kind is in the batch: clean, with errors, unreadable (the scan among them).
    assert.ok(shown.some((r) => r.status === "checked" && r.errors === 0));
    assert.ok(shown.some((r) => r.errors > 0));
    assert.ok(shown.some((r) => r.status === "unreadable" && /扫描/u.test(r.error)));
    // The table shows the same: one row per file, a status word, the unreadable line.
    assert.equal(await page.locator("#results-body tr").count(), corpus.length);
    assert.equal(
      await page.locator('#results-body tr[data-status="unreadable"]').count(),
      shown.filter((r) => r.status === "unreadable").length,
    );
    await shoot(page, "web-02-batch");

    // Only files with errors.
    await page.getByLabel("只看有错误的文件", { exact: true }).check();
    assert.equal(
      await page.locator("#results-body tr").count(),
      shown.filter((r) => r.errors > 0).length,
    );
    await page.getByLabel("只看有错误的文件", { exact: true }).uncheck();

    // Sorting by errors, descending after two presses, announced by aria-sort.
    const sort = page.locator('#results-head button[data-column="errors"]');
    assert.equal(await sort.textContent(), "错误");
    await sort.click();
    await sort.click();
    assert.equal(
      await page.locator("#results-head th").nth(4).getAttribute("aria-sort"),
      "descending",
    );
    const firstErrors = await page
      .locator('#results-body tr:first-child td[data-column="errors"]')
      .textContent();
    assert.equal(Number(firstErrors), Math.max(...shown.map((r) => r.errors)));

    // The 汇总 workbook: downloaded, opened by LibreOffice, header row and one row per file.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载汇总", exact: true }).click(),
    ]);
    const summary = path.join(dir, "summary-out", "汇总.xlsx");
    fs.mkdirSync(path.dirname(summary), { recursive: true });
    await download.saveAs(summary);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "xxgk-lo-"));
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1",
        "--outdir",
        path.dirname(summary),
        summary,
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
    fs.rmSync(profile, { recursive: true, force: true });
    const lines = fs
      .readFileSync(summary.replace(/\.xlsx$/u, ".csv"), "utf8")
      .split(/\r?\n/u)
      .filter((l) => l !== "");
    assert.deepEqual(
      lines[0]!
        .split(",")
        .slice(0, 6)
        .map((c) => c.replace(/^"(.*)"$/u, "$1")),
      ["文件", "单位", "年度", "状态", "错误", "警告"],
    );
    assert.equal(lines.length, 1 + corpus.length);

    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
    await page.context().close();
  });

  void it("opens one file's findings in the command line's words and downloads the command line's annotated copy", async () => {
    const { page, requests } = await open();
    const broken = corpus[1]!;
    await addFiles(page, [broken]);
    await batchDone(page);
    await page.getByRole("button", { name: `查看 ${broken} 的问题` }).click();
    const detail = page.locator("#detail");
    await detail.waitFor();
    // The command line's text output for the same file: each finding's line is in the page.
    const text = await cli(["check", broken]);
    const shownText = (await page.locator("#findings").innerText()).replace(/\s+/gu, " ");
    const findingLines = text.stdout
      .split("\n")
      .filter((l) => /^\s+\[/u.test(l))
      .map((l) => l.trim().replace(/\s+/gu, " "));
    assert.ok(findingLines.length > 0);
    for (const line of findingLines) assert.ok(shownText.includes(line), line);
    const fixLines = text.stdout.split("\n").filter((l) => /^\s+→/u.test(l));
    for (const line of fixLines) assert.ok(shownText.includes(line.trim()), line);
    await shoot(page, "web-03-findings", "#detail");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载批注副本", exact: true }).click(),
    ]);
    const fromPage = path.join(dir, "annotated-page.xlsx");
    await download.saveAs(fromPage);
    const fromCli = path.join(dir, "annotated-cli.xlsx");
    await cli(["annotate", broken, fromCli]);
    // The same bytes but for the time they were written (batch.ts's annotatedCopy says which):
    // zip entry dates, and a rebuilt workbook's created/modified properties. Every entry's
    // content is compared, those properties blanked.
    const entries = (file: string): Record<string, string> => {
      const out: Record<string, string> = {};
      for (const [name, data] of Object.entries(unzipSync(fs.readFileSync(file))))
        out[name] = Buffer.from(data)
          .toString("latin1")
          .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/gu, "$1");
      return out;
    };
    assert.deepEqual(entries(fromPage), entries(fromCli));

    // The annual report (issue 12) as `xxgk report` writes it: the same document text read back,
    // and the draft's note on the page (the file has errors).
    const [report] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载年度报告（Word）", exact: true }).click(),
    ]);
    const reportFromPage = path.join(dir, "report-page.docx");
    await report.saveAs(reportFromPage);
    const reportFromCli = path.join(dir, "report-cli.docx");
    await cli(["report", broken, "-o", reportFromCli]);
    const documentText = async (file: string): Promise<string | undefined> =>
      (await loadReport(file)).documentText;
    assert.equal(await documentText(reportFromPage), await documentText(reportFromCli));
    assert.match(await page.locator("#report-status").innerText(), /草稿.*【请核对】/u);
    assert.deepEqual(requests, []);
    await page.context().close();
  });

  void it("pairs last year's files, lets each pair be chosen, and then compares as --last-year does", async () => {
    const { page, errors } = await open();
    const current = [corpus[0]!, corpus[1]!];
    // Last year's reports: the seed workbook again, under other names.
    const last = ["last-a.xlsx", "last-b.xlsx"];
    for (const name of last) fs.copyFileSync(path.join(dir, corpus[0]!), path.join(dir, name));
    await addFiles(page, current);
    await batchDone(page);
    await addFiles(page, last, "选择上年度文件");
    const choice = page.getByLabel(`${current[1]!} 的上年度文件`, { exact: true });
    await choice.waitFor();
    assert.equal(await page.locator("#pairs-body select").count(), current.length);
    await choice.selectOption(last[1]!);
    await batchDone(page);
    const row = (await shownRows(page)).find((r) => r.file === current[1]!)!;
    const run = await cli(["check", "--format", "json", "--last-year", last[1]!, current[1]!]);
    const expected = (JSON.parse(run.stdout) as { files: JsonFile[] }).files[0]!;
    assert.deepEqual(
      row.rules,
      expected.findings.map((f) => `${f.severity} ${f.rule}`),
    );
    // Choosing none compares with nothing again.
    await choice.selectOption("");
    await batchDone(page);
    const alone = (await shownRows(page)).find((r) => r.file === current[1]!)!;
    const single = await cli(["check", "--format", "json", current[1]!]);
    assert.deepEqual(
      alone.rules,
      (JSON.parse(single.stdout) as { files: JsonFile[] }).files[0]!.findings.map(
        (f) => `${f.severity} ${f.rule}`,
      ),
    );
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  void it("answers a click within half a second while a long batch runs", async () => {
    const { page } = await open();
    // 240 files: the batch takes many seconds; the sort button must answer during it.
    const many = [...corpus, ...corpus, ...corpus, ...corpus];
    const copies = many.map((n, i) => {
      const copy = `long-${String(i).padStart(3, "0")}-${n}`;
      fs.copyFileSync(path.join(dir, n), path.join(dir, copy));
      return copy;
    });
    await addFiles(page, copies);
    await page.waitForFunction(() => window.xxgkPage!.rows().length >= 5);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      assert.ok(
        await page.evaluate(() => window.xxgkPage!.busy()),
        "the batch ended before the click",
      );
      const delay = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const button = document.querySelector<HTMLButtonElement>(
              '#results-head button[data-column="year"]',
            )!;
            const start = performance.now();
            const th = button.parentElement!;
            const before = th.getAttribute("aria-sort");
            const observer = new MutationObserver(() => {
              const now = document.querySelector(
                '#results-head button[data-column="year"]',
              )!.parentElement!;
              if (now.getAttribute("aria-sort") !== before) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            });
            observer.observe(document.getElementById("results-head")!, {
              subtree: true,
              childList: true,
              attributes: true,
            });
            setTimeout(() => button.click(), 0);
          }),
      );
      delays.push(delay);
      await page.waitForTimeout(300);
    }
    process.stdout.write(
      `# click answered in ${delays.map((d) => d.toFixed(0)).join(", ")} ms during the batch\n`,
    );
    assert.ok(Math.max(...delays) < RESPONSIVE_MS, `delays ${delays.join(", ")}`);
    await page.context().close();
  });

  void it("gives each bad input a line and stays responsive: empty, damaged, encrypted, 30 MB+, 1,000 files", async () => {
    const bad = path.join(dir, "bad");
    fs.mkdirSync(bad, { recursive: true });
    const big = path.join(bad, "big.txt");
    // Over the 30 MB limit by one byte: refused before it is read, as the command line does.
    fs.writeFileSync(big, Buffer.alloc(30 * 1024 * 1024 + 1, 0x61));
    const names = [
      "unit-007.txt",
      "unit-008.xlsx",
      "unit-010.pdf",
      "unit-011.pdf",
      "unit-009.pdf",
    ].map((n) => path.join(dir, n));
    const { page, errors } = await open();
    await page.getByLabel("选择文件", { exact: true }).setInputFiles([...names, big]);
    await batchDone(page);
    const shown = await shownRows(page);
    const run = await cli(["check", "--format", "json", ...names, big]);
    const json = JSON.parse(run.stdout) as { files: JsonFile[] };
    for (const row of shown) {
      const expected = json.files.find((f) => path.basename(f.file) === path.basename(row.file))!;
      assert.equal(row.status, "unreadable", row.file);
      assert.equal(row.error, expected.error, row.file);
      assert.notEqual(row.error, "");
    }

    // 1,000 files in one go: every one gets a row, and the page answers meanwhile.
    const thousand = path.join(dir, "thousand");
    fs.mkdirSync(thousand, { recursive: true });
    const files: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const file = path.join(thousand, `f${String(i).padStart(4, "0")}.txt`);
      fs.writeFileSync(file, i % 2 === 0 ? "" : "不是年报的文字。\n");
      files.push(file);
    }
    await page.getByRole("button", { name: "清空", exact: true }).click();
    await page.getByLabel("选择文件", { exact: true }).setInputFiles(files);
    const start = Date.now();
    await page.getByRole("button", { name: "English", exact: true }).click();
    await page.getByRole("heading", { name: "Results" }).waitFor();
    const answered = Date.now() - start;
    process.stdout.write(
      `# language switch answered in ${answered} ms during a 1,000-file batch\n`,
    );
    await batchDone(page);
    assert.equal((await shownRows(page)).length, 1000);
    assert.equal(await page.locator("#results-body tr").count(), 1000);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  void it("is usable with the keyboard alone, in English too, and axe finds no violation", async () => {
    const { page } = await open();
    await addFiles(page, corpus.slice(0, 12));
    await batchDone(page);
    // Tab from the top reaches a file's button; Enter opens its findings; Close returns.
    await page.keyboard.press("Tab");
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      reached = await page.evaluate(
        () => document.activeElement?.classList.contains("file") ?? false,
      );
      if (!reached) await page.keyboard.press("Tab");
    }
    assert.ok(reached, "no file button is reached with Tab");
    await page.keyboard.press("Enter");
    await page.locator("#detail").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "detail");

    const source = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    await page.evaluate(source);
    const axe = async (): Promise<string[]> =>
      (
        await page.evaluate<{ violations: { id: string; nodes: { target: string[] }[] }[] }>(
          `axe.run(document, { resultTypes: ["violations"] })`,
        )
      ).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    assert.deepEqual(await axe(), []);

    await page.getByRole("button", { name: "English", exact: true }).click();
    await page.getByRole("heading", { name: "Results" }).waitFor();
    await batchDone(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en-US");
    await page.getByLabel("Choose files", { exact: true }).waitFor();
    assert.deepEqual(await axe(), []);
    await page.getByRole("button", { name: `Show the findings of ${corpus[1]!}` }).click();
    await page.locator("#detail").waitFor();
    await shoot(page, "web-04-english");
    await page.context().close();
  });

  void it("fits 1280×720 and a 1920×1080 screen at 150% without a horizontal scroll bar", async () => {
    for (const scale of [1, 1.5]) {
      const { page } = await open({ width: 1280, height: 720 }, scale);
      await addFiles(page, corpus.slice(0, 12));
      await batchDone(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 0, `the page is ${overflow} px too wide at ${scale * 100}%`);
      await page.context().close();
    }
  });
});
