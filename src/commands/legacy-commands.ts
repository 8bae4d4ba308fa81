/**
 * Runs before commands.js, compiled to ES5 on its own. In a webview too old for the ES2020
 * commands bundle (Office 2019's EdgeHTML, Internet Explorer 11) commands.js does not even parse,
 * and the ribbon button would spin and do nothing. Here the button is still registered, and each
 * press is marked complete at once so that Excel does not wait on it. Where the webview is modern
 * enough this script does nothing and commands.js registers the real handler.
 */
interface CommandsWindow {
  Promise?: unknown;
  globalThis?: unknown;
}

/** The same test as the pane's legacy check (src/taskpane/legacy-check.ts). */
function commandsCanRun(): boolean {
  const w = window as unknown as CommandsWindow;
  const text = "" as unknown as { replaceAll?: unknown };
  return (
    typeof w.Promise === "function" &&
    typeof w.globalThis === "object" &&
    typeof text.replaceAll === "function"
  );
}

if (!commandsCanRun() && typeof Office !== "undefined") {
  Office.actions.associate("checkActiveSheet", (event: Office.AddinCommands.Event) => {
    event.completed();
  });
}
