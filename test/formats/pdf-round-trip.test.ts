/**
 * Round trip through LibreOffice Writer: a report we write (the seed's figures in the official
 * layout, with its merges) → .pdf and .docx by `soffice --headless --convert-to` → read back by the
 * PDF reader and the .docx reader: every figure equal to the seed's, zero findings. Table 三 runs
 * over a page break in the PDF, so the continued table is read as one. Slow (soffice): run one after
 * another; the files stay under test-output/pdf for a person to look at.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkLoaded } from "../../src/formats/report/check-file";
import { loadReport } from "../../src/cli/load-file";
import { type LoadedReport } from "../../src/formats/report/load-report";
import { numericValue } from "../../src/core/model/figures";
import { seedTables } from "../helpers/build";
import { reportHtml } from "./helpers/report-html";

jest.setTimeout(240_000);

const OUT = path.join(__dirname, "..", "..", "test-output", "pdf");
const TITLE = ["曲阜市时庄街道办事处", "2024年政府信息公开工作年度报告"];
const PERIOD = "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。";

/** Opens an HTML file in Writer (not Writer/Web) and converts it; returns the written file. */
function writerConvert(file: string, target: string, extension: string): Promise<string> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "xxgk-soffice-"));
  return new Promise<string>((resolve, reject) => {
    execFile(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--infilter=HTML (StarWriter)",
        "--convert-to",
        target,
        "--outdir",
        OUT,
        file,
      ],
      { timeout: 120_000 },
      (error, _stdout, stderr) => {
        rmSync(profile, { recursive: true, force: true });
        if (error === null) resolve(file.replace(/\.html$/u, extension));
        else reject(new Error(`soffice failed: ${error.message} ${stderr}`));
      },
    );
  });
}

let html: string;
beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  html = path.join(OUT, "seed-report.html");
  writeFileSync(html, reportHtml(TITLE, seedTables(), [PERIOD]));
});

function expectSeedFigures(report: LoadedReport): void {
  let compared = 0;
  for (const table of seedTables()) {
    const found = report.tables.filter((t) => t.table === table.table);
    expect({ table: table.table, count: found.length }).toEqual({ table: table.table, count: 1 });
    for (const [id, cell] of table.cells) {
      const actual = found[0]!.cells.get(id);
      const value = actual === undefined ? "absent" : numericValue(actual.reading);
      expect({ id, value }).toEqual({ id, value: cell.raw });
      compared++;
    }
  }
  // Table 二: 10 cells; table 三: 25 rows × 7; table 四: 15.
  expect(compared).toBe(10 + 25 * 7 + 15);
}

test("the seed's report as a LibreOffice PDF reads back with every figure and zero findings", async () => {
  const pdf = await writerConvert(html, "pdf", ".pdf");
  const report = await loadReport(pdf);
  expect(report.kind).toBe("pdf");
  expectSeedFigures(report);
  expect(report.identity).toEqual({ year: 2024, agency: "曲阜市时庄街道办事处" });
  expect(report.narrative).toContain(PERIOD);
  expect(report.documentText?.split("\n").slice(0, 3)).toEqual([...TITLE, "一、总体情况"]);
  // Table 三 runs over the page break: its rows come from two pages.
  const t3 = report.tables.find((t) => t.table === "T3")!;
  const pages = new Set(
    [...t3.cells.values()].map((c) => /^第(\d+)页/u.exec(c.location ?? "")?.[1]),
  );
  expect(pages.size).toBeGreaterThan(1);
  expect(checkLoaded(report, { locale: "zh-CN" }).result.findings).toEqual([]);
});

test("the same report as a LibreOffice .docx reads back with every figure and zero findings", async () => {
  const docx = await writerConvert(html, "docx:MS Word 2007 XML", ".docx");
  const report = await loadReport(docx);
  expect(report.kind).toBe("docx");
  expectSeedFigures(report);
  expect(checkLoaded(report, { locale: "zh-CN" }).result.findings).toEqual([]);
});
