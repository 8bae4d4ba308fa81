/**
 * An offline structural check of manifest.xml (office-addin-manifest's `validate` posts the file to
 * a Microsoft service, which CI cannot reach). It checks what breaks sideloading or the store
 * check most often: element order, ids, https everywhere, every resid resolving to the right kind
 * of resource, string lengths, locale overrides and the icon files. It is not the XSD.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";

const OFFICE_APP_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
const OVERRIDES_NS = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";

/** The top-level elements of a TaskPaneApp, in the order the schema requires. */
const TOP_LEVEL_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "AllowSnapshot",
  "VersionOverrides",
];

const REQUIRED_TOP_LEVEL = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "Hosts",
  "DefaultSettings",
  "Permissions",
];

/** Which resource kind an element's resid must name. */
const RESID_KIND: Readonly<Record<string, "Images" | "Urls" | "ShortStrings" | "LongStrings">> = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

export interface ManifestReport {
  readonly problems: string[];
  readonly id?: string;
  readonly urls: string[];
}

function children(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling)
    if (n.nodeType === 1) out.push(n as XmlElement);
  return out;
}

function descendants(el: XmlElement): XmlElement[] {
  return children(el).flatMap((c) => [c, ...descendants(c)]);
}

function pngSize(file: string): { width: number; height: number } | undefined {
  const data = fs.readFileSync(file);
  if (data.length < 24 || data.toString("latin1", 1, 4) !== "PNG") return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Checks a manifest; `root` is the project folder (for icon files and the commands source). */
export function checkManifest(xml: string, root: string): ManifestReport {
  const problems: string[] = [];
  const urls: string[] = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(xml, "text/xml");
  } catch (error) {
    return {
      problems: [`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`],
      urls,
    };
  }
  const app = doc.documentElement;
  if (app === null || app.localName !== "OfficeApp" || app.namespaceURI !== OFFICE_APP_NS) {
    return { problems: ["the root element is not OfficeApp in the 1.1 namespace"], urls };
  }
  if (app.getAttribute("xsi:type") !== "TaskPaneApp")
    problems.push('OfficeApp xsi:type is not "TaskPaneApp"');

  // Element order and presence.
  const top = children(app).map((c) => c.localName ?? "");
  let last = -1;
  for (const name of top) {
    const at = TOP_LEVEL_ORDER.indexOf(name);
    if (at < 0) problems.push(`unknown top-level element <${name}>`);
    else if (at <= last)
      problems.push(`<${name}> is out of order (schema order: ${TOP_LEVEL_ORDER.join(", ")})`);
    else last = at;
  }
  for (const name of REQUIRED_TOP_LEVEL)
    if (!top.includes(name)) problems.push(`<${name}> is missing`);
  const first = (name: string): XmlElement | undefined =>
    children(app).find((c) => c.localName === name);

  const id = first("Id")?.textContent?.trim();
  if (
    id === undefined ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu.test(id)
  )
    problems.push(`<Id> is not a GUID: ${id ?? ""}`);
  const version = first("Version")?.textContent?.trim() ?? "";
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/u.test(version))
    problems.push(`<Version> is not four numbers: ${version}`);
  if (first("DefaultLocale")?.textContent?.trim() !== "zh-CN")
    problems.push("<DefaultLocale> is not zh-CN");
  if (first("Permissions")?.textContent?.trim() !== "ReadWriteDocument")
    problems.push("<Permissions> is not ReadWriteDocument (the least that works)");
  const hosts = first("Hosts");
  if (hosts === undefined || !children(hosts).some((h) => h.getAttribute("Name") === "Workbook"))
    problems.push("no Workbook host");
  const sets = descendants(first("Requirements") ?? app).filter((e) => e.localName === "Set");
  if (!sets.some((s) => s.getAttribute("Name") === "ExcelApi"))
    problems.push("no ExcelApi requirement set");

  // Lengths and locale overrides of the visible strings.
  const limits: [string, number][] = [
    ["DisplayName", 125],
    ["Description", 250],
  ];
  for (const [name, limit] of limits) {
    const el = first(name);
    const value = el?.getAttribute("DefaultValue") ?? "";
    if (value.length === 0 || value.length > limit)
      problems.push(`<${name}> DefaultValue must be 1–${limit} characters`);
    if (
      el !== undefined &&
      !children(el).some((o) => o.localName === "Override" && o.getAttribute("Locale") === "en-US")
    ) {
      problems.push(`<${name}> has no en-US override`);
    }
  }

  // Every URL is https.
  for (const el of descendants(app)) {
    for (const attr of ["DefaultValue", "Value"]) {
      const v = el.getAttribute(attr);
      if (v !== null && /^[a-z]+:\/\//iu.test(v)) urls.push(v);
    }
    if (el.localName === "AppDomain") urls.push(el.textContent?.trim() ?? "");
  }
  for (const u of urls) if (!u.startsWith("https://")) problems.push(`not https: ${u}`);

  // Resources: ids unique, lengths, overrides; every resid resolves to the right kind.
  const overrides = descendants(app).find((e) => e.localName === "VersionOverrides");
  if (overrides === undefined) problems.push("no <VersionOverrides> (no ribbon buttons)");
  else {
    if (overrides.namespaceURI !== OVERRIDES_NS)
      problems.push("<VersionOverrides> is not in the taskpane overrides namespace");
    const resources = descendants(overrides).find((e) => e.localName === "Resources");
    const kinds = new Map<string, string>();
    for (const group of resources === undefined ? [] : children(resources)) {
      for (const item of children(group)) {
        const rid = item.getAttribute("id") ?? "";
        if (rid.length === 0 || rid.length > 32)
          problems.push(`resource id "${rid}" must be 1–32 characters`);
        if (kinds.has(rid)) problems.push(`resource id "${rid}" is defined twice`);
        kinds.set(rid, group.localName ?? "");
        const value = item.getAttribute("DefaultValue") ?? "";
        const limit =
          group.localName === "ShortStrings" ? 125 : group.localName === "LongStrings" ? 250 : 2048;
        if (value.length === 0 || value.length > limit)
          problems.push(`${group.localName ?? ""} "${rid}" must be 1–${limit} characters`);
        if (
          (group.localName === "ShortStrings" || group.localName === "LongStrings") &&
          !children(item).some((o) => o.getAttribute("Locale") === "en-US")
        ) {
          problems.push(`${group.localName} "${rid}" has no en-US override`);
        }
        for (const o of children(item)) {
          const ov = o.getAttribute("Value") ?? "";
          if (ov.length === 0 || ov.length > limit)
            problems.push(
              `the ${o.getAttribute("Locale") ?? ""} override of "${rid}" must be 1–${limit} characters`,
            );
        }
      }
    }
    for (const el of descendants(overrides)) {
      const resid = el.getAttribute("resid");
      if (resid === null) continue;
      const want = RESID_KIND[el.localName ?? ""];
      const have = kinds.get(resid);
      if (have === undefined)
        problems.push(`resid "${resid}" on <${el.localName ?? ""}> is not defined in <Resources>`);
      else if (want !== undefined && want !== have)
        problems.push(
          `resid "${resid}" on <${el.localName ?? ""}> names ${have}, expected ${want}`,
        );
    }
    const controls = descendants(overrides).filter(
      (e) => e.localName === "Control" || e.localName === "Group",
    );
    const ids = controls.map((c) => c.getAttribute("id") ?? "");
    for (const cid of ids)
      if (ids.filter((x) => x === cid).length > 1)
        problems.push(`control id "${cid}" is used twice`);
    for (const action of descendants(overrides).filter((e) => e.localName === "Action")) {
      const type = action.getAttribute("xsi:type");
      if (type === "ExecuteFunction") {
        const fn =
          children(action)
            .find((c) => c.localName === "FunctionName")
            ?.textContent?.trim() ?? "";
        const source = fs.readFileSync(path.join(root, "src/commands/commands.ts"), "utf8");
        if (!source.includes(`associate("${fn}"`))
          problems.push(`FunctionName ${fn} is not associated in src/commands/commands.ts`);
      } else if (type === "ShowTaskpane") {
        if (!children(action).some((c) => c.localName === "SourceLocation"))
          problems.push("a ShowTaskpane action has no SourceLocation");
      } else problems.push(`unknown action type ${type ?? ""}`);
    }
    // Images: the file exists in assets/ and has the size the manifest says.
    for (const img of descendants(overrides).filter(
      (e) => e.localName === "Image" && e.getAttribute("size") !== null,
    )) {
      const rid = img.getAttribute("resid") ?? "";
      const def = descendants(resources ?? overrides).find((e) => e.getAttribute("id") === rid);
      const url = def?.getAttribute("DefaultValue") ?? "";
      checkIcon(url, Number(img.getAttribute("size")), root, problems);
    }
  }
  checkIcon(first("IconUrl")?.getAttribute("DefaultValue") ?? "", 32, root, problems);
  checkIcon(first("HighResolutionIconUrl")?.getAttribute("DefaultValue") ?? "", 64, root, problems);
  return { problems, urls, ...(id === undefined ? {} : { id }) };
}

function checkIcon(url: string, size: number, root: string, problems: string[]): void {
  const match = /\/assets\/([\w.-]+\.png)$/u.exec(url);
  if (match === null) {
    problems.push(`icon ${url} is not a PNG under /assets/`);
    return;
  }
  const file = path.join(root, "assets", match[1]!);
  if (!fs.existsSync(file)) {
    problems.push(`icon file assets/${match[1]!} is missing`);
    return;
  }
  const dims = pngSize(file);
  if (dims === undefined || dims.width !== size || dims.height !== size) {
    problems.push(`icon assets/${match[1]!} is not ${size}×${size}`);
  }
}
