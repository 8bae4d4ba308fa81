/**
 * Numbers with a unit in prepared report text: counts (件/条/项/个/份/篇/起/宗/次), amounts (万元/元)
 * and percentages (N%, 百分之N). Arabic digits with thousands separators and decimals, "1.2万条",
 * and Chinese numerals (一百二十三, 两, 〇, 十二) are read. A bare number is never a mention, so
 * years (2024年), dates, phone numbers, post codes and 12345 are not; nor is 第N条/第N项, nor
 * "N个工作日/月/百分点". It cannot tell what a number counts: that is the phrase table's job.
 */
import { parseChineseNumeral } from "../text/numerals";

/** A counter word after a count. */
export type CountUnit = "件" | "条" | "项" | "个" | "份" | "篇" | "起" | "宗" | "次";

/** The unit of a figure in a narrative. */
export type Unit = CountUnit | "万元" | "元" | "%";

/** One number with its unit, by offsets into the prepared text. */
export interface Mention {
  readonly kind: "count" | "amount" | "percent";
  readonly value: number;
  readonly unit: Unit;
  /** Offset of the first character of the number (of 百分之 for a Chinese percentage). */
  readonly start: number;
  /** Offset after the unit. */
  readonly end: number;
  /** The number is hedged: 约/近/超过… before it, or 以上/左右… after it. */
  readonly approximate: boolean;
}

const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const CHINESE = "[零〇一二两三四五六七八九十百千万]+";
const COUNT_UNITS = "件|条|项|个|份|篇|起|宗|次";

/**
 * One figure. Every start is guarded by a look-behind (no digit or numeral right before it), so a
 * long run of digits is tried from its first character only: matching is linear in the text. "余"
 * or "多" after the number ("100余条", "300多件", "1万余条") makes it a hedged figure.
 */
const FIGURE = new RegExp(
  `(?<![\\d.])(${ARABIC})(余|多)?[ \\t]*(万(?!元))?(余|多)?[ \\t]*(万元|元|${COUNT_UNITS})` +
    `|(?<![零〇一二两三四五六七八九十百千万])(${CHINESE})(余|多)?[ \\t]*(万元|元|${COUNT_UNITS})`,
  "gu",
);
const PERCENT = new RegExp(
  `(?<![\\d.])(\\d+(?:\\.\\d+)?)[ \\t]*%|百分之(百|[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)`,
  "gu",
);

/** Units of time and measure that 个 introduces: "20个工作日", "3个月", "2个百分点". */
const NOT_A_COUNT_AFTER_GE = /^(?:工作日|自然日|月|小时|季度|百分点|星期|周|日|年|季)/u;
const HEDGE_BEFORE = /(?:约|近|超过|超|逾|将近|大约|接近|不少于|不足|不到|达到近|多达)\s*$/u;
const HEDGE_AFTER = /^\s*(?:以上|以下|左右|上下|之多)/u;
const ORDINAL_BEFORE = /第\s*$/u;

/** Every count, amount and percentage in a prepared text, in text order. */
export function findMentions(prepared: string): Mention[] {
  const mentions: Mention[] = [];
  for (const m of prepared.matchAll(FIGURE)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = prepared.slice(Math.max(0, start - 6), start);
    if (ORDINAL_BEFORE.test(before)) continue;
    const after = prepared.slice(end, end + 6);
    let unit: Unit;
    let value: number | undefined;
    let hedged = false;
    if (m[1] !== undefined) {
      unit = m[5] as Unit;
      value = Number(m[1].replace(/,/gu, ""));
      if (m[3] !== undefined) value *= 10_000;
      hedged = m[2] !== undefined || m[4] !== undefined;
    } else {
      const numeral = m[6]!;
      unit = m[8] as Unit;
      hedged = m[7] !== undefined;
      if (unit === "元" && numeral.endsWith("万") && numeral.length > 1) {
        value = parseChineseNumeral(numeral.slice(0, -1));
        unit = "万元";
      } else {
        value = parseChineseNumeral(numeral);
      }
    }
    if (value === undefined || !Number.isFinite(value)) continue;
    if (unit === "个" && NOT_A_COUNT_AFTER_GE.test(after)) continue;
    mentions.push({
      kind: unit === "万元" || unit === "元" ? "amount" : "count",
      value,
      unit,
      start,
      end,
      approximate: hedged || HEDGE_BEFORE.test(before) || HEDGE_AFTER.test(after),
    });
  }
  for (const m of prepared.matchAll(PERCENT)) {
    const start = m.index;
    const value = m[1] !== undefined ? Number(m[1]) : chinesePercent(m[2]!);
    if (value === undefined || !Number.isFinite(value)) continue;
    const end = start + m[0].length;
    mentions.push({
      kind: "percent",
      value,
      unit: "%",
      start,
      end,
      approximate:
        HEDGE_BEFORE.test(prepared.slice(Math.max(0, start - 6), start)) ||
        HEDGE_AFTER.test(prepared.slice(end, end + 6)),
    });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

const DECIMAL_DIGITS: Readonly<Record<string, string>> = {
  零: "0",
  〇: "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

/** 百分之九十五点五 → 95.5; 百分之百 → 100. */
function chinesePercent(text: string): number | undefined {
  if (text === "百") return 100;
  const [whole, fraction] = text.split("点");
  const integer = parseChineseNumeral(whole ?? "");
  if (integer === undefined) return undefined;
  if (fraction === undefined) return integer;
  const digits = [...fraction].map((ch) => DECIMAL_DIGITS[ch]);
  if (digits.some((d) => d === undefined)) return undefined;
  return Number(`${integer}.${digits.join("")}`);
}

/** The number of decimals a percentage was written with ("20.31%" → 2). */
export function decimalsOf(text: string): number {
  const m = /[.点]([\d零〇一二三四五六七八九]+)/u.exec(text);
  return m === null ? 0 : m[1]!.length;
}
