/**
 * The command line's arguments: the command, its positional arguments and its options, checked
 * against what each command accepts. A mistake is a UsageError (exit code 2), never a guess.
 */
import { parseArgs } from "node:util";
import type { Locale } from "../core/locales/locale";
import { acceptedReportYear, reportYearRange } from "../core/model/report-year";
import type { TableId } from "../core/model/tables";
import { OUTPUT_FORMATS, type OutputFormat } from "./check-output";

/** The commands. */
export const COMMANDS = ["template", "check", "annotate", "narrative", "extract", "read"] as const;
export type Command = (typeof COMMANDS)[number];

/** Thrown for arguments the command line cannot accept; its message is shown with the usage hint. */
export class UsageError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = "UsageError";
  }
}

/** Parsed arguments. */
export interface CliArguments {
  readonly command?: Command;
  readonly positionals: readonly string[];
  readonly help: boolean;
  readonly version: boolean;
  readonly locale: Locale;
  readonly format: OutputFormat;
  readonly tables: readonly TableId[];
  readonly year?: number;
  readonly agency?: string;
  readonly self?: string;
  readonly lastYear?: string;
  /** `extract -o`: the .xlsx or .csv file to write. */
  readonly output?: string;
}

const TABLE_NAMES: Readonly<Record<string, TableId>> = {
  二: "T2",
  三: "T3",
  四: "T4",
  "2": "T2",
  "3": "T3",
  "4": "T4",
  t2: "T2",
  t3: "T3",
  t4: "T4",
  表二: "T2",
  表三: "T3",
  表四: "T4",
};

/** "二,三,四" (or 2,3,4 / T2,T3) → table ids in table order. */
export function parseTables(text: string): TableId[] {
  const ids = new Set<TableId>();
  for (const part of text.split(/[,，、\s]+/u).filter((p) => p !== "")) {
    const id = TABLE_NAMES[part.toLowerCase()];
    if (id === undefined) throw new UsageError(`--tables: ${part}`);
    ids.add(id);
  }
  if (ids.size === 0) throw new UsageError("--tables");
  return (["T2", "T3", "T4"] as const).filter((t) => ids.has(t));
}

function parseYear(text: string, locale: Locale, today: Date = new Date()): number {
  const { min, max } = reportYearRange(today);
  const year = acceptedReportYear(text, today);
  if (year === undefined) {
    throw new UsageError(
      locale === "en-US"
        ? `--year ${text}: the report year must be a year from ${min} to ${max}`
        : `--year ${text}：报告年度应为 ${min} 至 ${max} 之间的年份`,
    );
  }
  return year;
}

/** What each command accepts: positional count range and options. */
const ACCEPTS: Readonly<Record<Command, { min: number; max: number; options: readonly string[] }>> =
  {
    template: { min: 1, max: 1, options: ["tables", "year", "agency"] },
    check: { min: 1, max: Infinity, options: ["format", "last-year", "year", "agency"] },
    annotate: { min: 2, max: 2, options: ["last-year", "year", "agency"] },
    narrative: { min: 1, max: 1, options: ["year", "agency", "self"] },
    extract: { min: 1, max: Infinity, options: ["output"] },
    read: { min: 1, max: 1, options: ["format"] },
  };

/** The formats `read` writes (a reading is not rows of findings: no CSV). */
const READ_FORMATS: readonly string[] = ["text", "json"];

/** Parses argv (without node and the script). */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
        lang: { type: "string" },
        format: { type: "string" },
        tables: { type: "string" },
        year: { type: "string" },
        agency: { type: "string" },
        self: { type: "string" },
        "last-year": { type: "string" },
        output: { type: "string", short: "o" },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const lang = values.lang;
  if (lang !== undefined && !/^(en|en-us|zh|zh-cn)$/iu.test(lang))
    throw new UsageError(`--lang: ${lang}`);
  const locale: Locale = lang !== undefined && /^en/iu.test(lang) ? "en-US" : "zh-CN";
  const help = values.help === true;
  const version = values.version === true;
  const [first, ...rest] = positionals;
  if (first === undefined) {
    if (help || version)
      return { positionals: [], help, version, locale, format: "text", tables: ["T2", "T3", "T4"] };
    throw new UsageError("missing command");
  }
  if (!(COMMANDS as readonly string[]).includes(first))
    throw new UsageError(`unknown command: ${first}`);
  const command = first as Command;
  const accepts = ACCEPTS[command];
  if (!help) {
    if (rest.length < accepts.min) throw new UsageError(`${command}: missing file argument`);
    if (rest.length > accepts.max) throw new UsageError(`${command}: too many arguments`);
  }
  for (const name of [
    "format",
    "tables",
    "year",
    "agency",
    "self",
    "last-year",
    "output",
  ] as const) {
    if (values[name] !== undefined && !accepts.options.includes(name))
      throw new UsageError(`${command} does not take --${name}`);
  }
  if (command === "extract" && !help) {
    const output = values.output;
    if (output === undefined || output.trim() === "")
      throw new UsageError("extract: missing -o <figures.xlsx|.csv>");
    if (!/\.(?:xlsx|csv)$/iu.test(output)) throw new UsageError(`-o: ${output} (.xlsx or .csv)`);
  }
  const format = values.format ?? "text";
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format: ${format}`);
  if (command === "read" && !READ_FORMATS.includes(format))
    throw new UsageError(`--format: ${format}`);
  return {
    command,
    positionals: rest,
    help,
    version,
    locale,
    format: format as OutputFormat,
    tables: values.tables === undefined ? ["T2", "T3", "T4"] : parseTables(values.tables),
    ...(values.year === undefined ? {} : { year: parseYear(values.year, locale) }),
    ...(values.agency === undefined || values.agency.trim() === ""
      ? {}
      : { agency: values.agency.trim() }),
    ...(values.self === undefined || values.self.trim() === "" ? {} : { self: values.self.trim() }),
    ...(values["last-year"] === undefined ? {} : { lastYear: values["last-year"] }),
    ...(values.output === undefined ? {} : { output: values.output }),
  };
}
