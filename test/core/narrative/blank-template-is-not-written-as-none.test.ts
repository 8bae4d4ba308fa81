/**
 * Issue 9: from a blank template the narrative said 「未收到政府信息公开申请」 and 「未发生…行政复议」:
 * the template's totals are SUMs over blank cells and read 0. A blank cell is unknown, and so is a
 * total that adds up nothing: the text asks for the figure (【待填】) and never says none.
 */
import { loadReportBytes } from "../../../src/formats/report/load-report";
import { figureSet } from "../../../src/core/model/figure-set";
import { deriveFacts } from "../../../src/core/narrative/facts";
import { generateNarrative } from "../../../src/core/narrative/generate";
import { templateBytes } from "../../../src/xlsx/write-template";
import { buildTable } from "../../helpers/build";

const NONE_WORDS = /未收到|未发生|没有|无上年|无办结|无结转|未制发|未作出|未收取/u;

test("a blank template's narrative asks for every figure and says none of them is zero", async () => {
  const bytes = await templateBytes({ tables: ["T2", "T3", "T4"], year: 2024, locale: "zh-CN" });
  const report = await loadReportBytes("blank.xlsx", bytes);
  const paragraphs = generateNarrative(figureSet(report.tables), { year: 2024 }, "zh-CN");
  const text = paragraphs.map((p) => p.text).join("\n");
  expect(text).not.toMatch(NONE_WORDS);
  expect(text).toContain("2024年，本机关共收到政府信息公开申请【待填】件，上年结转【待填】件。");
  expect(text).toContain(
    "2024年，本机关发生政府信息公开行政复议【待填】件；发生政府信息公开行政诉讼【待填】件。",
  );
  const english = generateNarrative(figureSet(report.tables), { year: 2024 }, "en-US")
    .map((p) => p.text)
    .join("\n");
  expect(english).toContain("this agency received [to be filled] requests");
  expect(english).not.toMatch(/\bno requests|faced no\b/u);
});

test("a total of 0 over blank parts is unknown; a total of 0 over zeros is zero", () => {
  const blankRow = [null, null, null, null, null, null, 0];
  const zeroRow = [0, 0, 0, 0, 0, 0, 0];
  expect(
    deriveFacts(figureSet([buildTable("T3", { 一: blankRow, 二: zeroRow })])).applications.received
      .value,
  ).toBe("unknown");
  expect(
    deriveFacts(figureSet([buildTable("T3", { 一: blankRow, 二: zeroRow })])).applications
      .carriedOver.value,
  ).toBe(0);
});

test("a total the user typed above 0 is kept though its parts are blank", () => {
  const typed = [null, null, null, null, null, null, 9];
  expect(
    deriveFacts(figureSet([buildTable("T3", { 一: typed })])).applications.received.value,
  ).toBe(9);
});

test("table 四's 总计 of 0 over four blank results is unknown", () => {
  const t4 = buildTable("T4", {
    复议: [null, null, null, null, 0],
    直诉: [0, 0, 0, 0, 0],
    复诉: [0, 0, 0, 0, 0],
  });
  const facts = deriveFacts(figureSet([t4]));
  expect(facts.review.total.value).toBe("unknown");
  expect(facts.litigation.total.value).toBe(0);
});
