/**
 * The words a narrative finding is about, shortened for a line of output: the sentence around each
 * span, cut with … around the figures the finding names, whitespace folded to single spaces. The
 * command line and the pane show the same quote. It quotes the checked text as written (full-width
 * digits stay full-width); it cannot tell which figure matters when the finding names none.
 */
import type { Finding, TextSpan } from "../rules/finding";
import { prepareText, sentenceRanges, type Range } from "./text-prepare";

/** The length a quote is shortened to (characters, without the … marks). */
export const QUOTE_LENGTH = 60;
/** No excerpt of a quote of several sentences is shorter than this. */
const MIN_EXCERPT = 30;
/** A cut this close after a clause mark (，；：、) moves to the mark. */
const SNAP = 8;
/** Of the room around the figures, this share goes before them (the noun is written first). */
const BEFORE_SHARE = 0.6;

const FIGURE = /\d+(?:\.\d+)?/gu;
const CLAUSE_MARK = /[,，;；:：、]/u;

/** Numeric params that count or qualify figures rather than being figures of the text. */
const NOT_TEXT_FIGURES: ReadonlySet<string> = new Set(["parts", "listed", "decimals", "year"]);

/**
 * The numbers a finding names (reported, computed and its numeric params that are figures of the
 * text), to keep in its quote.
 */
export function findingFigures(finding: Finding): number[] {
  const out: number[] = [];
  const add = (n: number | undefined): void => {
    if (n !== undefined && Number.isFinite(n) && !out.includes(n)) out.push(n);
  };
  add(finding.reported);
  add(finding.computed);
  for (const [key, value] of Object.entries(finding.params))
    if (typeof value === "number" && !NOT_TEXT_FIGURES.has(key)) add(value);
  return out;
}

/** The quote of a finding's spans in `text`, or undefined when it has none inside the text. */
export function quoteFinding(
  text: string,
  finding: Finding,
  maxLength = QUOTE_LENGTH,
): string | undefined {
  return quoteSpans(text, finding.spans ?? [], findingFigures(finding), maxLength);
}

/**
 * The sentences around `spans`, each cut to its share of `maxLength` around its focus: the span
 * itself when it is shorter than its sentence (a figure), else the figures of the sentence whose
 * value is in `keep` (else its first figure). Sentences are joined by " … ". Spans outside the text
 * are ignored.
 */
export function quoteSpans(
  text: string,
  spans: readonly TextSpan[],
  keep: readonly number[] = [],
  maxLength = QUOTE_LENGTH,
): string | undefined {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  if (valid.length === 0) return undefined;
  const prepared = prepareText(text);
  const sentences = sentenceRanges(prepared);
  // Each sentence once, in text order, with the focus ranges inside it.
  const bySentence = new Map<number, { sentence: Range; focus: Range[] }>();
  for (const span of valid) {
    const sentence = enclosing(sentences, span);
    const entry = bySentence.get(sentence.start) ?? { sentence, focus: [] };
    const inner = span.end - span.start < sentence.end - sentence.start;
    entry.focus.push(...(inner ? [span] : figuresIn(prepared, sentence, keep)));
    bySentence.set(sentence.start, entry);
  }
  const entries = [...bySentence.values()].sort((a, b) => a.sentence.start - b.sentence.start);
  const budget = Math.max(MIN_EXCERPT, Math.floor(maxLength / entries.length));
  const parts = entries.map((e) => excerpt(text, prepared, e.sentence, e.focus, budget));
  return parts.reduce((quote, part) =>
    quote.endsWith("…") || part.startsWith("…") ? `${quote} ${part}` : `${quote} … ${part}`,
  );
}

/** The sentences a span touches, as one range; the span itself when it touches none. */
function enclosing(sentences: readonly Range[], span: Range): Range {
  const touched = sentences.filter((s) => s.start < span.end && s.end > span.start);
  if (touched.length === 0) return { start: span.start, end: span.end };
  return {
    start: Math.min(span.start, touched[0]!.start),
    end: Math.max(span.end, touched[touched.length - 1]!.end),
  };
}

/** The figures of a sentence whose value is kept; its first figure when none is; else its start. */
function figuresIn(prepared: string, sentence: Range, keep: readonly number[]): Range[] {
  const all: Range[] = [];
  const kept: Range[] = [];
  const part = prepared.slice(sentence.start, sentence.end);
  for (const m of part.matchAll(FIGURE)) {
    const range = { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length };
    all.push(range);
    if (keep.includes(Number(m[0]))) kept.push(range);
  }
  if (kept.length > 0) return kept;
  return all.length > 0 ? [all[0]!] : [{ start: sentence.start, end: sentence.start }];
}

/** One sentence cut to `budget` characters around its focus, with … where it was cut. */
function excerpt(
  text: string,
  prepared: string,
  sentence: Range,
  focus: readonly Range[],
  budget: number,
): string {
  if (sentence.end - sentence.start <= budget)
    return fold(text.slice(sentence.start, sentence.end));
  let start = Math.max(sentence.start, Math.min(...focus.map((f) => f.start)));
  let end = Math.min(sentence.end, Math.max(...focus.map((f) => f.end)));
  const room = budget - (end - start);
  if (room > 0) {
    const after = Math.min(
      sentence.end - end,
      room - Math.min(start - sentence.start, Math.round(room * BEFORE_SHARE)),
    );
    const before = Math.min(start - sentence.start, room - after);
    start -= before;
    end += after;
    // A cut just after a clause mark starts the quote at the clause.
    for (let i = start; i < Math.min(start + SNAP, sentence.end); i++) {
      if (i > sentence.start && CLAUSE_MARK.test(prepared[i - 1]!) && i <= minFocus(focus)) {
        start = i;
        break;
      }
    }
  }
  start = unitBoundary(text, start, -1);
  end = unitBoundary(text, end, 1);
  const head = start > sentence.start ? "…" : "";
  const tail = end < sentence.end ? "…" : "";
  const body = fold(text.slice(start, end));
  return `${head}${tail === "" ? body : body.replace(/[,，;；:：、]+$/u, "")}${tail}`;
}

function minFocus(focus: readonly Range[]): number {
  return Math.min(...focus.map((f) => f.start));
}

/** An offset moved off the middle of a surrogate pair, in the given direction. */
function unitBoundary(text: string, offset: number, direction: -1 | 1): number {
  const code = text.charCodeAt(offset);
  if (offset > 0 && offset < text.length && code >= 0xdc00 && code <= 0xdfff)
    return offset + (direction < 0 ? -1 : 1);
  return offset;
}

/** Whitespace runs (line breaks too) as one space, trimmed. */
function fold(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}
