/**
 * zh-CN wording of the generated narrative, in the phrasing of published reports. Every number
 * sits directly after its noun in the forms the claim checker reads (收到…申请N件, 上年结转N件,
 * 办结N件, 予以公开N件, 结转下年度N件, 自然人N件, 制发行政规范性文件N件, 行政许可决定N件,
 * 收费N万元, 行政复议N件, 行政诉讼N件); zero figures use the "未…/无…" forms, never "0件".
 */
import { REASON_WORDING, type DocumentRow } from "./facts";
import type { DocumentPhrases, Phrasebook } from "./generate-phrases";

function documentPhrases(document: DocumentRow): DocumentPhrases {
  return {
    制发: { some: `制发${document}{n}件`, none: `未制发${document}` },
    废止: { some: `废止${document}{n}件`, none: `未废止${document}` },
    现行有效: { some: `现行有效${document}{n}件`, none: `无现行有效的${document}` },
    neitherIssuedNorRepealed: `未制发、废止${document}`,
  };
}

/** The zh-CN phrasebook (the default locale; this is the text that gets published). */
export const ZH_CN: Phrasebook = {
  unknown: "【待填】",
  formatCount: (value) => String(value),
  defaultSubject: "本机关",
  selfWord: (self) => self,
  preferAgencyName: false,
  time: { year: "{year}年", none: "本年度" },
  opening: "{time}，{subject}",
  listSeparator: "、",
  lastAlternative: "、",
  clauseSeparator: "，",
  partSeparator: "；",
  sentenceEnd: "。",
  sentenceSeparator: "",

  applications: {
    received: {
      some: "共收到政府信息公开申请{n}件",
      none: "未收到政府信息公开申请",
      // The claim checker reads this form as "no new applications"; 上年结转 follows it.
      noneNew: "未收到政府信息公开申请",
    },
    carriedOver: { some: "，上年结转{n}件", none: "，无上年结转申请" },
    concluded: { some: "本年度办结{n}件", none: "本年度无办结的申请" },
    outcomesExact: "，其中{list}",
    outcomesListed: "；办理结果：{list}",
    outcomeItem: "{label}{n}件{reasons}",
    outcomeLabels: {
      "三(一)": "予以公开",
      "三(二)": "部分公开",
      "三(三)": "不予公开",
      "三(四)": "无法提供",
      "三(五)": "不予处理",
      "三(六)": "其他处理",
    },
    reasonsOne: "（{list}）",
    reasonsMany: "（其中{list}）",
    reasonItem: "{label}{n}件",
    reasonLabels: REASON_WORDING,
    carriedForward: { some: "；结转下年度{n}件", none: "，无结转下年度办理的申请" },
  },

  applicants: {
    onlyNatural: "申请人均为自然人",
    onlyOneType: "申请人均为{label}",
    onlyOrganisations: "申请人均为法人或其他组织，其中{list}",
    mixed: "从申请主体看，{list}",
    natural: "自然人{n}件",
    organisations: "法人或其他组织{n}件{types}",
    typesOne: "（均为{label}）",
    typesMany: "（其中{list}）",
    typeItem: "{label}{n}件",
    typeLabels: {
      商业企业: "商业企业",
      科研机构: "科研机构",
      社会公益组织: "社会公益组织",
      法律服务机构: "法律服务机构",
      其他: "其他组织",
    },
  },

  activeDisclosure: {
    documents: { 规章: documentPhrases("规章"), 行政规范性文件: documentPhrases("行政规范性文件") },
    decisionsSome: "作出{list}",
    decisionItems: {
      行政许可: "行政许可决定{n}件",
      行政处罚: "行政处罚决定{n}件",
      行政强制: "行政强制决定{n}件",
    },
    decisionsNone: "未作出{list}决定",
    decisionLabels: { 行政许可: "行政许可", 行政处罚: "行政处罚", 行政强制: "行政强制" },
    fee: {
      some: "收取行政事业性收费{amount}万元",
      none: "未收取行政事业性收费",
      unknown: "收取行政事业性收费{amount}万元",
    },
  },

  reviewLitigation: {
    review: { some: "发生政府信息公开行政复议{n}件", none: "未发生政府信息公开行政复议" },
    litigation: { some: "发生政府信息公开行政诉讼{n}件", none: "未发生政府信息公开行政诉讼" },
    neither: "未发生政府信息公开行政复议、行政诉讼",
    results: "，其中{list}",
    resultItem: "{label}{n}件",
    resultLabels: { 维持: "结果维持", 纠正: "结果纠正", 其他: "其他结果", 未结: "尚未审结" },
  },
};
