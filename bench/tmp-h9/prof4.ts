import { mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { runCli } from "../../src/cli/run-cli";
async function main() {
  const good = readFileSync("/tmp/h9r/good.xlsx");
  mkdirSync("/tmp/h9r/many", { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < 300; i++) { const n = `u${i}.xlsx`; writeFileSync(`/tmp/h9r/many/${n}`, good); names.push(n); }
  await runCli(["check", "--format", "json", ...names.slice(0, 30)], { stdout: () => undefined, stderr: () => undefined, interactive: false, cwd: "/tmp/h9r/many" });
  const s = process.hrtime.bigint();
  await runCli(["check", "--format", "json", ...names], { stdout: () => undefined, stderr: () => undefined, interactive: false, cwd: "/tmp/h9r/many" });
  console.log("check ms/file", Number(process.hrtime.bigint() - s) / 1e6 / 300);
}
void main();
