/**
 * Hand-written PDFs for the bad-input tests: objects numbered in order, a correct xref table, one
 * content stream per page. Enough for pdf.js to open: pages of Latin text (Helvetica), pages that
 * are only a picture (a scan), and documents of thousands of pages sharing one content stream.
 */

/** A page of the document: its content stream and whether it paints the one image. */
interface PageSpec {
  readonly content: string;
  readonly image: boolean;
}

function build(pages: readonly PageSpec[], shared: boolean): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add("");
  const tree = add("");
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const image = add(
    "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\x80\x80\xff\nendstream",
  );
  const stream = (text: string): number =>
    add(`<< /Length ${text.length} >>\nstream\n${text}\nendstream`);
  const sharedContent = shared ? stream(pages[0]?.content ?? "") : 0;
  const kids: number[] = [];
  for (const page of pages) {
    const content = shared ? sharedContent : stream(page.content);
    const resources = page.image
      ? `<< /XObject << /Im1 ${image} 0 R >> >>`
      : `<< /Font << /F1 ${font} 0 R >> >>`;
    kids.push(
      add(
        `<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${tree} 0 R >>`;
  objects[tree - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

/** A page showing some lines of Latin text. */
export function textPage(lines: readonly string[]): PageSpec {
  const body = lines
    .map((l, i) => `BT /F1 12 Tf 72 ${760 - i * 20} Td (${l.replace(/[()\\]/gu, "")}) Tj ET`)
    .join("\n");
  return { content: body, image: false };
}

/** A page that is one picture and no text, as a scanner writes it. */
export function scannedPage(): PageSpec {
  return { content: "q 595 0 0 842 0 0 cm /Im1 Do Q", image: true };
}

/** A PDF of the given pages. */
export function makePdf(pages: readonly PageSpec[]): Uint8Array {
  return build(pages, false);
}

/** A PDF of `count` pages that all show the same text (one shared content stream). */
export function manyPagesPdf(count: number, lines: readonly string[]): Uint8Array {
  const page = textPage(lines);
  return build(
    Array.from({ length: count }, () => page),
    true,
  );
}
