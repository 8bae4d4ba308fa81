/**
 * The report's own structure as data (spec §6, §8 S1, §10): the six sections in the official order
 * with their headings and the variants seen in published reports, the five sub-topics of 总体情况,
 * and the headings that mark the pre-2019 seven-part structure (R8). Nothing else spells a heading.
 */

/** A section of the 2021 format, 1 to 6 in the official order. */
export type SectionNumber = 1 | 2 | 3 | 4 | 5 | 6;

/** One of the six sections. */
export interface SectionDef {
  readonly number: SectionNumber;
  /** The Chinese numeral of its heading ("一"). */
  readonly numeral: string;
  /** The official heading without its numeral ("总体情况"). */
  readonly heading: string;
  /** Headings seen in published reports (spec §10), accepted and warned about. */
  readonly variants: readonly string[];
  /** Words that identify a renamed heading of this section when it carries the section's numeral. */
  readonly words: RegExp;
}

/** The six sections (spec §6) in the official order. */
export const SECTIONS: readonly SectionDef[] = [
  {
    number: 1,
    numeral: "一",
    heading: "总体情况",
    variants: [],
    words: /总体情况|基本情况|总体概况|概况|概述/u,
  },
  {
    number: 2,
    numeral: "二",
    heading: "主动公开政府信息情况",
    variants: ["主动公开政府政府情况"],
    words: /主动公开/u,
  },
  {
    number: 3,
    numeral: "三",
    heading: "收到和处理政府信息公开申请情况",
    variants: ["收到和处理政府信息公开的申请情况"],
    words: /申请/u,
  },
  {
    number: 4,
    numeral: "四",
    heading: "政府信息公开行政复议、行政诉讼情况",
    variants: [
      "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
      "政府信息公开行政复议行政诉讼情况",
      "政府信息公开被申请行政复议提起行政诉讼情况",
    ],
    words: /复议|诉讼/u,
  },
  {
    number: 5,
    numeral: "五",
    heading: "存在的主要问题及改进情况",
    variants: [
      "存在的主要问题和改进措施",
      "政府信息公开工作存在的主要问题及改进情况",
      "乡镇信息公开的建议和下一步工作思考",
    ],
    words: /问题|改进|不足/u,
  },
  {
    number: 6,
    numeral: "六",
    heading: "其他需要报告的事项",
    variants: ["其他需要汇报事项", "其它需要报告的事项"],
    words: /其他|其它/u,
  },
];

/**
 * The order in which a renamed numbered heading is matched to a section's words: 复议/诉讼 before
 * 申请 ("因政府信息公开申请提起行政复议…" is section 四), 问题 and 其他 before 主动公开.
 */
export const RENAME_MATCH_ORDER: readonly SectionNumber[] = [4, 5, 6, 2, 3, 1];

/** The official heading with its numeral ("三、收到和处理政府信息公开申请情况"). */
export function sectionHeading(number: SectionNumber): string {
  const def = SECTIONS[number - 1]!;
  return `${def.numeral}、${def.heading}`;
}

/** A sub-topic that 总体情况 must cover (spec §6: the official text's five). */
export interface SubTopicDef {
  readonly key: string;
  /** The words that show the sub-topic is covered; lenient on purpose (a miss is only a warning). */
  readonly words: RegExp;
}

/** The five sub-topics of 总体情况, as the official text names them. */
export const SUB_TOPICS: readonly SubTopicDef[] = [
  { key: "主动公开", words: /主动公开/u },
  { key: "依申请公开", words: /依申请|申请公开|公开申请/u },
  { key: "政府信息管理", words: /信息.{0,6}管理|管理.{0,6}信息/u },
  { key: "政府信息公开平台建设", words: /平台|网站/u },
  { key: "监督保障", words: /监督|保障|考核|问责|责任追究/u },
];

/**
 * Top-level headings found only in the pre-2019 seven-part structure (2008-era form: 概述, 主动公开,
 * 依申请公开和不予公开, 收费及减免, 复议诉讼, 问题, 其他). The others coincide with 2021 headings and
 * prove nothing. `numeral` restricts a marker to one position.
 */
export const PRE_2019_HEADINGS: readonly { readonly words: RegExp; readonly numeral?: string }[] = [
  { words: /^概述$/u, numeral: "一" },
  { words: /依申请公开.*不予公开|不予公开.*依申请公开/u },
  { words: /收费.{0,4}减免|减免.{0,4}收费/u },
  { words: /其他|其它/u, numeral: "七" },
];

/** An introduction that lists the seven pre-2019 parts names 概述 and 收费及减免 in one sentence. */
export const PRE_2019_INTRODUCTION = /概述.{0,80}收费.{0,4}减免/u;
