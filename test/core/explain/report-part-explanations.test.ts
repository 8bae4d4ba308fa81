import type { Explanation } from "../../../src/core/explain/explanations";
import {
  EXPLANATION_LIMIT,
  parseReportPart,
  REPORT_PART_LIMIT,
  reportPartXml,
} from "../../../src/core/model/report-part";

const x1: Explanation = {
  rule: "X1",
  code: "carry-over-mismatch",
  key: "X1|carry-over-mismatch|T3|T3/二/总计|",
  cells: [{ id: "T3/二/总计", address: "'表三 & 附表'!D8", value: "2" }],
  reason: "上年度报告中“结转下年度继续办理”为3件，经核实应为2件，<本年度>按2件填报。",
  date: "2025-01-10",
};
const r6: Explanation = {
  rule: "R6",
  code: "not-applicable",
  key: "R6|not-applicable|T2|T2/规章/制发|",
  cells: [{ id: "T2/规章/制发", value: "/" }],
  reason: "本单位不制定规章。",
  date: "2025-01-11",
};

describe("explanations in the workbook's part", () => {
  it("read back as written: rule, code, key, cells with their values, reason and date", () => {
    const part = parseReportPart(reportPartXml({ year: 2024, explanations: [x1, r6], saved: 5 }));
    expect(part).toEqual({ year: 2024, explanations: [x1, r6], saved: 5 });
  });

  it("keep a blank cell's empty value apart from a missing one", () => {
    const blank = { ...r6, cells: [{ id: "T2/规章/制发", value: "" }] };
    expect(
      parseReportPart(reportPartXml({ explanations: [blank], saved: 1 }))?.explanations,
    ).toEqual([blank]);
  });

  it("still read an older part, its explanations without values counted as skipped", () => {
    const old =
      '<?xml version="1.0" encoding="UTF-8"?><report xmlns="urn:xxgk-report:settings:1" saved="3">' +
      "<year>2023</year><agency>某县人民政府办公室</agency>" +
      '<explanations><explanation key="X1|T3/二/总计">已核实</explanation></explanations></report>';
    expect(parseReportPart(old)).toEqual({
      year: 2023,
      agency: "某县人民政府办公室",
      explanationsSkipped: 1,
      saved: 3,
    });
  });

  it("skip and count an explanation of an unknown rule, a bad date, no reason or too many cells", () => {
    const many = {
      ...x1,
      cells: Array.from({ length: 65 }, (_, i) => ({ id: `T3/一/${i}`, value: "1" })),
    };
    const bad = [
      { ...x1, rule: "R99" as "R1" },
      { ...x1, date: "2025-13-01" },
      { ...x1, reason: "   " },
      many,
    ];
    const part = parseReportPart(reportPartXml({ explanations: [...bad, r6], saved: 1 }));
    expect(part?.explanations).toEqual([r6]);
    expect(part?.explanationsSkipped).toBe(4);
  });

  it("keep at most EXPLANATION_LIMIT, the newest, within the part's size limit", () => {
    const all = Array.from({ length: EXPLANATION_LIMIT + 5 }, (_, i) => ({
      ...x1,
      key: `k${i}`,
      reason: "说".repeat(500),
    }));
    const xml = reportPartXml({ explanations: all, saved: 1 });
    expect(new TextEncoder().encode(xml).length).toBeLessThanOrEqual(REPORT_PART_LIMIT);
    const part = parseReportPart(xml);
    expect(part?.explanations).toHaveLength(EXPLANATION_LIMIT);
    expect(part?.explanations?.[0]?.key).toBe("k5");
  });

  it("count the explanations beyond the limit in a part written by someone else", () => {
    const one = reportPartXml({ explanations: [r6], saved: 1 }).match(
      /<explanation\b[\s\S]*<\/explanation>/u,
    )![0];
    const xml = reportPartXml({ saved: 1 }).replace(
      "<explanations></explanations>",
      `<explanations>${one.repeat(EXPLANATION_LIMIT + 3)}</explanations>`,
    );
    const part = parseReportPart(xml);
    expect(part?.explanations).toHaveLength(EXPLANATION_LIMIT);
    expect(part?.explanationsSkipped).toBe(3);
  });
});
