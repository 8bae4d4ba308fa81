/**
 * The phrase table: which words before (or after) a number make it a figure of which quantity.
 * Patterns are data; one reader (claims.ts) applies them all and keeps the match nearest the
 * number. A phrase that can also describe another subject (办结 of hotline requests, 行政复议
 * cases an office decides as the reviewing body) carries a context it needs or words it must not
 * contain. Adding a phrase is adding a row here; nothing else changes.
 */
import type { QuantityId } from "./quantities";

/** The subject a phrase needs around it before it counts (see topics in claims.ts). */
export type PhraseContext = "application";

/** One way of stating a quantity's figure. */
export interface ClaimPhrase {
  readonly quantity: QuantityId;
  /** Must match the text between the previous figure and this number, ending at the number. */
  readonly before: RegExp;
  /** Number-before-noun phrasing: must match the text right after the unit. */
  readonly after?: RegExp;
  readonly context?: PhraseContext;
  /** Words that, found in the matched phrase, mean it is about something else. */
  readonly unless?: RegExp;
  /** 规章 or 行政规范性文件 is named earlier in the sentence, not in the phrase ("…6个，废止2个"). */
  readonly rowFromContext?: boolean;
  /** The real sentence the row came from (its test is in test/core/narrative/reader-spec.test.ts). */
  readonly example?: string;
}

/** One way of stating that a quantity is zero without a number ("未收到任何政府信息公开申请"). */
export interface ZeroPhrase {
  readonly quantity: QuantityId;
  readonly pattern: RegExp;
  /**
   * For a list ("未作出行政许可、行政处罚决定"), the word that must be in the statement for this
   * quantity; several rows may share one pattern.
   */
  readonly word?: RegExp;
}

/**
 * Any character inside a clause. The windows ({0,N}) are set from the data: the longest filler
 * each phrase needs in the seed, the 94 corpus openings, the cases and the published reports
 * ("收到申请公开政府信息的要求0条": 9 after 申请; a 主动公开 phrase of 24 in 67-jianping-county-2025), plus a little.
 */
const F = "[^,;。!?\\n]";
/** Words that may stand between a noun and its number: 共, 共计, 数量为 … */
const SUM = "(?:共计?|总计|合计|累计|总数为?|数量为?|数为|为|达|有)?";
const NEW_VERB = "(?:新收|收到|受理|接收|接到|收悉|共收)";
/** The next year, as deferral verbs name it ("顺延至下一年答复"). */
const DEFERRED = "(?:下一?年度?|次年|明年)";
/**
 * Objects other than government information that are also 申请 ("受理行政审批申请1200件",
 * "全年共受理低保申请35件"): never 依申请公开 applications.
 */
export const OTHER_APPLICATIONS =
  "审批|低保|许可|补贴|救助|资金|项目|贷款|赔偿|入学|落户|登记|注册|备案|救济|复议|诉讼|仲裁|鉴定|公租房|廉租房|保障房|医保|社保|退休|就业|创业";
const APPLICATION = `(?<!${OTHER_APPLICATIONS})申请(?!人)`;
const DOC: Readonly<Record<"规章" | "行政规范性文件", string>> = {
  规章: "规章(?!制度)",
  行政规范性文件: "(?:行政)?规范性文件",
};

/** Subjects that are not requests for government information, or a channel-limited count. */
const NOT_AN_APPLICATION =
  /复议|诉讼|建议|提案|热线|诉求|信访(?!、?举报、?投诉类)|咨询|留言|来信|来访|来电|工单|政务服务|审批|许可|办件|业务|项目|资金|补贴|救助|通过|网上|线上|网络|信函|当面|传真|邮件|邮寄|平台/u;
/** Objects other than 依申请 applications that are also 办结/结转 ("办结政务服务事项12000件"). */
const NOT_APPLICATIONS_HANDLED =
  /政务服务|服务事项|审批|办件|业务|诉求|建议|提案|工单|来信|来访|留言|咨询|投诉(?!类)|案件|复议|诉讼|热线|资金|项目|经费|预算/u;
/** Reviews and suits an office handles as the reviewing body, not as the respondent. */
const NOT_AS_RESPONDENT = /办理|审理|受理|代理|审查|办结|各/u;

const before = (source: string): RegExp => new RegExp(`(?:${source})$`, "u");
const after = (source: string): RegExp => new RegExp(`^(?:${source})`, "u");

const OUTCOMES: readonly (readonly [QuantityId, string])[] = [
  ["outcome:三(一)", "(?<![不分])(?:予以公开|同意公开|予以全部公开|全部予以公开)"],
  ["outcome:三(二)", "部分公开|部分予以公开|予以部分公开"],
  ["outcome:三(三)", "不予(?:以)?公开"],
  ["outcome:三(四)", "无法提供"],
  ["outcome:三(五)", "不予(?:以)?处理"],
  ["outcome:三(六)", "其他处理"],
  ["outcome:三(三)1", "(?:属于|涉及)?国家秘密"],
  ["outcome:三(三)2", "(?:其他)?法律、?行政法规禁止公开"],
  ["outcome:三(三)3", '(?:危及)?["“]?三安全一稳定["”]?'],
  ["outcome:三(三)4", "(?:保护)?第三方合法权益"],
  ["outcome:三(三)5", "(?:属于)?(?:三类)?内部事务(?:信息)?"],
  ["outcome:三(三)6", "(?:属于)?(?:四类)?过程性信息"],
  ["outcome:三(三)7", "(?:属于)?行政执法案卷"],
  ["outcome:三(三)8", "(?:属于)?行政查询事项"],
  ["outcome:三(四)1", "(?:本机关)?(?:不掌握|未掌握)(?:相关)?(?:的)?(?:政府)?信息|信息不存在"],
  ["outcome:三(四)2", "没有现成信息|需(?:要)?另行制作"],
  ["outcome:三(四)3", "补正后(?:申请内容)?仍(?:然)?不明确"],
  ["outcome:三(五)1", "信访、?举报、?投诉"],
  ["outcome:三(五)2", "(?<!反复|大量)重复申请"],
  ["outcome:三(五)3", "公开出版物"],
  ["outcome:三(五)4", "大量、?反复申请"],
  ["outcome:三(五)5", "确认或重新出具|重新出具已获取"],
  ["outcome:三(六)1", "逾期不补正"],
  ["outcome:三(六)2", "逾期未按收费通知|未按收费通知要求缴纳|逾期未缴纳"],
];

const APPLICANTS: readonly (readonly [QuantityId, string])[] = [
  ["applicant:自然人", "自然人"],
  ["applicant:法人或其他组织", "法人(?:或|和|及)其他组织"],
  ["applicant:商业企业", "商业企业"],
  ["applicant:科研机构", "科研机构"],
  ["applicant:社会公益组织", "社会公益组织"],
  ["applicant:法律服务机构", "法律服务机构"],
];

const RULES_ROWS = ["规章", "行政规范性文件"] as const;
const ISSUE = "(?:新制发|新制定|制发|制定|出台|印发|发布)";
const REPEAL = "(?:废止|废除)";

const rulesPhrases = (row: "规章" | "行政规范性文件"): ClaimPhrase[] => {
  const doc = DOC[row];
  return [
    {
      quantity: `rules:${row}:制发`,
      before: before(`${ISSUE}(?:了)?(?:各类)?(?:本级|本机关|本部门)?${doc}${SUM}`),
    },
    {
      quantity: `rules:${row}:制发`,
      before: before(`${ISSUE}(?:了)?(?:共计?)?`),
      after: after(doc),
    },
    { quantity: `rules:${row}:废止`, before: before(`${REPEAL}(?:了)?${doc}${SUM}`) },
    {
      quantity: `rules:${row}:废止`,
      before: before(`${REPEAL}(?:了)?(?:共计?)?`),
      after: after(doc),
    },
    { quantity: `rules:${row}:现行有效`, before: before(`现行有效(?:的)?${doc}${SUM}`) },
    { quantity: `rules:${row}:现行有效`, before: before(`${doc}(?:中)?现行有效(?:的)?${SUM}`) },
  ];
};

const decisionPhrases = (row: "行政许可" | "行政处罚" | "行政强制"): ClaimPhrase[] => [
  {
    quantity: `decisions:${row}`,
    example: "行政许可：共处理600件",
    before: before(
      `${row}\\s*:\\s*(?:共计?|合计)?(?:处理|办理|作出|做出)(?:了)?(?:决定)?(?:共计?)?`,
    ),
  },
  {
    quantity: `decisions:${row}`,
    before: before(`${row}(?:处理)?决定(?:书)?(?:数量?)?${SUM}`),
    unless: /公开|公示|信息/u,
  },
  {
    quantity: `decisions:${row}`,
    before: before("(?:作出|做出)(?:了)?(?:共计?)?"),
    after: after(`${row}(?:处理)?决定`),
  },
  {
    // "全年办理行政许可600件": handled cases are the decisions of table 二. Items of a catalogue
    // (行政许可事项40项) and disclosed information (公开行政许可信息) are not.
    quantity: `decisions:${row}`,
    before: before(`(?:办理|办结|作出|做出)(?:了)?${row}(?:案件)?${SUM}`),
    unless: /公开|公示|信息|事项|目录|清单/u,
  },
];

/** Every phrase that states a figure, most specific first (ties go to the earlier row). */
export const CLAIM_PHRASES: readonly ClaimPhrase[] = [
  // 依申请: new applications (number after or before the noun)
  {
    quantity: "applications-new",
    example: "本年度,共受理政府信息公开申请2件,都在法定期限内予以答复",
    before: before(`${NEW_VERB}${F}{0,12}?${APPLICATION}${F}{0,10}?`),
    unless: NOT_AN_APPLICATION,
  },
  {
    quantity: "applications-new",
    example: "2024年度，我街道共收到9条要求公开政府信息的申请",
    before: before(`${NEW_VERB}(?:了)?${SUM}`),
    after: after(`${F}{0,12}?${APPLICATION}`),
    unless: NOT_AN_APPLICATION,
  },
  {
    quantity: "applications-new",
    before: before(`新收${F}{0,6}?`),
    context: "application",
    unless: NOT_AN_APPLICATION,
  },
  {
    quantity: "applications-carried-over",
    before: before(`上一?年度?(?:的)?结转${F}{0,10}?`),
    context: "application",
    unless: NOT_APPLICATIONS_HANDLED,
  },
  {
    // Not "同意公开答复9件" (an outcome), not "顺延至下一年答复2件" (carried forward).
    quantity: "applications-concluded",
    example: "2025年,我市共受理群众政府信息公开申请54件,按时办结54件",
    before: before(
      `(?<!未|没有|${DEFERRED}(?:继续)?)(?:办结|(?<!公开|处理|提供|告知)答复|办理完毕|处理完毕|完成办理)${F}{0,10}?`,
    ),
    context: "application",
    unless: NOT_APPLICATIONS_HANDLED,
  },
  {
    quantity: "applications-carried-forward",
    example: "2023年度东湖街道办事处…顺延至下一年答复2件",
    // Also "结转下年度办理2件", "转接下年度办理45件", "转入2024年办理1件".
    before: before(
      `(?:结转|转入|转至|转到|顺延|转接|延期|延续)(?:至|到|入)?(?:下一?年度?|次年|明年|(?:19|20)\\d{2}年度?)${F}{0,12}?`,
    ),
    context: "application",
    unless: NOT_APPLICATIONS_HANDLED,
  },
  // two outcome groups as one figure: "予以公开及部分公开12件", "不予公开和无法提供3件" (spec §8)
  {
    quantity: "outcomes:三(一)+三(二)",
    example: "予以公开及部分公开12件",
    before: before(`(?:予以公开|同意公开|全部公开)(?:及|和|、|与|或)(?:予以)?部分公开${F}{0,8}?`),
    context: "application",
  },
  {
    quantity: "outcomes:三(三)+三(四)",
    example: "不予公开和无法提供3件",
    before: before(`不予(?:以)?公开(?:及|和|、|与|或)无法提供${F}{0,8}?`),
    context: "application",
  },
  // outcomes of table 三, groups and leaves
  ...OUTCOMES.map(([quantity, words]): ClaimPhrase => ({
    quantity,
    before: before(`(?:${words})${F}{0,8}?`),
    // 予以公开/不予公开 are also said of 主动公开 and of 保密审查: only 依申请 passages count.
    context: "application",
  })),
  // applicants (row 一)
  ...APPLICANTS.map(([quantity, words]): ClaimPhrase => ({
    quantity,
    before: before(`(?:${words})(?:提出)?(?:的)?(?:申请)?${F}{0,4}?`),
    context: "application",
    unless: /办结|答复|结转/u,
  })),
  // table 四
  {
    quantity: "review-and-litigation",
    before: before(
      "行政复议(?:案件)?(?:、|和|及|与|以及)(?:被?提起)?行政诉讼(?:案件)?(?:共计?|合计)?",
    ),
    unless: NOT_AS_RESPONDENT,
  },
  {
    quantity: "review-total",
    before: before(
      "(?:被申请|被提起|引发|引起|产生|发生|涉及)(?:的)?(?:政府信息公开)?(?:类)?行政复议(?:申请|案件)?(?:共计?|合计)?",
    ),
    unless: NOT_AS_RESPONDENT,
  },
  {
    quantity: "review-total",
    before: before(`信息公开${F}{0,10}?行政复议(?:申请|案件)?(?:共计?|合计)?`),
    unless: NOT_AS_RESPONDENT,
  },
  {
    quantity: "litigation-total",
    before: before(
      "(?:被提起|被起诉|被诉|提起|引发|引起|产生|发生|涉及|应诉)(?:的)?(?:政府信息公开)?(?:类)?行政诉讼(?:案件)?(?:共计?|合计)?",
    ),
    unless: NOT_AS_RESPONDENT,
  },
  {
    quantity: "litigation-total",
    before: before(`信息公开${F}{0,10}?行政诉讼(?:案件)?(?:共计?|合计)?`),
    unless: NOT_AS_RESPONDENT,
  },
  // table 二
  ...RULES_ROWS.flatMap(rulesPhrases),
  {
    quantity: "rules:行政规范性文件:制发",
    before: before(`(?:制发|制定)(?:了)?${SUM}`),
    rowFromContext: true,
  },
  {
    quantity: "rules:行政规范性文件:废止",
    before: before(`${REPEAL}(?:了)?${SUM}`),
    rowFromContext: true,
  },
  {
    quantity: "rules:行政规范性文件:现行有效",
    before: before(`现行有效(?:的)?${SUM}`),
    rowFromContext: true,
  },
  ...decisionPhrases("行政许可"),
  ...decisionPhrases("行政处罚"),
  ...decisionPhrases("行政强制"),
  {
    quantity: "fee-amount",
    before: before(`行政事业性收费(?:金额)?${SUM}`),
    unless: /信息处理费/u,
  },
  { quantity: "processing-fee", before: before(`信息处理费(?:金额)?${SUM}`) },
  // 主动公开 totals (no table cell)
  { quantity: "active-disclosure-total", before: before(`(?<!法定)主动公开(?!类)${F}{0,24}?`) },
];

const NEG = "(?:未|没有|无|暂无|均未)";
const CLAUSE_END = "(?=[,;。!?\\n]|$)";
const CAUSE =
  "(?:过)?(?:任何)?(?:因|由)?(?:政府信息公开(?:工作)?|信息公开)?(?:而)?(?:引起|引发|产生)?(?:的)?";

/** Statements that a quantity is zero, without a number. */
export const ZERO_PHRASES: readonly ZeroPhrase[] = [
  {
    quantity: "applications-new",
    pattern: new RegExp(
      `${NEG}(?:收到|接到|受理|发生|产生|出现)?(?:过)?(?:任何|相关)?(?:群众|公民、?法人(?:或|和|及)其他组织|个人或组织|社会公众)?(?:提出|提交)?(?:的)?` +
        "(?:政府信息公开(?:的)?申请|信息公开申请|公开申请|依申请公开(?:事项|申请|件|工作)?|要求公开政府信息的申请|申请公开政府信息(?:的要求)?)(?!人)",
      "gu",
    ),
  },
  {
    quantity: "review-and-litigation",
    pattern: new RegExp(
      `${NEG}(?:发生|收到|出现|产生|涉及|接到)?${CAUSE}(?:被申请)?行政复议(?:案件)?(?:、|和|及|与|或|以及)(?:被?提起)?行政诉讼(?:案件)?(?:的?情况|事项)?${CLAUSE_END}`,
      "gu",
    ),
  },
  {
    quantity: "review-total",
    pattern: new RegExp(
      `${NEG}(?:发生|收到|出现|产生|涉及|接到)?${CAUSE}(?:被申请)?行政复议(?:案件)?(?:的?情况|事项)?${CLAUSE_END}`,
      "gu",
    ),
  },
  {
    quantity: "litigation-total",
    pattern: new RegExp(
      `${NEG}(?:发生|收到|出现|产生|涉及|接到)?${CAUSE}(?:被?提起|被起诉)?行政诉讼(?:案件)?(?:的?情况|事项)?${CLAUSE_END}`,
      "gu",
    ),
  },
  {
    quantity: "processing-fee",
    pattern: new RegExp(`${NEG}(?:收取|产生|发生|收缴)(?:过)?(?:任何)?${F}{0,16}?信息处理费`, "gu"),
  },
  {
    quantity: "fee-amount",
    pattern: new RegExp(`${NEG}(?:收取|产生)(?:过)?(?:任何)?行政事业性收费`, "gu"),
  },
  {
    quantity: "applications-carried-over",
    pattern: new RegExp(
      `${NEG}(?:上一?年度?结转(?:的)?(?:政府信息公开)?(?:申请)?|结转自上一?年度?的?申请)|上一?年度?(?:无|没有)结转`,
      "gu",
    ),
  },
  {
    quantity: "applications-carried-forward",
    pattern: new RegExp(
      `${NEG}(?:需要?)?结转(?:至|到)?(?:下一?年度?|次年|明年)(?:继续)?(?:办理)?(?:的)?(?:申请)?`,
      "gu",
    ),
  },
  ...RULES_ROWS.flatMap((row): ZeroPhrase[] => {
    const verbs = "(?:制发|制定|出台|废止)";
    const issueOrRepeal = new RegExp(
      `${NEG}${verbs}(?:(?:、|和|及|与|或)${verbs})*(?:任何)?${DOC[row]}`,
      "gu",
    );
    return [
      { quantity: `rules:${row}:制发`, pattern: issueOrRepeal, word: /制发|制定|出台/u },
      { quantity: `rules:${row}:废止`, pattern: issueOrRepeal, word: /废止/u },
      {
        quantity: `rules:${row}:现行有效`,
        pattern: new RegExp(`${NEG}现行有效(?:的)?${DOC[row]}`, "gu"),
      },
    ];
  }),
  ...(["行政许可", "行政处罚", "行政强制"] as const).map((row): ZeroPhrase => ({
    quantity: `decisions:${row}`,
    pattern: new RegExp(
      `${NEG}(?:作出|做出)(?:任何)?(?:行政许可|行政处罚|行政强制)(?:(?:、|和|及|与|或)(?:行政许可|行政处罚|行政强制))*(?:处理)?决定`,
      "gu",
    ),
    word: new RegExp(row, "u"),
  })),
];
