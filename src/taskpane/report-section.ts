/**
 * The pane's 年度报告 section (issue 12): the whole report, planned by the core from the tables the
 * last check read (read again, so edits since count) and the settings typed in 报告文字, handed to
 * the user as a Word file where the host lets a task pane save one, else written into a new sheet
 * (report-delivery.ts says which host gets which, docs/addin.md why). The plan (chunk
 * `report-plan`) and the .docx writer with the `docx` package (chunk `report-docx`) are loaded when
 * the button is first pressed, so they do not weigh on the pane's first load.
 */
import type { Locale } from "../core/locales/locale";
import type { LocatedTable } from "../core/model/figures";
import type { ReportPlan } from "../core/report/plan";
import type { WorkbookPort } from "../excel/adapter";
import type { ReportSettings } from "../excel/settings";
import { clear, h } from "./dom";
import type { CheckOutcome } from "./report";
import {
  canDownload,
  DOCX_TYPE,
  reportDelivery,
  reportFileName,
  type ReportDelivery,
} from "./report-delivery";
import { reportTexts } from "./report-texts";
import type { Explanation } from "../core/explain/explanations";

/** Writes a plan as .docx bytes. */
export type ReportWriter = (plan: ReportPlan) => Promise<Uint8Array>;

/** What the section needs from the pane around it. */
export interface ReportSectionContext {
  readonly doc: Document;
  readonly locale: Locale;
  /** `Office.context.diagnostics.platform`, when known. */
  readonly platform?: string;
  readonly port: WorkbookPort;
  readonly status: HTMLElement;
  readonly section: (title: string, id: string) => HTMLElement;
  readonly button: (
    label: string,
    onClick: () => Promise<void>,
    primary?: boolean,
  ) => HTMLButtonElement;
  /** The settings typed in the pane; throws InvalidYearError for a year out of range. */
  readonly settings: () => ReportSettings;
  /** The tables of the last check's sheets, read and checked again; undefined before a check. */
  readonly tables: () => Promise<
    { readonly located: readonly LocatedTable[]; readonly outcome: CheckOutcome } | undefined
  >;
  /** The explanations kept in the workbook: verified figures are unmarked, and they write 六（五）. */
  readonly explanations?: () => readonly Explanation[];
  /** Loads the writer; by default the `report-docx` chunk. */
  readonly loadWriter?: () => Promise<ReportWriter>;
}

/** The plan and its sheet layout (chunk `report-plan`). */
function loadBuilder(): Promise<typeof import("./report-build")> {
  return import(/* webpackChunkName: "report-plan" */ "./report-build");
}

/** The writer's chunk, fetched from the pane's own origin (CSP script-src 'self'). */
async function loadDocxWriter(): Promise<ReportWriter> {
  const module = await import(/* webpackChunkName: "report-docx" */ "../formats/docx/write-report");
  return (plan) => module.reportDocx(plan);
}

/** Builds the section at the end of the pane. */
export function mountReportSection(ctx: ReportSectionContext): void {
  const { doc } = ctx;
  const t = reportTexts(ctx.locale);
  const win = doc.defaultView;
  const delivery: ReportDelivery = reportDelivery({
    ...(ctx.platform === undefined ? {} : { platform: ctx.platform }),
    canDownload: win !== null && canDownload(win),
  });
  const section = ctx.section(t.heading, "annual-report");
  const result = h(doc, "div", { className: "report-result", attrs: { id: "report-result" } });
  let url: string | undefined;

  /** Reads the tables again and plans the report; undefined (with a status line) when it cannot. */
  const plan = async (): Promise<{ plan: ReportPlan; errors: number } | undefined> => {
    const settings = ctx.settings();
    const read = await ctx.tables();
    if (read === undefined) {
      ctx.status.textContent = t.needCheck;
      return undefined;
    }
    if (read.located.length === 0) {
      ctx.status.textContent = t.noTables;
      return undefined;
    }
    const { planReport, verifiedCheck } = await loadBuilder();
    const verified = verifiedCheck(
      read.outcome.check,
      read.located,
      ctx.explanations?.() ?? [],
      ctx.locale,
    );
    return {
      plan: planReport({
        tables: read.located,
        check: verified.check,
        statisticsNotes: verified.statisticsNotes,
        ...settings,
        locale: ctx.locale,
      }),
      errors: verified.errors,
    };
  };

  /** Clears the last result (and frees its file) and says so when the tables fail the check. */
  const begin = (errors: number): string[] => {
    if (url !== undefined) win?.URL.revokeObjectURL(url);
    url = undefined;
    clear(result);
    if (errors === 0) return [];
    const warning = t.fromFailingTables(errors);
    result.append(
      h(doc, "p", {
        className: "note narrative-warning",
        text: warning,
        attrs: { id: "report-warning" },
      }),
    );
    return [warning];
  };

  const toSheet = async (report: ReportPlan, why: string | undefined): Promise<string[]> => {
    const { layoutReport } = await loadBuilder();
    const written = await ctx.port.writeReport(layoutReport(report));
    const lines = [t.sheetWritten(written.sheet), ...(why === undefined ? [] : [why])];
    result.append(
      h(doc, "p", { className: "note", text: lines.join(" "), attrs: { id: "report-sheet" } }),
    );
    return lines;
  };

  const toFile = async (report: ReportPlan, name: string): Promise<string[]> => {
    const write = await (ctx.loadWriter ?? loadDocxWriter)();
    const bytes = await write(report);
    // A copy on an ArrayBuffer of its own: what Blob accepts (not a view of shared memory).
    url = win!.URL.createObjectURL(new win!.Blob([new Uint8Array(bytes)], { type: DOCX_TYPE }));
    const link = h(doc, "a", {
      className: "button primary download",
      text: t.link,
      attrs: { href: url, download: name, id: "report-link" },
    });
    result.append(
      h(doc, "div", { className: "actions" }, [link]),
      h(doc, "p", {
        className: "hint",
        text: ctx.platform === "PC" ? t.downloadHintPc : t.downloadHint,
      }),
    );
    return [t.ready];
  };

  const generate = async (): Promise<void> => {
    const planned = await plan();
    if (planned === undefined) return;
    const notes = begin(planned.errors);
    let lines: string[];
    if (delivery === "sheet") {
      lines = await toSheet(
        planned.plan,
        ctx.platform === "Mac" || ctx.platform === "iOS" ? t.whyMac : t.whyNoDownload,
      );
    } else {
      try {
        lines = await toFile(planned.plan, reportFileName(ctx.settings()));
      } catch (error) {
        // The chunk could not be fetched, or the webview refused the Blob: the sheet instead.
        const reason = error instanceof Error ? error.name : "Error";
        lines = await toSheet(planned.plan, t.whyFailed(reason));
      }
    }
    ctx.status.textContent = [...lines, ...notes].join(" ");
  };

  const buttons = [ctx.button(t.generate, generate, true)];
  if (delivery === "download") {
    // A link cannot tell whether the webview saved the file: the sheet stays one click away.
    buttons.push(
      ctx.button(t.writeSheet, async () => {
        const planned = await plan();
        if (planned === undefined) return;
        const notes = begin(planned.errors);
        ctx.status.textContent = [...(await toSheet(planned.plan, undefined)), ...notes].join(" ");
      }),
    );
  }
  section.append(
    h(doc, "p", { className: "hint", text: t.hint }),
    h(doc, "div", { className: "actions" }, buttons),
    result,
  );
}
