/**
 * The pane's own words in zh-CN (default) and en-US. Findings, rules and fixes come from the
 * core's locale messages; these are the buttons, headings and status lines around them.
 */
import type { Locale } from "../core/locales/locale";
import type { LastCheck } from "../excel/last-check";

export interface PaneTexts {
  readonly title: string;
  readonly tagline: string;
  readonly insertHeading: string;
  readonly tableT2: string;
  readonly tableT3: string;
  readonly tableT4: string;
  readonly whichTables: string;
  readonly where: string;
  readonly newSheet: string;
  readonly atSelection: string;
  readonly totalsAsFormulas: string;
  readonly insert: string;
  readonly inserted: (sheet: string, count: number) => string;
  readonly checkHeading: string;
  readonly scope: string;
  readonly activeSheet: string;
  readonly allSheets: string;
  readonly check: string;
  readonly checkAndHighlight: string;
  readonly clear: string;
  readonly summary: (errors: number, warnings: number, rules: number) => string;
  readonly noTables: string;
  readonly highlighted: (count: number) => string;
  /** When the live marks cannot be trusted alone (office-js#5299, fixed marks): check again. */
  readonly recheck: string;
  /** Sheets whose conditional formats Excel would not list (a copied rule): not re-highlighted. */
  readonly highlightUnreadable: (sheets: string) => string;
  /** Sheets where some of the add-in's old highlights could not be removed. */
  readonly highlightNotCleared: (sheets: string) => string;
  /** Excel could not list the merged cells: merged number cells may go unnoticed. */
  readonly mergesUnread: string;
  readonly protectedSkipped: (sheets: string) => string;
  readonly cleared: (count: number) => string;
  readonly clearProtected: (sheets: string) => string;
  readonly clearMissing: (sheets: string) => string;
  readonly mergedCells: (ranges: string) => string;
  readonly severity: Readonly<Record<"error" | "warning" | "info", string>>;
  readonly legend: string;
  readonly left: string;
  readonly right: string;
  readonly difference: string;
  readonly locate: (address: string) => string;
  readonly alsoBroken: (count: number) => string;
  readonly lastYearHeading: string;
  readonly lastYearHint: string;
  readonly lastYearSheet: string;
  readonly lastYearNone: string;
  readonly refreshSheets: string;
  readonly lastYearText: string;
  readonly useLastYear: string;
  readonly lastYearLoaded: (tables: string) => string;
  readonly lastYearEmpty: string;
  readonly narrativeHeading: string;
  readonly year: string;
  readonly agency: string;
  readonly self: string;
  readonly selfHint: string;
  readonly saveSettings: string;
  readonly settingsSaved: string;
  readonly generate: string;
  readonly needCheck: string;
  readonly copy: string;
  readonly copied: string;
  readonly copyFailed: string;
  readonly writeNarrative: string;
  readonly narrativeWritten: (sheet: string) => string;
  readonly checkDraft: string;
  readonly draftHint: string;
  readonly draftOk: (address: string) => string;
  readonly draftNotCompared: (address: string) => string;
  readonly draftNeedsCheck: string;
  readonly working: string;
  /** An action finished without a message of its own. */
  readonly done: string;
  /** 插入表格 pressed with no table ticked. */
  readonly noTablesChosen: string;
  /** The sentence a narrative finding is about, quoted. */
  readonly quote: (text: string) => string;
  /** The narrative was written from tables that fail the check. */
  readonly narrativeFromFailingTables: (errors: number) => string;
  /** What the ribbon's 检查本表 last did. */
  readonly lastCheck: (record: LastCheck) => string;
  readonly unsupported: (feature: string, version: string) => string;
}

const ZH: PaneTexts = {
  title: "政务公开年报助手",
  tagline: "《政府信息公开工作年度报告》表格、检查与文字（国办公开办函〔2021〕30号）",
  insertHeading: "插入表格",
  tableT2: "表二 主动公开政府信息情况",
  tableT3: "表三 收到和处理政府信息公开申请情况",
  tableT4: "表四 政府信息公开行政复议、行政诉讼情况",
  whichTables: "插入哪些表格",
  where: "插入位置",
  newSheet: "新工作表",
  atSelection: "当前选中的单元格",
  totalsAsFormulas: "总计用公式自动计算",
  insert: "插入表格",
  inserted: (sheet, count) =>
    `已在工作表「${sheet}」插入 ${count} 张表格。黄色单元格请填写数字，没有数据填 0。`,
  checkHeading: "检查",
  scope: "检查范围",
  activeSheet: "当前工作表",
  allSheets: "所有工作表",
  check: "检查",
  checkAndHighlight: "检查并标记",
  clear: "清除标记",
  summary: (errors, warnings) => `${errors} 个错误 · ${warnings} 个警告`,
  noTables: "没有找到年报表格。可先插入表格，或把去年的表格粘贴到工作表中。",
  highlighted: () =>
    "已在表格中标出问题：错误为红底深红字，警告为黄底深褐字；修改数字后标记自动更新。",
  protectedSkipped: (sheets) => `工作表「${sheets}」受保护，未作标记。`,
  recheck:
    "部分标记（如上年对比、格式问题、错误值）不会随输入更新，Excel 有时也不会重算标记：修改后请再按「检查并标记」，以本窗格的结果为准。",
  highlightUnreadable: (sheets) =>
    `工作表「${sheets}」中的条件格式无法读取（常因复制了带标记的单元格），未更新标记；检查结果不受影响。可在“开始 → 条件格式 → 管理规则”中删除重复的规则后再标记。`,
  highlightNotCleared: (sheets) =>
    `工作表「${sheets}」中有部分旧标记未能删除，可在“开始 → 条件格式 → 管理规则”中删除。`,
  mergesUnread:
    "Excel 未能列出合并单元格（数量过多），被合并的填数单元格可能未被发现；检查按表格文字进行。",
  cleared: (count) => `已清除本助手添加的 ${count} 处标记；您自己的格式未作改动。`,
  clearProtected: (sheets) => `工作表「${sheets}」受保护，其中的标记未清除；撤销保护后再清除。`,
  clearMissing: (sheets) => `工作表「${sheets}」已不存在，已跳过。`,
  mergedCells: (ranges) =>
    `这些填数字的单元格被合并了：${ranges}。合并后只有左上角的数字有效，其余按空白计。请取消合并，分别填写。`,
  severity: { error: "错误", warning: "警告", info: "说明" },
  legend: "红色标记为错误，黄色标记为警告。",
  left: "填写的数",
  right: "算出的数",
  difference: "差额",
  locate: (address) => `定位 ${address}`,
  alsoBroken: (count) => `同一处数字还使另外 ${count} 条规则不成立：`,
  lastYearHeading: "上年数据（核对上年结转、现行有效）",
  lastYearHint: "选择本工作簿中放有上年表格的工作表，或粘贴上年年报的文字。",
  lastYearSheet: "上年表格所在工作表",
  lastYearNone: "（不使用工作表）",
  refreshSheets: "刷新工作表列表",
  lastYearText: "或粘贴上年年报文字",
  useLastYear: "读取上年数据",
  lastYearLoaded: (tables) => `已读取上年数据：${tables}。再次检查时将核对上年结转和现行有效件数。`,
  lastYearEmpty: "没有在上年数据中找到表格。",
  narrativeHeading: "报告文字",
  year: "报告年度",
  agency: "机关名称",
  self: "自称",
  selfHint: "如：我局、我街道（留空则用“本机关”）",
  saveSettings: "保存设置",
  settingsSaved: "设置已保存在本工作簿中。",
  generate: "生成文字",
  needCheck: "请先检查，生成文字需要表格中的数字。",
  copy: "复制文字",
  copied: "已复制到剪贴板。",
  copyFailed: "无法自动复制，请选中文字后按 Ctrl+C。",
  writeNarrative: "写入「报告文字」工作表",
  narrativeWritten: (sheet) => `已写入工作表「${sheet}」。`,
  checkDraft: "检查选中的草稿",
  draftHint:
    "在工作表中选中放有您自己草稿的单元格，再点此按钮，核对文字中的数字是否前后一致、是否与表格一致。",
  draftOk: (address) => `草稿（${address}）与表格一致，未发现问题。`,
  draftNotCompared: (address) =>
    `草稿（${address}）未发现文字问题，但未与表格比对：检查时没有找到年报表格。`,
  draftNeedsCheck: "请先检查表格，再检查草稿：草稿中的数字要与表格中的数字比对。",
  working: "正在处理…",
  done: "已完成。",
  noTablesChosen: "没有勾选表格：请至少勾选一张表格，再点“插入表格”。",
  quote: (text) => `「${text}」`,
  narrativeFromFailingTables: (errors) =>
    `表格有 ${errors} 个错误，以下文字中的数字可能不准确。请先改正表格，再生成文字。`,
  lastCheck: (r) => {
    const counts =
      r.counts === undefined ? "" : `${r.counts.errors} 个错误 · ${r.counts.warnings} 个警告`;
    switch (r.status) {
      case "ok":
        return `上次“检查本表”：${r.sheet ?? ""} ${counts}，已在表格中标记。`;
      case "protected":
        return `上次“检查本表”：工作表「${r.sheet ?? ""}」受保护，未作标记（${counts}）。请撤销工作表保护后再检查。`;
      case "no-tables":
        return `上次“检查本表”：工作表「${r.sheet ?? ""}」中没有找到年报表格。`;
      case "unsupported":
        return "上次“检查本表”未能运行：此版本的 Excel 不支持标记（需要 ExcelApi 1.6）。";
      case "error":
        return `上次“检查本表”未能完成（${r.code ?? "unknown"}）。请在此窗格中再检查一次。`;
    }
  },
  unsupported: (feature, version) =>
    `此版本的 Excel 不支持${feature}（需要 ExcelApi ${version}）。请使用 Microsoft 365、Excel 网页版或 Office 2021 及以上版本。`,
};

const EN: PaneTexts = {
  title: "Disclosure Report Assistant",
  tagline: "Tables, checks and text for the annual government information disclosure report",
  insertHeading: "Insert tables",
  tableT2: "Table 2 Proactive disclosure",
  tableT3: "Table 3 Requests received and handled",
  tableT4: "Table 4 Reviews and lawsuits",
  whichTables: "Tables to insert",
  where: "Where",
  newSheet: "New sheet",
  atSelection: "At the selected cell",
  totalsAsFormulas: "Totals as formulas",
  insert: "Insert tables",
  inserted: (sheet, count) =>
    `Inserted ${count} table(s) on sheet "${sheet}". Fill in the yellow cells; enter 0 where there is nothing to report.`,
  checkHeading: "Check",
  scope: "Sheets to check",
  activeSheet: "Active sheet",
  allSheets: "All sheets",
  check: "Check",
  checkAndHighlight: "Check and highlight",
  clear: "Clear highlights",
  summary: (errors, warnings) =>
    `${errors} error${errors === 1 ? "" : "s"} · ${warnings} warning${warnings === 1 ? "" : "s"}`,
  noTables: "No report tables found. Insert the tables, or paste last year's tables into a sheet.",
  highlighted: () =>
    "The problems are marked in the tables: errors in red, warnings in yellow; the marks update as you type.",
  protectedSkipped: (sheets) => `Sheet "${sheets}" is protected and was not highlighted.`,
  recheck:
    "Some marks (last year's figures, format problems, error values) do not follow your typing, and Excel does not always recalculate marks: after editing, check again; this pane's result is the one to trust.",
  highlightUnreadable: (sheets) =>
    `Excel could not list the conditional formats of "${sheets}" (often after copying marked cells), so its highlights were not renewed; the check itself is complete. Remove duplicate rules under Home → Conditional Formatting → Manage Rules.`,
  highlightNotCleared: (sheets) =>
    `Some old highlights on "${sheets}" could not be removed; delete them under Home → Conditional Formatting → Manage Rules.`,
  mergesUnread:
    "Excel could not list the merged cells (too many): merged number cells may go unnoticed; the check relies on the labels.",
  cleared: (count) =>
    `Removed ${count} highlight(s) added by this add-in; your own formats are unchanged.`,
  clearProtected: (sheets) =>
    `Sheet "${sheets}" is protected: its highlights were left; unprotect it and clear again.`,
  clearMissing: (sheets) => `Sheet "${sheets}" no longer exists and was skipped.`,
  mergedCells: (ranges) =>
    `These number cells are merged: ${ranges}. Only the top-left cell of a merge keeps its number; unmerge them and fill each cell.`,
  severity: { error: "Error", warning: "Warning", info: "Note" },
  legend: "Red marks errors, yellow marks warnings.",
  left: "Entered",
  right: "Computed",
  difference: "Difference",
  locate: (address) => `Go to ${address}`,
  alsoBroken: (count) => `The same figure also breaks ${count} other rule(s):`,
  lastYearHeading: "Last year's figures (carry-over checks)",
  lastYearHint:
    "Choose the sheet of this workbook that holds last year's tables, or paste last year's report text.",
  lastYearSheet: "Sheet with last year's tables",
  lastYearNone: "(no sheet)",
  refreshSheets: "Refresh sheet list",
  lastYearText: "Or paste last year's report text",
  useLastYear: "Read last year's figures",
  lastYearLoaded: (tables) =>
    `Last year's figures read: ${tables}. The next check compares the carried-over requests and the rules in force with them.`,
  lastYearEmpty: "No tables found in last year's figures.",
  narrativeHeading: "Report text",
  year: "Report year",
  agency: "Agency name",
  self: "Self-reference",
  selfHint:
    'How the agency calls itself in the Chinese text, e.g. "our bureau" (blank: "this agency")',
  saveSettings: "Save settings",
  settingsSaved: "Settings saved in this workbook.",
  generate: "Generate text",
  needCheck: "Run the check first: the text is written from the tables' figures.",
  copy: "Copy text",
  copied: "Copied to the clipboard.",
  copyFailed: "Could not copy automatically: select the text and press Ctrl+C.",
  writeNarrative: "Write to a new sheet",
  narrativeWritten: (sheet) => `Written to sheet "${sheet}".`,
  checkDraft: "Check the selected draft",
  draftHint:
    "Select the cells holding your own draft, then check that its figures agree with each other and with the tables.",
  draftOk: (address) => `The draft (${address}) agrees with the tables.`,
  draftNotCompared: (address) =>
    `No problems in the draft's wording (${address}), but it was not compared with the tables: the check found none.`,
  draftNeedsCheck:
    "Check the tables first, then the draft: its figures are compared with the tables'.",
  working: "Working…",
  done: "Done.",
  noTablesChosen: 'No table is ticked: tick at least one table, then press "Insert tables".',
  quote: (text) => `“${text}”`,
  narrativeFromFailingTables: (errors) =>
    `The tables have ${errors} error${errors === 1 ? "" : "s"}: figures in the text below may be wrong. Correct the tables first, then generate the text.`,
  lastCheck: (r) => {
    const counts =
      r.counts === undefined ? "" : `${r.counts.errors} error(s) · ${r.counts.warnings} warning(s)`;
    switch (r.status) {
      case "ok":
        return `Last "Check this sheet": ${r.sheet ?? ""} ${counts}, highlighted.`;
      case "protected":
        return `Last "Check this sheet": sheet "${r.sheet ?? ""}" is protected and was not highlighted (${counts}). Unprotect it and check again.`;
      case "no-tables":
        return `Last "Check this sheet": no report tables found on sheet "${r.sheet ?? ""}".`;
      case "unsupported":
        return `Last "Check this sheet" could not run: this Excel cannot highlight (needs ExcelApi 1.6).`;
      case "error":
        return `Last "Check this sheet" did not finish (${r.code ?? "unknown"}). Check again from this pane.`;
    }
  },
  unsupported: (feature, version) =>
    `This version of Excel cannot ${feature} (needs ExcelApi ${version}). Use Microsoft 365, Excel on the web or Office 2021 or later.`,
};

/** The pane's texts in a locale. */
export function paneTexts(locale: Locale): PaneTexts {
  return locale === "en-US" ? EN : ZH;
}
