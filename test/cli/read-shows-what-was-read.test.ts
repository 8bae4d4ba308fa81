/**
 * `xxgk read` prints what was read: each table cell with its place, kind and text; each figure the
 * narrative reader took, with the quantity and cells it was tied to; each figure it did not take,
 * with why. Each kind of item is asserted by its printed line.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { FigureCell, LocatedTable } from "../../src/core/model/figures";
import type { NarrativeReading } from "../../src/core/narrative/claims";
import { readingJson, readingText } from "../../src/cli/command-read";
import { runCli } from "../../src/cli/run-cli";
import { templateBytes } from "../../src/xlsx/write-template";
import { seedText } from "../helpers/build";
import { captureIo } from "./helpers/capture-io";

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-read-"));
  writeFileSync(path.join(dir, "seed.txt"), seedText());
  writeFileSync(
    path.join(dir, "blank.xlsx"),
    await templateBytes({ tables: ["T3"], year: 2024, locale: "zh-CN" }),
  );
  writeFileSync(path.join(dir, "empty.txt"), "");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the seed's table cells are printed with their keys, kind and text", async () => {
  const captured = captureIo(dir);
  expect(await runCli(["read", "seed.txt"], captured.io)).toBe(0);
  const lines = captured.stdout().split("\n");
  expect(lines).toContain(
    "    一/总计  表三（依申请公开）「一、本年新收政府信息公开申请数量」行「总计」列  数字  「9」",
  );
  expect(lines).toContain("表格中的数字（200 格）");
});

test("a claim is printed with its span, its quantity, the cell it maps to and its sentence", async () => {
  const captured = captureIo(dir);
  await runCli(["read", "seed.txt"], captured.io);
  const lines = captured.stdout().split("\n");
  const at = lines.indexOf(
    "    「9条」 → 本年新收政府信息公开申请（2024 年）；对应 表三（依申请公开）「一、本年新收政府信息公开申请数量」行「总计」列",
  );
  expect(at).toBeGreaterThan(0);
  expect(lines[at + 1]).toBe(
    "      句子：「2024年度，我街道共收到9条要求公开政府信息的申请，已按照要求在规定时限内予以回复，依法依规答复率100%。」",
  );
  // A quantity with no table cell says so.
  expect(lines).toContain("    「37条」 → 主动公开信息（2024 年）；不对应表格中的单元格");
});

test("a breakdown is printed with its total, whether its parts are all of it, and each part", async () => {
  const captured = captureIo(dir);
  await runCli(["read", "seed.txt"], captured.io);
  const lines = captured.stdout().split("\n");
  const at = lines.indexOf(
    "    总数 「37条」（…公布有关内容，全年共主动公开信息）：所列分项未必是全部；由 N1 核对",
  );
  expect(at).toBeGreaterThan(0);
  expect(lines[at + 1]).toBe(
    "      「1条」 履职依据信息、「18条」 走进时庄栏目、「3条」 经济发展、「3条」 要闻推荐、「2件」 基层党建、「10件」 关爱民生",
  );
});

test("a percentage is printed with its kind", async () => {
  const captured = captureIo(dir);
  await runCli(["read", "seed.txt"], captured.io);
  expect(captured.stdout().split("\n")).toContain("    「100%」 比率");
});

/** A text, and a reading of it written by hand, with one figure of each skip reason printed. */
const TEXT = "全年约收到申请20件。2023年收到申请7件。";
const READING: NarrativeReading = {
  claims: [],
  breakdowns: [],
  percentages: [],
  skipped: [
    {
      span: { start: 6, end: 9, text: "20件" },
      sentence: { start: 0, end: 10, text: "全年约收到申请20件。" },
      reason: "hedged",
    },
    {
      span: { start: 18, end: 20, text: "7件" },
      sentence: { start: 10, end: 21, text: "2023年收到申请7件。" },
      reason: "other-year",
    },
  ],
};

test("a skipped figure is printed with its reason and its sentence", () => {
  const zh = readingText({ file: "a.txt", tables: [], narrative: TEXT, reading: READING }, "zh-CN");
  expect(zh).toContain(
    "  读到但未采用的数字（2 个）\n    「20件」 约数（约、近、超过、余、多等）\n      句子：「全年约收到申请20件。」\n    「7件」 说的是其他年度\n      句子：「2023年收到申请7件。」\n",
  );
  const en = readingText({ file: "a.txt", tables: [], narrative: TEXT, reading: READING }, "en-US");
  expect(en).toContain("    “7件” about another year\n      sentence: “2023年收到申请7件。”\n");
  const json = readingJson(
    { file: "a.txt", tables: [], narrative: TEXT, reading: READING },
    "zh-CN",
  );
  expect((json["narrative"] as { skipped: unknown[] }).skipped[1]).toEqual({
    span: { start: 18, end: 20, text: "7件" },
    reason: "other-year",
    reasonText: "说的是其他年度",
    quote: "2023年收到申请7件。",
  });
});

function cell(row: string, column: string, reading: FigureCell["reading"], raw: FigureCell["raw"]) {
  return { table: "T3" as const, row, column, reading, raw };
}

test("every kind of table cell is printed by its word and its text as written", () => {
  const cells: FigureCell[] = [
    cell("一", "自然人", { kind: "blank" }, null),
    cell("一", "商业企业", { kind: "not-applicable", text: "/" }, "/"),
    cell("一", "科研机构", { kind: "text", text: "无" }, "无"),
    cell("一", "社会公益组织", { kind: "invalid", value: -1, problem: "negative" }, -1),
    cell("一", "法律服务机构", { kind: "error", text: "#REF!" }, "#REF!"),
    { ...cell("一", "其他", { kind: "number", value: 3 }, 3), location: "第3页第12行" },
  ];
  const table: LocatedTable = {
    table: "T3",
    version: "2021",
    cells: new Map(cells.map((c, i) => [String(i), c])),
    structure: [],
  };
  const text = readingText({ file: "a.pdf", tables: [table] }, "zh-CN");
  const row = "表三（依申请公开）「一、本年新收政府信息公开申请数量」行";
  expect(text).toContain(`    一/自然人  ${row}「自然人」列  空白  （空）\n`);
  expect(text).toContain(`    一/商业企业  ${row}「商业企业」列  不适用  「/」\n`);
  expect(text).toContain(`    一/科研机构  ${row}「科研机构」列  文字  「无」\n`);
  expect(text).toContain(`    一/社会公益组织  ${row}「社会公益组织」列  不成立的数字  「-1」\n`);
  expect(text).toContain(`    一/法律服务机构  ${row}「法律服务机构」列  错误值  「#REF!」\n`);
  expect(text).toContain(`    第3页第12行  ${row}「其他」列  数字  「3」\n`);
  expect(text).toContain("正文中读到的数字\n  没有正文。\n");
});

test("--format json gives each workbook cell its sheet-qualified address and kind", async () => {
  const captured = captureIo(dir);
  expect(await runCli(["read", "--format", "json", "blank.xlsx"], captured.io)).toBe(0);
  const run = JSON.parse(captured.stdout()) as {
    tables: {
      table: string;
      cells: { row: string; column: string; address: string; kind: string; text: string }[];
    }[];
    narrative: unknown;
  };
  const first = run.tables[0]!.cells.find((c) => c.row === "一" && c.column === "自然人")!;
  expect(first.kind).toBe("blank");
  expect(first.text).toBe("");
  expect(first.address).toMatch(/^(?:'[^']+'|[^!']+)!\$?[A-Z]{1,3}\$?\d+$/u);
  // The template's notes are text outside the tables; they hold no figure.
  expect(run.narrative).toEqual({ claims: [], breakdowns: [], percentages: [], skipped: [] });
});

test("an unreadable file exits 2 with its reason; CSV is not a reading format", async () => {
  const captured = captureIo(dir);
  expect(await runCli(["read", "empty.txt"], captured.io)).toBe(2);
  expect(captured.stderr()).toBe("✗ empty.txt：文件是空的\n");
  const csv = captureIo(dir);
  expect(await runCli(["read", "--format", "csv", "seed.txt"], csv.io)).toBe(2);
});

test("--lang en prints the labels in English", async () => {
  const captured = captureIo(dir);
  await runCli(["read", "--lang", "en", "seed.txt"], captured.io);
  const lines = captured.stdout().split("\n");
  expect(lines).toContain(
    "    “9条” → new requests (year 2024); cells: Table 3 (requests), I. New requests received this year, total",
  );
  expect(lines).toContain("Figures read in the text");
});
