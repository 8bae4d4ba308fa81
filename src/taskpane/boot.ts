/**
 * Starting the pane in a host: the language, the API-set check, and a clear message (never a
 * blank page) when the pane is opened outside Excel or in an Excel too old for it.
 */
import { selectLocale, type Locale } from "../core/locales/locale";
import { clear, h } from "./dom";

/** The lowest ExcelApi version the pane works with at all (reading sheets, settings, names). */
export const MINIMUM_EXCEL_API = "1.4";

export type BootProblem = "not-excel" | "old-host";

/** Shows why the pane cannot start, in the host's language. */
export function showBootProblem(root: HTMLElement, problem: BootProblem, locale: Locale): void {
  const doc = root.ownerDocument;
  clear(root);
  const zh = locale === "zh-CN";
  const text =
    problem === "not-excel"
      ? zh
        ? "请在 Excel 中打开政务公开年报助手：开始 → 年报助手 → 打开助手。"
        : "Open the Disclosure Report Assistant inside Excel: Home → 年报助手 → 打开助手."
      : zh
        ? `此版本的 Excel 过旧，无法运行政务公开年报助手（需要 ExcelApi ${MINIMUM_EXCEL_API} 及以上）。请使用 Microsoft 365（Windows、Mac）、Excel 网页版，或 Office 2021、Office 2024。`
        : `This version of Excel is too old for the Disclosure Report Assistant (it needs ExcelApi ${MINIMUM_EXCEL_API} or later). Use Microsoft 365 (Windows, Mac), Excel on the web, or Office 2021/2024.`;
  root.append(
    h(doc, "section", { className: "card boot-problem", attrs: { role: "alert" } }, [
      h(doc, "h1", { text: zh ? "政务公开年报助手" : "Disclosure Report Assistant" }),
      h(doc, "p", { text }),
    ]),
  );
}

/** The pane's locale from Office's display language, else the browser's. */
export function paneLocale(displayLanguage: string | undefined): Locale {
  return selectLocale(
    displayLanguage ?? (typeof navigator === "undefined" ? undefined : navigator.language),
  );
}

/** Copies text with the async clipboard API, falling back to a hidden text area. */
export async function copyText(doc: Document, text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    doc.body.append(area);
    area.select();
    // The fallback for webviews that refuse the async clipboard API (still supported there).
    const done = doc.execCommand("copy");
    area.remove();
    return done;
  }
}
