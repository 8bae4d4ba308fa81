/**
 * `xxgk extract`: one row per report with every figure of tables 二/三/四 under two header rows
 * (official labels, then keys); the seed and every transcribed case, each figure asserted against
 * its transcription; a broken file as a row with its status; text cells as their text, named in
 * the note and neutralised in CSV; the .xlsx the same figures as the .csv.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/run-cli";
import { numericValue, type LocatedTable } from "../../src/core/model/figures";
import { cellId, tableDef, type TableId } from "../../src/core/model/tables";
import { caseTables, loadCases, seedText, seedTables } from "../helpers/build";
import { parseCsv } from "../xlsx/helpers/soffice";
import { caseReportText } from "./helpers/case-text";
import { captureIo } from "./helpers/capture-io";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-extract-"));
  writeFileSync(path.join(dir, "a-seed.txt"), seedText());
  for (const c of loadCases())
    writeFileSync(path.join(dir, `case-${c.case_id}.txt`), caseReportText(c));
  writeFileSync(path.join(dir, "z-broken.xlsx"), Buffer.from("PK\u0003\u0004 not a zip"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function extract(args: string[]): Promise<{ code: number; stdout: string }> {
  const captured = captureIo(dir);
  const code = await runCli(["extract", ...args], captured.io);
  return { code, stdout: captured.stdout() };
}

/**
 * What a figure column holds for a transcribed table: its number, its text, or "" (blank or not
 * there). A row the stored copy showed only in part is not in the rendered text (case-text.ts).
 */
function expectedField(tables: readonly LocatedTable[], key: string): string {
  const [table, row] = key.split("/") as [TableId, string];
  const located = tables.find((t) => t.table === table);
  const cell = located?.cells.get(key);
  if (located === undefined || cell === undefined || cell.reading.kind === "blank") return "";
  const block = tableDef(table, located.version).blocks.find((b) =>
    b.rows.some((r) => r.key === row),
  )!;
  if (block.columns.some((c) => !located.cells.has(cellId({ table, row, column: c.key }))))
    return "";
  const value = numericValue(cell.reading);
  return value === undefined ? String(cell.raw) : String(value);
}

const FIXED = 8;

describe("extract to CSV", () => {
  let rows: string[][];
  beforeAll(async () => {
    const { code, stdout } = await extract([".", "-o", "figures.csv"]);
    expect(code).toBe(2); // the broken file
    expect(stdout).toContain("figures.csv");
    const bytes = readFileSync(path.join(dir, "figures.csv"), "utf8");
    expect(bytes.startsWith("\ufeff")).toBe(true);
    rows = parseCsv(bytes.slice(1)).filter((r) => r.length > 1);
  });

  it("has two header rows: official labels, then the keys of check's JSON", () => {
    const [labels, keys] = rows;
    expect(labels!.slice(0, FIXED)).toEqual([
      "文件",
      "机关",
      "年度",
      "文件类型",
      "状态",
      "表格格式",
      "说明",
      "已说明",
    ]);
    expect(keys!.slice(0, FIXED)).toEqual([
      "file",
      "agency",
      "year",
      "type",
      "status",
      "format",
      "note",
      "explained",
    ]);
    // 10 figures of table 二, 175 of table 三, 15 of table 四, then those found only in the 2019
    // tables: 19 of table 二 and the 7 of the single （六）其他处理 row.
    expect(keys!.length - FIXED).toBe(10 + 175 + 15 + 19 + 7);
    const at = keys!.indexOf("T3/一/总计");
    expect(labels![at]).toBe("表三 一、本年新收政府信息公开申请数量 总计");
    expect(labels![keys!.indexOf("T2/行政事业性收费/金额")]).toBe(
      "表二 第二十条第（八）项 行政事业性收费 本年收费金额（单位：万元）",
    );
    expect(labels![keys!.indexOf("T4/直诉/未结")]).toBe("表四 行政诉讼 未经复议直接起诉 尚未审结");
    expect(labels![keys!.indexOf("T3/三(六)/总计")]).toBe(
      "表三 三、本年度办理结果 （六）其他处理 总计（2019 试行格式）",
    );
  });

  it("has one row per file, in file order", () => {
    expect(rows.slice(2).map((r) => r[0])).toEqual([
      "a-seed.txt",
      ...loadCases()
        .map((c) => `case-${c.case_id}.txt`)
        .sort(),
      "z-broken.xlsx",
    ]);
  });

  it("gives the seed's agency, year, type, status and every figure", () => {
    const keys = rows[1]!;
    const seed = rows.find((r) => r[0] === "a-seed.txt")!;
    expect(seed.slice(0, FIXED)).toEqual([
      "a-seed.txt",
      "曲阜市时庄街道办事处",
      "2024",
      "txt",
      "已读取",
      "T2:2021 T3:2021 T4:2021",
      "",
      "0",
    ]);
    const tables = seedTables();
    keys.slice(FIXED).forEach((key, i) => {
      expect([key, seed[FIXED + i]]).toEqual([key, expectedField(tables, key)]);
    });
    expect(seed[keys.indexOf("T3/一/总计")]).toBe("9");
  });

  it.each(loadCases().map((c) => [c.case_id, c] as const))(
    "gives every figure of case %s as transcribed (blank and unseen cells empty)",
    (id, c) => {
      const keys = rows[1]!;
      const row = rows.find((r) => r[0] === `case-${id}.txt`)!;
      const tables = caseTables(c);
      keys.slice(FIXED).forEach((key, i) => {
        expect([key, row[FIXED + i]]).toEqual([key, expectedField(tables, key)]);
      });
    },
  );

  it("gives a broken file a row with its status and no figure", () => {
    const row = rows.find((r) => r[0] === "z-broken.xlsx")!;
    expect(row[4]).toBe("无法读取：文件已损坏，无法打开");
    expect(row.slice(FIXED).every((v) => v === "")).toBe(true);
    expect(row.length).toBe(rows[1]!.length);
  });
});

describe("text cells", () => {
  beforeAll(() => {
    writeFileSync(
      path.join(dir, "text-cells.txt"),
      seedText()
        .replace(/(\t（一）予以公开\n)\t1\n/u, "$1\t=1+1\n")
        .replace(/(\t（七）总计\n)\t9\n/u, "$1\t/\n"),
    );
  });

  it("are written as their text, neutralised in CSV, and named in the note", async () => {
    await extract(["text-cells.txt", "-o", "text.csv"]);
    const rows = parseCsv(readFileSync(path.join(dir, "text.csv"), "utf8").slice(1));
    const keys = rows[1]!;
    const row = rows[2]!;
    expect(row[keys.indexOf("T3/三(一)/自然人")]).toBe("'=1+1");
    expect(row[keys.indexOf("T3/三(七)/自然人")]).toBe("/");
    expect(row[6]).toBe("文字：T3/三(一)/自然人；不适用符号：T3/三(七)/自然人");
  });

  it("are strings in the .xlsx (never formulas), marked with a fill", async () => {
    await extract(["text-cells.txt", "a-seed.txt", "-o", "text.xlsx"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, "text.xlsx"));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("数字汇总");
    const keys = (sheet.getRow(2).values as unknown[]).slice(1);
    const column = keys.indexOf("T3/三(一)/自然人") + 1;
    const cell = sheet.getRow(3).getCell(column);
    expect(cell.value).toBe("=1+1");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.fill).toEqual(expect.objectContaining({ pattern: "solid" }));
    // The seed's row: numbers are numbers.
    expect(sheet.getRow(4).getCell(keys.indexOf("T3/一/总计") + 1).value).toBe(9);
    expect(sheet.getRow(4).getCell(1).value).toBe("a-seed.txt");
  });
});

describe("arguments", () => {
  it("needs -o with .xlsx or .csv", async () => {
    expect((await extract(["a-seed.txt"])).code).toBe(2);
    expect((await extract(["a-seed.txt", "-o", "figures.json"])).code).toBe(2);
  });

  it("never writes an input file", async () => {
    writeFileSync(path.join(dir, "input.csv"), "x");
    const before = readFileSync(path.join(dir, "a-seed.txt"), "utf8");
    const captured = captureIo(dir);
    // A .txt output is refused as a type; an output that is one of the inputs is refused outright.
    expect(await runCli(["extract", "a-seed.txt", "-o", "a-seed.txt"], captured.io)).toBe(2);
    expect(readFileSync(path.join(dir, "a-seed.txt"), "utf8")).toBe(before);
    const again = captureIo(dir);
    writeFileSync(path.join(dir, "seed-copy.xlsx"), readFileSync(path.join(dir, "text.xlsx")));
    expect(await runCli(["extract", "seed-copy.xlsx", "-o", "seed-copy.xlsx"], again.io)).toBe(2);
    expect(again.stderr()).toContain("输出文件不能是输入文件本身");
  });
});
