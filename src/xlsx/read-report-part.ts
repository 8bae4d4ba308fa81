/**
 * The add-in's custom XML part in an .xlsx (customXml/itemN.xml, namespace
 * core/model/report-part.ts): the year, agency and self-reference the user gave in the pane, so
 * that the command line checks a workbook with what every copy of the add-in saw. Bounded: parts
 * larger than REPORT_PART_LIMIT are not read. No part, or none of ours: undefined.
 */
import JSZip from "jszip";
import {
  newestPart,
  parseReportPart,
  REPORT_PART_LIMIT,
  type ReportPart,
} from "../core/model/report-part";
import { zipInventory } from "./zip-inventory";

const PART_NAME = /^customXml\/item\d{1,4}\.xml$/iu;

/** The newest report part of the package, if any. */
export async function readReportPart(bytes: Uint8Array): Promise<ReportPart | undefined> {
  const names = zipInventory(bytes)
    .filter((e) => PART_NAME.test(e.name) && e.uncompressedSize <= REPORT_PART_LIMIT)
    .map((e) => e.name);
  if (names.length === 0) return undefined;
  const zip = await JSZip.loadAsync(bytes);
  const parts: (ReportPart | undefined)[] = [];
  for (const name of names) {
    const entry = zip.file(name);
    if (entry === null) continue;
    const raw = await entry.async("uint8array");
    // Our parts are UTF-8; a part in another encoding is not ours.
    parts.push(parseReportPart(new TextDecoder("utf-8").decode(raw)));
  }
  return newestPart(parts);
}
