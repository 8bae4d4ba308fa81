/**
 * Chinese numerals as report Chinese writes them: 一百二十三, 两, 〇, 一〇五, 十二, 1万2千 is not
 * accepted (mixed forms are read by the narrative extractor, not here). Returns undefined for
 * anything that is not a whole numeral, so a caller can never mistake a word for a number.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};

const BIG_UNITS: Readonly<Record<string, number>> = {
  万: 10_000,
  萬: 10_000,
  亿: 100_000_000,
  億: 100_000_000,
};

/** The characters a Chinese numeral is made of, for building patterns. */
export const NUMERAL_CHARS = "零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億";

/** The value of a whole Chinese numeral, or undefined when the text is not one. */
export function parseChineseNumeral(text: string): number | undefined {
  if (text === "") return undefined;
  for (const ch of text) {
    if (DIGITS[ch] === undefined && SMALL_UNITS[ch] === undefined && BIG_UNITS[ch] === undefined) {
      return undefined;
    }
  }
  // Digit strings without units (一〇五, 二〇二四) read digit by digit.
  if ([...text].every((ch) => DIGITS[ch] !== undefined)) {
    if (text.length === 1) return DIGITS[text];
    return Number([...text].map((ch) => DIGITS[ch]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    const d = DIGITS[ch];
    const small = SMALL_UNITS[ch];
    const big = BIG_UNITS[ch];
    if (d !== undefined) {
      if (digit !== undefined && d !== 0) return undefined; // 二三: two digits in a row
      digit = d === 0 ? undefined : d;
    } else if (small !== undefined) {
      section += (digit ?? (small === 10 ? 1 : 0)) * small;
      if (digit === undefined && small !== 10) return undefined; // 百 alone
      digit = undefined;
    } else if (big !== undefined) {
      section += digit ?? 0;
      if (section === 0) return undefined;
      total += section * big;
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}
