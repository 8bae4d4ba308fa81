/**
 * PDF reading time: a 20-page report (the seed's tables among pages of paragraphs, made by
 * LibreOffice Writer from HTML we write, kept under test-output/bench) read and checked, and each
 * published WPS PDF of test/fixtures/published read. Medians after a warm-up.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkLoaded } from "../src/formats/report/check-file";
import { loadReportBytes } from "../src/formats/report/load-report";
import { loadPdfJs } from "../src/cli/pdfjs-node";
import { pdfSource } from "../src/formats/pdf/read-pdf";
import { seedTables } from "../test/helpers/build";
import { reportHtml } from "../test/formats/helpers/report-html";

const OUT = path.join(__dirname, "..", "test-output", "bench");
const PUBLISHED = path.join(__dirname, "..", "test", "fixtures", "published");

/** A paragraph of a report's 总体情况, repeated until the report has 20 pages. */
const PARAGRAPH =
  "2024年，我街道坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，围绕中心工作，以完善信息公开制度、推进公开平台建设为抓手，全面推动政务公开工作转职能、增效能、强功能，有力服务保障经济社会高质量发展。";

export interface PdfBench {
  readonly pages: number;
  readonly reportMs: number;
  readonly published: readonly { readonly file: string; readonly ms: number }[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(run: () => Promise<unknown>, times: number): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

/** The 20-page report PDF, made once by soffice. */
function twentyPages(): string {
  const pdf = path.join(OUT, "report-20-pages.pdf");
  if (existsSync(pdf)) return pdf;
  mkdirSync(OUT, { recursive: true });
  const html = path.join(OUT, "report-20-pages.html");
  const title = ["曲阜市时庄街道办事处", "2024年政府信息公开工作年度报告"];
  writeFileSync(html, reportHtml(title, seedTables(), [PARAGRAPH], 165));
  const profile = mkdtempSync(path.join(os.tmpdir(), "xxgk-soffice-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--infilter=HTML (StarWriter)",
        "--convert-to",
        "pdf",
        "--outdir",
        OUT,
        html,
      ],
      { timeout: 120_000, stdio: "ignore" },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return pdf;
}

/** Runs the PDF benchmarks. */
export async function benchPdf(): Promise<PdfBench> {
  const file = twentyPages();
  const bytes = readFileSync(file);
  const pdfjs = await loadPdfJs();
  const document = await pdfjs.getDocument(pdfSource(bytes)).promise;
  const pages = document.numPages;
  await document.destroy();
  const reportMs = await time(async () => {
    const report = await loadReportBytes(file, bytes, undefined, loadPdfJs);
    if (report.tables.length !== 3) throw new Error(`${file}: ${report.tables.length} tables`);
    checkLoaded(report, { locale: "zh-CN" });
  }, 5);
  const published = [];
  for (const name of readdirSync(PUBLISHED)
    .filter((f) => f.endsWith(".pdf"))
    .sort()) {
    const data = readFileSync(path.join(PUBLISHED, name));
    published.push({
      file: name,
      ms: await time(() => loadReportBytes(name, data, undefined, loadPdfJs), 5),
    });
  }
  return { pages, reportMs, published };
}
