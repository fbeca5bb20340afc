// Figure and code cells read on their own. On a ruled scan each figure sits in a cell bounded by the
// rules found in the pixels; a figure too wide for its column wraps over several lines, and
// the page pass loses what tells its pieces apart from figures of their own: the stops
// (`6.675` / `.575.` / `000,0` / `0` read as `6.675` / `575.` / …). A cell whose words are all
// figure pieces, read with doubt or over several lines, is cut out inside its rules and read
// again as a block of figure lines (only the characters a figure holds, the English model; see
// figures.ts). All such cells of a page go on one sheet: one recognition per page.

import type { OcrEngine, OcrWord } from './engine.js';
import { figureFromLines } from '../normalize/figurePieces.js';
import { SURE, wellFormedFigure } from './figures.js';
import { ocrBytes, pasted, type Gray, type PixelRule } from './image.js';

export interface CellBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

// a word read with less confidence than this and no figure piece may be a garbled piece
const GARBLED = 60;
// a column is a figure or code column when this share of its cells (at least this many) hold figure pieces
const FIGURE_COLUMN_SHARE = 0.6;
const FIGURE_COLUMN_MIN_CELLS = 3;
// pixels kept clear inside a cell's rules: what is left of a rule painted out is not read
const INSET = 4;
// blank space between two cut-outs on the sheet, and around each, in glyph heights
const GAP = 1.2;
// a sheet is cut into several recognitions past this height (pixels): tesseract's memory
const MAX_SHEET_HEIGHT = 8000;
// what a page pass makes of a figure's piece: digits, separators, and the marks a dust speck or a
// lost stop turns into (`"`, `°`, `:`, `;`, `'`); a money figure's `,-` (no cents: `1.350.000,-`)
const PIECE = /^[-–(]?(Rp\.?)?[\d.,:;'"°]*\d[\d.,:;'"°]*(%|\)|[.,]-)?$/;

/**
 * The cell of the ruled grid around a point: the nearest rules on each side that pass it. A row
 * cut by the page's end has no rule below it: its cell ends where the rules beside it end.
 */
export function cellAround(x: number, y: number, rules: PixelRule[]): CellBox | null {
  let x0 = -Infinity;
  let x1 = Infinity;
  let y0 = -Infinity;
  let y1 = Infinity;
  let [leftEnd, rightEnd] = [Infinity, Infinity];
  for (const r of rules) {
    if (r.x1 === r.x2 || r.x2 - r.x1 < r.y2 - r.y1) {
      // vertical: its x, where it spans the point's height
      const rx = (r.x1 + r.x2) / 2;
      if (r.y1 > y || r.y2 < y) continue;
      if (rx < x && rx > x0) [x0, leftEnd] = [rx, r.y2];
      else if (rx >= x && rx < x1) [x1, rightEnd] = [rx, r.y2];
    } else {
      const ry = (r.y1 + r.y2) / 2;
      if (r.x1 > x || r.x2 < x) continue;
      if (ry < y) y0 = Math.max(y0, ry);
      else y1 = Math.min(y1, ry);
    }
  }
  if (y1 === Infinity) y1 = Math.min(leftEnd, rightEnd);
  return [x0, x1, y0, y1].every(Number.isFinite) ? { x0, y0, x1, y1 } : null;
}

const isPiece = (w: OcrWord) => PIECE.test(w.text);
// what OCR makes of a figure's glyphs it cannot read: marks, or a few letters it doubts (`TT`,
// `en]`); a word of its own (`Tahun` over `2024`) is text
const garbled = (w: OcrWord) => !/\p{L}/u.test(w.text) || ((w.text.match(/\p{L}/gu)?.length ?? 0) <= 3 && w.confidence < SURE);
const concat = (ws: OcrWord[]) => readingOrder(ws).map((w) => w.text).join('');

/** Words in reading order: lines top to bottom (by baseline), words left to right. */
function readingOrder(ws: OcrWord[]): OcrWord[] {
  const glyph = ws.reduce((m, w) => Math.max(m, w.y1 - w.y0), 0);
  return [...ws].sort((a, b) => (Math.abs(a.baseline - b.baseline) > glyph / 2 ? a.baseline - b.baseline : a.x0 - b.x0));
}

// a program code as its cell prints it, whole or in part: dotted groups of one or two digits, a
// sub-kegiatan's group of up to four last (`1.06.01.2.06.0010`, `01.2.06.0010`, `1.06.01.2.`)
// and a code's field printed in a column of its own (`01`, `0010`)
const CODE_SHAPE = /^(\d{1,2}\.)+(\d{1,4}\.?)?$|^\d{1,4}$/;

const digits = (t: string) => t.replace(/\D/g, '').length;

/** A well-formed figure (a number that needed no repair) or program code. */
function wellFormed(words: OcrWord[]): boolean {
  // a code wraps at its stops: a stop lost at a line's end is still a boundary (`01.2` / `06.02`)
  return CODE_SHAPE.test(readingOrder(words).map((w) => w.text).join('.').replace(/\.{2,}/g, '.')) || wellFormedFigure(concat(words));
}

interface Candidate {
  box: CellBox;
  words: OcrWord[];
  /** read as garbled: only a reading with a figure's or a code's separators replaces it */
  garbled?: boolean;
}

/**
 * Cells whose words are all figure pieces and were read with doubt, or wrap over several lines;
 * and, in a column of such cells (a figure or code column), a cell whose figure OCR garbled
 * into letters (`TT : 01.2... 0603`) as long as it read some of its digits.
 */
export function doubtfulFigureCells(words: OcrWord[], rules: PixelRule[], glyph: number): Candidate[] {
  const byCell = new Map<string, Candidate & { spoilt: boolean }>();
  for (const w of words) {
    const box = cellAround((w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2, rules);
    if (!box) continue;
    const key = `${box.x0},${box.y0}`;
    const c = byCell.get(key) ?? byCell.set(key, { box, words: [], spoilt: false }).get(key)!;
    // a word that is no figure piece makes a text cell, unless OCR itself doubted it (a code's
    // `06.02` read as `en]` beside the `1.06` and `01.2.` it read right) or it has no letter
    // (marks, `:` `|`, are specks and stray strokes, not text)
    if (!isPiece(w) && /\p{L}/u.test(w.text) && w.confidence >= GARBLED) c.spoilt = true;
    c.words.push(w);
  }
  const cells = [...byCell.values()].filter((c) => c.box.x1 - c.box.x0 > 2 * INSET && c.box.y1 - c.box.y0 > 2 * INSET);
  const pieceCell = (c: Candidate & { spoilt: boolean }) => {
    const pieces = c.words.filter(isPiece).length;
    return !c.spoilt && pieces >= c.words.length - pieces;
  };
  // columns (cells between the same two vertical rules) most of whose cells hold figure pieces
  const column = (c: Candidate) => `${Math.round(c.box.x0)},${Math.round(c.box.x1)}`;
  const share = new Map<string, { pieces: number; all: number }>();
  for (const c of cells) {
    const s = share.get(column(c)) ?? share.set(column(c), { pieces: 0, all: 0 }).get(column(c))!;
    s.all++;
    if (pieceCell(c)) s.pieces++;
  }
  const figureColumn = (c: Candidate) => {
    const s = share.get(column(c))!;
    return s.all >= FIGURE_COLUMN_MIN_CELLS && s.pieces >= FIGURE_COLUMN_SHARE * s.all;
  };
  return cells.filter((c) => {
    if (!pieceCell(c)) {
      c.garbled = figureColumn(c) && c.words.some(isPiece) && c.words.every((w) => isPiece(w) || garbled(w)) && !wellFormed(c.words);
      return c.garbled;
    }
    const lines = new Set(c.words.map((w) => Math.round(w.baseline / glyph))).size;
    return lines > 1 || c.words.some((w) => w.confidence < SURE) || !wellFormed(c.words);
  });
}

interface Slot {
  cell: Candidate;
  /** where the cut-out is placed on the sheet */
  top: number;
  crop: CellBox;
}

/** Cut-outs stacked down sheets, each sheet at most MAX_SHEET_HEIGHT tall. */
function layoutSheets(cells: Candidate[], glyph: number): { width: number; height: number; slots: Slot[] }[] {
  const gap = Math.round(GAP * glyph);
  const sheets: { width: number; height: number; slots: Slot[] }[] = [];
  let sheet = { width: 0, height: gap, slots: [] as Slot[] };
  for (const cell of cells) {
    const crop = { x0: Math.round(cell.box.x0 + INSET), y0: Math.round(cell.box.y0 + INSET), x1: Math.round(cell.box.x1 - INSET), y1: Math.round(cell.box.y1 - INSET) };
    const h = crop.y1 - crop.y0;
    if (sheet.slots.length && sheet.height + h + gap > MAX_SHEET_HEIGHT) {
      sheets.push(sheet);
      sheet = { width: 0, height: gap, slots: [] };
    }
    sheet.slots.push({ cell, top: sheet.height, crop });
    sheet.height += h + gap;
    sheet.width = Math.max(sheet.width, crop.x1 - crop.x0 + 2 * gap);
  }
  if (sheet.slots.length) sheets.push(sheet);
  return sheets;
}

// a speck after a figure or code read as a mark (`1.06.-`, `06.03:`); `5.000,-` keeps its dash
const TRAILING_SPECK = /(?<=[\d.])[-:;'"°]+$/;

/** The words read on one slot of the sheet, moved back to where the cell is on the page. */
function wordsOfSlot(read: OcrWord[], slot: Slot, left: number): OcrWord[] {
  const h = slot.crop.y1 - slot.crop.y0;
  const dx = slot.crop.x0 - left;
  const dy = slot.crop.y0 - slot.top;
  return read
    .filter((r) => (r.y0 + r.y1) / 2 >= slot.top && (r.y0 + r.y1) / 2 <= slot.top + h)
    .map((r) => ({ ...r, text: r.text.replace(TRAILING_SPECK, ''), x0: r.x0 + dx, x1: r.x1 + dx, y0: r.y0 + dy, y1: r.y1 + dy, baseline: r.baseline + dy }))
    .filter((r) => r.text !== '');
}

/**
 * The new reading of a cell is taken when it is a well-formed figure or code with no fewer digits,
 * and surer, or the old one is not well-formed.
 */
function better(old: OcrWord[], fresh: OcrWord[], garbledCell = false): boolean {
  if (fresh.length === 0 || !fresh.every(isPiece)) return false;
  const text = concat(fresh);
  if (!wellFormed(fresh) || text === concat(old)) return false;
  const sure = (ws: OcrWord[]) => ws.reduce((m, w) => Math.min(m, w.confidence), 100);
  // a reading with fewer digits has lost some (`01` read `0`, `13` read `3`)
  if (digits(text) < digits(concat(old))) return false;
  // a garbled cell is taken back only as a figure or code (`2025` under a garbled `Tahun` is neither)
  if (garbledCell && !/[.,]/.test(text)) return false;
  return !wellFormed(old) || sure(fresh) > sure(old);
}

/** Words in lines, top to bottom, each left to right. */
function linesOf(ws: OcrWord[], glyph: number): OcrWord[][] {
  const lines: OcrWord[][] = [];
  for (const w of readingOrder(ws)) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].baseline - w.baseline) <= glyph / 2) line.push(w);
    else lines.push([w]);
  }
  return lines;
}

/**
 * One word for a figure that wraps over the lines of `words` (figurePieces.ts), on its first
 * line, or null; `read` is the page pass's words, kept as what OCR read.
 */
function wrappedFigure(words: OcrWord[], read: OcrWord[], glyph: number): OcrWord | null {
  const lines = linesOf(words, glyph);
  const text = lines.length > 1 ? figureFromLines(lines.map((l) => l.map((w) => w.text).join(''))) : null;
  if (!text) return null;
  const first = lines[0][0];
  return {
    ...first,
    text,
    // the box holds every piece's ink (read, not to be looked for again); the line is the first
    x0: Math.min(...words.map((w) => w.x0)),
    x1: Math.max(...words.map((w) => w.x1)),
    y0: Math.min(...words.map((w) => w.y0)),
    y1: Math.max(...words.map((w) => w.y1)),
    confidence: Math.min(...words.map((w) => w.confidence)),
    ocrText: linesOf(read, glyph).map((l) => l.map((w) => w.text).join(' ')).join(' '),
  };
}

/**
 * The page's words with its doubtful figure cells read again (`canvas`: the page as recognised,
 * rules painted out; `rules`: the rules found in its pixels). Returns the words and, in `done`,
 * the words of the cells read again, which the single-figure pass (figures.ts) leaves alone.
 */
export async function rereadFigureCells(canvas: Gray, words: OcrWord[], rules: PixelRule[], glyph: number, engine: OcrEngine): Promise<{ words: OcrWord[]; done: Set<OcrWord> }> {
  const cells = glyph > 0 ? doubtfulFigureCells(words, rules, glyph) : [];
  const done = new Set<OcrWord>();
  if (cells.length === 0) return { words, done };
  const replaced = new Map<OcrWord, OcrWord[]>();
  const left = Math.round(GAP * glyph);
  const sheets = layoutSheets(cells, glyph);
  // the sheets are read side by side (each is read alone, so as one after another), taken in order
  const readings = await Promise.all(sheets.map((sheet) => engine.recognizeFigures(ocrBytes(pasted(canvas, sheet.width, sheet.height, sheet.slots.map((s) => (
    { sx: s.crop.x0, sy: s.crop.y0, w: s.crop.x1 - s.crop.x0, h: s.crop.y1 - s.crop.y0, dx: left, dy: s.top })))))));
  sheets.forEach((sheet, k) => {
    const read = readings[k];
    for (const s of sheet.slots) {
      const fresh = wordsOfSlot(read, s, left);
      const taken = better(s.cell.words, fresh, s.cell.garbled);
      // a figure wrapped over the cell's lines, read back whole from either reading's pieces
      const whole = wrappedFigure(fresh, s.cell.words, glyph) ?? wrappedFigure(s.cell.words, s.cell.words, glyph);
      const now = whole ? [whole] : taken ? fresh : s.cell.words;
      if (now !== s.cell.words) s.cell.words.forEach((w, i) => replaced.set(w, i === 0 ? now : []));
      for (const w of now) done.add(w);
    }
  });
  return { words: words.flatMap((w) => replaced.get(w) ?? [w]), done };
}
