/** The summary across files of a `check` run, and the exit code it implies. */
import type { FileEntry } from "./file-entry";

/** Counts across files: findings are counted one by one, not files. */
export interface CheckSummary {
  readonly files: number;
  readonly checked: number;
  readonly unreadable: number;
  readonly errors: number;
  readonly warnings: number;
}

/** A running tally, fed one entry at a time (the entries themselves need not be kept). */
export class SummaryTally {
  private files = 0;
  private checked = 0;
  private unreadable = 0;
  private errors = 0;
  private warnings = 0;
  private filesWithErrors = 0;

  add(entry: FileEntry): void {
    this.files++;
    if (entry.status === "checked") this.checked++;
    else this.unreadable++;
    const errors = entry.findings.filter((f) => f.severity === "error").length;
    this.errors += errors;
    this.warnings += entry.findings.filter((f) => f.severity === "warning").length;
    if (errors > 0) this.filesWithErrors++;
  }

  summary(): CheckSummary {
    return {
      files: this.files,
      checked: this.checked,
      unreadable: this.unreadable,
      errors: this.errors,
      warnings: this.warnings,
    };
  }

  /** 2 when some file could not be read, else 1 when some file has an error, else 0. */
  exitCode(): number {
    if (this.unreadable > 0) return 2;
    return this.filesWithErrors > 0 ? 1 : 0;
  }
}
