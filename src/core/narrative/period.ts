/**
 * The 统计期限 a report states ("统计期限自2024年1月1日起至2024年12月31日止"). Dates may be written
 * Y年M月D日 (Arabic or Chinese numerals), Y.M.D / Y-M-D / Y/M/D, or — where a stored copy lost the
 * 年/月 glyphs — a run of digits before 日: eight digits are YYYYMMDD, six YYYYMD, seven whichever
 * single reading is a real date. An end date without a year takes the start's year. It cannot
 * read a period stated only as "2024年度".
 */
import type { TextSpan } from "../rules/finding";
import { parseChineseNumeral } from "../text/numerals";
import { prepareText, sentenceRanges } from "./text-prepare";

/** The period a report states, as ISO dates (YYYY-MM-DD). */
export interface StatedPeriod {
  readonly start: string;
  readonly end: string;
  /** The words "自…至…". */
  readonly span: TextSpan;
  readonly sentence: TextSpan;
}

interface DateParts {
  readonly year?: number;
  readonly month: number;
  readonly day: number;
}

const PERIOD_SENTENCE = /统计(?:期限|时限|时间|区间|周期|范围|期间)|所列数据/u;
const CN = "[零〇一二三四五六七八九十]";
const DATE =
  `(?:(?:\\d{4}|${CN}{4})\\s*年\\s*)?(?:\\d{1,2}|${CN}{1,3})\\s*月\\s*(?:\\d{1,2}|${CN}{1,3})\\s*日` +
  `|\\d{4}[.\\-/]\\d{1,2}[.\\-/]\\d{1,2}|\\d{6,8}\\s*日`;
const RANGE = new RegExp(`(${DATE})\\s*(?:起)?\\s*(?:至|到|—|-|~|～)\\s*(${DATE})`, "u");

/** The first stated statistics period of a report, or undefined when none can be read. */
export function extractPeriod(text: string): StatedPeriod | undefined {
  const prepared = prepareText(text);
  for (const s of sentenceRanges(prepared)) {
    const sentence = prepared.slice(s.start, s.end);
    if (!PERIOD_SENTENCE.test(sentence)) continue;
    const m = RANGE.exec(sentence);
    if (m === null) continue;
    const start = parseDate(m[1]!);
    const endParts = parseDate(m[2]!);
    if (start?.year === undefined || endParts === undefined) return undefined;
    const end = { ...endParts, year: endParts.year ?? start.year };
    const from = s.start + m.index;
    const to = from + m[0].length;
    return {
      start: iso(start.year, start.month, start.day),
      end: iso(end.year, end.month, end.day),
      span: { start: from, end: to, text: text.slice(from, to) },
      sentence: { start: s.start, end: s.end, text: text.slice(s.start, s.end) },
    };
  }
  return undefined;
}

function parseDate(text: string): DateParts | undefined {
  const compact = text.replace(/\s+/gu, "");
  const run = /^(\d{6,8})日$/u.exec(compact);
  if (run !== null) return digitRun(run[1]!);
  const dotted = /^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})$/u.exec(compact);
  if (dotted !== null) {
    return valid(Number(dotted[1]), Number(dotted[2]), Number(dotted[3]));
  }
  const written = new RegExp(
    `^(?:(\\d{4}|${CN}{4})年)?(\\d{1,2}|${CN}{1,3})月(\\d{1,2}|${CN}{1,3})日$`,
    "u",
  ).exec(compact);
  if (written === null) return undefined;
  const year = written[1] === undefined ? undefined : numberOf(written[1]);
  const month = numberOf(written[2]!);
  const day = numberOf(written[3]!);
  if (month === undefined || day === undefined) return undefined;
  if (written[1] !== undefined && year === undefined) return undefined;
  if (year === undefined)
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { month, day } : undefined;
  return valid(year, month, day);
}

/** YYYYMMDD, YYYYMD, or a seven-digit run with exactly one valid reading. */
function digitRun(digits: string): DateParts | undefined {
  const year = Number(digits.slice(0, 4));
  const rest = digits.slice(4);
  if (rest.length === 4) return valid(year, Number(rest.slice(0, 2)), Number(rest.slice(2)));
  if (rest.length === 2) return valid(year, Number(rest[0]), Number(rest[1]));
  const readings = [
    valid(year, Number(rest.slice(0, 1)), Number(rest.slice(1))),
    valid(year, Number(rest.slice(0, 2)), Number(rest.slice(2))),
  ].filter((d): d is DateParts => d !== undefined);
  return readings.length === 1 ? readings[0] : undefined;
}

function numberOf(text: string): number | undefined {
  return /^\d+$/u.test(text) ? Number(text) : parseChineseNumeral(text);
}

function valid(year: number, month: number, day: number): DateParts | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days ? { year, month, day } : undefined;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
