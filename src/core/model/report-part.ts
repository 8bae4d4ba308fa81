/**
 * The report's settings as a custom XML part of the workbook (customXml/itemN.xml in the .xlsx):
 * the year, the agency, how the report refers to itself, last year's sheet, and room for the
 * explanations a user gives for findings. Workbook settings belong to one add-in instance
 * (office-js#840: a catalog copy and a sideloaded copy do not share them); a custom XML part is
 * in the file for every copy of the add-in and for the command line. Plain strings in and out:
 * the format is ours, small and flat, so a strict pattern reads it; anything else reads as none.
 */

/** The part's namespace (a fully qualified URI, as getByNamespace asks). */
export const REPORT_PART_NAMESPACE = "urn:xxgk-report:settings:1";

/** The largest part read (bytes of XML); a larger one is not ours or is damaged. */
export const REPORT_PART_LIMIT = 64 * 1024;

/** An explanation the user gave for a finding, by the finding's key (rule and cells). */
export interface FindingExplanation {
  readonly key: string;
  readonly text: string;
}

export interface ReportPart {
  readonly year?: number;
  readonly agency?: string;
  readonly self?: string;
  /** The sheet holding last year's tables. */
  readonly lastYearSheet?: string;
  readonly explanations?: readonly FindingExplanation[];
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

/** The part's XML. */
export function reportPartXml(part: ReportPart): string {
  const element = (name: string, value: string | number | undefined): string =>
    value === undefined ? "" : `<${name}>${escape(String(value))}</${name}>`;
  const explanations = (part.explanations ?? [])
    .map((e) => `<explanation key="${escape(e.key)}">${escape(e.text)}</explanation>`)
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
  const explanations = [
    ...body.matchAll(/<explanation key="([^"]*)">([^<]*)<\/explanation>/gu),
  ].map((m) => ({ key: unescape(m[1]!), text: unescape(m[2]!) }));
  return {
    saved: Number(root[2]),
    ...(year === undefined ? {} : { year }),
    ...(agency === undefined ? {} : { agency }),
    ...(self === undefined ? {} : { self }),
    ...(lastYearSheet === undefined ? {} : { lastYearSheet }),
    ...(explanations.length === 0 ? {} : { explanations }),
  };
}

/** The newest of several parts (several copies of the add-in may each have saved one). */
export function newestPart(parts: readonly (ReportPart | undefined)[]): ReportPart | undefined {
  let newest: ReportPart | undefined;
  for (const p of parts)
    if (p !== undefined && (newest === undefined || p.saved >= newest.saved)) newest = p;
  return newest;
}
