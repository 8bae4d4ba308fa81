/**
 * Builders for narrative tests: consistent tables 二, 三 and 四 from a few figures, with every
 * total derived so that R1–R4 hold, and cells that can be overridden to blank or text.
 */
import { figureSet, type FigureSet } from "../../../src/core/model/figure-set";
import type { LocatedTable } from "../../../src/core/model/figures";
import { T3_APPLICANTS, T3_LEAVES } from "../../../src/core/model/tables";
import { buildTable, type CaseValue } from "../../helpers/build";

/** Six applicant counts (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他). */
export type ApplicantCounts = readonly number[];

/** Counts from natural persons only. */
export function natural(count: number): ApplicantCounts {
  return [count, 0, 0, 0, 0, 0];
}

const ZERO: ApplicantCounts = [0, 0, 0, 0, 0, 0];

const at = (counts: ApplicantCounts, i: number): number => counts[i] ?? 0;

/** What a consistent table 三 is made from; 一, （七） and every 总计 are derived. */
export interface T3Spec {
  /** Leaf outcome rows (T3_LEAVES keys) that are not all zero. */
  readonly leaves?: Readonly<Record<string, ApplicantCounts>>;
  readonly carriedOver?: ApplicantCounts;
  readonly carriedForward?: ApplicantCounts;
}

/**
 * The rows of a table 三 where R1–R3 hold: （七） = Σ leaves, 一 = （七） + 四 − 二 per column
 * (the spec must keep it ≥ 0), and 总计 = Σ applicant columns on every row.
 */
export function consistentT3Rows(spec: T3Spec): Record<string, CaseValue[]> {
  const withTotal = (counts: ApplicantCounts): CaseValue[] => {
    const values = T3_APPLICANTS.map((_, i) => at(counts, i));
    return [...values, values.reduce((a, b) => a + b, 0)];
  };
  const rows: Record<string, CaseValue[]> = {};
  const concluded = T3_APPLICANTS.map((_, i) =>
    T3_LEAVES.reduce((sum, leaf) => sum + at(spec.leaves?.[leaf] ?? ZERO, i), 0),
  );
  const carriedOver = spec.carriedOver ?? ZERO;
  const carriedForward = spec.carriedForward ?? ZERO;
  const received = concluded.map((c, i) => c + at(carriedForward, i) - at(carriedOver, i));
  if (received.some((n) => n < 0)) throw new Error("spec carries over more than it handles");
  rows["一"] = withTotal(received);
  rows["二"] = withTotal(carriedOver);
  for (const leaf of T3_LEAVES) rows[leaf] = withTotal(spec.leaves?.[leaf] ?? ZERO);
  rows["三(七)"] = withTotal(concluded);
  rows["四"] = withTotal(carriedForward);
  return rows;
}

/** Table 二 figures; anything not given is 0. */
export interface T2Spec {
  readonly 规章?: readonly CaseValue[];
  readonly 行政规范性文件?: readonly CaseValue[];
  readonly 行政许可?: CaseValue;
  readonly 行政处罚?: CaseValue;
  readonly 行政强制?: CaseValue;
  readonly 收费?: CaseValue;
}

/** The rows of table 二. */
export function t2Rows(spec: T2Spec): Record<string, CaseValue[]> {
  // `null` is a blank cell, so only a missing figure defaults to 0.
  const or0 = (value: CaseValue | undefined): CaseValue => (value === undefined ? 0 : value);
  return {
    规章: [...(spec.规章 ?? [0, 0, 0])],
    行政规范性文件: [...(spec.行政规范性文件 ?? [0, 0, 0])],
    行政许可: [or0(spec.行政许可)],
    行政处罚: [or0(spec.行政处罚)],
    行政强制: [or0(spec.行政强制)],
    行政事业性收费: [or0(spec.收费)],
  };
}

/** Four results (维持, 纠正, 其他, 未结) per group of table 四; 总计 is derived. */
export interface T4Spec {
  readonly 复议?: readonly number[];
  readonly 直诉?: readonly number[];
  readonly 复诉?: readonly number[];
}

/** The rows of a consistent table 四 (R4 holds). */
export function t4Rows(spec: T4Spec): Record<string, CaseValue[]> {
  const row = (results: readonly number[] | undefined): CaseValue[] => {
    const values = [0, 1, 2, 3].map((i) => results?.[i] ?? 0);
    return [...values, values.reduce((a, b) => a + b, 0)];
  };
  return { 复议: row(spec.复议), 直诉: row(spec.直诉), 复诉: row(spec.复诉) };
}

/** Replaces one cell of built rows (by row key and column index) with another value. */
export function withCell(
  rows: Record<string, CaseValue[]>,
  row: string,
  column: number,
  value: CaseValue,
): Record<string, CaseValue[]> {
  const copy = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, [...v]]));
  const target = copy[row];
  if (target === undefined || column >= target.length) throw new Error(`no cell ${row}[${column}]`);
  target[column] = value;
  return copy;
}

/** A figure set of the three tables from row data (a table given as undefined is absent). */
export function figuresOf(tables: {
  readonly T2?: Record<string, CaseValue[]>;
  readonly T3?: Record<string, CaseValue[]>;
  readonly T4?: Record<string, CaseValue[]>;
}): FigureSet {
  const located: LocatedTable[] = [];
  if (tables.T2 !== undefined) located.push(buildTable("T2", tables.T2));
  if (tables.T3 !== undefined) located.push(buildTable("T3", tables.T3));
  if (tables.T4 !== undefined) located.push(buildTable("T4", tables.T4));
  return figureSet(located);
}

/** All three tables filled with zeros. */
export function zeroFigures(): FigureSet {
  return figuresOf({ T2: t2Rows({}), T3: consistentT3Rows({}), T4: t4Rows({}) });
}
