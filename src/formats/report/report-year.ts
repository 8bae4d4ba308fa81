/** The report year when none is given: last year, the year annual reports are written about. */
export function defaultReportYear(today: Date = new Date()): number {
  return today.getFullYear() - 1;
}
