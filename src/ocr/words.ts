// OCR words (pixels, from tesseract.js here or an hOCR/ALTO file made elsewhere) as the text
// items of a page (points), the form the layout stage reads every page in.

import type { PdfPage, TextItem } from '../load/pdf.js';
import type { OcrWord } from './engine.js';

/** The mean word confidence (0–100) of a page's words; 0 without words. */
export function meanConfidence(words: OcrWord[]): number {
  return words.length ? words.reduce((a, w) => a + w.confidence, 0) / words.length : 0;
}

/** A page read by OCR as the output's `source.ocr.pages` lists it. */
export function ocrPageSummary(p: PdfPage) {
  return { page: p.number, rotation: p.ocr!.rotation, skew: p.ocr!.skew, dpi: p.ocr!.dpi, words: p.ocr!.words, mean_confidence: p.ocr!.meanConfidence };
}

export function medianHeight(words: OcrWord[]): number {
  const heights = words.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

/** Words at `scale` pixels per point as text items at their baselines. */
export function toItems(words: OcrWord[], scale: number): TextItem[] {
  // one glyph size for the page: the median word box height (a word's own box shrinks without
  // ascenders, and tesseract's line boxes may span several printed lines)
  const size = (medianHeight(words) || 10) / scale;
  return words.map((w) => ({
    str: w.text,
    x: w.x0 / scale,
    y: w.baseline / scale,
    width: (w.x1 - w.x0) / scale,
    size,
    font: 'ocr',
    confidence: w.confidence,
    ...(w.ocrText === undefined ? {} : { ocrText: w.ocrText }),
  }));
}
