/**
 * What `template` and `annotate` write, opened in LibreOffice headless: the totals' formulas compute
 * the seed's totals after recalculation, the template renders to a PDF page with content, and the
 * annotated copy opens with its findings sheet. Slow (soffice): few tests, run one after another.
 * Artefacts stay under test-output/xlsx for a person to look at.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { runCli } from "../../src/cli/run-cli";
import { planTemplate } from "../../src/core/template/plan";
import { parseCellAddress } from "../../src/core/model/address";
import { cellId } from "../../src/core/model/tables";
import { seedTables } from "../helpers/build";
import { captureIo } from "../cli/helpers/capture-io";
import { fillTemplate, keyId } from "./helpers/fill-template";
import { CSV_ALL_SHEETS, readCsv, sofficeConvert } from "./helpers/soffice";
import { templateSheetName } from "../../src/xlsx/write-template";

jest.setTimeout(240_000);

const OUT = path.join(__dirname, "..", "..", "test-output", "xlsx");

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
});

async function seedWorkbook(name: string): Promise<string> {
  const template = path.join(OUT, "template.xlsx");
  const { io } = captureIo(OUT);
  expect(await runCli(["template", "--year", "2024", template], io)).toBe(0);
  const filled = await fillTemplate(readFileSync(template), seedTables());
  const file = path.join(OUT, name);
  writeFileSync(file, filled);
  return file;
}

test("the template's total formulas compute the seed's totals after LibreOffice recalculates", async () => {
  const file = await seedWorkbook("template-seed.xlsx");
  const csvDir = path.join(OUT, "csv");
  mkdirSync(csvDir, { recursive: true });
  await sofficeConvert(file, CSV_ALL_SHEETS, csvDir);
  const seed = new Map(seedTables().flatMap((t) => [...t.cells]));
  let totals = 0;
  for (const table of ["T2", "T3", "T4"] as const) {
    const csv = readCsv(path.join(csvDir, `template-seed-${templateSheetName(table)}.csv`));
    const [plan] = planTemplate([table], { row: 2 });
    for (const c of plan!.cells.filter((x) => x.role === "total" && x.cell !== undefined)) {
      const { row, column } = parseCellAddress(c.address);
      const expected = seed.get(cellId(c.cell!))?.raw;
      expect({ cell: c.address, value: csv[row]?.[column] }).toEqual({
        cell: c.address,
        value: String(expected),
      });
      totals++;
    }
  }
  // 总计 column (25) + （七）row (6 more) of table 三, three 总计 of table 四.
  expect(totals).toBe(34);
});

test("the template renders to a PDF whose first page is a non-empty picture", async () => {
  const template = path.join(OUT, "template.xlsx");
  const pdfDir = path.join(OUT, "pdf");
  mkdirSync(pdfDir, { recursive: true });
  const [pdf] = await sofficeConvert(template, "pdf", pdfDir);
  expect(statSync(pdf!).size).toBeGreaterThan(10_000);
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "50",
    "-f",
    "1",
    "-l",
    "3",
    pdf!,
    path.join(pdfDir, "template-page"),
  ]);
  const pages = readdirSync(pdfDir).filter(
    (f) => f.startsWith("template-page") && f.endsWith(".png"),
  );
  expect(pages.length).toBeGreaterThanOrEqual(3);
  for (const p of pages) expect(statSync(path.join(pdfDir, p)).size).toBeGreaterThan(5_000);
});

test("an annotated copy opens in LibreOffice with the findings sheet listing the broken rule", async () => {
  const template = path.join(OUT, "template.xlsx");
  const broken = await fillTemplate(
    readFileSync(template),
    seedTables(),
    new Map([[keyId("T4", "复议", "总计"), 3]]),
  );
  const input = path.join(OUT, "broken.xlsx");
  writeFileSync(input, broken);
  const annotated = path.join(OUT, "broken-annotated.xlsx");
  const { io } = captureIo(OUT);
  expect(await runCli(["annotate", input, annotated], io)).toBe(1);
  const csvDir = path.join(OUT, "annotated-csv");
  mkdirSync(csvDir, { recursive: true });
  await sofficeConvert(annotated, CSV_ALL_SHEETS, csvDir);
  const findings = readCsv(path.join(csvDir, "broken-annotated-检查结果.csv"));
  expect(findings[0]).toEqual([
    "序号",
    "规则",
    "级别",
    "表格",
    "问题说明",
    "单元格",
    "填报值",
    "计算值",
    "差额",
    "建议修改",
  ]);
  expect(findings.slice(1).map((r) => r[1])).toContain("R4");
  const pdfDir = path.join(OUT, "annotated-pdf");
  mkdirSync(pdfDir, { recursive: true });
  const [pdf] = await sofficeConvert(annotated, "pdf", pdfDir);
  expect(statSync(pdf!).size).toBeGreaterThan(10_000);
});
