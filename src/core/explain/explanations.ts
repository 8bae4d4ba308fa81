/**
 * Findings a clerk has verified and kept with a written reason (issue 13, 核实性审核): an
 * explanation names its finding by a stable key and holds the values its cells showed when it was
 * given. It applies only while every one of those cells still shows that value; once one changes,
 * the finding is open again and says that its earlier explanation lapsed. Which findings may be
 * explained is data (RULE_EXPLAINABLE); sums and valid numbers (R1–R5) never are.
 */
import type { FigureSet } from "../model/figure-set";
import type { CellReading } from "../model/figures";
import { cellId } from "../model/tables";
import type { Locale } from "../locales/locale";
import { cellLabel, columnLabel, rowLabel } from "../locales/labels";
import {
  FINDING_CODES,
  RULE_EXPLAINABLE,
  type Finding,
  type FindingCode,
  type RuleId,
} from "../rules/finding";

/** A cell of an explained finding and the value it showed when the explanation was given. */
export interface ExplainedCell {
  /** The cell id, `table/row/column` (cellId). */
  readonly id: string;
  /** Where it was, for people reading the list ("Sheet1!D8"). */
  readonly address?: string;
  /** The value as shown: a number's text, "" for blank, "/" or any text as typed. */
  readonly value: string;
}

/** A clerk's reason for keeping a finding as it is. */
export interface Explanation {
  readonly rule: RuleId;
  readonly code: FindingCode;
  /** findingKey of the finding explained. */
  readonly key: string;
  readonly cells: readonly ExplainedCell[];
  readonly reason: string;
  /** The day it was given, YYYY-MM-DD. */
  readonly date: string;
}

/** A finding with the explanation that covers it (or covered it, when lapsed). */
export interface ExplainedFinding {
  readonly finding: Finding;
  readonly explanation: Explanation;
}

/** What a set of explanations does to a check's findings. */
export interface AppliedExplanations {
  /** Findings still to fix or explain, in their order: lapsed and refused ones included. */
  readonly open: Finding[];
  /** Findings an explanation covers: not errors, shown apart with their reason. */
  readonly explained: ExplainedFinding[];
  /** Open findings whose explanation no longer applies: a cell it named shows another value. */
  readonly lapsed: ExplainedFinding[];
  /** Open findings that matched an explanation but may not be explained (R1–R5, info). */
  readonly refused: ExplainedFinding[];
  /** Explanations no finding matches any more (it was fixed, or its sentence was rewritten). */
  readonly unmatched: Explanation[];
}

/** The longest reason kept (characters): a 上报说明 is a sentence or two, not a document. */
export const REASON_LIMIT = 500;

const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/u;

/** True when a date is written YYYY-MM-DD with a possible month and day. */
export function isExplanationDate(date: string): boolean {
  return DATE.test(date);
}

/** Whether a finding may be kept with a reason instead of being fixed (RULE_EXPLAINABLE). */
export function isExplainable(finding: Finding): boolean {
  if (finding.severity === "info") return false;
  const explainable = RULE_EXPLAINABLE[finding.rule];
  return explainable === "any" || (explainable === "warnings" && finding.severity === "warning");
}

/** Whitespace folded, so a re-read or re-wrapped sentence keeps its key. */
function folded(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/**
 * The key that names a finding across checks: its rule, code, table and cell ids; for narrative
 * findings the sentences they quote; for findings with neither (a missing section, a title) their
 * text params, which name what is missing. Values are not in the key: a changed value is what
 * makes an explanation lapse, so it must still find its finding.
 */
export function findingKey(finding: Finding): string {
  const cells = finding.cells.map((c) => cellId(c)).join(",");
  let what = "";
  if (finding.spans !== undefined && finding.spans.length > 0)
    what = finding.spans.map((s) => folded(s.text)).join("¦");
  else if (finding.cells.length === 0)
    what = Object.keys(finding.params)
      .sort()
      .filter((k) => typeof finding.params[k] === "string")
      .map((k) => `${k}=${String(finding.params[k])}`)
      .join(",");
  return [finding.rule, finding.code, finding.table ?? "", cells, what].join("|");
}

/** The key without the sentences and params: the same rule on the same cells. */
function cellsKey(finding: Finding): string {
  return [
    finding.rule,
    finding.code,
    finding.table ?? "",
    finding.cells.map(cellId).join(","),
  ].join("|");
}

/** A reading as it is shown: the value kept with an explanation and compared later. */
export function shownText(reading: CellReading | undefined): string {
  if (reading === undefined) return "";
  switch (reading.kind) {
    case "number":
      return String(reading.value);
    case "invalid":
      return reading.text ?? String(reading.value);
    case "blank":
      return "";
    case "not-applicable":
    case "text":
    case "error":
      return reading.text;
  }
}

/** The explanation of a finding with the values its cells show now. */
export function explainFinding(
  finding: Finding,
  figures: FigureSet,
  reason: string,
  date: string,
): Explanation {
  return {
    rule: finding.rule,
    code: finding.code,
    key: findingKey(finding),
    cells: finding.cells.map((c) => {
      const cell = figures.get(c);
      const address = c.address ?? cell?.address;
      return {
        id: cellId(c),
        ...(address === undefined ? {} : { address }),
        value: shownText(cell?.reading),
      };
    }),
    reason: reason.trim().slice(0, REASON_LIMIT),
    date,
  };
}

/** True when every cell the explanation names still shows the value it showed. */
function stillHolds(explanation: Explanation, finding: Finding, figures: FigureSet): boolean {
  if (explanation.cells.length !== finding.cells.length) return false;
  const held = new Map(explanation.cells.map((c) => [c.id, c.value]));
  return finding.cells.every((c) => {
    const cell = figures.get(c);
    return cell !== undefined && held.get(cellId(c)) === shownText(cell.reading);
  });
}

/**
 * Sorts findings into open, explained and lapsed by the explanations given. A later explanation
 * of the same key wins (the newest is last). A narrative finding whose sentence was rewritten
 * matches by its cells, when it has any, and lapses; one without cells no longer matches.
 */
export function applyExplanations(
  findings: readonly Finding[],
  explanations: readonly Explanation[],
  figures: FigureSet,
): AppliedExplanations {
  const byKey = new Map<string, Explanation>();
  for (const e of explanations) byKey.set(e.key, e);
  const byCells = new Map<string, Explanation>();
  for (const e of explanations) {
    // The key's first four fields are the cells key; only explanations that name cells match so.
    const parts = e.key.split("|");
    if (parts.length >= 4 && parts[3] !== "") byCells.set(parts.slice(0, 4).join("|"), e);
  }
  const used = new Set<Explanation>();
  const result: AppliedExplanations = {
    open: [],
    explained: [],
    lapsed: [],
    refused: [],
    unmatched: [],
  };
  for (const finding of findings) {
    const exact = byKey.get(findingKey(finding));
    const loose =
      exact === undefined && finding.cells.length > 0 ? byCells.get(cellsKey(finding)) : undefined;
    const explanation = exact ?? loose;
    if (explanation === undefined) {
      result.open.push(finding);
      continue;
    }
    used.add(explanation);
    if (!isExplainable(finding)) {
      result.open.push(finding);
      result.refused.push({ finding, explanation });
    } else if (exact !== undefined && stillHolds(explanation, finding, figures)) {
      result.explained.push({ finding, explanation });
    } else {
      result.open.push(finding);
      result.lapsed.push({ finding, explanation });
    }
  }
  for (const e of byKey.values()) if (!used.has(e)) result.unmatched.push(e);
  return result;
}

/** Ends a sentence with its mark when it has none. */
function sentence(text: string, locale: Locale): string {
  const t = text.trim();
  if (t === "") return t;
  if (locale === "zh-CN") return /[。！？；]$/u.test(t) ? t.replace(/；$/u, "。") : `${t}。`;
  return /[.!?]$/u.test(t) ? t : `${t}.`;
}

function num(finding: Finding, name: "reported" | "computed" | "difference"): number | undefined {
  return finding[name];
}

function param(finding: Finding, name: string): string | number | undefined {
  return finding.params[name];
}

/**
 * Reasons to start from for the common cases, with the finding's own figures filled in: the clerk
 * edits one and saves it. None for findings without a common reason (the clerk writes their own).
 */
export function explanationSuggestions(finding: Finding, locale: Locale = "zh-CN"): string[] {
  const zh = locale === "zh-CN";
  switch (finding.code) {
    case "carry-over-mismatch": {
      const last = param(finding, "lastYear");
      const now = num(finding, "reported");
      const column = String(param(finding, "column") ?? "总计");
      const label = columnLabel("T3", column, locale);
      const where = column === "总计" ? "" : zh ? `“${label}”列` : ` in the column "${label}"`;
      return zh
        ? [
            `上年度报告中${where}“结转下年度继续办理”为${last}件，经核实应为${now}件，本年度“上年结转”按${now}件填报。`,
          ]
        : [
            `Last year's report carried ${last} requests to this year${where}; on checking the right figure is ${now}, and this year's carried-over figure is reported as ${now}.`,
          ];
    }
    case "in-force-mismatch": {
      const row = String(param(finding, "row") ?? "行政规范性文件");
      const gap = Math.abs(num(finding, "difference") ?? 0);
      const label = rowLabel("T2", row, locale);
      return zh
        ? [
            `表二“${label}”现行有效件数与上年现行有效件数加本年制发、减本年废止的结果相差${gap}件，系文件有效期届满自然失效，未计入“废止”。`,
          ]
        : [
            `Table 2, "${label}": the number in force differs by ${gap} from last year's plus issued minus repealed because documents expired at the end of their term; expiry is not counted as repeal.`,
          ];
    }
    case "rules-not-in-remit":
      return zh
        ? [`表二“规章”栏所填为本单位转发的上级机关规章，非本单位制定。`]
        : [
            `The government rules in Table 2 are rules of a higher authority that this agency forwards; it made none of them.`,
          ];
    case "not-applicable":
    case "blank": {
      const cell = finding.cells[0];
      const where = cell === undefined ? "" : cellLabel(cell, locale);
      const shown =
        finding.code === "blank"
          ? zh
            ? "空白"
            : "blank"
          : `“${String(param(finding, "text") ?? "/")}”`;
      return zh
        ? [`${where}填${shown}系该项不适用于本单位，并非漏填。`]
        : [`${where} is left ${shown} on purpose: the item does not apply to this agency.`];
    }
    case "narrative-balance-mismatch":
    case "narrative-outcomes-mismatch":
    case "narrative-table-mismatch":
    case "breakdown-sum-mismatch":
    case "part-exceeds-total":
    case "same-quantity-differs":
    case "percentage-mismatch":
    case "open-list-exceeds-total":
    case "received-includes-carried-over":
      return zh
        ? [
            `正文相关表述与表格数据统计口径不同（如包含上年结转、按件次或人次统计），经核实数据无误。`,
          ]
        : [
            `The sentence counts on another basis than the tables (carried-over requests included, or counted per person), and its figures were checked.`,
          ];
    default:
      return [];
  }
}

/**
 * The paragraphs of 六（五）本年度信息公开工作年度报告数据统计需要说明的事项 from the explained
 * findings: each reason once, in order, as a sentence. Empty when nothing is explained (the
 * report then writes 无). Pure: the narrative and the Word report take it as given.
 */
export function statisticsNotes(
  explained: readonly { readonly explanation: Explanation }[],
  locale: Locale = "zh-CN",
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { explanation } of explained) {
    const text = sentence(folded(explanation.reason), locale);
    if (text === "" || seen.has(text)) continue;
    seen.add(text);
    out.push(text);
  }
  return out;
}

/** The most cells one explanation names (the widest finding, R7 over table 二, names 8). */
export const EXPLAINED_CELLS_LIMIT = 64;

/** The longest key, cell id, address or value kept (characters). */
export const EXPLANATION_FIELD_LIMIT = 2000;

const RULE_SET: ReadonlySet<string> = new Set(Object.keys(RULE_EXPLAINABLE));
const CODE_SET: ReadonlySet<string> = new Set(FINDING_CODES);

function boundedText(value: unknown): value is string {
  return typeof value === "string" && value.length <= EXPLANATION_FIELD_LIMIT;
}

/**
 * An explanation from outside data (the workbook's part, a supervising office's JSON file), or
 * undefined when a field is missing, of the wrong type or over a limit: a damaged explanation is
 * not applied (the callers count it), never half-read.
 */
export function explanationFrom(value: unknown): Explanation | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const { rule, code, key, date, cells } = v;
  if (typeof rule !== "string" || !RULE_SET.has(rule)) return undefined;
  if (typeof code !== "string" || !CODE_SET.has(code)) return undefined;
  if (!boundedText(key) || key === "" || typeof date !== "string" || !isExplanationDate(date))
    return undefined;
  const reason = typeof v["reason"] === "string" ? v["reason"].trim() : "";
  if (reason === "" || reason.length > REASON_LIMIT) return undefined;
  if (!Array.isArray(cells) || cells.length > EXPLAINED_CELLS_LIMIT) return undefined;
  const out: ExplainedCell[] = [];
  for (const c of cells as unknown[]) {
    if (typeof c !== "object" || c === null) return undefined;
    const { id, address, value: shown } = c as Record<string, unknown>;
    if (!boundedText(id) || id === "" || !boundedText(shown)) return undefined;
    if (address !== undefined && !boundedText(address)) return undefined;
    out.push({ id, ...(address === undefined ? {} : { address }), value: shown });
  }
  return { rule: rule as RuleId, code: code as FindingCode, key, cells: out, reason, date };
}

/**
 * The explanations that still hold without a check to match them against: their rule may be
 * explained and every cell they name shows the value it showed (a narrative explanation names
 * no cells and holds while it is kept). For a 汇总 column and for 六（五）, where last year's
 * report (X1, X2) may not be at hand to bring the findings back.
 */
export function heldExplanations(
  explanations: readonly Explanation[],
  figures: FigureSet,
): Explanation[] {
  const cells = new Map<string, CellReading>();
  for (const t of figures.tables) for (const [id, cell] of t.cells) cells.set(id, cell.reading);
  const held = new Map<string, Explanation>();
  for (const e of explanations) {
    if (RULE_EXPLAINABLE[e.rule] === "never") continue;
    if (e.cells.every((c) => cells.has(c.id) && shownText(cells.get(c.id)) === c.value))
      held.set(e.key, e);
    else held.delete(e.key);
  }
  return [...held.values()];
}
