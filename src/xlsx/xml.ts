/**
 * XML parts of Office packages through a real XML parser (@xmldom/xmldom): parse, walk child
 * elements by local name, serialize. Malformed XML is a damaged file, never patched by hand.
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";
import { CorruptFileError, XmlDoctypeError } from "./errors";

const ELEMENT_NODE = 1;

/**
 * Parses an XML part; a malformed part makes the file damaged, and a part with a DOCTYPE (which
 * Office never writes, and which could define entities) is refused before it is parsed.
 */
export function parseXml(file: string, part: string, text: string): Document {
  if (/<!DOCTYPE/iu.test(text)) throw new XmlDoctypeError(file, part);
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new CorruptFileError(file, `${part}: ${message}`);
    },
  });
  try {
    return parser.parseFromString(text, "application/xml");
  } catch (error) {
    if (error instanceof CorruptFileError) throw error;
    throw new CorruptFileError(
      file,
      `${part}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** The XML text of a document, with its declaration. */
export function serializeXml(document: Document): string {
  const text = new XMLSerializer().serializeToString(document);
  return text.startsWith("<?xml")
    ? text
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`;
}

/** Whether a node is an element. */
export function isElement(node: Node | null | undefined): node is Element {
  return node !== null && node !== undefined && node.nodeType === ELEMENT_NODE;
}

/** The element children of a node, optionally only those with a local name. */
export function childElements(node: Node, localName?: string): Element[] {
  const found: Element[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (isElement(child) && (localName === undefined || child.localName === localName))
      found.push(child);
  }
  return found;
}

/** The first element child with a local name. */
export function firstChild(node: Node, localName: string): Element | undefined {
  return childElements(node, localName)[0];
}

/** An attribute by local name, whatever its prefix (w:val, r:id…). */
export function attribute(element: Element, localName: string): string | undefined {
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const a = attributes.item(i);
    if (a !== null && (a.localName === localName || a.name === localName)) return a.value;
  }
  return undefined;
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/gu, "&amp;")
      .replace(/</gu, "&lt;")
      .replace(/>/gu, "&gt;")
      .replace(/"/gu, "&quot;")
      // Characters XML 1.0 cannot hold (control characters other than tab, LF, CR).
      // eslint-disable-next-line no-control-regex -- removing exactly these characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, "")
  );
}
