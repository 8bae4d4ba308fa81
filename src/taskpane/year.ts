/**
 * The report year the pane accepts: 2019 (the first report year of the national format's forms
 * in use) to next year (a report prepared early). It cannot know the agency's own calendar.
 */

/** The first report year the pane accepts. */
export const FIRST_REPORT_YEAR = 2019;

/** The range of report years accepted on a given day: 2019 … this year + 1. */
export function reportYearRange(today: Date = new Date()): { min: number; max: number } {
  return { min: FIRST_REPORT_YEAR, max: today.getFullYear() + 1 };
}

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
