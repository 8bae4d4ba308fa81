/**
 * Reading the figures a narrative claims. Every number with a unit is found (mentions.ts); the
 * phrase table (claim-phrases.ts) says which quantity the words around it name; the subject of
 * the passage (依申请, 主动公开, 复议诉讼, or something else such as a 12345 hotline) decides
 * whether context-dependent words (办结, 结转, 予以公开) may count; figures that are changes
 * (增加N件), hedged (约N件), about another year (上年度…) or scope (全县…), or inclusive ("N件(含…)")
 * are not claims, and are listed in `skipped` with the reason. The clause parser (lists.ts) makes
 * "共N条，其中a条、b条…" a Breakdown. A text that stops inside a sentence gives nothing from that
 * sentence. Every scan is linear in the text: windows are bounded and lookups are binary searches.
 * It reads; it never judges.
 */
import type { TextSpan } from "../rules/finding";
import { CLAIM_PHRASES, OTHER_APPLICATIONS, ZERO_PHRASES, type ClaimPhrase } from "./claim-phrases";
import { parseLists, type FigureReading } from "./lists";
import { decimalsOf, findMentions, type Mention, type Unit } from "./mentions";
import { isOutcome, measureOf, outcomeGroupOf, quantityCells, type QuantityId } from "./quantities";
import { prepareText, rangeIndexAt, sentenceRanges, type Range } from "./text-prepare";

/** One figure a narrative states for a quantity. */
export interface Claim {
  readonly quantity: QuantityId;
  readonly value: number;
  /** The unit written; absent for zero statements ("未收到任何政府信息公开申请"). */
  readonly unit?: Unit;
  readonly form: "figure" | "zero-statement";
  /** The number and its unit ("9条"), or the whole zero statement. */
  readonly span: TextSpan;
  /** The words that name the quantity, through the figure ("共收到9条要求公开政府信息的申请"). */
  readonly phrase: TextSpan;
  readonly sentence: TextSpan;
  /** The year the sentence puts the figure in ("2023年，…"), when it names one. */
  readonly year?: number;
  /** For 结转至2024年: the year the applications are carried into. */
  readonly targetYear?: number;
}

/** A figure inside a breakdown: the total or one part. */
export interface BreakdownItem {
  readonly value: number;
  readonly unit: Unit;
  /** The number and its unit. */
  readonly span: TextSpan;
  /** The words before the figure ("经济发展", "通过微信公众号发布信息"). */
  readonly label: string;
  readonly quantity?: QuantityId;
  /** Never set: a number without a unit is not a part (kept for readers of the old shape). */
  readonly unitElided?: boolean;
  /** The figure is hedged (100余条, 约50件): the list's sum cannot be checked exactly. */
  readonly hedged?: boolean;
}

/** Why the text itself says a list is all of its whole (spec §8, N1 in detail (b), (c)). */
export type ListCompletion =
  /** 分别为/分别是: an enumeration of the whole. */
  | "enumerated"
  /** A closing 共/共计/合计 after the parts: the total of exactly those parts. */
  | "closing-total"
  /** The last part is the residual category (其他/其它/其余…). */
  | "residual"
  /** 自然人 and 法人或其他组织: the applicants of all applications. */
  | "partition";

/** Why a list's sum cannot be checked at all (its parts may still not exceed the whole). */
export type ListUncheckable =
  /** A part is hedged (100余条). */
  | "hedged"
  /** The text stops inside the list's sentence. */
  | "unfinished"
  /** Two figures stand before the list, in parallel clauses; the parts may belong to either. */
  | "ambiguous-total"
  /** The parts are outcomes of a total that may include carried-over applications. */
  | "mixed-scope";

/** "共N条，其中a条、b条…": a total and the parts listed under it. */
export interface Breakdown {
  readonly total: BreakdownItem;
  readonly parts: readonly BreakdownItem[];
  /**
   * The text says the parts are all of the total (`completion`), or they form a closed partition.
   * A plain 其中/包括 list is open: "among them", highlights.
   */
  readonly exhaustive: boolean;
  readonly completion?: ListCompletion;
  readonly uncheckable?: ListUncheckable;
  /** The word that opened the list (其中, 包括, 分别为 …); absent for a list closed by a total. */
  readonly marker?: string;
  /** The sentence of the total and its parts (a list never crosses a sentence end). */
  readonly sentences: readonly TextSpan[];
  /**
   * Which rule judges the sums: N2 when the total is 办结 and every part is an outcome
   * ("the listed outcomes sum to 办结"), N1 otherwise.
   */
  readonly judgedBy: "N1" | "N2";
}

/** A percentage and what it is a share of, when the text says so unambiguously. */
export interface Percentage {
  readonly value: number;
  /** Decimals as written ("83.3%" → 1). */
  readonly decimals: number;
  /** share: 占…N%; rate: …率N%; change: 增长N%; other: anything else. */
  readonly kind: "share" | "rate" | "change" | "other";
  readonly span: TextSpan;
  readonly sentence: TextSpan;
  /** For a share: the figure right before it. */
  readonly part?: BreakdownItem;
  /** For a share of a breakdown part with no other whole named: the breakdown's total. */
  readonly whole?: BreakdownItem;
  /** For a share of a named whole ("占办结总数的83.3%"): the quantity named. */
  readonly wholeQuantity?: QuantityId;
}

/** Why a figure of the text was read but not taken as a claim, a part or a total. */
export type SkipReason =
  | "hedged"
  | "other-year"
  | "other-scope"
  | "other-topic"
  | "delta"
  | "unfinished-sentence"
  | "no-quantity"
  /** 各N件 ("各1件"): a figure per item, not a total. */
  | "per-item"
  /** "N件（含…）": a figure that includes something else. */
  | "inclusive"
  /** Two readings of one phrase (办结上年结转申请1件: 办结 or 上年结转?). */
  | "ambiguous"
  /** A list part: taken, but as a part of a breakdown, not as a claim of its own. */
  | "sub-scope";

/** A figure the reader saw and did not take, with the reason (shown by `xxgk read`). */
export interface SkippedFigure {
  readonly span: TextSpan;
  readonly sentence: TextSpan;
  readonly reason: SkipReason;
}

/** Everything read from a narrative. */
export interface NarrativeReading {
  readonly claims: readonly Claim[];
  readonly breakdowns: readonly Breakdown[];
  readonly percentages: readonly Percentage[];
  /** Figures seen and not taken, with why. */
  readonly skipped: readonly SkippedFigure[];
}

/** The subject a passage is about, which decides whether 办结/结转/予以公开 are about 依申请. */
type Topic = "application" | "active" | "review" | "foreign" | "none";

const TOPIC_WORDS: readonly (readonly [Topic, RegExp])[] = [
  ["review", /行政复议|行政诉讼/gu],
  ["application", new RegExp(`(?<!${OTHER_APPLICATIONS})申请`, "gu")],
  ["active", /主动公开/gu],
  [
    "foreign",
    new RegExp(
      `热线|诉求|12345|人大代表|政协|建议|提案|信访(?!、?举报、?投诉类)|来信|来访|来电|工单|咨询|留言|网民|舆情|投诉(?!类)|(?:${OTHER_APPLICATIONS})申请`,
      "gu",
    ),
  ],
];
/** A section heading starting a line or sentence ("（二）…", "三、…") ends the previous subject. */
const HEADING = /(?:^|\n|。)[ \t]*(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)/gu;

const DELTA_BEFORE = /(?:增加|减少|增长|下降|提高|上升|降低|新增|增|减|多|少)(?:了)?\s*$/u;
const COMPARISON = /(?:较|比)(?:上一?年|去年|前一?年|(?:19|20)\d{2}年|同期)|同比|环比/u;
const PRIOR_YEAR = /上一?年(?!度?结转)|去年|前一?年/u;
const EACH_BEFORE = /各\s*$/u;
const INCLUSIVE_AFTER = /^\s*\(?\s*(?:含|包括|包含)/u;
/** A count for a wider or narrower body than the reporting office ("全县共收到申请120件"). */
const OTHER_SCOPE =
  /全(?:省|市|县|区|旗|州|盟|镇|乡)|各(?:单位|部门|乡镇|街道|级|地|县|区)|全系统|系统内|下属|所属|本级以外/gu;
/**
 * A count of the applications of one channel ("通过政府门户网站共办理并答复信息公开申请3件、纸质申请
 * 36件"): a part of the year's applications, not their number.
 */
const CHANNEL_SCOPE =
  /通过[^,;。]{0,10}?(?:网站|平台|网络|信函|邮件|邮寄|当面|窗口|传真|电话)|网上|线上|当面|信函|现场/u;
/** Running totals across years ("截至12月31日，累计收到申请120件", "2008年以来累计…"). */
const RUNNING = /累计/gu;
const SINCE = /以来|截至|截止|历年/gu;
const THIS_YEAR = /本年|全年|今年|年度内|本年度/gu;
const YEAR = /((?:19|20)\d{2})年/gu;
const CLAUSE_SEPARATOR = /[,;:]/u;
const SHARE_LABEL = /^\(?\s*占(?:比|[^,;。]{0,12}?)?(?:的)?(?:比例|比重)?(?:为|达|约)?\s*$/u;
const GENERIC_WHOLE = /^(?:比|总数|总量|全部|全年|的|比例|比重|为|达|约|\s)*$/u;
const WHOLE_NOUNS: readonly (readonly [RegExp, QuantityId])[] = [
  [/办结|答复/u, "applications-concluded"],
  [/收到|受理|新收|申请/u, "applications-new"],
  [/主动公开/u, "active-disclosure-total"],
];
/** The last line of a finished text: a sentence end, a table cell, a date, a heading. */
const FINISHED_END = /[。!?;…」”』)\]】|]\s*$/u;
const DATE_LINE = /(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*$/u;
const HEADING_LINE = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、])/u;

/**
 * How far before a figure the phrase table looks, and after it: the longest phrase of the table
 * (收到 + 12 characters + 申请 + 8 characters + 共计) fits, and no scan grows with the sentence.
 */
const LEAD_WINDOW = 40;
const TAIL_WINDOW = 20;
/** How far back 规章 / 行政规范性文件 may be named for "…制发6件，废止2件". */
const ROW_WINDOW = 60;
/** A figure this close to the end of an unfinished text may be cut ("5条" of "5条以上"). */
const CUT_MARGIN = 4;

interface Candidate {
  readonly phrase: ClaimPhrase;
  readonly quantity: QuantityId;
  readonly start: number;
  readonly end: number;
  readonly order: number;
  readonly targetYear?: number;
}

/** The claims of a narrative (see readNarrative for breakdowns and percentages). */
export function extractClaims(text: string): Claim[] {
  return [...readNarrative(text).claims];
}

/** Claims, breakdowns and percentages of a narrative, with offsets into `text`. */
export function readNarrative(text: string): NarrativeReading {
  const prepared = prepareText(text);
  const sentences = sentenceRanges(prepared);
  const unfinished = unfinishedSentence(prepared, sentences);
  const index = indexText(prepared);
  const span = (start: number, end: number): TextSpan => ({
    start,
    end,
    text: text.slice(start, end),
  });
  const sentenceSpans = new Map<number, TextSpan>();
  const sentenceSpan = (i: number): TextSpan => {
    let cached = sentenceSpans.get(i);
    if (cached === undefined) {
      const r = sentences[i]!;
      cached = span(r.start, r.end);
      sentenceSpans.set(i, cached);
    }
    return cached;
  };

  const readings: FigureReading[] = [];
  const percents: { mention: Mention; sentence: number; leadStart: number; previous?: number }[] =
    [];
  let previousEnd = 0;
  let previousSentence = -1;
  for (const mention of findMentions(prepared)) {
    const sentence = rangeIndexAt(sentences, mention.start);
    if (sentence < 0) continue;
    const range = sentences[sentence]!;
    const leadStart =
      sentence === previousSentence ? Math.max(range.start, previousEnd) : range.start;
    previousEnd = mention.end;
    previousSentence = sentence;
    if (mention.kind === "percent") {
      const last = readings[readings.length - 1];
      percents.push({
        mention,
        sentence,
        leadStart,
        ...(last !== undefined && last.sentence === sentence
          ? { previous: readings.length - 1 }
          : {}),
      });
      continue;
    }
    const cut =
      sentence === unfinished || (unfinished >= 0 && mention.end > prepared.length - CUT_MARGIN);
    readings.push(read(prepared, range, leadStart, mention, sentence, index, cut));
  }

  const breakdowns: Breakdown[] = [];
  const partOf = new Map<FigureReading, { breakdown: Breakdown; item: BreakdownItem }>();
  const used = new Set<FigureReading>();
  const label = (from: number, to: number): string =>
    text.slice(from, to).replace(/^[\s,;、:，；：(（]+|[\s,;、:，；：]+$/gu, "");
  for (const found of parseLists(prepared, sentences, readings)) {
    const item = (r: FigureReading, from: number): BreakdownItem => ({
      value: r.mention.value,
      unit: r.mention.unit,
      span: span(r.mention.start, r.mention.end),
      label: label(Math.max(from, r.mention.start - LEAD_WINDOW), r.mention.start),
      ...(r.quantity === undefined ? {} : { quantity: r.quantity }),
      ...(r.mention.approximate ? { hedged: true } : {}),
    });
    const breakdown: Breakdown = {
      total: item(found.total, found.totalLabelStart),
      parts: found.parts.map((p) => item(p.reading, p.labelStart)),
      exhaustive: found.completion !== undefined,
      ...(found.completion === undefined ? {} : { completion: found.completion }),
      ...(found.uncheckable === undefined ? {} : { uncheckable: found.uncheckable }),
      ...(found.marker === undefined ? {} : { marker: found.marker }),
      sentences: Array.from(
        {
          length:
            (found.parts[found.parts.length - 1]?.reading.sentence ?? found.total.sentence) -
            found.total.sentence +
            1,
        },
        (_, i) => sentenceSpan(found.total.sentence + i),
      ),
      judgedBy: found.judgedBy,
    };
    breakdowns.push(breakdown);
    used.add(found.total);
    found.parts.forEach((p, i) => {
      used.add(p.reading);
      partOf.set(p.reading, { breakdown, item: breakdown.parts[i]! });
    });
  }

  const claims: Claim[] = [];
  const skipped: SkippedFigure[] = [];
  for (const r of readings) {
    if (r.quantity !== undefined && r.skip === undefined && !r.dropped) {
      const year = yearBefore(index, sentences[r.sentence]!, r.mention.start);
      claims.push({
        quantity: r.quantity,
        value: r.mention.value,
        unit: r.mention.unit,
        form: "figure",
        span: span(r.mention.start, r.mention.end),
        phrase: span(r.phraseStart, Math.max(r.phraseEnd, r.mention.end)),
        sentence: sentenceSpan(r.sentence),
        ...(year === undefined ? {} : { year }),
        ...(r.targetYear === undefined ? {} : { targetYear: r.targetYear }),
      });
      continue;
    }
    if (used.has(r) && r.skip === undefined && !r.dropped) continue;
    skipped.push({
      span: span(r.mention.start, r.mention.end),
      sentence: sentenceSpan(r.sentence),
      reason: r.skip ?? (r.dropped ? "sub-scope" : "no-quantity"),
    });
  }
  claims.push(...zeroClaims(prepared, sentences, unfinished, index, span, sentenceSpan));
  claims.sort((a, b) => a.span.start - b.span.start);

  const percentages = percents.map(({ mention, sentence, leadStart, previous: at }): Percentage => {
    const lead = prepared.slice(Math.max(leadStart, mention.start - LEAD_WINDOW), mention.start);
    const kind = percentKind(lead);
    const base: Percentage = {
      value: mention.value,
      decimals: decimalsOf(prepared.slice(mention.start, mention.end)),
      kind,
      span: span(mention.start, mention.end),
      sentence: sentenceSpan(sentence),
    };
    if (kind !== "share" || sentence === unfinished) return base;
    const previous = at === undefined ? undefined : readings[at];
    if (previous === undefined || previous.mention.end !== leadStart) return base;
    if (!SHARE_LABEL.test(lead.replace(/^[\s,]+/u, ""))) return base;
    const of = /占(.*)$/u.exec(lead)?.[1] ?? "";
    const inBreakdown = partOf.get(previous);
    const part: BreakdownItem = inBreakdown?.item ?? {
      value: previous.mention.value,
      unit: previous.mention.unit,
      span: span(previous.mention.start, previous.mention.end),
      label: "",
      ...(previous.quantity === undefined ? {} : { quantity: previous.quantity }),
    };
    if (GENERIC_WHOLE.test(of)) {
      return inBreakdown === undefined
        ? { ...base, part }
        : { ...base, part, whole: inBreakdown.breakdown.total };
    }
    const named = WHOLE_NOUNS.find(([re]) => re.test(of));
    return named === undefined ? { ...base, part } : { ...base, part, wholeQuantity: named[1] };
  });

  return { claims, breakdowns, percentages, skipped };
}

// ---------------------------------------------------------------------------------------------
// The text's landmarks, found once: lookups are binary searches, so reading stays linear.

interface Landmarks {
  readonly topics: readonly { readonly at: number; readonly topic: Topic }[];
  readonly scopes: readonly Range[];
  readonly running: readonly Range[];
  readonly since: readonly Range[];
  readonly thisYear: readonly Range[];
  /** Years a figure may be put in: not 结转至2024年, not inside 《》. */
  readonly years: readonly {
    readonly start: number;
    readonly end: number;
    readonly year: number;
  }[];
}

function indexText(prepared: string): Landmarks {
  const topics: { at: number; topic: Topic; order: number }[] = [];
  for (const m of prepared.matchAll(HEADING)) topics.push({ at: m.index, topic: "none", order: 0 });
  TOPIC_WORDS.forEach(([topic, re], order) => {
    for (const m of prepared.matchAll(re)) topics.push({ at: m.index, topic, order: order + 1 });
  });
  // At one offset a heading comes first, then the words; a longer foreign word ("审批申请")
  // starts before its 申请, so it is overridden only by a later word.
  topics.sort((a, b) => a.at - b.at || a.order - b.order);
  const ranges = (re: RegExp): Range[] =>
    [...prepared.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const opens = [...prepared.matchAll(/《/gu)].map((m) => m.index);
  const closes = [...prepared.matchAll(/》/gu)].map((m) => m.index);
  const years: { start: number; end: number; year: number }[] = [];
  for (const m of prepared.matchAll(YEAR)) {
    const before = prepared.slice(Math.max(0, m.index - 4), m.index);
    if (/(?:结转|转入|转至|顺延)(?:至|到|入)?$/u.test(before)) continue;
    if (lastAtOrBefore(opens, m.index) > lastAtOrBefore(closes, m.index)) continue;
    years.push({ start: m.index, end: m.index + m[0].length, year: Number(m[1]) });
  }
  return {
    topics,
    scopes: ranges(OTHER_SCOPE),
    running: ranges(RUNNING),
    since: ranges(SINCE),
    thisYear: ranges(THIS_YEAR),
    years,
  };
}

/** The largest value ≤ offset of a sorted list, or -1. */
function lastAtOrBefore(sorted: readonly number[], offset: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! <= offset) {
      found = sorted[mid]!;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The index of the last item ending at or before `offset` (items sorted and disjoint), or -1. */
function lastEndingBy(items: readonly Range[], offset: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid]!.end <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Whether one of `items` lies wholly inside [from, to). */
function occursIn(items: readonly Range[], from: number, to: number): boolean {
  const i = lastEndingBy(items, to);
  return i >= 0 && items[i]!.start >= from;
}

function topicAt(index: Landmarks, offset: number): Topic {
  const events = index.topics;
  let low = 0;
  let high = events.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (events[mid]!.at < offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found < 0 ? "none" : events[found]!.topic;
}

/** The last year named in the sentence before an offset. */
function yearBefore(index: Landmarks, range: Range, offset: number): number | undefined {
  const i = lastEndingBy(index.years, offset);
  const y = i < 0 ? undefined : index.years[i];
  return y !== undefined && y.start >= range.start ? y.year : undefined;
}

/**
 * The sentence the text stops inside, or -1: its last line runs on without 。；！？ and is not a
 * heading, a date or a table cell (spec §8, N1 in detail).
 */
function unfinishedSentence(prepared: string, sentences: readonly Range[]): number {
  const last = sentences[sentences.length - 1];
  if (last === undefined) return -1;
  const tail = prepared.slice(Math.max(last.start, last.end - 200), last.end);
  if (FINISHED_END.test(tail) || DATE_LINE.test(tail)) return -1;
  if (last.end - last.start <= 40 && HEADING_LINE.test(prepared.slice(last.start, last.end))) {
    return -1;
  }
  return sentences.length - 1;
}

// ---------------------------------------------------------------------------------------------
// One figure

function read(
  prepared: string,
  range: Range,
  leadStart: number,
  mention: Mention,
  sentence: number,
  index: Landmarks,
  cut: boolean,
): FigureReading {
  const windowStart = Math.max(leadStart, mention.start - LEAD_WINDOW);
  const lead = prepared.slice(windowStart, mention.start);
  const tail = prepared.slice(mention.end, Math.min(range.end, mention.end + TAIL_WINDOW));
  const clause = lastClause(lead);
  const topic = topicAt(index, mention.start);
  const candidates: Candidate[] = [];
  let needsTopic = false;
  const mark = markPhrasesFor(lead);
  CLAIM_PHRASES.forEach((phrase, order) => {
    if (possibleMarks[order] !== mark) return;
    const b = phrase.before.exec(lead);
    if (b === null) return;
    const a = phrase.after === undefined ? undefined : phrase.after.exec(tail);
    if (a === null) return;
    const wantsAmount = measureOf(phrase.quantity) === "amount";
    if (wantsAmount !== (mention.kind === "amount")) return;
    if (phrase.context === "application" && topic !== "application") {
      needsTopic = true;
      return;
    }
    const words = b[0] + (a?.[0] ?? "");
    if (phrase.unless?.test(words) === true) return;
    let quantity = phrase.quantity;
    const start = windowStart + b.index;
    if (phrase.rowFromContext === true) {
      const row = rulesRowBefore(prepared.slice(Math.max(range.start, start - ROW_WINDOW), start));
      if (row === undefined) return;
      quantity = quantity.replace("行政规范性文件", row) as QuantityId;
    }
    const target = /((?:19|20)\d{2})年/u.exec(b[0]);
    candidates.push({
      phrase,
      quantity,
      start,
      end: a === undefined ? mention.end : mention.end + a[0].length,
      order,
      ...(quantity === "applications-carried-forward" && target !== null
        ? { targetYear: Number(target[1]) }
        : {}),
    });
  });
  const chosen = choose(candidates);
  let skip: SkipReason | undefined;
  if (mention.approximate) skip = "hedged";
  else if (DELTA_BEFORE.test(lead) || COMPARISON.test(clause)) skip = "delta";
  else if (PRIOR_YEAR.test(clause)) skip = "other-year";
  else if (EACH_BEFORE.test(lead)) skip = "per-item";
  else if (INCLUSIVE_AFTER.test(tail)) skip = "inclusive";
  else if (chosen === "ambiguous") skip = "ambiguous";
  else if (chosen === undefined && needsTopic) skip = "other-topic";
  else if (chosen !== undefined && quantityCells(chosen.quantity) !== undefined) {
    const sentencePrefix = [range.start, mention.start] as const;
    const multiYear =
      occursIn(index.running, ...sentencePrefix) &&
      occursIn(index.since, ...sentencePrefix) &&
      !occursIn(index.thisYear, ...sentencePrefix);
    const channel =
      (chosen.quantity.startsWith("applications-") || isOutcome(chosen.quantity)) &&
      CHANNEL_SCOPE.test(clause);
    if (occursIn(index.scopes, ...sentencePrefix) || multiYear || channel) skip = "other-scope";
  }
  if (cut && skip === undefined) skip = "unfinished-sentence";
  const taken = chosen === undefined || chosen === "ambiguous" ? undefined : chosen;
  return {
    mention,
    sentence,
    ...(taken === undefined
      ? { phraseStart: mention.start, phraseEnd: mention.end }
      : {
          quantity: taken.quantity,
          phraseStart: taken.start,
          phraseEnd: taken.end,
          ...(taken.targetYear === undefined ? {} : { targetYear: taken.targetYear }),
        }),
    ...(skip === undefined ? {} : { skip }),
    unfinished: cut,
    dropped: false,
  };
}

/**
 * Every phrase's `before` pattern consumes at least one of the CJK characters written in its
 * source, so a phrase none of whose characters occur in the lead cannot match: the table is
 * indexed by character once, and each figure tries only the phrases its lead can hold.
 */
const PHRASES_BY_CHAR: ReadonlyMap<string, readonly number[]> = (() => {
  const map = new Map<string, number[]>();
  CLAIM_PHRASES.forEach((phrase, order) => {
    for (const ch of new Set(phrase.before.source.match(/[\u3400-\u9fff]/gu) ?? [])) {
      const list = map.get(ch);
      if (list === undefined) map.set(ch, [order]);
      else list.push(order);
    }
  });
  return map;
})();

/** The phrases a lead can hold, as marks of the current figure (reused: no allocation per figure). */
const possibleMarks = new Uint32Array(CLAIM_PHRASES.length);
let currentMark = 0;

function markPhrasesFor(lead: string): number {
  currentMark = (currentMark + 1) >>> 0;
  if (currentMark === 0) {
    possibleMarks.fill(0);
    currentMark = 1;
  }
  for (let i = 0; i < lead.length; i++) {
    const orders = PHRASES_BY_CHAR.get(lead[i]!);
    if (orders !== undefined) for (const order of orders) possibleMarks[order] = currentMark;
  }
  return currentMark;
}

/**
 * The candidate whose words start nearest the number. Two readings of one phrase ("办结上年结转
 * 申请1件"; "因不掌握相关信息不予公开2件": two outcome groups) are ambiguous: no claim.
 */
function choose(candidates: readonly Candidate[]): Candidate | "ambiguous" | undefined {
  const sorted = [...candidates].sort((a, b) => b.start - a.start || a.order - b.order);
  const best = sorted[0];
  if (best === undefined) return undefined;
  // "予以公开及部分公开12件": the combined phrase covers the nearer 部分公开.
  const combined = sorted.find((c) => c.quantity.startsWith("outcomes:") && c.start <= best.start);
  if (combined !== undefined) return combined;
  const handled: readonly QuantityId[] = [
    "applications-concluded",
    "applications-carried-over",
    "applications-carried-forward",
  ];
  if (
    handled.includes(best.quantity) &&
    sorted.some((c) => c.quantity !== best.quantity && handled.includes(c.quantity))
  ) {
    return "ambiguous";
  }
  if (isOutcome(best.quantity)) {
    const group = outcomeGroupOf(best.quantity);
    if (sorted.some((c) => isOutcome(c.quantity) && outcomeGroupOf(c.quantity) !== group)) {
      return "ambiguous";
    }
  }
  return best;
}

function lastClause(lead: string): string {
  const parts = lead.split(CLAUSE_SEPARATOR);
  return parts[parts.length - 1] ?? "";
}

/** 规章 or 行政规范性文件, whichever is named last in the text. */
function rulesRowBefore(text: string): "规章" | "行政规范性文件" | undefined {
  const rules = text.lastIndexOf("规章");
  const normative = text.lastIndexOf("规范性文件");
  const rulesOk = rules >= 0 && !text.startsWith("规章制度", rules);
  if (!rulesOk && normative < 0) return undefined;
  if (!rulesOk) return "行政规范性文件";
  return rules > normative ? "规章" : "行政规范性文件";
}

// ---------------------------------------------------------------------------------------------
// Zero statements

/** The longest zero statement: an overlap is looked for this far back. */
const ZERO_WINDOW = 80;

function zeroClaims(
  prepared: string,
  sentences: readonly Range[],
  unfinished: number,
  index: Landmarks,
  span: (start: number, end: number) => TextSpan,
  sentenceSpan: (index: number) => TextSpan,
): Claim[] {
  const claims: Claim[] = [];
  const taken = new Map<number, number>();
  const overlaps = (start: number, end: number): boolean => {
    for (let s = Math.max(0, start - ZERO_WINDOW); s < end; s++) {
      const e = taken.get(s);
      if (e !== undefined && start < e && end > s && !(s === start && e === end)) return true;
    }
    return false;
  };
  for (const zero of ZERO_PHRASES) {
    for (const m of prepared.matchAll(zero.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (zero.word !== undefined && !zero.word.test(m[0])) continue;
      if (overlaps(start, end)) continue;
      const sentence = rangeIndexAt(sentences, start);
      if (sentence < 0 || sentence === unfinished) continue;
      const range = sentences[sentence]!;
      const clause = lastClause(prepared.slice(Math.max(range.start, start - LEAD_WINDOW), start));
      if (PRIOR_YEAR.test(clause) || COMPARISON.test(clause)) continue;
      if (!taken.has(start) || taken.get(start)! < end) taken.set(start, end);
      const year = yearBefore(index, range, start);
      claims.push({
        quantity: zero.quantity,
        value: 0,
        form: "zero-statement",
        span: span(start, end),
        phrase: span(start, end),
        sentence: sentenceSpan(sentence),
        ...(year === undefined ? {} : { year }),
      });
    }
  }
  return claims;
}

function percentKind(lead: string): Percentage["kind"] {
  if (
    /(?:增长|下降|提高|上升|减少|增加|降低|增幅|降幅|同比|环比)(?:了|为|达|约)?\s*$/u.test(lead)
  ) {
    return "change";
  }
  if (/率\s*(?:为|达|达到|是|约)?\s*$/u.test(lead)) return "rate";
  if (/占(?:比|[^,;。]{0,12}?)?(?:的)?(?:比例|比重)?(?:为|达|约)?\s*$/u.test(lead)) return "share";
  return "other";
}
