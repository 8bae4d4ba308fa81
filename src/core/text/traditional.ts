/**
 * Traditional → simplified characters, one character for one character, for the vocabulary of
 * annual reports (a few mirrors store reports in traditional script). Every mapping is one BMP
 * character to one BMP character, so offsets into the mapped text are offsets into the original.
 * It is not a general converter: characters outside the table, and characters whose simplified
 * form depends on the word (乾/幹, 髮/發), are kept as they are.
 */

// Pairs "traditional simplified", one pair per two characters.
const PAIRS =
  "開开請请結结轉转辦办數数義义烏乌門门戶户網网專专欄栏計计處处複复復复議议訴诉訟讼條条項项" +
  "個个費费發发廢废規规範范現现決决罰罚強强許许執执國国內内資资護护權权務务過过檢检確确補补" +
  "後后無无應应違违舉举報报訪访據据關关機机實实際际與与為为從从將将對对總总體体況况證证單单" +
  "經经濟济歸归類类動动態态頁页統统時时間间萬万億亿兩两級级縣县區区鎮镇鄉乡業业構构織织組组" +
  "會会團团書书頒颁佈布產产財财稅税預预續续繼继餘余達达減减長长較较佔占們们於于這这來来係系" +
  "標标準准導导領领責责監监獲获場场價价號号碼码電电話话郵邮編编員员學学習习訓训練练週周衛卫" +
  "醫医療疗擔担負负徵征還还屬属險险穩稳損损詢询製制認认繳缴納纳維维糾纠錯错審审熱热線线協协" +
  "眾众點点擊击覽览閱阅讀读頻频問问庫库進进嚴严傳传當当絡络簽签紙纸廣广視视圖图屆届層层積积" +
  "極极優优質质聽听並并軟软體体構构隊队輔辅廳厅財财戰战築筑環环設设備备圍围種种勞劳參参與与" +
  "滿满意意辦办竊窃慮虑權权爭争議议陳陈舊旧獨独細细節节雜杂顯显錄录屬属罷罢務务隨随稱称紀纪" +
  "綜综術术讓让該该請请託托幣币價价輸输額额節节義义愛爱親亲韓韩員员遷迁彙汇匯汇歷历曆历頭头裡里衆众" +
  "題题";

const MAP: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = [...PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const from = chars[i]!;
    const to = chars[i + 1]!;
    if (from !== to) map.set(from, to);
  }
  return map;
})();

/** The simplified form of one character, or the character itself when the table has none. */
export function simplifiedChar(ch: string): string {
  return MAP.get(ch) ?? ch;
}

/** Text with known traditional characters replaced by their simplified forms; length unchanged. */
export function toSimplifiedChars(text: string): string {
  let out = "";
  for (const ch of text) out += MAP.get(ch) ?? ch;
  return out;
}
