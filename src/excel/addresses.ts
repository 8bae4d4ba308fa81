/**
 * A1 rectangles for the adapter: parsing Excel's sheet-qualified addresses, and grouping single
 * cells into as few rectangles as possible (one format or rule per rectangle, not per cell).
 */
import { rectangles } from "../core/template/highlights";
import { cellAddress, parseCellAddress } from "../core/model/address";

/** A zero-based, inclusive rectangle of cells. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Splits "Sheet1!D8" or "'My sheet'!D8:E9" into its sheet and local address. */
export function splitQualified(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("=")) sheet = sheet.slice(1);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/gu, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** "D8" or "$A$1:$D$16" (one area) as a rectangle. */
export function parseRect(local: string): Rect {
  const [a, b] = local.split(":");
  const start = parseCellAddress(a!);
  const end = parseCellAddress(b ?? a!);
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

/** "D8:E9", or "D8" for one cell. */
export function rectAddress(rect: Rect): string {
  const a = cellAddress(rect.top, rect.left);
  const b = cellAddress(rect.bottom, rect.right);
  return a === b ? a : `${a}:${b}`;
}

export function rectCells(rect: Rect): { row: number; column: number }[] {
  const out: { row: number; column: number }[] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) out.push({ row: r, column: c });
  }
  return out;
}

export function rectSize(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

export function intersectRects(a: Rect, b: Rect): Rect | undefined {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : undefined;
}

/** The parts of `outer` not covered by `inner` (at most four rectangles). */
export function subtractRect(outer: Rect, inner: Rect | undefined): Rect[] {
  if (inner === undefined) return [outer];
  const parts: Rect[] = [];
  if (inner.top > outer.top) parts.push({ ...outer, bottom: inner.top - 1 });
  if (inner.bottom < outer.bottom) parts.push({ ...outer, top: inner.bottom + 1 });
  if (inner.left > outer.left)
    parts.push({ top: inner.top, bottom: inner.bottom, left: outer.left, right: inner.left - 1 });
  if (inner.right < outer.right)
    parts.push({ top: inner.top, bottom: inner.bottom, left: inner.right + 1, right: outer.right });
  return parts;
}

/** Splits a rectangle into row bands of at most `cells` cells each (at least one row per band). */
export function splitRect(rect: Rect, cells: number): Rect[] {
  const width = rect.right - rect.left + 1;
  const rows = Math.max(1, Math.floor(cells / width));
  const parts: Rect[] = [];
  for (let top = rect.top; top <= rect.bottom; top += rows) {
    parts.push({ ...rect, top, bottom: Math.min(rect.bottom, top + rows - 1) });
  }
  return parts;
}

/**
 * The areas of a comma-separated address ("'2024年,表三'!A1:B2,'2024年,表三'!D4"): split only on
 * commas outside single quotes, since a sheet name may hold a comma (quoted, with '' for ').
 */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    // A doubled quote inside a quoted name toggles twice: it stays quoted.
    if (ch === "'") quoted = !quoted;
    else if (ch === "," && !quoted) {
      out.push(address.slice(start, i));
      start = i + 1;
    }
  }
  out.push(address.slice(start));
  return out;
}

/** Every cell of a comma-separated list of areas ("D8,E8:F9"). */
export function expandAreas(areas: string): { row: number; column: number }[] {
  return splitAreas(areas)
    .map((a) => a.trim())
    .filter((a) => a !== "")
    .flatMap((a) => rectCells(parseRect(a)));
}

/** Cells grouped into rectangles: runs per row, stacked while they line up (the core's grouping). */
export const groupRectangles: (points: readonly { row: number; column: number }[]) => Rect[] =
  rectangles;
