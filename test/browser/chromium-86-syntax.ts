/**
 * What the offline page's script may use, checked against Chromium 86 (the oldest browser of the
 * 信创 desktops the page targets): the script must parse as ECMAScript 2022 with acorn, and hold
 * none of the 2022 syntax Chromium 86 lacks — class static blocks (Chromium 94), `#x in o`
 * (Chromium 91), top-level await (89) — nor the RegExp flags d (90) and v (112). Built-in APIs
 * are checked where they are written: our own code is type-checked with lib ES2020 (all of which
 * Chromium 86 has), and the libraries bundled are their legacy/browser builds.
 */
import * as acorn from "acorn";

/** One thing the script uses that Chromium 86 does not know, with where it starts. */
export interface Unsupported {
  readonly what: string;
  readonly at: number;
}

type Node = { type: string; start: number; [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).type === "string";
}

/** What in `script` Chromium 86 cannot run (empty when it can); throws if it does not parse. */
export function chromium86Unsupported(script: string): Unsupported[] {
  const program = acorn.parse(script, {
    ecmaVersion: 2022,
    sourceType: "script",
  }) as unknown as Node;
  const found: Unsupported[] = [];
  // An explicit stack, not recursion: a minified bundle nests deeply.
  const stack: Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "StaticBlock") found.push({ what: "class static block", at: node.start });
    if (
      node.type === "BinaryExpression" &&
      node["operator"] === "in" &&
      isNode(node["left"]) &&
      node["left"].type === "PrivateIdentifier"
    )
      found.push({ what: "#private in object", at: node.start });
    if (node.type === "Literal" && typeof node["regex"] === "object" && node["regex"] !== null) {
      const flags = (node["regex"] as { flags: string }).flags;
      if (/[dv]/u.test(flags)) found.push({ what: `RegExp flag in /…/${flags}`, at: node.start });
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) stack.push(item);
      } else if (isNode(value)) stack.push(value);
    }
  }
  return found;
}
