/**
 * A catalogue of what clerks type into cells, and the finding each gets. Blank, 0, "/", text and
 * full-width digits are different things: none of them is silently read as 0.
 */
import type { RawCell } from "../../../src/core/model/figures";
import type { CellKey } from "../../../src/core/model/tables";
import { readCell } from "../../../src/core/read/cell";
import type { FindingCode } from "../../../src/core/rules/finding";
import { seedTables } from "../../helpers/build";
import { withCell } from "../../helpers/mutate";
import { runRules } from "../../helpers/run-rules";

/** A count cell that is 0 in the seed and sits in a row and a column whose sums are 0. */
const COUNT: CellKey = { table: "T3", row: "三(五)2", column: "科研机构" };
/** The fee cell of table 二 (万元, decimals allowed). */
const FEE: CellKey = { table: "T2", row: "行政事业性收费", column: "金额" };

interface Case {
  readonly input: RawCell;
  readonly rule: "R5" | "R6";
  readonly code: FindingCode;
  readonly suggestion?: number;
  readonly cell?: CellKey;
}

const BAD: readonly [string, Case][] = [
  ["null (an empty cell)", { input: null, rule: "R6", code: "blank" }],
  ["an empty string", { input: "", rule: "R6", code: "blank" }],
  ["spaces only", { input: "   ", rule: "R6", code: "blank" }],
  ["an ideographic space", { input: "\u3000", rule: "R6", code: "blank" }],
  ["a non-breaking space and a line break", { input: "\u00a0\n", rule: "R6", code: "blank" }],
  ["a slash", { input: "/", rule: "R6", code: "not-applicable" }],
  ["a full-width slash", { input: "／", rule: "R6", code: "not-applicable" }],
  ["an em dash", { input: "—", rule: "R6", code: "not-applicable" }],
  ["a double em dash", { input: "——", rule: "R6", code: "not-applicable" }],
  ["a hyphen", { input: "-", rule: "R6", code: "not-applicable" }],
  ["N/A", { input: "N/A", rule: "R6", code: "not-applicable" }],
  ["无", { input: "无", rule: "R5", code: "text", suggestion: 0 }],
  ["暂无", { input: "暂无", rule: "R5", code: "text", suggestion: 0 }],
  ["a number with its unit (5件)", { input: "5件", rule: "R5", code: "text", suggestion: 5 }],
  [
    "a full-width number with its unit (３件)",
    { input: "３件", rule: "R5", code: "text", suggestion: 3 },
  ],
  ["zero with its unit (0件)", { input: "0件", rule: "R5", code: "text", suggestion: 0 }],
  ["a Chinese numeral (五)", { input: "五", rule: "R5", code: "text", suggestion: 5 }],
  ["a Chinese numeral (十二)", { input: "十二", rule: "R5", code: "text", suggestion: 12 }],
  [
    "a Chinese numeral (一百零五)",
    { input: "一百零五", rule: "R5", code: "text", suggestion: 105 },
  ],
  [
    "a Chinese numeral with a unit (两件)",
    { input: "两件", rule: "R5", code: "text", suggestion: 2 },
  ],
  ["an approximate figure (约5)", { input: "约5", rule: "R5", code: "text" }],
  ["a range (5-6)", { input: "5-6", rule: "R5", code: "text" }],
  ["a percentage", { input: "12%", rule: "R5", code: "text" }],
  ["scientific notation", { input: "1e3", rule: "R5", code: "text" }],
  ["a misplaced thousands separator", { input: "1,2", rule: "R5", code: "text" }],
  ["a word", { input: "见附件", rule: "R5", code: "text" }],
  ["a boolean", { input: true, rule: "R5", code: "text" }],
  ["a negative number", { input: -1, rule: "R5", code: "negative" }],
  ["a negative number as text", { input: "-3", rule: "R5", code: "negative" }],
  ["a negative number with a full-width minus", { input: "－3", rule: "R5", code: "negative" }],
  ["a fraction in a count", { input: 2.5, rule: "R5", code: "fraction" }],
  ["a fraction in a count, as text", { input: "2.5", rule: "R5", code: "fraction" }],
  ["#N/A", { input: "#N/A", rule: "R5", code: "excel-error" }],
  ["#DIV/0!", { input: "#DIV/0!", rule: "R5", code: "excel-error" }],
  ["#REF!", { input: "#REF!", rule: "R5", code: "excel-error" }],
  ["#VALUE!", { input: "#VALUE!", rule: "R5", code: "excel-error" }],
  ["#NAME?", { input: "#NAME?", rule: "R5", code: "excel-error" }],
  ["NaN", { input: Number.NaN, rule: "R5", code: "excel-error" }],
  ["Infinity", { input: Number.POSITIVE_INFINITY, rule: "R5", code: "excel-error" }],
  [
    "a fee with five decimals (元 typed as 万元)",
    { input: 0.00123, rule: "R5", code: "too-precise", cell: FEE },
  ],
  ["a negative fee", { input: -0.5, rule: "R5", code: "negative", cell: FEE }],
  [
    "a fee as text with a unit",
    { input: "3.5万元", rule: "R5", code: "text", suggestion: 3.5, cell: FEE },
  ],
];

const ACCEPTED: readonly [string, RawCell, number, CellKey][] = [
  ["full-width digits", "１２", 12, COUNT],
  ["surrounding spaces", " 7 ", 7, COUNT],
  ["a number stored as text", "9", 9, COUNT],
  ["thousands separators", "1,234", 1234, COUNT],
  ["full-width thousands separators", "1，234", 1234, COUNT],
  ["a whole number written with .0", "9.0", 9, COUNT],
  ["floating-point noise from a formula", 9.0000000001, 9, COUNT],
  ["zero", 0, 0, COUNT],
  ["a fee with four decimals", "18.8710", 18.871, FEE],
  ["a fee with decimals", 12.5, 12.5, FEE],
];

describe("bad cell inputs", () => {
  it.each(BAD)("%s gets its own finding on that cell", (_name, c) => {
    const cell = c.cell ?? COUNT;
    const { findings } = runRules(withCell(seedTables(), cell, c.input));
    const own = findings.filter(
      (f) =>
        f.rule === c.rule && f.cells.some((x) => x.row === cell.row && x.column === cell.column),
    );
    expect(own.map((f) => f.code)).toEqual([c.code]);
    if (c.suggestion !== undefined) expect(own[0]!.params["suggestion"]).toBe(c.suggestion);
    // Every other finding is about the same cell (a negative number also breaks the sums).
    for (const f of findings) {
      expect(f.cells.some((x) => x.row === cell.row && x.column === cell.column)).toBe(true);
    }
  });

  it("lists at least thirty kinds of bad input", () => {
    expect(BAD.length).toBeGreaterThanOrEqual(30);
  });
});

describe("accepted cell inputs", () => {
  it.each(ACCEPTED)("%s is read as a number with no finding", (_name, input, value, cell) => {
    const tables = withCell(seedTables(), cell, input);
    const reading = tables
      .find((t) => t.table === cell.table)!
      .cells.get(`${cell.table}/${cell.row}/${cell.column}`)!.reading;
    expect(reading).toMatchObject({ kind: "number", value });
    const { findings } = runRules(tables);
    // No value finding on the cell, whatever it holds; a non-zero count in the seed's zero cell
    // breaks its sums (as it should), and a zero leaves the seed clean.
    const onCell = findings.filter(
      (f) =>
        (f.rule === "R5" || f.rule === "R6") &&
        f.cells.some((x) => x.row === cell.row && x.column === cell.column),
    );
    expect(onCell).toEqual([]);
    if (value === 0 || cell !== COUNT) expect(findings).toEqual([]);
  });
});

describe("readCell", () => {
  it("never reads a blank as zero", () => {
    expect(readCell(null, "count")).toEqual({ kind: "blank" });
    expect(readCell("", "count")).toEqual({ kind: "blank" });
  });

  it("allows negative changes only in the 2019 本年增/减 column", () => {
    expect(readCell(-417, "change")).toEqual({ kind: "number", value: -417 });
    expect(readCell(-417, "count").kind).toBe("invalid");
  });

  it("reports the text 减4 in a change column instead of guessing its sign", () => {
    expect(readCell("减4", "change")).toMatchObject({ kind: "text", text: "减4" });
  });
});
