// A row whose cells run over a page break: a word processor or a browser lets a table row
// break across pages, so the row's top half ends page N (a code cut after `1.06.01.2.`, a
// figure after `2.402.000,`, a name mid-phrase) and its bottom half opens page N+1, below the
// repeated header, with no row number of its own. The two halves are one row, cell by cell.

import { joinCellText } from '../layout/cellModel.js';
import type { Cell, LayoutLine } from '../model.js';
import { endsMidPhrase } from '../normalize/text.js';

// a cell holding a figure (or a piece of one), and a figure printed whole: thousands grouped by
// threes, decimals, an `Rp`, a sign, a `,-` or `%` after
// (never zero-led: `00` over `01` is a code's segment cut in two)
const FIGURE = /^[(-]?\s*(rp\.?\s*)?(0(?![\d\s])|[1-9])[\d.,\s]*(,-|%)?\)?$/i;
const WHOLE_FIGURE = /^[(-]?(rp\.?)?\d{1,3}([.,]\d{3})*([.,]\d+)?(,-|%)?\)?$/i;

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
  // a figure above the break and one below that do not make one figure together (`8.829.500,-`
  // over `7.725.000,-`, not `516.6` over `77.000,00`): two rows, each with its own figures
  const twoFigures = prev.cells.some((c, i) => {
    const [a, b] = [c.text.trim(), next.cells[i].text.trim()];
    // a code or figure cut after its separator (`1.06.01.2.` over `01`) is one cut in two
    return !open(c) && FIGURE.test(a) && FIGURE.test(b) && !WHOLE_FIGURE.test(joinCellText(a, b).replace(/\s+/g, ''));
  });
  return !twoFigures && prev.cells.some(open);
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
  let lastPage: number | null = null; // the page of the last line read (a joined line's lower half is on the next)
  for (const l of lines) {
    // only the first line of a page can be the rest of a row from the page before
    if (!l.blank && last >= 0 && (l.page ?? 0) > (lastPage ?? 0) && continues(out[last], l)) {
      out[last] = join(out[last], l);
      lastPage = l.page;
      continue;
    }
    out.push(l);
    if (!l.blank) [last, lastPage] = [out.length - 1, l.page];
  }
  return out;
}
