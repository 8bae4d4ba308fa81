/**
 * en-US wording of the generated narrative: a faithful rendering of the same facts for
 * English-language Office. It is not published text, so it favours clarity over report style.
 */
import type { DocumentRow } from "./facts";
import { groupThousands, type DocumentPhrases, type Phrasebook } from "./generate-phrases";

const DOCUMENT_NOUNS: Readonly<Record<DocumentRow, readonly [string, string]>> = {
  规章: ["government rule", "government rules"],
  行政规范性文件: ["administrative normative document", "administrative normative documents"],
};

function documentPhrases(document: DocumentRow): DocumentPhrases {
  const [one, many] = DOCUMENT_NOUNS[document];
  return {
    制发: { some: `issued {n} {n|${one}|${many}}`, none: `issued no ${many}` },
    废止: { some: `repealed {n} {n|${one}|${many}}`, none: `repealed no ${many}` },
    现行有效: { some: `had {n} {n|${one}|${many}} in force`, none: `had no ${many} in force` },
    neitherIssuedNorRepealed: `issued or repealed no ${many}`,
  };
}

/** How the usual self-references read in English. */
const SELF_WORDS: Readonly<Record<string, string>> = {
  本机关: "this agency",
  本单位: "this agency",
  我局: "the bureau",
  我委: "the commission",
  我办: "the office",
  我厅: "the department",
  我街道: "the sub-district office",
  我镇: "the town government",
  我乡: "the township government",
  我县: "the county government",
  我区: "the district government",
  我市: "the city government",
};

/** The en-US phrasebook. */
export const EN_US: Phrasebook = {
  unknown: "[to be filled]",
  // Four-digit counts stay ungrouped, as in the Chinese reports; larger ones are grouped.
  formatCount: (value) => (value >= 10000 ? groupThousands(value) : String(value)),
  defaultSubject: "this agency",
  selfWord: (self) => SELF_WORDS[self],
  preferAgencyName: true,
  time: { year: "In {year}", none: "This year" },
  opening: "{time}, {subject} ",
  listSeparator: ", ",
  lastAlternative: " or ",
  clauseSeparator: ", ",
  partSeparator: "; it ",
  sentenceEnd: ".",
  sentenceSeparator: " ",

  applications: {
    received: {
      some: "received {n} {n|request|requests} for government information disclosure",
      none: "received no requests for government information disclosure",
      noneNew: "received no new requests for government information disclosure",
    },
    carriedOver: {
      some: ", and {n} {n|request was|requests were} carried over from the previous year",
      none: "; no requests were carried over from the previous year",
    },
    concluded: {
      some: "This year, {n} {n|request was|requests were} concluded",
      none: "No requests were concluded this year",
    },
    outcomesExact: ": {list}",
    outcomesListed: "; outcomes: {list}",
    outcomeItem: "{n} {label}{reasons}",
    outcomeLabels: {
      "三(一)": "disclosed",
      "三(二)": "partially disclosed",
      "三(三)": "withheld",
      "三(四)": "unavailable",
      "三(五)": "not processed",
      "三(六)": "otherwise closed",
    },
    reasonsOne: " ({list})",
    reasonsMany: " ({list})",
    reasonItem: "{label}: {n}",
    reasonLabels: {
      "三(三)1": "state secret",
      "三(三)2": "disclosure prohibited by other laws or administrative regulations",
      "三(三)3": "would endanger national, public or economic security or social stability",
      "三(三)4": "protection of third parties' lawful rights and interests",
      "三(三)5": "internal affairs information",
      "三(三)6": "process information",
      "三(三)7": "administrative enforcement case files",
      "三(三)8": "administrative inquiry matters",
      "三(四)1": "information not held by this agency",
      "三(四)2": "no existing information; it would have to be created",
      "三(四)3": "request still unclear after correction",
      "三(五)1": "petition, report or complaint",
      "三(五)2": "repeated request",
      "三(五)3": "request for public publications",
      "三(五)4": "large numbers of repeated requests without good reason",
      "三(五)5": "request to confirm or re-issue information already obtained",
      "三(六)1": "applicant did not complete the request in time without good reason",
      "三(六)2": "applicant did not pay the fee in time",
      "三(六)3": "other",
    },
    carriedForward: {
      some: "; {n} {n|request was|requests were} carried forward to the next year",
      none: "; no requests were carried forward to the next year",
    },
  },

  applicants: {
    onlyNatural: "All applicants were natural persons",
    onlyOneType: "All applicants were {label}",
    onlyOrganisations: "All applicants were legal persons or other organisations: {list}",
    mixed: "By applicant: {list}",
    natural: "natural persons: {n}",
    organisations: "legal persons or other organisations: {n}{types}",
    typesOne: " (all {label})",
    typesMany: " ({list})",
    typeItem: "{label}: {n}",
    typeLabels: {
      商业企业: "commercial enterprises",
      科研机构: "research institutions",
      社会公益组织: "public-interest organisations",
      法律服务机构: "legal service providers",
      其他: "other organisations",
    },
  },

  activeDisclosure: {
    documents: { 规章: documentPhrases("规章"), 行政规范性文件: documentPhrases("行政规范性文件") },
    decisionsSome: "made {list}",
    decisionItems: {
      行政许可: "{n} administrative licensing {n|decision|decisions}",
      行政处罚: "{n} administrative penalty {n|decision|decisions}",
      行政强制: "{n} administrative enforcement {n|decision|decisions}",
    },
    decisionsNone: "made no {list} decisions",
    decisionLabels: {
      行政许可: "administrative licensing",
      行政处罚: "administrative penalty",
      行政强制: "administrative enforcement",
    },
    fee: {
      some: "collected CNY {yuan} ({amount} × 10,000 yuan) in administrative fees",
      none: "collected no administrative fees",
      unknown: "collected {amount} (× 10,000 yuan) in administrative fees",
    },
  },

  reviewLitigation: {
    review: {
      some: "faced {n} administrative {n|reconsideration|reconsiderations} concerning government information disclosure",
      none: "faced no administrative reconsideration concerning government information disclosure",
    },
    litigation: {
      some: "faced {n} administrative {n|lawsuit|lawsuits} concerning government information disclosure",
      none: "faced no administrative lawsuits concerning government information disclosure",
    },
    neither:
      "faced no administrative reconsideration or litigation concerning government information disclosure",
    results: " ({list})",
    resultItem: "{n} {label}",
    resultLabels: { 维持: "upheld", 纠正: "corrected", 其他: "other outcome", 未结: "pending" },
  },
};
