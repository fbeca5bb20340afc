// Words OCR ran across a cell's rule, cut back into the cells' own words. With the rules painted
// out, the digits of neighbouring cells stand a few pixels apart and tesseract reads them as one
// word: a code printed one field a cell (`08 | 1 | 08 | 02 | 15`) comes out `1080215`, and no
// cell of the lattice holds its own field. Camelot's `split_text` does the same on a PDF's
// characters; here the characters' boxes are the glyphs tesseract returns with each word.

import type { OcrWord } from './engine.js';
import { isHorizontalRule, type PixelRule } from './image.js';

const hasDigit = (s: string) => /\d/.test(s);

// a glyph's box may reach this many pixels past the rule beside it: digits printed against a
// cell's border keep their edge pixels where the painted rule ran (a rule is ~3 px at 300 dpi)
const GLYPH_OVER_RULE_PX = 2;

/** The x of each vertical rule where it passes the word's middle height, strictly inside the word. */
function rulesThrough(w: OcrWord, rules: PixelRule[]): number[] {
  const mid = (w.y0 + w.y1) / 2;
  const vertical = rules.filter((r) => !isHorizontalRule(r) && Math.min(r.y1, r.y2) <= mid && Math.max(r.y1, r.y2) >= mid);
  // a deskewed rule is off true by a pixel or two over its length: its x where the word is
  const xAt = (r: PixelRule) => (r.y2 === r.y1 ? r.x1 : r.x1 + ((r.x2 - r.x1) * (mid - r.y1)) / (r.y2 - r.y1));
  return vertical.map(xAt).filter((x) => x > w.x0 && x < w.x1).sort((a, b) => a - b);
}

/**
 * Where the word's glyphs fall apart at `x`: the number of glyphs left of it, when a rule there
 * passes between two glyphs (through no glyph's ink, give or take the edge pixels of glyphs
 * printed against it) and both sides keep a digit; else null.
 */
function cutAt(w: OcrWord, glyphs: [number, number][], x: number): number | null {
  const i = glyphs.findIndex(([x0, x1], k) => k + 1 < glyphs.length && x1 - GLYPH_OVER_RULE_PX <= x && glyphs[k + 1][0] + GLYPH_OVER_RULE_PX >= x &&
    (x0 + x1) / 2 < x && (glyphs[k + 1][0] + glyphs[k + 1][1]) / 2 > x);
  if (i < 0) return null;
  const [left, right] = [w.text.slice(0, i + 1), w.text.slice(i + 1)];
  return hasDigit(left) && hasDigit(right) ? i + 1 : null;
}

/** The word without its glyphs' edges, which serve only here (later passes move words about). */
function bare(w: OcrWord): OcrWord {
  const { glyphs: _edges, ...rest } = w;
  return rest;
}

/** One piece of a word: its glyphs `from`..`to` (exclusive), boxed by their ink. */
function piece(w: OcrWord, glyphs: [number, number][], from: number, to: number): OcrWord {
  return { ...bare(w), text: w.text.slice(from, to), x0: glyphs[from][0], x1: glyphs[to - 1][1] };
}

/**
 * The words with every word of figures or code digits that a vertical rule crosses between two
 * of its glyphs cut there. Only digit-bearing pieces are cut: a name's letters may run over an
 * empty neighbour cell, as a spreadsheet prints a long text; a figure never does.
 */
export function splitAtRules(words: OcrWord[], rules: PixelRule[]): OcrWord[] {
  return words.flatMap((w) => {
    const glyphs = w.glyphs;
    if (!glyphs || glyphs.length !== w.text.length || !hasDigit(w.text)) return [bare(w)];
    const cuts = rulesThrough(w, rules).map((x) => cutAt(w, glyphs, x)).filter((c): c is number => c !== null);
    if (cuts.length === 0) return [bare(w)];
    const bounds = [0, ...new Set(cuts), glyphs.length];
    return bounds.slice(1).map((to, k) => piece(w, glyphs, bounds[k], to));
  });
}
