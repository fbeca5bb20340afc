// A list dash before a figure (`- 12`: Indonesian tables print counts so) and a minus sign
// (`-12`) differ only by the space between the dash and the digits, and OCR drops that space:
// every `- 12` comes back `-12`, a negative count. The image still shows it. The dash and the
// first digit are found as blobs of ink inside the word's box, and the blank between them
// measured against the digit's height: a minus sits against its digits, a list dash a space away.

import { DARK, flood, type Gray } from './image.js';
import type { OcrWord } from './engine.js';
import { QUOTE_SPECKS } from '../normalize/ocr.js';

// a dash: a blob at least this many times as wide as it is tall, at least this share of the
// digits' height wide and at most this share high (a speck is small, a digit tall)
const DASH_MIN_ASPECT = 1.5;
const DASH_MIN_WIDTH = 0.25;
const DASH_MAX_HEIGHT = 0.35;
// a digit: a blob at least this share of the tallest blob's height in the word
const DIGIT_MIN_HEIGHT = 0.5;
// the blank between a dash and its digit, in digit heights, from which the dash stands a space
// away: midway between a minus against its digits (0.12–0.23, the fonts here at 14–48 px) and a
// dash a space before them (0.52–0.60; 0.43–0.60 on 200 dpi harness scans of two producers' PDFs)
const SPACED_DASH_GAP = 0.36;

// a figure after a dash, a speck read as a quote mark maybe after it (`-50'`)
const WORD = new RegExp(`^[-–]\\d[\\d.,]*${QUOTE_SPECKS}*$`, 'u');

interface Blob { x0: number; x1: number; y0: number; y1: number }

/** The blobs of ink inside a box of the image, left to right. */
function blobsIn(g: Gray, box: Blob): Blob[] {
  const [x0, x1] = [Math.max(0, Math.floor(box.x0)), Math.min(g.width - 1, Math.ceil(box.x1))];
  const [y0, y1] = [Math.max(0, Math.floor(box.y0)), Math.min(g.height - 1, Math.ceil(box.y1))];
  const seen = new Set<number>();
  const inside = (q: number) => {
    const x = q % g.width;
    const y = (q - x) / g.width;
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && g.px[q] < DARK;
  };
  const out: Blob[] = [];
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const q = y * g.width + x;
      if (seen.has(q) || !inside(q)) continue;
      const pixels = flood(g, q, inside, seen)!;
      const xs = pixels.map((p) => p % g.width);
      const ys = pixels.map((p) => Math.floor(p / g.width));
      out.push({ x0: Math.min(...xs), x1: Math.max(...xs) + 1, y0: Math.min(...ys), y1: Math.max(...ys) + 1 });
    }
  }
  return out.sort((a, b) => a.x0 - b.x0);
}

/** The blank between a word's leading dash and its first digit, in digit heights; null when either is not seen. */
export function dashGap(g: Gray, word: Blob): number | null {
  const blobs = blobsIn(g, word);
  const tallest = blobs.reduce((m, b) => Math.max(m, b.y1 - b.y0), 0);
  const digitAt = blobs.findIndex((b) => b.y1 - b.y0 >= DIGIT_MIN_HEIGHT * tallest);
  if (digitAt < 0) return null;
  const digit = blobs[digitAt];
  const height = digit.y1 - digit.y0;
  // the word begins with its dash: the first blob of a dash's shape before the digit
  const dash = blobs.slice(0, digitAt).find((b) => {
    const [w, h] = [b.x1 - b.x0, b.y1 - b.y0];
    return w >= DASH_MIN_ASPECT * h && w >= DASH_MIN_WIDTH * height && h <= DASH_MAX_HEIGHT * height;
  });
  return dash ? (digit.x0 - dash.x1) / height : null;
}

/**
 * The words, with `-12` read `- 12` where the page shows a list dash a space before the digits
 * (`g`: the page as recognised); what OCR read is kept in `ocrText`.
 */
export function spacedListDashes(g: Gray, words: OcrWord[]): OcrWord[] {
  return words.map((w) => {
    if (!WORD.test(w.text)) return w;
    const gap = dashGap(g, w);
    if (gap === null || gap < SPACED_DASH_GAP) return w;
    return { ...w, text: `${w.text[0]} ${w.text.slice(1)}`, ocrText: w.ocrText ?? w.text };
  });
}
