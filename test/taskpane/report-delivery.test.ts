import { canDownload, reportDelivery, reportFileName } from "../../src/taskpane/report-delivery";

describe("how the pane hands over the annual report", () => {
  it("writes a sheet on the Mac and the iPad, whatever the webview claims", () => {
    // WKWebView has the download attribute, yet a click does nothing (office-js#2700, #3385).
    expect(reportDelivery({ platform: "Mac", canDownload: true })).toBe("sheet");
    expect(reportDelivery({ platform: "iOS", canDownload: true })).toBe("sheet");
  });

  it("offers a link on Windows and on the web when the webview can download", () => {
    for (const platform of ["PC", "OfficeOnline", undefined])
      expect(
        reportDelivery({ ...(platform === undefined ? {} : { platform }), canDownload: true }),
      ).toBe("download");
    expect(reportDelivery({ platform: "PC", canDownload: false })).toBe("sheet");
  });

  it("checks Blob, createObjectURL and the download attribute", () => {
    // The attribute is an accessor on HTMLAnchorElement.prototype in every engine that has it.
    const Anchor = { prototype: { download: "" } };
    const win = { Blob: class {}, URL: { createObjectURL: () => "blob:x" } };
    expect(canDownload({ ...win, HTMLAnchorElement: Anchor } as unknown as Window)).toBe(true);
    // Internet Explorer's anchors have no download attribute.
    expect(canDownload({ ...win, HTMLAnchorElement: { prototype: {} } } as unknown as Window)).toBe(
      false,
    );
    expect(
      canDownload({ Blob: class {}, URL: {}, HTMLAnchorElement: Anchor } as unknown as Window),
    ).toBe(false);
  });

  it("names the file after the report, with what no file system accepts replaced", () => {
    expect(reportFileName({ year: 2024, agency: "某某县人民政府" })).toBe(
      "某某县人民政府2024年政府信息公开工作年度报告.docx",
    );
    expect(reportFileName({})).toBe("年度报告.docx");
    expect(reportFileName({ year: 2024, agency: 'a/b\\c:"<>|?*\u0001' })).toBe(
      "a_b_c________2024年政府信息公开工作年度报告.docx",
    );
  });
});
