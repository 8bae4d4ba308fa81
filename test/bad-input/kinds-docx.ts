/**
 * Hostile and odd .docx inputs (issue 9): spans past the table's grid, nesting deeper than any
 * document, text longer than any report, tables of a million cells, damaged and lying parts.
 * Every input is generated here.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { strToU8, zipSync } from "fflate";
import type { BadInputKind } from "./kind";
import { withDeclaredSize } from "./zip-patch";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** A paragraph that makes the document a report. */
const REPORT_PARAGRAPH = `<w:p><w:r><w:t>本机关2024年政府信息公开工作年度报告。</w:t></w:r></w:p>`;

/** The bytes of a .docx whose body is `body` (or whose document part is `document` as given). */
export function rawDocx(body: string, document?: string): Uint8Array {
  return zipSync(
    {
      "[Content_Types].xml": strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      ),
      "_rels/.rels": strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
      "word/document.xml": strToU8(
        document ??
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
      ),
    },
    { level: 6 },
  );
}

/** A table of `rows` rows of the given cells XML, over a grid of `columns` columns. */
export function tableXml(columns: number, rows: readonly string[]): string {
  const grid = `<w:tblGrid>${`<w:gridCol w:w="900"/>`.repeat(columns)}</w:tblGrid>`;
  return `<w:tbl><w:tblPr/>${grid}${rows.map((r) => `<w:tr>${r}</w:tr>`).join("")}</w:tbl>`;
}

/** A table cell holding one paragraph of text, with optional cell properties. */
export function cellXml(text: string, properties = ""): string {
  return `<w:tc><w:tcPr>${properties}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
}

function write(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

function unreadable(reason: string): RegExp {
  return new RegExp(`：无法读取：${reason.replace(/[/()（）]/gu, (c) => `\\${c}`)}`, "u");
}

export const KINDS: readonly BadInputKind[] = [
  {
    name: "docx-grid-span-huge",
    description: 'a 3 KB document with w:gridSpan="1000000000"',
    make: (dir) =>
      write(
        dir,
        "grid-span.docx",
        rawDocx(REPORT_PARAGRAPH + tableXml(3, [cellXml("1", `<w:gridSpan w:val="1000000000"/>`)])),
      ),
    expect: unreadable("表格行的合并列"),
    exitCode: 2,
  },
  {
    name: "docx-grid-before-huge",
    description: 'a row with w:gridBefore="50000000"',
    make: (dir) =>
      write(
        dir,
        "grid-before.docx",
        rawDocx(
          REPORT_PARAGRAPH +
            `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:trPr><w:gridBefore w:val="50000000"/></w:trPr>${cellXml("1")}</w:tr></w:tbl>`,
        ),
      ),
    expect: unreadable("表格行的合并列"),
    exitCode: 2,
  },
  {
    name: "docx-span-past-grid",
    description: "a 3-column table whose row spans 70 columns",
    make: (dir) =>
      write(
        dir,
        "past-grid.docx",
        rawDocx(REPORT_PARAGRAPH + tableXml(3, [cellXml("1", `<w:gridSpan w:val="70"/>`)])),
      ),
    expect: unreadable("表格行的合并列"),
    exitCode: 2,
  },
  {
    name: "docx-grid-columns-huge",
    description: "a table grid of 5,000 columns",
    make: (dir) => write(dir, "wide-grid.docx", rawDocx(REPORT_PARAGRAPH + tableXml(5_000, []))),
    expect: unreadable("表格行的合并列"),
    exitCode: 2,
  },
  {
    name: "docx-nested-runs-100k",
    description: "100,000 nested runs (a stack overflow for a recursive walk)",
    make: (dir) =>
      write(
        dir,
        "nested-runs.docx",
        rawDocx(
          `<w:p>${"<w:r>".repeat(100_000)}<w:t>政府信息公开</w:t>${"</w:r>".repeat(100_000)}</w:p>`,
        ),
      ),
    expect: unreadable("文件结构嵌套过深"),
    exitCode: 2,
  },
  {
    name: "docx-nested-tables-deep",
    description: "tables nested 200 deep",
    make: (dir) =>
      write(
        dir,
        "nested-tables.docx",
        rawDocx(
          REPORT_PARAGRAPH +
            "<w:tbl><w:tr><w:tc>".repeat(200) +
            "<w:p/>" +
            "</w:tc></w:tr></w:tbl>".repeat(200),
        ),
      ),
    expect: unreadable("文件结构嵌套过深"),
    exitCode: 2,
  },
  {
    name: "docx-sdt-deep",
    description: "content controls nested 1,000 deep around a paragraph",
    make: (dir) =>
      write(
        dir,
        "sdt-deep.docx",
        rawDocx(
          "<w:sdt><w:sdtContent>".repeat(1_000) +
            REPORT_PARAGRAPH +
            "</w:sdtContent></w:sdt>".repeat(1_000),
        ),
      ),
    expect: unreadable("文件结构嵌套过深"),
    exitCode: 2,
  },
  {
    name: "docx-line-140kb",
    description: "one paragraph of 140 KB: 共收到9件，其中… repeated",
    make: (dir) =>
      write(
        dir,
        "long-line.docx",
        rawDocx(
          `<w:p><w:r><w:t>政府信息公开${"共收到9件，其中自然人9件。".repeat(10_000)}</w:t></w:r></w:p>`,
        ),
      ),
    expect: unreadable("文字过长"),
    exitCode: 2,
  },
  {
    name: "docx-full-width-digits",
    description: "a paragraph of 150,000 full-width digits",
    make: (dir) =>
      write(
        dir,
        "full-width.docx",
        rawDocx(`<w:p><w:r><w:t>政府信息公开${"１２３".repeat(50_000)}</w:t></w:r></w:p>`),
      ),
    expect: unreadable("文字过长"),
    exitCode: 2,
  },
  {
    name: "docx-text-huge",
    description: "2.5 million characters in 250 paragraphs of 10,000",
    make: (dir) =>
      write(
        dir,
        "huge-text.docx",
        rawDocx(
          REPORT_PARAGRAPH + `<w:p><w:r><w:t>${"公".repeat(10_000)}</w:t></w:r></w:p>`.repeat(250),
        ),
      ),
    expect: unreadable("文字过长"),
    exitCode: 2,
  },
  {
    name: "docx-cell-text-huge",
    description: "a table cell of 40,000 characters in four paragraphs",
    make: (dir) =>
      write(
        dir,
        "cell-text.docx",
        rawDocx(
          REPORT_PARAGRAPH +
            tableXml(1, [
              `<w:tc>${`<w:p><w:r><w:t>${"表".repeat(10_000)}</w:t></w:r></w:p>`.repeat(4)}</w:tc>`,
            ]),
        ),
      ),
    expect: unreadable("文字过长"),
    exitCode: 2,
  },
  {
    name: "docx-million-cells",
    description: "a table of 16,000 rows × 63 cells (1,008,000 cells)",
    make: (dir) =>
      write(
        dir,
        "million-cells.docx",
        rawDocx(
          REPORT_PARAGRAPH +
            tableXml(63, Array<string>(16_000).fill(`<w:tc><w:p/></w:tc>`.repeat(63))),
        ),
      ),
    expect: unreadable("工作表单元格过多"),
    exitCode: 2,
    timeoutMs: 40_000,
  },
  {
    name: "docx-document-damaged",
    description: "word/document.xml cut off in the middle",
    make: (dir) =>
      write(dir, "damaged.docx", rawDocx("", `<w:document xmlns:w="${W}"><w:body><w:p><w:r>`)),
    expect: unreadable("文件已损坏，无法打开"),
    exitCode: 2,
  },
  {
    name: "docx-entities",
    description: "a document with a DOCTYPE of nested entities (billion laughs)",
    make: (dir) =>
      write(
        dir,
        "entities.docx",
        rawDocx(
          "",
          `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "政府信息公开"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>`,
        ),
      ),
    expect: unreadable("文件已损坏，无法打开"),
    exitCode: 2,
  },
  {
    name: "docx-declared-bomb",
    description: "word/document.xml declaring 4 GB unpacked",
    make: (dir) =>
      write(
        dir,
        "declared-bomb.docx",
        withDeclaredSize(rawDocx(REPORT_PARAGRAPH), "word/document.xml", 0xfffffff0),
      ),
    expect: unreadable("文件过大"),
    exitCode: 2,
  },
  {
    name: "docx-lying-size",
    description: "word/document.xml unpacking to 1 MB while declaring 200 bytes",
    make: (dir) =>
      write(
        dir,
        "lying-size.docx",
        withDeclaredSize(
          rawDocx(
            REPORT_PARAGRAPH + `<w:p><w:r><w:t>${"字".repeat(5_000)}</w:t></w:r></w:p>`.repeat(60),
          ),
          "word/document.xml",
          200,
        ),
      ),
    expect: unreadable("文件已损坏，无法打开"),
    exitCode: 2,
  },
  {
    name: "docx-nested-runs-annotate",
    description: "annotate of a document of 100,000 nested runs (once a stack trace from annotate)",
    make: (dir) =>
      write(
        dir,
        "nested-runs.docx",
        rawDocx(
          `<w:p>${"<w:r>".repeat(100_000)}<w:t>政府信息公开</w:t>${"</w:r>".repeat(100_000)}</w:p>`,
        ),
      ),
    args: ["annotate"],
    after: ["out.xlsx"],
    expect: /nested-runs\.docx：文件结构嵌套过深（超过 100 层）$/u,
    exitCode: 2,
  },
];
