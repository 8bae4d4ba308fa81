/**
 * What 生成年度报告 needs beside the writer, in a chunk of its own (`report-plan`), loaded when the
 * button is pressed: the core's report plan and its layout on a sheet. Kept out of the pane's first
 * bundle, which has a size limit (test/browser/pane.browser.ts).
 */
export { planReport } from "../core/report/plan";
export { verifiedCheck } from "../core/report/explained";
export { layoutReport } from "../excel/report-layout";
