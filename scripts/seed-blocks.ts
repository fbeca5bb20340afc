// Split a text conversion (a seed) into prose and tables, shared by the sample renderers
// (render-samples.ts: pdfkit; render-other-producers.ts: HTML for Chromium and LibreOffice).
// Lines with two or more TAB-separated cells are table rows; a table's header runs to its
// column-number row when there is one near the top, else it is the first line.

import { readFileSync } from 'node:fs';
import { layoutLine } from '../src/load/text.js';
import type { LayoutLine } from '../src/model.js';
import { isColumnNumberRow } from '../src/tables/lines.js';

export type Block = { kind: 'text'; lines: LayoutLine[] } | { kind: 'table'; header: LayoutLine[]; body: LayoutLine[] };

/** A seed's lines, as the text loader reads them. */
export function seedLines(textPath: string): LayoutLine[] {
  const text = readFileSync(textPath, 'utf8').replace(/^\uFEFF/, '');
  return text.split(/\r?\n/).map((l, i) => layoutLine(l, i + 1));
}

/** Runs of multi-cell lines are tables (a blank line inside one does not end it); the rest is prose. */
export function blocks(lines: LayoutLine[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  const tabular = (l: LayoutLine | undefined) => !!l && l.cells.length >= 2 && !l.separator;
  while (i < lines.length) {
    if (!tabular(lines[i])) {
      const start = i;
      while (i < lines.length && !tabular(lines[i])) i++;
      out.push({ kind: 'text', lines: lines.slice(start, i) });
      continue;
    }
    const rows: LayoutLine[] = [];
    while (i < lines.length && (tabular(lines[i]) || lines[i].separator || (lines[i].blank && tabular(lines[i + 1])))) {
      if (tabular(lines[i])) rows.push(lines[i]);
      i++;
    }
    // the header runs to the column-number row when there is one near the top, else one line
    const numbers = rows.slice(0, 6).findIndex(isColumnNumberRow);
    const h = numbers >= 0 ? numbers + 1 : 1;
    out.push({ kind: 'table', header: rows.slice(0, h), body: rows.slice(h) });
  }
  return out;
}
