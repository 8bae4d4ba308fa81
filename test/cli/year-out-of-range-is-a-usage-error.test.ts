/** `--year` accepts 2019 … this year + 1 (issue 9: the pane saved 99999 and 1999; so did --year 1999). */
import { acceptedReportYear, reportYearRange } from "../../src/core/model/report-year";
import { runCli } from "../../src/cli/run-cli";
import { captureIo } from "./helpers/capture-io";

const TODAY = new Date(2026, 11, 1);

test("the accepted range is 2019 to next year", () => {
  expect(reportYearRange(TODAY)).toEqual({ min: 2019, max: 2027 });
  expect(acceptedReportYear("2019", TODAY)).toBe(2019);
  expect(acceptedReportYear(" 2027 ", TODAY)).toBe(2027);
  for (const bad of ["2018", "2028", "99999", "1999", "202", "2024.5", "二〇二四", "", "2e3"])
    expect(acceptedReportYear(bad, TODAY)).toBeUndefined();
});

test("template --year 99999 and check --year 1999 are usage errors naming the range", async () => {
  const max = new Date().getFullYear() + 1;
  const zh = captureIo();
  expect(await runCli(["template", "--year", "99999", "out.xlsx"], zh.io)).toBe(2);
  expect(zh.stderr()).toBe(
    `用法错误：--year 99999：报告年度应为 2019 至 ${max} 之间的年份\n运行 xxgk --help 查看用法。\n`,
  );
  const en = captureIo();
  expect(await runCli(["check", "--lang", "en", "--year", "1999", "a.txt"], en.io)).toBe(2);
  expect(en.stderr()).toBe(
    `usage error: --year 1999: the report year must be a year from 2019 to ${max}\nRun xxgk --help for usage.\n`,
  );
});
