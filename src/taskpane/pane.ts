/**
 * The task pane: plain DOM, built once, wired to a `WorkbookPort`. It knows the core's types and
 * texts but never calls Excel itself; every workbook operation goes through the port, so the same
 * pane runs on office.js and on the workbook double. All text is set as text, never as HTML.
 */
import { formatFinding, formatFix } from "../core/locales/messages";
import type { Locale } from "../core/locales/locale";
import { tableName } from "../core/locales/labels";
import type { FigureSet } from "../core/model/figure-set";
import { acceptedReportYear, reportYearRange } from "../core/model/report-year";
import type { LocatedTable } from "../core/model/figures";
import type { TableId } from "../core/model/tables";
import { generateNarrative } from "../core/narrative/generate";
import { quoteFinding } from "../core/narrative/quote";
import type { Finding, Problem } from "../core/rules/finding";
import { readReportText } from "../core/text/report-text";
import type { WorkbookPort } from "../excel/adapter";
import type { SheetScope } from "../excel/read";
import type { ReportSettings } from "../excel/settings";
import { clear, h, uniqueId } from "./dom";
import { describeError } from "./error-text";
import { checkDraft, checkTables, problemAddresses, type CheckOutcome } from "./report";
import { mountReportSection } from "./report-section";
import { paneTexts } from "./texts";
import type { Explanation } from "../core/explain/explanations";
import { findingKey } from "../core/explain/explanations";
import {
  explainedMarks,
  explanationDate,
  problemSuggestions,
  sortProblems,
  withExplained,
  withoutExplained,
  type ExplainedProblem,
  type OpenProblem,
} from "./explain";
import { explainTexts } from "./explain-texts";
import { InvalidYearError } from "./year";

/** Which operations the host's API sets allow (checked at run time; see taskpane.ts). */
export interface PaneSupport {
  readonly insert: boolean;
  readonly highlight: boolean;
}

export interface PaneDependencies {
  readonly port: WorkbookPort;
  readonly locale: Locale;
  readonly support: PaneSupport;
  /** Puts text on the clipboard; false when the host refuses. */
  readonly copyText: (text: string) => Promise<boolean>;
  /** `Office.context.diagnostics.platform` ("PC", "Mac", "OfficeOnline"…): how to hand over files. */
  readonly platform?: string;
}

const TABLES: readonly TableId[] = ["T2", "T3", "T4"];

interface PaneState {
  outcome?: CheckOutcome;
  located: readonly LocatedTable[];
  /** Every sheet highlighted since the pane opened, by `Worksheet.id` (stable across renames). */
  highlighted: Map<string, string>;
  lastYear?: readonly LocatedTable[];
  /** The sheet last year's tables were read from: never part of this year's check. */
  lastYearSheet?: string;
  settings: ReportSettings;
  paragraphs: readonly string[];
  /** The sheets the last check read: the annual report reads them again. */
  scope?: SheetScope;
  /** The explanations kept in the workbook's part, as last read or saved. */
  explanations: readonly Explanation[];
  /** Whether the last check renewed the marks: an explanation then renews them too. */
  highlightedLast: boolean;
  /** Reasons being typed, by problem key: a re-check redraws the list and must not lose them. */
  drafts: Map<string, string>;
}

/** Builds the pane inside `root` and returns once the settings are loaded. */
export async function mountPane(root: HTMLElement, deps: PaneDependencies): Promise<void> {
  const doc = root.ownerDocument;
  const t = paneTexts(deps.locale);
  const state: PaneState = {
    located: [],
    highlighted: new Map(),
    settings: {},
    paragraphs: [],
    explanations: [],
    highlightedLast: false,
    drafts: new Map(),
  };
  const e = explainTexts(deps.locale);
  clear(root);
  doc.documentElement.lang = deps.locale;
  doc.title = t.title;

  const status = h(doc, "p", {
    className: "status",
    attrs: { role: "status", "aria-live": "polite", id: "status" },
  });
  const alert = h(doc, "p", { className: "alert", attrs: { role: "alert", id: "alert" } });
  const main = h(doc, "main", { attrs: { id: "main" } });
  root.append(
    h(doc, "header", { className: "pane-header" }, [
      h(doc, "h1", { text: t.title }),
      h(doc, "p", { className: "tagline", text: t.tagline }),
    ]),
    h(doc, "div", { className: "messages" }, [status, alert]),
    main,
  );

  const buttons: HTMLButtonElement[] = [];
  const button = (
    label: string,
    onClick: () => Promise<void>,
    primary = false,
    enabled = true,
  ): HTMLButtonElement => {
    const b = h(doc, "button", {
      className: primary ? "button primary" : "button",
      text: label,
      attrs: { type: "button" },
    });
    b.disabled = !enabled;
    if (!enabled) b.dataset["unsupported"] = "true";
    b.addEventListener("click", () => void perform(onClick));
    buttons.push(b);
    return b;
  };

  /** Runs one operation at a time: buttons disabled, errors shown in the alert region. */
  const perform = async (work: () => Promise<void>): Promise<void> => {
    alert.textContent = "";
    status.textContent = t.working;
    main.setAttribute("aria-busy", "true");
    for (const b of buttons) b.disabled = true;
    try {
      await work();
    } catch (error) {
      status.textContent = "";
      alert.textContent = describeError(error, deps.locale);
    } finally {
      // An action that set no message of its own must not leave 「正在处理…」 on screen.
      if (status.textContent === t.working) status.textContent = t.done;
      main.removeAttribute("aria-busy");
      // Buttons of findings replaced by a new check are gone from the page: forget them.
      for (let i = buttons.length - 1; i >= 0; i--)
        if (!buttons[i]!.isConnected) buttons.splice(i, 1);
      for (const b of buttons) b.disabled = b.dataset["unsupported"] === "true";
    }
  };

  const section = (title: string, id: string): HTMLElement => {
    const headingId = `${id}-heading`;
    const s = h(
      doc,
      "section",
      { className: "card", attrs: { id, "aria-labelledby": headingId } },
      [h(doc, "h2", { text: title, attrs: { id: headingId } })],
    );
    main.append(s);
    return s;
  };

  const checkbox = (
    label: string,
    checked: boolean,
  ): { wrap: HTMLElement; input: HTMLInputElement } => {
    const id = uniqueId("cb");
    const input = h(doc, "input", { attrs: { type: "checkbox", id } });
    input.checked = checked;
    return {
      wrap: h(doc, "div", { className: "choice" }, [
        input,
        h(doc, "label", { text: label, attrs: { for: id } }),
      ]),
      input,
    };
  };

  const radios = (
    legend: string,
    name: string,
    options: readonly [string, string][],
  ): { set: HTMLElement; value: () => string } => {
    const inputs: HTMLInputElement[] = [];
    const set = h(doc, "fieldset", {}, [h(doc, "legend", { text: legend })]);
    options.forEach(([value, label], i) => {
      const id = uniqueId(name);
      const input = h(doc, "input", { attrs: { type: "radio", name, id, value } });
      input.checked = i === 0;
      inputs.push(input);
      set.append(
        h(doc, "div", { className: "choice" }, [
          input,
          h(doc, "label", { text: label, attrs: { for: id } }),
        ]),
      );
    });
    return { set, value: () => inputs.find((i) => i.checked)?.value ?? options[0]![0] };
  };

  const field = (
    label: string,
    input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
    hint?: string,
  ): HTMLElement => {
    const id = uniqueId("field");
    input.id = id;
    const parts: Node[] = [h(doc, "label", { text: label, attrs: { for: id } }), input];
    if (hint !== undefined) {
      const hintId = `${id}-hint`;
      input.setAttribute("aria-describedby", hintId);
      parts.push(h(doc, "span", { className: "hint", text: hint, attrs: { id: hintId } }));
    }
    return h(doc, "div", { className: "field" }, parts);
  };

  const unsupportedNote = (feature: string, version: string): HTMLElement =>
    h(doc, "p", { className: "note", text: t.unsupported(feature, version) });

  // 1. Insert ------------------------------------------------------------------------------------
  const insertSection = section(t.insertHeading, "insert");
  const tableBoxes = TABLES.map((id) => ({
    id,
    ...checkbox({ T2: t.tableT2, T3: t.tableT3, T4: t.tableT4 }[id], true),
  }));
  const where = radios(t.where, "where", [
    ["new-sheet", t.newSheet],
    ["selection", t.atSelection],
  ]);
  const totals = checkbox(t.totalsAsFormulas, true);
  insertSection.append(
    h(doc, "fieldset", {}, [
      h(doc, "legend", { text: t.whichTables }),
      ...tableBoxes.map((b) => b.wrap),
    ]),
    where.set,
    totals.wrap,
    h(doc, "div", { className: "actions" }, [
      button(
        t.insert,
        async () => {
          const tables = tableBoxes.filter((b) => b.input.checked).map((b) => b.id);
          if (tables.length === 0) {
            status.textContent = t.noTablesChosen;
            return;
          }
          const result = await deps.port.insert({
            tables,
            target: where.value() === "selection" ? "selection" : "new-sheet",
            totalsAsFormulas: totals.input.checked,
            locale: deps.locale,
          });
          status.textContent = t.inserted(result.sheet, result.tables.length);
        },
        true,
        deps.support.insert,
      ),
    ]),
  );
  if (!deps.support.insert) insertSection.append(unsupportedNote(t.insertHeading, "1.8"));

  // 2. Check -------------------------------------------------------------------------------------
  const checkSection = section(t.checkHeading, "check");
  const scope = radios(t.scope, "scope", [
    ["active", t.activeSheet],
    ["all", t.allSheets],
  ]);
  const summary = h(doc, "p", { className: "summary", attrs: { id: "summary" } });
  const lastCheckLine = h(doc, "p", { className: "note", attrs: { id: "last-check" } });
  const findingsList = h(doc, "ol", {
    className: "findings",
    attrs: { id: "findings", "aria-labelledby": "summary" },
  });
  // The explained findings, apart from the open ones (issue 13).
  const explainedHeading = h(doc, "h3", {
    text: e.explainedHeading,
    attrs: { id: "explained-heading" },
  });
  explainedHeading.hidden = true;
  const explainedList = h(doc, "ol", {
    className: "findings",
    attrs: { id: "explained-findings", "aria-labelledby": "explained-heading" },
  });
  const runCheck = async (highlight: boolean): Promise<void> => {
    const scopeValue: SheetScope =
      scope.value() === "all"
        ? { kind: "all", except: state.lastYearSheet === undefined ? [] : [state.lastYearSheet] }
        : { kind: "active" };
    let checked: CheckOutcome | undefined;
    const check = (tables: readonly LocatedTable[], settings: ReportSettings): CheckOutcome =>
      checkTables({
        tables,
        ...(state.lastYear === undefined ? {} : { lastYear: state.lastYear }),
        ...(settings.year === undefined ? {} : { year: settings.year }),
        ...(settings.agency === undefined ? {} : { agency: settings.agency }),
      });
    const reading = await deps.port.read({
      scope: scopeValue,
      highlight,
      // The findings of rules without a live formula (X1, R7…) are marked too.
      findingsFor: (located) => (checked = check(located, state.settings)).findings,
      explainedFor: () =>
        checked === undefined
          ? []
          : explainedMarks(sortProblems(checked, state.explanations).explained),
    });
    state.highlightedLast = highlight;
    state.settings = { ...reading.settings, ...state.settings };
    state.located = reading.located;
    state.scope = scopeValue;
    fillSettings(state.settings);
    const outcome = checked ?? check(reading.located, state.settings);
    state.outcome = outcome;
    renderFindings(outcome);
    const notes: string[] = [];
    if (reading.mergedDataCells.length > 0)
      notes.push(t.mergedCells(reading.mergedDataCells.join("、")));
    if (highlight) {
      const skipped = reading.sheets.filter((s) => s.protected).map((s) => s.name);
      for (const s of reading.sheets) if (!s.protected) state.highlighted.set(s.id, s.name);
      notes.push(t.highlighted(reading.highlights.length), t.recheck);
      if (skipped.length > 0) notes.push(t.protectedSkipped(skipped.join("、")));
      const problems = (kind: "unreadable" | "not-cleared"): string =>
        reading.highlightProblems
          .filter((p) => p.kind === kind)
          .map((p) => p.sheet)
          .join("、");
      if (problems("unreadable") !== "") notes.push(t.highlightUnreadable(problems("unreadable")));
      if (problems("not-cleared") !== "")
        notes.push(t.highlightNotCleared(problems("not-cleared")));
    }
    if (!reading.mergesRead && reading.sheets.length > 0) notes.push(t.mergesUnread);
    status.textContent = notes.join(" ");
  };
  checkSection.append(
    lastCheckLine,
    scope.set,
    h(doc, "div", { className: "actions" }, [
      button(t.check, () => runCheck(false), true),
      button(t.checkAndHighlight, () => runCheck(true), false, deps.support.highlight),
      button(
        t.clear,
        async () => {
          // Reopened (nothing remembered): the sheets the scope names.
          const ids = [...state.highlighted.keys()];
          const result = await deps.port.clear(
            ids.length > 0
              ? { kind: "sheets", names: ids }
              : scope.value() === "all"
                ? { kind: "all" }
                : { kind: "active" },
          );
          const notes = [t.cleared(result.removed)];
          if (result.protected.length > 0)
            notes.push(t.clearProtected(result.protected.map((p) => p.name).join("、")));
          if (result.notCleared.length > 0)
            notes.push(t.highlightNotCleared(result.notCleared.join("、")));
          if (result.missing.length > 0)
            notes.push(
              t.clearMissing(result.missing.map((k) => state.highlighted.get(k) ?? k).join("、")),
            );
          // Protected sheets keep their marks, and their place here to clear once unprotected.
          state.highlighted = new Map(result.protected.map((p) => [p.id, p.name]));
          status.textContent = notes.join(" ");
        },
        false,
        deps.support.highlight,
      ),
    ]),
    h(doc, "p", { className: "legend" }, [
      h(doc, "span", { className: "swatch swatch-error", attrs: { "aria-hidden": "true" } }),
      h(doc, "span", { className: "swatch swatch-warning", attrs: { "aria-hidden": "true" } }),
      t.legend,
    ]),
    h(doc, "p", { className: "legend" }, [
      h(doc, "span", { className: "swatch swatch-explained", attrs: { "aria-hidden": "true" } }),
      e.legend,
    ]),
    summary,
    findingsList,
    explainedHeading,
    explainedList,
  );
  if (!deps.support.highlight) checkSection.append(unsupportedNote(t.checkAndHighlight, "1.6"));

  const findingItem = (
    problem: Problem,
    decorate?: (item: HTMLElement, messageId: string) => void,
  ): HTMLElement => {
    const first = problem.findings[0]!;
    const severity = problem.findings.some((f) => f.severity === "error")
      ? "error"
      : first.severity;
    const item = h(doc, "li", { className: `finding finding-${severity}` });
    // The rule ids, for tests and styles (the text is the locale's).
    item.dataset["rules"] = [...new Set(problem.findings.map((f) => f.rule))].join(" ");
    const badge = h(doc, "span", {
      className: `badge badge-${severity}`,
      text: t.severity[severity],
    });
    const messageId = uniqueId("finding");
    item.append(
      h(doc, "p", { className: "finding-message", attrs: { id: messageId } }, [
        badge,
        " ",
        formatFinding(first, deps.locale),
      ]),
    );
    item.append(numbersLine(first));
    if (problem.findings.length > 1) {
      item.append(
        h(doc, "p", { className: "finding-more", text: t.alsoBroken(problem.findings.length - 1) }),
      );
      const more = h(doc, "ul", { className: "finding-more-list" });
      for (const f of problem.findings.slice(1))
        more.append(h(doc, "li", { text: formatFinding(f, deps.locale) }));
      item.append(more);
    }
    if (problem.fix !== undefined)
      item.append(h(doc, "p", { className: "fix", text: formatFix(problem.fix, deps.locale) }));
    const addresses = problemAddresses(problem);
    if (addresses.length > 0) {
      const shown =
        addresses[0]!.slice(addresses[0]!.lastIndexOf("!") + 1) + (addresses.length > 1 ? "…" : "");
      const go = button(t.locate(shown), async () => {
        await deps.port.select(addresses);
      });
      go.classList.add("locate");
      go.setAttribute("aria-describedby", messageId);
      go.title = addresses.join(", ");
      item.append(h(doc, "div", { className: "actions" }, [go]));
    }
    decorate?.(item, messageId);
    return item;
  };

  const numbersLine = (f: Finding): HTMLElement => {
    const parts: string[] = [];
    if (f.reported !== undefined) parts.push(`${t.left} ${formatNumber(f.reported)}`);
    if (f.computed !== undefined) parts.push(`${t.right} ${formatNumber(f.computed)}`);
    if (f.difference !== undefined)
      parts.push(`${t.difference} ${f.difference > 0 ? "+" : ""}${formatNumber(f.difference)}`);
    return h(doc, "p", { className: "numbers", text: parts.join(" · ") });
  };

  /** The sentence a narrative finding is about, shortened (the same quote as `xxgk check`). */
  const quoteLine = (text: string, f: Finding): HTMLElement[] => {
    const quote = quoteFinding(text, f);
    return quote === undefined ? [] : [h(doc, "p", { className: "quote", text: t.quote(quote) })];
  };

  const renderFindings = (outcome: CheckOutcome): void => {
    clear(findingsList);
    clear(explainedList);
    const sorted = sortProblems(outcome, state.explanations);
    summary.textContent =
      state.located.length === 0
        ? t.noTables
        : t.summary(sorted.errors, sorted.warnings, outcome.rulesChecked) +
          (sorted.explained.length > 0 ? e.explainedCount(sorted.explained.length) : "");
    for (const open of sorted.open)
      findingsList.append(findingItem(open.problem, (item, id) => openExtras(item, id, open)));
    explainedHeading.hidden = sorted.explained.length === 0;
    for (const done of sorted.explained) explainedList.append(explainedItem(done));
  };

  // Explanations (issue 13) ----------------------------------------------------------------------
  const problemKey = (problem: Problem): string => problem.findings.map(findingKey).join("‖");
  /** The finding's item in either list after a redraw, focused (it takes focus, not Tab). */
  const focusProblem = (list: HTMLElement, key: string): void => {
    const item = [...list.children].find(
      (c): c is HTMLElement => c instanceof HTMLElement && c.dataset["key"] === key,
    );
    item?.focus();
  };
  /** Whether the workbook's explanations have been read (at opening, or before the first save). */
  let explanationsRead = false;
  /** Saves the explanations, then redraws (and renews the marks when the check made them). */
  const keepExplanations = async (list: readonly Explanation[]): Promise<void> => {
    let kept = list;
    if (!explanationsRead) {
      // The workbook's explanations were not read when the pane opened (a request failed): read
      // them now, so that saving never drops those kept there (a failure here saves nothing).
      const stored = await deps.port.loadExplanations();
      explanationsRead = true;
      kept = [...stored.explanations.filter((e) => !list.some((l) => l.key === e.key)), ...list];
    }
    await deps.port.saveExplanations(kept);
    state.explanations = kept;
    if (state.highlightedLast) await runCheck(true);
    else if (state.outcome !== undefined) renderFindings(state.outcome);
  };

  const openExtras = (item: HTMLElement, messageId: string, open: OpenProblem): void => {
    const key = problemKey(open.problem);
    item.dataset["key"] = key;
    item.tabIndex = -1;
    for (const lapsed of open.lapsed)
      item.append(
        h(doc, "p", { className: "note lapsed", text: e.lapsed(lapsed.reason, lapsed.date) }),
      );
    // R1–R5 (sums, valid numbers) are fixed, never explained: no button at all.
    if (!open.explainable) return;
    const start = h(doc, "button", {
      className: "button explain",
      text: e.explain,
      attrs: { type: "button", "aria-describedby": messageId, "aria-expanded": "false" },
    });
    buttons.push(start);
    const actions = h(doc, "div", { className: "actions" }, [start]);
    item.append(actions);
    const showForm = (text: string): void => {
      start.hidden = true;
      start.setAttribute("aria-expanded", "true");
      const form = explainForm(open, messageId, text, (focusStart) => {
        form.remove();
        state.drafts.delete(key);
        start.hidden = false;
        start.setAttribute("aria-expanded", "false");
        if (focusStart) start.focus();
      });
      item.append(form);
      form.querySelector("textarea")?.focus();
    };
    start.addEventListener("click", () => showForm(state.drafts.get(key) ?? ""));
    const draft = state.drafts.get(key);
    if (draft !== undefined) showForm(draft);
  };

  const explainForm = (
    open: OpenProblem,
    messageId: string,
    text: string,
    close: (focusStart: boolean) => void,
  ): HTMLElement => {
    const key = problemKey(open.problem);
    const reason = h(doc, "textarea", {
      attrs: { rows: "3", required: "", "aria-required": "true", maxlength: "500" },
    });
    reason.value = text;
    reason.addEventListener("input", () => {
      state.drafts.set(key, reason.value);
      reason.removeAttribute("aria-invalid");
      problemLine.textContent = "";
    });
    const reasonField = field(e.reasonLabel, reason, e.reasonHint);
    const problemLine = h(doc, "p", { className: "field-error", attrs: { id: uniqueId("why") } });
    reason.setAttribute(
      "aria-describedby",
      `${reason.getAttribute("aria-describedby") ?? ""} ${problemLine.id}`.trim(),
    );
    const parts: Node[] = [reasonField, problemLine];
    const suggestions = problemSuggestions(open.problem, deps.locale);
    if (suggestions.length > 0) {
      const list = h(doc, "ul", { className: "suggestions" });
      for (const suggestion of suggestions) {
        const use = h(doc, "button", {
          className: "button suggestion",
          text: suggestion,
          attrs: { type: "button", "aria-label": e.useSuggestion(suggestion) },
        });
        buttons.push(use);
        use.addEventListener("click", () => {
          reason.value = suggestion;
          state.drafts.set(key, suggestion);
          reason.removeAttribute("aria-invalid");
          problemLine.textContent = "";
          reason.focus();
        });
        list.append(h(doc, "li", {}, [use]));
      }
      parts.push(h(doc, "p", { className: "hint", text: e.suggestions }), list);
    }
    const save = button(
      e.save,
      async () => {
        const outcome = state.outcome;
        const typed = reason.value.trim();
        if (typed === "" || outcome === undefined) {
          reason.setAttribute("aria-invalid", "true");
          problemLine.textContent = e.reasonRequired;
          status.textContent = e.reasonRequired;
          reason.focus();
          return;
        }
        const list = withExplained(
          state.explanations,
          open.problem,
          outcome.figures,
          typed,
          explanationDate(new Date()),
        );
        await keepExplanations(list);
        state.drafts.delete(key);
        status.textContent = e.saved;
        focusProblem(explainedList, key);
      },
      true,
    );
    const cancel = h(doc, "button", {
      className: "button",
      text: e.cancel,
      attrs: { type: "button" },
    });
    buttons.push(cancel);
    cancel.addEventListener("click", () => close(true));
    const form = h(
      doc,
      "div",
      { className: "explain-form", attrs: { role: "group", "aria-labelledby": messageId } },
      [...parts, h(doc, "div", { className: "actions" }, [save, cancel])],
    );
    form.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      close(true);
    });
    return form;
  };

  const explainedItem = (done: ExplainedProblem): HTMLElement => {
    const first = done.problem.findings[0]!;
    const key = problemKey(done.problem);
    const messageId = uniqueId("explained");
    const item = h(doc, "li", { className: "finding finding-explained" });
    item.dataset["rules"] = [...new Set(done.problem.findings.map((f) => f.rule))].join(" ");
    item.dataset["key"] = key;
    item.tabIndex = -1;
    item.append(
      h(doc, "p", { className: "finding-message", attrs: { id: messageId } }, [
        h(doc, "span", { className: "badge badge-explained", text: e.explainedHeading }),
        " ",
        formatFinding(first, deps.locale),
      ]),
    );
    for (const x of done.explanations)
      item.append(h(doc, "p", { className: "reason", text: e.reason(x.reason, x.date) }));
    const withdraw = button(e.withdraw, async () => {
      await keepExplanations(withoutExplained(state.explanations, done.problem));
      status.textContent = e.withdrawn;
      focusProblem(findingsList, key);
    });
    withdraw.setAttribute("aria-describedby", messageId);
    const actions: HTMLElement[] = [withdraw];
    const addresses = problemAddresses(done.problem);
    if (addresses.length > 0) {
      const shown =
        addresses[0]!.slice(addresses[0]!.lastIndexOf("!") + 1) + (addresses.length > 1 ? "…" : "");
      const go = button(t.locate(shown), async () => {
        await deps.port.select(addresses);
      });
      go.classList.add("locate");
      go.setAttribute("aria-describedby", messageId);
      go.title = addresses.join(", ");
      actions.push(go);
    }
    item.append(h(doc, "div", { className: "actions" }, actions));
    return item;
  };

  // 3. Last year ---------------------------------------------------------------------------------
  const lastYearSection = section(t.lastYearHeading, "last-year");
  const sheetSelect = h(doc, "select");
  const fillSheets = (names: readonly string[]): void => {
    clear(sheetSelect);
    sheetSelect.append(h(doc, "option", { text: t.lastYearNone, attrs: { value: "" } }));
    for (const n of names) sheetSelect.append(h(doc, "option", { text: n, attrs: { value: n } }));
  };
  fillSheets([]);
  const pasted = h(doc, "textarea", { attrs: { rows: "4" } });
  const lastYearStatus = h(doc, "p", { className: "note", attrs: { id: "last-year-status" } });
  lastYearSection.append(
    h(doc, "p", { className: "hint", text: t.lastYearHint }),
    field(t.lastYearSheet, sheetSelect),
    h(doc, "div", { className: "actions" }, [
      button(t.refreshSheets, async () => {
        fillSheets(await deps.port.listSheets());
        status.textContent = "";
      }),
    ]),
    field(t.lastYearText, pasted),
    h(doc, "div", { className: "actions" }, [
      button(t.useLastYear, async () => {
        let tables: LocatedTable[] = [];
        delete state.lastYearSheet;
        if (sheetSelect.value !== "") {
          const reading = await deps.port.read({
            scope: { kind: "sheets", names: [sheetSelect.value] },
            highlight: false,
          });
          tables = [...reading.located];
          state.lastYearSheet = sheetSelect.value;
        } else if (pasted.value.trim() !== "") {
          tables = readReportText(pasted.value).tables;
        }
        status.textContent = "";
        if (tables.length === 0) {
          delete state.lastYear;
          lastYearStatus.textContent = t.lastYearEmpty;
          return;
        }
        state.lastYear = tables;
        const names = [...new Set(tables.map((x) => tableName(x.table, deps.locale)))].join("、");
        lastYearStatus.textContent = t.lastYearLoaded(names);
      }),
    ]),
    lastYearStatus,
  );

  // 4. Narrative ---------------------------------------------------------------------------------
  const narrativeSection = section(t.narrativeHeading, "narrative");
  const yearRange = reportYearRange(new Date());
  const yearInput = h(doc, "input", {
    attrs: {
      type: "number",
      min: String(yearRange.min),
      max: String(yearRange.max),
      inputmode: "numeric",
    },
  });
  const agencyInput = h(doc, "input", { attrs: { type: "text", autocomplete: "organization" } });
  const selfInput = h(doc, "input", { attrs: { type: "text" } });
  const fillSettings = (s: ReportSettings): void => {
    if (s.year !== undefined && yearInput.value === "") yearInput.value = String(s.year);
    if (s.agency !== undefined && agencyInput.value === "") agencyInput.value = s.agency;
    if (s.self !== undefined && selfInput.value === "") selfInput.value = s.self;
  };
  /** The year typed, undefined when blank; a year outside the range is an InvalidYearError. */
  const typedYear = (): number | undefined => {
    const text = yearInput.value.trim();
    if (text === "") return undefined;
    const year = acceptedReportYear(text, new Date());
    if (year === undefined) {
      yearInput.setAttribute("aria-invalid", "true");
      throw new InvalidYearError(text, yearRange.min, yearRange.max);
    }
    yearInput.removeAttribute("aria-invalid");
    return year;
  };
  const currentSettings = (): ReportSettings => {
    const year = typedYear();
    return {
      ...(year === undefined ? {} : { year }),
      ...(agencyInput.value.trim() === "" ? {} : { agency: agencyInput.value.trim() }),
      ...(selfInput.value.trim() === "" ? {} : { self: selfInput.value.trim() }),
    };
  };
  const paragraphsBox = h(doc, "div", {
    className: "narrative",
    attrs: { id: "narrative-text", "aria-live": "polite" },
  });
  const draftList = h(doc, "ol", { className: "findings", attrs: { id: "draft-findings" } });
  const figures = (): FigureSet | undefined => state.outcome?.figures;
  narrativeSection.append(
    field(t.year, yearInput),
    field(t.agency, agencyInput),
    field(t.self, selfInput, t.selfHint),
    h(doc, "div", { className: "actions" }, [
      button(t.saveSettings, async () => {
        state.settings = currentSettings();
        await deps.port.saveSettings(state.settings);
        status.textContent = t.settingsSaved;
      }),
      button(
        t.generate,
        () => {
          const set = figures();
          if (set === undefined) {
            status.textContent = t.needCheck;
            return Promise.resolve();
          }
          state.settings = currentSettings();
          state.paragraphs = generateNarrative(set, state.settings, deps.locale).map((p) => p.text);
          clear(paragraphsBox);
          // Written from tables that fail the check: said above the text, not inside it.
          // Explained findings are not errors (issue 13).
          const errors =
            state.outcome === undefined
              ? 0
              : sortProblems(state.outcome, state.explanations).errors;
          if (errors > 0)
            paragraphsBox.append(
              h(doc, "p", {
                className: "note narrative-warning",
                text: t.narrativeFromFailingTables(errors),
                attrs: { id: "narrative-warning" },
              }),
            );
          for (const p of state.paragraphs) paragraphsBox.append(h(doc, "p", { text: p }));
          status.textContent = errors > 0 ? t.narrativeFromFailingTables(errors) : t.done;
          return Promise.resolve();
        },
        true,
      ),
    ]),
    paragraphsBox,
    h(doc, "div", { className: "actions" }, [
      button(t.copy, async () => {
        if (state.paragraphs.length === 0) {
          status.textContent = t.needCheck;
          return;
        }
        status.textContent = (await deps.copyText(state.paragraphs.join("\n")))
          ? t.copied
          : t.copyFailed;
      }),
      button(t.writeNarrative, async () => {
        if (state.paragraphs.length === 0) {
          status.textContent = t.needCheck;
          return;
        }
        const result = await deps.port.writeNarrative(state.paragraphs);
        status.textContent = t.narrativeWritten(result.sheet);
      }),
    ]),
    h(doc, "p", { className: "hint", text: t.draftHint }),
    h(doc, "div", { className: "actions" }, [
      button(t.checkDraft, async () => {
        clear(draftList);
        // Without a check there are no figures, and N3 (figures against the tables) cannot run.
        if (state.outcome === undefined) {
          status.textContent = t.draftNeedsCheck;
          return;
        }
        const draft = await deps.port.readSelectedText();
        const compared = state.located.length > 0;
        const found = checkDraft(
          draft.text,
          compared ? state.outcome.figures : undefined,
          currentSettings().year,
        );
        status.textContent =
          found.length > 0
            ? ""
            : compared
              ? t.draftOk(draft.address)
              : t.draftNotCompared(draft.address);
        for (const f of found) {
          const severity = f.severity;
          draftList.append(
            h(
              doc,
              "li",
              { className: `finding finding-${severity}`, attrs: { "data-rules": f.rule } },
              [
                h(doc, "p", { className: "finding-message" }, [
                  h(doc, "span", {
                    className: `badge badge-${severity}`,
                    text: t.severity[severity],
                  }),
                  " ",
                  formatFinding(f, deps.locale),
                ]),
                ...quoteLine(draft.text, f),
                numbersLine(f),
              ],
            ),
          );
        }
      }),
    ]),
    draftList,
  );

  // 5. Annual report (issue 12) -----------------------------------------------------------------
  mountReportSection({
    doc,
    locale: deps.locale,
    ...(deps.platform === undefined ? {} : { platform: deps.platform }),
    port: deps.port,
    status,
    section,
    button,
    settings: currentSettings,
    explanations: () => state.explanations,
    tables: async () => {
      if (state.scope === undefined) return undefined;
      const reading = await deps.port.read({ scope: state.scope, highlight: false });
      const settings = { ...state.settings, ...currentSettings() };
      const outcome = checkTables({
        tables: reading.located,
        ...(state.lastYear === undefined ? {} : { lastYear: state.lastYear }),
        ...(settings.year === undefined ? {} : { year: settings.year }),
        ...(settings.agency === undefined ? {} : { agency: settings.agency }),
      });
      return { located: reading.located, outcome };
    },
  });

  await perform(async () => {
    state.settings = await deps.port.loadSettings();
    fillSettings(state.settings);
    const stored = await deps.port.loadExplanations();
    state.explanations = stored.explanations;
    explanationsRead = true;
    const last = await deps.port.loadLastCheck();
    if (last !== undefined) lastCheckLine.textContent = t.lastCheck(last);
    status.textContent = stored.skipped > 0 ? e.skipped(stored.skipped) : "";
  });
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}
