import JSZip from "jszip";
import { reportPartXml } from "../../src/core/model/report-part";
import { loadReportBytes } from "../../src/formats/report/load-report";
import { templateBytes } from "../../src/xlsx/write-template";

/** A template workbook with the add-in's custom XML parts added, as Excel saves them. */
async function withParts(xml: readonly string[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(
    await templateBytes({ tables: ["T3"], year: 2023, agency: "某县人民政府办公室" }),
  );
  xml.forEach((x, i) => zip.file(`customXml/item${i + 1}.xml`, x));
  return zip.generateAsync({ type: "uint8array" });
}

describe("the command line reads what the add-in kept in the workbook (issue 10 item 12)", () => {
  it("takes year and agency from the add-in's part before the title, the newest part winning", async () => {
    const bytes = await withParts([
      reportPartXml({ year: 2024, agency: "旧的名称", saved: 1 }),
      reportPartXml({ year: 2025, agency: "曲阜市时庄街道办事处 & 党工委", saved: 2 }),
      '<?xml version="1.0"?><other xmlns="urn:someone-else"><year>1999</year></other>',
    ]);
    const report = await loadReportBytes("a.xlsx", bytes);
    expect(report.identity).toEqual({ year: 2025, agency: "曲阜市时庄街道办事处 & 党工委" });
  });

  it("falls back to the title without a part of ours", async () => {
    const report = await loadReportBytes("a.xlsx", await withParts([]));
    expect(report.identity.year).toBe(2023);
  });
});
