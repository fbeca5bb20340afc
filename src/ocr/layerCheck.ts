// A scanner's invisible text layer, checked against its image. Scanners (and the OCR tools
// offices run over scans) put a text layer under the picture; it may be good, or it may be the
// output of a poor engine, or belong to another image. A sample of the layer's words is cut out
// of the page at the words' places, read by OCR on one sheet, and compared word by word: when
// too few agree, the page is read by OCR instead of by its layer (src/load/pdf.ts).

import type { TextItem } from '../load/pdf.js';
import { tokenMatch } from '../normalize/similarity.js';
import type { Ocr } from '../settings.js';
import type { OcrEngine } from './engine.js';
import { mosaicLayout, mosaicSheet, tokenOf, type Box } from './missed.js';
import { ocrBytes, type Gray } from './image.js';

export interface LayerCheck {
  /** layer words read again from the image */
  sampled: number;
  /** …of which the image reads the same (a letter or two apart at most) */
  agreeing: number;
}

// a word worth checking: four letters or digits at least, nothing else (a lone `di` or `:` is
// read unreliably by either side)
const CHECKABLE = /^[\p{L}\p{N}]{4,}$/u;

/** Up to `n` checkable words of the layer, spread over the page in reading order. */
function sampleWords(items: TextItem[], n: number): TextItem[] {
  const words = items.filter((it) => CHECKABLE.test(it.str.trim())).sort((a, b) => a.y - b.y || a.x - b.x);
  if (words.length <= n) return words;
  return Array.from({ length: n }, (_, k) => words[Math.floor((k * words.length) / n)]);
}

/** Where a layer word lies on the page drawn at `scale` pixels per point, with a margin. */
function wordBox(it: TextItem, scale: number, page: Gray): Box {
  const pad = 0.2 * it.size;
  return {
    x0: Math.max(0, Math.floor((it.x - pad) * scale)),
    x1: Math.min(page.width - 1, Math.ceil((it.x + it.width + pad) * scale)),
    y0: Math.max(0, Math.floor((it.y - 0.9 * it.size - pad) * scale)),
    y1: Math.min(page.height - 1, Math.ceil((it.y + 0.3 * it.size + pad) * scale)),
  };
}

const bare = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Do the layer and the image read one word alike? Equal, or a letter or two apart in a long word. */
function agree(layer: string, image: string): boolean {
  return tokenMatch(bare(layer), bare(image));
}

/** A sample of the layer's words read from the page's pixels (`page`: its grey, drawn at `scale` px/pt). */
export async function checkLayer(page: Gray, items: TextItem[], scale: number, engine: OcrEngine, s: Ocr): Promise<LayerCheck> {
  const sample = sampleWords(items, s.layer_sample_words);
  if (sample.length === 0) return { sampled: 0, agreeing: 0 };
  const boxes = sample.map((it) => wordBox(it, scale, page));
  const glyph = Math.max(...boxes.map((b) => b.y1 - b.y0 + 1)) / 1.6;
  const layout = mosaicLayout(boxes, glyph);
  const sheet = mosaicSheet(page, layout);
  // what the image reads in each word's place: the words read over it, left to right
  const read = new Map<Box, string[]>();
  for (const w of await engine.recognizeLines(ocrBytes(sheet))) {
    const box = tokenOf(layout.placed, w, glyph);
    if (box) read.set(box, [...(read.get(box) ?? []), w.text]);
  }
  const agreeing = sample.filter((it, k) => agree(it.str, (read.get(boxes[k]) ?? []).join(''))).length;
  return { sampled: sample.length, agreeing };
}

/** Is the layer to be believed? Too small a sample says nothing against it. */
export function layerHolds(check: LayerCheck, s: Ocr): boolean {
  return check.sampled < s.layer_min_sample || check.agreeing / check.sampled >= s.layer_min_agreement;
}
