/**
 * `xxgk report`: the whole report as a Word document from any report file. From the seed's text it
 * writes a document that `check` reads back with zero findings; from tables with an error it still
 * writes the draft, with 【请核对】 at the doubtful figures, says so and exits 1; it never writes the
 * input and never replaces an existing file without --force.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadReport } from "../../src/cli/load-file";
import { runCli } from "../../src/cli/run-cli";
import { VERIFY_MARK } from "../../src/core/report/plan";
import { seedText } from "../helpers/build";
import { captureIo } from "./helpers/capture-io";

let dir: string;
const digest = (file: string): string =>
  createHash("sha256")
    .update(readFileSync(path.join(dir, file)))
    .digest("hex");

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-report-"));
  const seed = seedText();
  const row = seed.indexOf("一、本年新收政府信息公开申请数量");
  const first = seed.indexOf("\t9\n", row);
  // The 自然人 cell of row 一 becomes 8 while its 总计 stays 9: one R2 problem.
  writeFileSync(
    path.join(dir, "broken.txt"),
    `${seed.slice(0, first)}\t8\n${seed.slice(first + 3)}`,
  );
  writeFileSync(path.join(dir, "seed.txt"), seed);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const captured = captureIo(dir);
  const code = await runCli(args, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

test("the seed's report is written and checks with zero findings when read back", async () => {
  const before = digest("seed.txt");
  const { code, stdout, stderr } = await run([
    "report",
    "seed.txt",
    "--self",
    "我街道",
    "-o",
    "报告.docx",
  ]);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  expect(stdout).toBe("已写出年度报告 报告.docx\n");
  expect(digest("seed.txt")).toBe(before);
  const check = await run(["check", "--format", "json", "报告.docx"]);
  const files = (JSON.parse(check.stdout) as { files: { status: string; findings: unknown[] }[] })
    .files;
  expect(files[0]!.status).toBe("checked");
  expect(files[0]!.findings).toEqual([]);
  expect(check.code).toBe(0);
  const report = await loadReport(path.join(dir, "报告.docx"));
  expect(report.identity).toMatchObject({ agency: "曲阜市时庄街道办事处", year: 2024 });
  expect(report.documentText).not.toContain(VERIFY_MARK);
});

test("tables with an error give a marked draft, a note on stderr and exit code 1", async () => {
  const before = digest("broken.txt");
  const { code, stdout, stderr } = await run(["report", "broken.txt", "-o", "草稿.docx"]);
  expect(code).toBe(1);
  expect(stdout).toBe("已写出年度报告 草稿.docx\n");
  expect(stderr).toMatch(
    /^注意：表格有 1 个错误，草稿\.docx 是草稿：\d+ 处可能有误的数字标有【请核对】/u,
  );
  expect(digest("broken.txt")).toBe(before);
  const draft = await loadReport(path.join(dir, "草稿.docx"));
  const text = draft.documentText ?? "";
  expect(text).toContain("本稿由检查发现问题的表格生成（1个问题）");
  // The 自然人 and 总计 cells of row 一, and the sentence stating 收到…申请9件.
  expect(text).toMatch(/共收到政府信息公开申请9件【请核对】/u);
  expect(text.split(VERIFY_MARK).length - 1).toBeGreaterThanOrEqual(3);
  const en = await run(["report", "--lang", "en", "broken.txt", "-o", "draft-en.docx"]);
  expect(en.code).toBe(1);
  expect(en.stderr).toMatch(/^Note: the tables have 1 error, so draft-en\.docx is a draft/u);
});

test("an existing output is not replaced without --force", async () => {
  writeFileSync(path.join(dir, "old.docx"), "keep me");
  const refused = await run(["report", "seed.txt", "-o", "old.docx"]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toBe("old.docx 已存在，未覆盖；要覆盖请加 --force。\n");
  expect(readFileSync(path.join(dir, "old.docx"), "utf8")).toBe("keep me");
  expect((await run(["report", "seed.txt", "-o", "old.docx", "--force"])).code).toBe(0);
  expect(readFileSync(path.join(dir, "old.docx")).subarray(0, 2).toString()).toBe("PK");
});

test("the output must be a .docx that is not the input, and -o is required", async () => {
  expect((await run(["report", "seed.txt"])).code).toBe(2);
  expect((await run(["report", "seed.txt", "-o", "out.xlsx"])).code).toBe(2);
  writeFileSync(path.join(dir, "in.docx"), readFileSync(path.join(dir, "报告.docx")));
  const same = await run(["report", "in.docx", "-o", "in.docx", "--force"]);
  expect(same.code).toBe(2);
  expect(same.stderr).toBe("输出文件不能是输入文件本身：原文件不会被改写。\n");
});
