/**
 * The offline page's batch logic against the command line on the same files: every report fixture
 * (text and PDF reports under test/fixtures, and generated workbooks, Word files and web pages;
 * clean, broken and unreadable) gives the entry `xxgk check --format json` prints; the annotated
 * copy is the bytes `xxgk annotate` writes (the clock held still for both, since the zip entries
 * the annotation adds carry the time they were written); the findings CSV is `check --format csv`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../src/cli/run-cli";
import { loadPdfJs } from "../../src/cli/pdfjs-node";
import { officialLayout } from "../../src/core/model/layout";
import { cellId, type TableId } from "../../src/core/model/tables";
import { readReportText } from "../../src/core/text/report-text";
import { fileJson } from "../../src/formats/report/file-entry";
import { templateBytes } from "../../src/xlsx/write-template";
import {
  annotatedCopy,
  checkBatchFile,
  findingsCsv,
  type BatchFile,
  type BatchRow,
} from "../../src/web/batch";
import { FIXTURES, seedTables, seedText } from "../helpers/build";
import { seedPage } from "../helpers/render-html";
import { captureIo } from "../cli/helpers/capture-io";
import { buildDocx, type DocxBlock } from "../xlsx/helpers/build-docx";
import { fillTemplate, keyId } from "../xlsx/helpers/fill-template";
import { makePdf, scannedPage } from "../formats/helpers/make-pdf";

jest.setTimeout(120_000);

let dir: string;
let names: string[];

async function seedDocx(): Promise<Uint8Array> {
  const seed = new Map(seedTables().flatMap((t) => [...t.cells]));
  const table = (id: TableId): DocxBlock => ({
    kind: "table",
    layout: officialLayout(id),
    value: (key) => seed.get(cellId(key))?.raw ?? null,
  });
  const blocks: DocxBlock[] = [];
  for (const line of readReportText(seedText()).narrative.split("\n")) {
    blocks.push({ kind: "paragraph", text: line });
    if (line.startsWith("二、主动公开")) blocks.push(table("T2"));
    if (line.startsWith("三、收到和处理")) blocks.push(table("T3"));
    if (line.startsWith("四、政府信息公开行政复议")) blocks.push(table("T4"));
  }
  return buildDocx(blocks);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-web-batch-"));
  const write = (name: string, bytes: Uint8Array | string): void =>
    writeFileSync(path.join(dir, name), bytes);
  const texts = path.join(FIXTURES, "narratives", "texts");
  for (const name of readdirSync(texts)
    .filter((n) => n.endsWith(".txt"))
    .slice(0, 40))
    write(name, readFileSync(path.join(texts, name)));
  write("seed.txt", readFileSync(path.join(FIXTURES, "seed-report-shizhuang-2024.txt")));
  for (const name of readdirSync(path.join(FIXTURES, "published")).filter((n) =>
    n.endsWith(".pdf"),
  ))
    write(name, readFileSync(path.join(FIXTURES, "published", name)));
  const template = await templateBytes({ tables: ["T2", "T3", "T4"], year: 2024, locale: "zh-CN" });
  write("seed.xlsx", await fillTemplate(template, seedTables()));
  write(
    "broken.xlsx",
    await fillTemplate(template, seedTables(), new Map([[keyId("T3", "一", "自然人"), 99]])),
  );
  write("blank.xlsx", template);
  write("seed.docx", await seedDocx());
  write("seed.html", seedPage());
  write("scanned.pdf", makePdf([scannedPage(), scannedPage()]));
  write("empty.xlsx", new Uint8Array());
  write("not-a-zip.xlsx", "这不是工作簿");
  write("damaged.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]));
  write("picture.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0xff, 0xfe]));
  write("unrelated.txt", "今天天气很好。\n");
  names = readdirSync(dir).sort();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function batchFile(name: string): BatchFile {
  return { name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) };
}

async function cliJson(args: readonly string[]): Promise<{ files: Record<string, unknown>[] }> {
  const out = captureIo(dir);
  await runCli(["check", "--format", "json", ...args], out.io);
  return JSON.parse(out.stdout()) as { files: Record<string, unknown>[] };
}

async function batchRows(locale: "zh-CN" | "en-US"): Promise<BatchRow[]> {
  const rows: BatchRow[] = [];
  for (const name of names) rows.push(await checkBatchFile(batchFile(name), { locale }, loadPdfJs));
  return rows;
}

test("every fixture's entry is the one `xxgk check --format json` prints", async () => {
  const cli = await cliJson(names);
  const rows = await batchRows("zh-CN");
  expect(rows.map((r) => fileJson(r.entry))).toEqual(cli.files);
  // The batch covers every kind of outcome, not only clean files.
  const statuses = new Set(rows.map((r) => r.status));
  expect(statuses).toEqual(new Set(["checked", "unreadable"]));
  expect(rows.some((r) => r.errors > 0)).toBe(true);
  expect(rows.some((r) => r.status === "checked" && r.errors === 0)).toBe(true);
  expect(new Set(rows.map((r) => r.kind))).toEqual(
    new Set(["xlsx", "docx", "txt", "html", "pdf", undefined]),
  );
});

test("the entries are the command line's in English too, and the CSV is `check --format csv`", async () => {
  const cli = await cliJson(["--lang", "en", ...names]);
  const rows = await batchRows("en-US");
  expect(rows.map((r) => fileJson(r.entry))).toEqual(cli.files);
  const out = captureIo(dir);
  await runCli(["check", "--format", "csv", "--lang", "en", ...names], out.io);
  expect(findingsCsv(rows, "en-US")).toBe(out.stdout());
});

test("a row's counts and key figures are the entry's and the report's", async () => {
  const seed = await checkBatchFile(batchFile("seed.xlsx"), { locale: "zh-CN" });
  const broken = await checkBatchFile(batchFile("broken.xlsx"), { locale: "zh-CN" });
  const seedCells = new Map(seedTables().flatMap((t) => [...t.cells]));
  const raw = (table: TableId, row: string): unknown =>
    seedCells.get(cellId({ table, row, column: "总计" }))?.raw;
  expect(seed.figures).toEqual({
    本年新收: raw("T3", "一"),
    办结: raw("T3", "三(七)"),
    结转下年度: raw("T3", "四"),
    复议: raw("T4", "复议"),
    诉讼: (raw("T4", "直诉") as number) + (raw("T4", "复诉") as number),
  });
  expect(seed.errors).toBe(0);
  expect(broken.errors).toBe(broken.entry.findings.filter((f) => f.severity === "error").length);
  expect(broken.errors).toBeGreaterThan(0);
});

describe("the annotated copy is the bytes `xxgk annotate` writes", () => {
  beforeEach(() =>
    // Only the clock is held: pdf.js, exceljs and jszip keep their real timers.
    jest.useFakeTimers({
      now: new Date("2025-03-01T08:00:00Z"),
      doNotFake: [
        "nextTick",
        "setImmediate",
        "clearImmediate",
        "setTimeout",
        "clearTimeout",
        "setInterval",
        "clearInterval",
        "queueMicrotask",
        "hrtime",
        "performance",
      ],
    }),
  );
  afterEach(() => jest.useRealTimers());

  test.each(["seed.xlsx", "broken.xlsx", "seed.docx", "seed.txt", "seed.html"])(
    "%s",
    async (name) => {
      const out = `annotated-${name}.xlsx`;
      const io = captureIo(dir);
      await runCli(["annotate", name, out, "--force"], io.io);
      const expected = readFileSync(path.join(dir, out));
      rmSync(path.join(dir, out));
      const copy = await annotatedCopy(batchFile(name), { locale: "zh-CN" }, loadPdfJs);
      expect(Buffer.from(copy).equals(expected)).toBe(true);
    },
  );
});
