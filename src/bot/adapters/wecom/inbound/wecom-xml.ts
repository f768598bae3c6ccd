/**
 * WeCom's callback XML read with fast-xml-parser (a maintained parser; never by hand): the
 * `<xml>` element's children as strings (CDATA merged, numbers kept as text). A document that
 * declares a DOCTYPE is refused before parsing: WeCom never sends one, and entity definitions are
 * how XML bombs work.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

const parser = new XMLParser({
  ignoreDeclaration: true,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

/** The children of the root `<xml>` element, or undefined when the text is not such a document. */
export function readXml(text: string): Record<string, unknown> | undefined {
  if (/<!DOCTYPE/i.test(text)) return undefined;
  if (XMLValidator.validate(text) !== true) return undefined;
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch {
    return undefined;
  }
  const root = (parsed as { xml?: unknown } | undefined)?.xml;
  return typeof root === "object" && root !== null && !Array.isArray(root)
    ? (root as Record<string, unknown>)
    : undefined;
}
