/**
 * A Word report (.docx) → its tables as Grids (one per w:tbl, merged cells from w:gridSpan and
 * w:vMerge keep their text in the top-left cell only, as in a worksheet) and its paragraphs outside
 * tables as the narrative, one paragraph per line. Read with a zip library and an XML parser.
 * Cannot see text in text boxes' fallback copies, comments, headers or footers (not report text).
 */
import JSZip from "jszip";
import type { Element, Node } from "@xmldom/xmldom";
import type { Grid, RawCell } from "../core/model/figures";
import { CorruptFileError } from "./errors";
import { attribute, childElements, firstChild, isElement, parseXml } from "./xml";

/** What a Word report holds for the checker. */
export interface DocxContent {
  /** Each table as a grid named 表格1, 表格2…; addresses in them are positions in the table. */
  readonly grids: Grid[];
  /** Paragraphs outside tables, one per line, in document order. */
  readonly narrative: string;
  /**
   * The whole document in reading order for the structure rules: each paragraph a line, each table
   * row a line of its cells separated by tabs (a cell's own line breaks become spaces), a row with
   * a single filled cell that cell alone.
   */
  readonly text: string;
}

/** The sheet name given to the n-th table (1-based) of a document. */
export function docxTableName(index: number): string {
  return `表格${index}`;
}

/** Text of a paragraph or run container: w:t text, tabs and breaks; deleted text and field codes skipped. */
function textOf(node: Node): string {
  let text = "";
  const walk = (n: Node): void => {
    for (let child = n.firstChild; child !== null; child = child.nextSibling) {
      if (!isElement(child)) continue;
      switch (child.localName) {
        case "t":
          text += child.textContent ?? "";
          break;
        case "tab":
          text += "\t";
          break;
        case "br":
        case "cr":
          text += "\n";
          break;
        case "del":
        case "delText":
        case "instrText":
        case "Fallback":
        case "rPr":
        case "pPr":
          break;
        default:
          walk(child);
      }
    }
  };
  walk(node);
  return text;
}

/** The block-level children of a body or cell, looking through content controls (w:sdt). */
function blocks(container: Node): Element[] {
  const found: Element[] = [];
  for (const child of childElements(container)) {
    if (child.localName === "sdt") {
      const content = firstChild(child, "sdtContent");
      if (content !== undefined) found.push(...blocks(content));
    } else if (child.localName === "customXml" || child.localName === "ins") {
      found.push(...blocks(child));
    } else {
      found.push(child);
    }
  }
  return found;
}

/** Text of a table cell: its paragraphs joined by line breaks (nested tables' text included). */
function cellText(cell: Element): string {
  const lines: string[] = [];
  for (const b of blocks(cell)) {
    if (b.localName === "p") lines.push(textOf(b));
    else if (b.localName === "tbl") {
      for (const row of rowsOf(b)) for (const c of cellsOf(row)) lines.push(cellText(c));
    }
  }
  return lines.join("\n").trim();
}

function rowsOf(table: Element): Element[] {
  return blocks(table).filter((e) => e.localName === "tr");
}

function cellsOf(row: Element): Element[] {
  return blocks(row).filter((e) => e.localName === "tc");
}

function intAttribute(element: Element | undefined, fallback: number): number {
  if (element === undefined) return fallback;
  const value = Number(attribute(element, "val"));
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** One w:tbl as a grid: column positions from w:gridBefore and w:gridSpan, vertical merges nulled. */
function tableGrid(table: Element, name: string): Grid {
  const rows: RawCell[][] = [];
  for (const row of rowsOf(table)) {
    const trPr = firstChild(row, "trPr");
    let column = trPr === undefined ? 0 : intAttribute(firstChild(trPr, "gridBefore"), 0);
    const line: RawCell[] = Array<RawCell>(column).fill(null);
    for (const cell of cellsOf(row)) {
      const tcPr = firstChild(cell, "tcPr");
      const span = tcPr === undefined ? 1 : intAttribute(firstChild(tcPr, "gridSpan"), 1);
      const vMerge = tcPr === undefined ? undefined : firstChild(tcPr, "vMerge");
      // A w:vMerge without val="restart" continues the cell above: its text belongs up there.
      const continues = vMerge !== undefined && attribute(vMerge, "val") !== "restart";
      const text = continues ? "" : cellText(cell);
      line[column] = text === "" ? null : text;
      for (let k = 1; k < span; k++) line[column + k] = null;
      column += span;
    }
    rows.push(line);
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  return {
    sheet: name,
    origin: "A1",
    values: rows.map((r) =>
      r.length < width ? [...r, ...Array<RawCell>(width - r.length).fill(null)] : r,
    ),
  };
}

/** Reads a .docx file's bytes. */
export async function readDocx(file: string, bytes: Uint8Array): Promise<DocxContent> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new CorruptFileError(file, error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  const part = zip.file("word/document.xml");
  if (part === null) throw new CorruptFileError(file, "word/document.xml missing");
  let xml: string;
  try {
    xml = await part.async("string");
  } catch (error) {
    throw new CorruptFileError(file, error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  const document = parseXml(file, "word/document.xml", xml);
  const root = document.documentElement;
  const body = root === null ? undefined : firstChild(root, "body");
  if (body === undefined) throw new CorruptFileError(file, "document has no body");
  const grids: Grid[] = [];
  const lines: string[] = [];
  const all: string[] = [];
  for (const b of blocks(body)) {
    if (b.localName === "p") {
      const text = textOf(b);
      lines.push(text);
      all.push(text);
    } else if (b.localName === "tbl") {
      const grid = tableGrid(b, docxTableName(grids.length + 1));
      grids.push(grid);
      for (const row of grid.values) {
        const cells = row.map((v) => (v === null ? "" : String(v).replace(/\s*\n\s*/gu, " ")));
        const filled = cells.filter((c) => c !== "");
        // A row of one merged cell is a line of its own: a heading set in a table's first row
        // ("四、政府信息公开行政复议、行政诉讼情况") is still a heading.
        all.push(filled.length <= 1 ? (filled[0] ?? "") : cells.join("\t"));
      }
    }
  }
  return { grids, narrative: lines.join("\n"), text: all.join("\n") };
}
