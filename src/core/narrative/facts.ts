/**
 * Narrative facts: the figures a narrative states, read from the tables and typed. A fact is a
 * single cell or a sum of cells (不予公开 = the eight 三(三) rows; 行政诉讼 = 直诉 + 复诉). A fact
 * whose cells are not all plain numbers — blank, text, an error value, a negative or fractional
 * count, a missing row — is "unknown", never 0: a narrative may omit it or ask for it, but it
 * never states a number for it. So is a total that reads 0 only because it adds up nothing: the
 * template's SUM over blank cells (issue 9: a blank template was written up as 未收到申请).
 */
import type { FigureSet } from "../model/figure-set";
import {
  T3_APPLICANTS,
  T3_GROUPS,
  t3Groups,
  t3Leaves,
  tableDef,
  type CellKey,
} from "../model/tables";

/** A fact's value: a number, or "unknown" when any of its cells is not a plain number. */
export type FactValue = number | "unknown";

/** The outcome groups of table 三 (（一）…（六）); a group's figure is the sum of its leaf rows. */
export type OutcomeGroup = "三(一)" | "三(二)" | "三(三)" | "三(四)" | "三(五)" | "三(六)";

/** The outcome groups in the official order. */
export const OUTCOME_GROUPS: readonly OutcomeGroup[] = [
  "三(一)",
  "三(二)",
  "三(三)",
  "三(四)",
  "三(五)",
  "三(六)",
];

/** The five 法人或其他组织 columns of table 三, in the official order. */
export type OrganisationColumn = "商业企业" | "科研机构" | "社会公益组织" | "法律服务机构" | "其他";

/** The organisation columns in the official order (table 三 without 自然人 and 总计). */
export const ORGANISATION_COLUMNS: readonly OrganisationColumn[] = [
  "商业企业",
  "科研机构",
  "社会公益组织",
  "法律服务机构",
  "其他",
];

/** The two document rows of table 二 第二十条第（一）项. */
export type DocumentRow = "规章" | "行政规范性文件";

/** The document rows in the official order. */
export const DOCUMENT_ROWS: readonly DocumentRow[] = ["规章", "行政规范性文件"];

/** The three document columns of table 二 (2021 format). */
export type DocumentColumn = "制发" | "废止" | "现行有效";

/** The document columns in the official order. */
export const DOCUMENT_COLUMNS: readonly DocumentColumn[] = ["制发", "废止", "现行有效"];

/** The decision rows of table 二 (第二十条第（五）（六）项). */
export type DecisionRow = "行政许可" | "行政处罚" | "行政强制";

/** The decision rows in the official order. */
export const DECISION_ROWS: readonly DecisionRow[] = ["行政许可", "行政处罚", "行政强制"];

/** The four result columns of each group of table 四 (without 总计). */
export type CaseResult = "维持" | "纠正" | "其他" | "未结";

/** The case results in the official order. */
export const CASE_RESULTS: readonly CaseResult[] = ["维持", "纠正", "其他", "未结"];

/**
 * The id of a fact. Suffixes are the model's row and column keys (tables.ts), so a fact can be
 * traced to its cells by reading the id.
 */
export type FactId =
  | "applications.received"
  | "applications.carriedOver"
  | "applications.concluded"
  | "applications.carriedForward"
  | `applications.outcome.${OutcomeGroup}`
  | `applications.reason.${string}`
  | "applicants.自然人"
  | "applicants.法人或其他组织"
  | `applicants.${OrganisationColumn}`
  | `documents.${DocumentRow}.${DocumentColumn}`
  | `decisions.${DecisionRow}`
  | "fee.amount"
  | "review.total"
  | `review.${CaseResult}`
  | "litigation.total"
  | "litigation.直诉"
  | "litigation.复诉"
  | `litigation.${CaseResult}`;

/** One figure a narrative may state: its value and the cells it comes from. */
export interface Fact {
  readonly id: FactId;
  readonly value: FactValue;
  /** The cells whose sum is the value (one cell for most facts). */
  readonly cells: readonly CellKey[];
  /** The cells that are not plain numbers; empty exactly when the value is known. */
  readonly unreadable: readonly CellKey[];
}

/** A leaf outcome row of table 三 with a non-zero count, and its official short wording. */
export interface ReasonFact extends Fact {
  readonly row: string;
  /** The row's official wording without its number ("保护第三方合法权益"). */
  readonly wording: string;
}

/** One outcome group: its total (sum of its leaves) and its non-zero, known leaves. */
export interface OutcomeFacts {
  readonly group: OutcomeGroup;
  readonly total: Fact;
  /** Known leaves with a count above 0 (always empty for the one-row groups （一）（二）). */
  readonly reasons: readonly ReasonFact[];
}

/** The results of one kind of case (行政复议 or 行政诉讼) from table 四. */
export interface CaseFacts {
  readonly total: Fact;
  readonly results: Readonly<Record<CaseResult, Fact>>;
}

/** Every fact a narrative states, grouped as the paragraphs use them. */
export interface NarrativeFacts {
  /** Which tables the figure set holds; a paragraph is only written for a table that is present. */
  readonly present: Readonly<Record<"T2" | "T3" | "T4", boolean>>;
  readonly applications: {
    /** 一、本年新收 (总计). */
    readonly received: Fact;
    /** 二、上年结转 (总计). */
    readonly carriedOver: Fact;
    /** （七）总计 (总计): the applications concluded this year. */
    readonly concluded: Fact;
    /** 四、结转下年度继续办理 (总计). */
    readonly carriedForward: Fact;
    readonly outcomes: readonly OutcomeFacts[];
  };
  /** Who made this year's new applications (row 一). */
  readonly applicants: {
    readonly natural: Fact;
    /** 法人或其他组织: the sum of the five organisation columns. */
    readonly organisations: Fact;
    /** Organisation columns with a known count above 0. */
    readonly organisationTypes: readonly (Fact & { readonly column: OrganisationColumn })[];
  };
  readonly documents: Readonly<Record<DocumentRow, Readonly<Record<DocumentColumn, Fact>>>>;
  readonly decisions: Readonly<Record<DecisionRow, Fact>>;
  /** 行政事业性收费, in 万元. */
  readonly fee: Fact;
  readonly review: CaseFacts;
  /** 行政诉讼: 未经复议直接起诉 + 复议后起诉. */
  readonly litigation: CaseFacts & { readonly direct: Fact; readonly afterReview: Fact };
}

/** A leaf row's official short wording: its label without the number, 三(六) cut to the reason. */
function shortWording(label: string): string {
  const bare = label.replace(/^\d+\./u, "").replace(/、行政机关不再处理其政府信息公开申请$/u, "");
  // "其他" alone would read as a group word inside "其他处理N件（其他N件）".
  return bare === "其他" ? "其他情形" : bare;
}

/** The leaf rows of the groups （三）–（六） (2021), which a narrative names as reasons. */
const REASON_ROWS: ReadonlySet<string> = new Set(
  OUTCOME_GROUPS.map((g) => T3_GROUPS[g] ?? [])
    .filter((rows) => rows.length > 1)
    .flat(),
);

/** The short wording of every reason row of table 三 (2021), by row key. */
export const REASON_WORDING: Readonly<Record<string, string>> = Object.fromEntries(
  tableDef("T3", "2021")
    .blocks.flatMap((b) => b.rows)
    .filter((r) => REASON_ROWS.has(r.key))
    .map((r) => [r.key, shortWording(r.label)]),
);

/** The leaf rows of a group; the 2019 trial table has a single （六） row. */
function groupRows(group: OutcomeGroup, figures: FigureSet): readonly string[] {
  return t3Groups(figures.version("T3") ?? "2021")[group] ?? [group];
}

/** The four result columns of table 四 that its 总计 adds up. */
const T4_PARTS: readonly string[] = ["维持", "纠正", "其他", "未结"];

/**
 * The cells a total cell adds up, per direction (table 三 总计: the six applicants of its row;
 * （七）总计: the outcome leaves of its column; table 四 总计: the four results); [] for a part.
 */
function partsOf(key: CellKey, figures: FigureSet): CellKey[][] {
  const sets: CellKey[][] = [];
  if (key.table === "T3") {
    if (key.column === "总计") sets.push(T3_APPLICANTS.map((c) => ({ ...key, column: c })));
    if (key.row === "三(七)")
      sets.push(t3Leaves(figures.version("T3") ?? "2021").map((r) => ({ ...key, row: r })));
  }
  if (key.table === "T4" && key.column === "总计")
    sets.push(T4_PARTS.map((c) => ({ ...key, column: c })));
  return sets;
}

/**
 * A total that holds 0 while every part of it the tables hold is not a number (blank, text…) or
 * such an empty total itself: it adds up nothing, so it says nothing.
 */
function isEmptyTotal(key: CellKey, figures: FigureSet): boolean {
  const reading = figures.get(key)?.reading;
  if (reading?.kind !== "number" || reading.value !== 0) return false;
  const sets = partsOf(key, figures);
  if (sets.length === 0) return false;
  return sets.some((parts) => {
    const present = parts.filter((p) => figures.get(p) !== undefined);
    return (
      present.length > 0 &&
      present.every((p) => figures.get(p)!.reading.kind !== "number" || isEmptyTotal(p, figures))
    );
  });
}

/** A fact as the sum of cells; unknown when any cell is not a plain number or is an empty total. */
function sumFact(figures: FigureSet, id: FactId, cells: readonly CellKey[]): Fact {
  const unreadable: CellKey[] = [];
  let sum = 0;
  for (const key of cells) {
    const reading = figures.get(key)?.reading;
    if (reading?.kind === "number" && !isEmptyTotal(key, figures)) sum += reading.value;
    else unreadable.push(key);
  }
  return { id, value: unreadable.length > 0 ? "unknown" : sum, cells, unreadable };
}

const t3 = (row: string, column: string): CellKey => ({ table: "T3", row, column });
const t4 = (row: string, column: string): CellKey => ({ table: "T4", row, column });
const t2 = (row: string, column: string): CellKey => ({ table: "T2", row, column });

/** True when a fact is known and above zero. */
export function isPositive(fact: Fact): fact is Fact & { readonly value: number } {
  return typeof fact.value === "number" && fact.value > 0;
}

function caseFacts(
  figures: FigureSet,
  kind: "review" | "litigation",
  rows: readonly string[],
): CaseFacts {
  const results = Object.fromEntries(
    CASE_RESULTS.map((r) => [
      r,
      sumFact(
        figures,
        `${kind}.${r}`,
        rows.map((row) => t4(row, r)),
      ),
    ]),
  ) as Record<CaseResult, Fact>;
  return {
    total: sumFact(
      figures,
      `${kind}.total`,
      rows.map((row) => t4(row, "总计")),
    ),
    results,
  };
}

/** Derives the narrative facts from a report's figures; never throws on bad or missing cells. */
export function deriveFacts(figures: FigureSet): NarrativeFacts {
  const fact = (id: FactId, ...cells: CellKey[]): Fact => sumFact(figures, id, cells);

  const outcomes = OUTCOME_GROUPS.map((group): OutcomeFacts => {
    const rows = groupRows(group, figures);
    const total = sumFact(
      figures,
      `applications.outcome.${group}`,
      rows.map((row) => t3(row, "总计")),
    );
    const reasons =
      rows.length > 1
        ? rows
            .map((row) => ({
              ...fact(`applications.reason.${row}`, t3(row, "总计")),
              row,
              wording: REASON_WORDING[row] ?? row,
            }))
            .filter(isPositive)
        : [];
    return { group, total, reasons };
  });

  const organisationTypes = ORGANISATION_COLUMNS.map((column) => ({
    ...fact(`applicants.${column}`, t3("一", column)),
    column,
  })).filter(isPositive);

  const documentFacts = (row: DocumentRow): Record<DocumentColumn, Fact> => ({
    制发: fact(`documents.${row}.制发`, t2(row, "制发")),
    废止: fact(`documents.${row}.废止`, t2(row, "废止")),
    现行有效: fact(`documents.${row}.现行有效`, t2(row, "现行有效")),
  });

  const litigation = caseFacts(figures, "litigation", ["直诉", "复诉"]);

  return {
    present: { T2: figures.has("T2"), T3: figures.has("T3"), T4: figures.has("T4") },
    applications: {
      received: fact("applications.received", t3("一", "总计")),
      carriedOver: fact("applications.carriedOver", t3("二", "总计")),
      concluded: fact("applications.concluded", t3("三(七)", "总计")),
      carriedForward: fact("applications.carriedForward", t3("四", "总计")),
      outcomes,
    },
    applicants: {
      natural: fact("applicants.自然人", t3("一", "自然人")),
      organisations: fact(
        "applicants.法人或其他组织",
        ...ORGANISATION_COLUMNS.map((column) => t3("一", column)),
      ),
      organisationTypes,
    },
    documents: { 规章: documentFacts("规章"), 行政规范性文件: documentFacts("行政规范性文件") },
    decisions: {
      行政许可: fact("decisions.行政许可", t2("行政许可", "决定")),
      行政处罚: fact("decisions.行政处罚", t2("行政处罚", "决定")),
      行政强制: fact("decisions.行政强制", t2("行政强制", "决定")),
    },
    fee: fact("fee.amount", t2("行政事业性收费", "金额")),
    review: caseFacts(figures, "review", ["复议"]),
    litigation: {
      ...litigation,
      direct: fact("litigation.直诉", t4("直诉", "总计")),
      afterReview: fact("litigation.复诉", t4("复诉", "总计")),
    },
  };
}

/** Every fact of a set, flattened (zero-valued reasons and organisation types are not kept). */
export function listFacts(facts: NarrativeFacts): Fact[] {
  const a = facts.applications;
  const caseList = (c: CaseFacts): Fact[] => [c.total, ...CASE_RESULTS.map((r) => c.results[r])];
  return [
    a.received,
    a.carriedOver,
    a.concluded,
    a.carriedForward,
    ...a.outcomes.flatMap((o) => [o.total, ...o.reasons]),
    facts.applicants.natural,
    facts.applicants.organisations,
    ...facts.applicants.organisationTypes,
    ...DOCUMENT_ROWS.flatMap((row) =>
      DOCUMENT_COLUMNS.map((column) => facts.documents[row][column]),
    ),
    ...DECISION_ROWS.map((row) => facts.decisions[row]),
    facts.fee,
    ...caseList(facts.review),
    ...caseList(facts.litigation),
    facts.litigation.direct,
    facts.litigation.afterReview,
  ];
}
