/**
 * Property tests: no text makes the reader or the checker throw, spans always point into the text,
 * and lists written in the shapes of real reports are judged as a careful reader judges them, in
 * both directions: consistent text gives no error, a closed list that does not add up gives one,
 * an open list gives at most a warning, and a list cut before its sentence ends gives nothing.
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

/**
 * List sentences of real reports (test/fixtures/narratives, cases), with their figures as slots:
 * `T` the whole, then the parts in order. `closed` says how the text closes the list (undefined:
 * an open 其中/包括 list, "among them").
 */
interface Shape {
  readonly from: string;
  readonly parts: number;
  readonly unit: "条" | "件" | "條";
  readonly closed?: "residual" | "closing-total" | "enumerated" | "partition";
  readonly write: (total: string, parts: readonly string[]) => string;
}

const SHAPES: readonly Shape[] = [
  {
    from: "25-nanjing-wyh-2023",
    parts: 2,
    unit: "条",
    write: (t, [a, b]) =>
      `全年通过网站主动公开政府信息${t}条,其中政务动态信息${a}条,信息公开目录信息${b}条。`,
  },
  {
    from: "73-xuanzhou-shuiyang-2023",
    parts: 3,
    unit: "條",
    write: (t, [a, b, c]) =>
      `2023年,水陽政府依托宣州區政府網站共主動公開政府信息${t}條,其中決策公開${a}條、國民經濟發展規劃${b}條,財政專項資金管理使用${c}條。`,
  },
  {
    from: "82-changchun-szfbgt-2024",
    parts: 3,
    unit: "条",
    write: (t, [a, b, c]) =>
      `2024年,通过长春市人民政府网站平台发布政府动态类信息${t}条,其中文件${a}条,政策解读${b}条,财政预决算信息${c}条;发布29场新闻发布会信息,围绕经济社会发展重点领域工作,发布权威信息。`,
  },
  {
    from: "14-jiujiang-lianxi-qzf-2024",
    parts: 3,
    unit: "条",
    write: (t, [a, b, c]) =>
      `区政府门户网站共发布信息${t}条,其中:概况类${a}条、政务动态类${b}条、信息公开目录类${c}条;共维护13个专栏,其中新开2个;共发布政策解读25篇。`,
  },
  {
    from: "08-lintao-xintian-2022",
    parts: 2,
    unit: "条",
    write: (t, [a, b]) =>
      `全年主动公开政务信息${t}条,包括政府网站${a}条,新华社、新甘肃等媒体上发布信息${b}条。`,
  },
  {
    from: "tianmen-szfbgs-2025",
    parts: 3,
    unit: "条",
    closed: "residual",
    write: (t, [a, b, c]) =>
      `全年主动公开政府信息${t}条,其中政府文件和解读信息${a}条、政务督查信息${b}条,其他${c}条。`,
  },
  {
    from: "90-zichang-szf-2023",
    parts: 3,
    unit: "条",
    closed: "residual",
    write: (t, [a, b, c]) =>
      `2023年度,市政府门户网站公开全市各类政府信息共计${t}条,包括:人事信息${a}条,解读及回应信息共计${b}条,其他类信息${c}条。`,
  },
  {
    from: "80-jiangmen-pengjiang-fgj-2024",
    parts: 3,
    unit: "條",
    closed: "closing-total",
    write: (t, [a, b, c]) =>
      `專題專欄包括組織機構${a}條、價格收費${b}條、投資管理${c}條,共發布${t}條。`,
  },
  {
    from: "spec §8 (分别为)",
    parts: 2,
    unit: "件",
    closed: "enumerated",
    write: (t, [a, b]) =>
      `2024年，本机关共收到政府信息公开申请${t}件，分别为自然人申请${a}件、法人或其他组织申请${b}件。`,
  },
];

/** Sentences about other subjects, mixed in before and after (they must change nothing). */
const OTHER_TOPICS = [
  "受理承办12345政务服务便民热线(市长热线)诉求共计22050件,已办结22050件,按时办结率100%,较2024年增加3722件,增长20.31%。",
  "2024年时庄街道未收到需要承办的人大代表建议和政协委员提案。",
  "全年共受理行政审批申请1200件，办结1200件。",
  "截至目前，全市在运维政务新媒体共计95个，合格率均为100%。",
  "（二）政务服务\n全年办结政务服务事项4000件。",
];

const shape = fc.constantFrom(...SHAPES);
const around = fc.tuple(
  fc.subarray(OTHER_TOPICS, { maxLength: 2 }),
  fc.subarray(OTHER_TOPICS, { maxLength: 2 }),
);

/** A text: other-topic sentences, the list sentence with its figures written, more sentences. */
const textOf = (
  s: Shape,
  total: number,
  values: readonly number[],
): fc.Arbitrary<{ text: string; sentence: string }> =>
  fc
    .tuple(written(total), fc.tuple(...values.map((v) => written(v))), around)
    .map(([t, ps, [before, after]]) => {
      const sentence = s.write(t, ps);
      return { text: [...before, sentence, ...after].join("\n"), sentence };
    });

const errors = (text: string): string[] =>
  checkNarrative(text, { year: 2024 })
    .filter((f) => f.severity === "error")
    .map((f) => `${f.rule} ${f.code}`);
const all = (text: string): string[] =>
  checkNarrative(text, { year: 2024 }).map((f) => `${f.rule} ${f.code} ${f.severity}`);

/** Parts for a shape, each at most `max`. */
const values = (n: number, max: number) =>
  fc.array(fc.integer({ min: 0, max }), { minLength: n, maxLength: n });
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe("lists in real sentence shapes", () => {
  test("parts adding up to their whole give no finding, in any numeral form", () => {
    fc.assert(
      fc.property(
        shape.chain((s) =>
          values(s.parts, 3000).chain((vs) => textOf(s, sum(vs), vs).map((t) => ({ s, ...t }))),
        ),
        ({ text }) => {
          expect(all(text)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("an open list below its whole gives nothing; a closed one gives one N1 error", () => {
    fc.assert(
      fc.property(
        shape.chain((s) =>
          values(s.parts, 3000).chain((vs) =>
            fc
              .integer({ min: sum(vs) + 1, max: sum(vs) + 500 })
              .chain((total) => textOf(s, total, vs).map((t) => ({ s, total, vs, ...t }))),
          ),
        ),
        ({ s, total, vs, text }) => {
          const findings = checkNarrative(text, { year: 2024 });
          expect(findings.map((f) => `${f.rule} ${f.code} ${f.severity}`)).toEqual(
            s.closed === undefined ? [] : ["N1 breakdown-sum-mismatch error"],
          );
          expect(findings.map((f) => [f.reported, f.computed])).toEqual(
            s.closed === undefined ? [] : [[total, sum(vs)]],
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  test("parts above their whole, none larger than it: open → one warning, closed → one error", () => {
    fc.assert(
      fc.property(
        shape.chain((s) =>
          values(s.parts, 3000)
            .filter((vs) => sum(vs) > Math.max(...vs))
            .chain((vs) =>
              fc
                .integer({ min: Math.max(...vs), max: sum(vs) - 1 })
                .chain((total) => textOf(s, total, vs).map((t) => ({ s, ...t }))),
            ),
        ),
        ({ s, text }) => {
          expect(all(text)).toEqual([
            s.closed === undefined
              ? "N1 open-list-exceeds-total warning"
              : "N1 breakdown-sum-mismatch error",
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("a part larger than its whole is one error, whatever the list", () => {
    fc.assert(
      fc.property(
        shape.chain((s) =>
          fc
            .tuple(values(s.parts - 1, 50), fc.integer({ min: 0, max: s.parts - 1 }))
            .chain(([rest, at]) =>
              fc.integer({ min: 101, max: 3000 }).chain((big) => {
                const vs = [...rest.slice(0, at), big, ...rest.slice(at)];
                return fc
                  .integer({ min: Math.max(1, ...rest), max: 100 })
                  .chain((total) => textOf(s, total, vs).map((t) => ({ s, ...t })));
              }),
            ),
        ),
        ({ text }) => {
          expect(errors(text)).toEqual(["N1 part-exceeds-total"]);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("a list cut anywhere before its sentence ends gives no error", () => {
    fc.assert(
      fc.property(
        shape.chain((s) =>
          values(s.parts, 3000).chain((vs) =>
            fc.integer({ min: 1, max: 10000 }).chain((total) =>
              textOf(s, total, vs).chain(({ text, sentence }) => {
                const start = text.indexOf(sentence);
                return fc
                  .integer({ min: start + 1, max: start + sentence.length - 1 })
                  .map((cut) => ({ text: text.slice(0, cut), vs, total }));
              }),
            ),
          ),
        ),
        ({ text, vs, total }) => {
          // A part larger than the whole stays certain in the cut text (both figures finished).
          const over = vs.some((v) => v > total);
          expect(errors(text).filter((e) => !over || e !== "N1 part-exceeds-total")).toEqual([]);
        },
      ),
      { numRuns: 400 },
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
