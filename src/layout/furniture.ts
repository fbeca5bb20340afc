// Page furniture: the running headers and footers a PDF prints on every page (`Renstra Dinas
// Pekerjaan Umum … Kab. Grobogan` with its page number, `Dinas Perdagangan … Kota Bogor | 50`).
// They are neither captions nor rows: a table that runs on over the page break is one table.

import type { LayoutLine } from '../model.js';
import { DEFAULT_SETTINGS, type Layout } from '../settings.js';

type FurnitureSettings = Pick<Layout, 'running_page_share' | 'running_edge_lines'>;

// a running line is a title, or a title and a page number and a date: a line of more cells is a row
const MAX_CELLS = 3;

const PAGE_NUMBER = /^(hal(aman)?\.?\s*|page\s*)?[-–]?\s*(\d{1,4}|[ivxlc]{1,6})\s*[-–]?$/i;

const filled = (l: LayoutLine) => l.cells.filter((c) => c.text.trim() !== '');

/** A line's text with what changes from page to page (page numbers, roman numerals, dates) taken out. */
export function runningKey(l: LayoutLine): string {
  // the line's text is its cells joined by tabs: every mark and space between them becomes one space
  return l.text.toLowerCase().replace(/\b[ivxl]+\b|[^a-z]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export interface RunningGroup {
  /** a running title, or the page numbers */
  kind: 'title' | 'page_number';
  key: string;
  /** every line printing it, in order */
  lines: LayoutLine[];
  pages: Set<number>;
}

/** The top and bottom lines of each page of a paged document. */
function edgeLines(lines: LayoutLine[], edge: number): LayoutLine[][] {
  const byPage = new Map<number, LayoutLine[]>();
  for (const l of lines) {
    if (l.blank || l.page === null) continue;
    const page = byPage.get(l.page);
    if (page) page.push(l);
    else byPage.set(l.page, [l]);
  }
  return [...byPage.values()].map((ls) => (ls.length <= 2 * edge ? ls : [...ls.slice(0, edge), ...ls.slice(-edge)]));
}

/** Lines a paged document repeats at the top or bottom of many of its pages, grouped by text. */
export function runningGroups(lines: LayoutLine[], s: FurnitureSettings = DEFAULT_SETTINGS.layout): RunningGroup[] {
  const pages = edgeLines(lines, s.running_edge_lines);
  if (pages.length < 2) return [];
  const groups = new Map<string, RunningGroup>();
  for (const l of pages.flat()) {
    const cells = filled(l);
    // one title; the other cells a page number, a roman numeral, a date (a repeated table header has several titles)
    if (cells.length > MAX_CELLS || cells.filter((c) => /\p{L}{3,}/u.test(c.text) && !/^(hal(aman)?|page)\b/i.test(c.text.trim())).length > 1) continue;
    const key = runningKey(l);
    // a title of two words at least, not a lone `Jumlah` or unit
    if (key.length < 8 || key.split(' ').length < 2) continue;
    const g = groups.get(key) ?? { kind: 'title' as const, key, lines: [], pages: new Set<number>() };
    g.lines.push(l);
    g.pages.add(l.page!);
    groups.set(key, g);
  }
  // page numbers: the first or last line of a page, alone (`31`, `- 12 -`, `Halaman 3`, `iv`)
  const numbers: RunningGroup = { kind: 'page_number', key: '', lines: [], pages: new Set<number>() };
  for (const ls of pages) {
    for (const l of [ls[0], ls[ls.length - 1]]) {
      const cells = filled(l);
      if (cells.length === 1 && PAGE_NUMBER.test(cells[0].text.trim()) && !numbers.lines.includes(l)) {
        numbers.lines.push(l);
        numbers.pages.add(l.page!);
      }
    }
  }
  const need = Math.max(2, Math.ceil(s.running_page_share * pages.length));
  return [...groups.values(), numbers].filter((g) => g.pages.size >= need);
}

/** The line numbers of every running header and footer line. */
export function furnitureLines(lines: LayoutLine[], s: FurnitureSettings = DEFAULT_SETTINGS.layout): Set<number> {
  return new Set(runningGroups(lines, s).flatMap((g) => g.lines.map((l) => l.line)));
}
