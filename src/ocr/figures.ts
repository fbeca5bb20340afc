// Figures read again on their own. On a whole page tesseract weighs every glyph against words
// of two languages, and a figure's first digit, alone before the separators, is where it
// errs (`744.198.777` read as `144.198.777`). A figure the page pass read with less than full
// confidence is cut out, stacked with the others one per line (one recognition for the page,
// not one per figure), and read with only the characters a figure can hold. The new reading
// is taken when it is a figure and tesseract is surer of it.

import { parseNumber } from '../normalize/numbers.js';
import type { OcrEngine, OcrWord } from './engine.js';
import { ocrBytes, pasted, type Gray } from './image.js';


// a page-pass figure read with at least this confidence is left as read
export const SURE = 93;
// figures of fewer digits than this are not read again (a `0`, a row number: no separators to confuse)
const MIN_DIGITS = 3;
// white margin around each cut-out, in glyph heights: tesseract needs a border to find a line
const MARGIN = 0.4;
// blank lines between two cut-outs, in glyph heights
const LINE_GAP = 1.2;

// `Rp 1.350.000,-`: a money figure may end in `,-` (no cents), as Indonesian prints it
const FIGURE = /^\(?-?(Rp\.?)?\d[\d.,]*(%|[.,]?-)?\)?$/;

function isFigure(text: string): boolean {
  return FIGURE.test(text) && (text.match(/\d/g)?.length ?? 0) >= MIN_DIGITS;
}

/** A well-formed figure reading of `text` (not malformed, not repaired, not text). */
export function wellFormedFigure(text: string): boolean {
  const r = parseNumber(text);
  return r.value !== null && !r.malformed && !r.repaired;
}

/**
 * Words of `canvas` (the page as recognised) whose figures were read unsure, read again one by
 * one (except the words in `done`: read again already); returns the words with the better readings in place.
 */
export async function rereadFigures(canvas: Gray, words: OcrWord[], glyph: number, engine: OcrEngine, done: Set<OcrWord> = new Set()): Promise<OcrWord[]> {
  const unsure = words.filter((w) => w.confidence < SURE && isFigure(w.text) && !done.has(w));
  if (unsure.length === 0 || glyph <= 0) return words;
  const margin = Math.round(MARGIN * glyph);
  const gap = Math.round(LINE_GAP * glyph);
  const width = unsure.reduce((m, w) => Math.max(m, w.x1 - w.x0), 0) + 2 * margin;
  const tops: number[] = [];
  let height = gap;
  for (const w of unsure) {
    tops.push(height);
    height += w.y1 - w.y0 + 2 * margin + gap;
  }
  const sheet = pasted(canvas, width, height, unsure.map((w, i) => (
    { sx: Math.max(0, w.x0 - margin), sy: Math.max(0, w.y0 - margin), w: w.x1 - w.x0 + 2 * margin, h: w.y1 - w.y0 + 2 * margin, dx: 0, dy: tops[i] })));
  const read = await engine.recognizeFigures(ocrBytes(sheet));
  const better = new Map<OcrWord, { text: string; confidence: number }>();
  unsure.forEach((w, i) => {
    const top = tops[i];
    const bottom = top + w.y1 - w.y0 + 2 * margin;
    // the words read on this cut-out's line, left to right, as one figure
    const mine = read.filter((r) => (r.y0 + r.y1) / 2 >= top && (r.y0 + r.y1) / 2 <= bottom).sort((a, b) => a.x0 - b.x0);
    if (mine.length === 0) return;
    const text = mine.map((r) => r.text).join('');
    const confidence = mine.reduce((m, r) => Math.min(m, r.confidence), 100);
    if (text !== w.text && wellFormedFigure(text) && (confidence > w.confidence || !wellFormedFigure(w.text))) better.set(w, { text, confidence });
  });
  return words.map((w) => (better.has(w) ? { ...w, ...better.get(w)! } : w));
}
