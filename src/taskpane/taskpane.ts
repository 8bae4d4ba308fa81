/**
 * The pane's entry point in Office: waits for office.js, picks the language, checks the API sets
 * and mounts the pane on the Excel adapter. No business logic here.
 */
import { createExcelAdapter } from "../excel/adapter";
import { officeCapabilities, officeRun, supportsExcelApi } from "../excel/office-run";
import { copyText, MINIMUM_EXCEL_API, paneLocale, showBootProblem, startWhenReady } from "./boot";
import { mountPane } from "./pane";

/** The platform office.js reports (`diagnostics`, Common API; `platform` on older hosts). */
function platformOf(context: Office.Context | undefined): { platform?: string } {
  const platform = context?.diagnostics?.platform ?? context?.platform;
  return platform === undefined || platform === null ? {} : { platform: String(platform) };
}

function start(): void {
  const root = document.getElementById("app");
  if (root === null) return;
  const office = typeof Office === "undefined" ? undefined : Office;
  startWhenReady(root, office, paneLocale(undefined), async (info) => {
    const locale = paneLocale(Office.context?.displayLanguage);
    if (info.host !== Office.HostType.Excel) {
      showBootProblem(root, "not-excel", locale);
      return;
    }
    if (!supportsExcelApi(MINIMUM_EXCEL_API)) {
      showBootProblem(root, "old-host", locale);
      return;
    }
    await mountPane(root, {
      port: createExcelAdapter(officeRun(), officeCapabilities()),
      locale,
      support: { insert: supportsExcelApi("1.8"), highlight: supportsExcelApi("1.6") },
      copyText: (text) => copyText(document, text),
      ...platformOf(Office.context),
    });
  });
}

start();
