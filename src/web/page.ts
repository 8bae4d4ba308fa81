/**
 * The offline checking page (dist/web/年报检查.html): files in by drag and drop or the pickers,
 * checked one at a time off the main thread by batch.ts (the command line's code), shown as a
 * sortable table, opened to their findings as the command line words them, and downloaded as the
 * annotated copy, the 汇总 workbook, CSV, blank templates and narrative text. Nothing leaves the
 * machine: the page's Content-Security-Policy forbids every connection.
 *
 * The same script is the page's worker: without a `document` it only serves batch requests.
 */
import type { Locale } from "../core/locales/locale";
import type { FigureValue } from "../formats/report/extract-figures";
import { tooLargeRow, type BatchRow } from "./batch";
import { serveBatch, startRunner, type BatchRunner, type PageFile } from "./batch-runner";
import { pageText, type PageText } from "./page-texts";
import { reportText } from "../formats/report/report-messages";

/** More files than this in one batch are not checked (each is one row of the table). */
export const MAX_PAGE_FILES = 5000;
/** Files sent to the worker at once (it checks one at a time; the next waits in its queue). */
const IN_FLIGHT = 2;
/** The first year a template can be made for (the 2021 format covers the 2019 tables too). */
const FIRST_TEMPLATE_YEAR = 2019;

type ColumnKey =
  | "file"
  | "agency"
  | "year"
  | "status"
  | "errors"
  | "warnings"
  | "received"
  | "concluded"
  | "carried"
  | "review"
  | "litigation";

const COLUMNS: readonly ColumnKey[] = [
  "file",
  "agency",
  "year",
  "status",
  "errors",
  "warnings",
  "received",
  "concluded",
  "carried",
  "review",
  "litigation",
];

const NUMERIC: ReadonlySet<ColumnKey> = new Set([
  "year",
  "errors",
  "warnings",
  "received",
  "concluded",
  "carried",
  "review",
  "litigation",
]);

/** One file of this year's batch: the file, its row once checked, its table row in the page. */
interface Item {
  readonly id: number;
  readonly file: PageFile;
  row?: BatchRow;
  /** The last-year file's path this file is compared with (null: none; absent: not paired yet). */
  pair?: string | null;
  tr?: HTMLTableRowElement;
}

/** Hooks the browser tests and the bench read (no behaviour of the page depends on them). */
export interface PageHooks {
  readonly where: () => "worker" | "main";
  readonly rows: () => BatchRow[];
  readonly busy: () => boolean;
  /** Milliseconds from navigation until the page answered input (its worker started). */
  readonly readyMs: () => number;
}

declare global {
  interface Window {
    xxgkPage?: PageHooks;
  }
}

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
}

function setText(id: string, text: string): void {
  element(id).textContent = text;
}

/** The figure a row shows for a column: a number, the cell's text ("/", a word), or null. */
function figure(row: BatchRow, key: ColumnKey): FigureValue {
  const f = row.figures;
  switch (key) {
    case "received":
      return f.本年新收;
    case "concluded":
      return f.办结;
    case "carried":
      return f.结转下年度;
    case "review":
      return f.复议;
    case "litigation":
      return f.诉讼;
    default:
      return null;
  }
}

function sortValue(item: Item, key: ColumnKey): string | number {
  const row = item.row;
  switch (key) {
    case "file":
      return item.file.path;
    case "agency":
      return row?.agency ?? "";
    case "year":
      return row?.year ?? -1;
    case "status":
      return row?.status ?? "";
    case "errors":
      return row?.errors ?? -1;
    case "warnings":
      return row?.warnings ?? -1;
    default: {
      // A number sorts by its value; a blank, "/" or a word below every number.
      const value = row === undefined ? null : figure(row, key);
      return typeof value === "number" ? value : -1;
    }
  }
}

function download(bytes: Uint8Array | string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function stem(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Every file under a dropped entry, with its path inside the drop (folders are walked level by level). */
async function droppedFiles(items: DataTransferItemList): Promise<PageFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(items)) {
    if (item.kind !== "file") continue;
    const entry = typeof item.webkitGetAsEntry === "function" ? item.webkitGetAsEntry() : null;
    if (entry !== null) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file !== null) loose.push(file);
    }
  }
  const files: PageFile[] = loose.map((f) => ({ name: f.name, path: f.name, blob: f }));
  // A queue, not recursion: a deep folder cannot exhaust the stack.
  const queue = [...entries];
  while (queue.length > 0 && files.length <= MAX_PAGE_FILES) {
    const entry = queue.shift()!;
    const path = entry.fullPath.replace(/^\//u, "");
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) =>
        (entry as FileSystemFileEntry).file(resolve, reject),
      );
      files.push({ name: file.name, path, blob: file });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries hands a folder over in parts (100 at a time in Chromium) until it returns none.
      for (;;) {
        const part = await new Promise<FileSystemEntry[]>((resolve, reject) =>
          reader.readEntries(resolve, reject),
        );
        if (part.length === 0) break;
        queue.push(...part);
      }
    }
  }
  return files;
}

function pickedFiles(input: HTMLInputElement): PageFile[] {
  return Array.from(input.files ?? []).map((f) => ({
    name: f.name,
    path: f.webkitRelativePath === "" ? f.name : f.webkitRelativePath,
    blob: f,
  }));
}

/** The page, once its texts and runner are there. */
class Page {
  private locale: Locale = "zh-CN";
  private text: PageText = pageText("zh-CN");
  private items: Item[] = [];
  private last: { file: PageFile; row?: BatchRow }[] = [];
  private nextId = 0;
  /** Raised whenever the batch changes under a running loop (cleared, language switched). */
  private generation = 0;
  private running = false;
  private sort: { key: ColumnKey; direction: "ascending" | "descending" } | undefined;
  private onlyErrors = false;
  private open: Item | undefined;
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly runner: BatchRunner) {}

  start(): void {
    this.wire();
    this.renderTexts();
    this.renderTable();
    element("app").removeAttribute("aria-busy");
    this.readyAt = performance.now();
  }

  hooks(): PageHooks {
    return {
      where: () => this.runner.where,
      rows: () => this.items.flatMap((i) => (i.row === undefined ? [] : [i.row])),
      busy: () => this.running,
      readyMs: () => this.readyAt,
    };
  }

  private readyAt = Number.NaN;

  private wire(): void {
    element("language").addEventListener("click", () => {
      this.setLocale(this.locale === "zh-CN" ? "en-US" : "zh-CN");
    });
    const files = element<HTMLInputElement>("files");
    const folder = element<HTMLInputElement>("folder");
    const lastFiles = element<HTMLInputElement>("last-files");
    const lastFolder = element<HTMLInputElement>("last-folder");
    for (const input of [files, folder])
      input.addEventListener("change", () => {
        this.addCurrent(pickedFiles(input));
        input.value = "";
      });
    for (const input of [lastFiles, lastFolder])
      input.addEventListener("change", () => {
        this.addLast(pickedFiles(input));
        input.value = "";
      });
    this.dropZone(element("current-drop"), (f) => this.addCurrent(f));
    this.dropZone(element("last-drop"), (f) => this.addLast(f));
    // A file dropped beside a zone would otherwise be opened by the browser, leaving the page.
    for (const type of ["dragover", "drop"])
      window.addEventListener(type, (e) => e.preventDefault());

    element<HTMLInputElement>("only-errors").addEventListener("change", (e) => {
      this.onlyErrors = (e.target as HTMLInputElement).checked;
      this.renderTable();
    });
    element("download-summary").addEventListener("click", () => void this.downloadSummary());
    element("download-csv").addEventListener("click", () => void this.downloadCsv());
    element("clear").addEventListener("click", () => this.clear());
    element("close-detail").addEventListener("click", () => this.closeDetail());
    element("download-annotated").addEventListener("click", () => void this.downloadAnnotated());
    element("download-report").addEventListener("click", () => void this.downloadReport());
    element("copy-narrative").addEventListener("click", () => void this.copyNarrative());
    element("download-narrative").addEventListener("click", () => {
      if (this.open === undefined) return;
      const text = element<HTMLTextAreaElement>("narrative").value;
      download(text, `${stem(this.open.file.name)}-段落.txt`, "text/plain;charset=utf-8");
    });
    element("template-download").addEventListener("click", () => void this.downloadTemplate());
    const year = element<HTMLSelectElement>("template-year");
    const thisYear = new Date().getFullYear();
    for (let y = FIRST_TEMPLATE_YEAR; y <= thisYear + 1; y++) {
      const option = document.createElement("option");
      option.value = String(y);
      option.textContent = String(y);
      year.append(option);
    }
    // A report is written early in the year after the one it covers.
    year.value = String(thisYear - 1);
  }

  private dropZone(zone: HTMLElement, add: (files: PageFile[]) => void): void {
    zone.addEventListener("dragover", (e) => {
      e.preventDefault();
      zone.classList.add("over");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (e) => {
      e.preventDefault();
      e.stopPropagation();
      zone.classList.remove("over");
      const items = e.dataTransfer?.items;
      if (items === undefined) return;
      droppedFiles(items).then(add, (error: unknown) => this.fail(error));
    });
  }

  private setLocale(locale: Locale): void {
    this.locale = locale;
    this.text = pageText(locale);
    this.renderTexts();
    // Findings are worded when a file is checked: a batch already checked is checked again.
    if (this.items.length > 0 || this.last.length > 0) {
      this.generation++;
      for (const item of this.items) delete item.row;
      for (const l of this.last) delete l.row;
      this.renderTable();
      this.closeDetail();
      void this.run();
    }
  }

  private renderTexts(): void {
    const t = this.text;
    document.documentElement.lang = t.lang;
    document.title = t.title;
    setText("title", t.title);
    const language = element("language");
    language.textContent = t.switchLanguage;
    language.lang = t.switchLanguageLang;
    setText("tagline", t.tagline);
    setText("privacy", t.privacy);
    setText("current-heading", t.currentHeading);
    setText("current-drop-text", t.currentDrop);
    setText("files-label", t.chooseFiles);
    setText("folder-label", t.chooseFolder);
    setText("last-heading", t.lastYearHeading);
    setText("last-drop-text", t.lastYearDrop);
    setText("last-files-label", t.chooseLastYearFiles);
    setText("last-folder-label", t.chooseLastYearFolder);
    setText("pairs-heading", t.pairsHeading);
    setText("pairs-current", t.pairsCurrent);
    setText("pairs-last", t.pairsLastYear);
    setText("results-heading", t.resultsHeading);
    setText("only-errors-label", t.onlyErrors);
    setText("download-summary", t.downloadSummary);
    setText("download-csv", t.downloadCsv);
    setText("clear", t.clear);
    setText("progress-label", t.progressLabel);
    setText("download-annotated", t.downloadAnnotated);
    setText("download-report", t.downloadReport);
    setText("close-detail", t.closeDetail);
    setText("narrative-heading", t.narrativeHeading);
    setText("notes-heading", t.notes);
    setText("copy-narrative", t.copyNarrative);
    setText("download-narrative", t.downloadNarrative);
    setText("template-heading", t.templateHeading);
    setText("template-agency-label", t.templateAgency);
    setText("template-year-label", t.templateYear);
    setText("template-download", t.templateDownload);
    this.renderHead();
    this.renderPairs();
    this.renderProgress();
    for (const item of this.items) this.renderRow(item);
    if (this.open !== undefined) void this.showDetail(this.open, false);
  }

  private renderHead(): void {
    const head = element("results-head");
    head.replaceChildren(
      ...COLUMNS.map((key) => {
        const th = document.createElement("th");
        th.scope = "col";
        const label = this.text.columns[key];
        if (this.sort?.key === key) th.setAttribute("aria-sort", this.sort.direction);
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = label;
        button.title = this.text.sortBy(label);
        button.dataset["column"] = key;
        button.addEventListener("click", () => this.sortBy(key));
        th.append(button);
        return th;
      }),
    );
  }

  private sortBy(key: ColumnKey): void {
    const direction =
      this.sort?.key === key && this.sort.direction === "ascending" ? "descending" : "ascending";
    this.sort = { key, direction };
    this.renderHead();
    this.renderTable();
    element<HTMLElement>("results-head")
      .querySelector<HTMLButtonElement>(`button[data-column="${key}"]`)
      ?.focus();
  }

  // ---- the batch --------------------------------------------------------------------------

  private uniquePath(path: string, taken: ReadonlySet<string>): string {
    if (!taken.has(path)) return path;
    for (let n = 2; ; n++) if (!taken.has(`${path} (${n})`)) return `${path} (${n})`;
  }

  private addCurrent(files: PageFile[]): void {
    const taken = new Set(this.items.map((i) => i.file.path));
    const room = Math.max(0, MAX_PAGE_FILES - this.items.length);
    setText(
      "notice",
      files.length > room ? this.text.tooManyFiles(MAX_PAGE_FILES, files.length - room) : "",
    );
    for (const f of files.slice(0, room)) {
      const path = this.uniquePath(f.path, taken);
      taken.add(path);
      this.items.push({ id: this.nextId++, file: { ...f, path } });
    }
    this.renderTable();
    void this.run();
  }

  private addLast(files: PageFile[]): void {
    const taken = new Set(this.last.map((l) => l.file.path));
    const room = Math.max(0, MAX_PAGE_FILES - this.last.length);
    for (const f of files.slice(0, room)) {
      const path = this.uniquePath(f.path, taken);
      taken.add(path);
      this.last.push({ file: { ...f, path } });
    }
    // New last-year files can change every pair: pair again once they are read.
    for (const item of this.items) delete item.pair;
    void this.run();
  }

  private clear(): void {
    this.generation++;
    this.items = [];
    this.last = [];
    this.closeDetail();
    setText("notice", "");
    this.renderPairs();
    this.renderTable();
    this.renderProgress();
  }

  private lastFile(path: string | null | undefined): PageFile | undefined {
    return path === null || path === undefined
      ? undefined
      : this.last.find((l) => l.file.path === path)?.file;
  }

  private options(item: Item): Parameters<BatchRunner["check"]>[1] {
    const paired = this.lastFile(item.pair);
    if (paired === undefined) return { locale: this.locale };
    return {
      locale: this.locale,
      lastYear: [paired],
      pairs: new Map([[item.file.path, paired.path]]),
    };
  }

  /** Checks what is not checked yet, one file at a time, until nothing is left. */
  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const generation = this.generation;
    this.renderProgress();
    try {
      for (;;) {
        if (generation !== this.generation) break;
        const lastItem = this.last.find((l) => l.row === undefined);
        if (lastItem !== undefined) {
          lastItem.row = await this.runner
            .check(lastItem.file, { locale: this.locale })
            .catch((error: unknown) => this.failedRow(lastItem.file, error));
          if (generation !== this.generation) break;
          continue;
        }
        // Two files in flight: the worker checks the next while this thread shows the last.
        const pending = this.items.filter((i) => i.row === undefined).slice(0, IN_FLIGHT);
        if (pending.length > 0) {
          await Promise.all(
            pending.map(async (item) => {
              const row = await this.runner
                .check(item.file, this.options(item))
                .catch((error: unknown) => this.failedRow(item.file, error));
              if (generation !== this.generation) return;
              item.row = row;
              this.renderRow(item);
              this.scheduleRedraw();
              this.renderProgress();
            }),
          );
          continue;
        }
        if (this.last.length > 0 && this.items.some((i) => i.pair === undefined)) {
          await this.pairAll();
          if (generation !== this.generation) break;
          continue;
        }
        break;
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.running = false;
      if (generation !== this.generation) void this.run();
      else {
        this.renderTable();
        this.renderProgress();
      }
    }
  }

  /** Pairs every file with a last-year file and checks again those that found one. */
  private async pairAll(): Promise<void> {
    const current = this.items.flatMap((i) => (i.row === undefined ? [] : [i.row]));
    const last = this.last.flatMap((l) => (l.row === undefined ? [] : [l.row]));
    const pairs = await this.runner.pair(current, last);
    for (const item of this.items) {
      if (item.pair !== undefined) continue;
      item.pair = pairs.get(item.row?.file ?? item.file.path) ?? null;
      // Compared with last year (X1, X2) only once paired: checked again.
      if (item.pair !== null) delete item.row;
    }
    this.renderPairs();
  }

  private renderPairs(): void {
    const section = element("pairs");
    section.hidden = this.last.length === 0 || this.items.length === 0;
    if (section.hidden) return;
    const body = element("pairs-body");
    body.replaceChildren(
      ...this.items.map((item) => {
        const tr = document.createElement("tr");
        const name = document.createElement("td");
        name.textContent = item.file.path;
        const choice = document.createElement("td");
        const select = document.createElement("select");
        select.setAttribute("aria-label", this.text.pairFor(item.file.path));
        const none = document.createElement("option");
        none.value = "";
        none.textContent = this.text.pairNone;
        select.append(none);
        for (const l of this.last) {
          const option = document.createElement("option");
          option.value = l.file.path;
          option.textContent = l.file.path;
          select.append(option);
        }
        select.value = item.pair ?? "";
        select.addEventListener("change", () => {
          item.pair = select.value === "" ? null : select.value;
          // This file alone is checked again, against the file chosen.
          delete item.row;
          this.renderRow(item);
          this.renderProgress();
          void this.run();
        });
        choice.append(select);
        tr.append(name, choice);
        return tr;
      }),
    );
  }

  // ---- the table --------------------------------------------------------------------------

  private scheduleRedraw(): void {
    // Unsorted and unfiltered, a row is updated where it stands. Otherwise re-sorting a thousand
    // rows after each file would be quadratic: at most once a second.
    if (this.sort === undefined && !this.onlyErrors) return;
    if (this.redrawTimer !== undefined) return;
    this.redrawTimer = setTimeout(() => {
      this.redrawTimer = undefined;
      this.renderTable();
    }, 1000);
  }

  private visibleItems(): Item[] {
    const shown = this.onlyErrors
      ? this.items.filter((i) => i.row !== undefined && i.row.errors > 0)
      : [...this.items];
    const sort = this.sort;
    if (sort !== undefined) {
      const sign = sort.direction === "ascending" ? 1 : -1;
      const numeric = NUMERIC.has(sort.key);
      shown.sort((a, b) => {
        const x = sortValue(a, sort.key);
        const y = sortValue(b, sort.key);
        const order = numeric
          ? Number(x) - Number(y)
          : String(x).localeCompare(String(y), this.text.lang);
        return order === 0 ? a.id - b.id : sign * order;
      });
    }
    return shown;
  }

  private renderTable(): void {
    const body = element("results-body");
    const shown = this.visibleItems();
    if (shown.length === 0) {
      const tr = document.createElement("tr");
      const td = document.createElement("td");
      td.colSpan = COLUMNS.length;
      td.textContent = this.items.length === 0 ? this.text.idle : this.text.empty;
      tr.append(td);
      body.replaceChildren(tr);
      return;
    }
    body.replaceChildren(...shown.map((item) => item.tr ?? this.renderRow(item)));
  }

  private renderRow(item: Item): HTMLTableRowElement {
    const tr = item.tr ?? document.createElement("tr");
    item.tr = tr;
    const t = this.text;
    const row = item.row;
    tr.dataset["file"] = item.file.path;
    tr.dataset["status"] = row?.status ?? "waiting";
    tr.classList.toggle("has-errors", row !== undefined && row.errors > 0);
    const cells = COLUMNS.map((key) => {
      const td = document.createElement(key === "file" ? "th" : "td");
      if (key === "file") {
        td.scope = "row";
        const button = document.createElement("button");
        button.type = "button";
        button.className = "file";
        button.textContent = item.file.path;
        button.setAttribute("aria-label", t.open(item.file.path));
        button.disabled = row === undefined;
        button.addEventListener("click", () => void this.showDetail(item, true));
        td.append(button);
        return td;
      }
      if (NUMERIC.has(key)) td.className = "number";
      td.dataset["column"] = key;
      if (row === undefined) {
        if (key === "status") td.textContent = t.status.waiting;
        return td;
      }
      switch (key) {
        case "agency":
          td.textContent = row.agency ?? "";
          break;
        case "year":
          td.textContent = row.year === undefined ? "" : String(row.year);
          break;
        case "status": {
          td.textContent = t.status[row.status];
          if (row.status === "unreadable") {
            td.className = "status-error";
            // The command line's line for a file it cannot read, under the status.
            const line = document.createElement("span");
            line.className = "line";
            line.textContent = row.entry.error ?? "";
            td.append(line);
          }
          break;
        }
        case "errors":
          td.textContent = String(row.errors);
          break;
        case "warnings":
          td.textContent = String(row.warnings);
          break;
        default: {
          const value = figure(row, key);
          td.textContent = value === null ? "" : String(value);
        }
      }
      return td;
    });
    tr.replaceChildren(...cells);
    return tr;
  }

  private renderProgress(): void {
    const total = this.items.length;
    const done = this.items.filter((i) => i.row !== undefined).length;
    const progress = element<HTMLProgressElement>("progress");
    progress.max = Math.max(1, total);
    progress.value = done;
    const finished = total > 0 && done === total && !this.running;
    const rows = this.items.flatMap((i) => (i.row === undefined ? [] : [i.row]));
    setText(
      "status",
      total === 0
        ? this.text.idle
        : finished
          ? this.text.done(
              total,
              rows.reduce((n, r) => n + r.errors, 0),
              rows.reduce((n, r) => n + r.warnings, 0),
              rows.filter((r) => r.status === "unreadable").length,
            )
          : this.text.progress(done, total),
    );
    element<HTMLButtonElement>("download-summary").disabled = !finished;
    element<HTMLButtonElement>("download-csv").disabled = !finished;
    element<HTMLButtonElement>("clear").disabled = total === 0 && this.last.length === 0;
    element("results-section").setAttribute("aria-busy", String(!finished && total > 0));
  }

  // ---- one file ---------------------------------------------------------------------------

  private async showDetail(item: Item, focus: boolean): Promise<void> {
    const row = item.row;
    if (row === undefined) return;
    this.open = item;
    const t = this.text;
    const words = reportText(this.locale);
    const english = this.locale === "en-US";
    const [quoteOpen, quoteClose] = english ? ["“", "”"] : ["「", "」"];
    const section = element("detail");
    section.hidden = false;
    setText("detail-heading", t.detailHeading(item.file.path));
    const entry = row.entry;
    setText(
      "detail-status",
      entry.status === "unreadable"
        ? `${t.status.unreadable}${english ? ": " : "："}${entry.error ?? ""}`
        : t.status[entry.status],
    );
    const list = element("findings");
    // Each finding in the command line's words: [级别] 规则 message, its quoted sentence, → the fix.
    let lastProblem = -1;
    list.replaceChildren(
      ...entry.findings.map((f) => {
        const li = document.createElement("li");
        li.dataset["rule"] = f.rule;
        const label = document.createElement("span");
        // An explained finding (issue 13) is not open: labelled 已说明, its reason under it.
        label.className = f.explained === undefined ? `severity-${f.severity}` : "explained";
        label.textContent = `[${f.explained === undefined ? words.severity[f.severity] : words.explainedLabel}] ${f.rule}`;
        li.append(label, ` ${f.message}`);
        const reason =
          f.explained !== undefined
            ? words.explainedReason(f.explained.reason, f.explained.date)
            : f.lapsed !== undefined
              ? words.lapsedReason(f.lapsed.reason, f.lapsed.date)
              : undefined;
        if (reason !== undefined) {
          const line = document.createElement("span");
          line.className = "reason";
          line.textContent = reason;
          li.append(line);
        }
        if (f.quote !== undefined) {
          const quote = document.createElement("span");
          quote.className = "quote";
          quote.textContent = `${quoteOpen}${f.quote}${quoteClose}`;
          li.append(quote);
        }
        if (f.fixText !== undefined && f.problem !== lastProblem) {
          const fix = document.createElement("span");
          fix.className = "fix";
          fix.textContent = `→ ${f.fixText}`;
          li.append(fix);
        }
        lastProblem = f.problem;
        return li;
      }),
    );
    if (entry.findings.length === 0 && entry.status !== "unreadable") {
      const li = document.createElement("li");
      li.textContent = t.noFindings;
      list.append(li);
    }
    const notes = element("notes");
    const notesHeading = element("notes-heading");
    notes.hidden = notesHeading.hidden = (entry.notes ?? []).length === 0;
    notes.replaceChildren(
      ...(entry.notes ?? []).map((n) => {
        const li = document.createElement("li");
        li.textContent = n.message;
        return li;
      }),
    );
    element<HTMLButtonElement>("download-annotated").disabled = entry.status === "unreadable";
    element<HTMLButtonElement>("download-report").disabled =
      entry.status === "unreadable" || row.tables.length === 0;
    setText("report-status", "");
    setText("copy-status", "");
    const narrative = element<HTMLTextAreaElement>("narrative");
    narrative.value = "";
    if (focus) section.focus();
    if (entry.status !== "unreadable") {
      const text = await this.runner.narrative(row, this.locale);
      if (this.open === item) narrative.value = text;
    }
  }

  private closeDetail(): void {
    const item = this.open;
    this.open = undefined;
    element("detail").hidden = true;
    item?.tr?.querySelector<HTMLButtonElement>("button.file")?.focus();
  }

  // ---- downloads --------------------------------------------------------------------------

  private rows(): BatchRow[] {
    return this.items.flatMap((i) => (i.row === undefined ? [] : [i.row]));
  }

  private async downloadSummary(): Promise<void> {
    try {
      const bytes = await this.runner.summary(this.rows(), this.locale);
      download(
        bytes,
        this.locale === "en-US" ? "summary.xlsx" : "汇总.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
    } catch (error) {
      this.fail(error);
    }
  }

  private async downloadCsv(): Promise<void> {
    try {
      const csv = await this.runner.csv(this.rows(), this.locale);
      // A byte-order mark, so that Excel and WPS open the UTF-8 file as UTF-8.
      download(
        `\ufeff${csv}`,
        this.locale === "en-US" ? "findings.csv" : "问题清单.csv",
        "text/csv;charset=utf-8",
      );
    } catch (error) {
      this.fail(error);
    }
  }

  private async downloadAnnotated(): Promise<void> {
    const item = this.open;
    if (item === undefined) return;
    try {
      const bytes = await this.runner.annotate(item.file, this.options(item));
      const suffix = this.locale === "en-US" ? " (annotated)" : "（批注）";
      download(
        bytes,
        `${stem(item.file.name)}${suffix}.xlsx`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
    } catch (error) {
      this.fail(error);
    }
  }

  /** The whole annual report as `xxgk report` writes it; says when it is a draft. */
  private async downloadReport(): Promise<void> {
    const item = this.open;
    if (item === undefined) return;
    try {
      const written = await this.runner.report(item.file, this.options(item));
      const suffix = this.locale === "en-US" ? " (annual report)" : "（年度报告）";
      download(
        written.bytes,
        `${stem(item.file.name)}${suffix}.docx`,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      );
      setText(
        "report-status",
        written.errors > 0
          ? this.text.reportDraft(written.errors, written.doubtful)
          : written.doubtful > 0
            ? this.text.reportMarked(written.doubtful)
            : "",
      );
    } catch (error) {
      this.fail(error);
    }
  }

  private async copyNarrative(): Promise<void> {
    const area = element<HTMLTextAreaElement>("narrative");
    try {
      await navigator.clipboard.writeText(area.value);
      setText("copy-status", this.text.copied);
    } catch {
      // Older browsers, or a clipboard the user did not allow: the selection and execCommand.
      area.select();
      const copied = document.execCommand("copy");
      setText("copy-status", copied ? this.text.copied : this.text.copyFailed);
    }
  }

  private async downloadTemplate(): Promise<void> {
    const agencyInput = element<HTMLInputElement>("template-agency");
    const agency = agencyInput.value.trim();
    if (agency === "") {
      setText("template-status", this.text.templateAgencyMissing);
      agencyInput.focus();
      return;
    }
    setText("template-status", "");
    const year = Number(element<HTMLSelectElement>("template-year").value);
    try {
      const bytes = await this.runner.template(agency, year, this.locale);
      download(
        bytes,
        `${agency}${year}${this.locale === "en-US" ? " template" : "年报模板"}.xlsx`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * The row of a file whose check threw (a fault of ours, not of the file): shown as a file that
   * could not be checked, with the error, so that the batch goes on and the file is not dropped.
   */
  private failedRow(file: PageFile, error: unknown): BatchRow {
    const message = this.text.pageError(error instanceof Error ? error.message : String(error));
    // The row of a file that was not checked (tooLargeRow's shape), with this message.
    const row = tooLargeRow(file.path, Number.MAX_SAFE_INTEGER, this.locale)!;
    const unreadable = this.locale === "en-US" ? "unreadable: " : "无法读取：";
    return {
      ...row,
      entry: { ...row.entry, error: message },
      figureRow: { ...row.figureRow, status: `${unreadable}${message}` },
    };
  }

  private fail(error: unknown): void {
    setText("notice", this.text.pageError(error instanceof Error ? error.message : String(error)));
  }
}

async function startPage(): Promise<void> {
  const code = document.getElementById("xxgk-code")?.textContent ?? null;
  // ?worker=0 runs the batch on the main thread (the bench compares both).
  const allowWorker = new URLSearchParams(location.search).get("worker") !== "0";
  const runner = await startRunner(code, allowWorker);
  const page = new Page(runner);
  window.xxgkPage = page.hooks();
  page.start();
}

if (typeof document === "undefined") {
  serveBatch(self);
} else {
  void startPage();
}
