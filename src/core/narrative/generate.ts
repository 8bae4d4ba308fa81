/**
 * The narrative generator: report figures → facts → the paragraphs of 总体情况 that state them, in
 * the wording of published reports. What to say (which figures, which form for zero, whether a
 * breakdown may say "其中") is decided here; how to say it comes from the locale phrasebooks.
 *
 * Choices a caller should know:
 * - A paragraph is written only for a table the figure set holds.
 * - A zero figure takes its "未…/无…" form or is left out of a list; the text never says "0件".
 * - An unknown figure (blank or text cell) appears as the locale's "to be filled" mark (【待填】) where
 *   the sentence needs it (totals, group counts, table 二 items), and is left out where it is a
 *   detail (reasons, organisation types, case results). 规章 appears only when a 规章 figure is
 *   above zero: most agencies cannot make 规章 (R7), so an unknown 规章 cell is left to the rules.
 * - "其中" introduces a breakdown only when every part is known and the parts sum exactly to the
 *   total stated before it; otherwise the parts are listed without "其中" (the rules report why).
 * - The zh-CN subject is `self`, else `agency`, else 本机关: the report's title and preamble already
 *   give the full name, and published reports write 我街道/我局 in 总体情况. The en-US subject is
 *   `agency` (a name needs no translation), else `self` rendered in English, else "this agency".
 */
import {
  CASE_RESULTS,
  DECISION_ROWS,
  DOCUMENT_COLUMNS,
  DOCUMENT_ROWS,
  deriveFacts,
  isPositive,
  type CaseFacts,
  type Fact,
  type FactId,
  type NarrativeFacts,
  type OutcomeFacts,
} from "./facts";
import type { FigureSet } from "../model/figure-set";
import { EN_US } from "./generate-en-us";
import {
  fillTemplate,
  formatAmount,
  type CountPhrase,
  type Phrasebook,
  type SlotValue,
} from "./generate-phrases";
import { ZH_CN } from "./generate-zh-cn";

/** The languages the narrative is written in; zh-CN is the published text. */
export type NarrativeLocale = "zh-CN" | "en-US";

/** What the tables cannot tell the generator. */
export interface NarrativeSettings {
  /** The report year; without it the text says 本年度 / "This year". */
  readonly year?: number;
  /** The agency's full name (曲阜市时庄街道办事处). */
  readonly agency?: string;
  /** How the agency refers to itself: 本机关 (default), 我局, 我街道, 我镇… */
  readonly self?: string;
}

/** Which part of 总体情况 a paragraph belongs to. */
export type ParagraphId = "applications" | "active-disclosure" | "review-litigation";

/** One generated paragraph and the facts its text states (including those stated as zero). */
export interface NarrativeParagraph {
  readonly id: ParagraphId;
  readonly text: string;
  readonly facts: readonly FactId[];
}

const PHRASEBOOKS: Readonly<Record<NarrativeLocale, Phrasebook>> = {
  "zh-CN": ZH_CN,
  "en-US": EN_US,
};

/** Writes the narrative paragraphs for a report's figures (one per table present). */
export function generateNarrative(
  figures: FigureSet,
  settings: NarrativeSettings,
  locale: NarrativeLocale = "zh-CN",
): NarrativeParagraph[] {
  return narrateFacts(deriveFacts(figures), settings, locale);
}

/** Writes the narrative paragraphs for facts already derived (see `generateNarrative`). */
export function narrateFacts(
  facts: NarrativeFacts,
  settings: NarrativeSettings,
  locale: NarrativeLocale = "zh-CN",
): NarrativeParagraph[] {
  const book = PHRASEBOOKS[locale];
  const opening = fillTemplate(book, book.opening, {
    time:
      settings.year === undefined
        ? book.time.none
        : fillTemplate(book, book.time.year, { year: String(settings.year) }),
    subject: subjectOf(book, settings),
  });
  const paragraphs: NarrativeParagraph[] = [];
  if (facts.present.T3) paragraphs.push(applicationsParagraph(facts, new Writer(book), opening));
  if (facts.present.T2) paragraphs.push(disclosureParagraph(facts, new Writer(book), opening));
  if (facts.present.T4) paragraphs.push(reviewParagraph(facts, new Writer(book), opening));
  return paragraphs;
}

function subjectOf(book: Phrasebook, settings: NarrativeSettings): string {
  const self = settings.self === undefined ? undefined : book.selfWord(settings.self);
  const subject = book.preferAgencyName ? (settings.agency ?? self) : (self ?? settings.agency);
  return subject ?? book.defaultSubject;
}

/** Fills templates for one paragraph and records the facts it states. */
class Writer {
  readonly used: FactId[] = [];

  constructor(readonly book: Phrasebook) {}

  use(...facts: readonly Fact[]): void {
    for (const fact of facts) if (!this.used.includes(fact.id)) this.used.push(fact.id);
  }

  fill(template: string, slots: Readonly<Record<string, SlotValue>> = {}): string {
    return fillTemplate(this.book, template, slots);
  }

  /** A figure in its zero form or its number form (an unknown figure gets the "to be filled" mark). */
  count(phrase: CountPhrase, fact: Fact, slots: Readonly<Record<string, SlotValue>> = {}): string {
    this.use(fact);
    return fact.value === 0
      ? this.fill(phrase.none, slots)
      : this.fill(phrase.some, { ...slots, n: { count: fact.value } });
  }

  list(items: readonly string[]): string {
    return items.join(this.book.listSeparator);
  }

  alternatives(items: readonly string[]): string {
    if (items.length <= 1) return items.join("");
    return (
      items.slice(0, -1).join(this.book.listSeparator) +
      this.book.lastAlternative +
      items[items.length - 1]!
    );
  }

  paragraph(id: ParagraphId, sentences: readonly (string | undefined)[]): NarrativeParagraph {
    const text = sentences
      .filter((s): s is string => s !== undefined)
      .map((s) => s + this.book.sentenceEnd)
      .join(this.book.sentenceSeparator);
    return { id, text, facts: [...this.used] };
  }
}

/** The parts sum exactly to the total, and every part is known. */
function sumsTo(total: Fact, parts: readonly Fact[]): boolean {
  if (typeof total.value !== "number") return false;
  let sum = 0;
  for (const part of parts) {
    if (typeof part.value !== "number") return false;
    sum += part.value;
  }
  return sum === total.value;
}

function applicationsParagraph(
  facts: NarrativeFacts,
  w: Writer,
  opening: string,
): NarrativeParagraph {
  const p = w.book.applications;
  const a = facts.applications;

  let received: string;
  if (a.received.value === 0) {
    w.use(a.received);
    received = a.carriedOver.value === 0 ? p.received.none : p.received.noneNew;
  } else {
    received = w.count(p.received, a.received);
  }
  const first = opening + received + w.count(p.carriedOver, a.carriedOver);

  const concluded = w.count(p.concluded, a.concluded);
  a.outcomes.forEach((o) => w.use(o.total));
  const shown = a.outcomes.filter((o) => o.total.value !== 0);
  let outcomes = "";
  if (shown.length > 0) {
    const exact =
      isPositive(a.concluded) &&
      sumsTo(
        a.concluded,
        a.outcomes.map((o) => o.total),
      );
    outcomes = w.fill(exact ? p.outcomesExact : p.outcomesListed, {
      list: w.list(shown.map((o) => outcomeItem(w, o))),
    });
  }
  const second = concluded + outcomes + w.count(p.carriedForward, a.carriedForward);

  return w.paragraph("applications", [first, second, applicantsSentence(facts, w)]);
}

function outcomeItem(w: Writer, outcome: OutcomeFacts): string {
  const p = w.book.applications;
  let reasons = "";
  if (isPositive(outcome.total) && outcome.reasons.length > 0) {
    w.use(...outcome.reasons);
    const items = outcome.reasons.map((r) =>
      w.fill(p.reasonItem, { label: p.reasonLabels[r.row] ?? r.wording, n: { count: r.value } }),
    );
    reasons = w.fill(outcome.reasons.length === 1 ? p.reasonsOne : p.reasonsMany, {
      list: w.list(items),
    });
  }
  return w.fill(p.outcomeItem, {
    label: p.outcomeLabels[outcome.group],
    n: { count: outcome.total.value },
    reasons,
  });
}

function applicantsSentence(facts: NarrativeFacts, w: Writer): string | undefined {
  const p = w.book.applicants;
  const { natural, organisations, organisationTypes: types } = facts.applicants;
  if (natural.value === 0 && organisations.value === 0) return undefined;
  w.use(natural, organisations);
  const typeItems = types.map((t) =>
    w.fill(p.typeItem, { label: p.typeLabels[t.column], n: { count: t.value } }),
  );
  const onlyType = types.length === 1 ? p.typeLabels[types[0]!.column] : undefined;
  if (isPositive(organisations)) w.use(...types);

  if (isPositive(natural) && organisations.value === 0) return p.onlyNatural;
  if (natural.value === 0 && isPositive(organisations)) {
    return onlyType !== undefined
      ? w.fill(p.onlyOneType, { label: onlyType })
      : w.fill(p.onlyOrganisations, { list: w.list(typeItems) });
  }
  let typesClause = "";
  if (isPositive(organisations)) {
    typesClause =
      onlyType !== undefined
        ? w.fill(p.typesOne, { label: onlyType })
        : w.fill(p.typesMany, { list: w.list(typeItems) });
  }
  const parts: string[] = [];
  if (natural.value !== 0) parts.push(w.fill(p.natural, { n: { count: natural.value } }));
  if (organisations.value !== 0) {
    parts.push(w.fill(p.organisations, { n: { count: organisations.value }, types: typesClause }));
  }
  return w.fill(p.mixed, { list: parts.join(w.book.clauseSeparator) });
}

function disclosureParagraph(
  facts: NarrativeFacts,
  w: Writer,
  opening: string,
): NarrativeParagraph {
  const p = w.book.activeDisclosure;
  const parts: string[] = [];

  for (const row of DOCUMENT_ROWS) {
    const figures = facts.documents[row];
    if (row === "规章" && !DOCUMENT_COLUMNS.some((c) => isPositive(figures[c]))) continue;
    const phrases = p.documents[row];
    const clauses: string[] = [];
    if (figures.制发.value === 0 && figures.废止.value === 0) {
      w.use(figures.制发, figures.废止);
      clauses.push(phrases.neitherIssuedNorRepealed);
    } else {
      clauses.push(w.count(phrases.制发, figures.制发), w.count(phrases.废止, figures.废止));
    }
    clauses.push(w.count(phrases.现行有效, figures.现行有效));
    parts.push(clauses.join(w.book.clauseSeparator));
  }

  const decisions: string[] = [];
  const some = DECISION_ROWS.filter((r) => facts.decisions[r].value !== 0);
  if (some.length > 0) {
    w.use(...some.map((r) => facts.decisions[r]));
    const items = some.map((r) =>
      w.fill(p.decisionItems[r], { n: { count: facts.decisions[r].value } }),
    );
    decisions.push(w.fill(p.decisionsSome, { list: w.list(items) }));
  }
  const none = DECISION_ROWS.filter((r) => facts.decisions[r].value === 0);
  if (none.length > 0) {
    w.use(...none.map((r) => facts.decisions[r]));
    decisions.push(
      w.fill(p.decisionsNone, { list: w.alternatives(none.map((r) => p.decisionLabels[r])) }),
    );
  }
  parts.push(decisions.join(w.book.clauseSeparator));

  parts.push(feeClause(facts.fee, w));
  return w.paragraph("active-disclosure", [opening + parts.join(w.book.partSeparator)]);
}

function feeClause(fee: Fact, w: Writer): string {
  const p = w.book.activeDisclosure.fee;
  w.use(fee);
  if (fee.value === "unknown") return w.fill(p.unknown, { amount: { count: "unknown" } });
  if (fee.value === 0) return p.none;
  return w.fill(p.some, {
    amount: formatAmount(fee.value),
    yuan: w.book.formatCount(Math.round(fee.value * 10000)),
  });
}

function reviewParagraph(facts: NarrativeFacts, w: Writer, opening: string): NarrativeParagraph {
  const p = w.book.reviewLitigation;
  const { review, litigation } = facts;
  if (review.total.value === 0 && litigation.total.value === 0) {
    w.use(review.total, litigation.total);
    return w.paragraph("review-litigation", [opening + p.neither]);
  }
  const clause = (phrase: CountPhrase, cases: CaseFacts): string => {
    const total = w.count(phrase, cases.total);
    const results = CASE_RESULTS.map((r) => cases.results[r]);
    let breakdown = "";
    if (isPositive(cases.total) && sumsTo(cases.total, results)) {
      const shown = CASE_RESULTS.filter((r) => cases.results[r].value !== 0);
      w.use(...results);
      breakdown = w.fill(p.results, {
        list: w.list(
          shown.map((r) =>
            w.fill(p.resultItem, {
              label: p.resultLabels[r],
              n: { count: cases.results[r].value },
            }),
          ),
        ),
      });
    }
    return total + breakdown;
  };
  const text = clause(p.review, review) + w.book.partSeparator + clause(p.litigation, litigation);
  return w.paragraph("review-litigation", [opening + text]);
}
