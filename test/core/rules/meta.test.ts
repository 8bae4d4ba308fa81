/** The catalogue is complete: every code has text, every rule names only cells of its table. */
import { formatFinding, formatFix, ruleDescription } from "../../../src/core/locales/messages";
import { LOCALES } from "../../../src/core/locales/locale";
import { cellId, dataCells, TABLES } from "../../../src/core/model/tables";
import { buildRules, ruleCells } from "../../../src/core/rules/catalog";
import { FINDING_CODES, RULE_IDS, type Finding } from "../../../src/core/rules/finding";

const allCells = new Set(TABLES.flatMap((t) => dataCells(t).map(cellId)));

describe("the rule catalogue", () => {
  const scopes = [
    {
      t3Version: "2021" as const,
      hasT2: true,
      hasT4: true,
      hasLastYear: true,
      hasNarrative: true,
      hasDocument: true,
    },
    {
      t3Version: "2019" as const,
      hasT2: true,
      hasT4: true,
      hasLastYear: true,
      hasNarrative: true,
      hasDocument: true,
    },
  ];

  it.each(scopes)("names only cells that exist (table 三 $t3Version)", (scope) => {
    for (const rule of buildRules(scope)) {
      for (const key of ruleCells(rule)) expect(allCells.has(cellId(key))).toBe(true);
    }
  });

  it("uses every rule id of the spec", () => {
    const ids = new Set(buildRules(scopes[0]!).map((r) => r.id));
    expect([...ids].sort()).toEqual([...RULE_IDS].sort());
  });

  it("instantiates R1 for 7 columns, R2 for 25 rows, R3 for 7 columns and R4 for 3 groups", () => {
    const rules = buildRules(scopes[0]!);
    const count = (id: string): number => rules.filter((r) => r.id === id).length;
    expect([count("R1"), count("R2"), count("R3"), count("R4")]).toEqual([7, 25, 7, 3]);
  });
});

describe("messages", () => {
  const sample = (code: (typeof FINDING_CODES)[number]): Finding => ({
    rule: "R2",
    code,
    severity: "error",
    table: "T3",
    cells: [{ table: "T3", row: "三(一)", column: "自然人", address: "Sheet1!D10" }],
    reported: 3,
    computed: 2,
    difference: 1,
    params: {
      row: "三(一)",
      column: "自然人",
      text: "5件",
      found: "x",
      official: "y",
      value: -1,
      quantity: "新收申请",
      unit: "件",
      start: "2024-01-01",
      end: "2024-12-30",
      year: 2024,
      level: "township",
      lastYear: 4,
    },
  });

  it.each(LOCALES.flatMap((l) => FINDING_CODES.map((c) => [l, c] as const)))(
    "%s has text for %s with no unfilled placeholder",
    (locale, code) => {
      const text = formatFinding(sample(code), locale);
      expect(text.length).toBeGreaterThan(5);
      expect(text).not.toMatch(/undefined|\$\{|\{[a-z]+\}/u);
    },
  );

  it.each(LOCALES.flatMap((l) => RULE_IDS.map((id) => [l, id] as const)))(
    "%s describes rule %s",
    (locale, id) => {
      expect(ruleDescription(id, locale).length).toBeGreaterThan(5);
    },
  );

  it("names a cell by its official labels and address", () => {
    expect(formatFinding(sample("blank"), "zh-CN")).toMatchInlineSnapshot(
      `"表三（依申请公开）「（一）予以公开」行「自然人」列（Sheet1!D10）为空白；没有数据请填 0，不要留空。"`,
    );
    expect(
      formatFix({
        cell: { table: "T3", row: "一", column: "总计", address: "Sheet1!J5" },
        original: 10,
        value: 9,
      }),
    ).toMatchInlineSnapshot(
      `"建议将表三（依申请公开）「一、本年新收政府信息公开申请数量」行「总计」列（Sheet1!J5）由 10 改为 9。"`,
    );
  });
});
