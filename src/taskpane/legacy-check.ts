/**
 * Runs first, compiled to ES5 on its own: in Internet Explorer 11 (Office 2016/2019 volume
 * licences) or any webview too old for the pane's ES2020 bundle, it replaces the loading line with
 * a clear message instead of leaving a blank pane. It cannot tell a too-old Excel API: the main
 * bundle checks that after office.js starts.
 */
interface LegacyWindow {
  Promise?: unknown;
  globalThis?: unknown;
}

function modernEnough(): boolean {
  const w = window as unknown as LegacyWindow;
  const text = "" as unknown as { replaceAll?: unknown };
  return (
    typeof w.Promise === "function" &&
    typeof w.globalThis === "object" &&
    typeof text.replaceAll === "function"
  );
}

function showLegacyMessage(): void {
  const root = document.getElementById("app");
  if (root === null) return;
  while (root.firstChild !== null) root.removeChild(root.firstChild);
  const box = document.createElement("section");
  box.className = "card boot-problem";
  box.setAttribute("role", "alert");
  const lines = [
    "政务公开年报助手需要较新的 Office。",
    "此 Excel 使用 Internet Explorer 或旧版浏览器组件显示加载项，无法运行本助手。请使用 Microsoft 365（Windows、Mac）、Excel 网页版，或 Office 2021、Office 2024。",
    "This add-in needs a newer Office: this Excel shows add-ins in Internet Explorer or an old webview. Use Microsoft 365, Excel on the web, or Office 2021/2024.",
  ];
  for (let i = 0; i < lines.length; i++) {
    const p = document.createElement(i === 0 ? "h1" : "p");
    p.appendChild(document.createTextNode(lines[i]!));
    box.appendChild(p);
  }
  root.appendChild(box);
}

if (!modernEnough()) {
  // This script runs in <head>, before the pane's element exists.
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", showLegacyMessage);
  else showLegacyMessage();
}
