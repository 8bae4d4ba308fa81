/**
 * Labels are matched after normalisation (full- or half-width punctuation, spaces and line breaks
 * inside), and the variants seen in published reports are accepted and reported as label-variant.
 */
import type { Grid, StructureIssue } from "../../../src/core/model/figures";
import { T3_CORNER_NOTE } from "../../../src/core/model/layout";
import { locateTables } from "../../../src/core/read/locate";
import { canonicalLabel, lookupLabel } from "../../../src/core/read/labels";
import { distinctValue, expectedValues, mapCells, rawValues, render, rowOf } from "./grid-edit";

const HALF_WIDTH: Readonly<Record<string, string>> = {
  "（": "(",
  "）": ")",
  "：": ":",
  "，": ",",
  "、": ",",
  "“": '"',
  "”": '"',
};

function relabel(grid: Grid, change: (label: string) => string): Grid {
  return mapCells(grid, (v) => (typeof v === "string" ? change(v) : v));
}

function replaceLabel(grid: Grid, from: string, to: string): Grid {
  return mapCells(grid, (v) => (v === from ? to : v));
}

function variants(
  issues: readonly StructureIssue[],
): { found: string; official: string; address?: string }[] {
  return issues.flatMap((i) =>
    i.code === "label-variant"
      ? [
          {
            found: i.found,
            official: i.official,
            ...(i.address === undefined ? {} : { address: i.address }),
          },
        ]
      : [],
  );
}

describe.each(["T2", "T3", "T4"] as const)("table %s", (table) => {
  const expected = expectedValues(table, distinctValue);

  test("is read with its labels in half-width punctuation", () => {
    const grid = relabel(render(table, { value: distinctValue }), (l) =>
      l.replace(/[（），：、“”]/gu, (c) => HALF_WIDTH[c] ?? c),
    );
    const [found] = locateTables(grid);
    expect(rawValues(found!)).toEqual(expected);
    expect(found!.structure).toEqual([]);
  });

  test("is read with line breaks and spaces inside its labels", () => {
    const grid = relabel(render(table, { value: distinctValue }), (l) =>
      [...l].map((c, i) => (i % 4 === 1 ? `${c}\n` : i % 5 === 2 ? ` ${c}\u3000` : c)).join(""),
    );
    const [found] = locateTables(grid);
    expect(rawValues(found!)).toEqual(expected);
    expect(found!.structure).toEqual([]);
  });
});

test("accepts the variants of table 二 and reports each with its official label", () => {
  let grid = render("T2", { value: distinctValue });
  grid = replaceLabel(grid, "行政规范性文件", "规范性文件");
  grid = replaceLabel(grid, "现行有效件数", "现行有效件");
  grid = replaceLabel(grid, "本年制发件数", "本年发件");
  grid = replaceLabel(grid, "本年收费金额（单位：万元）", "本年收费金额（万元）");
  const [found] = locateTables(grid);
  expect(found!.version).toBe("2021");
  expect(rawValues(found!)).toEqual(expectedValues("T2", distinctValue));
  expect(
    variants(found!.structure).sort((a, b) => (a.address ?? "").localeCompare(b.address ?? "")),
  ).toEqual([
    { found: "规范性文件", official: "行政规范性文件", address: "Sheet1!A5" },
    {
      found: "本年收费金额（万元）",
      official: "本年收费金额（单位：万元）",
      address: "Sheet1!B14",
    },
    { found: "本年发件", official: "本年制发件数", address: "Sheet1!B3" },
    { found: "现行有效件", official: "现行有效件数", address: "Sheet1!D3" },
  ]);
});

test("accepts the variants of table 三's row labels and reports them", () => {
  let grid = render("T3", { value: distinctValue });
  grid = replaceLabel(grid, "一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请");
  grid = replaceLabel(
    grid,
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（二）部分公开",
  );
  const [found] = locateTables(grid);
  expect(rawValues(found!)).toEqual(expectedValues("T3", distinctValue));
  expect(variants(found!.structure).map((v) => v.official)).toEqual([
    "一、本年新收政府信息公开申请数量",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
  ]);
});

test("reads 钩稽 in the corner note as 勾稽 and reports the spelling", () => {
  const grid = relabel(render("T3", { value: distinctValue }), (l) => l.replace("勾稽", "钩稽"));
  const [found] = locateTables(grid);
  expect(rawValues(found!)).toEqual(expectedValues("T3", distinctValue));
  expect(variants(found!.structure)).toEqual([
    {
      found: T3_CORNER_NOTE.replace("勾稽", "钩稽"),
      official: T3_CORNER_NOTE,
      address: "Sheet1!A2",
    },
  ]);
});

test("reports a title variant", () => {
  const grid = replaceLabel(
    render("T4"),
    "四、政府信息公开行政复议、行政诉讼情况",
    "四、政府信息公开行政复议行政诉讼情况",
  );
  const [found] = locateTables(grid);
  expect(variants(found!.structure)).toEqual([
    {
      found: "四、政府信息公开行政复议行政诉讼情况",
      official: "四、政府信息公开行政复议、行政诉讼情况",
      address: "Sheet1!A1",
    },
  ]);
});

test("accepts row labels written without their enumerator and reports them as variants", () => {
  let grid = render("T3", { value: distinctValue });
  grid = replaceLabel(grid, "（一）予以公开", "予以公开");
  grid = replaceLabel(grid, "1.属于国家秘密", "属于国家秘密");
  const [found] = locateTables(grid);
  expect(rawValues(found!)).toEqual(expectedValues("T3", distinctValue));
  expect(variants(found!.structure).map((v) => v.found)).toEqual(["予以公开", "属于国家秘密"]);
});

test("matches enumerators written with other punctuation without reporting them", () => {
  let grid = render("T3", { value: distinctValue });
  grid = replaceLabel(grid, "一、本年新收政府信息公开申请数量", "一.本年新收政府信息公开申请数量");
  grid = replaceLabel(grid, "2.其他法律行政法规禁止公开", "（2）其他法律行政法规禁止公开");
  grid = replaceLabel(grid, "3.补正后申请内容仍不明确", "３、补正后申请内容仍不明确");
  const [found] = locateTables(grid);
  expect(rawValues(found!)).toEqual(expectedValues("T3", distinctValue));
  expect(found!.structure).toEqual([]);
});

test("reads a row whose group and row labels share one cell", () => {
  const grid = render("T3", { value: distinctValue });
  const row = rowOf(grid, "1.属于国家秘密");
  const merged = mapCells(grid, (v, r, c) =>
    r === row && c === 1 ? null : r === row && c === 2 ? "（三）不予公开\n1.属于国家秘密" : v,
  );
  const [found] = locateTables(merged);
  expect(rawValues(found!)).toEqual(expectedValues("T3", distinctValue));
});

test("the comparison form folds width, spaces and enumerator punctuation", () => {
  expect(canonicalLabel(" （一）予以\n公开 ")).toBe(canonicalLabel("(一)予以公开"));
  expect(canonicalLabel("１、属于国家秘密")).toBe(canonicalLabel("1.属于国家秘密"));
  expect(canonicalLabel("规章：")).toBe("规章");
  expect(lookupLabel("12")).toBeUndefined();
  expect(lookupLabel("本年度工作总结")).toBeUndefined();
});

test("reads a reworded row label as the row it stands for and reports it as a variant", () => {
  let grid = render("T3", { value: distinctValue });
  grid = replaceLabel(
    grid,
    "一、本年新收政府信息公开申请数量",
    "一、本年度新收到政府信息公开申请数",
  );
  grid = replaceLabel(grid, "4.无正当理由大量反复申请", "4.无正当理由大量、反复申请的");
  const [found] = locateTables(grid);
  expect(rawValues(found!)).toEqual(expectedValues("T3", distinctValue));
  expect(variants(found!.structure)).toEqual([
    {
      found: "一、本年度新收到政府信息公开申请数",
      official: "一、本年新收政府信息公开申请数量",
      address: "Sheet1!A5",
    },
    {
      found: "4.无正当理由大量、反复申请的",
      official: "4.无正当理由大量反复申请",
      address: "Sheet1!C23",
    },
  ]);
});

test("reads a reworded row label of table 二 as its row", () => {
  const grid = replaceLabel(
    render("T2", { value: distinctValue }),
    "行政事业性收费",
    "行政事业性收费（万元）",
  );
  const [found] = locateTables(grid);
  expect(rawValues(found!)).toEqual(expectedValues("T2", distinctValue));
  expect(variants(found!.structure)).toEqual([
    { found: "行政事业性收费（万元）", official: "行政事业性收费", address: "Sheet1!A15" },
  ]);
});

test("does not take a reworded label for a row with another enumerator", () => {
  const grid = replaceLabel(
    render("T3", { value: distinctValue }),
    "3.要求提供公开出版物",
    "6.要求提供公开出版物",
  );
  const [found] = locateTables(grid);
  expect(found!.structure).toEqual([
    { code: "row-unknown", found: "6.要求提供公开出版物", address: "Sheet1!C22" },
    { code: "row-missing", row: "三(五)3" },
  ]);
});

test("accepts labels with their unit added and reports them as variants", () => {
  const grid = relabel(render("T2", { value: distinctValue }), (l) =>
    ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制"].includes(l) ? `${l}（件）` : l,
  );
  const [found] = locateTables(grid);
  expect(rawValues(found!)).toEqual(expectedValues("T2", distinctValue));
  expect(variants(found!.structure).map((v) => [v.found, v.official])).toEqual([
    ["规章（件）", "规章"],
    ["行政规范性文件（件）", "行政规范性文件"],
    ["行政许可（件）", "行政许可"],
    ["行政处罚（件）", "行政处罚"],
    ["行政强制（件）", "行政强制"],
  ]);
});
