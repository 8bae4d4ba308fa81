/** The summary across files of a `check` run, and the exit code it implies. */
import type { FileEntry } from "./file-entry";

/** Counts across files: findings are counted one by one, not files. */
export interface CheckSummary {
  readonly files: number;
  readonly checked: number;
  readonly unreadable: number;
  /** Files checked while some part of them could not be read (counted in `checked` too). */
  readonly incomplete: number;
  readonly errors: number;
  readonly warnings: number;
}

/** A running tally, fed one entry at a time (the entries themselves need not be kept). */
export class SummaryTally {
  private files = 0;
  private checked = 0;
  private unreadable = 0;
  private incomplete = 0;
  private errors = 0;
  private warnings = 0;
  private filesWithErrors = 0;

  add(entry: FileEntry): void {
    this.files++;
    if (entry.status === "checked") this.checked++;
    else if (entry.status === "incomplete") {
      this.checked++;
      this.incomplete++;
    } else this.unreadable++;
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
      incomplete: this.incomplete,
      errors: this.errors,
      warnings: this.warnings,
    };
  }

  /**
   * 2 when some file could not be read, or could be read only in part (its unread sheets may hold
   * errors: an incomplete check must not pass as "no errors", nor claim errors it did not see),
   * else 1 when some file has an error, else 0.
   */
  exitCode(): number {
    if (this.unreadable > 0 || this.incomplete > 0) return 2;
    return this.filesWithErrors > 0 ? 1 : 0;
  }
}
