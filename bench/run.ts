/**
 * `npm run bench`: the figures the issues ask for, measured on this machine.
 * - core: check time per report (seed), reading a 10,000 × 50 grid holding the three tables
 * - add-in: round trips (context.sync calls) per operation and the pane's bundle size
 * - command line: 1,000 workbooks checked against a plain read of the same files, peak memory
 * - pdf: a 20-page report PDF read and checked, and the published PDFs read (median)
 * - mixed: `xxgk check` on 200 mixed files (.xlsx .docx .txt .html .pdf) against a plain read
 * - page: the offline page checking 200 workbooks against the command line, its size and start
 */
import { benchCore, benchNarrative } from "./core";
import { benchReadGrid } from "./read-grid";
import { benchCli } from "./cli";
import { addinLines, benchAddin } from "./addin";
import { benchHtml } from "./html";
import { benchMixed } from "./mixed";
import { benchPdf } from "./pdf";
import { benchPage } from "./page";

function line(text: string): void {
  process.stdout.write(`${text}\n`);
}

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only === undefined || only === "core") {
    const core = benchCore();
    line("## core (seed report, median)");
    line(`read report text:            ${core.readTextMs.toFixed(3)} ms`);
    line(`check tables only:           ${core.checkMs.toFixed(3)} ms`);
    line(
      `check tables + narrative:    ${core.checkWithNarrativeMs.toFixed(3)} ms (${core.rulesChecked} rules)`,
    );
    const grid = benchReadGrid();
    line(
      `locate tables in ${grid.rows} × ${grid.columns} grid: ${grid.milliseconds} ms (${grid.tablesFound} tables found)`,
    );
    const narrative = benchNarrative();
    line(
      `narrative check of the seed: ${narrative.seedNarrativeMs.toFixed(3)} ms (median; budget 2 ms)`,
    );
    for (const { bytes, ms } of narrative.bySize) {
      line(
        `narrative check, ${(bytes / 1000).toFixed(0).padStart(5)} KB of report text: ${ms.toFixed(1)} ms`,
      );
    }
    line(
      `read + check ${narrative.corpusTexts} corpus texts:  ${narrative.corpusMs.toFixed(1)} ms total`,
    );
    line("");
  }
  if (only === undefined || only === "html") {
    const html = await benchHtml();
    line("## web page (seed saved by Word, GBK without charset, median)");
    line(
      `read ${Math.round(html.bytes / 1024)} KB page:           ${html.readMs.toFixed(1)} ms; read and checked: ${html.readAndCheckMs.toFixed(1)} ms (${html.findings} findings)`,
    );
    line("");
  }
  if (only === undefined || only === "addin") {
    line("## add-in (workbook double; bundle from dist/, built by `npm run build`)");
    for (const l of addinLines(await benchAddin())) line(l);
    line("");
  }
  if (only === undefined || only === "pdf") {
    const pdf = await benchPdf();
    line("## pdf (pdf.js legacy build, median of 5)");
    line(`20-page report read + checked: ${pdf.reportMs.toFixed(1)} ms (${pdf.pages} pages)`);
    for (const p of pdf.published) line(`read ${p.file}: ${p.ms.toFixed(1)} ms`);
    line("");
  }
  if (only === undefined || only === "mixed") {
    const mixed = await benchMixed();
    line("## command line, mixed files (40 each of .xlsx .docx .txt .html .pdf)");
    line(
      `xxgk check ${mixed.files} files: ${mixed.checkSeconds.toFixed(2)} s; plain read of the same files: ${mixed.readSeconds.toFixed(2)} s; ratio ${mixed.ratio.toFixed(2)} (exit ${mixed.exitCode})`,
    );
    line("");
  }
  if (only === undefined || only === "page") {
    const page = await benchPage();
    line("## offline page (dist/web/年报检查.html in Chromium from file://)");
    line(
      `${page.files} template workbooks: page ${page.pageSeconds.toFixed(2)} s; xxgk check ${page.cliSeconds.toFixed(2)} s; ratio ${page.ratio.toFixed(2)} (aim ≤ 1.5)`,
    );
    line(
      `page size: ${(page.bytes / 1024 / 1024).toFixed(2)} MB, ${(page.gzipBytes / 1024 / 1024).toFixed(2)} MB gzipped with pdf.js (aim ≤ 1.5 MB)`,
    );
    line(`time to first interaction: ${page.readyMs.toFixed(0)} ms (median of 5 loads)`);
    line("");
  }
  if (only === undefined || only === "cli") {
    line("## command line");
    await benchCli((text) => line(text.replace(/\n$/u, "")));
    line("");
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
