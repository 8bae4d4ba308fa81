/**
 * One word for a warning (issue 9): the README once said 提示 where the command line and the pane
 * say 警告. The README's rule table names only the levels the tools print, and the command line and
 * the pane print the same word for each level.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { cliText } from "../../src/cli/cli-messages";
import { paneTexts } from "../../src/taskpane/texts";

const README = readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");

test("the command line and the pane name each level with the same word", () => {
  expect(cliText("zh-CN").severity).toEqual(paneTexts("zh-CN").severity);
  expect(cliText("zh-CN").severity.warning).toBe("警告");
});

test("the README's rule table gives every rule's level in the words the tools print", () => {
  const words = new Set(Object.values(cliText("zh-CN").severity));
  const levels = README.split("\n")
    .filter((line) => /^\| [A-Z]\d[a-z]? \|/u.test(line))
    .map((line) => line.split("|").at(-2)!.trim());
  expect(levels.length).toBeGreaterThanOrEqual(20);
  for (const level of levels)
    for (const word of level.split(" / "))
      expect({ level, known: words.has(word) }).toEqual({
        level,
        known: true,
      });
});

test("the README calls no finding a 提示", () => {
  expect(README.replace(/提示语/gu, "")).not.toMatch(/提示/u);
});
