/**
 * The JSON of `check` is consumed by other tools: its key structure is pinned by a snapshot (keys
 * and value types, not messages), and the CSV and English outputs carry the same findings.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../src/cli/run-cli";
import { templateBytes } from "../../src/xlsx/write-template";
import { seedTables, seedText } from "../helpers/build";
import { fillTemplate, keyId } from "../xlsx/helpers/fill-template";
import { captureIo } from "./helpers/capture-io";

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-json-"));
  const template = await templateBytes({ tables: ["T2", "T3", "T4"], year: 2024 });
  writeFileSync(
    path.join(dir, "a-broken.xlsx"),
    await fillTemplate(template, seedTables(), new Map([[keyId("T3", "一", "总计"), 10]])),
  );
  writeFileSync(
    path.join(dir, "b-report.txt"),
    // A list closed by its residual part (其他…) whose whole is off by one: an N1 error.
    seedText()
      .replace("全年共主动公开信息37条", "全年共主动公开信息38条")
      .replace("关爱民生10件", "其他信息10件"),
  );
  writeFileSync(path.join(dir, "c-empty.xlsx"), "");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The shape of a JSON value: keys with the shapes of their values; arrays by their first element. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])];
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  }
  return typeof value;
}

test("the JSON output keeps its key structure", async () => {
  const captured = captureIo(dir);
  expect(
    await runCli(
      ["check", "--format", "json", "a-broken.xlsx", "b-report.txt", "c-empty.xlsx"],
      captured.io,
    ),
  ).toBe(2);
  const run = JSON.parse(captured.stdout()) as { files: unknown[] };
  expect(run.files.map(shape)).toMatchSnapshot();
  // Every cell of every finding of a workbook is a sheet-qualified A1 address; text reports have none.
  const files = run.files as {
    file: string;
    findings?: {
      rule: string;
      cells: string[];
      fix?: { cell: string };
      quote?: string;
      spans?: { text: string }[];
    }[];
  }[];
  const workbook = files.find((f) => f.file === "a-broken.xlsx")!;
  const cells = workbook.findings!.flatMap((f) => [...f.cells, ...(f.fix ? [f.fix.cell] : [])]);
  expect(cells.length).toBeGreaterThan(0);
  for (const cell of cells) expect(cell).toMatch(/^(?:'[^']+'|[^!']+)!\$?[A-Z]{1,3}\$?\d+$/u);
  const text = files.find((f) => f.file === "b-report.txt")!;
  expect(text.findings!.length).toBeGreaterThan(0);
  for (const f of text.findings!) expect(f.cells).toEqual([]);
  // A narrative finding quotes its sentence and keeps the spans it points at (issue 7 item 5).
  const narrative = text.findings!.find((f) => f.rule === "N1")!;
  expect(narrative.quote).toContain("全年共主动公开信息38条");
  expect(narrative.spans![0]!.text).toContain("全年共主动公开信息38条");
  expect(shape({ ...run, files: [] })).toMatchInlineSnapshot(`
{
  "files": [],
  "summary": {
    "checked": "number",
    "errors": "number",
    "explained": "number",
    "files": "number",
    "incomplete": "number",
    "unreadable": "number",
    "warnings": "number",
  },
  "tool": "string",
  "version": "string",
}
`);
});

test("CSV output has one row per finding and one per unreadable file", async () => {
  const captured = captureIo(dir);
  await runCli(["check", "--format", "csv", "a-broken.xlsx", "c-empty.xlsx"], captured.io);
  const lines = captured
    .stdout()
    .replace(/^\ufeff/u, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe(
    // `quote` (issue 7) and the explanation columns (issue 13) were added at the end: older
    // readers of the first columns are unaffected.
    "file,status,rule,severity,table,cells,where,reported,computed,difference,fix_cell,fix_value,message,quote,explained_reason,explained_date,lapsed_reason",
  );
  expect(lines.slice(1).map((l) => l.split(",").slice(0, 4).join(","))).toEqual([
    "a-broken.xlsx,checked,R1,error",
    "a-broken.xlsx,checked,R2,error",
    "c-empty.xlsx,unreadable,,",
  ]);
});

test("--lang en writes the messages and the summary in English", async () => {
  const captured = captureIo(dir);
  await runCli(["check", "--lang", "en", "a-broken.xlsx", "c-empty.xlsx"], captured.io);
  const out = captured.stdout();
  expect(out).toContain("Table 3");
  expect(out).toContain("2 files: 1 checked, 1 unreadable");
  expect(out).not.toMatch(/[错误警告]/u);
});

interface JsonCell {
  table: string;
  row: string;
  column: string;
  value: number | null;
  kind: string;
  text: string;
  address?: string;
}

async function jsonTables(
  files: string[],
): Promise<{ file: string; tables: { table: string; cells: JsonCell[] }[] }[]> {
  const captured = captureIo(dir);
  await runCli(["check", "--format", "json", ...files], captured.io);
  return (JSON.parse(captured.stdout()) as { files: never[] }).files;
}

test("each table found lists its cells with their keys, value, kind, text and address", async () => {
  const [workbook, text] = await jsonTables(["a-broken.xlsx", "b-report.txt"]);
  const seed = seedTables();
  for (const file of [workbook!, text!]) {
    expect(file.tables.map((t) => [t.table, t.cells.length])).toEqual(
      seed.map((t) => [t.table, t.cells.size]),
    );
    for (const table of file.tables) {
      const expected = seed.find((t) => t.table === table.table)!;
      for (const cell of table.cells) {
        const original = expected.cells.get(`${cell.table}/${cell.row}/${cell.column}`)!;
        const value =
          file === workbook && cell.row === "一" && cell.column === "总计" ? 10 : original.raw;
        expect([cell.table, cell.row, cell.column, cell.value, cell.kind, cell.text]).toEqual([
          table.table,
          original.row,
          original.column,
          Number(value),
          "number",
          String(value),
        ]);
      }
    }
  }
  // Workbook cells carry their sheet-qualified A1 address; text cells are found by their keys.
  const broken = workbook!.tables
    .find((t) => t.table === "T3")!
    .cells.find((c) => c.row === "一" && c.column === "总计")!;
  expect(broken.address).toMatch(/^(?:'[^']+'|[^!']+)!\$?[A-Z]{1,3}\$?\d+$/u);
  for (const table of text!.tables)
    for (const cell of table.cells) expect(cell.address).toBeUndefined();
});

test("a text, a '/' and a negative cell keep their kind and their text; only numbers have a value", async () => {
  writeFileSync(
    path.join(dir, "d-kinds.txt"),
    seedText()
      .replace(/(\t（一）予以公开\n)\t1\n/u, "$1\t1件\n")
      .replace(/(\t（七）总计\n)\t9\n/u, "$1\t/\n")
      .replace(/(\t规章\n)\t0\n/u, "$1\t-1\n"),
  );
  const [file] = await jsonTables(["d-kinds.txt"]);
  const t3 = file!.tables.find((t) => t.table === "T3")!;
  const at = (row: string, column: string): JsonCell =>
    t3.cells.find((c) => c.row === row && c.column === column)!;
  expect(at("三(一)", "自然人")).toEqual({
    table: "T3",
    row: "三(一)",
    column: "自然人",
    value: null,
    kind: "text",
    text: "1件",
  });
  expect(at("三(七)", "自然人")).toEqual({
    table: "T3",
    row: "三(七)",
    column: "自然人",
    value: null,
    kind: "not-applicable",
    text: "/",
  });
  const t2 = file!.tables.find((t) => t.table === "T2")!;
  expect(t2.cells.find((c) => c.row === "规章" && c.column === "制发")).toEqual({
    table: "T2",
    row: "规章",
    column: "制发",
    value: -1,
    kind: "invalid",
    text: "-1",
  });
});

test("text output quotes the sentence of a narrative finding on its own indented line", async () => {
  const captured = captureIo(dir);
  await runCli(["check", "b-report.txt"], captured.io);
  const lines = captured.stdout().split("\n");
  const at = lines.findIndex((l) => l.startsWith("  [错误] N1 "));
  expect(lines[at + 1]).toBe(
    "      「…严格履行审批程序，按照全面、准确的原则公布有关内容，全年共主动公开信息38条，其中履职依据信息1条，走进时庄栏目18条…」",
  );
  const english = captureIo(dir);
  await runCli(["check", "--lang", "en", "b-report.txt"], english.io);
  expect(english.stdout()).toContain("\n      “…严格履行审批程序");
});
