/**
 * Issue 9: finding messages spoke jargon (左边/右边/相差, 勾稽关系不成立) and left Chinese in the English
 * text (规章, 国办公开办函). The sum messages now name both sides in plain words and the unsigned gap.
 */
import { quantityLabel } from "../../../src/core/locales/labels";
import { formatFinding } from "../../../src/core/locales/messages";
import { FINDING_CODES, type Finding } from "../../../src/core/rules/finding";

const r1: Finding = {
  rule: "R1",
  code: "balance-mismatch",
  severity: "error",
  table: "T3",
  cells: [{ table: "T3", row: "一", column: "总计", address: "表三!J7" }],
  reported: 5,
  computed: 4,
  difference: 1,
  params: { column: "总计" },
};

test("R1 names the two sides as the table does and the gap without a sign", () => {
  expect(formatFinding(r1, "zh-CN")).toBe(
    "表三「总计」列：第一项加第二项：5；第三项（七）加第四项：4。两者应相等，差 1。",
  );
  expect(formatFinding({ ...r1, reported: 4, computed: 5, difference: -1 }, "zh-CN")).toBe(
    "表三「总计」列：第一项加第二项：4；第三项（七）加第四项：5。两者应相等，差 1。",
  );
  expect(formatFinding(r1, "en-US")).toBe(
    'Table 3, column "total": item I plus item II: 5; item III.(7) plus item IV: 4. The two should be equal; they differ by 1.',
  );
});

test("no message uses 左边, 右边, 相差 or 勾稽关系不成立", () => {
  for (const code of FINDING_CODES) {
    const text = formatFinding(
      { ...r1, code, params: { ...r1.params, level: "township" } },
      "zh-CN",
    );
    expect(text).not.toMatch(/左边|右边|相差|勾稽关系不成立/u);
  }
});

test("R7 and the 2019-format message are English in English", () => {
  const r7: Finding = {
    ...r1,
    rule: "R7",
    code: "rules-not-in-remit",
    table: "T2",
    reported: 2,
    params: { level: "township" },
  };
  expect(formatFinding(r7, "en-US")).toBe(
    "Table 2 reports 2 government rules, but a township or sub-district office cannot make government rules; enter 0.",
  );
  const r8: Finding = { ...r1, rule: "R8", code: "format-2019", params: {} };
  expect(formatFinding(r8, "en-US")).not.toMatch(/\p{Script=Han}/u);
});

test("quantity names of the narrative rules are English in English", () => {
  expect(quantityLabel("applicant:法人或其他组织", "en-US")).toBe(
    "requests from legal persons or other organisations",
  );
  expect(quantityLabel("outcome:三(三)", "en-US")).toBe("III.(3) refused");
  expect(quantityLabel("outcome:三(三)", "zh-CN")).toBe("不予公开");
});
