/**
 * Regression: a rule's highlight is applied to several separate cells (R1: D7, D8, D30, D31). With
 * the plan's relative references a spreadsheet shifts the formula for every cell but the first, and
 * whole columns lit up red in LibreOffice although one column was wrong. The written template (and
 * the annotated copy) must use absolute references there (the plan gives them), and keep per-cell formats relative.
 */
import JSZip from "jszip";
import { templateBytes } from "../../src/xlsx/write-template";
import { planTemplate } from "../../src/core/template/plan";

test("rule highlights over separate cells use absolute references; per-cell highlights stay relative", async () => {
  const zip = await JSZip.loadAsync(await templateBytes({ tables: ["T3"], year: 2024 }));
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const formulas = [...sheet.matchAll(/<formula>([^<]*)<\/formula>/gu)].map((m) =>
    m[1]!
      .replace(/&quot;/gu, '"')
      .replace(/&gt;/gu, ">")
      .replace(/&lt;/gu, "<")
      .replace(/&amp;/gu, "&"),
  );
  const rules = formulas.filter((f) => /xxgk:R(1|2|3|3a)"/u.test(f));
  expect(rules.length).toBeGreaterThan(0);
  for (const f of rules) expect(f.replace(/"[^"]*"/gu, "")).not.toMatch(/[^$A-Z][A-Z]{1,2}\d/u);
  // The blank test reads the top-left cell, relative, after replacing the reader's blank characters.
  expect(formulas.find((f) => f.includes("xxgk:R6"))).toMatch(
    /^N\("xxgk:R6"\)\+IF\(ISERROR\(D7\),0,OR\(LEN\(TRIM\((SUBSTITUTE\(){28}D7,UNICHAR\(9\)/u,
  );
});

test("the plan's rule highlights name absolute cells and its value highlights their top-left cell", () => {
  const [t3] = planTemplate(["T3"]);
  const r1 = t3!.highlights.find((h) => h.rule === "R1")!;
  expect(r1.formula.replace(/"[^"]*"/gu, "")).not.toMatch(/[^$A-Z][A-Z]{1,2}\d/u);
  const r6 = t3!.highlights.find((h) => h.rule === "R6")!;
  const first = r6.range.split(":")[0]!;
  expect(r6.formula.startsWith(`=N("xxgk:R6")+IF(ISERROR(${first}),0,OR(LEN(TRIM(`)).toBe(true);
  expect(r6.formula).toContain(`(${first},UNICHAR(9)," ")`);
});
