/** Arguments the command line accepts and refuses, and the commands' exit codes on misuse. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { parseCliArguments, parseTables, UsageError } from "../../src/cli/parse-args";
import { runCli } from "../../src/cli/run-cli";
import { identifyReport } from "../../src/formats/report/report-identity";
import { FIXTURES } from "../helpers/build";
import { captureIo } from "./helpers/capture-io";

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-args-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("tables are named in Chinese or by number and come back in table order", () => {
  expect(parseTables("四,二")).toEqual(["T4", "T2"].sort());
  expect(parseTables("3")).toEqual(["T3"]);
  expect(() => parseTables("五")).toThrow(UsageError);
});

test("unknown commands, unknown options and options of another command are usage errors", () => {
  expect(() => parseCliArguments(["frobnicate"])).toThrow(UsageError);
  expect(() => parseCliArguments(["check", "--colour", "x.xlsx"])).toThrow(UsageError);
  expect(() => parseCliArguments(["template", "--format", "json", "out.xlsx"])).toThrow(UsageError);
  expect(() => parseCliArguments(["check", "--format", "xml", "x.xlsx"])).toThrow(UsageError);
  expect(() => parseCliArguments(["template", "--year", "二〇二四", "out.xlsx"])).toThrow(
    UsageError,
  );
  expect(() => parseCliArguments(["annotate", "in.xlsx"])).toThrow(UsageError);
});

test("a usage error exits 2 with the hint on stderr, and --help prints the usage", async () => {
  const bad = captureIo(dir);
  expect(await runCli(["check"], bad.io)).toBe(2);
  expect(bad.stderr()).toContain("xxgk --help");
  const help = captureIo(dir);
  expect(await runCli(["--help"], help.io)).toBe(0);
  expect(help.stdout()).toContain("用法：xxgk");
  const english = captureIo(dir);
  expect(await runCli(["--help", "--lang", "en"], english.io)).toBe(0);
  expect(english.stdout()).toContain("Usage: xxgk");
});

test("template --tables 三 --year 2025 writes one sheet titled with the year", async () => {
  const { io, stdout } = captureIo(dir);
  expect(await runCli(["template", "--tables", "三", "--year", "2025", "t3.xlsx"], io)).toBe(0);
  expect(stdout()).toContain("表三");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path.join(dir, "t3.xlsx")) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(["表三"]);
  expect(workbook.getWorksheet("表三")!.getCell("A1").value).toBe("2025年政府信息公开工作年度报告");
  expect(workbook.definedNames.getRanges("XXGK_T3").ranges).toEqual(["'表三'!$A$3:$J$32"]);
});

test("the year and the agency come from the title, split over two lines as Word exports it", () => {
  const seed = readFileSync(path.join(FIXTURES, "seed-report-shizhuang-2024.txt"), "utf8").split(
    "\n",
  );
  expect(identifyReport(seed)).toEqual({ year: 2024, agency: "曲阜市时庄街道办事处" });
  expect(identifyReport(["本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。"])).toEqual({
    year: 2023,
  });
  expect(identifyReport(["会议纪要"])).toEqual({});
  // A title set over two lines, the agency's name alone above the year (as PDFs set it).
  expect(identifyReport(["淮安市人民政府", "2024 年政府信息公开工作年度报告"])).toEqual({
    year: 2024,
    agency: "淮安市人民政府",
  });
  // A line above the title that is not only a name is not taken for the agency.
  expect(identifyReport(["淮政办〔2025〕1号", "2024年政府信息公开工作年度报告"])).toEqual({
    year: 2024,
  });
});

test("narrative prints the paragraphs for the seed's tables, in English with --lang en", async () => {
  const zh = captureIo(dir);
  expect(
    await runCli(
      ["narrative", path.join(FIXTURES, "seed-report-shizhuang-2024.txt"), "--self", "我街道"],
      zh.io,
    ),
  ).toBe(0);
  expect(zh.stdout()).toContain("我街道");
  expect(zh.stdout()).toContain("9");
  const en = captureIo(dir);
  expect(
    await runCli(
      ["narrative", "--lang", "en", path.join(FIXTURES, "seed-report-shizhuang-2024.txt")],
      en.io,
    ),
  ).toBe(0);
  expect(en.stdout()).toMatch(/[A-Za-z]/u);
  const none = captureIo(dir);
  expect(await runCli(["narrative", "missing.xlsx"], none.io)).toBe(2);
});
