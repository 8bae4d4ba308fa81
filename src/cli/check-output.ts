/**
 * The three output formats of `check`. Text and CSV are written file by file as the batch goes;
 * JSON is one document, written at the end from the small per-file entries.
 */
import type { Locale } from "../core/locales/locale";
import { cliText } from "./cli-messages";
import type { CheckSummary } from "../formats/report/check-summary";
import { csvEntryLines, findingsCsvText } from "../formats/report/findings-csv";
import { terminalText } from "./terminal-text";
import { fileJson, qualifiedRange, type FileEntry } from "../formats/report/file-entry";

/** An output format: told about each file, then the summary. */
export interface CheckOutput {
  file(entry: FileEntry): void;
  end(summary: CheckSummary): void;
}

/** The output formats `--format` accepts. */
export const OUTPUT_FORMATS = ["text", "json", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A rule with more findings (without a fix) than this in one file is collapsed in text output… */
const COLLAPSE_OVER = 5;
/** …to this many findings and a count of the rest. */
const COLLAPSE_SHOW = 3;

/**
 * Human-readable text: one block per file, problems with their fix, and a summary line. File names
 * and report text are shown without escape sequences or control characters.
 */
export function textOutput(output: (text: string) => void, locale: Locale): CheckOutput {
  const write = (text: string): void => output(terminalText(text));
  const t = cliText(locale);
  const english = locale === "en-US";
  const colon = english ? ": " : "：";
  const [open, close] = english ? [" (", ")"] : ["（", "）"];
  const join = english ? "; " : "；";
  const [quoteOpen, quoteClose] = english ? ["“", "”"] : ["「", "」"];
  return {
    file(entry) {
      if (entry.status === "unreadable") {
        write(`✗ ${entry.file}${colon}${t.unreadable}${colon}${entry.error ?? ""}\n`);
        return;
      }
      const count = (s: string): number => entry.findings.filter((f) => f.severity === s).length;
      const tables = entry.tables
        .map((tb) => {
          const where = qualifiedRange(tb);
          const format = tb.format === "2019" ? `${english ? ", " : "，"}${t.format2019}` : "";
          return `${t.tableNames[tb.table]}${where === undefined ? "" : ` ${where}`}${format}`;
        })
        .join(join);
      const incomplete = entry.status === "incomplete";
      const counts =
        entry.findings.length === 0
          ? t.clean
          : t.fileCounts(count("error"), count("warning"), count("info"));
      // An incomplete check never reads as "no problems": it says so first.
      const status = incomplete
        ? `${t.incomplete}${entry.findings.length === 0 ? "" : `${english ? ", " : "，"}${counts}`}`
        : counts;
      const mark = count("error") > 0 ? "✗" : entry.findings.length > 0 || incomplete ? "!" : "✓";
      write(
        `${mark} ${entry.file} — ${status}${open}${tables === "" ? t.noTables : tables}${close}\n`,
      );
      for (const note of entry.notes ?? []) write(`  ! ${note.message}\n`);
      // A rule that fires many times without a fix (a blank template: every cell R6) is shown
      // by its first few findings and a count; JSON and CSV list every finding.
      const perRule = new Map<string, number>();
      for (const f of entry.findings)
        if (f.fix === undefined) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
      const shown = new Map<string, number>();
      let lastProblem = -1;
      for (const f of entry.findings) {
        if (f.fix === undefined && (perRule.get(f.rule) ?? 0) > COLLAPSE_OVER) {
          const n = shown.get(f.rule) ?? 0;
          shown.set(f.rule, n + 1);
          if (n >= COLLAPSE_SHOW) continue;
        }
        const label = `[${t.severity[f.severity]}] ${f.rule}`;
        write(`  ${label} ${f.message}\n`);
        if (f.quote !== undefined) write(`      ${quoteOpen}${f.quote}${quoteClose}\n`);
        if (f.fixText !== undefined && f.problem !== lastProblem) write(`      → ${f.fixText}\n`);
        lastProblem = f.problem;
      }
      for (const [rule, n] of shown)
        if (n > COLLAPSE_SHOW) write(`  … ${t.more(n - COLLAPSE_SHOW, rule)}\n`);
    },
    end(summary) {
      write(`\n${t.summary(summary)}\n`);
    },
  };
}

/** The whole run as one JSON document (issue 4's shape). */
export function jsonOutput(write: (text: string) => void, version: string): CheckOutput {
  const files: Record<string, unknown>[] = [];
  return {
    file(entry) {
      files.push(fileJson(entry));
    },
    end(summary) {
      write(`${JSON.stringify({ tool: "xxgk", version, files, summary }, null, 2)}\n`);
    },
  };
}

/** CSV with a UTF-8 byte-order mark (so Excel on Chinese Windows opens it as UTF-8). */
export function csvOutput(write: (text: string) => void): CheckOutput {
  write(findingsCsvText([]));
  return {
    file(entry) {
      write(csvEntryLines(entry));
    },
    end() {
      // CSV has no summary row: a summary would not be a finding.
    },
  };
}
