/**
 * An annotated copy of a workbook: the input's package with conditional formats added to the
 * sheets that hold report tables and one new sheet listing the findings. Everything else (cells,
 * styles, charts, macros, the user's own conditional formats) is copied as it is: the package is
 * edited part by part with a zip library and an XML parser, never loaded into and rewritten by a
 * spreadsheet library. Our own earlier highlights (recognised by the N("xxgk:…") marker) are
 * replaced, not stacked. The input bytes are only read.
 */
import JSZip from "jszip";
import type { Document, Element } from "@xmldom/xmldom";
import { HIGHLIGHT_MARKER } from "../core/template/plan";
import type { Severity } from "../core/rules/finding";
import { CorruptFileError, XmlDoctypeError } from "./errors";
import {
  findingsSheetXml,
  type FindingRow,
  type FindingsSheetStyles,
  type FindingsSheetText,
} from "./findings-sheet";
import type { SheetHighlight } from "../core/template/highlights";
import { HIGHLIGHT_COLOURS } from "./template-style";
import { attribute, childElements, firstChild, parseXml, serializeXml } from "./xml";
import { joinPart, normalizePart, partBasename, partDirname, relativePart } from "./part-path";

/** What to add to the copy. */
export interface Annotation {
  readonly highlights: readonly SheetHighlight[];
  readonly rows: readonly FindingRow[];
  readonly sheetText: FindingsSheetText;
  /** The findings sheet's name; made unique if the workbook already has a sheet of that name. */
  readonly sheetName: string;
}

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${OFFICE_REL}/worksheet`;
const STYLES_TYPE = `${OFFICE_REL}/styles`;
const WORKSHEET_CONTENT =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const MARKER_TEXT = `N("${HIGHLIGHT_MARKER}:`;
/**
 * The hidden defined name that marks our findings sheet (it follows the sheet when Excel renames
 * or saves it), so that annotating an annotated copy replaces the sheet instead of adding another.
 */
export const FINDINGS_NAME = "_xxgk_findings";
const MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

/** Workbook children that come after definedNames (ECMA-376 CT_Workbook order). */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** Worksheet children that come after conditionalFormatting (ECMA-376 CT_Worksheet order). */
const AFTER_CONDITIONAL = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Stylesheet children that come after dxfs. */
const AFTER_DXFS = ["tableStyles", "colors", "extLst"];

class Package {
  constructor(
    readonly file: string,
    readonly zip: JSZip,
  ) {}

  async text(part: string): Promise<string | undefined> {
    const entry = this.zip.file(part);
    if (entry === null) return undefined;
    try {
      return await entry.async("string");
    } catch (error) {
      throw new CorruptFileError(
        this.file,
        `${part}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }

  async xml(part: string): Promise<Document | undefined> {
    const text = await this.text(part);
    return text === undefined ? undefined : parseXml(this.file, part, text);
  }

  async requiredXml(part: string): Promise<Document> {
    const document = await this.xml(part);
    if (document === undefined) throw new CorruptFileError(this.file, `${part} missing`);
    return document;
  }

  put(part: string, document: Document | string): void {
    this.zip.file(part, typeof document === "string" ? document : serializeXml(document));
  }
}

function root(document: Document, file: string, part: string): Element {
  const element = document.documentElement;
  if (element === null) throw new CorruptFileError(file, `${part} is empty`);
  return element;
}

/** Creates an element in the root's namespace with the root's prefix. */
function create(document: Document, rootElement: Element, localName: string): Element {
  const name = rootElement.prefix ? `${rootElement.prefix}:${localName}` : localName;
  return document.createElementNS(rootElement.namespaceURI, name);
}

/** The rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
function relsOf(part: string): string {
  return joinPart(partDirname(part), "_rels", `${partBasename(part)}.rels`);
}

/** A relationship target resolved against its source part. */
function resolveTarget(source: string, target: string): string {
  return target.startsWith("/")
    ? target.slice(1)
    : normalizePart(joinPart(partDirname(source), target));
}

/** Inserts `element` before the first child named in `before`, else appends it. */
function insertBefore(parent: Element, element: Element, before: readonly string[]): void {
  const next = childElements(parent).find((c) => before.includes(c.localName ?? ""));
  if (next === undefined) parent.appendChild(element);
  else parent.insertBefore(element, next);
}

function setCount(element: Element, localChild: string): void {
  element.setAttribute("count", String(childElements(element, localChild).length));
}

/** Whether a conditional format is one of ours (every rule's formula carries the marker). */
function isOurs(format: Element): boolean {
  const rules = childElements(format, "cfRule");
  return (
    rules.length > 0 &&
    rules.every((r) =>
      childElements(r, "formula").some((f) => (f.textContent ?? "").includes(MARKER_TEXT)),
    )
  );
}

/** An element as a comparable string: name, sorted attributes, element children (whitespace ignored). */
function canonical(element: Element): string {
  const attributes: string[] = [];
  for (let i = 0; i < element.attributes.length; i++) {
    const a = element.attributes.item(i);
    if (a !== null && !a.name.startsWith("xmlns"))
      attributes.push(`${a.localName ?? a.name}=${a.value}`);
  }
  attributes.sort();
  const children = childElements(element).map(canonical);
  return `<${element.localName ?? ""} ${attributes.join(" ")}>${children.join("")}</>`;
}

/**
 * The index of an element equal to `element` among `parent`'s children named `localName`, adding it
 * when there is none: annotating again reuses the formats of the first annotation instead of piling up.
 */
function findOrAdd(parent: Element, localName: string, element: Element): number {
  const wanted = canonical(element);
  const existing = childElements(parent, localName);
  const index = existing.findIndex((e) => canonical(e) === wanted);
  if (index >= 0) return index;
  parent.appendChild(element);
  setCount(parent, localName);
  return existing.length;
}

/** Appends a cell format (xf) to cellXfs, or finds an equal one; returns its index. */
function addCellFormat(
  document: Document,
  sheet: Element,
  cellXfs: Element,
  attributes: readonly [string, string][],
  alignment?: readonly [string, string][],
): number {
  const xf = create(document, sheet, "xf");
  for (const [k, v] of attributes) xf.setAttribute(k, v);
  if (alignment !== undefined) {
    const a = create(document, sheet, "alignment");
    for (const [k, v] of alignment) a.setAttribute(k, v);
    xf.appendChild(a);
  }
  return findOrAdd(cellXfs, "xf", xf);
}

/** Adds the highlight dxfs and the findings sheet's cell formats to the stylesheet; returns their indexes. */
function addStyles(
  document: Document,
  file: string,
): { dxf: Record<Severity, number>; cells: FindingsSheetStyles } {
  const sheet = root(document, file, "styles");
  let dxfs = firstChild(sheet, "dxfs");
  if (dxfs === undefined) {
    dxfs = create(document, sheet, "dxfs");
    insertBefore(sheet, dxfs, AFTER_DXFS);
  }
  const dxf = {} as Record<Severity, number>;
  for (const severity of ["error", "warning", "info"] as const) {
    const colours = HIGHLIGHT_COLOURS[severity];
    const d = create(document, sheet, "dxf");
    const font = create(document, sheet, "font");
    const colour = create(document, sheet, "color");
    colour.setAttribute("rgb", colours.font);
    font.appendChild(colour);
    const fill = create(document, sheet, "fill");
    const pattern = create(document, sheet, "patternFill");
    pattern.setAttribute("patternType", "solid");
    const background = create(document, sheet, "bgColor");
    background.setAttribute("rgb", colours.fill);
    pattern.appendChild(background);
    fill.appendChild(pattern);
    d.appendChild(font);
    d.appendChild(fill);
    dxf[severity] = findOrAdd(dxfs, "dxf", d);
  }

  const fonts = firstChild(sheet, "fonts");
  const cellXfs = firstChild(sheet, "cellXfs");
  if (fonts === undefined || cellXfs === undefined) return { dxf, cells: { header: 0, wrap: 0 } };
  const bold = create(document, sheet, "font");
  bold.appendChild(create(document, sheet, "b"));
  const size = create(document, sheet, "sz");
  size.setAttribute("val", "11");
  bold.appendChild(size);
  const fontId = findOrAdd(fonts, "font", bold);
  const base: [string, string][] = [
    ["numFmtId", "0"],
    ["fillId", "0"],
    ["borderId", "0"],
    ["xfId", "0"],
  ];
  const header = addCellFormat(document, sheet, cellXfs, [
    ...base,
    ["fontId", String(fontId)],
    ["applyFont", "1"],
  ]);
  const wrap = addCellFormat(
    document,
    sheet,
    cellXfs,
    [...base, ["fontId", "0"], ["applyAlignment", "1"]],
    [
      ["vertical", "top"],
      ["wrapText", "1"],
    ],
  );
  return { dxf, cells: { header, wrap } };
}

/** Replaces our earlier formats on a sheet and adds the new ones after the user's. */
function addHighlights(
  document: Document,
  file: string,
  highlights: readonly SheetHighlight[],
  dxf: Record<Severity, number>,
): void {
  const sheet = root(document, file, "worksheet");
  for (const old of childElements(sheet, "conditionalFormatting").filter(isOurs))
    sheet.removeChild(old);
  let priority = 0;
  for (const format of childElements(sheet, "conditionalFormatting")) {
    for (const rule of childElements(format, "cfRule"))
      priority = Math.max(priority, Number(attribute(rule, "priority") ?? 0) || 0);
  }
  const existing = childElements(sheet, "conditionalFormatting");
  const anchor = existing.length > 0 ? existing[existing.length - 1]!.nextSibling : undefined;
  for (const h of highlights) {
    const format = create(document, sheet, "conditionalFormatting");
    format.setAttribute("sqref", h.ranges.join(" "));
    const rule = create(document, sheet, "cfRule");
    rule.setAttribute("type", "expression");
    rule.setAttribute("dxfId", String(dxf[h.severity]));
    rule.setAttribute("priority", String(++priority));
    const formula = create(document, sheet, "formula");
    formula.appendChild(document.createTextNode(h.formula.replace(/^=/u, "")));
    rule.appendChild(formula);
    format.appendChild(rule);
    if (anchor !== undefined) sheet.insertBefore(format, anchor);
    else insertBefore(sheet, format, AFTER_CONDITIONAL);
  }
}

function uniqueName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const name = `${wanted}(${n})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** The annotated copy's bytes. */
export async function annotateWorkbook(
  file: string,
  bytes: Uint8Array,
  annotation: Annotation,
): Promise<Uint8Array> {
  const zip = await openPackage(file, bytes);
  const pkg = new Package(file, zip);

  // The workbook part, from the package relationships.
  const packageRels = await pkg.xml("_rels/.rels");
  const officeRel =
    packageRels === undefined
      ? undefined
      : childElements(root(packageRels, file, "_rels/.rels"), "Relationship").find((r) =>
          (attribute(r, "Type") ?? "").endsWith("/officeDocument"),
        );
  const workbookPart =
    officeRel === undefined
      ? "xl/workbook.xml"
      : resolveTarget("", attribute(officeRel, "Target") ?? "xl/workbook.xml");
  const workbook = await pkg.requiredXml(workbookPart);
  const workbookRoot = root(workbook, file, workbookPart);
  const workbookRelsPart = relsOf(workbookPart);
  const workbookRels = await pkg.requiredXml(workbookRelsPart);
  const relsRoot = root(workbookRels, file, workbookRelsPart);
  const relationships = childElements(relsRoot, "Relationship");
  const targetOf = new Map(
    relationships.map((r) => [
      attribute(r, "Id") ?? "",
      resolveTarget(workbookPart, attribute(r, "Target") ?? ""),
    ]),
  );

  const sheetsElement = firstChild(workbookRoot, "sheets");
  if (sheetsElement === undefined) throw new CorruptFileError(file, "workbook has no sheets");
  const sheets = childElements(sheetsElement, "sheet").map((s) => ({
    name: attribute(s, "name") ?? "",
    id: Number(attribute(s, "sheetId") ?? 0),
    part: targetOf.get(attribute(s, "id") ?? "") ?? "",
    tab: s,
  }));

  // Styles: highlight formats and the header style.
  const stylesRel = relationships.find((r) => attribute(r, "Type") === STYLES_TYPE);
  const stylesPart =
    stylesRel === undefined ? undefined : targetOf.get(attribute(stylesRel, "Id") ?? "");
  const styles = stylesPart === undefined ? undefined : await pkg.xml(stylesPart);
  if (styles === undefined || stylesPart === undefined)
    throw new CorruptFileError(file, "workbook has no stylesheet");
  const { dxf, cells } = addStyles(styles, file);
  pkg.put(stylesPart, styles);

  // Highlights, sheet by sheet.
  const bySheet = new Map<string, SheetHighlight[]>();
  for (const h of annotation.highlights) bySheet.set(h.sheet, [...(bySheet.get(h.sheet) ?? []), h]);
  for (const [name, highlights] of bySheet) {
    const sheet = sheets.find((s) => s.name === name);
    if (sheet === undefined || sheet.part === "") continue;
    const document = await pkg.xml(sheet.part);
    if (document === undefined) continue;
    addHighlights(document, file, highlights, dxf);
    pkg.put(sheet.part, document);
  }

  // The findings sheet: our earlier one (found by its defined name) is replaced in place;
  // otherwise a new part, its relationship, its content type and its tab (last).
  const ours = findingsSheetOf(workbookRoot, sheets);
  const others = sheets.filter((s) => s !== ours?.sheet);
  const sheetName = uniqueName(
    annotation.sheetName,
    others.map((s) => s.name),
  );
  const sheetXml = findingsSheetXml(annotation.rows, annotation.sheetText, cells);
  let newPart: string | undefined;
  if (ours !== undefined) {
    pkg.put(ours.sheet.part, sheetXml);
    ours.tab.setAttribute("name", sheetName);
  } else {
    let n = sheets.length + 1;
    while (zip.file(`xl/worksheets/sheet${n}.xml`) !== null) n++;
    newPart = `xl/worksheets/sheet${n}.xml`;
    pkg.put(newPart, sheetXml);
    const ids = new Set(relationships.map((r) => attribute(r, "Id")));
    let k = 1;
    while (ids.has(`rIdXxgk${k}`)) k++;
    const relationshipId = `rIdXxgk${k}`;
    const relationship = workbookRels.createElementNS(
      RELS_NS,
      relsRoot.prefix ? `${relsRoot.prefix}:Relationship` : "Relationship",
    );
    relationship.setAttribute("Id", relationshipId);
    relationship.setAttribute("Type", WORKSHEET_TYPE);
    relationship.setAttribute("Target", relativePart(partDirname(workbookPart), newPart));
    relsRoot.appendChild(relationship);
    pkg.put(workbookRelsPart, workbookRels);

    const tab = create(workbook, workbookRoot, "sheet");
    tab.setAttribute("name", sheetName);
    tab.setAttribute("sheetId", String(Math.max(0, ...sheets.map((s) => s.id)) + 1));
    tab.setAttributeNS(OFFICE_REL, "r:id", relationshipId);
    sheetsElement.appendChild(tab);
  }
  markFindingsSheet(workbook, workbookRoot, sheetName);
  pkg.put(workbookPart, workbook);

  if (newPart === undefined) return generate(zip);
  const types = await pkg.requiredXml("[Content_Types].xml");
  const typesRoot = root(types, file, "[Content_Types].xml");
  const override = create(types, typesRoot, "Override");
  override.setAttribute("PartName", `/${newPart}`);
  override.setAttribute("ContentType", WORKSHEET_CONTENT);
  typesRoot.appendChild(override);
  pkg.put("[Content_Types].xml", types);
  return generate(zip);
}

function generate(zip: JSZip): Promise<Uint8Array> {
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}

/** The sheet named by a defined name's reference ("'检查结果'!$A$1" → 检查结果). */
function referencedSheet(reference: string): string | undefined {
  const quoted = /^'((?:[^']|'')+)'!/u.exec(reference);
  if (quoted !== null) return quoted[1]!.replace(/''/gu, "'");
  return /^([^!'"]+)!/u.exec(reference)?.[1];
}

/** Our earlier findings sheet: the sheet our defined name points at, with its tab element. */
function findingsSheetOf(
  workbookRoot: Element,
  sheets: readonly { name: string; part: string; tab: Element }[],
): { sheet: { name: string; part: string; tab: Element }; tab: Element } | undefined {
  const names = firstChild(workbookRoot, "definedNames");
  if (names === undefined) return undefined;
  const marker = childElements(names, "definedName").find(
    (d) => (attribute(d, "name") ?? "").toLowerCase() === FINDINGS_NAME.toLowerCase(),
  );
  if (marker === undefined) return undefined;
  const name = referencedSheet((marker.textContent ?? "").trim());
  const sheet = sheets.find((s) => s.name === name && s.part !== "");
  return sheet === undefined ? undefined : { sheet, tab: sheet.tab };
}

/** Points our hidden defined name at the findings sheet (replacing an earlier one). */
function markFindingsSheet(workbook: Document, workbookRoot: Element, sheetName: string): void {
  let names = firstChild(workbookRoot, "definedNames");
  if (names === undefined) {
    names = create(workbook, workbookRoot, "definedNames");
    insertBefore(workbookRoot, names, AFTER_DEFINED_NAMES);
  }
  for (const stale of childElements(names, "definedName").filter(
    (d) => (attribute(d, "name") ?? "").toLowerCase() === FINDINGS_NAME.toLowerCase(),
  ))
    names.removeChild(stale);
  const marker = create(workbook, workbookRoot, "definedName");
  marker.setAttribute("name", FINDINGS_NAME);
  marker.setAttribute("hidden", "1");
  marker.appendChild(workbook.createTextNode(`'${sheetName.replace(/'/gu, "''")}'!$A$1`));
  names.appendChild(marker);
}

/** What the package says about itself before it is annotated. */
export interface PackageFacts {
  /** The workbook part's content type is the macro-enabled one (.xlsm). */
  readonly macroEnabled: boolean;
}

/** XML parts by name: what a DOCTYPE could hide in. */
const XML_PART = /(\.xml|\.rels|\.vml)$/iu;

/**
 * Throws XmlDoctypeError when any XML part of the package declares a DOCTYPE (Office never writes
 * one), so that nothing of the kind is parsed or copied into a file we write.
 */
async function refuseDoctype(file: string, zip: JSZip): Promise<void> {
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !XML_PART.test(entry.name)) continue;
    const bytes = await entry.async("uint8array");
    const utf16 =
      (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    const text = new TextDecoder(
      utf16 ? (bytes[0] === 0xff ? "utf-16le" : "utf-16be") : "latin1",
    ).decode(bytes);
    if (/<!DOCTYPE/iu.test(text)) throw new XmlDoctypeError(file, entry.name);
  }
}

async function openPackage(file: string, bytes: Uint8Array): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new CorruptFileError(file, error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  await refuseDoctype(file, zip);
  return zip;
}

/**
 * Whether the package is macro-enabled, from [Content_Types].xml; throws XmlDoctypeError for a part
 * with a DOCTYPE and CorruptFileError for a package that cannot be opened.
 */
export async function packageFacts(file: string, bytes: Uint8Array): Promise<PackageFacts> {
  const zip = await openPackage(file, bytes);
  const types = await new Package(file, zip).xml("[Content_Types].xml");
  if (types === undefined) return { macroEnabled: false };
  const macroEnabled = childElements(root(types, file, "[Content_Types].xml"), "Override").some(
    (o) => attribute(o, "ContentType") === MACRO_WORKBOOK,
  );
  return { macroEnabled };
}
