/**
 * The workbook `xxgk extract` writes, opened by LibreOffice Calc headless and saved as CSV: the
 * header rows and the seed's figures come back as written (the file is a real .xlsx, not only
 * something exceljs can read back). Slow (soffice): one test.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { runCli } from "../../src/cli/run-cli";
import { numericValue } from "../../src/core/model/figures";
import { seedTables, seedText } from "../helpers/build";
import { captureIo } from "../cli/helpers/capture-io";
import { CSV_ALL_SHEETS, readCsv, sofficeConvert } from "./helpers/soffice";

jest.setTimeout(240_000);

const OUT = path.join(__dirname, "..", "..", "test-output", "extract");

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
});

test("the extracted workbook opens in LibreOffice with the seed's figures and a row for a broken file", async () => {
  writeFileSync(path.join(OUT, "seed.txt"), seedText());
  writeFileSync(path.join(OUT, "broken.docx"), "not a zip");
  const captured = captureIo(OUT);
  expect(
    await runCli(["extract", "seed.txt", "broken.docx", "-o", "figures.xlsx"], captured.io),
  ).toBe(2);
  const csvDir = path.join(OUT, "csv");
  mkdirSync(csvDir, { recursive: true });
  const [written] = await sofficeConvert(path.join(OUT, "figures.xlsx"), CSV_ALL_SHEETS, csvDir);
  const rows = readCsv(written!);
  const keys = rows[1]!;
  expect(rows[0]!.slice(0, 5)).toEqual(["文件", "机关", "年度", "文件类型", "状态"]);
  const seed = rows[2]!;
  expect(seed.slice(0, 5)).toEqual(["seed.txt", "曲阜市时庄街道办事处", "2024", "txt", "已读取"]);
  let figures = 0;
  for (const table of seedTables()) {
    for (const [key, cell] of table.cells) {
      expect([key, seed[keys.indexOf(key)]]).toEqual([key, String(numericValue(cell.reading))]);
      figures++;
    }
  }
  expect(figures).toBe(10 + 175 + 15);
  expect(rows[3]!.slice(0, 5)).toEqual([
    "broken.docx",
    "",
    "",
    "",
    "无法读取：文件已损坏，无法打开",
  ]);
});
