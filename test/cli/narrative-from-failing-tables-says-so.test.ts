/**
 * Issue 9: the narrative was written from tables that fail the check without a word. `narrative`
 * now says so on stderr, before the text, and exits 1; from clean tables it says nothing more.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../src/cli/run-cli";
import { seedText } from "../helpers/build";
import { captureIo } from "./helpers/capture-io";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-narrative-"));
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

test("a narrative from failing tables is preceded by the count of errors on stderr and exits 1", async () => {
  const zh = captureIo(dir);
  expect(await runCli(["narrative", "broken.txt"], zh.io)).toBe(1);
  expect(zh.stderr()).toBe(
    "注意：表格有 1 个错误，以下文字中的数字可能不准确。请先用 xxgk check 查看并改正表格。\n",
  );
  expect(zh.stdout()).toContain("共收到政府信息公开申请9件");
  const en = captureIo(dir);
  expect(await runCli(["narrative", "--lang", "en", "broken.txt"], en.io)).toBe(1);
  expect(en.stderr()).toBe(
    "Note: the tables have 1 error: figures in the text below may be wrong. Run xxgk check to see and correct them first.\n",
  );
});

test("a narrative from clean tables has no note and exits 0", async () => {
  const captured = captureIo(dir);
  expect(await runCli(["narrative", "seed.txt"], captured.io)).toBe(0);
  expect(captured.stderr()).toBe("");
});
