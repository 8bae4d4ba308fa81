/**
 * Minimal Word documents for tests: paragraphs and tables in the official layouts, with merged
 * cells written as Word writes them (w:gridSpan across, w:vMerge restart/continue down).
 */
import JSZip from "jszip";
import type { RawCell } from "../../../src/core/model/figures";
import type { TableLayout } from "../../../src/core/model/layout";
import type { CellKey } from "../../../src/core/model/tables";
import { escapeXml } from "../../../src/xlsx/xml";

/** A block of the document body. */
export type DocxBlock =
  | { readonly kind: "paragraph"; readonly text: string }
  | {
      readonly kind: "table";
      readonly layout: TableLayout;
      readonly value: (cell: CellKey) => RawCell;
    };

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function paragraph(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

function table(layout: TableLayout, value: (cell: CellKey) => RawCell): string {
  const rows: string[] = [];
  for (let r = 0; r < layout.rows; r++) {
    const cells: string[] = [];
    let c = 0;
    while (c < layout.columns) {
      const anchor = layout.cells.find((x) => x.row === r && x.column === c);
      const above = layout.cells.find((x) => x.column === c && x.row < r && x.row + x.rowSpan > r);
      const cell = anchor ?? above;
      const span = cell?.columnSpan ?? 1;
      const props: string[] = [];
      if (span > 1) props.push(`<w:gridSpan w:val="${span}"/>`);
      if (anchor !== undefined && anchor.rowSpan > 1) props.push(`<w:vMerge w:val="restart"/>`);
      if (anchor === undefined && above !== undefined) props.push(`<w:vMerge/>`);
      const raw =
        anchor === undefined
          ? null
          : anchor.cell !== undefined
            ? value(anchor.cell)
            : (anchor.text ?? null);
      const text = raw === null ? "" : String(raw);
      cells.push(`<w:tc><w:tcPr>${props.join("")}</w:tcPr>${paragraph(text)}</w:tc>`);
      c += span;
    }
    rows.push(`<w:tr>${cells.join("")}</w:tr>`);
  }
  const grid = Array.from({ length: layout.columns }, () => `<w:gridCol w:w="900"/>`).join("");
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join("")}</w:tbl>`;
}

/** The bytes of a .docx holding the blocks. */
export async function buildDocx(blocks: readonly DocxBlock[]): Promise<Uint8Array> {
  const body = blocks
    .map((b) => (b.kind === "paragraph" ? paragraph(b.text) : table(b.layout, b.value)))
    .join("");
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
