/**
 * The shape of a narrative phrasebook (one per locale) and the one function that fills its
 * templates. Templates hold named slots: `{n}` is replaced by a formatted count (or the locale's
 * "to be filled" mark when the fact is unknown), `{label}` by text, and `{n|one|other}` picks a
 * plural form by the count in slot `n` (the plural for an unknown count). The generator decides *what* to say; the phrasebook says
 * it, so a new wording is a data change.
 */
import type {
  CaseResult,
  DecisionRow,
  DocumentRow,
  FactValue,
  OrganisationColumn,
  OutcomeGroup,
} from "./facts";

/** A template for a figure that reads differently when it is zero ("未收到…" instead of "0件"). */
export interface CountPhrase {
  /** Used for a number above zero, and for an unknown figure (with the "to be filled" mark). */
  readonly some: string;
  readonly none: string;
}

/** The wording of one document row of table 二 (规章 or 行政规范性文件). */
export interface DocumentPhrases {
  readonly 制发: CountPhrase;
  readonly 废止: CountPhrase;
  readonly 现行有效: CountPhrase;
  /** Both 制发 and 废止 are zero ("未制发、废止行政规范性文件"). */
  readonly neitherIssuedNorRepealed: string;
}

/** The wording of a locale; every slot is named in the template's doc comment or key. */
export interface Phrasebook {
  /** Stands in for a number that the tables do not give (a blank or text cell). */
  readonly unknown: string;
  /** Formats a count of 件 (zh-CN: never grouped, as reports write "22050件"). */
  readonly formatCount: (value: number) => string;
  /** Subject when the settings give none. */
  readonly defaultSubject: string;
  /** How a `self` word (我街道) reads in this locale; undefined when it has no rendering. */
  readonly selfWord: (self: string) => string | undefined;
  /** Whether the agency's full name is preferred over `self` as the subject. */
  readonly preferAgencyName: boolean;
  /** `{year}`: "2024年" / "In 2024". */
  readonly time: { readonly year: string; readonly none: string };
  /** `{time}`, `{subject}`: the start of every paragraph. */
  readonly opening: string;
  /** Between items of a list ("、"). */
  readonly listSeparator: string;
  /** The last separator of a list of alternatives ("行政许可、行政处罚、行政强制" / "… or …"). */
  readonly lastAlternative: string;
  /** Between clauses of one sentence ("，"). */
  readonly clauseSeparator: string;
  /** Between the major parts of a paragraph sentence ("；"). */
  readonly partSeparator: string;
  readonly sentenceEnd: string;
  readonly sentenceSeparator: string;

  readonly applications: {
    readonly received: CountPhrase & { readonly noneNew: string };
    readonly carriedOver: CountPhrase;
    readonly concluded: CountPhrase;
    /** `{list}` of outcomes whose numbers sum exactly to 办结. */
    readonly outcomesExact: string;
    /** `{list}` of outcomes when they cannot be shown to sum to 办结 (unknown or inconsistent). */
    readonly outcomesListed: string;
    /** `{label}`, `{n}`, `{reasons}`. */
    readonly outcomeItem: string;
    readonly outcomeLabels: Readonly<Record<OutcomeGroup, string>>;
    /** `{list}` of reasons under a group: one reason, several reasons (these sum to the group). */
    readonly reasonsOne: string;
    readonly reasonsMany: string;
    /** `{label}`, `{n}`. */
    readonly reasonItem: string;
    /** Reason wording by leaf row key; a row not here uses the official short wording. */
    readonly reasonLabels: Readonly<Record<string, string>>;
    readonly carriedForward: CountPhrase;
  };

  readonly applicants: {
    readonly onlyNatural: string;
    /** `{label}`: every applicant was of one organisation type. */
    readonly onlyOneType: string;
    /** `{list}`: every applicant was an organisation, of several types (summing to the whole). */
    readonly onlyOrganisations: string;
    /** `{list}` of natural-person and organisation parts. */
    readonly mixed: string;
    /** `{n}`, `{types}`. */
    readonly natural: string;
    readonly organisations: string;
    /** `{label}`: the organisation part is all of one type. */
    readonly typesOne: string;
    /** `{list}`: the organisation part by type (summing to it). */
    readonly typesMany: string;
    /** `{label}`, `{n}`. */
    readonly typeItem: string;
    readonly typeLabels: Readonly<Record<OrganisationColumn, string>>;
  };

  readonly activeDisclosure: {
    readonly documents: Readonly<Record<DocumentRow, DocumentPhrases>>;
    /** `{list}` of the decision kinds above zero (or unknown), each a `decisionItems` entry. */
    readonly decisionsSome: string;
    /** `{n}`: one decision kind's count. */
    readonly decisionItems: Readonly<Record<DecisionRow, string>>;
    /** `{list}` of the decision kinds that are zero (`decisionLabels` joined as alternatives). */
    readonly decisionsNone: string;
    readonly decisionLabels: Readonly<Record<DecisionRow, string>>;
    /** `{amount}` in 万元, `{yuan}` in 元. */
    readonly fee: CountPhrase & { readonly unknown: string };
  };

  readonly reviewLitigation: {
    readonly review: CountPhrase;
    readonly litigation: CountPhrase;
    readonly neither: string;
    /** `{list}` of results that sum exactly to the case total. */
    readonly results: string;
    /** `{label}`, `{n}`. */
    readonly resultItem: string;
    readonly resultLabels: Readonly<Record<CaseResult, string>>;
  };
}

/** What a slot may hold: ready text, or a count (formatted, or the "to be filled" mark if unknown). */
export type SlotValue = string | { readonly count: FactValue };

const SLOT = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/gu;

/** Fills a template's slots; a slot with no value is a programming error in a phrasebook. */
export function fillTemplate(
  book: Phrasebook,
  template: string,
  slots: Readonly<Record<string, SlotValue>>,
): string {
  return template.replace(SLOT, (_whole, name: string, one?: string, other?: string) => {
    const value = slots[name];
    if (value === undefined) throw new MissingSlotError(template, name);
    if (typeof value === "string") return value;
    if (one !== undefined && other !== undefined) return value.count === 1 ? one : other;
    return value.count === "unknown" ? book.unknown : book.formatCount(value.count);
  });
}

/** Thrown when a phrasebook template names a slot the generator does not fill. */
export class MissingSlotError extends Error {
  constructor(
    readonly template: string,
    readonly slot: string,
  ) {
    super(`template "${template}" has no value for slot {${slot}}`);
    this.name = "MissingSlotError";
  }
}

/** Formats a 万元 amount with at most 4 decimals and no trailing zeros ("18.8710" → "18.871"). */
export function formatAmount(value: number): string {
  return value.toFixed(4).replace(/\.?0+$/u, "");
}

/** Groups digits by thousands with a comma ("22050" → "22,050"). */
export function groupThousands(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
}
