// A row whose cells run over a page break: a word processor or a browser lets a table row
// break across pages, so the row's top half ends page N (a code cut after `1.06.01.2.`, a
// figure after `2.402.000,`, a name mid-phrase) and its bottom half opens page N+1, below the
// repeated header, with no row number of its own. The two halves are one row, cell by cell.

import { joinCellText } from '../layout/cellModel.js';
import type { Cell, LayoutLine } from '../model.js';
import { endsMidPhrase } from '../normalize/text.js';

/** A cell whose text was cut: a figure or code ending in a separator, a phrase ending mid-way. */
function open(c: Cell): boolean {
  const t = c.text.trim();
  return /\d[.,]$/.test(t) || (/[a-z]/i.test(t) && endsMidPhrase(t));
}

/** `next` (first line of a page) is the rest of `prev` (last line of the page before). */
function continues(prev: LayoutLine, next: LayoutLine): boolean {
  if ((next.page ?? 0) <= (prev.page ?? 0) || next.cells.length !== prev.cells.length) return false;
  const key = prev.cells.findIndex((c) => c.text.trim() !== '');
  // the row's key (number or code) is printed once, in its top half
  if (key < 0 || next.cells[key].text.trim() !== '' && !/^\d{1,4}$/.test(next.cells[key].text.trim())) return false;
  if (key === 0 && next.cells[0].text.trim() !== '') return false;
  return prev.cells.some(open);
}

function join(prev: LayoutLine, next: LayoutLine): LayoutLine {
  const cells = prev.cells.map((c, i) => {
    const n = next.cells[i];
    // a cell's box stays on its first page: the half below is on the next
    return { ...c, text: joinCellText(c.text.trim(), n.text.trim()), raw: joinCellText(c.raw.trim(), n.raw.trim()) };
  });
  return { ...prev, cells, text: cells.map((c) => c.text).join('\t') };
}

/** Body lines with each row broken over a page break joined into one. */
export function joinPageBreakRows(lines: LayoutLine[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  let last = -1; // index in `out` of the last non-blank line
  for (const l of lines) {
    if (!l.blank && last >= 0 && continues(out[last], l)) {
      out[last] = join(out[last], l);
      continue;
    }
    out.push(l);
    if (!l.blank) last = out.length - 1;
  }
  return out;
}
