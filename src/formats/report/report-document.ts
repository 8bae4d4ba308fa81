/**
 * The whole annual report as a Word document from a read report's tables, the same for
 * `xxgk report` and the offline page: the tables checked (with last year's when given), the
 * explanations that still hold taken out of the findings and written as 六（五）, the plan with
 * 【请核对】 at every figure an open finding makes doubtful, and the .docx bytes. The caller refuses
 * a report without tables or in the 2019 format first (`reportRefusal`).
 */
import { checkReport } from "../../core/check";
import type { Explanation } from "../../core/explain/explanations";
import type { Locale } from "../../core/locales/locale";
import type { LocatedTable } from "../../core/model/figures";
import { verifiedCheck } from "../../core/report/explained";
import { planReport, type ReportPlan } from "../../core/report/plan";
import { reportDocx } from "../docx/write-report";
import type { LoadedReport } from "./load-report";

/** What the document is written with, beside the report itself. */
export interface ReportDocumentSettings {
  readonly locale: Locale;
  readonly year?: number;
  readonly agency?: string;
  readonly self?: string;
  readonly lastYear?: readonly LocatedTable[];
  /** Explanations beside the workbook's own (a supervising office's list). */
  readonly explanations?: readonly Explanation[];
}

/** The written document and what its caller says about it. */
export interface ReportDocument {
  readonly bytes: Uint8Array;
  readonly plan: ReportPlan;
  /** Problems with an open error: the document is a draft. */
  readonly errors: number;
  /** Figures marked 【请核对】. */
  readonly doubtful: number;
}

/** Why a report cannot be written, or undefined when it can. */
export function reportRefusal(report: LoadedReport): "no-tables" | "format-2019" | undefined {
  if (report.tables.length === 0) return "no-tables";
  if (report.tables.some((t) => t.version === "2019")) return "format-2019";
  return undefined;
}

/** Writes the report's document. */
export async function reportDocument(
  report: LoadedReport,
  settings: ReportDocumentSettings,
): Promise<ReportDocument> {
  const year = settings.year ?? report.identity.year;
  const agency = settings.agency ?? report.identity.agency;
  const checked = checkReport({
    tables: report.tables,
    ...(settings.lastYear === undefined ? {} : { lastYear: [...settings.lastYear] }),
    ...(year === undefined ? {} : { year }),
    ...(agency === undefined ? {} : { agency }),
  });
  const verified = verifiedCheck(
    checked,
    report.tables,
    [...(report.explanations ?? []), ...(settings.explanations ?? [])],
    settings.locale,
  );
  const plan = planReport({
    tables: report.tables,
    check: verified.check,
    statisticsNotes: verified.statisticsNotes,
    locale: settings.locale,
    ...(year === undefined ? {} : { year }),
    ...(agency === undefined ? {} : { agency }),
    ...(settings.self === undefined ? {} : { self: settings.self }),
  });
  const doubtful = plan.blocks.reduce(
    (n, b) =>
      n +
      (b.kind === "table"
        ? b.rows.flat().filter((c) => c.doubtful === true).length
        : b.kind === "paragraph"
          ? b.marks.filter((m) => m.kind === "verify").length
          : 0),
    0,
  );
  return { bytes: await reportDocx(plan), plan, errors: verified.errors, doubtful };
}
