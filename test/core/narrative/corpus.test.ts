/**
 * The 94 real report openings of test/fixtures/narratives, read as the command line reads a .txt
 * (readReportText, then checkReport with the report year of index.tsv and the agency from the
 * title). `verdicts.json` holds a careful human reading of every finding the checker once raised:
 * every FALSE verdict must be silent now, and every certain miss that a narrative rule covers must
 * be found. The error findings are asserted as an exact table, one entry per finding, each with
 * the sentence it comes from. Precision (errors that are real / errors raised) and the count of
 * warnings are printed.
 *
 * After the table reader reads " | "-delimited tables (branch p8-html), table findings join this
 * list (27-changchun-tyj-2023: 受理2件 against table 三 row 一 = 3 → N3), and the R5 rows below
 * (the "|" separator read as a cell) go: edit TABLE_READER_ERRORS and EXPECTED_ERRORS as data.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { checkReport } from "../../../src/core/check";
import type { Finding } from "../../../src/core/rules/finding";
import { readReportText } from "../../../src/core/text/report-text";
import { identifyReport } from "../../../src/formats/report/report-identity";

const DIR = path.join(__dirname, "..", "..", "fixtures", "narratives");

interface Entry {
  readonly file: string;
  readonly agency: string;
  readonly year: number;
}

const ENTRIES: readonly Entry[] = fs
  .readFileSync(path.join(DIR, "index.tsv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [file, , agency, year] = line.split("\t");
    return { file: file!, agency: agency!, year: Number(year) };
  });

interface Verdict {
  readonly file: string;
  readonly rule: string;
  readonly severity: string;
  readonly sentence: string;
  readonly verdict: "TRUE" | "FALSE" | "UNCERTAIN";
  readonly reported: number | null;
  readonly computed: number | null;
}
interface Miss {
  readonly file: string;
  readonly kind: string;
  readonly rule_scope: string;
  readonly sentence: string;
}
const VERDICTS = JSON.parse(fs.readFileSync(path.join(DIR, "verdicts.json"), "utf8")) as {
  findings: Verdict[];
  misses: Miss[];
};

/** An error finding: its rule, its code and a fragment of the sentence it quotes. */
interface ExpectedError {
  readonly rule: string;
  readonly code: string;
  readonly sentence: string;
  readonly real: boolean;
}

/**
 * (A FALSE verdict is matched by rule, numbers and sentence: 08-lintao's old false sum of the
 * WeChat list (2443 vs 668) is silent; its real part-exceeds-total (382 vs 2443) is raised.)
 *
 * Every error the narrative rules raise on the corpus. Each is a real inconsistency of the
 * published text (verdicts.json `misses`, kind "certain").
 */
const EXPECTED_ERRORS: Readonly<Record<string, readonly ExpectedError[]>> = {
  // "全年主动公开政务信息382条,包括政府网站35条,…“临洮县新添镇”微信公众号2443条,其中…": one part
  // (2443) is larger than the whole (382). The sentence is cut at the 2,000-byte copy, but the
  // whole and the part are both finished figures, followed by more text.
  "08-lintao-xintian-2022.txt": [
    { rule: "N1", code: "part-exceeds-total", sentence: "全年主动公开政务信息382条", real: true },
  ],
  // "公开全市各类政府信息共计3437条,包括:人事信息12条,政务动态1740条,公告公示225 条,解读及回应
  // 信息共计110条,其他类信息1827条。": the last part is the residual 其他类信息, so the list is all
  // of the 3437; its parts add up to 3914.
  "90-zichang-szf-2023.txt": [
    { rule: "N1", code: "breakdown-sum-mismatch", sentence: "共计3437条,包括", real: true },
  ],
  // "本年度,共受理政府信息公开申请2件,都在法定期限内予以答复。" beside its " | " table 三 whose
  // 一、本年新收 总计 is 3 (and 上年结转 0, so 2 is neither reading).
  "27-changchun-tyj-2023.txt": [
    { rule: "N3", code: "narrative-table-mismatch", sentence: "2件", real: true },
  ],
};

/**
 * Errors of the table rules on the corpus (not the narrative's), now that " | " tables are read.
 * 26-jxx is a 2023 report whose table 二 is the 2019 trial layout (本年新制作数量/本年新公开数量/
 * 对外公开总数量; 上年项目数量/本年增/减): verdicts.json `misses`, kind "certain (table rule)", R8.
 * (05-shizhu's pipe-and-newline cells, once read as the text "|", are silent.)
 */
const TABLE_READER_ERRORS: Readonly<Record<string, readonly ExpectedError[]>> = {
  "26-jxx-mzj-2023.txt": [{ rule: "R8", code: "format-2019", sentence: "", real: true }],
};

const NARRATIVE_RULES = new Set(["N1", "N2", "N3", "N4", "P1"]);

function check(entry: Entry): { findings: readonly Finding[]; narrative: string } {
  const text = fs.readFileSync(path.join(DIR, "texts", entry.file), "utf8");
  const report = readReportText(text);
  const identity = identifyReport(text.split(/\r?\n/u));
  const result = checkReport({
    tables: report.tables,
    narrative: report.narrative,
    year: entry.year,
    agency: identity.agency ?? entry.agency,
  });
  return { findings: result.findings, narrative: report.narrative };
}

const results = new Map(ENTRIES.map((e) => [e.file, check(e)] as const));

const errorsOf = (file: string): { rule: string; code: string; sentence: string }[] =>
  results
    .get(file)!
    .findings.filter((f) => f.severity === "error")
    .map((f) => ({ rule: f.rule, code: f.code, sentence: f.spans?.[0]?.text ?? "" }));

describe("the 94 real report openings", () => {
  test("are all there", () => {
    expect(ENTRIES).toHaveLength(94);
    expect(fs.readdirSync(path.join(DIR, "texts")).sort()).toEqual(
      ENTRIES.map((e) => e.file).sort(),
    );
  });

  test("give exactly the errors of the table, each with its sentence", () => {
    const expected = Object.fromEntries(
      ENTRIES.map((e) => [
        e.file,
        [...(EXPECTED_ERRORS[e.file] ?? []), ...(TABLE_READER_ERRORS[e.file] ?? [])].map(
          ({ rule, code }) => `${rule} ${code}`,
        ),
      ]),
    );
    const got = Object.fromEntries(
      ENTRIES.map((e) => [e.file, errorsOf(e.file).map(({ rule, code }) => `${rule} ${code}`)]),
    );
    expect(got).toEqual(expected);
    for (const [file, list] of Object.entries(EXPECTED_ERRORS)) {
      expect(errorsOf(file).map((f) => f.sentence)).toEqual(
        list.map((e) => expect.stringContaining(e.sentence) as unknown),
      );
    }
  });

  test("are silent wherever the human verdict on an old finding was FALSE", () => {
    const falseNarrative = VERDICTS.findings.filter(
      (v) => v.verdict === "FALSE" && NARRATIVE_RULES.has(v.rule),
    );
    expect(falseNarrative.length).toBeGreaterThanOrEqual(8);
    const stillRaised = falseNarrative.filter((v) =>
      results
        .get(v.file)!
        .findings.some(
          (f) =>
            f.rule === v.rule &&
            f.reported === v.reported &&
            f.computed === v.computed &&
            (f.spans ?? []).some((s) => s.text.includes(v.sentence.slice(0, 20))),
        ),
    );
    expect(stillRaised).toEqual([]);
  });

  test("are silent on the UNCERTAIN sums below an open 其中 list", () => {
    const uncertain = VERDICTS.findings.filter((v) => v.verdict === "UNCERTAIN");
    expect(uncertain.map((v) => v.file)).toEqual([
      "25-nanjing-wyh-2023.txt",
      "73-xuanzhou-shuiyang-2023.txt",
    ]);
    expect(uncertain.map((v) => errorsOf(v.file))).toEqual([[], []]);
  });

  test("find every certain miss that a narrative rule covers, with the rule the verdict names", () => {
    const certain = VERDICTS.misses.filter(
      (m) => m.kind === "certain" && /^N\d/u.test(m.rule_scope),
    );
    expect(certain.map((m) => [m.file, m.rule_scope.slice(0, 2)])).toEqual([
      ["90-zichang-szf-2023.txt", "N1"],
      ["08-lintao-xintian-2022.txt", "N1"],
      ["27-changchun-tyj-2023.txt", "N3"],
    ]);
    expect(
      certain.map((m) =>
        errorsOf(m.file).some(
          (f) =>
            f.rule === m.rule_scope.slice(0, 2) && m.sentence.includes(f.sentence.slice(0, 30)),
        ),
      ),
    ).toEqual([true, true, true]);
  });

  test("print their precision and warnings", () => {
    const all = ENTRIES.flatMap((e) => results.get(e.file)!.findings);
    const narrative = all.filter((f) => NARRATIVE_RULES.has(f.rule));
    const errors = narrative.filter((f) => f.severity === "error").length;
    const real = Object.values(EXPECTED_ERRORS)
      .flat()
      .filter((e) => e.real).length;
    const allErrors = all.filter((f) => f.severity === "error").length;
    const realAll =
      real +
      Object.values(TABLE_READER_ERRORS)
        .flat()
        .filter((e) => e.real).length;
    process.stdout.write(
      `narrative corpus (94 texts): narrative errors real/raised ${real}/${errors}` +
        `, all errors ${realAll}/${allErrors}` +
        `, narrative warnings ${narrative.filter((f) => f.severity === "warning").length}` +
        `, all warnings ${all.filter((f) => f.severity === "warning").length}\n`,
    );
    expect(errors).toBe(real);
  });
});
