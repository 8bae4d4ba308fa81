/**
 * The PDF layout rules on pages built by hand (runs and ruling lines as pdf.js reports them):
 * lines and paragraphs from positions, the spaces between Chinese and digits, page furniture,
 * labels wrapped inside their cells, a table continued on the next page with its header repeated,
 * a row cut off by the page break, a row split by it (joined) and two rows on either side of it (not
 * joined), and the limits.
 */
import { assemble, readPdf } from "../../src/formats/pdf/read-pdf";
import type { PageContent, Run, Segment } from "../../src/formats/pdf/page";
import { normalizeSpaces } from "../../src/formats/pdf/text";
import { loadPdfJs } from "../../src/cli/pdfjs-node";
import { makePdf, textPage } from "./helpers/make-pdf";

function run(x: number, y: number, text: string, size = 12): Run {
  const wide = [...text].filter((c) => /[^ -~]/u.test(c)).length;
  return { x, y, width: (wide + (text.length - wide) * 0.5) * size, size, text };
}

function page(number: number, runs: Run[], segments: Segment[] = []): PageContent {
  return {
    number,
    bottom: 0,
    top: 842,
    runs,
    segments,
    characters: runs.reduce((n, r) => n + r.text.length, 0),
  };
}

const h = (at: number, from: number, to: number): Segment => ({ horizontal: true, at, from, to });
const v = (at: number, from: number, to: number): Segment => ({ horizontal: false, at, from, to });

/** A ruled table: horizontal lines at `ys` (top first) and vertical lines at `xs`, all full. */
function grid(xs: number[], ys: number[]): Segment[] {
  const top = ys[0]!;
  const bottom = ys[ys.length - 1]!;
  return [...ys.map((y) => h(y, xs[0]!, xs[xs.length - 1]!)), ...xs.map((x) => v(x, bottom, top))];
}

test("spaces between Chinese and digits go, spaces between Latin words stay", () => {
  expect(normalizeSpaces("国令第 711 号")).toBe("国令第711号");
  expect(normalizeSpaces("2024 年 1 月 1 日")).toBe("2024年1月1日");
  expect(normalizeSpaces("总 计")).toBe("总计");
  expect(normalizeSpaces("Word 2010")).toBe("Word 2010");
});

test("lines wrapped in a paragraph join; an indented line starts a new paragraph", () => {
  const content = assemble([
    page(1, [
      run(106, 700, "一、总体情况"),
      run(106, 672, "本年受理政府信息公开申请"),
      run(106 + 12 * 12, 672, "17"),
      run(106 + 12 * 13, 672, "件，均已在法定期限内予以答复，其中"),
      run(74, 644, "依申请公开 5 件。"),
    ]),
  ]);
  expect(content.paragraphs).toEqual([
    "一、总体情况",
    "本年受理政府信息公开申请17件，均已在法定期限内予以答复，其中依申请公开5件。",
  ]);
});

test("page numbers and running headers in the margins are not text of the report", () => {
  const pages = [1, 2, 3].map((n) =>
    page(n, [
      run(250, 810, "淮安市人民政府办公室"),
      run(74, 700, `第${n}页的正文内容，这一行写满了整整一行的宽度到右边`),
      run(74, 672, "此段结束。"),
      run(280, 40, n === 2 ? `-${n}-` : `- ${n} -`),
      run(400, 25, `第 ${n} 页`),
    ]),
  );
  const content = assemble(pages);
  expect(content.paragraphs).toEqual(
    [1, 2, 3].map((n) => `第${n}页的正文内容，这一行写满了整整一行的宽度到右边此段结束。`),
  );
  expect(content.documentText.join("\n")).not.toMatch(/淮安市人民政府办公室|- 1 -|-2-|第1页$/mu);
});

test("a paragraph whose last line on a page is full goes on at the top of the next page", () => {
  const content = assemble([
    page(1, [run(74, 100, "本年度共受理政府信息公开申请，全部在法定期限内")]),
    page(2, [run(74, 760, "予以答复。"), run(106, 732, "二、主动公开政府信息情况")]),
  ]);
  expect(content.paragraphs).toEqual([
    "本年度共受理政府信息公开申请，全部在法定期限内予以答复。",
    "二、主动公开政府信息情况",
  ]);
});

test("a number in the body's margin band that is not alone on its line stays", () => {
  const content = assemble([page(1, [run(74, 40, "共受理申请 3 件")])]);
  expect(content.paragraphs).toEqual(["共受理申请3件"]);
});

test("a label wrapped inside its cell is one label; each number stays in its column", () => {
  const xs = [70, 200, 300, 400];
  const ys = [700, 660, 620];
  const content = assemble([
    page(
      1,
      [
        run(80, 680, "信息内容"),
        run(210, 680, "本年制发件数"),
        run(310, 680, "现行有效件数"),
        run(80, 645, "行政规范性文"),
        run(80, 630, "件"),
        run(250, 636, "3"),
        run(350, 636, "8"),
      ],
      grid(xs, ys),
    ),
  ]);
  expect(content.grids).toHaveLength(1);
  expect(content.grids[0]!.values).toEqual([
    ["信息内容", "本年制发件数", "现行有效件数"],
    ["行政规范性文件", "3", "8"],
  ]);
  expect(content.grids[0]!.locations![1]![1]).toMatch(/^第1页第\d+行$/u);
});

test("a cell merged over two rows (no line between them) holds its text once, at its top", () => {
  const xs = [70, 200, 300];
  const segments = [
    h(700, 70, 300),
    h(660, 200, 300), // no line under the left cell: it spans both rows
    h(620, 70, 300),
    v(70, 620, 700),
    v(200, 620, 700),
    v(300, 620, 700),
  ];
  const content = assemble([
    page(
      1,
      [run(80, 656, "（三）不予公开"), run(210, 680, "1.属于国家秘密"), run(210, 640, "2.其他")],
      segments,
    ),
  ]);
  expect(xs).toHaveLength(3);
  expect(content.grids[0]!.values).toEqual([
    ["（三）不予公开", "1.属于国家秘密"],
    [null, "2.其他"],
  ]);
});

test("a table continued on the next page is one table, its repeated header read once", () => {
  const xs = [70, 200, 300];
  const header = [run(80, 780, "信息内容"), run(210, 780, "数量")];
  const first = page(
    1,
    [run(74, 800 + 14, "表格如下"), ...header, run(80, 740, "行政许可"), run(240, 740, "5")],
    grid(xs, [800, 760, 720]),
  );
  const second = page(
    2,
    [...header, run(80, 740, "行政处罚"), run(240, 740, "7")],
    grid(xs, [800, 760, 720]),
  );
  const content = assemble([first, second]);
  expect(content.grids).toHaveLength(1);
  expect(content.grids[0]!.values).toEqual([
    ["信息内容", "数量"],
    ["行政许可", "5"],
    ["行政处罚", "7"],
  ]);
  expect(content.grids[0]!.locations![2]![1]).toMatch(/^第2页/u);
});

test("a table followed by text on its page is not continued by a table on the next page", () => {
  const xs = [70, 200, 300];
  const a = page(1, [run(80, 780, "甲"), run(74, 600, "正文段落")], grid(xs, [800, 760]));
  const b = page(2, [run(80, 780, "乙")], grid(xs, [800, 760]));
  expect(assemble([a, b]).grids).toHaveLength(2);
});

test("a row cut by the page break, its closing line missing, is still a row of the table", () => {
  const segments = [h(200, 70, 300), h(160, 70, 300), v(70, 100, 200), v(300, 100, 200)];
  const content = assemble([
    page(1, [run(80, 180, "上一行"), run(80, 120, "2.没有现成信息")], segments),
  ]);
  expect(content.grids[0]!.values).toEqual([["上一行"], ["2.没有现成信息"]]);
  expect(content.paragraphs).toEqual([]);
});

describe("a row the page break splits", () => {
  type Row = [string, string, string];
  const xs = [70, 200, 300, 400];
  const header = [run(80, 780, "信息内容"), run(210, 780, "甲"), run(310, 780, "乙")];
  /** Page 1 ends with `last`; page 2 repeats the header, then `next`, then one more row. */
  function broken(last: Row, next: Row): PageContent[] {
    const cells = (y: number, row: Row): Run[] =>
      row.flatMap((text, i) => (text === "" ? [] : [run(i === 0 ? 80 : 140 + 100 * i, y, text)]));
    return [
      page(1, [...header, ...cells(740, last)], grid(xs, [800, 760, 720])),
      page(
        2,
        [...header, ...cells(740, next), ...cells(700, ["5.其他", "1", "2"])],
        grid(xs, [800, 760, 720, 680]),
      ),
    ];
  }
  const HEADER = ["信息内容", "甲", "乙"];
  const LAST = ["5.其他", "1", "2"];

  test("the rest of a label at the top of the next page joins the row it was cut from", () => {
    // "4.无正当理由大量反复" is 120 units wide from x 80: it fills its cell to the border at 200.
    const content = assemble(broken(["4.无正当理由大量反复", "0", "3"], ["申请", "", ""]));
    expect(content.grids).toHaveLength(1);
    expect(content.grids[0]!.values).toEqual([
      HEADER,
      ["4.无正当理由大量反复申请", "0", "3"],
      LAST,
    ]);
    expect(content.grids[0]!.locations![1]![0]).toMatch(/^第1页/u);
  });

  test("figures below a label cut from them join it when the row above holds none", () => {
    const content = assemble(broken(["4.无正当理由大量反复", "", ""], ["申请", "3", "4"]));
    expect(content.grids[0]!.values).toEqual([
      HEADER,
      ["4.无正当理由大量反复申请", "3", "4"],
      LAST,
    ]);
  });

  test.each<[string, Row, Row]>([
    ["both hold a figure in one column", ["4.无正当理由大量反复", "0", ""], ["申请", "2", ""]],
    ["the label above does not fill its cell", ["其他事项", "0", ""], ["补充说明", "", ""]],
    ["the label below starts an item", ["4.无正当理由大量反复", "0", ""], ["5.要求确认", "", ""]],
    ["the label above is complete", ["3.要求提供公开出版物", "0", ""], ["申请", "", ""]],
    ["the label below is complete", ["4.无正当理由大量反复", "0", ""], ["行政许可", "", ""]],
    ["figures on both rows", ["4.无正当理由大量反复", "0", ""], ["", "", "2"]],
    ["a figure below a label", ["4.无正当理由大量反复", "", ""], ["7", "", ""]],
  ])("two real rows are not joined: %s", (_why, last, next) => {
    const content = assemble(broken(last, next));
    const cells = (row: Row): (string | null)[] => row.map((t) => (t === "" ? null : t));
    expect(content.grids).toHaveLength(1);
    expect(content.grids[0]!.values).toEqual([HEADER, cells(last), cells(next), LAST]);
  });
});

describe("limits, through pdf.js", () => {
  const bytes = makePdf([textPage(["2024 report one"]), textPage(["2024 report two"])]);

  test("text over the character limit is refused", async () => {
    const reading = await readPdf(bytes, await loadPdfJs(), {
      maxPages: 10,
      maxCharacters: 20,
      maxSegmentsPerPage: 100,
      maxMilliseconds: 10_000,
    });
    expect(reading).toEqual({
      ok: false,
      failure: { reason: "too-much-text", size: 30, limit: 20 },
    });
  });

  test("a reading over the time limit stops between pages", async () => {
    let clock = 0;
    const reading = await readPdf(
      bytes,
      await loadPdfJs(),
      { maxPages: 10, maxCharacters: 1000, maxSegmentsPerPage: 100, maxMilliseconds: 5 },
      () => (clock += 4),
    );
    expect(reading).toEqual({ ok: false, failure: { reason: "too-slow", limit: 5 } });
  });

  test("within the limits the text is read", async () => {
    const reading = await readPdf(bytes, await loadPdfJs());
    expect(reading.ok && reading.content.paragraphs.join(" ")).toBe(
      "2024 report one 2024 report two",
    );
  });
});
