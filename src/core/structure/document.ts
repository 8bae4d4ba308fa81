/**
 * A whole report's text read for its own structure (spec §8 S1–S3, R8): the section headings in
 * the order they appear, the title, whether a 统计期限 is stated, the pre-2019 headings, and —
 * for pasted text — whether the text is the whole report or a part of it. It reads lines only:
 * it cannot see headings drawn as pictures, and Word's automatic numbering arrives without its
 * numeral (an unnumbered heading is taken only when it is an official heading or a known variant).
 */
import { normalizeLabel } from "../model/normalize";
import { extractPeriod } from "../narrative/period";
import { prepareText } from "../narrative/text-prepare";
import { lookupLabel } from "../read/labels";
import {
  PRE_2019_HEADINGS,
  PRE_2019_INTRODUCTION,
  RENAME_MATCH_ORDER,
  SECTIONS,
  SUB_TOPICS,
  type SectionNumber,
} from "./sections";

/**
 * How a document presents itself: a file that is a document (.docx, .pdf, a web page) is the
 * whole report; pasted or exported text is the whole report only when it has the report's title,
 * does not stop in the middle, and reaches its last section or ends with a signature and date.
 */
export type DocumentForm = "document" | "text";

/** The report's whole text, as the readers give it (table cells as lines). */
export interface ReportDocument {
  readonly text: string;
  readonly form: DocumentForm;
}

/** Why a text is not judged as a whole report. */
export type PartialReason = "no-title" | "cut-off" | "ends-before-last-section";

/** A section heading found in the text. */
export interface FoundHeading {
  readonly section: SectionNumber;
  /** The heading as written (trimmed). */
  readonly text: string;
  /** True when it is the official heading (after normalisation), numbered or not. */
  readonly official: boolean;
  /** The line index. */
  readonly line: number;
}

/** The title line(s) and what they name. */
export interface FoundTitle {
  readonly text: string;
  readonly hasYear: boolean;
  readonly hasAgency: boolean;
  readonly hasName: boolean;
}

/** What the structure rules read from a document. */
export interface DocumentStructure {
  /** Undefined when the document is judged as a whole report. */
  readonly partial?: PartialReason;
  /** The first heading of each section found, in text order. */
  readonly headings: readonly FoundHeading[];
  /** The sub-topics of 总体情况 not covered (empty when section 一 was not found). */
  readonly missingSubTopics: readonly string[];
  readonly title?: FoundTitle;
  readonly periodStated: boolean;
  /** Headings (or the introduction) that belong to the pre-2019 seven-part structure. */
  readonly pre2019: readonly string[];
  /** Where the pre-2019 structure was seen: its headings (certain) or only the introduction. */
  readonly pre2019In?: "headings" | "introduction";
}

/** Word's text-export markers ("[image: ]", "[bookmark: _GoBack]"), which carry no text. */
const MARKER = /\[(?:bookmark|image)\s*:[^\]\n]*\]/giu;
/**
 * A top-level numbered heading: "三、…" (a numeral, then 、 or a full stop), or "3、…" (an Arabic
 * digit with 、 only: "1." starts the items of a list).
 */
const NUMBERED = /^(?:([一二三四五六七八九十])\s*[、.．]|([1-9])\s*、)\s*(.+)$/u;
const NUMERALS = "一二三四五六七八九";
const NUMBERED_START = /^(?:[一二三四五六七八九十]\s*[、.．]|[1-9]\s*、)/u;
/** Lines longer than this are paragraphs unless they start with a numeral ("一、总体情况 2024年…"). */
const LONG_LINE = 60;
/** The longest heading text taken as a heading. */
const HEADING_LENGTH = 40;
/** How many lines before the first section heading may hold the title. */
const TITLE_LINES = 12;
/** A title names the report with these words (after traditional → simplified, spaces removed). */
const REPORT_WORDS = /(?:政府信息公开|政务公开|信息公开).{0,8}(?:报告|年报)/u;
const OFFICIAL_NAME = "政府信息公开工作年度报告";
const YEAR = /20\d{2}\s*年/u;
const AGENCY_END =
  /(?:政府|办事处|办公室|办公厅|局|委员会|委|街道|镇|乡|区|县|市|省|中心|厅|署|院|部|所|站|会|公司)$/u;
const PERIOD_WORDS = /统计(?:期限|时限|时间|区间|周期|范围|期间)/u;
/** Lines that may state the period, before traditional characters are simplified. */
const PERIOD_HINT = /[统統][计計]|所列[数數]/u;
/** A line that ends a sentence: its last character (before closing brackets and quotes). */
const SENTENCE_END = /[。；！？;!?]$/u;
const CLOSING = /[)）」』”"'’》〉\]】]+$/u;
const WORD = /[\p{L}\p{N}]/u;
/** Dates a signature line carries: 2025年1月20日, 二〇二五年一月二十日, 2025-01-20. */
const DATE_LINE =
  /^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|\d{4}[-./]\d{1,2}[-./]\d{1,2})$/u;
/** Web-page chrome that names the report without being its title: breadcrumbs, "当前位置". */
const BREADCRUMB = />|当前位置|首页|您的位置/u;
/** A page number or a page footer line: not text of the report. */
const PAGE_LINE =
  /^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?)$/u;
/** Answers that end a section's item: "无", "暂无". */
const NOTHING_TO_REPORT = /^(?:无|暂无|没有|不涉及)$/u;

function clean(line: string): string {
  return line.replace(MARKER, "").trim();
}

/** The normalised form used to compare headings. */
function headingKey(text: string): string {
  return normalizeLabel(prepareText(text)).replace(/[。.:：;；]+$/u, "");
}

/**
 * A line that is a cell of a table: a web " | " row, a row of tab-separated cells, or a label of
 * tables 二–四 ("三、本年度办理结果" starts like a section heading). A Word cell's leading tab alone
 * is not enough: web copies indent headings with a tab too ("\t一、总体情况").
 */
function isTableLine(text: string): boolean {
  if (text.includes("|") || text.includes("\t")) return true;
  return (lookupLabel(text) ?? []).some((e) => e.role !== "title");
}

/** Official headings and variants by their normalised form, built once. */
let headingKeys:
  { official: Map<string, SectionNumber>; variant: Map<string, SectionNumber> } | undefined;

function keys(): NonNullable<typeof headingKeys> {
  if (headingKeys === undefined) {
    const official = new Map<string, SectionNumber>();
    const variant = new Map<string, SectionNumber>();
    for (const def of SECTIONS) {
      official.set(headingKey(def.heading), def.number);
      for (const v of def.variants) variant.set(headingKey(v), def.number);
    }
    headingKeys = { official, variant };
  }
  return headingKeys;
}

function exactSection(key: string): SectionNumber | undefined {
  return keys().official.get(key);
}

function variantSection(key: string): SectionNumber | undefined {
  return keys().variant.get(key);
}

/**
 * How sure a heading is: the official heading or a known variant; a renamed heading with the
 * section's own numeral and words; a heading with another numeral but the section's words
 * ("五、因政府信息公开申请行政复议…" in a pre-2019 report is section 四).
 */
type HeadingKind = "official" | "own" | "cross";

interface Candidate {
  readonly heading: FoundHeading;
  readonly kind: HeadingKind;
}

/** The section a line heads, if it is a heading. */
function headingOf(
  raw: string,
  line: number,
): { heading?: FoundHeading; kind?: HeadingKind; numeral?: string; text?: string } {
  const text = clean(raw);
  // A paragraph is not a heading: only short lines, or lines that start with a numeral, are read.
  if (text === "" || (text.length > LONG_LINE && !NUMBERED_START.test(text))) return {};
  if (isTableLine(text)) return {};
  const numbered = NUMBERED.exec(text);
  if (numbered !== null) {
    const numeral = numbered[1] ?? NUMERALS[Number(numbered[2]) - 1]!;
    // The heading ends where a sentence starts on the same line ("一、总体情况 2024年，…").
    const body = numbered[3]!.split(/[。，,；;：:]|\s{1,}(?=\S*\d)/u)[0]!.trim();
    const key = headingKey(body);
    if (key === "" || key.length > HEADING_LENGTH) return {};
    const exact = exactSection(key);
    if (exact !== undefined)
      return {
        heading: { section: exact, text, official: true, line },
        kind: "official",
        numeral,
        text: key,
      };
    const variant = variantSection(key);
    if (variant !== undefined)
      return {
        heading: { section: variant, text, official: false, line },
        kind: "official",
        numeral,
        text: key,
      };
    // "2、依申请公开": reports that number sections 1、2、 number their sub-items the same way, so an
    // Arabic-numbered line is a heading only when it is an official heading or a known variant.
    if (numbered[1] === undefined) return { numeral, text: key };
    const def = SECTIONS.find((s) => s.numeral === numeral);
    if (def !== undefined && def.words.test(key))
      return {
        heading: { section: def.number, text, official: false, line },
        kind: "own",
        numeral,
        text: key,
      };
    const byWords = RENAME_MATCH_ORDER.find((n) => SECTIONS[n - 1]!.words.test(key));
    if (byWords === undefined) return { numeral, text: key };
    return {
      heading: { section: byWords, text, official: false, line },
      kind: "cross",
      numeral,
      text: key,
    };
  }
  const key = headingKey(text);
  if (key.length > HEADING_LENGTH) return {};
  const exact = exactSection(key);
  if (exact !== undefined)
    return { heading: { section: exact, text, official: true, line }, kind: "official" };
  const variant = variantSection(key);
  if (variant !== undefined)
    return { heading: { section: variant, text, official: false, line }, kind: "official" };
  return {};
}

/**
 * One heading per section, surest first: official headings and variants, then renamed headings
 * with their own numeral, then headings with another numeral — these only where the section
 * belongs, between the sections found before and after it. A sub-item "一、主动公开情况" inside
 * 总体情况 never stands in for the real "二、主动公开政府信息情况" found later.
 */
function chooseHeadings(candidates: readonly Candidate[]): FoundHeading[] {
  const chosen = new Map<SectionNumber, FoundHeading>();
  const fits = (h: FoundHeading): boolean =>
    [...chosen.values()].every((c) =>
      c.section < h.section ? c.line < h.line : c.section > h.section ? c.line > h.line : true,
    );
  for (const kind of ["official", "own", "cross"] as const) {
    for (const c of candidates) {
      if (c.kind !== kind || chosen.has(c.heading.section)) continue;
      if (kind === "cross" && !fits(c.heading)) continue;
      chosen.set(c.heading.section, c.heading);
    }
  }
  return [...chosen.values()].sort((a, b) => a.line - b.line);
}

function findTitle(lines: readonly string[], firstHeading: number): FoundTitle | undefined {
  const head: string[] = [];
  for (let i = 0; i < Math.min(lines.length, firstHeading) && head.length < TITLE_LINES; i++) {
    const text = clean(lines[i]!);
    if (text !== "" && !isTableLine(text)) head.push(text);
  }
  for (let i = 0; i < head.length; i++) {
    const line = head[i]!;
    const next = head[i + 1] ?? "";
    // "曲阜市时庄街道办事处2024年政府信息公开" / "工作年度报告": a title broken over two lines.
    const own = prepareText(line).replace(/\s+/gu, "");
    const joined = own + prepareText(next).replace(/\s+/gu, "");
    const candidate = REPORT_WORDS.test(own)
      ? own
      : REPORT_WORDS.test(joined) && next.length <= 20
        ? joined
        : undefined;
    if (candidate === undefined || SENTENCE_END.test(line) || line.length > 60) continue;
    if (BREADCRUMB.test(candidate)) continue;
    const year = YEAR.exec(candidate);
    const nameAt = candidate.search(/政府信息公开|政务公开|信息公开/u);
    const before = candidate.slice(0, year === null ? nameAt : year.index).replace(/^\d+/u, "");
    const neighbours = [head[i - 1], candidate === own ? next : head[i + 2]].filter(
      (l): l is string => l !== undefined && l.length <= 30 && !/\d/u.test(l),
    );
    return {
      text: candidate,
      hasYear: year !== null,
      hasAgency:
        /\p{Script=Han}{2}/u.test(before) ||
        neighbours.some((l) => AGENCY_END.test(prepareText(l).replace(/\s+/gu, ""))),
      hasName: candidate.includes(OFFICIAL_NAME),
    };
  }
  return undefined;
}

/** True when a line is the end of a signature: a date, or the agency's name after a date. */
function endsWithSignature(lines: readonly string[]): boolean {
  const last = lines[lines.length - 1];
  const before = lines[lines.length - 2];
  if (last === undefined) return false;
  const compact = (l: string): string => prepareText(l).replace(/\s+/gu, "");
  if (DATE_LINE.test(compact(last))) return true;
  return (
    before !== undefined &&
    DATE_LINE.test(compact(before)) &&
    compact(last).length <= 30 &&
    AGENCY_END.test(compact(last))
  );
}

/** True when the last line ends a sentence (a word, then 。；！？) or is a one-word answer ("无"). */
function endsWithSentence(lines: readonly string[]): boolean {
  const last = lines[lines.length - 1];
  if (last === undefined) return false;
  const text = prepareText(last).replace(CLOSING, "").trim();
  if (NOTHING_TO_REPORT.test(text)) return true;
  // A line of no word ("?" where a cut broke the last character) is not a sentence.
  return SENTENCE_END.test(text) && WORD.test(text) && !text.includes("\ufffd");
}

/** The lines that carry text, page numbers and markers left out. */
function textLines(text: string): string[] {
  return text
    .replace(/^\ufeff/u, "")
    .replace(/\r\n?/gu, "\n")
    .split("\n")
    .filter((l) => {
      const c = clean(l);
      return c !== "" && !PAGE_LINE.test(c.replace(/\s+/gu, ""));
    });
}

/** Reads the structure of a report document. */
export function readDocumentStructure(document: ReportDocument): DocumentStructure {
  const lines = textLines(typeof document.text === "string" ? document.text : "");
  const candidates: Candidate[] = [];
  const pre2019: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { heading, kind, numeral, text } = headingOf(lines[i]!, i);
    if (numeral !== undefined && text !== undefined) {
      const marker = PRE_2019_HEADINGS.some(
        (m) => m.words.test(text) && (m.numeral === undefined || m.numeral === numeral),
      );
      if (marker) pre2019.push(clean(lines[i]!));
    }
    if (heading !== undefined && kind !== undefined) candidates.push({ heading, kind });
  }
  const found = chooseHeadings(candidates);
  const introduction = lines
    .slice(0, found[0]?.line ?? TITLE_LINES)
    .map((l) => PRE_2019_INTRODUCTION.exec(prepareText(l))?.[0])
    .find((m) => m !== undefined);
  // Two of the headings found only in the pre-2019 form make the structure certain; one alone may
  // be a coincidence of wording. The introduction alone describes the parts without being them.
  const pre2019In =
    pre2019.length >= 2 ? "headings" : introduction === undefined ? undefined : "introduction";
  const legacy =
    pre2019In === "headings" ? pre2019 : introduction === undefined ? [] : [introduction];
  const first = found.find((h) => h.section === 1);
  const missingSubTopics: string[] = [];
  if (first !== undefined) {
    const next = found.filter((h) => h.line > first.line).map((h) => h.line);
    const end = next.length === 0 ? lines.length : Math.min(...next);
    const body = prepareText(lines.slice(first.line + 1, end).join("\n"));
    for (const topic of SUB_TOPICS) if (!topic.words.test(body)) missingSubTopics.push(topic.key);
  }
  const title = findTitle(lines, found[0]?.line ?? lines.length);
  // Only the lines that may state the period are prepared (a 6 MB text is not copied again).
  const periodLines = lines.filter((l) => PERIOD_HINT.test(l)).map((l) => prepareText(l));
  const periodStated =
    periodLines.some((l) => PERIOD_WORDS.test(l)) ||
    extractPeriod(periodLines.join("\n")) !== undefined;
  const partial = document.form === "text" ? partialReason(lines, title, found) : undefined;
  return {
    ...(partial === undefined ? {} : { partial }),
    headings: found,
    missingSubTopics,
    ...(title === undefined ? {} : { title }),
    periodStated,
    pre2019: legacy,
    ...(pre2019In === undefined ? {} : { pre2019In }),
  };
}

function partialReason(
  lines: readonly string[],
  title: FoundTitle | undefined,
  found: readonly FoundHeading[],
): PartialReason | undefined {
  if (title === undefined) return "no-title";
  if (endsWithSignature(lines)) return undefined;
  if (!endsWithSentence(lines)) return "cut-off";
  // A copy cut after a full stop looks finished: only reaching the last section proves it is not
  // cut (whatever follows 六 holds no section and no table).
  return found.some((h) => h.section === 6) ? undefined : "ends-before-last-section";
}
