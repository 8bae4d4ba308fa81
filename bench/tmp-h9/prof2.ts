import { readFileSync } from "node:fs";
import { readWorkbook } from "../../src/xlsx/read-workbook";
async function main() {
  const good = readFileSync("/tmp/h9r/good.xlsx");
  for (let i = 0; i < 2000; i++) await readWorkbook("x", good);
}
void main();
