/**
 * Property tests: no text makes the reader or the checker throw, spans always point into the text,
 * breakdowns that add up are never flagged whatever the order and the numerals, and breakdowns that
 * do not add up are flagged once with the right difference.
 */
import fc from "fast-check";
import { figureSet } from "../../../src/core/model/figure-set";
import { checkNarrative } from "../../../src/core/narrative/check";
import { readNarrative } from "../../../src/core/narrative/claims";
import { extractPeriod } from "../../../src/core/narrative/period";
import { seedTables } from "../../helpers/build";

const seed = figureSet(seedTables());

const CN_DIGITS = "零一二三四五六七八九";
const CN_UNITS = ["", "十", "百", "千", "万"];

/** A whole number below 100000 in Chinese numerals (105 → 一百零五, 12 → 十二). */
function toChinese(n: number): string {
  if (n === 0) return "零";
  const digits = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  digits.forEach((d, i) => {
    const position = digits.length - 1 - i;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out !== "") out += "零";
    zero = false;
    out += (d === 1 && position === 1 && i === 0 ? "" : CN_DIGITS[d]!) + CN_UNITS[position]!;
  });
  return out;
}

const toFullWidth = (s: string): string =>
  s.replace(/[0-9]/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const withThousands = (n: number): string => n.toLocaleString("en-US");

/** A number written as a report might write it. */
const written = (n: number): fc.Arbitrary<string> =>
  fc.constantFrom(String(n), toFullWidth(String(n)), withThousands(n), toChinese(n));

const VOCABULARY = [
  "收到",
  "共收到",
  "受理",
  "新收",
  "政府信息公开申请",
  "要求公开政府信息的申请",
  "其中",
  "予以公开",
  "部分公开",
  "不予公开",
  "无法提供",
  "不予处理",
  "其他处理",
  "属于国家秘密",
  "本机关不掌握相关政府信息",
  "上年结转",
  "上年度",
  "办结",
  "答复",
  "结转下年度",
  "结转至2025年",
  "主动公开",
  "信息",
  "件",
  "条",
  "个",
  "项",
  "份",
  "篇",
  "万元",
  "元",
  "%",
  "％",
  "占",
  "率",
  "增长",
  "较上年增加",
  "未",
  "无",
  "未发生",
  "行政复议",
  "行政诉讼",
  "、",
  "，",
  ",",
  "；",
  "。",
  "(",
  ")",
  "（",
  "）",
  "\n",
  "：",
  "2024年",
  "2023年",
  "第",
  "二十",
  "统计期限自",
  "至",
  "日",
  "月",
  "年",
  "等",
  "此外",
  "通过",
  "微信公众号",
  "发布",
  "12345",
  "热线",
  "诉求",
  "全县",
  "自然人",
  "法人或其他组织",
  "制发",
  "废止",
  "现行有效",
  "行政规范性文件",
  "规章",
  "行政许可决定",
  "行政事业性收费",
  "信息处理费",
  "9",
  "0",
  "37",
  "1,024",
  "一百零五",
  "两",
  "〇",
  "十二",
  "百分之",
  "点",
  "約",
  "開",
  "結轉",
];

const vocabularyText = fc
  .array(fc.oneof(fc.constantFrom(...VOCABULARY), fc.nat({ max: 100000 }).map(String)), {
    maxLength: 60,
  })
  .map((tokens) => tokens.join(""));

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  vocabularyText,
);

describe("any text", () => {
  test("never makes the reader, the period reader or the checker throw", () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.integer({ min: 2000, max: 2100 })), (text, year) => {
        readNarrative(text);
        extractPeriod(text);
        checkNarrative(text, { figures: seed, ...(year === null ? {} : { year }) });
      }),
      { numRuns: 400 },
    );
  });

  test("gives findings whose spans are slices of the text", () => {
    fc.assert(
      fc.property(vocabularyText, (text) => {
        for (const f of checkNarrative(text, { figures: seed, year: 2024 })) {
          for (const s of f.spans ?? []) {
            expect(s.start).toBeGreaterThanOrEqual(0);
            expect(s.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(s.start, s.end)).toBe(s.text);
          }
        }
        for (const c of readNarrative(text).claims) {
          expect(text.slice(c.span.start, c.span.end)).toBe(c.span.text);
        }
      }),
      { numRuns: 300 },
    );
  });
});

const OUTCOME_WORDS = ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"];
const LABELS = ["政策文件", "工作动态", "通知公告", "财政信息", "人事信息", "其他信息", "规划计划"];

/** Parts with their words, in a random order and a random subset, each with a random count. */
const parts = (words: readonly string[]) =>
  fc
    .shuffledSubarray([...words], { minLength: 2 })
    .chain((chosen) =>
      fc.tuple(
        fc.constant(chosen),
        fc.array(fc.nat({ max: 400 }), { minLength: chosen.length, maxLength: chosen.length }),
      ),
    );

/** One part of an enumeration: words, number in any form, unit; joined by 、 or ，. */
const enumeration = (words: readonly string[], values: readonly number[], unit: string) =>
  fc
    .tuple(
      fc.tuple(...values.map((v) => written(v))),
      fc.array(fc.constantFrom("、", "，"), { minLength: values.length, maxLength: values.length }),
    )
    .map(([numbers, separators]) =>
      words.map((w, i) => `${i === 0 ? "" : separators[i]!}${w}${numbers[i]!}${unit}`).join(""),
    );

describe("breakdowns", () => {
  test("共收到N件…其中予以公开a件、部分公开b件… with a+b+… = N gives no finding", () => {
    fc.assert(
      fc.property(
        parts(OUTCOME_WORDS).chain(([words, values]) => {
          const total = values.reduce((s, v) => s + v, 0);
          return fc.tuple(written(total), enumeration(words, values, "件"));
        }),
        ([total, list]) => {
          const text = `2024年，本机关共收到政府信息公开申请${total}件，其中${list}。`;
          expect(checkNarrative(text, { year: 2024 })).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("a 主动公开 list that adds up gives no finding in any order or numeral form", () => {
    fc.assert(
      fc.property(
        parts(LABELS).chain(([words, values]) => {
          const total = values.reduce((s, v) => s + v, 0);
          return fc.tuple(written(total), enumeration(words, values, "条"));
        }),
        ([total, list]) => {
          const text = `全年共主动公开政府信息${total}条，其中${list}。`;
          const reading = readNarrative(text);
          expect(reading.breakdowns).toHaveLength(1);
          expect(reading.breakdowns[0]?.exhaustive).toBe(true);
          expect(checkNarrative(text)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("a 主动公开 list that does not add up is flagged once, with the difference", () => {
    fc.assert(
      fc.property(
        parts(LABELS).chain(([words, values]) => {
          const sum = values.reduce((s, v) => s + v, 0);
          const max = Math.max(...values);
          return fc
            .integer({ min: max, max: max + 400 })
            .filter((total) => total !== sum)
            .chain((total) =>
              fc.tuple(
                fc.constant(total),
                fc.constant(sum),
                written(total),
                enumeration(words, values, "条"),
              ),
            );
        }),
        ([total, sum, writtenTotal, list]) => {
          const text = `全年共主动公开政府信息${writtenTotal}条，其中${list}。`;
          const findings = checkNarrative(text);
          expect(findings.map((f) => `${f.rule} ${f.code}`)).toEqual(["N1 breakdown-sum-mismatch"]);
          expect(findings[0]).toMatchObject({
            reported: total,
            computed: sum,
            difference: total - sum,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the Chinese numerals this suite writes", () => {
  test.each([
    [0, "零"],
    [10, "十"],
    [12, "十二"],
    [105, "一百零五"],
    [110, "一百一十"],
    [2345, "二千三百四十五"],
    [10005, "一万零五"],
  ])("%i is %s", (n, text) => {
    expect(toChinese(n)).toBe(text);
  });
});
