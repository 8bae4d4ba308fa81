/** The pane's error for a report year outside the accepted range (core/model/report-year). */

/** A report year outside reportYearRange was typed; the pane shows its own message for it. */
export class InvalidYearError extends Error {
  constructor(
    readonly text: string,
    readonly min: number,
    readonly max: number,
  ) {
    super(`invalid report year: ${text}`);
    this.name = "InvalidYearError";
  }
}
