/**
 * Table rows as they come out of a web copy or a Word export: markdown tables, a table broken by
 * a page break (its page number, title or headers repeated) read as one table, a true second copy
 * still reported, and a row whose blank cells were dropped reported rather than shifted.
 */
import { numericValue, type LocatedTable } from "../../../src/core/model/figures";
import { readReportText } from "../../../src/core/text/report-text";

const HEAD = `二、主动公开政府信息情况
| 第二十条第(一)项 | |||
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 1 | 0 | 5 |
| 第二十条第(五)项 | |||
| 信息内容 | 本年处理决定数量 | ||
| 行政许可 | 12 | ||`;

const TAIL = `| 第二十条第(六)项 | |||
| 信息内容 | 本年处理决定数量 | ||
| 行政处罚 | 3 | ||
| 行政强制 | 0 | ||
| 第二十条第(八)项 | |||
| 信息内容 | 本年收费金额(单位:万元) | ||
| 行政事业性收费 | 0.5 | ||
三、收到和处理政府信息公开申请情况
本年度共收到政府信息公开申请5件。`;

const FIGURES = {
  "T2/规章/制发": 0,
  "T2/规章/废止": 0,
  "T2/规章/现行有效": 0,
  "T2/行政规范性文件/制发": 1,
  "T2/行政规范性文件/废止": 0,
  "T2/行政规范性文件/现行有效": 5,
  "T2/行政许可/决定": 12,
  "T2/行政处罚/决定": 3,
  "T2/行政强制/决定": 0,
  "T2/行政事业性收费/金额": 0.5,
};

function figures(table: LocatedTable): Record<string, number | undefined> {
  const out: Record<string, number | undefined> = {};
  for (const [id, cell] of table.cells) out[id] = numericValue(cell.reading);
  return out;
}

test("a ` | ` table in one piece is table 二 with every figure", () => {
  const tables = readReportText(`${HEAD}\n${TAIL}`).tables;
  expect(tables.map((t) => [t.table, t.structure])).toEqual([["T2", []]]);
  expect(figures(tables[0]!)).toEqual(FIGURES);
});

test.each([
  ["a page number", "- 3 -"],
  ["the page number and the title again", "3\n二、主动公开政府信息情况"],
  [
    "the page number and the headers again",
    "- 3 -\n| 第二十条第(一)项 | |||\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 第二十条第(五)项 | |||\n| 信息内容 | 本年处理决定数量 | ||",
  ],
])("a table broken by a page break with %s is one table", (_name, page) => {
  const tables = readReportText(`${HEAD}\n${page}\n${TAIL}`).tables;
  expect(tables.map((t) => [t.table, t.structure])).toEqual([["T2", []]]);
  expect(figures(tables[0]!)).toEqual(FIGURES);
});

test("the same table given twice is still two tables", () => {
  const once = `${HEAD}\n${TAIL.split("\n三、")[0]!}`;
  const tables = readReportText(`${once}\n${once}\n三、收到和处理政府信息公开申请情况`).tables;
  expect(tables.map((t) => t.table)).toEqual(["T2", "T2"]);
});

test("a markdown table, with its rule line, is read as a table", () => {
  const markdown = `二、主动公开政府信息情况
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|:---:|:---:|---:|
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 1 | 0 | 5 |
| 行政许可 | 12 | | |
| 行政处罚 | 3 | | |
| 行政强制 | 0 | | |
| 行政事业性收费 | 0.5 | | |

三、收到和处理政府信息公开申请情况`;
  const tables = readReportText(markdown).tables;
  expect(tables.map((t) => t.table)).toEqual(["T2"]);
  expect(figures(tables[0]!)).toEqual(FIGURES);
});

test("a row that lost blank cells in the copy is reported and not read", () => {
  const text = `${HEAD.replace("| 行政规范性文件 | 1 | 0 | 5 |", "| 行政规范性文件 | 1 | 5 |")}\n${TAIL}`;
  const [t2] = readReportText(text).tables;
  expect(t2!.structure).toEqual([
    { code: "row-short", row: "行政规范性文件", found: "2", expected: "3" },
  ]);
  expect(t2!.cells.has("T2/行政规范性文件/制发")).toBe(false);
  expect(t2!.cells.has("T2/行政规范性文件/现行有效")).toBe(false);
});

test("a table the text ends in says once that it was cut, and lists no row after it", () => {
  const [t2] = readReportText(`${HEAD}\n| 第二十条第(六)项 | |||\n| 信息内容 | 本年处理决`).tables;
  expect(t2!.structure).toEqual([{ code: "table-cut", row: "行政许可" }]);
});

test("a table that ends before the text does reports its missing rows", () => {
  const [t2] = readReportText(
    `${HEAD}\n三、收到和处理政府信息公开申请情况\n本年度共收到申请5件。\n其余略。`,
  ).tables;
  expect(t2!.structure).toEqual([
    { code: "row-missing", row: "行政处罚" },
    { code: "row-missing", row: "行政强制" },
    { code: "row-missing", row: "行政事业性收费" },
  ]);
});
