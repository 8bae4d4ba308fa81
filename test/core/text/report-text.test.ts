/**
 * A report text is split into its tables, read by the one table reader, and its narrative: the
 * seed report exported from Word, the same text with other line endings, without tab marks, or
 * copied from a web page with one line per table row.
 */
import fc from "fast-check";
import type { LocatedTable, RawCell } from "../../../src/core/model/figures";
import { readReportText } from "../../../src/core/text/report-text";
import { seedTables, seedText } from "../../helpers/build";

function figures(table: LocatedTable): Record<string, RawCell> {
  const result: Record<string, RawCell> = {};
  for (const [id, cell] of table.cells)
    result[id] = typeof cell.raw === "string" ? Number(cell.raw) : cell.raw;
  return result;
}

/** The seed's tables as transcribed by hand in test/fixtures/cases. */
function expectedTables(): Record<string, Record<string, RawCell>> {
  return Object.fromEntries(seedTables().map((t) => [t.table, figures(t)]));
}

function readTables(text: string): Record<string, Record<string, RawCell>> {
  return Object.fromEntries(readReportText(text).tables.map((t) => [t.table, figures(t)]));
}

/** The seed's tables as web text: one line per row, cells joined by a separator. */
function asWebText(text: string, separator: string): string {
  const out: string[] = [];
  let row: string[] = [];
  let inTable = false;
  for (const line of text.split("\n")) {
    if (line.startsWith("\t")) {
      row.push(line.slice(1));
      inTable = true;
    } else if (line === "" && inTable) {
      if (row.length > 0) out.push(row.join(separator));
      row = [];
    } else if (inTable && row.length > 0) {
      row[row.length - 1] += line;
    } else {
      inTable = false;
      out.push(line);
    }
  }
  return out.join("\n");
}

describe("the seed report exported from Word", () => {
  const result = readReportText(seedText());

  test("has tables 二, 三 and 四 in the 2021 format", () => {
    expect(result.tables.map((t) => [t.table, t.version])).toEqual([
      ["T2", "2021"],
      ["T3", "2021"],
      ["T4", "2021"],
    ]);
  });

  test("has every figure at the key the transcription gives it", () => {
    expect(readTables(seedText())).toEqual(expectedTables());
  });

  test("has the figures the narrative talks about", () => {
    const [t2, t3, t4] = result.tables;
    const value = (t: LocatedTable | undefined, id: string): unknown => t?.cells.get(id)?.reading;
    expect(value(t3, "T3/一/自然人")).toEqual({ kind: "number", value: 9 });
    expect(value(t3, "T3/三(四)1/自然人")).toEqual({ kind: "number", value: 6 });
    expect(value(t3, "T3/三(七)/总计")).toEqual({ kind: "number", value: 9 });
    expect(value(t4, "T4/复议/维持")).toEqual({ kind: "number", value: 1 });
    expect(value(t4, "T4/复议/纠正")).toEqual({ kind: "number", value: 1 });
    expect(value(t4, "T4/复议/总计")).toEqual({ kind: "number", value: 2 });
    expect(value(t2, "T2/行政事业性收费/金额")).toEqual({ kind: "number", value: 0 });
  });

  test("has no structure issues", () => {
    expect(result.tables.flatMap((t) => t.structure)).toEqual([]);
  });

  test("gives figures no addresses and tables no range", () => {
    expect(result.tables.every((t) => t.range === undefined)).toBe(true);
    expect(
      result.tables.flatMap((t) => [...t.cells.values()]).every((c) => c.address === undefined),
    ).toBe(true);
  });

  test("keeps the narrative's sentences and headings", () => {
    expect(result.narrative).toContain("共收到9条要求公开政府信息的申请");
    for (const heading of [
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ]) {
      expect(result.narrative.split("\n")).toContain(heading);
    }
  });

  test("keeps no table cell in the narrative", () => {
    const lines = result.narrative.split("\n");
    expect(lines.some((l) => l.startsWith("\t"))).toBe(false);
    for (const cell of [
      "第二十条第（一）项",
      "本年制发件数",
      "1.属于国家秘密",
      "申请人情况",
      "结果纠正",
      "复议后起诉",
      "0",
      "9",
    ]) {
      expect(lines).not.toContain(cell);
    }
    expect(result.narrative).not.toContain("勾稽关系");
  });

  test("keeps the narrative's line structure", () => {
    const lines = result.narrative.split("\n");
    expect(lines.indexOf("（六）需要报告的其他事项：") + 1).toBe(
      lines.indexOf("无", lines.indexOf("（六）需要报告的其他事项：")),
    );
    expect(lines.indexOf("一、总体情况")).toBeLessThan(lines.indexOf("二、主动公开政府信息情况"));
  });

  test("strips bookmark and image markers", () => {
    expect(result.narrative).not.toMatch(/\[(bookmark|image):/u);
    expect(result.narrative).toContain("（二）依申请公开情况");
  });
});

test("reads the seed text with Windows line endings", () => {
  expect(readTables(seedText().replace(/\n/gu, "\r\n"))).toEqual(expectedTables());
});

test("reads the seed's tables exported without leading tabs", () => {
  const plain = seedText()
    .split("\n")
    .map((l) => l.replace(/^\t/u, ""))
    .join("\n");
  const result = readReportText(plain);
  expect(readTables(plain)).toEqual(expectedTables());
  expect(result.narrative).toContain("共收到9条要求公开政府信息的申请");
  expect(result.narrative.split("\n")).not.toContain("1.属于国家秘密");
});

test("reads table rows copied from a web page with tabs between cells", () => {
  const web = asWebText(seedText(), "\t");
  expect(readTables(web)).toEqual(expectedTables());
  expect(readReportText(web).narrative).toContain("二、主动公开政府信息情况");
});

test("reads table rows copied from a web page with runs of spaces between cells", () => {
  const web = asWebText(seedText(), "   ")
    .split("\n")
    .map((l) => l.replace(/^(\s{3})+/u, ""))
    .join("\n");
  expect(readTables(web)).toEqual(expectedTables());
});

test("reads a label followed by figures split by single spaces", () => {
  const text = [
    "二、主动公开政府信息情况",
    "规章 0 0 0",
    "行政规范性文件 3 1 12",
    "说明：无。",
  ].join("\n");
  const [t2] = readReportText(text).tables;
  expect(t2?.cells.get("T2/行政规范性文件/现行有效")?.raw).toBe("12");
});

test("keeps lines that merely look like table rows in the narrative", () => {
  const text = [
    "联系电话：0537-4531088    地址：曲阜市圣林路9号",
    "规章  已全部公开",
    "共收到9条申请。",
  ].join("\n");
  const result = readReportText(text);
  expect(result.tables).toEqual([]);
  expect(result.narrative).toBe(text);
});

test("leaves a table that is not a report table in the narrative, without its tab marks", () => {
  const text = ["附表：联系人", "\t姓名", "\t电话", "", "\t张三", "\t123", "", "结束。"].join("\n");
  const result = readReportText(text);
  expect(result.tables).toEqual([]);
  expect(result.narrative.split("\n")).toEqual([
    "附表：联系人",
    "姓名",
    "电话",
    "",
    "张三",
    "123",
    "",
    "结束。",
  ]);
});

test("reads nothing from an empty text", () => {
  expect(readReportText("")).toEqual({ tables: [], narrative: "" });
});

test("never throws on random text", () => {
  const pieces = fc.constantFrom(
    "\t",
    "\n",
    "\r\n",
    "  ",
    "\t规章",
    "\t0",
    "行政许可",
    "（一）予以公开",
    "[bookmark: _x]",
    "结果\n维持",
    "共收到9条",
    "三、收到和处理政府信息公开申请情况",
    "\t行政复议\t行政诉讼",
  );
  fc.assert(
    fc.property(
      fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 80 }),
      (parts) => {
        const result = readReportText(parts.join(""));
        expect(typeof result.narrative).toBe("string");
      },
    ),
    { numRuns: 300 },
  );
});

test("reads a 2019 table 三 with a single （六）其他处理 row from Word text", () => {
  const lines = seedText().split("\n");
  const six = lines.indexOf("\t（六）其他处理");
  const total = lines.indexOf("\t（七）总计");
  // Replace the three （六） sub-rows by one row: "（六）其他处理" and seven figures.
  const row = [
    "\t",
    "\t（六）其他处理",
    ...Array.from({ length: 7 }, (_, i) => `\t${i + 1}`),
    "",
    "\t",
  ];
  const text = [...lines.slice(0, six - 1), ...row, ...lines.slice(total)].join("\n");
  const t3 = readReportText(text).tables.find((t) => t.table === "T3");
  expect(t3?.version).toBe("2019");
  expect(t3?.structure).toEqual([]);
  expect(t3?.cells.get("T3/三(六)/总计")?.reading).toEqual({ kind: "number", value: 7 });
  expect(t3?.cells.get("T3/三(七)/自然人")?.reading).toEqual({ kind: "number", value: 9 });
});

test("keeps a table title written inside the table in the narrative", () => {
  const text = [
    "\t二、主动公开政府信息情况",
    "",
    "\t规章",
    "\t1",
    "\t2",
    "\t3",
    "",
    "\t行政许可",
    "\t4",
    "",
    "下文。",
  ].join("\n");
  const result = readReportText(text);
  expect(result.tables.map((t) => t.table)).toEqual(["T2"]);
  expect(result.narrative.split("\n")).toEqual(["二、主动公开政府信息情况", "", "", "下文。"]);
});

test("takes the one filled cell of a merged value written as three cells", () => {
  const text = ["\t规章", "\t1", "\t2", "\t3", "", "\t行政许可", "\t", "\t8", "\t", ""].join("\n");
  const [t2] = readReportText(text).tables;
  expect(t2?.cells.get("T2/行政许可/决定")?.raw).toBe("8");
});

test("reads a blank value cell of a Word table as blank", () => {
  const text = seedText().replace("数量\n\t9\n\t0\n", "数量\n\t9\n\t\n");
  expect(text).not.toBe(seedText());
  const t3 = readReportText(text).tables.find((t) => t.table === "T3");
  expect(t3?.cells.get("T3/一/商业企业")?.reading).toEqual({ kind: "blank" });
  expect(t3?.cells.get("T3/一/科研机构")?.reading).toEqual({ kind: "number", value: 0 });
});

test("reports a row of a Word table it cannot place as row-unknown", () => {
  const text = seedText().replace(
    "\t（七）总计",
    "\t（八）其他\n\t1\n\t1\n\t1\n\t1\n\t1\n\t1\n\t1\n\n\t\n\t（七）总计",
  );
  const t3 = readReportText(text).tables.find((t) => t.table === "T3");
  expect(t3?.structure).toEqual([{ code: "row-unknown", found: "（八）其他" }]);
  expect(readTables(text)).toEqual(expectedTables());
});

test("reads table 四 and table 三 written one after the other in one Word table run", () => {
  const lines = seedText().split("\n");
  const t3Start = lines.indexOf("三、收到和处理政府信息公开申请情况");
  const t4Start = lines.indexOf("四、政府信息公开行政复议、行政诉讼情况");
  const t4End = lines.indexOf("五、存在的主要问题及改进情况");
  const t3 = lines.slice(t3Start + 1, t4Start);
  const t4 = lines.slice(t4Start + 1, t4End);
  while (t4[t4.length - 1] === "") t4.pop();
  const text = ["说明", ...t4, "", ...t3].join("\n");
  const tables = readReportText(text).tables;
  expect(tables.map((t) => t.table)).toEqual(["T4", "T3"]);
  expect(readTables(text)).toEqual({ T3: expectedTables()["T3"], T4: expectedTables()["T4"] });
});
