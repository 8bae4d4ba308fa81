/**
 * The Word report in LibreOffice Writer: `soffice --headless --convert-to pdf` opens and lays it
 * out on A4 portrait; every piece of text on every page (table cells included) lies inside the
 * type area, so no column is cut; the PDF, read back by our PDF reader, holds the tables' figures;
 * and the fonts the report asks for are named in the file. Skipped, with the reason in its name,
 * only where soffice is not installed and this is not CI; in CI a missing soffice fails.
 */
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { loadReport } from "../../../src/cli/load-file";
import type { LoadedReport } from "../../../src/formats/report/load-report";
import { loadPdfJs } from "../../../src/cli/pdfjs-node";
import { checkReport } from "../../../src/core/check";
import { numericValue } from "../../../src/core/model/figures";
import { dataCells, tableDef, type TableId } from "../../../src/core/model/tables";
import { runsOf, type Run } from "../../../src/formats/pdf/page";
import { pdfSource } from "../../../src/formats/pdf/read-pdf";
import { PAGE, REPORT_FONTS, reportDocx } from "../../../src/formats/docx/write-report";
import { FIXTURES, seedText } from "../../helpers/build";
import { sofficeConvert } from "../../xlsx/helpers/soffice";

jest.setTimeout(240_000);

function onPath(command: string): boolean {
  return (process.env["PATH"] ?? "").split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const HAS_SOFFICE = onPath("soffice");
const IN_CI = process.env["CI"] !== undefined && process.env["CI"] !== "";

if (!HAS_SOFFICE && IN_CI) {
  test("soffice is installed in CI (libreoffice-writer-nogui, .ci/apt-packages.txt)", () => {
    expect(HAS_SOFFICE).toBe(true);
  });
}

const suite = HAS_SOFFICE ? describe : describe.skip;
const name = HAS_SOFFICE
  ? "the report in LibreOffice Writer"
  : "the report in LibreOffice Writer (SKIPPED: soffice is not installed here; CI runs it)";

/** Closing punctuation that Chinese typesetting lets hang past the line's end. */
const HANGING = /[，。、；：！？”’）》」』】]$/u;

/** Twips to PDF points. */
const pt = (twips: number): number => twips / 20;

interface PdfPageText {
  readonly width: number;
  readonly height: number;
  readonly runs: Run[];
}

async function pdfPages(file: string): Promise<PdfPageText[]> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(pdfSource(readFileSync(file)));
  const doc = await task.promise;
  const pages: PdfPageText[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push({
        width: page.view[2]! - page.view[0]!,
        height: page.view[3]! - page.view[1]!,
        runs: runsOf(content.items).filter((r) => r.text.trim() !== ""),
      });
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  return pages;
}

function figures(report: LoadedReport, table: TableId): (number | undefined)[] {
  const located = report.tables.find((t) => t.table === table);
  return dataCells(tableDef(table)).map((d) => {
    const cell = located?.cells.get(`${d.table}/${d.row}/${d.column}`);
    return cell === undefined ? undefined : numericValue(cell.reading);
  });
}

suite(name, () => {
  let dir: string;
  let docx: string;
  let pdf: string;
  let seed: LoadedReport;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-report-lo-"));
    seed = await loadReport(path.join(FIXTURES, "seed-report-shizhuang-2024.txt"));
    const settings = { agency: "曲阜市时庄街道办事处", year: 2024, self: "我街道" };
    const check = checkReport({ tables: seed.tables, ...settings });
    docx = path.join(dir, "report.docx");
    writeFileSync(
      docx,
      await reportDocx({ tables: seed.tables, ...settings, check, locale: "zh-CN" }),
    );
    const written = (await sofficeConvert(docx, "pdf", dir)).find((f) => f.endsWith(".pdf"));
    if (written === undefined) throw new Error("soffice wrote no PDF");
    pdf = written;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("Writer lays the report out on A4 portrait pages", async () => {
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(pt(PAGE.width), 0);
      expect(page.height).toBeCloseTo(pt(PAGE.height), 0);
    }
  });

  test("every table cell's text lies inside the type area, and the body's text too", async () => {
    const pages = await pdfPages(pdf);
    const left = pt(PAGE.left) - 1;
    const right = pt(PAGE.width - PAGE.right) + 1;
    // Body text (3号, 16 pt) may hang one closing punctuation mark into the margin, as Chinese
    // typesetting does (LibreOffice and Word both); table text (12 pt and less) may not.
    const hangs = (r: Run): boolean =>
      r.size >= 15 && HANGING.test(r.text) && r.x + r.width - r.size <= right;
    const outside = pages.flatMap((page, i) =>
      page.runs
        .filter((r) => r.x < left || (r.x + r.width > right && !hangs(r)))
        .map(
          (r) =>
            `page ${i + 1}: "${r.text}" ${r.size.toFixed(1)}pt ${r.x.toFixed(1)}–${(r.x + r.width).toFixed(1)}`,
        ),
    );
    const tableRuns = pages.flatMap((p) => p.runs.filter((r) => r.size < 13));
    expect(tableRuns.length).toBeGreaterThan(200);
    expect(outside).toEqual([]);
    // Table 四 (小五, 9 pt) shows its 15 figures in 15 columns side by side, none dropped.
    const t4Figures = pages
      .flatMap((p) => p.runs)
      .filter((r) => Math.abs(r.size - 9) < 0.5 && /^\d+$/u.test(r.text.trim()));
    expect(t4Figures).toHaveLength(15);
    expect(new Set(t4Figures.map((r) => Math.round(r.x + r.width / 2))).size).toBe(15);
    const text = pages.flatMap((p) => p.runs.map((r) => r.text)).join("");
    expect(text).toMatch(/—\s*1\s*—/u);
  });

  test("the PDF, read back by our PDF reader, holds every figure of the three tables", async () => {
    const read = await loadReport(pdf);
    for (const table of ["T2", "T3", "T4"] as const)
      expect(figures(read, table)).toEqual(figures(seed, table));
  });

  test("the fonts the report asks for are named in the document and its styles", () => {
    const parts = unzipSync(new Uint8Array(readFileSync(docx)));
    const xml = ["word/document.xml", "word/styles.xml"].map((p) => strFromU8(parts[p]!)).join("");
    for (const pair of Object.values(REPORT_FONTS)) {
      expect(xml).toContain(`w:eastAsia="${pair.eastAsia}"`);
      expect(xml).toContain(`w:ascii="${pair.latin}"`);
    }
    expect(xml).toMatch(/<w:spacing [^>]*w:line="560" w:lineRule="exact"/u);
    expect(xml).toContain('<w:pgSz w:w="11907" w:h="16840" w:orient="portrait"/>');
  });

  test("a draft from failing tables shows its 【请核对】 marks and its note in the PDF", async () => {
    const seedReport = seedText();
    const row = seedReport.indexOf("一、本年新收政府信息公开申请数量");
    const first = seedReport.indexOf("\t9\n", row);
    // The 自然人 cell of row 一 becomes 8 while its 总计 stays 9: one R2 problem.
    const broken = path.join(dir, "broken.txt");
    writeFileSync(broken, `${seedReport.slice(0, first)}\t8\n${seedReport.slice(first + 3)}`);
    const report = await loadReport(broken);
    const check = checkReport({ tables: report.tables, year: 2024 });
    expect(
      check.problems.filter((p) => p.findings.some((f) => f.severity === "error")),
    ).toHaveLength(1);
    const draft = path.join(dir, "draft.docx");
    writeFileSync(
      draft,
      await reportDocx({ tables: report.tables, year: 2024, check, locale: "zh-CN" }),
    );
    const written = (await sofficeConvert(draft, "pdf", dir)).find((f) => f.endsWith(".pdf"))!;
    const text = (await pdfPages(written)).flatMap((p) => p.runs.map((r) => r.text)).join("");
    expect(text.replace(/\s/gu, "")).toContain("本稿由检查发现问题的表格生成（1个问题）");
    expect(text.split("【请核对】").length - 1).toBeGreaterThanOrEqual(4);
  });
});
