// Load stage for HTML and XHTML other converters made of a document (Docling's or Marker's HTML
// export, a browser's "save as", an office suite's HTML or XHTML): every table row a line whose
// cells are its <td>/<th>, every paragraph or heading a line of one cell, in document order —
// the lines the text loader gives for a TAB-separated conversion. A cell spanning columns is
// repeated over them when it heads them (<th>, as converters repeat merged headers in text) and
// followed by empty cells otherwise; a cell spanning rows leaves its place empty in the rows below;
// a row ends at its last cell with text.

import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Cell, LayoutLine, LoadedDocument } from '../model.js';
import { decodeText, stripMarkup } from './text.js';
import { clean, findAll, parseXml, textOf, type XmlElement, type XmlNode } from './xml.js';

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'caption', 'dt', 'dd', 'pre', 'blockquote', 'figcaption', 'title']);
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'body', 'html', 'header', 'footer', 'ul', 'ol', 'dl', 'figure', 'center', 'span', 'font', 'form', 'nav', 'aside', 'head']);
const BOLD = new Set(['b', 'strong', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const ITALIC = new Set(['i', 'em']);
const UNDERLINE = new Set(['u']);
const TABLE = new Set(['table']);
const TABLE_OR_BLOCK = new Set(['table', ...BLOCKS]);

const hasTag = (n: XmlNode, tags: Set<string>): boolean => typeof n !== 'string' && (tags.has(n.tag) || n.children.some((c) => hasTag(c, tags)));

function cell(index: number, e: XmlElement | null, raw: string): Cell {
  // cell text as the text loader cleans it: a converter may carry markup through as text (`<b>A.</b>`)
  const text = stripMarkup(raw).text;
  return {
    index, text, raw,
    markup: { bold: !!e && hasTag(e, BOLD), italic: !!e && hasTag(e, ITALIC), underline: !!e && hasTag(e, UNDERLINE) },
  };
}

function line(n: number, cells: Cell[]): LayoutLine {
  const text = cells.map((c) => c.text).join('\t');
  return { line: n, page: null, text, cells, blank: text.trim() === '', separator: false };
}

const span = (e: XmlElement, name: string) => Math.max(1, Math.min(1000, Number.parseInt(e.attrs[name] ?? '1', 10) || 1));

/** The rows of a table (its own, not a nested table's), each as its cells' texts. */
function tableRows(table: XmlElement): Cell[][] {
  const rows = findAll(table.children, (e) => e.tag === 'tr');
  const below = new Map<number, number>(); // column → rows a cell above still spans
  return rows.map((tr) => {
    const cells: Cell[] = [];
    const place = (e: XmlElement | null, text: string) => cells.push(cell(cells.length, e, text));
    const carried = () => { while ((below.get(cells.length) ?? 0) > 0) { below.set(cells.length, below.get(cells.length)! - 1); place(null, ''); } };
    for (const td of tr.children.filter((c): c is XmlElement => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'))) {
      carried();
      const text = clean(textOf(td));
      const [cols, rowsDown] = [span(td, 'colspan'), span(td, 'rowspan')];
      for (let k = 0; k < cols; k++) {
        if (rowsDown > 1) below.set(cells.length, rowsDown - 1);
        place(td, k === 0 || td.tag === 'th' ? text : '');
      }
    }
    carried();
    // a spreadsheet's export pads every row to the sheet's width: empty cells after the last one
    // with text are no columns of this row (a text conversion's line ends at its last cell)
    while (cells.length > 1 && cells[cells.length - 1].text === '') cells.pop();
    return cells;
  });
}

/** The document's lines in order: table rows, and the text of blocks outside tables. */
function htmlLines(nodes: XmlNode[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  const emit = (cells: Cell[]) => out.push(line(out.length + 1, cells));
  let loose = '';
  const flush = () => {
    if (clean(loose)) emit([cell(0, null, clean(loose))]);
    loose = '';
  };
  const walk = (ns: XmlNode[]) => {
    for (const n of ns) {
      if (typeof n === 'string') { loose += n; continue; }
      if (n.tag === 'script' || n.tag === 'style') continue;
      if (n.tag === 'table') { flush(); for (const cells of tableRows(n)) emit(cells); continue; }
      if (n.tag === 'br') { flush(); continue; }
      if (BLOCKS.has(n.tag) && !hasTag(n, TABLE)) { flush(); emit([cell(0, n, clean(textOf(n)))]); continue; }
      if (CONTAINERS.has(n.tag) || hasTag(n, TABLE_OR_BLOCK)) { flush(); walk(n.children); flush(); continue; }
      loose += textOf(n);
    }
  };
  walk(nodes);
  flush();
  return out;
}

export async function loadHtml(path: string, buf: Buffer, nodes?: XmlNode[]): Promise<LoadedDocument> {
  const { text, warning } = decodeText(buf);
  const root = nodes ?? parseXml(text, 'HTML/XHTML');
  return {
    file: basename(path), path, sha256: createHash('sha256').update(buf).digest('hex'),
    format: 'html', pages: null, lines: htmlLines(root),
    warnings: warning ? [{ type: 'encoding', message: warning }] : [],
  };
}
