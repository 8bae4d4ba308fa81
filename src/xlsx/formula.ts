/**
 * A small evaluator for the formulas a template's totals use (SUM over cells and ranges, + − × ÷,
 * numbers, parentheses), for workbooks saved by programs that write formulas without calculated
 * values. It cannot evaluate anything else: such a formula returns undefined and the caller asks
 * for the file to be recalculated in Excel. Where Excel's answer is an error value, so is this one:
 * a reference to a missing sheet (the look-up gives "#REF!"), an error in an operand or a summed
 * range, a division by zero ("#DIV/0!"). No recursion on the input beyond the formula's own
 * parentheses, which are bounded by MAX_FORMULA_LENGTH.
 */
import { parseCellAddress } from "../core/model/address";

/** The value of another cell, by sheet name (undefined = the formula's own sheet) and zero-based position. */
export type CellLookup = (
  sheet: string | undefined,
  row: number,
  column: number,
) => number | string | boolean | null | undefined;

/** What a formula evaluates to: a number, or an Excel error value ("#REF!"). */
export type FormulaValue = number | string | boolean | null;

/** Excel's error values, which propagate through arithmetic and SUM. */
const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);

/** Longest formula the evaluator reads (Excel's own limit is 8,192 characters). */
export const MAX_FORMULA_LENGTH = 8_192;

/** Most cells one range of a formula may cover before the evaluator gives up. */
const MAX_RANGE_CELLS = 100_000;

type Token =
  | { kind: "number"; value: number }
  | { kind: "ref"; sheet?: string; start: string; end?: string }
  | { kind: "name"; value: string }
  | { kind: "op"; value: string };

const REF = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const SHEET = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*))!`;
const TOKEN = new RegExp(
  String.raw`\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(?:${SHEET})?(${REF})(?::(${REF}))?|([A-Za-z][A-Za-z0-9.]*)(?=\()|([-+*/(),]))`,
  "uy",
);

/**
 * Tokens by formula text: a batch of workbooks from one template repeats the same formulas, and
 * tokens are never changed once made. Emptied when full, so memory stays bounded.
 */
const tokenCache = new Map<string, readonly Token[] | undefined>();
const TOKEN_CACHE_SIZE = 10_000;

function cachedTokens(formula: string): readonly Token[] | undefined {
  if (tokenCache.has(formula)) return tokenCache.get(formula);
  const tokens = tokenize(formula);
  if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.clear();
  tokenCache.set(formula, tokens);
  return tokens;
}

function tokenize(formula: string): Token[] | undefined {
  if (formula.length > MAX_FORMULA_LENGTH) return undefined;
  const tokens: Token[] = [];
  const text = formula.replace(/^=/u, "").trim();
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (m === null) return undefined;
    const [, num, quoted, plain, start, end, name, op] = m;
    if (num !== undefined) tokens.push({ kind: "number", value: Number(num) });
    else if (start !== undefined) {
      const sheet = quoted !== undefined ? quoted.replace(/''/gu, "'") : plain;
      tokens.push({
        kind: "ref",
        start,
        ...(end === undefined ? {} : { end }),
        ...(sheet === undefined ? {} : { sheet }),
      });
    } else if (name !== undefined) tokens.push({ kind: "name", value: name.toUpperCase() });
    else if (op !== undefined) tokens.push({ kind: "op", value: op });
    else return undefined;
  }
  return tokens;
}

/** Thrown inside the evaluator when a formula is outside the supported subset. */
class Unsupported extends Error {}

/** Thrown inside the evaluator when an operand is an error value: the formula's value is that error. */
class ErrorValue extends Error {
  constructor(readonly value: string) {
    super(value);
  }
}

function isErrorValue(value: unknown): value is string {
  return typeof value === "string" && ERROR_VALUES.has(value.trim().toUpperCase());
}

/**
 * The value of a formula: a number, an error value ("#REF!"), or undefined when it uses anything
 * outside the subset.
 */
export function evaluateFormula(formula: string, lookup: CellLookup): number | string | undefined {
  const tokens = cachedTokens(formula);
  if (tokens === undefined || tokens.length === 0) return undefined;
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const isOp = (t: Token | undefined, value: string): boolean =>
    t?.kind === "op" && t.value === value;

  const scalar = (value: ReturnType<CellLookup>): number => {
    if (value === null || value === undefined || value === "") return 0;
    if (typeof value === "number") return value;
    if (typeof value === "boolean") return value ? 1 : 0;
    if (isErrorValue(value)) throw new ErrorValue(value.trim().toUpperCase());
    throw new Unsupported();
  };
  const cells = (t: Extract<Token, { kind: "ref" }>): ReturnType<CellLookup>[] => {
    const a = parseCellAddress(t.start);
    const b = t.end === undefined ? a : parseCellAddress(t.end);
    const values: ReturnType<CellLookup>[] = [];
    const rows = Math.abs(b.row - a.row) + 1;
    const columns = Math.abs(b.column - a.column) + 1;
    if (rows * columns > MAX_RANGE_CELLS) throw new Unsupported();
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
      for (let c = Math.min(a.column, b.column); c <= Math.max(a.column, b.column); c++) {
        values.push(lookup(t.sheet, r, c));
      }
    }
    return values;
  };

  const expression = (): number => {
    let value = term();
    while (isOp(peek(), "+") || isOp(peek(), "-")) {
      const op = (tokens[i++] as { value: string }).value;
      const right = term();
      value = op === "+" ? value + right : value - right;
    }
    return value;
  };
  const term = (): number => {
    let value = factor();
    while (isOp(peek(), "*") || isOp(peek(), "/")) {
      const op = (tokens[i++] as { value: string }).value;
      const right = factor();
      if (op === "/" && right === 0) throw new ErrorValue("#DIV/0!");
      value = op === "*" ? value * right : value / right;
    }
    return value;
  };
  const factor = (): number => {
    const t = tokens[i++];
    if (t === undefined) throw new Unsupported();
    if (t.kind === "number") return t.value;
    if (t.kind === "op" && t.value === "-") return -factor();
    if (t.kind === "op" && t.value === "+") return factor();
    if (t.kind === "op" && t.value === "(") {
      const value = expression();
      if (!isOp(tokens[i++], ")")) throw new Unsupported();
      return value;
    }
    if (t.kind === "ref") {
      if (t.end !== undefined) throw new Unsupported();
      return scalar(cells(t)[0]);
    }
    if (t.kind === "name" && t.value === "SUM") {
      if (!isOp(tokens[i++], "(")) throw new Unsupported();
      let total = 0;
      if (isOp(peek(), ")")) {
        i++;
        return 0;
      }
      for (;;) {
        const arg = peek();
        const next = tokens[i + 1];
        if (arg?.kind === "ref" && (isOp(next, ",") || isOp(next, ")"))) {
          i++;
          // SUM skips text and logical values in references, as Excel does; errors propagate.
          for (const v of cells(arg)) {
            if (typeof v === "number") total += v;
            else if (isErrorValue(v)) throw new ErrorValue(v.trim().toUpperCase());
          }
        } else {
          total += expression();
        }
        const separator = tokens[i++];
        if (isOp(separator, ")")) return total;
        if (!isOp(separator, ",")) throw new Unsupported();
      }
    }
    throw new Unsupported();
  };

  try {
    const value = expression();
    return i === tokens.length && Number.isFinite(value) ? value : undefined;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    if (error instanceof ErrorValue) return error.value;
    throw error;
  }
}

const SHIFTABLE =
  /('(?:[^']|'')*'!|"[^"]*")|(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\d(A-Za-z_!])/gu;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let text = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    text = String.fromCharCode(65 + ((k - 1) % 26)) + text;
  return text;
}

/**
 * A shared formula as it reads in another cell: relative references moved by the offset from the
 * formula's master cell ($-anchored parts stay). A reference moved off the sheet becomes #REF!.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (formula.length > MAX_FORMULA_LENGTH) return formula;
  return formula.replace(
    SHIFTABLE,
    (
      whole,
      quoted: string | undefined,
      colAbs: string,
      col: string,
      rowAbs: string,
      row: string,
    ) => {
      if (quoted !== undefined) return whole;
      const c = colAbs === "$" ? columnNumber(col) : columnNumber(col) + columns;
      const r = rowAbs === "$" ? Number(row) : Number(row) + rows;
      if (c < 1 || c > 16_384 || r < 1 || r > 1_048_576) return "#REF!";
      return `${colAbs}${columnLetters(c)}${rowAbs}${r}`;
    },
  );
}
