/**
 * Report text made uniform for matching, with offsets kept: full-width ASCII (digits, ％, ，, （ ）,
 * ：, ；) becomes half-width, the ideographic space a space, and traditional characters simplified.
 * Every replacement is one UTF-16 unit for one, so an offset into the prepared text is an offset
 * into the original. Sentences are found on the prepared text.
 */
import { simplifiedChar } from "../text/traditional";

/** A half-open range of offsets into the checked text. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** The text with full-width ASCII folded and traditional characters simplified; same length. */
export function prepareText(text: string): string {
  const parts: string[] = [];
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) codes.push(code - 0xfee0);
    else if (code === 0x3000) codes.push(0x20);
    else if (code < 0x3400 || (code >= 0xd800 && code <= 0xdfff)) codes.push(code);
    else codes.push(simplifiedChar(text[i]!).charCodeAt(0));
    if (codes.length === CHUNK) {
      parts.push(String.fromCharCode(...codes));
      codes.length = 0;
    }
  }
  parts.push(String.fromCharCode(...codes));
  return parts.join("");
}

/** Characters turned into a string at a time (well under the engines' argument limits). */
const CHUNK = 4096;

const SENTENCE_END = /[。!?\n]/u;
const BLANK = /\s/u;

/** The sentences of a prepared text: split after 。！？ and at line breaks, trimmed, never empty. */
export function sentenceRanges(prepared: string): Range[] {
  const ranges: Range[] = [];
  let start = 0;
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && BLANK.test(prepared[s]!)) s++;
    while (e > s && BLANK.test(prepared[e - 1]!)) e--;
    if (e > s) ranges.push({ start: s, end: e });
  };
  for (let i = 0; i < prepared.length; i++) {
    const ch = prepared[i]!;
    if (SENTENCE_END.test(ch)) {
      push(start, ch === "\n" ? i : i + 1);
      start = i + 1;
    }
  }
  push(start, prepared.length);
  return ranges;
}

/** The index of the range that contains an offset, or -1 (ranges sorted, non-overlapping). */
export function rangeIndexAt(ranges: readonly Range[], offset: number): number {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const r = ranges[mid]!;
    if (offset < r.start) high = mid - 1;
    else if (offset >= r.end) low = mid + 1;
    else return mid;
  }
  return -1;
}
