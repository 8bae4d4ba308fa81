/**
 * A 300 KB government web page (the seed report saved by Word as a GBK page without a charset,
 * with the large style block such pages carry) read and checked: median of runs after a warm-up.
 */
import { checkLoaded } from "../src/formats/report/check-file";
import { loadReportBytes } from "../src/formats/report/load-report";
import { encodeGbk, seedPage } from "../test/helpers/render-html";

export interface HtmlBench {
  readonly bytes: number;
  readonly readMs: number;
  readonly readAndCheckMs: number;
  readonly findings: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The seed as a Word-made page padded with mso style rules to about 300 KB. */
function page(): Uint8Array {
  const html = seedPage({ word: true });
  const rules: string[] = [];
  for (let i = 0; html.length + rules.join("").length < 300 * 1024; i += 1)
    rules.push(
      `p.MsoListParagraph${i}, li.MsoListParagraph${i} {mso-style-priority:34;margin:0cm;text-indent:21.0pt;font-size:10.5pt;font-family:等线;}\n`,
    );
  return encodeGbk(html.replace("</style>", `${rules.join("")}</style>`));
}

async function time(run: () => Promise<unknown>, times: number): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

/** Reads and checks the 300 KB page. */
export async function benchHtml(times = 15): Promise<HtmlBench> {
  const bytes = page();
  const report = await loadReportBytes("seed.htm", bytes);
  const findings = checkLoaded(report, { locale: "zh-CN" }).result.findings.length;
  const readMs = await time(() => loadReportBytes("seed.htm", bytes), times);
  const readAndCheckMs = await time(async () => {
    checkLoaded(await loadReportBytes("seed.htm", bytes), { locale: "zh-CN" });
  }, times);
  return { bytes: bytes.length, readMs, readAndCheckMs, findings };
}
