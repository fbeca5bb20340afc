// Line-level tests the table finder and the row builder share.

import type { LayoutLine } from '../model.js';
import { perObject } from '../memo.js';
import { numberOf } from '../normalize/numbers.js';

// The tests below are worked out once per line (`perObject`): the table finder asks the same lines
// again and again (is it data, a column-number row, its counts) while it grows a table and looks
// past it. Lines are not changed once laid out, so the answer stays true.

export function nonEmptyCells(line: LayoutLine): string[] {
  return line.cells.map((c) => c.text.trim()).filter((t) => t !== '');
}

/** A line that is part of a table: at least two cells (TABs or markdown pipes). */
export function isTabular(line: LayoutLine): boolean {
  return line.cells.length >= 2 && !line.blank;
}

// OCR of a long column-number row misreads a few small numerals (`3}` for `13`, `ls)` for `(19)`):
// up to this share of its cells may be such (a rule read into one: `115` for `15`), as short as a
// column number and of digits, brackets and the letters OCR takes digits for; never a word or a
// unit (`km`, `Ha`)
const MISREAD_NUMBERS_SHARE = 1 / 4;
const MISREAD_NUMERAL = /^[([{]?[\dIlsSoO|]{1,3}[)\]}]?$/;
// how a column number or a misread one starts
const COLUMN_NUMBER_START = /^[([{\dIlsSoO|]/;

/**
 * Column-number row: `1⇥2⇥3`, `(1)⇥(2)`, `8=(7/6)`, `13=(12/7)*100%`, `15=(14/5)*100% Rp=14`.
 * Most neighbours must increase; `1⇥1` and a stray `5` are tolerated.
 */
export const isColumnNumberRow = perObject((line: LayoutLine): boolean => {
  // every cell must start as a column number or a misread one does: most lines fail at a cell's first letter
  if (line.cells.some((c) => !COLUMN_NUMBER_START.test(c.text.trimStart()) && c.text.trim() !== '')) return false;
  // two column numbers in one cell (`3⇥4 5`) when OCR or a gap-based split joined them
  const cells = nonEmptyCells(line).flatMap((c) => (/^\d{1,2}( +\d{1,2})+$/.test(c) ? c.split(/ +/) : [c]));
  if (cells.length < 3) return false;
  const nums: number[] = [];
  let misread = 0;
  for (const c of cells) {
    // `3a`, `3b`: a sub-column of column 3
    const m = /^\(?(\d{1,2})[a-e]?\)?(\s*=.*)?$/.exec(c);
    if (m) nums.push(Number(m[1]));
    else if (MISREAD_NUMERAL.test(c)) misread++;
    else return false;
  }
  if (misread > Math.floor(cells.length * MISREAD_NUMBERS_SHARE)) return false;
  let up = 0;
  for (let i = 1; i < nums.length; i++) if (nums[i] > nums[i - 1]) up++;
  // the later numbers of a row whose first cells print theirs on another line (`7⇥8⇥9⇥10`)
  const consecutive = nums.length >= 4 && nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
  return consecutive || (up >= 0.6 * (nums.length - 1) && nums[0] <= 2 + Math.max(0, nums.length) && Math.min(...nums) <= 5);
});

// what a header's last line prints under each column: a unit (`K`, `Rp`, `%`; `Kr`, `Ki` where a form
// tells two K columns apart), a quarter, a column number
const UNIT_TOKEN = /^(k[a-z]?|rp\.?|%|\(?\d{1,2}\)?|i{1,3}|iv|v?|tw\s*[1-4i]+)$/i;

/** A header line of units and column numbers: `2⇥3⇥K⇥Rp⇥K⇥Rp⇥…⇥14`, `K⇥Rp⇥K⇥Rp`. */
export const isUnitsRow = perObject((line: LayoutLine): boolean => {
  // word by word: most lines fail at their first word
  let words = 0;
  let units = 0;
  for (const c of line.cells) {
    const t = c.text.trim();
    if (t === '') continue;
    for (const w of t.split(/\s+/)) {
      if (!UNIT_TOKEN.test(w)) return false;
      words++;
      if (/^(k|rp\.?|%)$/i.test(w)) units++;
    }
  }
  return words >= 3 && units >= 2;
});

/** A header line of years: `⇥⇥2023⇥2024⇥2025⇥2026`, `202 4`, `2024 (thn n-1)`. */
export const isYearsRow = perObject((line: LayoutLine): boolean => {
  const cells = nonEmptyCells(line);
  if (cells.length < 2) return false;
  return cells.every((c) => /^(19|20)\d\s?\d(\s*\(.*)?$|^(19|20)\d$|^n\s*[-+]\s*\d\)?$|^\(?n\)?$/i.test(c) || /^(tahun|thn)\b/i.test(c));
});

export interface LineStats {
  numeric: number; // cells that read as numbers, percents, money or quantities
  text: number; // cells with letters
  nonEmpty: number;
}

export const lineStats = perObject((line: LayoutLine): LineStats => {
  let numeric = 0;
  let text = 0;
  let nonEmpty = 0;
  for (const c of line.cells) {
    const t = c.text.trim();
    if (t === '') continue;
    nonEmpty++;
    const r = numberOf(t);
    if (r.value !== null && r.kind !== 'text') numeric++;
    else if (/[a-z]{2,}/i.test(t)) text++;
  }
  return { numeric, text, nonEmpty };
});

/** Normal form of a header cell for comparing repeated headers. */
export function headerKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Share of a line's non-empty cells that also occur in the header cells. */
export function headerSimilarity(line: LayoutLine, headerCells: Set<string>): number {
  const cells = nonEmptyCells(line).map(headerKey).filter((k) => k !== '');
  if (cells.length === 0) return 0;
  const hits = cells.filter((k) => headerCells.has(k)).length;
  return hits / cells.length;
}

/**
 * A header line that numbers sub-columns before its labels: `1⇥2⇥3⇥4⇥5⇥⇥Indikator Kinerja…`
 * (the parts of a split KODE column). Three or more leading cells counting up from 1.
 */
export function isNumberingLine(line: LayoutLine): boolean {
  const cells = line.cells.map((c) => c.text.trim());
  let n = 0;
  while (n < cells.length && cells[n] === String(n + 1)) n++;
  return n >= 3 && cells.slice(n).every((c) => c === '' || !/\d/.test(c));
}
