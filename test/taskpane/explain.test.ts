/**
 * Issue 13 in the pane, against the workbook double: a finding explained through the adapter is
 * kept in the workbook's custom XML part, read back by a new adapter (the pane closed and
 * reopened), lapses when a value changes, can be withdrawn, and is read by the command line's
 * parser. R1–R5 are never explainable. The DOM flow is tested in test/browser/pane.browser.ts.
 */
import JSZip from "jszip";
import { parseCellAddress } from "../../src/core/model/address";
import { figureSet } from "../../src/core/model/figure-set";
import { seedTables } from "../helpers/build";
import type { Explanation } from "../../src/core/explain/explanations";
import { parseReportPart, REPORT_PART_NAMESPACE } from "../../src/core/model/report-part";
import { EXPLAINED_COLOURS, HIGHLIGHT_COLOURS } from "../../src/core/template/highlights";
import { createExcelAdapter, type WorkbookPort } from "../../src/excel/adapter";
import { insertTemplates } from "../../src/excel/insert";
import {
  explainedMarks,
  sortProblems,
  withExplained,
  withoutExplained,
  type SortedProblems,
} from "../../src/taskpane/explain";
import { checkTables, type CheckOutcome } from "../../src/taskpane/report";
import { readReportPart } from "../../src/xlsx/read-report-part";
import { activeConditionalFormats } from "../excel/double/state";
import type { WorkbookDouble } from "../excel/double/workbook-double";
import { addressOf, typeFigures } from "../excel/fill";
import { ALL_CAPABILITIES, workbookWith } from "../excel/helpers";

const TABLES = ["T2", "T3", "T4"] as const;
const SHEET = "年报表格";
/** A cell left "/" on purpose: an R6 warning, explainable. */
const SLASH = addressOf(TABLES, "二", "商业企业");
/** A total typed over its formula, wrong: an R1 error, never explainable. */
const TOTAL = addressOf(TABLES, "一", "总计");
const REASON = "本单位无商业企业申请人，该项不适用，填“/”。";

async function workbook(): Promise<WorkbookDouble> {
  const double = workbookWith();
  await insertTemplates(
    double.run,
    { tables: TABLES, target: "new-sheet", totalsAsFormulas: true, locale: "zh-CN" },
    ALL_CAPABILITIES,
  );
  // The seed report's figures (a correct report), then one "/" and one wrong total.
  const seed = figureSet(seedTables());
  typeFigures(
    double,
    SHEET,
    TABLES,
    (row, column) =>
      seed.value({ table: "T3", row, column }) ?? seed.value({ table: "T4", row, column }) ?? 0,
  );
  double.type(SHEET, SLASH, "/");
  double.type(SHEET, TOTAL, 999);
  return double;
}

/** What the pane's check does: read (and mark) with the explanations kept, then sort. */
async function check(
  port: WorkbookPort,
  explanations: readonly Explanation[],
  highlight = false,
): Promise<{ outcome: CheckOutcome; sorted: SortedProblems }> {
  let checked: CheckOutcome | undefined;
  const reading = await port.read({
    scope: { kind: "active" },
    highlight,
    findingsFor: (located) => (checked = checkTables({ tables: located })).findings,
    explainedFor: () =>
      checked === undefined ? [] : explainedMarks(sortProblems(checked, explanations).explained),
  });
  const outcome = checked ?? checkTables({ tables: reading.located });
  return { outcome, sorted: sortProblems(outcome, explanations) };
}

const at = (sorted: SortedProblems, rule: string) =>
  sorted.open.find((o) => o.problem.findings.some((f) => f.rule === rule));

function fillAt(double: WorkbookDouble, address: string): string | undefined {
  const p = parseCellAddress(address);
  return activeConditionalFormats(double.sheet(SHEET), p.row, p.column)[0]?.fill;
}

describe("explaining a finding in the pane", () => {
  it("keeps it in the workbook: reopened it is explained, a changed value lapses it, withdrawn it is open", async () => {
    const double = await workbook();
    const pane = createExcelAdapter(double.run, ALL_CAPABILITIES);
    expect(await pane.loadExplanations()).toEqual({ explanations: [], skipped: 0 });
    const first = await check(pane, []);
    const r6 = at(first.sorted, "R6")!;
    const r1 = at(first.sorted, "R1")!;
    expect(r6.explainable).toBe(true);
    // R1 offers no explain button: sums are fixed, not explained.
    expect(r1.explainable).toBe(false);
    const errorsBefore = first.sorted.errors;
    const warningsBefore = first.sorted.warnings;

    const kept = withExplained([], r6.problem, first.outcome.figures, REASON, "2025-01-20");
    double.roundTrips = 0;
    double.syncCount = 0;
    await pane.saveExplanations(kept);
    // No part yet: the look-up (1), the write (1).
    expect(double.roundTrips).toBe(2);
    expect(
      double.state.customXmlParts.filter((p) => p.namespace === REPORT_PART_NAMESPACE),
    ).toHaveLength(1);

    // Closed and reopened: a new adapter over the same workbook reads the part.
    const reopened = createExcelAdapter(double.run, ALL_CAPABILITIES);
    const stored = await reopened.loadExplanations();
    expect(stored).toEqual({ explanations: kept, skipped: 0 });
    const second = await check(reopened, stored.explanations, true);
    expect(second.sorted.explained.map((e) => e.explanations[0]!.reason)).toEqual([REASON]);
    expect(at(second.sorted, "R6")).toBeUndefined();
    expect(second.sorted.errors).toBe(errorsBefore);
    expect(second.sorted.warnings).toBe(warningsBefore - 1);
    // The cell is marked grey, above its yellow; the R1 total keeps its red.
    expect(fillAt(double, SLASH)).toBe(EXPLAINED_COLOURS.fill);
    expect(fillAt(double, TOTAL)).toBe(HIGHLIGHT_COLOURS.error.fill);

    // Saving the settings keeps the explanations (the newest part is the only one read).
    await reopened.saveSettings({ year: 2024 });
    expect(
      (await createExcelAdapter(double.run, ALL_CAPABILITIES).loadExplanations()).explanations,
    ).toEqual(kept);

    // A changed value: the live grey mark turns itself off at once, and the check reopens it.
    double.type(SHEET, SLASH, "-");
    expect(fillAt(double, SLASH)).toBe(HIGHLIGHT_COLOURS.warning.fill);
    const third = await check(reopened, stored.explanations, true);
    const lapsed = at(third.sorted, "R6")!;
    expect(lapsed.lapsed.map((e) => e.reason)).toEqual([REASON]);
    expect(third.sorted.explained).toEqual([]);
    expect(third.sorted.warnings).toBe(warningsBefore);

    // Back to "/": explained again; then withdrawn, it is open with no lapse to tell.
    double.type(SHEET, SLASH, "/");
    const fourth = await check(reopened, stored.explanations);
    expect(fourth.sorted.explained).toHaveLength(1);
    double.roundTrips = 0;
    await reopened.saveExplanations(
      withoutExplained(stored.explanations, fourth.sorted.explained[0]!.problem),
    );
    // A part to keep the settings of: the parts (1), their XML (1), the write (1).
    expect(double.roundTrips).toBe(3);
    const after = createExcelAdapter(double.run, ALL_CAPABILITIES);
    const none = await after.loadExplanations();
    expect(none.explanations).toEqual([]);
    const fifth = await check(after, none.explanations, true);
    expect(at(fifth.sorted, "R6")!.lapsed).toEqual([]);
    expect(fifth.sorted.explained).toEqual([]);
    expect(fillAt(double, SLASH)).toBe(HIGHLIGHT_COLOURS.warning.fill);
  });

  it("never explains an R1 finding, even with an explanation forged for it", async () => {
    const double = await workbook();
    const pane = createExcelAdapter(double.run, ALL_CAPABILITIES);
    const { outcome, sorted } = await check(pane, []);
    const r1 = at(sorted, "R1")!;
    const forged = withExplained([], r1.problem, outcome.figures, "合计不对但就这样", "2025-01-20");
    await pane.saveExplanations(forged);
    const again = await check(pane, (await pane.loadExplanations()).explanations);
    expect(at(again.sorted, "R1")).toBeDefined();
    expect(again.sorted.explained).toEqual([]);
    expect(again.sorted.errors).toBe(sorted.errors);
  });

  it("writes a part the command line's reader parses with the same storage code", async () => {
    const double = await workbook();
    const pane = createExcelAdapter(double.run, ALL_CAPABILITIES);
    await pane.saveSettings({ year: 2024, agency: "曲阜市时庄街道办事处" });
    const { outcome, sorted } = await check(pane, []);
    const kept = withExplained(
      [],
      at(sorted, "R6")!.problem,
      outcome.figures,
      REASON,
      "2025-01-20",
    );
    await pane.saveExplanations(kept);
    const parts = double.state.customXmlParts.filter((p) => p.namespace === REPORT_PART_NAMESPACE);
    expect(parts).toHaveLength(1);
    const zip = new JSZip();
    zip.file("customXml/item1.xml", parts[0]!.xml);
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const read = await readReportPart(bytes);
    expect(read).toEqual(parseReportPart(parts[0]!.xml));
    expect(read?.explanations).toEqual(kept);
    expect(read?.year).toBe(2024);
    expect(read?.agency).toBe("曲阜市时庄街道办事处");
    expect(read?.explanations?.[0]?.cells[0]).toEqual({
      id: "T3/二/商业企业",
      address: `${SHEET}!${SLASH}`,
      value: "/",
    });
  });

  it("says how many explanations in the part could not be read", async () => {
    const double = await workbook();
    const pane = createExcelAdapter(double.run, ALL_CAPABILITIES);
    const { outcome, sorted } = await check(pane, []);
    await pane.saveExplanations(
      withExplained([], at(sorted, "R6")!.problem, outcome.figures, REASON, "2025-01-20"),
    );
    const part = double.state.customXmlParts[0]!;
    part.xml = part.xml.replace('date="2025-01-20"', 'date="someday"');
    expect(await pane.loadExplanations()).toEqual({ explanations: [], skipped: 1 });
  });
});
