/**
 * Reading the figures a narrative claims. Every number with a unit is found (mentions.ts); the
 * phrase table (claim-phrases.ts) says which quantity the words around it name; the subject of
 * the passage (依申请, 主动公开, 复议诉讼, or something else such as a 12345 hotline) decides
 * whether context-dependent words (办结, 结转, 予以公开) may count; figures that are changes
 * (增加N件), hedged (约N件), about another year (上年度…, 2023年…) or inclusive ("N件(含…)")
 * are not claims. "共N条，其中a条、b条…" becomes a Breakdown. It reads; it never judges.
 */
import type { TextSpan } from "../rules/finding";
import { CLAIM_PHRASES, ZERO_PHRASES, type ClaimPhrase } from "./claim-phrases";
import { decimalsOf, findMentions, type Mention, type Unit } from "./mentions";
import {
  isOutcome,
  isOutcomeGroup,
  measureOf,
  outcomeGroupOf,
  quantityCells,
  type QuantityId,
} from "./quantities";
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
  /** The report dropped the unit ("财政管理7"); the previous part's unit is assumed. */
  readonly unitElided?: boolean;
}

/** "共N条，其中a条、b条…": a total and the parts listed under it. */
export interface Breakdown {
  readonly total: BreakdownItem;
  readonly parts: readonly BreakdownItem[];
  /**
   * The parts claim to be all of the total: a plain enumeration of at least two parts right after
   * 其中, not ended by 等, not followed by 此外/另外/还, and not a list whose scope may differ.
   */
  readonly exhaustive: boolean;
  /** The sentence(s) from the total to the last part. */
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
  | "no-quantity";

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
  ["application", /(?<!复议|诉讼)申请/gu],
  ["active", /主动公开/gu],
  [
    "foreign",
    /热线|诉求|12345|人大代表|政协|建议|提案|信访(?!、?举报、?投诉类)|来信|来访|来电|工单|咨询|留言|网民|舆情|投诉(?!类)/gu,
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
  /全(?:省|市|县|区|旗|州|盟|镇|乡)|各(?:单位|部门|乡镇|街道|级|地|县|区)|全系统|系统内|下属|所属|本级以外/u;
/**
 * A running total across years ("截至12月31日，累计收到申请120件", "2008年以来累计…"): not this
 * year's figure. "全年累计"/"本年累计" stay claims.
 */
function isMultiYearTotal(lead: string): boolean {
  return (
    /累计/u.test(lead) &&
    /以来|截至|截止|历年/u.test(lead) &&
    !/本年|全年|今年|年度内|本年度/u.test(lead)
  );
}
const CLAUSE_SEPARATOR = /[,;:]/u;

const SEPARATORS = new Set([",", ";", "、", ":", " ", "\t"]);
const MARKER = /其中\s*[,:]?/gu;
const IN_MARKER = /^在[^,;。]{0,30}?(?:公开|办理|收到)[^,;。]{0,12}?(?:信息|申请|文件)中\s*[,:]/u;
const MORE_FOLLOWS = /^(?:此外|另外|另有|除此之外|除此以外|还有|还)/u;
/**
 * A part named by the channel it was published through ("通过微信公众号发布…"): one item may go out
 * through several channels, so such parts need not add up to the total.
 */
const CHANNEL =
  /^(?:通过|经由|利用|依托|借助|在)|(?:网站|平台|公众号|微信|微博|新媒体|专栏|栏目|客户端|抖音|头条|公开栏|公示栏|政务号)[^,;。]{0,6}?(?:发布|推送|公开|更新|刊发|转载)/u;
const SHARE_LABEL = /^\(?\s*占(?:比|[^,;。]{0,12}?)?(?:的)?(?:比例|比重)?(?:为|达|约)?\s*$/u;
const GENERIC_WHOLE = /^(?:比|总数|总量|全部|全年|的|比例|比重|为|达|约|\s)*$/u;
const WHOLE_NOUNS: readonly (readonly [RegExp, QuantityId])[] = [
  [/办结|答复/u, "applications-concluded"],
  [/收到|受理|新收|申请/u, "applications-new"],
  [/主动公开/u, "active-disclosure-total"],
];

interface Candidate {
  readonly phrase: ClaimPhrase;
  readonly quantity: QuantityId;
  readonly start: number;
  readonly end: number;
  readonly order: number;
  readonly targetYear?: number;
}

/** A figure mention with what the reader made of it. */
interface Reading {
  readonly mention: Mention;
  readonly sentence: number;
  readonly leadStart: number;
  readonly quantity?: QuantityId;
  readonly phraseStart: number;
  readonly phraseEnd: number;
  readonly targetYear?: number;
  /** A change, hedged, per-item, prior-year or inclusive figure: never a claim. */
  readonly excluded: boolean;
  /** Set when the figure turned out to be a sub-scope (a part of a breakdown of its own quantity). */
  dropped: boolean;
}

/** The claims of a narrative (see readNarrative for breakdowns and percentages). */
export function extractClaims(text: string): Claim[] {
  return [...readNarrative(text).claims];
}

/** Claims, breakdowns and percentages of a narrative, with offsets into `text`. */
export function readNarrative(text: string): NarrativeReading {
  const prepared = prepareText(text);
  const sentences = sentenceRanges(prepared);
  const span = (start: number, end: number): TextSpan => ({
    start,
    end,
    text: text.slice(start, end),
  });
  const sentenceSpan = (index: number): TextSpan => {
    const r = sentences[index]!;
    return span(r.start, r.end);
  };
  const topics = topicEvents(prepared);
  const mentions = findMentions(prepared).filter((m) => rangeIndexAt(sentences, m.start) >= 0);

  const readings: Reading[] = [];
  const percents: { mention: Mention; sentence: number; leadStart: number }[] = [];
  let previousEnd = 0;
  let previousSentence = -1;
  for (const mention of mentions) {
    const sentence = rangeIndexAt(sentences, mention.start);
    const range = sentences[sentence]!;
    const leadStart =
      sentence === previousSentence ? Math.max(range.start, previousEnd) : range.start;
    previousEnd = mention.end;
    previousSentence = sentence;
    if (mention.kind === "percent") {
      percents.push({ mention, sentence, leadStart });
      continue;
    }
    readings.push(read(prepared, range, leadStart, mention, sentence, topics));
  }

  const breakdowns: Breakdown[] = [];
  const partOf = new Map<Reading, { breakdown: Breakdown; item: BreakdownItem }>();
  for (const found of findBreakdowns(prepared, sentences, readings)) {
    const item = (r: Reading, label: string, unitElided?: boolean): BreakdownItem => ({
      value: r.mention.value,
      unit: r.mention.unit,
      span: span(r.mention.start, r.mention.end),
      label,
      ...(r.quantity === undefined ? {} : { quantity: r.quantity }),
      ...(unitElided === true ? { unitElided } : {}),
    });
    const label = (from: number, to: number): string =>
      text.slice(from, to).replace(/^[\s,;、:，；：]+|[\s,;、:，；：]+$/gu, "");
    const first = found.total.sentence;
    const last = found.parts[found.parts.length - 1]?.reading.sentence ?? first;
    const breakdown: Breakdown = {
      total: item(found.total, label(found.total.leadStart, found.total.mention.start)),
      parts: found.parts.map((p) =>
        item(p.reading, label(p.labelStart, p.reading.mention.start), p.unitElided),
      ),
      exhaustive: found.exhaustive,
      sentences: Array.from({ length: last - first + 1 }, (_, i) => sentenceSpan(first + i)),
      judgedBy: found.judgedBy,
    };
    breakdowns.push(breakdown);
    found.parts.forEach((p, i) => partOf.set(p.reading, { breakdown, item: breakdown.parts[i]! }));
  }

  const claims: Claim[] = [];
  for (const r of readings) {
    if (r.quantity === undefined || r.excluded || r.dropped) continue;
    const year = yearBefore(prepared, sentences[r.sentence]!, r.mention.start);
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
  }
  claims.push(...zeroClaims(prepared, sentences, span, sentenceSpan));
  claims.sort((a, b) => a.span.start - b.span.start);

  const percentages = percents.map(({ mention, sentence, leadStart }): Percentage => {
    const lead = prepared.slice(leadStart, mention.start);
    const kind = percentKind(lead);
    const base: Percentage = {
      value: mention.value,
      decimals: decimalsOf(prepared.slice(mention.start, mention.end)),
      kind,
      span: span(mention.start, mention.end),
      sentence: sentenceSpan(sentence),
    };
    if (kind !== "share") return base;
    const previous = [...readings]
      .reverse()
      .find((r) => r.sentence === sentence && r.mention.end <= mention.start);
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

  return { claims, breakdowns, percentages, skipped: [] };
}

// ---------------------------------------------------------------------------------------------
// One figure

function read(
  prepared: string,
  range: Range,
  leadStart: number,
  mention: Mention,
  sentence: number,
  topics: readonly TopicEvent[],
): Reading {
  const lead = prepared.slice(leadStart, mention.start);
  const tail = prepared.slice(mention.end, range.end);
  const clause = lastClause(lead);
  const excluded =
    mention.approximate ||
    DELTA_BEFORE.test(lead) ||
    COMPARISON.test(clause) ||
    PRIOR_YEAR.test(clause) ||
    EACH_BEFORE.test(lead) ||
    INCLUSIVE_AFTER.test(tail);
  const topic = topicAt(topics, mention.start);
  const candidates: Candidate[] = [];
  CLAIM_PHRASES.forEach((phrase, order) => {
    const b = phrase.before.exec(lead);
    if (b === null) return;
    const a = phrase.after === undefined ? undefined : phrase.after.exec(tail);
    if (a === null) return;
    const wantsAmount = measureOf(phrase.quantity) === "amount";
    if (wantsAmount !== (mention.kind === "amount")) return;
    if (phrase.context === "application" && topic !== "application") return;
    const words = b[0] + (a?.[0] ?? "");
    if (phrase.unless?.test(words) === true) return;
    let quantity = phrase.quantity;
    if (phrase.rowFromContext === true) {
      const row = rulesRowBefore(prepared.slice(range.start, leadStart + b.index));
      if (row === undefined) return;
      quantity = quantity.replace("行政规范性文件", row) as QuantityId;
    }
    const target = /((?:19|20)\d{2})年/u.exec(b[0]);
    candidates.push({
      phrase,
      quantity,
      start: leadStart + b.index,
      end: a === undefined ? mention.end : mention.end + a[0].length,
      order,
      ...(quantity === "applications-carried-forward" && target !== null
        ? { targetYear: Number(target[1]) }
        : {}),
    });
  });
  const chosen = choose(candidates);
  const otherScope =
    chosen !== undefined &&
    quantityCells(chosen.quantity) !== undefined &&
    (OTHER_SCOPE.test(prepared.slice(range.start, mention.start)) ||
      isMultiYearTotal(prepared.slice(range.start, mention.start)));
  return {
    mention,
    sentence,
    leadStart,
    ...(chosen === undefined
      ? { phraseStart: mention.start, phraseEnd: mention.end }
      : {
          quantity: chosen.quantity,
          phraseStart: chosen.start,
          phraseEnd: chosen.end,
          ...(chosen.targetYear === undefined ? {} : { targetYear: chosen.targetYear }),
        }),
    excluded,
    dropped: otherScope,
  };
}

/**
 * The candidate whose words start nearest the number. Two outcome phrases of different groups in
 * one phrase ("因不掌握相关信息不予公开2件") are ambiguous: no claim.
 */
function choose(candidates: readonly Candidate[]): Candidate | undefined {
  const sorted = [...candidates].sort((a, b) => b.start - a.start || a.order - b.order);
  const best = sorted[0];
  if (best === undefined) return undefined;
  const handled: readonly QuantityId[] = [
    "applications-concluded",
    "applications-carried-over",
    "applications-carried-forward",
  ];
  if (
    handled.includes(best.quantity) &&
    sorted.some((c) => c.quantity !== best.quantity && handled.includes(c.quantity))
  ) {
    return undefined; // "办结上年结转申请1件": 办结 or 上年结转?
  }
  if (isOutcome(best.quantity)) {
    const group = outcomeGroupOf(best.quantity);
    if (sorted.some((c) => isOutcome(c.quantity) && outcomeGroupOf(c.quantity) !== group)) {
      return undefined;
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

/** The last year named in the sentence before an offset (not a 结转至YYYY年, not inside 《》). */
function yearBefore(prepared: string, range: Range, offset: number): number | undefined {
  const text = prepared.slice(range.start, offset);
  let year: number | undefined;
  for (const m of text.matchAll(/((?:19|20)\d{2})年/gu)) {
    const prefix = text.slice(0, m.index);
    if (/(?:结转|转入)(?:至|到|入)?$/u.test(prefix)) continue;
    if (prefix.lastIndexOf("《") > prefix.lastIndexOf("》")) continue;
    year = Number(m[1]);
  }
  return year;
}

// ---------------------------------------------------------------------------------------------
// Subjects

interface TopicEvent {
  readonly at: number;
  readonly topic: Topic;
}

function topicEvents(prepared: string): TopicEvent[] {
  const events: TopicEvent[] = [];
  for (const m of prepared.matchAll(HEADING)) events.push({ at: m.index, topic: "none" });
  for (const [topic, re] of TOPIC_WORDS) {
    for (const m of prepared.matchAll(re)) events.push({ at: m.index, topic });
  }
  // At one offset a heading comes first, then the words of the heading.
  return events.sort(
    (a, b) => a.at - b.at || (a.topic === "none" ? -1 : b.topic === "none" ? 1 : 0),
  );
}

function topicAt(events: readonly TopicEvent[], offset: number): Topic {
  let topic: Topic = "none";
  for (const e of events) {
    if (e.at >= offset) break;
    topic = e.topic;
  }
  return topic;
}

// ---------------------------------------------------------------------------------------------
// Zero statements

function zeroClaims(
  prepared: string,
  sentences: readonly Range[],
  span: (start: number, end: number) => TextSpan,
  sentenceSpan: (index: number) => TextSpan,
): Claim[] {
  const claims: Claim[] = [];
  const taken: Range[] = [];
  for (const zero of ZERO_PHRASES) {
    for (const m of prepared.matchAll(zero.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (zero.word !== undefined && !zero.word.test(m[0])) continue;
      const overlaps = taken.some(
        (t) => start < t.end && end > t.start && !(t.start === start && t.end === end),
      );
      if (overlaps) continue;
      const sentence = rangeIndexAt(sentences, start);
      if (sentence < 0) continue;
      const range = sentences[sentence]!;
      const clause = lastClause(prepared.slice(range.start, start));
      if (PRIOR_YEAR.test(clause) || COMPARISON.test(clause)) continue;
      taken.push({ start, end });
      const year = yearBefore(prepared, range, start);
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

// ---------------------------------------------------------------------------------------------
// Breakdowns

interface FoundBreakdown {
  readonly total: Reading;
  readonly parts: readonly FoundPart[];
  readonly exhaustive: boolean;
  readonly judgedBy: "N1" | "N2";
}

interface FoundPart {
  readonly reading: Reading;
  /** Where the words between the previous part (or 其中) and the figure start. */
  readonly labelStart: number;
  readonly unitElided?: boolean;
}

function findBreakdowns(
  prepared: string,
  sentences: readonly Range[],
  readings: Reading[],
): FoundBreakdown[] {
  const markers: Range[] = [];
  for (const m of prepared.matchAll(MARKER))
    markers.push({ start: m.index, end: m.index + m[0].length });
  for (const s of sentences) {
    const m = IN_MARKER.exec(prepared.slice(s.start, s.end));
    if (m !== null) markers.push({ start: s.start, end: s.start + m[0].length });
  }
  markers.sort((a, b) => a.start - b.start);

  const found: FoundBreakdown[] = [];
  for (const marker of markers) {
    const total = totalBefore(prepared, readings, marker.start);
    if (total === undefined) continue;
    const sentence = rangeIndexAt(sentences, marker.start);
    if (sentence < 0) continue;
    const nested = /\(\s*$/u.test(prepared.slice(total.mention.end, marker.start));
    const limit = nested
      ? closingParen(prepared, marker.end, sentences[sentence]!.end)
      : sentences[sentence]!.end;
    if (!canBreakDown(total.quantity)) continue;
    if (
      total.quantity === "applications-new" &&
      /上一?年度?结转/u.test(prepared.slice(marker.start, limit))
    ) {
      total.dropped = true; // "收到申请9件(其中1件为上年结转)": the 9 is not the new applications
      continue;
    }
    const parsed = parseParts(
      prepared,
      readings,
      marker.end,
      limit,
      (part) =>
        !part.excluded &&
        partFits(total.quantity, part.quantity) &&
        sameUnitFamily(total.mention.unit, part.mention.unit),
    );
    if (parsed.parts.length === 0) continue;
    const next = sentences[sentence + 1];
    const more =
      !nested && next !== undefined && MORE_FOLLOWS.test(prepared.slice(next.start, next.end));
    const verdict = judge(
      total,
      parsed.parts.map((p) => p.reading),
    );
    for (const p of parsed.parts) {
      if (p.reading.quantity !== undefined && p.reading.quantity === total.quantity) {
        p.reading.dropped = true;
      }
    }
    const channels = parsed.parts.some((p) =>
      CHANNEL.test(prepared.slice(p.labelStart, p.reading.mention.start).trim()),
    );
    found.push({
      total,
      parts: parsed.parts,
      exhaustive:
        !channels && parsed.exhaustive && !more && parsed.parts.length >= 2 && verdict.exhaustive,
      judgedBy: verdict.judgedBy,
    });
  }
  return found;
}

/** The figure a 其中 refers to: the count right before it, with only punctuation between. */
function totalBefore(
  prepared: string,
  readings: readonly Reading[],
  markerStart: number,
): Reading | undefined {
  let total: Reading | undefined;
  for (const r of readings) {
    if (r.mention.end > markerStart) break;
    total = r;
  }
  if (total === undefined || total.mention.kind !== "count") return undefined;
  if (total.mention.approximate || total.excluded) return undefined;
  const from =
    total.phraseEnd <= markerStart
      ? Math.max(total.phraseEnd, total.mention.end)
      : total.mention.end;
  const gap = prepared.slice(from, markerStart);
  if (!/^[\s,:;。!?(]*$/u.test(gap)) return undefined;
  if (/[。!?\n]/u.test(gap)) {
    // Across a sentence end the total must be the only figure of its sentence.
    const alone = readings.filter((r) => r.sentence === total.sentence).length === 1;
    if (!alone) return undefined;
  }
  return total;
}

function closingParen(prepared: string, from: number, limit: number): number {
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const ch = prepared[i];
    if (ch === "(") depth++;
    else if (ch === ")") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return limit;
}

function parseParts(
  prepared: string,
  readings: readonly Reading[],
  from: number,
  limit: number,
  fits: (part: Reading) => boolean,
): { parts: FoundPart[]; exhaustive: boolean } {
  const parts: FoundPart[] = [];
  let exhaustive = true;
  let pos = from;
  for (;;) {
    const separatorStart = pos;
    while (pos < limit && SEPARATORS.has(prepared[pos]!)) pos++;
    if (pos >= limit) break;
    const next = readings.find((r) => r.mention.start >= pos && r.mention.start < limit);
    if (next === undefined) {
      const rest = prepared.slice(pos, limit);
      const elided = /^([^,;、。\d%]{1,20}?)(\d+)\s*$/u.exec(rest);
      const previous = parts[parts.length - 1];
      if (elided !== null && previous !== undefined) {
        const start = pos + elided[1]!.length;
        const value = Number(elided[2]);
        parts.push({
          reading: {
            mention: {
              kind: "count",
              value,
              unit: previous.reading.mention.unit,
              start,
              end: start + elided[2]!.length,
              approximate: false,
            },
            sentence: previous.reading.sentence,
            leadStart: pos,
            phraseStart: start,
            phraseEnd: start + elided[2]!.length,
            excluded: false,
            dropped: false,
          },
          labelStart: pos,
          unitElided: true,
        });
      }
      break;
    }
    const label = prepared.slice(pos, next.mention.start);
    if (/[,;。]/u.test(label)) break;
    if (MORE_FOLLOWS.test(label.trim())) {
      exhaustive = false;
      break;
    }
    if (next.mention.kind !== "count") break;
    if (!fits(next)) {
      // A figure of another kind ends the list; after "，" the list may have gone on unlisted.
      if (!prepared.slice(separatorStart, pos).includes(";")) exhaustive = false;
      return { parts, exhaustive };
    }
    if (next.mention.approximate) exhaustive = false;
    parts.push({ reading: next, labelStart: pos });
    pos = next.mention.end;
    // A share right after the part ("，占25%", "（占25%）") belongs to it.
    const share = /^\s*[,(]?\s*占[^,;。%]{0,14}?\d+(?:\.\d+)?\s*%\s*\)?/u.exec(
      prepared.slice(pos, limit),
    );
    if (share !== null) pos += share[0].length;
    const after = prepared.slice(pos, limit);
    if (/^\s*等/u.test(after)) {
      exhaustive = false;
      break;
    }
    if (/^\s*\(/u.test(after)) {
      const open = pos + after.indexOf("(");
      pos = Math.min(limit, closingParen(prepared, open + 1, limit) + 1);
    }
  }
  return { parts, exhaustive };
}

/** Counters that count the same kind of thing: items (条/件/篇…), cases (起/宗/件), times (次). */
const UNIT_FAMILIES: readonly (readonly Unit[])[] = [
  ["件", "条", "项", "个", "份", "篇"],
  ["起", "宗", "件"],
  ["次"],
];

function sameUnitFamily(a: Unit, b: Unit): boolean {
  return UNIT_FAMILIES.some((family) => family.includes(a) && family.includes(b));
}

/** Whether a total can have a breakdown at all (not 上年结转, 结转下年度, one leaf, table 四…). */
function canBreakDown(total: QuantityId | undefined): boolean {
  return (
    total === undefined ||
    total === "active-disclosure-total" ||
    total.startsWith("rules:") ||
    total === "applications-new" ||
    total === "applications-concluded" ||
    total === "applicant:法人或其他组织" ||
    isOutcomeGroup(total)
  );
}

/**
 * Whether a part can belong to a total's breakdown. Parts of the total's own quantity are
 * sub-scopes ("收到申请9件，其中网上收到申请5件"); unclassified parts fit any total.
 */
function partFits(total: QuantityId | undefined, part: QuantityId | undefined): boolean {
  if (part === undefined || part === total) return true;
  if (total === undefined || total === "active-disclosure-total" || total.startsWith("rules:")) {
    return part === "active-disclosure-total";
  }
  if (total === "applications-new") {
    return (
      part.startsWith("applicant:") || isOutcome(part) || part === "applications-carried-forward"
    );
  }
  if (total === "applications-concluded") return isOutcome(part) || part.startsWith("applicant:");
  if (total === "applicant:法人或其他组织") {
    return part.startsWith("applicant:") && part !== "applicant:自然人";
  }
  if (isOutcomeGroup(total))
    return isOutcome(part) && outcomeGroupOf(part) === outcomeGroupOf(total);
  return false;
}

/**
 * How a breakdown whose parts fit is judged. Outcomes or 结转 under 收到 may count carried-over
 * applications too, so such a list is not taken as exhaustive; outcomes under 办结 are N2's.
 */
function judge(
  total: Reading,
  parts: readonly Reading[],
): { exhaustive: boolean; judgedBy: "N1" | "N2" } {
  const q = total.quantity;
  const kinds = parts.map((p) => (p.quantity === q ? undefined : p.quantity));
  if (q === "applications-new") {
    const scoped = kinds.some((k) => k !== undefined && !k.startsWith("applicant:"));
    return { exhaustive: !scoped, judgedBy: "N1" };
  }
  if (q === "applications-concluded") {
    const outcomesOnly = kinds.every((k) => k !== undefined && isOutcome(k));
    return { exhaustive: true, judgedBy: outcomesOnly ? "N2" : "N1" };
  }
  return { exhaustive: true, judgedBy: "N1" };
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
