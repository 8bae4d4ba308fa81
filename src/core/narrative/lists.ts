/**
 * The clause parser: where a list of parts begins and ends, and which whole it belongs to (spec §8,
 * "N1 in detail"). One pass over the figures of each sentence, in order, with the words between
 * two figures (the gap) deciding what happens:
 * - 其中 / 包括 / 主要包括 / 具体包括 / 分别为 / 含 open a list; its whole is the figure right before
 *   the marker ("主动公开政府信息862条，其中政策文件46条…"), or none ("专题专栏包括…");
 * - the list ends at its clause (；), at a figure-less clause (a "，" inside the gap), at a new
 *   共/累计/合计 whole, at a figure that names another noun ("共维护13个专栏"), a change (较上年增加),
 *   another unit family or a part that cannot belong to the whole, and after 等;
 * - a closing 共/共计/合计 right after the parts ("…其他3条，共发布102条") is the whole of exactly
 *   those parts: a sub-total is its own whole, never a part of the outer one;
 * - figures inside brackets after a part ("（占25%）", "（其中…）") are not parts of the outer list.
 * A list never crosses a sentence end. It cannot read lists whose parts are written number first
 * ("其中发布1条概况类信息，35条政务动态信息"), nor lists separated by "；".
 */
import type { ListCompletion, ListUncheckable, SkipReason } from "./claims";
import type { Mention, Unit } from "./mentions";
import { isOutcome, isOutcomeGroup, outcomeGroupOf, type QuantityId } from "./quantities";
import type { Range } from "./text-prepare";

/** A figure with what the phrase table made of it (claims.ts builds these). */
export interface FigureReading {
  readonly mention: Mention;
  readonly sentence: number;
  readonly quantity?: QuantityId;
  readonly phraseStart: number;
  readonly phraseEnd: number;
  readonly targetYear?: number;
  /** Why the figure is not a claim; undefined when it is one. */
  readonly skip?: SkipReason;
  /** In the sentence the text stops inside. */
  readonly unfinished: boolean;
  /** Set when the figure is a part of its own quantity's breakdown (a sub-scope), or a 收到 total
   * whose list says it includes 上年结转. */
  dropped: boolean;
}

/** A part of a list and where its label starts. */
export interface FoundPart {
  readonly reading: FigureReading;
  readonly labelStart: number;
}

/** A list found by the parser, before it is turned into a Breakdown. */
export interface FoundList {
  readonly total: FigureReading;
  /** Where the total's label starts (after the previous figure, or at the sentence start). */
  readonly totalLabelStart: number;
  readonly parts: readonly FoundPart[];
  readonly marker?: string;
  readonly completion?: ListCompletion;
  readonly uncheckable?: ListUncheckable;
  readonly judgedBy: "N1" | "N2";
}

/** The words that open a list. 含 only right after "（" or "，" ("（含…）", "，含…"). */
const MARKER = /(?:其中|主要包括|具体包括|包括|分别为|分别是|(?<=[,(]\s*)含)\s*:?/gu;
const MARKER_CHARS = /[其包分含]/u;
const ENUMERATING = /^分别/u;
/** Separators between the parts of one clause. */
const LEADING_SEPARATORS = /^[\s,、:]+/u;
const ONLY_SEPARATORS = /^[\s,:(]*$/u;
/** Words that say more follows outside the list. */
const MORE_FOLLOWS = /^(?:此外|另外|另有|除此之外|除此以外|还有|还)/u;
/** A closing total: 共/共计/合计 and at most a verb and 信息, nothing that names a category. */
const CLOSING_TOTAL =
  /^(?:共计|合计|总计|共|累计|总共)(?:发布|公开|主动公开|更新|收到|受理|办结|处理|报送)?(?:了)?(?:各类)?(?:政府)?(?:信息)?$/u;
/** A new whole: a figure introduced by 共/累计/合计 ends the list before it. */
const NEW_WHOLE = /^(?:共计|合计|总计|共|累计|总共)/u;
/** The residual category: a list ending with it covers everything. */
const RESIDUAL = /(?:^|等)(?:其他|其它|其余|剩余)/u;
/** A share after a part ("，占25%", "（占25%）"): the part's remark, not a clause of its own. */
const SHARE_REMARK = /[,(]?\s*占[^,;。%]{0,14}?\d+(?:\.\d+)?\s*%\s*\)?/gu;
/** The list under a 收到 total says it counts 上年结转 too ("收到申请9件(其中1件为上年结转)"). */
const COUNTS_CARRIED_OVER = /上一?年度?结转/u;
/** How far after the marker 上年结转 is looked for. */
const CARRIED_OVER_WINDOW = 30;
/** After a unit, a noun: the figure counts that noun ("13个专栏"), not the list's items. */
const NOUN_AFTER = /^[\u4e00-\u9fff]/u;
const NOUN_AFTER_ALLOWED = /^(?:等|以上|以下|左右|之多|次)/u;
const ETC_AFTER = /^\s*等/u;
/** Skip reasons that make a figure no part of any list (a change, another year, per item …). */
const NOT_A_PART: ReadonlySet<SkipReason> = new Set([
  "delta",
  "other-year",
  "per-item",
  "inclusive",
]);

/** Counters that count the same kind of thing: items (条/件/篇…), cases (起/宗/件), times (次). */
const UNIT_FAMILIES: readonly (readonly Unit[])[] = [
  ["件", "条", "项", "个", "份", "篇"],
  ["起", "宗", "件"],
  ["次"],
];

/** Whether two units count the same kind of thing. */
export function sameUnitFamily(a: Unit, b: Unit): boolean {
  return UNIT_FAMILIES.some((family) => family.includes(a) && family.includes(b));
}

interface OpenList {
  readonly total?: FigureReading;
  readonly totalLabelStart: number;
  readonly marker?: string;
  readonly ambiguous: boolean;
  readonly parts: FoundPart[];
  /** A unit of the list (the total's, or the first part's). */
  unit?: Unit;
  /** Bracket depth relative to the list: parts are read at depth 0 only. */
  depth: number;
  /** Ended by 等 or by a figure that did not fit: the list may go on unlisted. */
  open: boolean;
}

/** Every list of the text, sentence by sentence; `readings` in text order. */
export function parseLists(
  prepared: string,
  sentences: readonly Range[],
  readings: readonly FigureReading[],
): FoundList[] {
  const found: FoundList[] = [];
  let i = 0;
  let previous: readonly FigureReading[] = [];
  while (i < readings.length) {
    const sentence = readings[i]!.sentence;
    let j = i;
    while (j < readings.length && readings[j]!.sentence === sentence) j++;
    const figures = readings.slice(i, j);
    // "…共188条。其中…": a sentence with one figure and the next opening with 其中 (two real
    // reports: 80-jiangmen, rongan-dapo). With more figures the whole would be a guess.
    const carried =
      previous.length === 1 && previous[0]!.sentence === sentence - 1 ? previous[0] : undefined;
    parseSentence(prepared, sentences[sentence]!, figures, carried, found);
    previous = figures;
    i = j;
  }
  return found;
}

function parseSentence(
  prepared: string,
  range: Range,
  figures: readonly FigureReading[],
  carried: FigureReading | undefined,
  found: FoundList[],
): void {
  let list: OpenList | undefined;
  const inList = new Set<FigureReading>();
  const close = (closing?: FigureReading, closingLabelStart?: number): void => {
    if (list === undefined) return;
    const emitted = emit(prepared, list, closing, closingLabelStart);
    if (emitted !== undefined) {
      found.push(emitted);
      for (const p of emitted.parts) inList.add(p.reading);
    }
    list = undefined;
  };

  for (let k = 0; k < figures.length; k++) {
    const figure = figures[k]!;
    const previous = figures[k - 1];
    const gapStart = previous === undefined ? range.start : previous.mention.end;
    const gap = prepared.slice(gapStart, figure.mention.start);
    let marker = lastMarker(gap);
    // 含 opens a list only right after a figure ("9件（含上年结转2件）"); "类信息（含通知公告）"
    // is a remark inside a label.
    if (
      marker?.text.startsWith("含") === true &&
      !ONLY_SEPARATORS.test(gap.slice(0, marker.index))
    ) {
      marker = undefined;
    }

    if (list !== undefined) {
      const verdict = continues(
        prepared,
        list,
        figure,
        gap.includes("占") ? gap.replace(SHARE_REMARK, "") : gap,
        marker !== undefined,
      );
      if (verdict === "part") {
        list.parts.push({ reading: figure, labelStart: labelStartOf(gapStart, gap) });
        list.unit ??= figure.mention.unit;
        if (ETC_AFTER.test(prepared.slice(figure.mention.end, figure.mention.end + 4))) {
          list.open = true;
          close();
        }
        continue;
      }
      if (verdict === "nested") continue;
      if (verdict === "closing") {
        close(figure, labelStartOf(gapStart, gap));
        continue;
      }
      if (verdict === "ended-open") list.open = true;
      close();
    }

    if (marker !== undefined) {
      const before = gap.slice(0, marker.index);
      const afterPhrase =
        previous !== undefined && previous.phraseEnd > previous.mention.end
          ? prepared.slice(previous.phraseEnd, gapStart + marker.index)
          : undefined;
      const whole = previous ?? carried;
      const follows =
        whole !== undefined &&
        (ONLY_SEPARATORS.test(before) ||
          (afterPhrase !== undefined && ONLY_SEPARATORS.test(afterPhrase)));
      const total = follows && whole !== undefined && canBeTotal(whole) ? whole : undefined;
      if (follows && total === undefined) continue; // "增加5条，其中…": no list of a change
      const markerEnd = gapStart + marker.index + marker.text.length;
      if (
        total?.quantity === "applications-new" &&
        COUNTS_CARRIED_OVER.test(
          prepared.slice(markerEnd, Math.min(range.end, markerEnd + CARRIED_OVER_WINDOW)),
        )
      ) {
        total.dropped = true; // the 9 of "收到申请9件(其中1件为上年结转)" is not the new applications
      }
      list = {
        ...(total === undefined ? {} : { total, unit: total.mention.unit }),
        totalLabelStart:
          total === undefined || total === carried
            ? (total?.phraseStart ?? range.start)
            : (figures[k - 2]?.mention.end ?? range.start),
        marker: marker.text.replace(/[\s:]/gu, ""),
        ambiguous: total !== undefined && isAmbiguous(prepared, total, figures[k - 2], inList),
        parts: [],
        depth: 0,
        open: false,
      };
      const label = gap.slice(marker.index + marker.text.length);
      const verdict = firstPart(prepared, list, figure, label);
      if (verdict === "part") {
        list.parts.push({
          reading: figure,
          labelStart: labelStartOf(gapStart + marker.index + marker.text.length, label),
        });
        list.unit ??= figure.mention.unit;
        if (ETC_AFTER.test(prepared.slice(figure.mention.end, figure.mention.end + 4))) {
          list.open = true;
          close();
        }
      } else {
        close();
      }
      continue;
    }

    // A clause that starts with a figure and no marker may still be a list closed by a total
    // ("专题专栏包括…" has a marker; "组织机构4条、价格收费52条，共发布86条" has none).
    if (
      (previous === undefined || gap.includes(";")) &&
      figure.mention.kind === "count" &&
      figure.skip === undefined &&
      isUntyped(figure.quantity)
    ) {
      list = {
        totalLabelStart: range.start,
        ambiguous: false,
        parts: [{ reading: figure, labelStart: labelStartOf(gapStart, gap) }],
        unit: figure.mention.unit,
        depth: 0,
        open: false,
      };
    }
  }
  close();
}

type Continuation = "part" | "nested" | "closing" | "ended" | "ended-open";

/** Whether a figure continues an open list, closes it with a total, or ends it. */
function continues(
  prepared: string,
  list: OpenList,
  figure: FigureReading,
  gap: string,
  hasMarker: boolean,
): Continuation {
  if (gap.includes(";") || hasMarker) return "ended";
  list.depth += bracketBalance(gap);
  if (list.depth > 0) return "nested";
  if (list.depth < 0) return "ended";
  const label = gap.replace(LEADING_SEPARATORS, "");
  if (label.includes(",") || label.includes("(") || label.includes(")")) {
    // A clause without a figure, or a bracket opened and closed in the gap ("（占25%）、"): the
    // first ends the list; the second is the part's own remark.
    const cleaned = label.replace(/\([^()]*\)/gu, "").replace(LEADING_SEPARATORS, "");
    if (cleaned.includes(",") || cleaned.includes("(") || cleaned.includes(")")) return "ended";
    return continues(prepared, list, figure, cleaned, false);
  }
  if (MORE_FOLLOWS.test(label)) return "ended-open";
  const noun = namesNoun(prepared, figure);
  if (CLOSING_TOTAL.test(label) && list.parts.length >= 1) {
    const fits =
      figure.mention.kind === "count" &&
      !noun &&
      (figure.skip === undefined || figure.skip === "unfinished-sentence") &&
      sameUnitFamily(list.unit ?? figure.mention.unit, figure.mention.unit);
    return fits ? "closing" : "ended";
  }
  if (NEW_WHOLE.test(label)) return "ended";
  if (!isPart(list, figure) || noun) return "ended-open";
  return "part";
}

/** The first figure after the marker: a part, or nothing (the list is then empty). */
function firstPart(
  prepared: string,
  list: OpenList,
  figure: FigureReading,
  label: string,
): Continuation {
  const cleaned = label.replace(LEADING_SEPARATORS, "");
  if (cleaned.includes(",") || cleaned.includes(";")) return "ended";
  if (bracketBalance(cleaned) !== 0) return "ended";
  return isPart(list, figure) && !namesNoun(prepared, figure) ? "part" : "ended";
}

/** "13个专栏", "1件为上年结转": a unit followed by words that say what the figure counts. */
function namesNoun(prepared: string, figure: FigureReading): boolean {
  const tail = prepared.slice(figure.mention.end, figure.mention.end + 4);
  return NOUN_AFTER.test(tail) && !NOUN_AFTER_ALLOWED.test(tail);
}

function isPart(list: OpenList, figure: FigureReading): boolean {
  if (figure.mention.kind !== "count") return false;
  if (figure.skip !== undefined && NOT_A_PART.has(figure.skip)) return false;
  if (list.unit !== undefined && !sameUnitFamily(list.unit, figure.mention.unit)) return false;
  return partFits(list.total?.quantity, figure.quantity, list.total === undefined);
}

function canBeTotal(figure: FigureReading): boolean {
  if (figure.mention.kind !== "count") return false;
  if (figure.skip !== undefined && NOT_A_PART.has(figure.skip) && figure.skip !== "inclusive") {
    return false;
  }
  return canBreakDown(figure.quantity);
}

/**
 * The list's whole stands in a clause parallel to an earlier figure of the same kind
 * ("网站发布9822条，政务新媒体发布13349条，其中概况类45条…"): the parts may be the first's, the
 * second's or both's.
 */
function isAmbiguous(
  prepared: string,
  total: FigureReading,
  earlier: FigureReading | undefined,
  inList: ReadonlySet<FigureReading>,
): boolean {
  if (earlier === undefined || inList.has(earlier)) return false;
  if (earlier.mention.kind !== "count" || earlier.skip !== undefined) return false;
  if (!sameUnitFamily(earlier.mention.unit, total.mention.unit)) return false;
  if (!isUntyped(earlier.quantity) || !isUntyped(total.quantity)) return false;
  const between = prepared.slice(earlier.mention.end, total.mention.start);
  if (!between.startsWith(",") || between.includes(";")) return false;
  MARKER.lastIndex = 0;
  return !MARKER.test(between) && !between.slice(1).includes(",");
}

function emit(
  prepared: string,
  list: OpenList,
  closing: FigureReading | undefined,
  closingLabelStart: number | undefined,
): FoundList | undefined {
  const parts = list.parts;
  const total = closing ?? list.total;
  if (total === undefined) return undefined;
  if (closing !== undefined ? parts.length < 2 : parts.length < 1) return undefined;
  const quantity = total.quantity;
  if (!total.dropped) {
    for (const p of parts) {
      if (p.reading.quantity !== undefined && p.reading.quantity === quantity) {
        p.reading.dropped = true;
      }
    }
  }
  const kinds = parts.map((p) => p.reading.quantity);
  const judgedBy =
    quantity === "applications-concluded" && kinds.every((k) => k !== undefined && isOutcome(k))
      ? "N2"
      : "N1";
  const last = parts[parts.length - 1]!;
  const lastLabel = prepared.slice(last.labelStart, last.reading.mention.start);
  const untypedParts = kinds.every(isUntyped);
  let completion: ListCompletion | undefined;
  if (closing !== undefined) completion = "closing-total";
  else if (list.marker !== undefined && ENUMERATING.test(list.marker) && !list.open) {
    completion = "enumerated";
  } else if (untypedParts && parts.length >= 2 && RESIDUAL.test(lastLabel)) completion = "residual";
  else if (
    (quantity === "applications-new" || quantity === undefined) &&
    kinds.includes("applicant:自然人") &&
    kinds.includes("applicant:法人或其他组织")
  ) {
    completion = "partition";
  }
  let uncheckable: ListUncheckable | undefined;
  if (list.ambiguous && closing === undefined) uncheckable = "ambiguous-total";
  else if (total.unfinished || parts.some((p) => p.reading.unfinished)) uncheckable = "unfinished";
  else if (parts.some((p) => p.reading.mention.approximate) || total.mention.approximate) {
    uncheckable = "hedged";
  } else if (
    total.dropped ||
    (quantity === "applications-new" &&
      kinds.some((k) => k !== undefined && !k.startsWith("applicant:")))
  ) {
    uncheckable = "mixed-scope";
  }
  return {
    total,
    totalLabelStart: closing !== undefined ? closingLabelStart! : list.totalLabelStart,
    parts,
    ...(closing === undefined && list.marker !== undefined ? { marker: list.marker } : {}),
    ...(completion === undefined ? {} : { completion }),
    ...(uncheckable === undefined ? {} : { uncheckable }),
    judgedBy,
  };
}

function lastMarker(gap: string): { index: number; text: string } | undefined {
  if (!MARKER_CHARS.test(gap)) return undefined;
  let last: { index: number; text: string } | undefined;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(gap); m !== null; m = MARKER.exec(gap)) {
    last = { index: m.index, text: m[0] };
  }
  return last;
}

function labelStartOf(gapStart: number, gap: string): number {
  const leading = LEADING_SEPARATORS.exec(gap);
  return gapStart + (leading === null ? 0 : leading[0].length);
}

function bracketBalance(text: string): number {
  let balance = 0;
  for (const ch of text) {
    if (ch === "(") balance++;
    else if (ch === ")") balance--;
  }
  return balance;
}

/** Figures that name no table quantity, or a 主动公开 total: the items of an information list. */
function isUntyped(q: QuantityId | undefined): boolean {
  return q === undefined || q === "active-disclosure-total";
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
 * Whether a part can belong to a total's list. Parts of the total's own quantity are sub-scopes
 * ("收到申请9件，其中网上收到申请5件"); unclassified parts fit any total.
 */
function partFits(
  total: QuantityId | undefined,
  part: QuantityId | undefined,
  noTotal: boolean,
): boolean {
  if (noTotal) return isUntyped(part);
  if (part === undefined || part === total) return true;
  if (total === undefined || total === "active-disclosure-total" || total.startsWith("rules:")) {
    return part === "active-disclosure-total";
  }
  if (total === "applications-new") {
    return part.startsWith("applicant:") || isOutcome(part) || part === "applications-carried-over";
  }
  if (total === "applications-concluded") return isOutcome(part) || part.startsWith("applicant:");
  if (total === "applicant:法人或其他组织") {
    return part.startsWith("applicant:") && part !== "applicant:自然人";
  }
  if (isOutcomeGroup(total)) {
    return isOutcome(part) && outcomeGroupOf(part) === outcomeGroupOf(total);
  }
  return false;
}
