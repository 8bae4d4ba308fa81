/**
 * The reader is linear in the text (issue 9): one 140 KB line of "共收到9件，其中…" once took
 * 75 s and 3.1 GB, and full-width digits repeated 22 s at 300 KB. A 1 MB pathological line must
 * finish well inside a generous bound, so that quadratic code fails; the bound allows for a
 * loaded machine (these tests share two cores with other work).
 */
import { checkNarrative } from "../../../src/core/narrative/check";
import { readNarrative } from "../../../src/core/narrative/claims";

const MEGABYTE = 1_000_000;
const BOUND_MS = 20_000;

const line = (unit: string): string => unit.repeat(Math.ceil(MEGABYTE / unit.length));

const timed = (run: () => void): number => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

describe("a 1 MB line", () => {
  test.each([
    ["共收到9件，其中…", line("共收到9件，其中")],
    ["full-width digits", "１２３４５６７８９０".repeat(MEGABYTE / 10)],
    ["a list that never ends", `主动公开政府信息862条，其中${line("政策文件46条、")}`],
    ["figures with no punctuation", line("收到申请5件办结5件予以公开3件")],
    ["zero statements", line("未收到政府信息公开申请，")],
  ])("of %s is read and checked within the bound", (_name, text) => {
    const ms = timed(() => checkNarrative(text, { year: 2024 }));
    expect(ms).toBeLessThan(BOUND_MS);
  });

  test("of repeated sentences is read with every figure seen", () => {
    const text = line("共收到政府信息公开申请9件，其中自然人申请9件。");
    const reading = readNarrative(text);
    const sentences = Math.ceil(MEGABYTE / "共收到政府信息公开申请9件，其中自然人申请9件。".length);
    expect(reading.breakdowns).toHaveLength(sentences);
  });
});
