/**
 * Puts the add-in's custom XML part into a workbook's package, as Excel keeps it when the pane
 * saves (customXml/itemN.xml): the XML is the one storage code of core/model/report-part.ts.
 */
import JSZip from "jszip";
import { reportPartXml, type ReportPart } from "../../../src/core/model/report-part";

/** The workbook's bytes with the part added as customXml/item1.xml. */
export async function withReportPart(bytes: Uint8Array, part: ReportPart): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file("customXml/item1.xml", reportPartXml(part));
  return zip.generateAsync({ type: "uint8array" });
}
