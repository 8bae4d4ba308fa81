import { readFileSync } from "node:fs";
import { readWorkbook } from "../../src/xlsx/read-workbook";
async function main() {
  const good = readFileSync("/tmp/h9r/good.xlsx");
  for (let i = 0; i < 100; i++) await readWorkbook("x", good);
  const s = process.hrtime.bigint();
  for (let i = 0; i < 1000; i++) await readWorkbook("x", good);
  console.log("readWorkbook ms", Number(process.hrtime.bigint() - s) / 1e6 / 1000);
}
void main();
