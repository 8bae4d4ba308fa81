/** The report plan: sections in the official order, tables from the layout, marks where rules fail. */
import { checkReport } from "../../../src/core/check";
import { planReport, VERIFY_MARK, type ReportPlan } from "../../../src/core/report/plan";
import { buildTable, seedTables } from "../../helpers/build";

function headings(plan: ReportPlan, level: 1 | 2): string[] {
  return plan.blocks.flatMap((b) => (b.kind === "heading" && b.level === level ? [b.text] : []));
}

function allText(plan: ReportPlan): string {
  return plan.blocks
    .map((b) =>
      b.kind === "table" ? b.rows.map((r) => r.map((c) => c.text).join("\n")).join("\n") : b.text,
    )
    .join("\n");
}

test("the plan has the six official sections in order", () => {
  const plan = planReport({
    tables: seedTables(),
    agency: "曲阜市时庄街道办事处",
    year: 2024,
    locale: "zh-CN",
  });
  expect(plan.title).toBe("曲阜市时庄街道办事处2024年政府信息公开工作年度报告");
  expect(headings(plan, 1)).toEqual([
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
  ]);
  expect(headings(plan, 2)).toHaveLength(12);
  expect(allText(plan)).toContain("自2024年1月1日起至2024年12月31日止");
});

test("a consistent report's plan carries no verify mark and 六（五） says 无", () => {
  const tables = seedTables();
  const check = checkReport({ tables, year: 2024 });
  expect(check.findings).toEqual([]);
  const plan = planReport({ tables, year: 2024, check, locale: "zh-CN" });
  expect(allText(plan)).not.toContain(VERIFY_MARK);
  expect(plan.blocks.some((b) => b.kind === "note")).toBe(false);
  const five = plan.blocks.findIndex(
    (b) => b.kind === "heading" && b.text.startsWith("（五）本年度"),
  );
  expect(plan.blocks[five + 1]).toMatchObject({ kind: "paragraph", text: "无。" });
});

test("table 三's grid has the corner note over 3×3 cells and 25 data rows", () => {
  const plan = planReport({ tables: seedTables(), locale: "zh-CN" });
  const t3 = plan.blocks.find((b) => b.kind === "table" && b.table === "T3");
  if (t3?.kind !== "table") throw new Error("no table 三");
  expect(t3.rows[0]![0]).toMatchObject({ role: "note", rowSpan: 3, colSpan: 3 });
  expect(t3.rows).toHaveLength(28);
  expect(t3.rows.slice(3).every((r) => r.filter((c) => c.role === "value").length === 7)).toBe(
    true,
  );
});

test("a figure a failed rule names carries the verify mark in its cell and its sentence", () => {
  const tables = seedTables().map((t) => {
    if (t.table !== "T3") return t;
    const cells = new Map(t.cells);
    const key = "T3/一/总计";
    const old = cells.get(key)!;
    const value = (old.reading.kind === "number" ? old.reading.value : 0) + 1;
    cells.set(key, { ...old, raw: value, reading: { kind: "number", value } });
    return { ...t, cells };
  });
  const check = checkReport({ tables, year: 2024 });
  expect(check.counts.error).toBeGreaterThan(0);
  const plan = planReport({ tables, year: 2024, check, locale: "zh-CN" });
  const t3 = plan.blocks.find((b) => b.kind === "table" && b.table === "T3");
  if (t3?.kind !== "table") throw new Error("no table 三");
  const cell = t3.rows.flat().find((c) => c.cell?.row === "一" && c.cell.column === "总计");
  expect(cell?.doubtful).toBe(true);
  const applications = plan.blocks.find(
    (b) => b.kind === "paragraph" && b.text.includes("收到政府信息公开申请"),
  );
  expect(applications?.kind === "paragraph" && applications.text).toContain(VERIFY_MARK);
  expect(plan.blocks[0]!.kind).toBe("note");
});

test("a table not in the report is planned empty", () => {
  const plan = planReport({ tables: [buildTable("T4", {})], locale: "zh-CN" });
  const t2 = plan.blocks.find((b) => b.kind === "table" && b.table === "T2");
  if (t2?.kind !== "table") throw new Error("no table 二");
  expect(
    t2.rows
      .flat()
      .filter((c) => c.role === "value")
      .every((c) => c.text === ""),
  ).toBe(true);
});
