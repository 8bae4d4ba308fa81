/**
 * A small Excel formula evaluator for the workbook double: enough for the template's totals
 * (`=SUM(D8,E8)`), the highlight formulas (`=N("xxgk:R2")+ABS(SUM(..)-SUM(..))>0.000001`), the
 * data-validation formulas and what a test types. It cannot evaluate anything else: unknown
 * functions give "#NAME?", as Excel would for a misspelt name.
 */

export type FormulaValue = number | string | boolean | FormulaError | FormulaValue[];

/** An Excel error value ("#VALUE!"). */
export class FormulaError {
  constructor(readonly text: string) {}
}

/** Thrown when a formula does not parse: Excel rejects such a formula when it is entered. */
export class FormulaSyntaxError extends Error {
  constructor(readonly formula: string) {
    super(`cannot parse formula ${formula}`);
    this.name = "FormulaSyntaxError";
  }
}

/** A cell reference in a formula: zero-based, with its $ flags. */
export interface CellReference {
  readonly row: number;
  readonly column: number;
  readonly absoluteRow: boolean;
  readonly absoluteColumn: boolean;
}

type Token =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "ref"; ref: CellReference }
  | { kind: "name"; value: string }
  | { kind: "op"; value: string };

const REF = /^(\$?)([A-Z]{1,3})(\$?)(\d{1,7})/u;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i]!;
    if (ch === " ") {
      i += 1;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let value = "";
      for (;;) {
        if (j >= text.length) throw new FormulaSyntaxError(formula);
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j += 1;
      }
      tokens.push({ kind: "string", value });
      i = j + 1;
      continue;
    }
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/u.exec(rest);
    if (number !== null) {
      tokens.push({ kind: "number", value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const ref = REF.exec(rest.toUpperCase());
    if (ref !== null && !/^[A-Za-z0-9_(]/u.test(rest.slice(ref[0].length))) {
      tokens.push({
        kind: "ref",
        ref: {
          row: Number(ref[4]) - 1,
          column: columnIndex(ref[2]!),
          absoluteRow: ref[3] === "$",
          absoluteColumn: ref[1] === "$",
        },
      });
      i += ref[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/u.exec(rest);
    if (name !== null) {
      tokens.push({ kind: "name", value: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/&=<>(),:])/u.exec(rest);
    if (op === null) throw new FormulaSyntaxError(formula);
    tokens.push({ kind: "op", value: op[0] });
    i += op[0].length;
  }
  return tokens;
}

/** How the evaluator reads cells: zero-based row and column on the formula's sheet. */
export type CellReader = (row: number, column: number) => FormulaValue | null;

type Node =
  | { kind: "literal"; value: FormulaValue }
  | { kind: "ref"; ref: CellReference }
  | { kind: "range"; from: CellReference; to: CellReference }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "unary"; op: string; operand: Node }
  | { kind: "binary"; op: string; left: Node; right: Node };

function parse(formula: string): Node {
  const tokens = tokenize(formula);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOp = (value: string): boolean => {
    const t = peek();
    return t !== undefined && t.kind === "op" && t.value === value;
  };
  const expect = (value: string): void => {
    if (!isOp(value)) throw new FormulaSyntaxError(formula);
    at += 1;
  };
  const comparison = (): Node => {
    let left = concat();
    for (;;) {
      const t = peek();
      if (t?.kind === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(t.value)) {
        at += 1;
        left = { kind: "binary", op: t.value, left, right: concat() };
      } else return left;
    }
  };
  const concat = (): Node => {
    let left = additive();
    while (isOp("&")) {
      at += 1;
      left = { kind: "binary", op: "&", left, right: additive() };
    }
    return left;
  };
  const additive = (): Node => {
    let left = term();
    for (;;) {
      const t = peek();
      if (t?.kind === "op" && (t.value === "+" || t.value === "-")) {
        at += 1;
        left = { kind: "binary", op: t.value, left, right: term() };
      } else return left;
    }
  };
  const term = (): Node => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (t?.kind === "op" && (t.value === "*" || t.value === "/")) {
        at += 1;
        left = { kind: "binary", op: t.value, left, right: unary() };
      } else return left;
    }
  };
  const unary = (): Node => {
    if (isOp("-") || isOp("+")) {
      const op = (peek() as { value: string }).value;
      at += 1;
      return { kind: "unary", op, operand: unary() };
    }
    return primary();
  };
  const primary = (): Node => {
    const t = peek();
    if (t === undefined) throw new FormulaSyntaxError(formula);
    at += 1;
    if (t.kind === "number" || t.kind === "string") return { kind: "literal", value: t.value };
    if (t.kind === "ref") {
      if (isOp(":")) {
        at += 1;
        const end = peek();
        if (end?.kind !== "ref") throw new FormulaSyntaxError(formula);
        at += 1;
        return { kind: "range", from: t.ref, to: end.ref };
      }
      return { kind: "ref", ref: t.ref };
    }
    if (t.kind === "name") {
      if (t.value === "TRUE" || t.value === "FALSE")
        return { kind: "literal", value: t.value === "TRUE" };
      expect("(");
      const args: Node[] = [];
      if (!isOp(")")) {
        args.push(comparison());
        while (isOp(",")) {
          at += 1;
          args.push(comparison());
        }
      }
      expect(")");
      return { kind: "call", name: t.value, args };
    }
    if (t.value === "(") {
      const inner = comparison();
      expect(")");
      return inner;
    }
    throw new FormulaSyntaxError(formula);
  };
  const node = comparison();
  if (at !== tokens.length) throw new FormulaSyntaxError(formula);
  return node;
}

/** Throws FormulaSyntaxError when Excel would refuse the formula as entered. */
export function assertParses(formula: string): void {
  parse(formula);
}

/**
 * Excel's text → number coercion in arithmetic (="1,000"+0 is 1000, ="50%"*1 is 0.5, =" 12 "+0 is
 * 12, ="0x10"+0 is #VALUE!). Source: Microsoft's "How Excel converts text to numbers" is not in
 * node_modules; GUESS from Excel's documented typed-entry rules: optional sign, digits with
 * correct thousands groups, a decimal point, an exponent, a trailing percent sign, ASCII spaces
 * around. Dates and currency symbols (also converted by Excel) are not modelled.
 */
export function textToNumber(text: string): number | undefined {
  const t = text.replace(/^ +| +$/gu, "");
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?(%?)$/u.exec(t);
  if (m === null) return undefined;
  const [, sign, whole, fraction, exponent, percent] = m as unknown as [
    string,
    string,
    string,
    string | undefined,
    string | undefined,
    string,
  ];
  if (whole === "" && (fraction === undefined || fraction.length < 2)) return undefined;
  const n = Number(
    `${sign}${whole.replace(/,/gu, "")}${fraction ?? ""}${exponent === undefined ? "" : `e${exponent}`}`,
  );
  if (!Number.isFinite(n)) return undefined;
  return percent === "%" ? n / 100 : n;
}

/** A number as Excel shows it in General format and as text functions see it: 15 digits. */
export function numberText(n: number): string {
  const text = String(Number(n.toPrecision(15)));
  // JavaScript writes 1e-7 and 1e+21; Excel writes 1E-07 and 1E+21.
  return text.replace(
    /e([+-])(\d+)$/u,
    (_m, sign: string, digits: string) => `E${sign}${digits.padStart(2, "0")}`,
  );
}

function toNumber(v: FormulaValue | null): number | FormulaError {
  if (v === null || v === "") return 0;
  if (v instanceof FormulaError) return v;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (Array.isArray(v)) return toNumber(v[0] ?? null);
  return textToNumber(v) ?? new FormulaError("#VALUE!");
}

function toText(v: FormulaValue | null): string | FormulaError {
  if (v === null) return "";
  if (v instanceof FormulaError) return v;
  if (Array.isArray(v)) return toText(v[0] ?? null);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  // Excel's LEN(1/3) is 17: the 15 significant digits of "0.333333333333333", not JavaScript's 18.
  if (typeof v === "number") return numberText(v);
  return v;
}

function toBoolean(v: FormulaValue | null): boolean | FormulaError {
  if (v === null) return false;
  if (v instanceof FormulaError) return v;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (Array.isArray(v)) return toBoolean(v[0] ?? null);
  if (v.toUpperCase() === "TRUE") return true;
  if (v.toUpperCase() === "FALSE") return false;
  return new FormulaError("#VALUE!");
}

/** Excel's ordering for comparisons: numbers < text < booleans; text case-insensitive. */
function compare(a: FormulaValue | null, b: FormulaValue | null): number {
  const rank = (v: FormulaValue | null): number =>
    v === null || typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;
  // A blank cell compares as "" with text, FALSE with a boolean, 0 with a number (=A1=FALSE is
  // TRUE for a blank A1).
  const blank = (other: FormulaValue | null): FormulaValue =>
    typeof other === "string" ? "" : typeof other === "boolean" ? false : 0;
  const x = a === null ? blank(b) : a;
  const y = b === null ? blank(a) : b;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "number" && typeof y === "number") return x - y;
  if (typeof x === "string" && typeof y === "string")
    return x.toLowerCase().localeCompare(y.toLowerCase());
  return Number(x) - Number(y);
}

/**
 * ROUND as Excel: half away from zero (ROUND(-2.5,0) is -3), on the 15-digit decimal Excel shows
 * (ROUND(1.005,2) is 1.01, although the double 1.005 is 1.00499999999999989…).
 */
export function excelRound(n: number, digits: number): number {
  const shown = Number(n.toPrecision(15));
  const [mantissa, exponent] = Math.abs(shown).toExponential().split("e") as [string, string];
  const shifted = Number(`${mantissa}e${Number(exponent) + digits}`);
  const rounded = Math.floor(shifted + 0.5);
  const back = Number(`${rounded}e${-digits}`);
  return Math.sign(shown) * back;
}

/** Evaluates a formula at a cell offset (relative references move by the offset). */
export function evaluateFormula(
  formula: string,
  read: CellReader,
  offset: { rows: number; columns: number } = { rows: 0, columns: 0 },
): FormulaValue {
  const place = (ref: CellReference): { row: number; column: number } => ({
    row: ref.row + (ref.absoluteRow ? 0 : offset.rows),
    column: ref.column + (ref.absoluteColumn ? 0 : offset.columns),
  });
  const cell = (ref: CellReference): FormulaValue | null => {
    const p = place(ref);
    return read(p.row, p.column);
  };
  const flatten = (node: Node): (FormulaValue | null)[] => {
    if (node.kind === "range") {
      const a = place(node.from);
      const b = place(node.to);
      const out: (FormulaValue | null)[] = [];
      for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
        for (let c = Math.min(a.column, b.column); c <= Math.max(a.column, b.column); c++)
          out.push(read(r, c));
      }
      return out;
    }
    if (node.kind === "ref") return [cell(node.ref)];
    return [evaluate(node)];
  };
  const evaluate = (node: Node): FormulaValue => {
    switch (node.kind) {
      case "literal":
        return node.value;
      case "ref":
        return cell(node.ref) ?? 0;
      case "range":
        return flatten(node).map((v) => v ?? "");
      case "unary": {
        const n = toNumber(evaluate(node.operand));
        if (n instanceof FormulaError) return n;
        return node.op === "-" ? -n : n;
      }
      case "binary": {
        const left = node.left.kind === "ref" ? cell(node.left.ref) : evaluate(node.left);
        const right = node.right.kind === "ref" ? cell(node.right.ref) : evaluate(node.right);
        if (left instanceof FormulaError) return left;
        if (right instanceof FormulaError) return right;
        if (node.op === "&") {
          const a = toText(left);
          const b = toText(right);
          if (a instanceof FormulaError) return a;
          if (b instanceof FormulaError) return b;
          return a + b;
        }
        if (["=", "<>", "<", ">", "<=", ">="].includes(node.op)) {
          const c = compare(left, right);
          return {
            "=": c === 0,
            "<>": c !== 0,
            "<": c < 0,
            ">": c > 0,
            "<=": c <= 0,
            ">=": c >= 0,
          }[node.op]!;
        }
        const a = toNumber(left);
        const b = toNumber(right);
        if (a instanceof FormulaError) return a;
        if (b instanceof FormulaError) return b;
        if (node.op === "+") return a + b;
        if (node.op === "-") return a - b;
        if (node.op === "*") return a * b;
        return b === 0 ? new FormulaError("#DIV/0!") : a / b;
      }
      case "call":
        return call(node.name, node.args);
    }
  };
  const call = (name: string, args: Node[]): FormulaValue => {
    const arg = (i: number): FormulaValue | null => {
      const node = args[i];
      if (node === undefined) return null;
      return node.kind === "ref" ? cell(node.ref) : evaluate(node);
    };
    switch (name) {
      case "SUM": {
        let total = 0;
        for (const node of args) {
          const direct = node.kind !== "range" && node.kind !== "ref";
          for (const v of flatten(node)) {
            if (v instanceof FormulaError) return v;
            // Like Excel: numbers in cells count, text and booleans in cells are skipped.
            if (typeof v === "number") total += v;
            else if (direct && v !== null) {
              const n = toNumber(v);
              if (n instanceof FormulaError) return n;
              total += n;
            }
          }
        }
        return total;
      }
      case "ABS": {
        const n = toNumber(arg(0));
        return n instanceof FormulaError ? n : Math.abs(n);
      }
      case "ROUND": {
        const n = toNumber(arg(0));
        const d = toNumber(arg(1));
        if (n instanceof FormulaError) return n;
        if (d instanceof FormulaError) return d;
        return excelRound(n, Math.trunc(d));
      }
      case "N": {
        const v = arg(0);
        if (v instanceof FormulaError) return v;
        return typeof v === "number" ? v : v === true ? 1 : 0;
      }
      case "LEN": {
        const t = toText(arg(0));
        return t instanceof FormulaError ? t : [...t].length;
      }
      case "TRIM": {
        // Excel's TRIM removes only the ASCII space (32): "removes the 7-bit ASCII space character
        // (value 32) from text" (Microsoft's TRIM page). No-break and ideographic spaces stay.
        const t = toText(arg(0));
        return t instanceof FormulaError ? t : t.replace(/^ +| +$/gu, "").replace(/ {2,}/gu, " ");
      }
      case "CLEAN": {
        // Removes the first 32 non-printing characters of 7-bit ASCII (0–31).
        const t = toText(arg(0));
        // eslint-disable-next-line no-control-regex -- exactly what CLEAN removes
        return t instanceof FormulaError ? t : t.replace(/[\u0000-\u001f]/gu, "");
      }
      case "SUBSTITUTE": {
        const t = toText(arg(0));
        const from = toText(arg(1));
        const to = toText(arg(2));
        if (t instanceof FormulaError) return t;
        if (from instanceof FormulaError) return from;
        if (to instanceof FormulaError) return to;
        return from === "" ? t : t.split(from).join(to);
      }
      case "CHAR":
      case "UNICHAR": {
        const n = toNumber(arg(0));
        if (n instanceof FormulaError) return n;
        const code = Math.trunc(n);
        if (code < 1 || code > (name === "CHAR" ? 255 : 0x10ffff))
          return new FormulaError("#VALUE!");
        // CHAR uses the Windows code page (1252 in the West): 160 is the no-break space.
        return String.fromCodePoint(code);
      }
      case "ASC": {
        // ASC turns full-width (double-byte) letters and digits into half-width ones.
        const t = toText(arg(0));
        return t instanceof FormulaError
          ? t
          : t.replace(/[\uff01-\uff5e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
      }
      case "LOWER": {
        const t = toText(arg(0));
        return t instanceof FormulaError ? t : t.toLowerCase();
      }
      case "FIND": {
        // The position (from 1) of the first text in the second, case-sensitive; else #VALUE!.
        const what = toText(arg(0));
        const within = toText(arg(1));
        if (what instanceof FormulaError) return what;
        if (within instanceof FormulaError) return within;
        const at = within.indexOf(what);
        return at < 0 ? new FormulaError("#VALUE!") : at + 1;
      }
      case "ISNUMBER":
        return typeof arg(0) === "number";
      case "ISTEXT":
        return typeof arg(0) === "string";
      case "ISERROR":
        return arg(0) instanceof FormulaError;
      case "IFERROR": {
        const v = arg(0);
        return v instanceof FormulaError ? (arg(1) ?? 0) : (v ?? 0);
      }
      case "ISBLANK":
        return arg(0) === null;
      case "NOT": {
        const b = toBoolean(arg(0));
        return b instanceof FormulaError ? b : !b;
      }
      case "AND":
      case "OR": {
        // Like Excel: blank cells and text in cells or ranges are ignored; a range counts each
        // of its cells; no logical value at all is #VALUE!; an error anywhere is that error.
        const values: boolean[] = [];
        for (const node of args) {
          const inCells = node.kind === "ref" || node.kind === "range";
          for (const v of inCells ? flatten(node) : [evaluate(node)]) {
            if (v instanceof FormulaError) return v;
            if (v === null || (inCells && typeof v === "string")) continue;
            const b = toBoolean(v);
            if (b instanceof FormulaError) return b;
            values.push(b);
          }
        }
        if (values.length === 0) return new FormulaError("#VALUE!");
        return name === "AND" ? values.every((v) => v) : values.some((v) => v);
      }
      case "IF": {
        const b = toBoolean(arg(0));
        if (b instanceof FormulaError) return b;
        const node = args[b ? 1 : 2];
        // =IF(TRUE,A1) for a blank A1 is 0; a missing third argument gives FALSE.
        if (node === undefined) return b;
        return (node.kind === "ref" ? cell(node.ref) : evaluate(node)) ?? 0;
      }
      default:
        return new FormulaError("#NAME?");
    }
  };
  return evaluate(parse(formula));
}

/**
 * Moves every A1 reference of a formula (outside string literals) with `move`, for row
 * insertion. Returns the formula unchanged when it has no references.
 */
export function mapReferences(
  formula: string,
  move: (ref: CellReference) => CellReference,
): string {
  const parts = formula.split(/("(?:[^"]|"")*")/u);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(^|[^A-Za-z0-9_$])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/gu,
            (...m: string[]) => {
              const [, before, absColumn, letters, absRow, digits] = m as [
                string,
                string,
                string,
                string,
                string,
                string,
              ];
              const moved = move({
                row: Number(digits) - 1,
                column: columnIndex(letters),
                absoluteRow: absRow === "$",
                absoluteColumn: absColumn === "$",
              });
              return `${before}${absColumn}${letters}${absRow}${moved.row + 1}`;
            },
          ),
    )
    .join("");
}
