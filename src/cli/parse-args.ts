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
export const COMMANDS = [
  "template",
  "check",
  "annotate",
  "narrative",
  "report",
  "extract",
  "read",
] as const;
export type Command = (typeof COMMANDS)[number];

/** What is wrong with the arguments, as a value; the text comes from cli-messages in the user's language. */
export type UsageProblem =
  | { readonly code: "missing-command" }
  | { readonly code: "unknown-command"; readonly command: string }
  | { readonly code: "unknown-option"; readonly option: string }
  | { readonly code: "missing-value"; readonly option: string }
  | { readonly code: "unexpected-value"; readonly option: string }
  | {
      readonly code: "not-accepted";
      readonly command: Command;
      readonly option: string;
      readonly accepted: readonly string[];
    }
  | { readonly code: "missing-files"; readonly command: Command }
  | { readonly code: "too-many-files"; readonly command: Command; readonly count: number }
  | { readonly code: "bad-format"; readonly value: string }
  | { readonly code: "bad-lang"; readonly value: string }
  | { readonly code: "bad-tables"; readonly value: string };

/**
 * Thrown for arguments the command line cannot accept; shown with the usage hint, from `problem`
 * in the user's language when it has one, else from `detail` as it is.
 */
export class UsageError extends Error {
  constructor(
    readonly detail: string,
    readonly problem?: UsageProblem,
  ) {
    super(detail);
    this.name = "UsageError";
  }
}

/** The option a node:util parseArgs error names ("'--colour'", "'--format <value>'"), if any. */
function optionOf(message: string): string {
  return /'(-{1,2}[^'\s<]+)/u.exec(message)?.[1] ?? "";
}

/** A node:util parseArgs error as a usage problem. */
function parseArgsProblem(error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return new UsageError(message, { code: "unknown-option", option: optionOf(message) });
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return new UsageError(message, {
      code: /argument missing/u.test(message) ? "missing-value" : "unexpected-value",
      option: optionOf(message),
    });
  return new UsageError(message);
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
  /** check, annotate, narrative, report: a supervising office's accepted explanations (JSON). */
  readonly explanations?: string;
  /** `extract -o`: the .xlsx or .csv file to write; `report -o`: the .docx file. */
  readonly output?: string;
  /** annotate, report: overwrite an existing output file. */
  readonly force?: boolean;
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
    if (id === undefined)
      throw new UsageError(`--tables: ${part}`, { code: "bad-tables", value: part });
    ids.add(id);
  }
  if (ids.size === 0) throw new UsageError("--tables", { code: "bad-tables", value: text });
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
    report: {
      min: 1,
      max: 1,
      options: ["last-year", "year", "agency", "self", "output", "force", "explanations"],
    },
    check: {
      min: 1,
      max: Infinity,
      options: ["format", "last-year", "year", "agency", "explanations"],
    },
    annotate: {
      min: 2,
      max: 2,
      options: ["last-year", "year", "agency", "force", "explanations"],
    },
    narrative: { min: 1, max: 1, options: ["year", "agency", "self", "explanations"] },
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
        explanations: { type: "string" },
        output: { type: "string", short: "o" },
        force: { type: "boolean" },
      },
    });
  } catch (error) {
    throw parseArgsProblem(error);
  }
  const { values, positionals } = parsed;
  const lang = values.lang;
  if (lang !== undefined && !/^(en|en-us|zh|zh-cn)$/iu.test(lang))
    throw new UsageError(`--lang: ${lang}`, { code: "bad-lang", value: lang });
  const locale: Locale = lang !== undefined && /^en/iu.test(lang) ? "en-US" : "zh-CN";
  const help = values.help === true;
  const version = values.version === true;
  const [first, ...rest] = positionals;
  if (first === undefined) {
    if (help || version)
      return { positionals: [], help, version, locale, format: "text", tables: ["T2", "T3", "T4"] };
    throw new UsageError("missing command", { code: "missing-command" });
  }
  if (!(COMMANDS as readonly string[]).includes(first))
    throw new UsageError(`unknown command: ${first}`, { code: "unknown-command", command: first });
  const command = first as Command;
  const accepts = ACCEPTS[command];
  if (!help) {
    if (rest.length < accepts.min)
      throw new UsageError(`${command}: missing file argument`, { code: "missing-files", command });
    if (rest.length > accepts.max)
      throw new UsageError(`${command}: too many arguments`, {
        code: "too-many-files",
        command,
        count: rest.length,
      });
  }
  for (const name of [
    "format",
    "tables",
    "year",
    "agency",
    "self",
    "last-year",
    "explanations",
    "output",
    "force",
  ] as const) {
    if (values[name] !== undefined && !accepts.options.includes(name))
      throw new UsageError(`${command} does not take --${name}`, {
        code: "not-accepted",
        command,
        option: name,
        accepted: accepts.options,
      });
  }
  if (command === "extract" && !help) {
    const output = values.output;
    if (output === undefined || output.trim() === "")
      throw new UsageError("extract: missing -o <figures.xlsx|.csv>");
    if (!/\.(?:xlsx|csv)$/iu.test(output)) throw new UsageError(`-o: ${output} (.xlsx or .csv)`);
  }
  if (command === "report" && !help) {
    const output = values.output;
    if (output === undefined || output.trim() === "")
      throw new UsageError("report: missing -o <报告.docx>");
    if (!/\.docx$/iu.test(output)) throw new UsageError(`-o: ${output} (.docx)`);
  }
  const format = values.format ?? "text";
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format: ${format}`, { code: "bad-format", value: format });
  if (command === "read" && !READ_FORMATS.includes(format))
    throw new UsageError(`--format: ${format}`, { code: "bad-format", value: format });
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
    ...(values.explanations === undefined ? {} : { explanations: values.explanations }),
    ...(values.output === undefined ? {} : { output: values.output }),
    ...(values.force === true ? { force: true } : {}),
  };
}
