/**
 * The only place that reads office.js's globals: `Excel.run` as the adapter's run function, and
 * which API sets the host offers. Everything else receives these as parameters.
 */
import type { HostCapabilities, RunBatch } from "./host";

/** `Excel.run`, typed as the adapter's run function (a compile-time check that it fits). */
export function officeRun(): RunBatch {
  const run: RunBatch = Excel.run;
  return run;
}

/** Whether the host supports ExcelApi at a version (false outside Office or without the API). */
export function supportsExcelApi(version: string): boolean {
  const requirements =
    typeof Office === "undefined"
      ? undefined
      : (Office.context?.requirements as Office.RequirementSetSupport | undefined);
  return requirements?.isSetSupported("ExcelApi", version) === true;
}

/** The optional API sets the adapter can use. */
export function officeCapabilities(): HostCapabilities {
  return {
    rangeAreas: supportsExcelApi("1.9"),
    mergedAreas: supportsExcelApi("1.13"),
    customXml: supportsExcelApi("1.5"),
  };
}
