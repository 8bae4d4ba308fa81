/**
 * The report's settings as a custom XML part of the workbook (customXml/itemN.xml in the .xlsx):
 * the year, the agency, how the report refers to itself, last year's sheet, and the
 * explanations a clerk gave for findings (core/explain: rule, code, key, the cells with the
 * values they showed, the reason, the date). Workbook settings belong to one add-in instance
 * (office-js#840: a catalog copy and a sideloaded copy do not share them); a custom XML part is
 * in the file for every copy of the add-in and for the command line. Plain strings in and out:
 * the format is ours, small and flat, so a strict pattern reads it; anything else reads as none.
 */

/** The part's namespace (a fully qualified URI, as getByNamespace asks). */
export const REPORT_PART_NAMESPACE = "urn:xxgk-report:settings:1";

import { EXPLAINED_CELLS_LIMIT, explanationFrom, type Explanation } from "../explain/explanations";

/**
 * The largest part read (bytes of XML); a larger one is not ours or is damaged. Room for
 * EXPLANATION_LIMIT explanations with reasons of REASON_LIMIT Chinese characters (3 bytes each).
 */
export const REPORT_PART_LIMIT = 512 * 1024;

/** The most explanations kept in a part; more are counted as skipped, never read. */
export const EXPLANATION_LIMIT = 200;

export interface ReportPart {
  readonly year?: number;
  readonly agency?: string;
  readonly self?: string;
  /** The sheet holding last year's tables. */
  readonly lastYearSheet?: string;
  readonly explanations?: readonly Explanation[];
  /**
   * Explanations in the part that could not be read (damaged, over a limit, or of an older
   * part without the values to check them against): reported, not silently dropped.
   */
  readonly explanationsSkipped?: number;
  /** When it was saved (milliseconds since 1970): the newest of several parts wins. */
  readonly saved: number;
}

function escape(text: string): string {
  return text
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/"/gu, "&quot;");
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&#(\d{1,7});/gu, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/gu, "&");
}

function explanationXml(e: Explanation): string {
  // Written whole: an explanation over a limit is skipped and counted by the reader, not cut.
  const cells = e.cells
    .map(
      (c) =>
        `<cell id="${escape(c.id)}"` +
        (c.address === undefined ? "" : ` address="${escape(c.address)}"`) +
        ` value="${escape(c.value)}"/>`,
    )
    .join("");
  return (
    `<explanation rule="${escape(e.rule)}" code="${escape(e.code)}" key="${escape(e.key)}"` +
    ` date="${escape(e.date)}">${cells}<reason>${escape(e.reason)}</reason>` +
    `</explanation>`
  );
}

/** The part's XML. */
export function reportPartXml(part: ReportPart): string {
  const element = (name: string, value: string | number | undefined): string =>
    value === undefined ? "" : `<${name}>${escape(String(value))}</${name}>`;
  // The newest are last and kept when there are too many.
  const explanations = (part.explanations ?? [])
    .slice(-EXPLANATION_LIMIT)
    .map(explanationXml)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<report xmlns="${REPORT_PART_NAMESPACE}" saved="${part.saved}">` +
    element("year", part.year) +
    element("agency", part.agency) +
    element("self", part.self) +
    element("lastYearSheet", part.lastYearSheet) +
    `<explanations>${explanations}</explanations>` +
    `</report>`
  );
}

/** The settings in a part's XML; undefined when it is not our part or not readable. */
export function parseReportPart(xml: string): ReportPart | undefined {
  if (xml.length > REPORT_PART_LIMIT) return undefined;
  const root = /<report\s+xmlns="([^"]*)"\s+saved="(\d{1,16})"\s*>([\s\S]*)<\/report>\s*$/u.exec(
    xml.replace(/^\uFEFF?<\?xml[^>]*\?>\s*/u, ""),
  );
  if (root === null || root[1] !== REPORT_PART_NAMESPACE) return undefined;
  const body = root[3]!;
  const text = (name: string): string | undefined => {
    const m = new RegExp(`<${name}>([^<]*)</${name}>`, "u").exec(body);
    const value = m === null ? undefined : unescape(m[1]!).trim();
    return value === "" ? undefined : value;
  };
  const yearText = text("year");
  const year = yearText !== undefined && /^\d{4}$/u.test(yearText) ? Number(yearText) : undefined;
  const agency = text("agency");
  const self = text("self");
  const lastYearSheet = text("lastYearSheet");
  const { explanations, skipped } = parseExplanations(body);
  return {
    saved: Number(root[2]),
    ...(year === undefined ? {} : { year }),
    ...(agency === undefined ? {} : { agency }),
    ...(self === undefined ? {} : { self }),
    ...(lastYearSheet === undefined ? {} : { lastYearSheet }),
    ...(explanations.length === 0 ? {} : { explanations }),
    ...(skipped === 0 ? {} : { explanationsSkipped: skipped }),
  };
}

const EXPLANATION = /<explanation\b([^>]*)>([\s\S]*?)<\/explanation>/gu;
const ATTRIBUTE = /([A-Za-z]+)="([^"]*)"/gu;
const CELL = /<cell\b([^>]*)\/>/gu;
/** One cell element past the limit is enough to refuse an explanation; the rest are not read. */
const CELLS_READ = EXPLAINED_CELLS_LIMIT + 1;

function attributes(text: string): Record<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) if (!out.has(m[1]!)) out.set(m[1]!, unescape(m[2]!));
  return Object.fromEntries(out);
}

/** One explanation element, checked as any outside explanation is (explanationFrom). */
function parseExplanation(head: string, inner: string): Explanation | undefined {
  const cells: Record<string, string>[] = [];
  for (const m of inner.matchAll(CELL)) {
    cells.push(attributes(m[1]!));
    if (cells.length === CELLS_READ) break;
  }
  const reason = /<reason>([^<]*)<\/reason>/u.exec(inner);
  return explanationFrom({
    ...attributes(head),
    cells,
    reason: reason === null ? "" : unescape(reason[1]!),
  });
}

/**
 * The explanations of a part's body, at most EXPLANATION_LIMIT; the rest, the unreadable ones and
 * those of an older part (a key and a text, no values to check them against) are counted.
 */
function parseExplanations(body: string): { explanations: Explanation[]; skipped: number } {
  const explanations: Explanation[] = [];
  let skipped = 0;
  for (const m of body.matchAll(EXPLANATION)) {
    const e = explanations.length < EXPLANATION_LIMIT ? parseExplanation(m[1]!, m[2]!) : undefined;
    if (e === undefined) skipped += 1;
    else explanations.push(e);
  }
  return { explanations, skipped };
}

/** The newest of several parts (several copies of the add-in may each have saved one). */
export function newestPart(parts: readonly (ReportPart | undefined)[]): ReportPart | undefined {
  let newest: ReportPart | undefined;
  for (const p of parts)
    if (p !== undefined && (newest === undefined || p.saved >= newest.saved)) newest = p;
  return newest;
}
