/**
 * How the pane hands the user the year's report: a download link where the host's webview saves
 * files, a new sheet where it does not. The sources for each host are in docs/addin.md
 * (「生成年度报告：各宿主能否下载文件」).
 */

/** A link to a Word file, or the report written into a new sheet. */
export type ReportDelivery = "download" | "sheet";

/** What the pane knows of its host when the button is pressed. */
export interface DeliveryFacts {
  /** `Office.context.diagnostics.platform` ("PC", "Mac", "OfficeOnline", "iOS"…), when known. */
  readonly platform?: string;
  /** Whether the webview has Blob, URL.createObjectURL and the `download` attribute. */
  readonly canDownload: boolean;
}

/**
 * `Mac` and `iOS` run add-ins in WKWebView, where a download link does nothing and raises nothing
 * (office-js#2700, closed by design; #3385, #4681): the sheet. Every other host gets the link when
 * the webview has what it needs (Excel on the web and WebView2: #2700, #4681).
 */
export function reportDelivery(facts: DeliveryFacts): ReportDelivery {
  if (facts.platform === "Mac" || facts.platform === "iOS") return "sheet";
  return facts.canDownload ? "download" : "sheet";
}

/** Whether a window can offer a Blob as a download link. */
export function canDownload(win: Window): boolean {
  const w = win as unknown as {
    Blob?: unknown;
    URL?: { createObjectURL?: unknown };
    HTMLAnchorElement?: { prototype: object };
  };
  return (
    typeof w.Blob === "function" &&
    typeof w.URL?.createObjectURL === "function" &&
    w.HTMLAnchorElement !== undefined &&
    "download" in w.HTMLAnchorElement.prototype
  );
}

/** The .docx media type, so that the browser names and opens the file as Word's. */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The file name offered for the report: 「{agency}{year}年政府信息公开工作年度报告.docx」 or a plain one. */
export function reportFileName(settings: { year?: number; agency?: string }): string {
  const base =
    settings.year === undefined
      ? "年度报告"
      : `${settings.agency ?? ""}${settings.year}年政府信息公开工作年度报告`;
  // Characters no file system accepts are replaced, so the name the user typed cannot fail the save.
  const safe = [...base].map((ch) => (ch < " " || '\\/:*?"<>|'.includes(ch) ? "_" : ch));
  return `${safe.slice(0, 120).join("")}.docx`;
}
