/**
 * The stated 统计期限: how it is read (written dates, Chinese numerals, dotted dates, the digit
 * runs of copies that lost 年/月), and P1 on it.
 */
import { checkNarrative } from "../../../src/core/narrative/check";
import { extractPeriod } from "../../../src/core/narrative/period";

const read = (text: string) => {
  const p = extractPeriod(text);
  return p === undefined ? undefined : [p.start, p.end];
};

describe("reading the statistics period", () => {
  test.each([
    ["本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。", ["2024-01-01", "2024-12-31"]],
    ["报告所列数据统计期限自2022年1月1日至2022年12月31日。", ["2022-01-01", "2022-12-31"]],
    ["本报告中所列数据的统计期限自202111日至20221231日。", ["2021-01-01", "2022-12-31"]],
    ["统计期限为二〇二四年一月一日至二〇二四年十二月三十一日。", ["2024-01-01", "2024-12-31"]],
    ["本报告统计时限为2023.1.1-2023.12.31。", ["2023-01-01", "2023-12-31"]],
    ["统计期限自2024年1月1日至12月31日。", ["2024-01-01", "2024-12-31"]],
    ["統計期限自２０２４年１月１日起至２０２４年１２月３１日止。", ["2024-01-01", "2024-12-31"]],
  ] as const)("%s", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  test("a seven-digit run with two readings is not guessed", () => {
    expect(read("统计期限自2024121日至20241231日。")).toBeUndefined();
  });

  test("a seven-digit run with one real reading is read", () => {
    expect(read("统计期限自2024131日至20241231日。")).toEqual(["2024-01-31", "2024-12-31"]);
  });

  test("a date range outside a statistics sentence is not a period", () => {
    expect(read("活动自2024年3月1日至2024年3月31日举行。")).toBeUndefined();
  });

  test("a period stated only as a year is not read", () => {
    expect(read("本报告统计期限为2024年度。")).toBeUndefined();
  });

  test("the period keeps offsets into the original text", () => {
    const text = "一、总体情况\n本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。";
    const p = extractPeriod(text);
    expect(text.slice(p!.span.start, p!.span.end)).toBe(p!.span.text);
    expect(p!.span.text).toBe("2024年1月1日起至2024年12月31日");
  });
});

describe("P1", () => {
  const text = "本报告所列数据的统计期限自2024年1月1日起至2024年12月30日止。";

  test("a period that is not the report year is an error with start, end and year", () => {
    const [finding] = checkNarrative(text, { year: 2024 });
    expect(finding).toMatchObject({
      rule: "P1",
      code: "period-wrong",
      severity: "error",
      cells: [],
      params: { start: "2024-01-01", end: "2024-12-30", year: 2024 },
    });
    expect(finding?.spans?.[0]?.text).toBe(text);
  });

  test("the report year's period gives nothing", () => {
    expect(checkNarrative(text.replace("30日", "31日"), { year: 2024 })).toEqual([]);
  });

  test("without a year nothing is inferred", () => {
    expect(checkNarrative(text)).toEqual([]);
  });
});
