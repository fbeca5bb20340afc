// Ink that OCR left unread. Tesseract drops short isolated tokens — the `0` of an unchanged
// amount, a `1` or `X` in a number column, a lone urusan digit — which in a table are whole
// cells. Connected blobs of dark pixels outside every recognized word, of a glyph's height,
// grouped into short tokens, are the places to read again.

import { flood, maskMarks, pasted, type Gray } from './image.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

// darker than this is ink (the scans' speckles are lighter or tiny)
const INK = 150;

/** Bounding boxes of the 8-connected dark components not under `covered`. */
function components(g: Gray, covered: Uint8Array): Box[] {
  const { width, height, px } = g;
  const seen = maskMarks(new Uint8Array(px.length));
  const ink = (q: number) => !covered[q] && px[q] < INK;
  const out: Box[] = [];
  for (let start = 0; start < px.length; start++) {
    if (seen.has(start) || !ink(start)) continue;
    const box = { x0: width, y0: height, x1: 0, y1: 0 };
    for (const p of flood(g, start, ink, seen)!) {
      const x = p % width;
      const y = (p - x) / width;
      box.x0 = Math.min(box.x0, x);
      box.x1 = Math.max(box.x1, x);
      box.y0 = Math.min(box.y0, y);
      box.y1 = Math.max(box.y1, y);
    }
    out.push(box);
  }
  return out;
}

/**
 * Short tokens of unread ink: components of a glyph's height (`glyph`: the page's median word
 * height in pixels) outside the word boxes, joined when they sit side by side like letters.
 */
export function unreadTokens(g: Gray, words: Box[], glyph: number, maxGlyphs = SHORT_TOKEN_GLYPHS): Box[] {
  const covered = new Uint8Array(g.width * g.height);
  const pad = Math.max(1, Math.round(glyph * 0.15));
  for (const w of words) {
    // whole pixels: a fractional row would start the fill part-way along another row
    const [x0, y0, x1, y1] = [Math.floor(w.x0), Math.floor(w.y0), Math.ceil(w.x1), Math.ceil(w.y1)];
    for (let y = Math.max(0, y0 - pad); y <= Math.min(g.height - 1, y1 + pad); y++) {
      covered.fill(1, y * g.width + Math.max(0, x0 - pad), y * g.width + Math.min(g.width, x1 + pad + 1));
    }
  }
  const glyphs = components(g, covered)
    .filter((b) => {
      const h = b.y1 - b.y0 + 1;
      const w = b.x1 - b.x0 + 1;
      // a digit or letter: most of a glyph's height, not a long stroke or a dot of dust
      return h >= 0.45 * glyph && h <= 1.6 * glyph && w <= 1.5 * glyph && w >= 1;
    })
    .sort((a, b) => a.x0 - b.x0);
  const tokens: Box[] = [];
  for (const b of glyphs) {
    const t = tokens.find((k) => b.x0 - k.x1 <= 0.5 * glyph && b.x0 >= k.x0 && Math.min(k.y1, b.y1) - Math.max(k.y0, b.y0) > 0.3 * glyph);
    if (t) {
      t.x1 = Math.max(t.x1, b.x1);
      t.y0 = Math.min(t.y0, b.y0);
      t.y1 = Math.max(t.y1, b.y1);
    } else tokens.push({ ...b });
  }
  // a short token: a few glyphs at most (longer unread text is not what OCR drops)
  return tokens.filter((t) => t.x1 - t.x0 <= maxGlyphs * glyph);
}

/** How wide a short token is at most, in glyph heights. */
export const SHORT_TOKEN_GLYPHS = 4;

export interface Placed {
  token: Box;
  /** where the token was drawn on the mosaic */
  x: number;
  y: number;
}

const PER_ROW = 12;

/**
 * The tokens cut out and set side by side in rows, like lines of text, two glyphs apart:
 * tesseract reads such lines (PSM 6) where it dropped the same ink alone on the page.
 */
export function mosaicLayout(tokens: Box[], glyph: number): { width: number; height: number; placed: Placed[] } {
  const gap = 2 * glyph;
  const rowHeight = 3 * glyph;
  const placed: Placed[] = [];
  let width = 0;
  for (let i = 0; i < tokens.length; i += PER_ROW) {
    let x = gap;
    const y = (i / PER_ROW) * rowHeight + glyph;
    for (const token of tokens.slice(i, i + PER_ROW)) {
      placed.push({ token, x, y });
      x += token.x1 - token.x0 + 1 + gap;
    }
    width = Math.max(width, x);
  }
  return { width, height: Math.ceil(tokens.length / PER_ROW) * rowHeight + glyph, placed };
}

/** The mosaic drawn: each token cut out of `page` and set where the layout placed it, on white. */
export function mosaicSheet(page: Gray, layout: { width: number; height: number; placed: Placed[] }): Gray {
  return pasted(page, layout.width, layout.height, layout.placed.map((p) => (
    { sx: p.token.x0, sy: p.token.y0, w: p.token.x1 - p.token.x0 + 1, h: p.token.y1 - p.token.y0 + 1, dx: p.x, dy: p.y })));
}

/**
 * The token a word read on the mosaic came from: in its row, the one drawn nearest its left
 * edge (tesseract's word boxes may run on to the right; tokens are two glyphs apart).
 */
export function tokenOf(placed: Placed[], word: Box, glyph: number): Box | null {
  const cy = (word.y0 + word.y1) / 2;
  const row = placed.filter((p) => cy >= p.y - glyph && cy <= p.y + (p.token.y1 - p.token.y0) + glyph);
  const near = row.map((p) => ({ p, d: Math.abs(p.x - word.x0) })).sort((a, b) => a.d - b.d)[0];
  return near && near.d <= glyph ? near.p.token : null;
}

/** A plausible short cell read from a token: a number, a roman numeral, a short word; not a stray mark. */
export function plausibleToken(text: string, confidence: number): boolean {
  return confidence >= 60 && text.length <= 6 && /^[\p{L}\p{N}][\p{L}\p{N}.,%()-]*$/u.test(text);
}
