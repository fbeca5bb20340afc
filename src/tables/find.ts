// Tables stage: find every table in the laid-out lines — its caption (before or after),
// header block, column-number row, repeated page headers and body lines.

import { furnitureLines } from '../layout/furniture.js';
import { perObject } from '../memo.js';
import type { LayoutLine, TableBlock } from '../model.js';
import { DEFAULT_SETTINGS, type Layout } from '../settings.js';
import { regrid } from './grid.js';
import { isCodeMaterial, isRowKey, parseCode } from '../normalize/codes.js';
import {
  headerKey, headerSimilarity, isColumnNumberRow, isNumberingLine, isTabular, isUnitsRow, isYearsRow, lineStats, nonEmptyCells,
} from './lines.js';

const HEADER_WORDS = /\b(no|kode|rekening|uraian|program|kegiatan|indikator|target|realisasi|satuan|tahun|lokasi|jumlah|anggaran|pagu|capaian|keterangan|sasaran|tujuan|kondisi|sumber|catatan|kinerja|nama|jenis|volume|sebelum|sesudah|setelah|belanja|rencana|triwulan|formulasi|alasan|dana|kebutuhan|prioritas|analisis)\b/gi;

export function headerWordCount(line: LayoutLine): number {
  return (line.text.match(HEADER_WORDS) ?? []).length;
}

/** Does the line carry data: a code, a number, or a row key followed by text? (Asked of a line many times.) */
export const isDataLine = perObject((line: LayoutLine): boolean => {
  if (isColumnNumberRow(line) || isYearsRow(line) || isNumberingLine(line)) return false;
  const stats = lineStats(line);
  const lead: string[] = [];
  for (const c of line.cells) {
    if (!isCodeMaterial(c.text)) break;
    lead.push(c.text);
  }
  const code = lead.some((t) => t.trim() !== '') ? parseCode(lead, { expectRowNo: true }) : null;
  if (code && !code.ghost && code.last - code.first >= 1 && stats.text > 0) return true;
  if (stats.numeric >= 1) return true;
  const first = line.cells.find((c) => c.text.trim() !== '');
  return !!first && isRowKey(first.text) && stats.text >= 1 && first.index <= 1;
});

function isHeaderLike(line: LayoutLine, first: boolean): boolean {
  if (isColumnNumberRow(line) || isYearsRow(line) || isUnitsRow(line)) return true;
  const stats = lineStats(line);
  if (first) return stats.numeric <= 1 || headerWordCount(line) >= 2;
  return !isDataLine(line);
}

/** Marks where a repeated page header was removed from a table body. */
export const PAGE_BREAK = '\f';

const CAPTION_START = /^\W*(tabel|table)\s*[\w.\-()]/i;

function isCaptionCandidate(line: LayoutLine): boolean {
  const t = line.text.trim();
  if (t === '' || t.length > 260) return false;
  if (/^[-•*]\s/.test(t) || /^\d+[.)]\s+\w/.test(t)) return CAPTION_START.test(t.replace(/^[-•*]\s*/, ''));
  // a sentence ends with a full stop; a caption only when it is set in bold
  const bold = line.cells.some((c) => c.markup.bold);
  if ((/[:;]$/.test(t) || (/\.$/.test(t) && !bold)) && !CAPTION_START.test(t)) return false;
  return true;
}

function findCaption(lines: LayoutLine[], start: number, end: number): { caption: string | null; line: number | null } {
  // before the table: up to 6 short lines above, nearest `Tabel …` line first
  const above: LayoutLine[] = [];
  for (let i = start - 1, seen = 0; i >= 0 && seen < 6; i--) {
    const l = lines[i];
    if (l.blank) continue;
    if (isTabular(l) || !isCaptionCandidate(l)) break;
    above.unshift(l);
    seen++;
  }
  const tabelAt = above.map((l) => CAPTION_START.test(l.text.trim())).lastIndexOf(true);
  const chosen = tabelAt >= 0 ? above.slice(tabelAt) : above.slice(-3);
  if (chosen.length) return { caption: chosen.map((l) => l.text.replace(/\t/g, ' ').trim()).join(' ').replace(/\s+/g, ' '), line: chosen[0].line };
  // after the table
  for (let i = end + 1, seen = 0; i < lines.length && seen < 2; i++) {
    const l = lines[i];
    if (l.blank) continue;
    seen++;
    if (CAPTION_START.test(l.text.trim()) && l.text.length < 260) return { caption: l.text.trim(), line: l.line };
  }
  return { caption: null, line: null };
}

/** The document's own label: `T-C.29`, `E-81`, `Tabel 4.1.1` → `4.1.1`. */
export function tableLabel(caption: string | null): string | null {
  if (!caption) return null;
  const tc = /\bT\s*-?\s*C\s*\.?\s*(\d{1,3})\b/i.exec(caption);
  if (tc) return `T-C.${tc[1]}`;
  const form = /\(([A-Z])\s*-\s*(\d{1,3})\)|\b([A-Z])-(\d{2,3})\b/.exec(caption);
  if (form) return `${form[1] ?? form[3]}-${form[2] ?? form[4]}`;
  const tabel = /\btabel\.?\s*([\dIVX]+(?:\.\d+)*)/i.exec(caption);
  return tabel ? tabel[1] : null;
}

/** `DAFTAR ISI`, or most lines ending in a page number after dot leaders. */
function isTableOfContents(caption: string | null, header: LayoutLine[], body: LayoutLine[]): boolean {
  const all = [...header, ...body].filter((l) => !l.blank);
  if (/daftar\s+(isi|tabel|gambar|grafik|lampiran)/i.test(`${caption ?? ''} ${all[0]?.text ?? ''}`)) return true;
  const paged = all.filter((l) => {
    const cells = nonEmptyCells(l);
    return cells.length >= 2 && /^([ivxl]+|\d{1,3}|[A-Z]{1,3}\s*-\s*\d+)$/i.test(cells[cells.length - 1]) && /\.{3,}|\b(bab|tabel)\b/i.test(l.text);
  });
  return all.length > 0 && paged.length >= 0.6 * all.length;
}

interface Block {
  start: number; // index into lines
  end: number;
}

/**
 * A short running header or page number between two pages of one table (`Dinas Sosial`,
 * `- 12 -`): the table goes on below it with rows of the same width.
 */
function isPageArtefact(lines: LayoutLine[], i: number, cur: Block): boolean {
  if (lines[i].text.trim().length > 60) return false;
  // the width of the table's rows: its last data line (a repeated header may sit between)
  let last = cur.end;
  while (last > cur.start && !isDataLine(lines[last])) last--;
  const width = lines[last].cells.length;
  // on a PDF page after the one the table's rows were on, the line is the head of a new page (the
  // tail of a cell wrapped over the break, a running title): rows of any width of the table go on
  const newPage = lines[i].page !== null && lines[last].page !== null && lines[i].page !== lines[last].page;
  // a reduce, not a spread: a block of a long document can hold more lines than a call takes arguments
  const widest = lines.slice(cur.start, cur.end + 1).reduce((m, l) => Math.max(m, l.cells.length), 0);
  for (let k = i + 1; k < Math.min(lines.length, i + 5); k++) {
    const l = lines[k];
    if (l.blank) continue;
    return isTabular(l) && isDataLine(l) && (newPage ? l.cells.length <= widest : l.cells.length === width);
  }
  return false;
}

/**
 * On a scanned page, a short piece of a wrapped cell that lost its place in the columns because
 * OCR missed the cells beside it (`Dasar Pe!`), between lines of the table on the same page: the
 * table goes on. (A text layer keeps such pieces in their columns; there, a short line between
 * two tables is a heading.)
 */
function isStrayFragment(lines: LayoutLine[], i: number, cur: Block): boolean {
  const l = lines[i];
  const ocr = l.cells.some((c) => c.confidence !== undefined);
  if (!ocr || l.page !== lines[cur.end].page || l.text.trim().length > 40 || /^(tabel|table|bab|gambar|grafik|sumber)\b/i.test(l.text.trim())) return false;
  for (let k = i + 1; k < Math.min(lines.length, i + 3); k++) {
    const next = lines[k];
    if (next.blank || next.page !== l.page) return false;
    if (isTabular(next)) return true;
  }
  return false;
}

/** Runs of tabular lines; blank lines and separator rows inside a run keep it open. */
function blocks(lines: LayoutLine[]): Block[] {
  const out: Block[] = [];
  let cur: Block | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (isTabular(l) || (l.separator && cur)) {
      if (!cur) cur = { start: i, end: i };
      cur.end = i;
    } else if (!l.blank && cur) {
      if (isPageArtefact(lines, i, cur) || isStrayFragment(lines, i, cur)) continue;
      out.push(cur);
      cur = null;
    }
  }
  if (cur) out.push(cur);
  return out;
}

export function findTables(lines: LayoutLine[], s: Layout = DEFAULT_SETTINGS.layout): TableBlock[] {
  const tables: TableBlock[] = [];
  // running headers and footers read as page breaks: a table goes on over them, none is a caption
  const furniture = furnitureLines(lines, s);
  if (furniture.size) lines = lines.map((l) => (furniture.has(l.line) ? { ...l, blank: true, cells: [], text: PAGE_BREAK } : l));
  for (const b of blocks(lines)) {
    let i = b.start;
    while (i <= b.end) {
      const t = buildTable(lines, i, b.end, tables.length + 1);
      regrid(t.table, s);
      tables.push(t.table);
      i = t.next;
    }
  }
  return tables;
}

/**
 * The index of the first line of line `i`'s page when the table began on an earlier page (at
 * `start`) and this page holds no row of three cells or more before `i`; otherwise null. (A
 * signature block read as a table's header must not take in the next page's table.)
 */
function newPageHead(lines: LayoutLine[], start: number, i: number): number | null {
  const page = lines[i].page;
  if (page === null || lines[start].page === null || lines[start].page === page) return null;
  let k = i;
  while (k - 1 > start && (lines[k - 1].page === page || lines[k - 1].blank)) {
    k--;
    if (isDataLine(lines[k]) && lines[k].cells.length >= 3) return null;
  }
  while (k < i && lines[k].blank) k++;
  return k;
}

/**
 * A line placed on the page (PDF) with another number of columns than most of the table's rows
 * on that page: the header of a ruled table that follows this one with no gap a text line shows.
 */
function otherGrid(l: LayoutLine, body: LayoutLine[]): boolean {
  const placed = (x: LayoutLine) => x.page === l.page && x.cells.length > 0 && x.cells.every((c) => c.box);
  const rows = body.filter((b) => !b.blank && placed(b) && isDataLine(b));
  if (!placed(l) || rows.length === 0) return false;
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  const [usual, seen] = [...counts].sort((a, b) => b[1] - a[1])[0];
  // one row is no grid: it may be a header line read as data (a row of years)
  return seen >= 2 && usual !== l.cells.length;
}

function buildTable(lines: LayoutLine[], start: number, end: number, n: number): { table: TableBlock; next: number } {
  const header: LayoutLine[] = [];
  let numberRow: LayoutLine | null = null;
  let i = start;
  while (i <= end && header.length < 7) {
    const l = lines[i];
    if (l.blank || l.separator) {
      if (header.length) break;
      i++;
      continue;
    }
    if (!isHeaderLike(l, header.length === 0)) break;
    // the column numbers or units close a header: what follows them is the body
    const closing = (h: LayoutLine) => isColumnNumberRow(h) || isUnitsRow(h);
    if (header.some(closing) && !closing(l) && !isYearsRow(l)) break;
    if (isColumnNumberRow(l) && !numberRow) numberRow = l;
    header.push(l);
    i++;
  }
  const headerCells = new Set(header.flatMap((h) => nonEmptyCells(h).map(headerKey)).filter((k) => k !== ''));
  const body: LayoutLine[] = [];
  const repeated: number[] = [];
  let dataSeen = false;
  const repeatedOn = new Set<number>(); // pages where the header was printed again
  let next = end + 1;
  for (; i <= end; i++) {
    const l = lines[i];
    if (l.separator) continue;
    if (l.blank) {
      body.push(l);
      continue;
    }
    if (!isTabular(l)) {
      // a running header or page number between two pages of the table
      body.push({ ...l, blank: true, cells: [], text: PAGE_BREAK });
      continue;
    }
    const stats = lineStats(l);
    const isRepeat = header.length > 0 && (
      isColumnNumberRow(l) ||
      (isYearsRow(l) && header.some(isYearsRow)) ||
      (isUnitsRow(l) && header.some(isUnitsRow)) ||
      (stats.numeric === 0 && nonEmptyCells(l).length >= 2 && headerSimilarity(l, headerCells) >= 0.6));
    if (isRepeat) {
      repeated.push(l.line);
      if (l.page !== null) repeatedOn.add(l.page);
      // text-only lines directly above a repeated header belong to it (garbled first header line)
      while (body.length && !body[body.length - 1].blank && lineStats(body[body.length - 1]).numeric === 0 && headerWordCount(body[body.length - 1]) >= 2) {
        repeated.push(body.pop()!.line);
      }
      body.push({ ...l, blank: true, cells: [], text: PAGE_BREAK }); // a page break inside the table
      continue;
    }
    // a new header starts another table in the same run: after a blank line; on the same page with
    // another number of columns than the rows above; or at the head of a later page when this
    // table had no rows yet. A header printed again over a page break goes on over several
    // lines: none of them starts a table
    const prev = body[body.length - 1];
    const afterBlank = !!prev && prev.blank && prev.text !== PAGE_BREAK;
    const goesOn = l.page !== null && repeatedOn.has(l.page);
    const cells = nonEmptyCells(l);
    const headerLike = stats.numeric === 0 && cells.length >= 3 && cells.every((c) => c.length <= 60) && headerWordCount(l) >= 3 && !isDataLine(l);
    // looked for only on a header-like line: otherGrid reads the whole body so far
    const pageHead = !headerLike || goesOn || dataSeen ? null : newPageHead(lines, start, i);
    if (headerLike && ((dataSeen && (afterBlank || (!goesOn && otherGrid(l, body)))) || pageHead !== null)) {
      next = i;
      // the lines above the new header on its page (a title) belong to neither table
      const cut = afterBlank || pageHead === null ? i : pageHead;
      while (body.length && body[body.length - 1].line >= lines[cut].line) body.pop();
      break;
    }
    if (isDataLine(l)) dataSeen = true;
    body.push(l);
  }
  while (body.length && body[body.length - 1].blank) body.pop();
  const first = lines[start];
  const lastLine = body.length ? body[body.length - 1].line : header.length ? header[header.length - 1].line : first.line;
  // searched from the table's first line, where every line of the table lies: a long document has many tables
  let endIdx = start;
  while (endIdx < lines.length && lines[endIdx].line !== lastLine) endIdx++;
  if (endIdx === lines.length) endIdx = -1;
  const { caption } = findCaption(lines, start, endIdx);
  const headerText = header.map((h) => h.text).join(' ');
  const table: TableBlock = {
    id: `t${n}`,
    label: tableLabel(caption),
    caption,
    family: null,
    line: first.line,
    page: first.page,
    endLine: lastLine,
    headerLines: header,
    numberRow,
    bodyLines: body,
    repeatedHeaderLines: repeated.sort((a, b) => a - b),
    columns: [],
    textBeforeValues: null,
    toc: isTableOfContents(caption, header, body),
    hasCodeColumn: /k\s*o\s*d\s*e|rekening|nomenklatur/i.test(headerText.replace(/\t/g, ' ')),
    warnings: [],
  };
  return { table, next };
}
