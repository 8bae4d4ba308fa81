/** The pane's message for an error thrown by the adapter (or anything else, briefly). */
import type { Locale } from "../core/locales/locale";
import { AdapterError } from "../excel/errors";
import { InvalidYearError } from "./year";

interface ErrorFields {
  readonly kind?: string;
  readonly sheet?: string;
  readonly cells?: readonly string[];
  readonly total?: number;
  readonly ranges?: readonly string[];
  readonly names?: readonly string[];
  readonly reason?: string;
  readonly code?: string;
  readonly operation?: string;
  readonly set?: string;
  readonly version?: string;
}

/** A short, useful message: what happened, where, and what to do. */
export function describeError(error: unknown, locale: Locale): string {
  if (error instanceof InvalidYearError) {
    return locale === "zh-CN"
      ? `报告年度「${error.text}」无效：请填写 ${error.min} 至 ${error.max} 之间的年份（如 ${error.max - 2}），未保存、未生成。`
      : `The report year "${error.text}" is not valid: enter a year from ${error.min} to ${error.max} (e.g. ${error.max - 2}). Nothing was saved or generated.`;
  }
  if (!(error instanceof AdapterError)) {
    const name = error instanceof Error ? error.name : "Error";
    return locale === "zh-CN"
      ? `出现意外错误（${name}），未完成操作。请重试；如仍出现，请关闭并重新打开助手。`
      : `Unexpected error (${name}); the operation did not complete. Try again, or reopen the add-in.`;
  }
  const e = error as AdapterError & ErrorFields;
  const zh = locale === "zh-CN";
  const sheet = e.sheet ?? "";
  switch (e.kind) {
    case "target-not-empty": {
      const list = (e.cells ?? []).join("、");
      const more = (e.total ?? 0) > (e.cells?.length ?? 0);
      return zh
        ? `未插入：工作表「${sheet}」的目标区域中有 ${e.total ?? 0} 个单元格不为空（${list}${more ? " 等" : ""}）。为免覆盖您的内容，请选择空白位置，或插入到新工作表。`
        : `Nothing inserted: ${e.total ?? 0} cell(s) in the target area of "${sheet}" are not empty (${list}${more ? "…" : ""}). Choose an empty place or a new sheet.`;
    }
    case "target-merged":
      return zh
        ? `未插入：目标区域与已合并的单元格（${(e.ranges ?? []).join("、")}）重叠。请选择其他位置。`
        : `Nothing inserted: the target area overlaps merged cells (${(e.ranges ?? []).join(", ")}).`;
    case "sheet-protected":
      return zh
        ? `工作表「${sheet}」受保护，未作任何改动。请先撤销工作表保护（审阅 → 撤销工作表保护）。`
        : `Sheet "${sheet}" is protected; nothing was changed. Unprotect it first (Review → Unprotect Sheet).`;
    case "workbook-protected":
      return zh
        ? "工作簿结构受保护，不能新建工作表，未作任何改动。请先撤销工作簿保护（审阅 → 保护工作簿），或插入到现有工作表的选定位置。"
        : "The workbook's structure is protected, so no sheet can be added; nothing was changed. Unprotect the workbook (Review → Protect Workbook) or insert at the selection.";
    case "sheet-missing":
      return zh
        ? `找不到工作表「${sheet}」，可能已被删除或改名。请重新检查。`
        : `Sheet "${sheet}" no longer exists (deleted or renamed). Run the check again.`;
    case "table-exists":
      return zh
        ? `工作表「${sheet}」中已有这些表格（${(e.names ?? []).join("、")}）。请插入到新工作表。`
        : `Sheet "${sheet}" already has ${(e.names ?? []).join(", ")}. Insert into a new sheet.`;
    case "selection-unusable":
      return zh
        ? e.reason === "too-large"
          ? "选中的区域太大。请只选中放有草稿文字的单元格。"
          : e.reason === "multiple-areas"
            ? "请只选中一个连续区域。"
            : "选中的单元格中没有文字。请选中放有草稿的单元格。"
        : e.reason === "too-large"
          ? "The selection is too large: select only the cells with your draft."
          : e.reason === "multiple-areas"
            ? "Select one block of cells."
            : "The selected cells hold no text.";
    case "api-unsupported":
      return zh
        ? `此版本的 Excel 不支持该操作（需要 ${e.set ?? ""} ${e.version ?? ""}）。`
        : `This version of Excel cannot do this (needs ${e.set ?? ""} ${e.version ?? ""}).`;
    default:
      return zh
        ? `Excel 拒绝了此操作（${e.code ?? "未知错误"}）。请重试；如仍出现，请关闭并重新打开工作簿。`
        : `Excel refused the operation (${e.code ?? "unknown error"}). Please try again.`;
  }
}
