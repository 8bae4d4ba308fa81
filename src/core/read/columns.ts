/**
 * Where a table's value columns are in a sheet: from its header labels when they are found left
 * to right, otherwise from the columns that hold values in its data rows. Positions that cannot be
 * told are undefined, never guessed into a neighbouring table.
 */
import { cellAt, hitAt, isBlank, rowLength, type ScanContext } from "./scan";

/** How far right of the labels a table's values may be looked for. */
export const VALUE_SEARCH_WIDTH = 80;

/** A header label found for a column key. */
export interface HeaderCandidate {
  readonly key: string;
  readonly column: number;
}

/**
 * For keys in order, the header that names each, chosen left to right so that the chosen columns
 * increase; a key whose header is not found after the previous one is undefined.
 */
export function matchHeaders<T extends HeaderCandidate>(
  candidates: readonly T[],
  keys: readonly string[],
): (T | undefined)[] {
  const sorted = [...candidates].sort((a, b) => a.column - b.column);
  let previous = Number.NEGATIVE_INFINITY;
  return keys.map((key) => {
    const found = sorted.find((c) => c.key === key && c.column > previous);
    if (found !== undefined) previous = found.column;
    return found;
  });
}

/**
 * The columns right of `from` that hold values in the data rows, up to the first blank column
 * after `count` of them (or three blank columns in a row), stopping at another table's labels.
 * When more than `count` are found, the right-most `count` are the values.
 */
export function valueColumns(
  ctx: ScanContext,
  rows: readonly number[],
  from: number,
  count: number,
): number[] {
  let widest = 0;
  for (const r of rows) widest = Math.max(widest, rowLength(ctx, r));
  const limit = Math.min(widest, from + VALUE_SEARCH_WIDTH);
  const found: number[] = [];
  let blankRun = 0;
  for (let c = from; c < limit; c += 1) {
    let filled = false;
    let boundary = false;
    for (const r of rows) {
      if (isBlank(cellAt(ctx, r, c))) continue;
      if (hitAt(ctx, r, c) !== undefined) boundary = true;
      else filled = true;
    }
    if (boundary) break;
    if (filled) {
      found.push(c);
      blankRun = 0;
      continue;
    }
    blankRun += 1;
    if (found.length >= count || (found.length > 0 && blankRun >= 3)) break;
  }
  return found.length > count ? found.slice(found.length - count) : found;
}

/**
 * Column positions for keys from header positions (any of them undefined) and value columns:
 * all headers found → the headers; none → the value columns in order (continuing right of the
 * last one when there are too few); some → the gaps between found headers filled from the value
 * columns in them, or left undefined when that is ambiguous.
 */
export function resolvePositions(
  found: readonly (number | undefined)[],
  candidates: readonly number[],
  lowerBound: number,
): (number | undefined)[] {
  const n = found.length;
  if (found.every((f) => f !== undefined)) return [...found];
  if (found.every((f) => f === undefined)) {
    if (candidates.length >= n) return candidates.slice(0, n);
    const result: (number | undefined)[] = [...candidates];
    let next = (candidates[candidates.length - 1] ?? lowerBound) + 1;
    while (result.length < n) {
      result.push(next);
      next += 1;
    }
    return result;
  }
  const result = [...found];
  let i = 0;
  while (i < n) {
    if (result[i] !== undefined) {
      i += 1;
      continue;
    }
    let j = i;
    while (j + 1 < n && result[j + 1] === undefined) j += 1;
    const low = i > 0 ? (result[i - 1] ?? lowerBound) : lowerBound;
    const high = j + 1 < n ? (result[j + 1] ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
    const needed = j - i + 1;
    const gap = candidates.filter((c) => c > low && c < high);
    if (gap.length >= needed) {
      for (let k = 0; k < needed; k += 1) result[i + k] = gap[k];
    } else if (high !== Number.POSITIVE_INFINITY && high - low - 1 === needed) {
      for (let k = 0; k < needed; k += 1) result[i + k] = low + 1 + k;
    } else if (high === Number.POSITIVE_INFINITY) {
      let next = (gap[gap.length - 1] ?? low) + 1;
      for (let k = 0; k < needed; k += 1) {
        const fromGap = gap[k];
        result[i + k] = fromGap ?? next;
        if (fromGap === undefined) next += 1;
      }
    }
    i = j + 1;
  }
  return result;
}
