import { templateBytes } from "/work/h9-readers/src/xlsx/write-template";
import { seedTables } from "/work/h9-readers/test/helpers/build";
import { fillTemplate } from "/work/h9-readers/test/xlsx/helpers/fill-template";
import { readWorkbook } from "/work/h9-readers/src/xlsx/read-workbook";
import { zipInventory } from "/work/h9-readers/src/xlsx/zip-inventory";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { writeFileSync } from "node:fs";
async function main() {
  const t = await templateBytes({ tables: ["T2", "T3", "T4"], year: 2024 });
  const good = await fillTemplate(t, seedTables());
  writeFileSync("/tmp/h9r/good.xlsx", good);
  console.log(zipInventory(good).map((e) => `${e.name} ${e.compressedSize}/${e.uncompressedSize}`).join("\n"));
  for (let i = 0; i < 50; i++) await readWorkbook("x", good);
  let s = process.hrtime.bigint();
  for (let i = 0; i < 300; i++) await readWorkbook("x", good);
  console.log("readWorkbook ms", Number(process.hrtime.bigint() - s) / 1e6 / 300);
  s = process.hrtime.bigint();
  for (let i = 0; i < 300; i++) unzipSync(good);
  console.log("unzipSync ms", Number(process.hrtime.bigint() - s) / 1e6 / 300);
  const parts = unzipSync(good);
  const dec = new TextDecoder();
  s = process.hrtime.bigint();
  for (let i = 0; i < 300; i++) for (const [n, b] of Object.entries(parts)) { if (!n.endsWith(".xml") && !n.endsWith(".rels")) continue; const p = new SaxesParser({ position: false }); p.on("opentag", () => {}); p.write(dec.decode(b)); p.close(); }
  console.log("sax all parts ms", Number(process.hrtime.bigint() - s) / 1e6 / 300);
}
void main();
