/**
 * The report years the tool accepts: 2019 (the first report year of the national forms, the 2019
 * trial format) to next year (a report prepared early). It cannot know an agency's own calendar;
 * the caller passes today's date.
 */

/** The first report year accepted. */
export const FIRST_REPORT_YEAR = 2019;

/** The range of report years accepted on a given day: 2019 … this year + 1. */
export function reportYearRange(today: Date): { min: number; max: number } {
  return { min: FIRST_REPORT_YEAR, max: today.getFullYear() + 1 };
}

/** The year written as four digits inside the range, else undefined. */
export function acceptedReportYear(text: string, today: Date): number | undefined {
  const { min, max } = reportYearRange(today);
  const trimmed = text.trim();
  const year = /^\d{4}$/u.test(trimmed) ? Number(trimmed) : Number.NaN;
  return year >= min && year <= max ? year : undefined;
}
