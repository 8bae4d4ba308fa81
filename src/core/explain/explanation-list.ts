/**
 * A supervising office's own list of accepted explanations (`xxgk --explanations`, the offline
 * page): one JSON document (docs/cli.md) naming reports by file or by agency and year, each with
 * explanations in the workbook part's fields. Text in, checked data out, host-free so that every
 * front end reads the same format; a damaged explanation is counted, never half-applied.
 */
import { EXPLANATION_LIMIT } from "../model/report-part";
import { explanationFrom, type Explanation } from "./explanations";

/** The largest explanations file read (bytes): 10,000 reports of a few explanations each. */
export const EXPLANATIONS_FILE_LIMIT = 16 * 1024 * 1024;

/** The most reports one file names. */
export const EXPLANATIONS_REPORTS_LIMIT = 10_000;

/** The format's name and version, written at the top of the file. */
export const EXPLANATIONS_FORMAT = "xxgk-explanations";
export const EXPLANATIONS_VERSION = 1;

/** Why an explanations file cannot be used at all (the run stops with exit code 2). */
export type ExplanationsFileProblem =
  | { readonly code: "unreadable"; readonly detail: string }
  | { readonly code: "not-a-file" }
  | { readonly code: "too-large"; readonly bytes: number }
  | { readonly code: "not-json"; readonly detail: string }
  | { readonly code: "not-the-format" }
  | { readonly code: "too-many-reports"; readonly count: number };

/** Thrown when the explanations file cannot be used; the text comes from cli-messages. */
export class ExplanationsFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: ExplanationsFileProblem,
  ) {
    super(`${file}: ${problem.code}`);
    this.name = "ExplanationsFileError";
  }
}

/** One report's accepted explanations, named by its file or by its agency and year. */
export interface ExplainedReport {
  readonly file?: string;
  readonly agency?: string;
  readonly year?: number;
  readonly explanations: readonly Explanation[];
}

/** A read explanations file. */
export interface ExplanationsFile {
  readonly reports: readonly ExplainedReport[];
  /** Entries that could not be used (damaged, over a limit, naming no report): counted and said. */
  readonly skipped: number;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" && value.length <= 1000
    ? value.trim()
    : undefined;
}

/** The explanations file's content, checked; throws ExplanationsFileError when it is unusable. */
export function parseExplanationsFile(file: string, content: string): ExplanationsFile {
  let value: unknown;
  try {
    value = JSON.parse(content.replace(/^\uFEFF/u, "")) as unknown;
  } catch (error) {
    throw new ExplanationsFileError(file, {
      code: "not-json",
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ExplanationsFileError(file, { code: "not-the-format" });
  const root = value as Record<string, unknown>;
  if (
    root["format"] !== EXPLANATIONS_FORMAT ||
    root["version"] !== EXPLANATIONS_VERSION ||
    !Array.isArray(root["reports"])
  )
    throw new ExplanationsFileError(file, { code: "not-the-format" });
  const entries = root["reports"] as unknown[];
  if (entries.length > EXPLANATIONS_REPORTS_LIMIT)
    throw new ExplanationsFileError(file, { code: "too-many-reports", count: entries.length });
  const reports: ExplainedReport[] = [];
  let skipped = 0;
  for (const entry of entries) {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      skipped += 1;
      continue;
    }
    const e = entry as Record<string, unknown>;
    const name = text(e["file"]);
    const agency = text(e["agency"]);
    const year =
      typeof e["year"] === "number" && Number.isInteger(e["year"]) ? e["year"] : undefined;
    const list = Array.isArray(e["explanations"]) ? (e["explanations"] as unknown[]) : [];
    // A report is named by its file, or by its agency and year together: either alone could
    // match another year's report of the same agency.
    if (name === undefined && (agency === undefined || year === undefined)) {
      skipped += Math.max(1, list.length);
      continue;
    }
    const explanations: Explanation[] = [];
    for (const item of list) {
      const explanation =
        explanations.length < EXPLANATION_LIMIT ? explanationFrom(item) : undefined;
      if (explanation === undefined) skipped += 1;
      else explanations.push(explanation);
    }
    reports.push({
      ...(name === undefined ? {} : { file: name }),
      ...(name !== undefined || agency === undefined ? {} : { agency }),
      ...(name !== undefined || year === undefined ? {} : { year }),
      explanations,
    });
  }
  return { reports, skipped };
}

/** Slashes one way, so a name written on Windows matches one shown on Linux. */
function normalName(name: string): string {
  return name.replace(/\\/gu, "/").replace(/^\.\//u, "");
}

/**
 * The explanations the file keeps for one report: those named by its file (as shown in the
 * output, or by its base name) and those named by its agency and year, in the file's order.
 */
export function explanationsFor(
  list: ExplanationsFile | undefined,
  display: string,
  identity: { readonly agency?: string; readonly year?: number },
): Explanation[] {
  if (list === undefined) return [];
  const shown = normalName(display);
  const base = shown.slice(shown.lastIndexOf("/") + 1);
  return list.reports
    .filter((r) =>
      r.file !== undefined
        ? normalName(r.file) === shown || normalName(r.file) === base
        : r.agency === identity.agency && r.year === identity.year,
    )
    .flatMap((r) => r.explanations);
}
