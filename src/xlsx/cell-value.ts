/**
 * One exceljs cell value → the plain value the core reads: numbers, strings (rich text and
 * hyperlinks as their plain text), booleans, Excel errors as their text ("#N/A"), dates as ISO text
 * (a date is never a figure, so the reader reports it), formulas as their calculated result.
 */
import type { CellValue } from "exceljs";
import type { RawCell } from "../core/model/figures";

/** A formula cell whose file holds no calculated value. */
export interface PendingFormula {
  readonly pending: true;
  readonly formula: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** "2024-12-31" for a date (UTC, as exceljs decodes serial dates); time kept when not midnight. */
function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
}

/** Plain text of rich text runs, a hyperlink's text, or a string. */
function plainText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (isRecord(value) && Array.isArray(value["richText"])) {
    return (value["richText"] as unknown[])
      .map((run) => (isRecord(run) && typeof run["text"] === "string" ? run["text"] : ""))
      .join("");
  }
  return undefined;
}

/** A scalar result (number, string, boolean, date, error) as a raw cell, or undefined. */
function scalar(value: unknown): RawCell | undefined {
  if (value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : "#NUM!";
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateText(value);
  const text = plainText(value);
  if (text !== undefined) return text;
  if (isRecord(value) && typeof value["error"] === "string") return value["error"];
  return undefined;
}

/** The raw cell for an exceljs value; a formula without a result comes back as pending. */
export function rawCellOf(value: CellValue): RawCell | PendingFormula {
  if (value === undefined || value === null) return null;
  const direct = scalar(value);
  if (direct !== undefined) return direct;
  if (isRecord(value)) {
    const formula = value["formula"] ?? value["sharedFormula"];
    if (typeof formula === "string") {
      if ("result" in value && value["result"] !== undefined)
        return scalar(value["result"]) ?? null;
      return { pending: true, formula };
    }
    if ("hyperlink" in value) return plainText(value["text"]) ?? null;
  }
  return null;
}

/** Whether a value is a pending formula. */
export function isPending(value: RawCell | PendingFormula): value is PendingFormula {
  return typeof value === "object" && value !== null;
}
