/**
 * Raw .xlsx packages written part by part (fflate), for inputs no spreadsheet library would write:
 * damaged or missing parts, hostile sizes, labels repeated under merges. A minimal package holds
 * [Content_Types].xml, the package and workbook relationships, workbook.xml and one part per sheet.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { strToU8, Zip, ZipDeflate, zipSync, type Zippable } from "fflate";
import { escapeXml } from "../../src/xlsx/xml";

/** One sheet of a raw package. */
export interface RawSheet {
  readonly name: string;
  /** The worksheet XML, or undefined to leave the part out (listed in workbook.xml, missing). */
  readonly xml: string | undefined;
  readonly state?: "hidden" | "veryHidden";
}

/** What goes into a raw package. */
export interface RawPackage {
  readonly sheets: readonly RawSheet[];
  readonly sharedStrings?: readonly string[];
  /** Raw sharedStrings.xml instead of `sharedStrings`. */
  readonly sharedStringsXml?: string;
  readonly title?: string;
  /** Parts added or replaced as they are. */
  readonly extra?: Readonly<Record<string, string | Uint8Array>>;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A worksheet part around rows of cells XML and optional merge references. */
export function sheetXml(rows: string, merges: readonly string[] = []): string {
  const mergeXml =
    merges.length === 0
      ? ""
      : `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${mergeXml}</worksheet>`;
}

/** Cells XML for a grid of values (row by row from A1; null = no cell; strings inline). */
export function rowsXml(values: readonly (readonly (string | number | null)[])[], top = 1): string {
  return values
    .map((line, r) => {
      const cells = line
        .map((v, c) => {
          if (v === null) return "";
          const ref = `${columnName(c)}${top + r}`;
          return typeof v === "number"
            ? `<c r="${ref}"><v>${v}</v></c>`
            : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
        })
        .join("");
      return `<row r="${top + r}">${cells}</row>`;
    })
    .join("");
}

/** "A", "B", … "AA" for a zero-based column. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function frameParts(pkg: RawPackage): Zippable {
  const sheets = pkg.sheets
    .map(
      (s, i) =>
        `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state === undefined ? "" : ` state="${s.state}"`} r:id="rId${i + 1}"/>`,
    )
    .join("");
  const sheetRels = pkg.sheets
    .map(
      (_s, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  const parts: Zippable = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${sheetRels}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
  };
  if (pkg.title !== undefined)
    parts["docProps/core.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(pkg.title)}</dc:title></cp:coreProperties>`,
    );
  if (pkg.sharedStringsXml !== undefined)
    parts["xl/sharedStrings.xml"] = strToU8(pkg.sharedStringsXml);
  else if (pkg.sharedStrings !== undefined)
    parts["xl/sharedStrings.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${pkg.sharedStrings.length}">${pkg.sharedStrings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join("")}</sst>`,
    );
  return parts;
}

/** The bytes of a raw package. */
export function rawXlsx(pkg: RawPackage): Uint8Array {
  const parts = frameParts(pkg);
  pkg.sheets.forEach((s, i) => {
    if (s.xml !== undefined) parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml);
  });
  for (const [name, content] of Object.entries(pkg.extra ?? {}))
    parts[name] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(parts, { level: 6 });
}

/**
 * Writes a one-sheet workbook of `rows` × `columns` number cells straight to a file, the sheet
 * deflated as it is generated (a 6-million-cell workbook never exists as one string).
 */
export function writeHugeXlsx(file: string, rows: number, columns: number): void {
  const fd = openSync(file, "w");
  try {
    const zip = new Zip((error, chunk) => {
      if (error !== null) throw error;
      writeSync(fd, chunk);
    });
    const frame = frameParts({ sheets: [{ name: "表二", xml: "" }] });
    for (const [name, content] of Object.entries(frame)) {
      const part = new ZipDeflate(name, { level: 1 });
      zip.add(part);
      part.push(content as Uint8Array, true);
    }
    const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 1 });
    zip.add(sheet);
    sheet.push(
      strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`),
    );
    const names = Array.from({ length: columns }, (_v, c) => columnName(c));
    for (let r = 1; r <= rows; r++) {
      let line = `<row r="${r}">`;
      for (let c = 0; c < columns; c++)
        line += `<c r="${names[c]}${r}"><v>${(r * 7 + c) % 97}</v></c>`;
      sheet.push(strToU8(`${line}</row>`));
    }
    sheet.push(strToU8(`</sheetData></worksheet>`), true);
    zip.end();
  } finally {
    closeSync(fd);
  }
}
