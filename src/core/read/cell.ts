/**
 * One cell value → what it was read as. Numbers written in ways a clerk writes them are accepted
 * (full-width digits, thousands separators, spaces, numbers stored as text); anything else is
 * reported with what it might have meant, never converted silently.
 */
import type { CellReading, InvalidProblem, NumberForm, RawCell } from "../model/figures";
import type { ValueDomain } from "../model/tables";
import { parseChineseNumeral } from "../text/numerals";

const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

/** Marks that mean "not applicable" in published tables (the highlight formulas use them too). */
export const NOT_APPLICABLE_MARKS: readonly string[] = [
  "/",
  "\\",
  "-",
  "--",
  "---",
  "—",
  "——",
  "–",
  "n/a",
  "na",
  "×",
  "x",
];
const NOT_APPLICABLE = new Set(NOT_APPLICABLE_MARKS);

/** Words that mean "none": reported with the suggestion 0, not read as 0. */
const NONE_WORDS = new Set(["无", "没有", "空", "暂无", "nil", "none"]);

/** Units and counters that may trail a number typed into a cell ("5件", "3.5万元"). */
const TRAILING_UNIT = /^(.+?)(件|条|项|个|份|篇|次|起|宗|万元|元|人次|人)$/u;

/**
 * The largest figure read as a figure: 10^9. No count of a disclosure report comes near it (a
 * province's portal publishes some hundred thousand items a year; China has 1.4 × 10^9 people),
 * and it is far below 2^53, above which a number is no longer exact (9999999999999999 reads as
 * 10000000000000000). A larger number is an R5 error, never a figure to add up or print.
 */
export const MAX_FIGURE = 1_000_000_000;

/** Maximum decimals of a 万元 amount before it looks like a 元 → 万元 slip (below one 元). */
export const AMOUNT_DECIMALS = 4;

/**
 * The characters read as blank space: JavaScript's \s (tab, line feed, vertical tab, form feed,
 * carriage return, space, no-break space, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
 * U+3000, U+FEFF) and the zero-width U+200B–U+200D and U+2060. Excel's TRIM removes only the ASCII
 * space, so the highlight formulas replace each of these first (one definition for both).
 */
export const BLANK_CODE_POINTS: readonly number[] = [
  9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0x200b, 0x200c,
  0x200d, 0x2060,
];
const INVISIBLE = new RegExp(
  `[${BLANK_CODE_POINTS.map((c) => `\\u${c.toString(16).padStart(4, "0")}`).join("")}]+`,
  "gu",
);

/** Reads one cell for a data cell of the given domain. */
export function readCell(raw: RawCell, domain: ValueDomain): CellReading {
  if (raw === null) return { kind: "blank" };
  if (typeof raw === "boolean") return { kind: "text", text: raw ? "TRUE" : "FALSE" };
  if (typeof raw === "number") return checkNumber(raw, domain, undefined, undefined);
  return readText(raw, domain);
}

function readText(raw: string, domain: ValueDomain): CellReading {
  const trimmed = raw.replace(INVISIBLE, " ").trim();
  if (trimmed === "") return { kind: "blank" };
  const upper = trimmed.toUpperCase();
  if (EXCEL_ERRORS.has(upper)) return { kind: "error", text: trimmed };
  const normal = trimmed.normalize("NFKC").replace(/[−－]/gu, "-").trim();
  if (NOT_APPLICABLE.has(normal.toLowerCase())) return { kind: "not-applicable", text: trimmed };
  if (NONE_WORDS.has(normal.toLowerCase())) return { kind: "text", text: trimmed, suggestion: 0 };

  const form: NumberForm | undefined = normal !== trimmed ? "full-width" : undefined;
  const plain = parsePlainNumber(normal);
  if (plain !== undefined) {
    return checkNumber(
      plain.value,
      domain,
      trimmed,
      plain.thousands ? "thousands" : (form ?? "text"),
    );
  }
  return { kind: "text", text: trimmed, ...suggestionFor(normal) };
}

/** A decimal number, optionally signed, optionally with correct thousands separators. */
function parsePlainNumber(text: string): { value: number; thousands: boolean } | undefined {
  const simple = /^[+-]?(\d+(\.\d*)?|\.\d+)$/u;
  if (simple.test(text)) return { value: Number(text), thousands: false };
  const grouped = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/u;
  if (grouped.test(text)) return { value: Number(text.replace(/,/gu, "")), thousands: true };
  return undefined;
}

/** What a text probably meant, for the message: "5件" → 5, "十二" → 12. */
function suggestionFor(text: string): { suggestion?: number } {
  const compact = text.replace(/\s+/gu, "");
  const unit = TRAILING_UNIT.exec(compact);
  const body = unit !== null ? unit[1]! : compact;
  const plain = parsePlainNumber(body);
  if (plain !== undefined && plain.value >= 0) return { suggestion: plain.value };
  const numeral = parseChineseNumeral(body);
  if (numeral !== undefined) return { suggestion: numeral };
  return {};
}

function checkNumber(
  value: number,
  domain: ValueDomain,
  text: string | undefined,
  via: NumberForm | undefined,
): CellReading {
  if (!Number.isFinite(value)) return { kind: "error", text: text ?? String(value) };
  const invalid = (problem: InvalidProblem): CellReading =>
    text === undefined
      ? { kind: "invalid", value, problem }
      : { kind: "invalid", value, problem, text };
  if (Math.abs(value) > MAX_FIGURE) return invalid("too-large");
  if (value < 0 && domain !== "change") return invalid("negative");
  if (domain === "amount") {
    if (decimalPlaces(value) > AMOUNT_DECIMALS) return invalid("too-precise");
  } else if (!isWhole(value)) {
    return invalid("fraction");
  }
  const clean = isWhole(value) ? Math.round(value) : value;
  return via === undefined
    ? { kind: "number", value: clean }
    : { kind: "number", value: clean, via };
}

/** True when a number is whole up to floating-point noise from formulas (1e-9). */
export function isWhole(value: number): boolean {
  return Math.abs(value - Math.round(value)) < 1e-9;
}

/** Decimal places of a number as a person wrote it, ignoring floating-point noise. */
export function decimalPlaces(value: number): number {
  const text = Number(value.toPrecision(12)).toString();
  if (text.includes("e-"))
    return Number(text.split("e-")[1]) + (text.split("e")[0]!.split(".")[1]?.length ?? 0);
  return text.split(".")[1]?.length ?? 0;
}
