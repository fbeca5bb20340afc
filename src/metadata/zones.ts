// Where a document says what it is: its cover (the first lines, before the foreword, the table of
// contents or the first chapter), its running page headers and footers (`Rencana Kerja Dinas X
// Provinsi Y Tahun 2016` on every page), its labelled fields (`SKPD : …`, `Bulan : Desember 2021`)
// and the prose that opens it (the foreword). Everything else is body: chapters, tables, cells.
//
// Each piece is a Segment: the text of one cell, or of a title block (consecutive one-cell lines
// of a cover, `DINAS SOSIAL` / `KABUPATEN LAMPUNG BARAT` / `2024`, read as one title). Text is
// never joined across the cells of one line.

import type { LayoutLine } from '../model.js';
import { runningGroups, runningKey } from '../layout/furniture.js';
import { cleanText, isProse, wordCount } from './text.js';

export interface Segment {
  text: string;
  line: number;
  /** the cell's index on its line; -1 for a title block of several lines */
  cell: number;
  /** a cell of a line with two or more filled cells */
  inTable: boolean;
}

export interface Labelled {
  label: string;
  value: string;
  line: number;
}

export interface Zones {
  /** the cover: title blocks, and the cells of table lines before the body starts */
  head: Segment[];
  /** running page headers and footers, one segment per distinct text (blocks of adjacent ones joined) */
  running: Segment[];
  /** `Label : value` fields of the first pages */
  labelled: Labelled[];
  /** the opening prose (foreword), one segment per cell */
  prose: Segment[];
  /** every cell of the document */
  body: Segment[];
  lines: LayoutLine[];
}

/** Where the body starts: the foreword, a table of contents, a chapter, an executive summary. */
const BODY_START = /^(kata\s*pengantar|daftar\s+(isi|tabel|gambar|lampiran)|bab\s*[ivxl\d]+\b|ringkasan\s+eksekutif|ikhtisar\s+eksekutif|executive\s+summary|pendahuluan\b|latar\s+belakang|\d+(\.\d+)+\.?\s+[A-Za-z])/i;

const filled = (l: LayoutLine) => l.cells.filter((c) => c.text.trim() !== '');

const HEAD_MAX_LINES = 40;
const LABELLED_MAX_PAGES = 2;
const LABELLED_MAX_LINES = 150;
const PROSE_MAX_PAGES = 3;
const PROSE_MAX_LINES = 120;

function headZone(lines: LayoutLine[]): { segments: Segment[]; end: number } {
  const segments: Segment[] = [];
  const first = lines.findIndex((l) => !l.blank);
  if (first < 0) return { segments, end: 0 };
  const page = lines[first].page;
  let block: { texts: string[]; line: number } | null = null;
  const flush = () => {
    if (block) segments.push({ text: block.texts.join('\n'), line: block.line, cell: -1, inTable: false });
    block = null;
  };
  let i = first;
  let seen = 0;
  for (; i < lines.length && seen < HEAD_MAX_LINES; i++) {
    const l = lines[i];
    if (page !== null && l.page !== page) break;
    if (l.blank || l.separator) {
      flush();
      continue;
    }
    seen++;
    const cells = filled(l);
    const joined = cleanText(cells.map((c) => c.text).join(' '));
    if (BODY_START.test(joined)) break;
    if (cells.length === 1) {
      const text = cleanText(cells[0].text);
      if (isProse(text)) break;
      if (!block) block = { texts: [], line: l.line };
      block.texts.push(text);
    } else {
      flush();
      for (const c of cells) segments.push({ text: cleanText(c.text), line: l.line, cell: c.index, inTable: true });
    }
  }
  flush();
  return { segments, end: i };
}

const PAGELESS_REPEATS = 5;

function runningZone(lines: LayoutLine[]): Segment[] {
  const paged = lines.some((l) => l.page !== null);
  let running: LayoutLine[];
  if (paged) {
    running = runningGroups(lines).filter((g) => g.kind === 'title').map((g) => g.lines[0]);
  } else {
    // a text conversion keeps no pages: a title line repeated through it
    const seen = new Map<string, LayoutLine[]>();
    for (const l of lines) {
      if (l.blank || filled(l).length > 3) continue;
      const key = runningKey(l);
      if (key.length < 8 || wordCount(key) < 3) continue;
      const same = seen.get(key);
      if (same) same.push(l);
      else seen.set(key, [l]);
    }
    // prose is told apart only in keys repeated often enough: a rarer key fails with or without it
    running = [...seen.values()]
      .filter((ls) => ls.length >= PAGELESS_REPEATS)
      .map((ls) => ls.filter((l) => !isProse(cleanText(l.text))))
      .filter((ls) => ls.length >= PAGELESS_REPEATS)
      .map((ls) => ls[0]);
  }
  running.sort((a, b) => a.line - b.line);
  // adjacent one-cell running lines are one title (`Laporan Kinerja …` over `Dinas … Tahun 2016`)
  const out: Segment[] = [];
  let prev: LayoutLine | null = null;
  for (const l of running) {
    const cells = filled(l);
    const last = out[out.length - 1];
    if (prev && last && last.cell === -1 && cells.length === 1 && l.line === prev.line + 1 && l.page === prev.page) {
      last.text += '\n' + cleanText(cells[0].text);
    } else if (cells.length === 1) {
      out.push({ text: cleanText(cells[0].text), line: l.line, cell: -1, inTable: false });
    } else {
      for (const c of cells) out.push({ text: cleanText(c.text), line: l.line, cell: c.index, inTable: false });
    }
    prev = l;
  }
  return out;
}

const LABEL = /^(jabatan|nama\s+skpd|skpd|opd|perangkat\s+daerah|sub\s+unit\s+organisasi|unit\s+organisasi|satuan\s+kerja(?:\s+perangkat\s+daerah)?|unit\s+kerja|instansi|organisasi|pemerintah\s+daerah|pemda|bulan|triwulan|semester|periode|tahun(?:\s+anggaran)?|lokasi(?:\s+kegiatan)?)\s*(?::\s*(.*))?$/i;

function labelledZone(lines: LayoutLine[]): Labelled[] {
  const out: Labelled[] = [];
  const firstPage = lines.find((l) => l.page !== null)?.page ?? null;
  lines.slice(0, firstPage === null ? LABELLED_MAX_LINES : undefined).forEach((l) => {
    if (firstPage !== null && l.page !== null && l.page >= firstPage + LABELLED_MAX_PAGES) return;
    const cells = filled(l);
    if (!cells.length) return;
    const m = LABEL.exec(cleanText(cells[0].text));
    if (!m) return;
    const rest = [m[2] ?? '', ...cells.slice(1).map((c) => c.text)].map((t) => t.replace(/^\s*:\s*/, '').trim()).filter(Boolean);
    // a label alone on a line with nothing after it, or a sentence that starts with the word
    if (!rest.length || (cells.length === 1 && m[2] === undefined)) return;
    out.push({ label: m[1].toLowerCase().replace(/\s+/g, ' '), value: cleanText(rest.join(' ')), line: l.line });
  });
  return out;
}

function proseZone(lines: LayoutLine[], from: number): Segment[] {
  const out: Segment[] = [];
  const firstPage = lines.find((l) => l.page !== null)?.page ?? null;
  let n = 0;
  for (let i = from; i < lines.length && n < PROSE_MAX_LINES; i++) {
    const l = lines[i];
    if (l.blank) continue;
    if (firstPage !== null && l.page !== null && l.page >= firstPage + PROSE_MAX_PAGES) break;
    n++;
    const cells = filled(l);
    for (const c of cells) out.push({ text: cleanText(c.text), line: l.line, cell: c.index, inTable: cells.length > 1 });
  }
  return out;
}

export function zones(lines: LayoutLine[]): Zones {
  const head = headZone(lines);
  const body: Segment[] = [];
  for (const l of lines) {
    const cells = filled(l);
    for (const c of cells) body.push({ text: cleanText(c.text), line: l.line, cell: c.index, inTable: cells.length > 1 });
  }
  return { head: head.segments, running: runningZone(lines), labelled: labelledZone(lines), prose: proseZone(lines, head.end), body, lines };
}
