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
    seedText().replace("全年共主动公开信息37条", "全年共主动公开信息38条"),
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
    findings?: { cells: string[]; fix?: { cell: string } }[];
  }[];
  const workbook = files.find((f) => f.file === "a-broken.xlsx")!;
  const cells = workbook.findings!.flatMap((f) => [...f.cells, ...(f.fix ? [f.fix.cell] : [])]);
  expect(cells.length).toBeGreaterThan(0);
  for (const cell of cells) expect(cell).toMatch(/^(?:'[^']+'|[^!']+)!\$?[A-Z]{1,3}\$?\d+$/u);
  const text = files.find((f) => f.file === "b-report.txt")!;
  expect(text.findings!.length).toBeGreaterThan(0);
  for (const f of text.findings!) expect(f.cells).toEqual([]);
  expect(shape({ ...run, files: [] })).toMatchInlineSnapshot(`
{
  "files": [],
  "summary": {
    "checked": "number",
    "errors": "number",
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
    "file,status,rule,severity,table,cells,where,reported,computed,difference,fix_cell,fix_value,message",
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
