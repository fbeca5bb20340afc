// XML and XHTML read with fast-xml-parser into one small tree: elements in document order with
// their attributes and children, text as text nodes. HTML's void elements (`<br>`, `<col>`)
// need no closing tag; scripts and styles are not read. A file that is not well-formed is an
// input error naming the parser's complaint.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from './text.js';

export interface XmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const VOID = ['br', 'hr', 'img', 'meta', 'link', 'input', 'col', 'area', 'base', 'wbr', 'param', 'source'];

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  unpairedTags: VOID,
  stopNodes: ['*.script', '*.style'],
  ignoreDeclaration: true,
  ignorePiTags: true,
  allowBooleanAttributes: true,
});

type Raw = Record<string, unknown>;

function convert(raw: Raw[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const n of raw) {
    if ('#text' in n) {
      out.push(String(n['#text']));
      continue;
    }
    const tag = Object.keys(n).find((k) => k !== ':@');
    if (!tag || tag.startsWith('?') || tag === '#comment') continue;
    const attrs = (n[':@'] ?? {}) as Record<string, string>;
    out.push({ tag: tag.toLowerCase().replace(/^.*:/, ''), attrs, children: convert((n[tag] ?? []) as Raw[]) });
  }
  return out;
}

/** The document's top-level nodes; an input error when it is not well-formed XML/XHTML. */
export function parseXml(text: string, what: string): XmlNode[] {
  const valid = XMLValidator.validate(text, { unpairedTags: VOID, allowBooleanAttributes: true });
  if (valid !== true) throw new InputError(`not well-formed ${what} (line ${valid.err.line}: ${valid.err.msg})`, 'corrupt');
  return convert(parser.parse(text) as Raw[]);
}

/** All text below a node, whitespace collapsed. */
export function textOf(n: XmlNode): string {
  if (typeof n === 'string') return n;
  if (n.tag === 'br') return ' ';
  return n.children.map(textOf).join('');
}

export const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every element below `nodes` (depth first, document order) that `test` accepts; not below a match. */
export function findAll(nodes: XmlNode[], test: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (ns: XmlNode[]) => {
    for (const n of ns) {
      if (typeof n === 'string') continue;
      if (test(n)) out.push(n);
      else walk(n.children);
    }
  };
  walk(nodes);
  return out;
}
