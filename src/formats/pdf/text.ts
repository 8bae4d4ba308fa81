/**
 * Text as PDF writers leave it: runs joined into lines, and the spaces that PDF text puts between
 * Chinese characters and digits ("国令第 711 号", "2024 年", "总 计") taken out. A space between two
 * Latin words or numbers ("Word 2010", "10 1") stays.
 */
import type { Run } from "./page";

/** Chinese characters and full-width punctuation: no space belongs next to them. */
const WIDE = "\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F\\u2014-\\u201F\\u2026";
const SPACE_NEXT_TO_WIDE = new RegExp(`(?<=[${WIDE}])\\s+|\\s+(?=[${WIDE}])`, "gu");

/** Collapses white space, and removes it next to Chinese characters and punctuation. */
export function normalizeSpaces(text: string): string {
  return text
    .replace(/[\s\u00A0\u3000]+/gu, " ")
    .replace(SPACE_NEXT_TO_WIDE, "")
    .trim();
}

/** A run's vertical middle (its baseline plus a third of its size). */
export function middleY(run: Run): number {
  return run.y + run.size * 0.35;
}

/** A run's horizontal middle. */
export function middleX(run: Run): number {
  return run.x + run.width / 2;
}

/** Runs on one baseline, left to right. */
export interface Line {
  readonly runs: Run[];
  readonly y: number;
  readonly x0: number;
  readonly x1: number;
  readonly size: number;
  readonly text: string;
}

/** Two runs share a line when their baselines are this close, in font sizes. */
const SAME_LINE = 0.4;
/** A gap wider than this many font sizes between two runs of a line is written as a space. */
const WORD_GAP = 0.3;

/** Joins runs of one line, left to right. */
export function joinRuns(runs: readonly Run[]): string {
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  let text = "";
  let end = Number.NEGATIVE_INFINITY;
  for (const run of sorted) {
    const gap = run.x - end;
    text += text !== "" && gap > run.size * WORD_GAP ? ` ${run.text}` : run.text;
    end = Math.max(end, run.x + run.width);
  }
  return normalizeSpaces(text);
}

/** Runs grouped into lines, top to bottom (PDF y grows upwards). */
export function linesOf(runs: readonly Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  let baseline = Number.NaN;
  let size = 0;
  for (const run of sorted) {
    const current = groups[groups.length - 1];
    if (
      current !== undefined &&
      Math.abs(run.y - baseline) <= Math.max(size, run.size) * SAME_LINE
    ) {
      current.push(run);
      size = Math.max(size, run.size);
    } else {
      groups.push([run]);
      baseline = run.y;
      size = run.size;
    }
  }
  return groups.map((group) => {
    const x0 = Math.min(...group.map((r) => r.x));
    const x1 = Math.max(...group.map((r) => r.x + r.width));
    return {
      runs: group,
      y: group[0]!.y,
      x0,
      x1,
      size: Math.max(...group.map((r) => r.size)),
      text: joinRuns(group),
    };
  });
}

/** Weights for estimating where a character of a run sits: wide characters take a full em. */
function charWidth(char: string): number {
  return new RegExp(`[${WIDE}]`, "u").test(char) ? 1 : 0.5;
}

/**
 * A run with spaces inside split into its words, each placed by the width of the characters
 * before it (used inside tables, where one run may cross several cells: "10 1 0 0 0").
 */
export function splitRun(run: Run): Run[] {
  if (!/\S\s+\S/u.test(run.text.trim())) return [run];
  const chars = [...run.text];
  const total = chars.reduce((n, c) => n + charWidth(c), 0);
  if (total === 0) return [run];
  const unit = run.width / total;
  const out: Run[] = [];
  let offset = 0;
  let word = "";
  let start = 0;
  for (const char of chars) {
    if (/\s/u.test(char)) {
      if (word !== "")
        out.push({ ...run, x: run.x + start * unit, width: (offset - start) * unit, text: word });
      word = "";
    } else {
      if (word === "") start = offset;
      word += char;
    }
    offset += charWidth(char);
  }
  if (word !== "")
    out.push({ ...run, x: run.x + start * unit, width: (offset - start) * unit, text: word });
  return out;
}
