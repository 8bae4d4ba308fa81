/**
 * Word reports: the tables come from w:tbl with their merged cells (gridSpan, vMerge), the
 * narrative from the paragraphs outside tables; the seed report as a Word file checks clean.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../src/cli/run-cli";
import { officialLayout } from "../../src/core/model/layout";
import { cellId, type TableId } from "../../src/core/model/tables";
import { readReportText } from "../../src/core/text/report-text";
import { readDocx } from "../../src/xlsx/read-docx";
import { seedTables, seedText } from "../helpers/build";
import { captureIo } from "../cli/helpers/capture-io";
import { buildDocx, type DocxBlock } from "./helpers/build-docx";

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-docx-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The seed report as a Word document: its narrative lines, its three tables in the official layout. */
async function seedDocx(): Promise<Uint8Array> {
  const seed = new Map(seedTables().flatMap((t) => [...t.cells]));
  const table = (id: TableId): DocxBlock => ({
    kind: "table",
    layout: officialLayout(id),
    value: (key) => seed.get(cellId(key))?.raw ?? null,
  });
  const lines = readReportText(seedText()).narrative.split("\n");
  const blocks: DocxBlock[] = [];
  for (const line of lines) {
    blocks.push({ kind: "paragraph", text: line });
    if (line.startsWith("二、主动公开")) blocks.push(table("T2"));
    if (line.startsWith("三、收到和处理")) blocks.push(table("T3"));
    if (line.startsWith("四、政府信息公开行政复议")) blocks.push(table("T4"));
  }
  return buildDocx(blocks);
}

test("merged cells of a Word table keep their text in the top-left cell only", async () => {
  const bytes = await buildDocx([{ kind: "table", layout: officialLayout("T3"), value: () => 0 }]);
  const { grids } = await readDocx("t.docx", bytes);
  const values = grids[0]!.values;
  expect(values[1]![0]).toMatch(/^（本列数据的勾稽关系为/u);
  // The corner note spans three rows and three columns; 申请人情况 spans seven columns.
  expect([values[1]![1], values[1]![2], values[2]![0], values[3]![2]]).toEqual([
    null,
    null,
    null,
    null,
  ]);
  expect(values[1]![3]).toBe("申请人情况");
  expect(values[2]![4]).toBe("法人或其他组织");
  expect(values[3]![4]).toBe("商业企业");
});

test("paragraphs outside tables become the narrative, one per line", async () => {
  const bytes = await buildDocx([
    { kind: "paragraph", text: "标题" },
    { kind: "table", layout: officialLayout("T4"), value: () => 0 },
    { kind: "paragraph", text: "五、存在的主要问题及改进情况" },
  ]);
  const { narrative, grids } = await readDocx("t.docx", bytes);
  expect(narrative).toBe("标题\n五、存在的主要问题及改进情况");
  expect(grids.map((g) => g.sheet)).toEqual(["表格1"]);
});

test("the seed report as a Word file checks with zero findings and its tables found", async () => {
  writeFileSync(path.join(dir, "seed.docx"), await seedDocx());
  const captured = captureIo(dir);
  const code = await runCli(["check", "--format", "json", "seed.docx"], captured.io);
  const report = JSON.parse(captured.stdout()) as {
    files: { status: string; tables: { table: string }[]; findings: unknown[] }[];
  };
  expect(report.files[0]!.tables.map((t) => t.table)).toEqual(["T2", "T3", "T4"]);
  expect(report.files[0]!.findings).toEqual([]);
  expect(code).toBe(0);
});

test("the whole document's text is in reading order: paragraphs, each table row as tab-separated cells", async () => {
  const bytes = await buildDocx([
    { kind: "paragraph", text: "四、政府信息公开行政复议、行政诉讼情况" },
    { kind: "table", layout: officialLayout("T4"), value: () => 0 },
    { kind: "paragraph", text: "五、存在的主要问题及改进情况" },
  ]);
  const { text } = await readDocx("t.docx", bytes);
  const lines = text.split("\n");
  expect(lines[0]).toBe("四、政府信息公开行政复议、行政诉讼情况");
  // The layout's title row (one merged cell) is a line of its own, as a heading would be.
  expect(lines[1]).toBe("四、政府信息公开行政复议、行政诉讼情况");
  expect(lines[2]!.split("\t").filter((c) => c !== "")).toEqual(["行政复议", "行政诉讼"]);
  expect(lines[lines.length - 2]!.split("\t")).toEqual(Array<string>(15).fill("0"));
  expect(lines[lines.length - 1]).toBe("五、存在的主要问题及改进情况");
});

test("a Word report is a whole report: a removed section and missing tables are errors", async () => {
  const seed = await seedDocx();
  const lines = readReportText(seedText()).narrative.split("\n");
  const start = lines.findIndex((l) => l.startsWith("五、"));
  const end = lines.findIndex((l) => l.startsWith("六、"));
  const withoutFive = lines.filter((_, i) => i < start || i >= end);
  writeFileSync(
    path.join(dir, "no-five.docx"),
    await buildDocx(withoutFive.map((text) => ({ kind: "paragraph", text }))),
  );
  writeFileSync(path.join(dir, "seed-again.docx"), seed);
  const captured = captureIo(dir);
  await runCli(["check", "--format", "json", "no-five.docx", "seed-again.docx"], captured.io);
  const report = JSON.parse(captured.stdout()) as {
    files: { findings: { rule: string; severity: string; table?: string; message: string }[] }[];
  };
  expect(
    report.files[0]!.findings.filter((f) => f.rule.startsWith("S")).map((f) => [
      f.rule,
      f.severity,
      f.table ?? "",
      f.message,
    ]),
  ).toEqual([
    [
      "S1",
      "error",
      "",
      "缺少第五部分「五、存在的主要问题及改进情况」：年报应包含六部分内容（《条例》第五十条、国办公开办函〔2021〕30号）。",
    ],
    ["S2", "error", "T2", expect.stringMatching(/^未找到表二：/u)],
    ["S2", "error", "T3", expect.stringMatching(/^未找到表三：/u)],
    ["S2", "error", "T4", expect.stringMatching(/^未找到表四：/u)],
  ]);
  expect(report.files[1]!.findings).toEqual([]);
});
