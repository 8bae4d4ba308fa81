/**
 * Starting the pane in a host: the language, the API-set check, and a clear message (never a
 * blank page) when the pane is opened outside Excel or in an Excel too old for it.
 */
import { selectLocale, type Locale } from "../core/locales/locale";
import { clear, h } from "./dom";

/** The lowest ExcelApi version the pane works with at all (reading sheets, settings, names). */
export const MINIMUM_EXCEL_API = "1.4";

/** How long office.js may take to report ready before the pane says so (it may still start). */
export const OFFICE_READY_TIMEOUT_MS = 15_000;

/**
 * Why the pane cannot start: opened outside Excel, an Excel too old, office.js not loaded at all
 * (an intranet that reaches no CDN), or office.js loaded but never ready.
 */
export type BootProblem = "not-excel" | "old-host" | "no-office-js" | "office-timeout";

/** The part of office.js's `Office` the start needs. */
export interface OfficeStart<T> {
  onReady(): Promise<T>;
}

/**
 * Waits for office.js and calls `start`; shows a message instead when office.js is missing, or
 * while it has not become ready after `timeoutMs` (the pane still starts if it becomes ready later).
 */
export function startWhenReady<T>(
  root: HTMLElement,
  office: OfficeStart<T> | undefined,
  locale: Locale,
  start: (info: T) => Promise<void>,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): void {
  if (office === undefined) {
    showBootProblem(root, "no-office-js", locale);
    return;
  }
  const timer = setTimeout(() => showBootProblem(root, "office-timeout", locale), timeoutMs);
  void office.onReady().then((info) => {
    clearTimeout(timer);
    return start(info);
  });
}

/** Shows why the pane cannot start, in the host's language. */
export function showBootProblem(root: HTMLElement, problem: BootProblem, locale: Locale): void {
  const doc = root.ownerDocument;
  clear(root);
  const zh = locale === "zh-CN";
  const texts: Record<BootProblem, readonly [string, string]> = {
    "not-excel": [
      "请在 Excel 中打开政务公开年报助手：开始 → 年报助手 → 打开助手。",
      "Open the Disclosure Report Assistant inside Excel: Home → 年报助手 → 打开助手.",
    ],
    "old-host": [
      `此版本的 Excel 过旧，无法运行政务公开年报助手（需要 ExcelApi ${MINIMUM_EXCEL_API} 及以上）。请使用 Microsoft 365（Windows、Mac）、Excel 网页版，或 Office 2021、Office 2024。`,
      `This version of Excel is too old for the Disclosure Report Assistant (it needs ExcelApi ${MINIMUM_EXCEL_API} or later). Use Microsoft 365 (Windows, Mac), Excel on the web, or Office 2021/2024.`,
    ],
    "no-office-js": [
      "未能加载 office.js（Office 的脚本库），助手无法启动。本机可能无法访问微软的 CDN：请联系管理员，构建时可用 OFFICE_JS=self 自带 office.js。",
      "office.js (Office's script library) could not be loaded, so the assistant cannot start. This computer may not reach Microsoft's CDN: ask your administrator; a build with OFFICE_JS=self ships office.js itself.",
    ],
    "office-timeout": [
      "office.js（Office 的脚本库）已加载，但 Office 在 15 秒内没有响应。请关闭并重新打开助手；如仍如此，请联系管理员。",
      "office.js (Office's script library) loaded, but Office did not answer within 15 seconds. Close and reopen the assistant; if this persists, ask your administrator.",
    ],
  };
  const text = texts[problem][zh ? 0 : 1];
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
