/**
 * The quantities a narrative can claim, and the table cells each one is (spec §8, N3 mapping). A
 * group such as 不予公开 is the sum of its leaf rows (T3_GROUPS); 行政诉讼 is 直诉 + 复诉 总计.
 * Some quantities map to no cell (主动公开 totals, 信息处理费): they are read, but never checked
 * against a table. The mapping cannot say whether a sentence is about this report's year.
 */
import type { FigureSet } from "../model/figure-set";
import { T3_APPLICANTS, t3Groups, t3Leaves, type CellKey } from "../model/tables";

/** The six outcome groups of table 三 (（一）…（六）). */
export type ClaimOutcomeGroup = "三(一)" | "三(二)" | "三(三)" | "三(四)" | "三(五)" | "三(六)";

/** The outcome rows under （三）–（六） of table 三 (the 2021 leaves other than （一）（二）). */
export type ClaimOutcomeLeaf =
  | "三(三)1"
  | "三(三)2"
  | "三(三)3"
  | "三(三)4"
  | "三(三)5"
  | "三(三)6"
  | "三(三)7"
  | "三(三)8"
  | "三(四)1"
  | "三(四)2"
  | "三(四)3"
  | "三(五)1"
  | "三(五)2"
  | "三(五)3"
  | "三(五)4"
  | "三(五)5"
  | "三(六)1"
  | "三(六)2";

/** Applicant kinds a narrative names; 法人或其他组织 is the five organisation columns together. */
export type ClaimApplicant =
  "自然人" | "法人或其他组织" | "商业企业" | "科研机构" | "社会公益组织" | "法律服务机构";

/** Rows of table 二 第二十条第（一）项. */
export type RulesRow = "规章" | "行政规范性文件";
/** Columns of table 二 第二十条第（一）项. */
export type RulesColumn = "制发" | "废止" | "现行有效";
/** Rows of table 二 that count decisions. */
export type DecisionRow = "行政许可" | "行政处罚" | "行政强制";

/**
 * What a narrative figure claims to count.
 * - applications-new / -carried-over / -concluded / -carried-forward: table 三 rows 一, 二, 三(七), 四
 * - outcome:三(三) a group (sum of its leaves); outcome:三(三)1 one leaf row
 * - applicant:自然人 … : row 一 of an applicant column (法人或其他组织: the five organisation columns)
 * - review-total: 行政复议 总计; litigation-total: 直诉 + 复诉 总计; review-and-litigation: all of table 四
 * - rules:<row>:<column>, decisions:<row>, fee-amount: table 二
 * - processing-fee (信息处理费) and active-disclosure-total (主动公开…N条): no table cell
 */
export type QuantityId =
  | "applications-new"
  | "applications-carried-over"
  | "applications-concluded"
  | "applications-carried-forward"
  | `outcome:${ClaimOutcomeGroup}`
  | `outcome:${ClaimOutcomeLeaf}`
  | `applicant:${ClaimApplicant}`
  | "review-total"
  | "litigation-total"
  | "review-and-litigation"
  | `rules:${RulesRow}:${RulesColumn}`
  | `decisions:${DecisionRow}`
  | "fee-amount"
  | "processing-fee"
  | "active-disclosure-total"
  | CombinedOutcomes;

/** Two outcome groups stated as one figure ("予以公开及部分公开12件"): the sum of both. */
export type CombinedOutcomes = "outcomes:三(一)+三(二)" | "outcomes:三(三)+三(四)";

/** Whether a quantity is counted (件) or an amount of money (万元). */
export type Measure = "count" | "amount";

/** The outcome groups in the official order. */
export const CLAIM_OUTCOME_GROUPS: readonly ClaimOutcomeGroup[] = [
  "三(一)",
  "三(二)",
  "三(三)",
  "三(四)",
  "三(五)",
  "三(六)",
];

/** Whether a quantity is an outcome (a group or a leaf row of table 三). */
export function isOutcome(q: QuantityId): q is `outcome:${ClaimOutcomeGroup | ClaimOutcomeLeaf}` {
  return q.startsWith("outcome:");
}

/** The outcome group of an outcome quantity ("outcome:三(三)4" → "三(三)"), else undefined. */
export function outcomeGroupOf(q: QuantityId): ClaimOutcomeGroup | undefined {
  if (!isOutcome(q)) return undefined;
  const key = q.slice("outcome:".length);
  return CLAIM_OUTCOME_GROUPS.find((g) => key === g || key.startsWith(g));
}

/** Whether an outcome quantity is a whole group (not a single leaf row). */
export function isOutcomeGroup(q: QuantityId): boolean {
  return isOutcome(q) && (CLAIM_OUTCOME_GROUPS as readonly string[]).includes(q.slice(8));
}

/** Count or amount. */
export function measureOf(q: QuantityId): Measure {
  return q === "fee-amount" || q === "processing-fee" ? "amount" : "count";
}

const ORGANISATIONS = T3_APPLICANTS.filter((c) => c !== "自然人");
const T4_GROUPS = ["复议", "直诉", "复诉"] as const;
const T4_RESULTS = ["维持", "纠正", "其他", "未结", "总计"] as const;

const t3 = (row: string, column = "总计"): CellKey => ({ table: "T3", row, column });
const t4 = (row: string, column = "总计"): CellKey => ({ table: "T4", row, column });

/**
 * The table cells whose sum a quantity claims, or undefined when it maps to no cell (or to no cell
 * of the table version in use: table 二 claims are not mapped onto a 2019 trial table; a 2019
 * table 三 has a single （六） row).
 */
export function quantityCells(q: QuantityId, figures?: FigureSet): CellKey[] | undefined {
  const t3Version = figures?.version("T3");
  switch (q) {
    case "applications-new":
      return [t3("一")];
    case "applications-carried-over":
      return [t3("二")];
    case "applications-concluded":
      return [t3("三(七)")];
    case "applications-carried-forward":
      return [t3("四")];
    case "review-total":
      return [t4("复议")];
    case "litigation-total":
      return [t4("直诉"), t4("复诉")];
    case "review-and-litigation":
      return T4_GROUPS.map((g) => t4(g));
    case "processing-fee":
    case "active-disclosure-total":
      return undefined;
    case "fee-amount":
      return figures?.version("T2") === "2019"
        ? undefined
        : [{ table: "T2", row: "行政事业性收费", column: "金额" }];
    default:
      break;
  }
  if (q.startsWith("outcomes:")) {
    const groups = t3Groups(t3Version ?? "2021");
    const rows = q
      .slice("outcomes:".length)
      .split("+")
      .flatMap((g) => groups[g] ?? []);
    return rows.length === 0 ? undefined : rows.map((row) => t3(row));
  }
  if (q.startsWith("outcome:")) {
    const key = q.slice("outcome:".length);
    const groups = t3Groups(t3Version ?? "2021");
    const leaves = groups[key] ?? (t3Leaves(t3Version ?? "2021").includes(key) ? [key] : undefined);
    return leaves?.map((row) => t3(row));
  }
  if (q.startsWith("applicant:")) {
    const who = q.slice("applicant:".length);
    if (who === "法人或其他组织") return ORGANISATIONS.map((c) => t3("一", c));
    return [t3("一", who)];
  }
  if (figures?.version("T2") === "2019") return undefined;
  if (q.startsWith("rules:")) {
    const [, row, column] = q.split(":");
    return [{ table: "T2", row: row!, column: column! }];
  }
  if (q.startsWith("decisions:")) {
    return [{ table: "T2", row: q.slice("decisions:".length), column: "决定" }];
  }
  return undefined;
}

/** Every cell of table 四 (3 groups × 5 results): "未发生行政复议、行政诉讼" says they are all 0. */
export function allReviewCells(): CellKey[] {
  return T4_GROUPS.flatMap((g) => T4_RESULTS.map((r) => t4(g, r)));
}
