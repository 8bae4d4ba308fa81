/**
 * S1–S3 and R8's pre-2019 headings on the seed report's text and on mutations of it, each giving
 * exactly its finding; and the partial texts (truncated copies, a pasted 总体情况) that get one
 * "not judged" note instead of section and table errors.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { checkReport } from "../../../src/core/check";
import { formatFinding } from "../../../src/core/locales/messages";
import type { DocumentForm } from "../../../src/core/structure/document";
import type { Finding } from "../../../src/core/rules/finding";
import { readReportText } from "../../../src/core/text/report-text";
import { FIXTURES, seedText } from "../../helpers/build";

const seed = seedText();

function check(text: string, form: DocumentForm = "text", year = 2024): readonly Finding[] {
  const report = readReportText(text);
  return checkReport({
    tables: report.tables,
    narrative: report.narrative,
    year,
    agency: "曲阜市时庄街道办事处",
    document: { text, form },
  }).findings;
}

const summary = (f: Finding): string =>
  [f.rule, f.code, f.severity, f.table, ...Object.values(f.params)]
    .filter((v) => v !== undefined)
    .join(" ");

const notJudged = (reason: string): string[] => [`S1 structure-not-judged info ${reason}`];

/** The seed with one string replaced; fails when the string is not there. */
function seedWith(from: string | RegExp, to: string): string {
  const changed = seed.replace(from, to);
  expect(changed).not.toBe(seed);
  return changed;
}

/** The text of one section of the seed, from its heading to the next heading. */
function section(numeral: string, next: string | undefined): string {
  const start = seed.indexOf(`\n${numeral}、`);
  const end = next === undefined ? seed.length : seed.indexOf(`\n${next}、`, start + 1);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return seed.slice(start, end);
}

describe("the seed report's text", () => {
  it("passes S1, S2 and S3 as pasted text and as a document", () => {
    expect(check(seed).map(summary)).toEqual([]);
    expect(check(seed, "document").map(summary)).toEqual([]);
  });
});

describe("S1: the six sections", () => {
  it("a removed section is an error naming it", () => {
    expect(check(seed.replace(section("五", "六"), "")).map(summary)).toEqual([
      "S1 section-missing error 5",
    ]);
  });

  it("a renamed section is a warning with the heading as written", () => {
    const text = seedWith("五、存在的主要问题及改进情况", "五、存在的主要问题和改进措施");
    expect(check(text).map(summary)).toEqual([
      "S1 section-renamed warning 5 五、存在的主要问题和改进措施",
    ]);
  });

  it("a section out of the official order is a warning", () => {
    const five = section("五", "六");
    const text = `${seed.replace(five, "").trimEnd()}${five}`;
    expect(check(text).map(summary)).toEqual(["S1 section-out-of-order warning 5"]);
  });

  it("a sub-topic of 总体情况 not covered is a warning", () => {
    const one = section("一", "二");
    const management = one.slice(one.indexOf("（三）"), one.indexOf("（四）"));
    const text = seed.replace(management, "");
    expect(check(text).map(summary)).toEqual(["S1 subtopic-missing warning 政府信息管理"]);
  });

  it("takes a sub-topic as covered when its words appear anywhere in 总体情况 (a miss is cheaper)", () => {
    // (五)监督保障 removed, but (三) still says 监督 and 保障: covered, no warning.
    const one = section("一", "二");
    const text = seed.replace(one, one.slice(0, one.indexOf("（五）")));
    expect(check(text).map(summary)).toEqual([]);
  });

  it("does not take table 三's rows 一、…四、 for section headings", () => {
    // Without the table-label exclusion "一、本年新收政府信息公开申请数量" would stand in for the
    // missing heading 三 (as a renamed section): a missing section must stay missing.
    const text = seedWith("\n三、收到和处理政府信息公开申请情况\n", "\n").replace(
      /\t(?=[一二三四]、)/gu,
      "",
    );
    expect(
      check(text)
        .filter((f) => f.rule === "S1")
        .map(summary),
    ).toEqual(["S1 section-missing error 3"]);
  });

  it("reads headings indented with a tab, as web copies have them", () => {
    const text = seed.replace(/\n([一二三四五六]、)/gu, "\n\t$1");
    expect(
      check(text, "document")
        .filter((f) => f.rule === "S1")
        .map(summary),
    ).toEqual([]);
  });

  it("takes Arabic-numbered lines only as official headings: sub-items numbered 1、2、 stay sub-items", () => {
    // 03-xixian-zhengyang: "1、 总体情况" then "2、 依申请公开。…" inside it.
    const text = seed
      .replace(/\n([一二三四五六])、/gu, (_, n: string) => `\n${"一二三四五六".indexOf(n) + 1}、 `)
      .replace(
        /(\n(?:\[image: \])?)（([一二三四五])）/gu,
        (_, lead: string, n: string) => `${lead}${"一二三四五".indexOf(n) + 1}、`,
      );
    expect(text).toContain("2、依申请公开情况");
    expect(
      check(text, "document")
        .filter((f) => f.rule === "S1")
        .map(summary),
    ).toEqual([]);
  });

  it("does not take 总体情况's sub-items numbered 一、二、 for the sections they name", () => {
    // "二、依申请公开情况" inside 总体情况 has section 三's word 申请; the real heading comes later.
    const text = seed.replace(
      /(\n(?:\[image: \])?)（([一二三四五])）/gu,
      (_, lead: string, n: string) => `${lead}${n}、`,
    );
    expect(text).toContain("\n一、主动公开情况");
    expect(
      check(text)
        .filter((f) => f.rule === "S1")
        .map(summary),
    ).toEqual([]);
  });

  it("reads a heading followed by its text on the same line", () => {
    const text = seedWith("五、存在的主要问题及改进情况\n", "五、存在的主要问题及改进情况 ");
    expect(check(text).map(summary)).toEqual([]);
  });

  it("reads headings that Word numbered itself (no numeral in the text)", () => {
    const text = seed.replace(/\n[一二三四五六]、/gu, "\n");
    expect(check(text, "document").map(summary)).toEqual([]);
  });
});

describe("S2: tables 二, 三 and 四 as tables", () => {
  it("a report whose tables are gone gets one error per table", () => {
    const text = seed
      .split("\n")
      .filter((l) => !l.startsWith("\t"))
      .join("\n");
    expect(check(text).map(summary)).toEqual([
      "S2 table-not-found error T2",
      "S2 table-not-found error T3",
      "S2 table-not-found error T4",
    ]);
  });

  it("says so in words that name the table and pictures", () => {
    const text = seed
      .split("\n")
      .filter((l) => !l.startsWith("\t"))
      .join("\n");
    const report = readReportText(text);
    const result = checkReport({
      tables: report.tables,
      year: 2024,
      document: { text, form: "text" },
    });
    expect(formatFinding(result.findings.find((f) => f.table === "T3")!)).toMatchInlineSnapshot(
      `"未找到表三：年报必须包含表三；如果表格是图片，请改为可编辑的文字表格（图片中的数字无法核对）。"`,
    );
  });

  it("is not asked of a 2019 or 2020 report", () => {
    const text = seed
      .split("\n")
      .filter((l) => !l.startsWith("\t"))
      .join("\n");
    expect(check(text, "text", 2020).filter((f) => f.rule === "S2")).toEqual([]);
  });
});

describe("S3: title and period", () => {
  it("a removed 统计期限 is a warning", () => {
    const text = seedWith("本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。", "");
    expect(check(text).map(summary)).toEqual(["S3 period-missing warning"]);
  });

  it("a title without the year is a warning", () => {
    const text = seedWith("办事处2024年政府信息公开", "办事处政府信息公开");
    expect(check(text).map(summary)).toEqual([
      "S3 title-incomplete warning year 曲阜市时庄街道办事处政府信息公开工作年度报告",
    ]);
  });

  it("a title without the agency is a warning", () => {
    const text = seedWith("曲阜市时庄街道办事处2024年政府信息公开", "2024年政府信息公开");
    expect(check(text).map(summary)).toEqual([
      "S3 title-incomplete warning agency 2024年政府信息公开工作年度报告",
    ]);
  });

  it("takes the agency from the line above the title", () => {
    const text = seedWith(
      "曲阜市时庄街道办事处2024年政府信息公开",
      "曲阜市时庄街道办事处\n2024年政府信息公开",
    );
    expect(check(text).map(summary)).toEqual([]);
  });

  it("a document without a title is a warning", () => {
    const text = seedWith(/^\s*曲阜市时庄街道办事处2024年政府信息公开\n工作年度报告\n/u, "");
    expect(check(text, "document").map(summary)).toEqual(["S3 title-missing warning"]);
  });

  it("does not take a breadcrumb for the title", () => {
    const text = seedWith(
      /^\s*曲阜市时庄街道办事处2024年政府信息公开\n工作年度报告\n/u,
      "首页>政务公开>政府信息公开年度报告\n",
    );
    expect(check(text, "document").map(summary)).toEqual(["S3 title-missing warning"]);
  });
});

describe("R8: the pre-2019 structure in the text", () => {
  const headings: [string, string][] = [
    ["一、总体情况", "一、概述"],
    ["三、收到和处理政府信息公开申请情况", "三、依申请公开政府信息和不予公开政府信息的情况"],
    [
      "四、政府信息公开行政复议、行政诉讼情况",
      "四、政府信息公开的收费及减免情况\n五、因政府信息公开申请行政复议、提起行政诉讼的情况",
    ],
    ["五、存在的主要问题及改进情况", "六、政府信息公开工作存在的主要问题及改进情况"],
    ["六、其他需要报告的事项", "七、其他需要报告的事项"],
  ];
  const old = headings.reduce((text, [from, to]) => text.replace(`\n${from}\n`, `\n${to}\n`), seed);

  it("pre-2019 headings in a 2021+ report are an R8 error (with S1 naming the renamed sections)", () => {
    expect(old).not.toBe(seed);
    expect(check(old).map(summary)).toEqual([
      "R8 structure-pre-2019 error headings 一、概述；三、依申请公开政府信息和不予公开政府信息的情况；四、政府信息公开的收费及减免情况；七、其他需要报告的事项 2024",
      "S1 section-renamed warning 1 一、概述",
      "S1 section-renamed warning 3 三、依申请公开政府信息和不予公开政府信息的情况",
      "S1 section-renamed warning 4 五、因政府信息公开申请行政复议、提起行政诉讼的情况",
      "S1 section-renamed warning 5 六、政府信息公开工作存在的主要问题及改进情况",
    ]);
  });

  it("are fine in a report of the years they were in use", () => {
    expect(check(old, "text", 2018).filter((f) => f.rule === "R8")).toEqual([]);
  });

  it("one pre-2019 heading alone is not the pre-2019 structure", () => {
    const text = seedWith("\n一、总体情况\n", "\n一、概述\n");
    expect(check(text).map(summary)).toEqual(["S1 section-renamed warning 1 一、概述"]);
  });

  it("an introduction listing the seven parts over 2021 headings is a warning", () => {
    const text = seedWith(
      "本报告内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分内容。",
      "全文包括概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、复议诉讼情况、存在的主要问题及改进措施和其他需要报告的事项。",
    );
    expect(check(text).map(summary)).toEqual([
      "R8 structure-pre-2019 warning introduction 概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免 2024",
    ]);
  });

  it("a 2019 trial table 三 with its single （六）其他处理 row is an R8 error", () => {
    const text = seedWith(
      /\t（六）其他处理\n[\s\S]*?\t3\.其他\n(?:\t0\n){7}/u,
      `\t（六）其他处理\n${"\t0\n".repeat(7)}`,
    );
    expect(check(text).map(summary)).toEqual(["R8 format-2019 error T3 2024"]);
  });
});

describe("a partial text is checked for what it holds, and says once that structure was not judged", () => {
  it("a copy cut in the middle of a sentence", () => {
    const cut = seed.slice(0, seed.indexOf("保障居民能及时获取关键资讯"));
    expect(check(cut).map(summary)).toEqual(notJudged("cut-off"));
  });

  it("only 总体情况 pasted, without the title", () => {
    expect(check(section("一", "二")).map(summary)).toEqual(notJudged("no-title"));
  });

  it("a copy cut after a full stop before section 六", () => {
    const text = seed.slice(0, seed.indexOf("\n六、"));
    expect(check(text).map(summary)).toEqual(notJudged("ends-before-last-section"));
  });

  it("a report ending with its agency's name and a date is finished, so a missing 六 is an error", () => {
    const text = `${seed.slice(0, seed.indexOf("\n六、"))}\n曲阜市时庄街道办事处\n2025年1月20日\n`;
    expect(check(text).map(summary)).toEqual(["S1 section-missing error 6"]);
    const dateFirst = `${seed.slice(0, seed.indexOf("\n六、"))}\n2025年1月20日\n曲阜市时庄街道办事处\n`;
    expect(check(dateFirst).map(summary)).toEqual(["S1 section-missing error 6"]);
  });

  it("a copy that ends with a table is not the whole report", () => {
    const text = seed.slice(0, seed.indexOf("\n四、政府信息公开行政复议"));
    expect(
      check(text)
        .filter((f) => f.rule.startsWith("S"))
        .map(summary),
    ).toEqual(notJudged("cut-off"));
  });

  it("a document file is the whole report however it ends", () => {
    const text = seed.slice(0, seed.indexOf("\n六、"));
    expect(check(text, "document").map(summary)).toEqual(["S1 section-missing error 6"]);
  });

  it("a page number after the last line is not the last line", () => {
    expect(check(`${seed}\n- 3 -\n`).map(summary)).toEqual([]);
  });
});

describe("the 94 real report openings (truncated copies)", () => {
  const dir = path.join(FIXTURES, "narratives", "texts");
  const index = readFileSync(path.join(FIXTURES, "narratives", "index.tsv"), "utf8")
    .split("\n")
    .slice(1)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split("\t"));
  const read = (file: string): string => readFileSync(path.join(dir, file), "utf8");
  const run = (file: string, text = read(file)): readonly Finding[] => {
    const year = Number(index.find((r) => r[0] === file)![3]);
    return check(text, "text", year);
  };

  it("has the 94 texts", () => {
    expect(index).toHaveLength(94);
  });

  it.each(index.map((r) => r[0]!))(
    "%s gets no S1/S2/S3 error or warning, and one not-judged note",
    (file) => {
      const findings = run(file);
      expect(findings.filter((f) => f.rule.startsWith("S") && f.severity !== "info")).toEqual([]);
      expect(findings.filter((f) => f.code === "structure-not-judged")).toHaveLength(1);
    },
  );

  it("61 lists the pre-2019 parts in its introduction: a warning, not an error", () => {
    const r8 = run("61-changzhou-wujin-wjj-2024.txt").filter(
      (f) => f.code === "structure-pre-2019",
    );
    expect(r8.map((f) => [f.severity, f.params["where"]])).toEqual([["warning", "introduction"]]);
  });

  it("80 ends with a broken character ('?') where the copy was cut: not a sentence", () => {
    const file = "80-jiangmen-pengjiang-fgj-2024.txt";
    const text = read(file);
    expect(text.trimEnd().endsWith("\n?")).toBe(true);
    expect(
      run(file)
        .filter((f) => f.rule.startsWith("S"))
        .map(summary),
    ).toEqual(notJudged("cut-off"));
    // Without the broken last line the text ends after 六's first item: its tables were pictures.
    const whole = text.trimEnd().slice(0, -1);
    // Its traditional headings are the official ones once simplified (問題 → 问题): no rename.
    expect(
      run(file, whole)
        .filter((f) => f.rule.startsWith("S"))
        .map(summary),
    ).toEqual([
      "S2 table-not-found error T2",
      "S2 table-not-found error T3",
      "S2 table-not-found error T4",
      "S1 subtopic-missing warning 政府信息管理",
      "S1 subtopic-missing warning 政府信息公开平台建设",
      "S3 period-missing warning",
    ]);
  });

  it("77 is a whole page without a title: not judged; with its title, its missing tables are errors", () => {
    const file = "77-shenyang-hunnan-gzj-2022.txt";
    expect(
      run(file)
        .filter((f) => f.rule.startsWith("S"))
        .map(summary),
    ).toEqual(notJudged("no-title"));
    const titled = `沈阳市浑南区国资局2022年政府信息公开工作年度报告\n${read(file)}`;
    expect(
      run(file, titled)
        .filter((f) => f.rule.startsWith("S") && f.severity === "error")
        .map(summary),
    ).toEqual([
      "S2 table-not-found error T2",
      "S2 table-not-found error T3",
      "S2 table-not-found error T4",
    ]);
  });

  it("47 ends with a complete sub-heading: a heading is never the end of a whole report", () => {
    const file = "47-wansheng-donglin-2021.txt";
    expect(read(file).trimEnd().endsWith("(二)依申请公开方面")).toBe(true);
    expect(
      run(file)
        .filter((f) => f.rule.startsWith("S"))
        .map(summary),
    ).toEqual(notJudged("cut-off"));
  });

  it("62 is cut after a full stop before section 六", () => {
    const file = "62-zhoushan-wjw-2024.txt";
    expect(read(file).trimEnd().endsWith("。")).toBe(true);
    expect(
      run(file)
        .filter((f) => f.rule.startsWith("S"))
        .map(summary),
    ).toEqual(notJudged("ends-before-last-section"));
  });
});
