/**
 * The quote under a narrative finding: the sentence around its spans, shortened around the
 * figures it names, with … where it was cut.
 */
import { checkNarrative } from "../../../src/core/narrative/check";
import { findingFigures, quoteFinding, quoteSpans } from "../../../src/core/narrative/quote";
import type { TextSpan } from "../../../src/core/rules/finding";

const LONG =
  "一、总体情况\n2024年，本机关全年共收到政府信息公开申请15件，其中网上申请10件、信函申请3件，当面申请1件，办结12件，结转下年度办理3件，没有发生因政府信息公开被申请行政复议的情况。下一句。";

function sentenceSpan(text: string, from: string): TextSpan {
  const start = text.indexOf(from);
  const end = text.indexOf("。", start) + 1;
  return { start, end, text: text.slice(start, end) };
}

test("a short sentence is quoted whole", () => {
  const text = "全年共收到申请5件。";
  expect(quoteSpans(text, [{ start: 0, end: text.length, text }])).toBe("全年共收到申请5件。");
});

test("a long sentence is cut around the kept figure, with … on both cut sides", () => {
  expect(quoteSpans(LONG, [sentenceSpan(LONG, "2024年")], [15])).toBe(
    "…本机关全年共收到政府信息公开申请15件，其中网上申请10件、信函申请3件，当面申请1件，办结12件，结转下年…",
  );
});

test("a figure span is kept and its sentence found around it", () => {
  const at = LONG.indexOf("办结12件") + 2;
  const quote = quoteSpans(LONG, [{ start: at, end: at + 3, text: "12件" }]);
  expect(quote).toContain("办结12件");
  expect(quote!.startsWith("…")).toBe(true);
  expect(quote!.replace(/…/gu, "").length).toBeLessThanOrEqual(60);
});

test("two sentences are joined and each keeps its figure", () => {
  const text = `全年共收到政府信息公开申请15件，均已办结，其中予以公开10件，部分公开2件，不予公开3件，答复期限均符合规定。${"此外说明".repeat(3)}。办结申请14件，转入下年度0件，申请人均无异议，本机关未被申请行政复议。`;
  const quote = quoteSpans(
    text,
    [sentenceSpan(text, "全年"), sentenceSpan(text, "办结申请")],
    [15, 14],
  );
  expect(quote).toBe(
    // 30 characters each: the budget of 60 shared by two sentences.
    "全年共收到政府信息公开申请15件，均已办结，其中予以公开10… 办结申请14件，转入下年度0件，申请人均无异议，本机关未被申…",
  );
});

test("line breaks inside a quote become spaces, and full-width digits stay as written", () => {
  const text = "全年共收到\n申请１５件。";
  expect(quoteSpans(text, [{ start: 0, end: text.length, text }])).toBe("全年共收到 申请１５件。");
});

test("spans outside the text give no quote", () => {
  expect(quoteSpans("短。", [{ start: 5, end: 9, text: "" }])).toBeUndefined();
  expect(quoteSpans("短。", [])).toBeUndefined();
});

test("counts of parts and years are not kept as figures of the text", () => {
  expect(
    findingFigures({
      rule: "N1",
      code: "breakdown-sum-mismatch",
      severity: "error",
      cells: [],
      reported: 20,
      computed: 18,
      params: { total: 20, parts: 3, unit: "条", year: 2024 },
    }),
  ).toEqual([20, 18]);
});

test("an N1 finding of the checker is quoted around its total", () => {
  const text =
    "本年度通过门户网站、政务新媒体、公开栏等多种渠道主动公开政府信息共计120条，其中政策文件20条、工作动态50条、通知公告30条、其他信息10条，均已按要求及时发布并归档。";
  const [finding] = checkNarrative(text).filter((f) => f.rule === "N1");
  expect(finding).toBeDefined();
  expect(quoteFinding(text, finding!)).toBe(
    // 34 characters before the total (the whole start of the sentence), 23 after it.
    "本年度通过门户网站、政务新媒体、公开栏等多种渠道主动公开政府信息共计120条，其中政策文件20条、工作动态50条、通知公…",
  );
});
