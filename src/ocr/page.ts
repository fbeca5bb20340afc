// One scanned page → the text items and rules the layout stage reads, in the same units as a
// PDF's text layer (points, y down). The page is rendered at 300 dpi, turned upright and
// deskewed, recognised, and its ruling lines are found in the pixels.

import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { Rule, TextItem } from '../load/pdf.js';
import { handedToWorkers, type OcrEngine, type OcrWord } from './engine.js';
import { findRules, grayOf, type Gray, type Orientation, majorityBinarized, MAJORITY_MIN_STROKE, ocrBytes, strokeWidth, orientation, pasted, rotated, turnedPoint, turnedRound, withoutRules, withoutSpecks, type PixelRule } from './image.js';
import { withoutCornerMarks } from './cornerMarks.js';
import { rereadFigures } from './figures.js';
import { spacedListDashes } from './listDash.js';
import { rereadFigureCells } from './figureCells.js';
import { mosaicLayout, mosaicSheet, plausibleToken, SHORT_TOKEN_GLYPHS, tokenOf, unreadTokens } from './missed.js';
import { meanConfidence, medianHeight, toItems } from './words.js';
import { splitAtRules } from './splitAtRules.js';
import { inkLean, standsOnItsHead } from './upsideDown.js';

export const OCR_DPI = 300;
// a speck is at most two pixels at this resolution (a scanner's dust at 100–200 dpi), as many more at the page's as its
// area grows; a full stop of a 7 pt figure is some ten pixels at 300 dpi
const SPECK_PIXELS = 2;
const SPECK_DPI = 200;
// …with no other ink within this many points (the gap between a figure's digits and its stops is less)
const SPECK_ISOLATION = 1.5;

// a page read with a mean word confidence below this may be upside down: it is read turned round too
const UPSIDE_DOWN_CONFIDENCE = 60;

export interface PageOcr {
  /** degrees the page was turned before recognition (quarter turns and deskew) */
  rotation: number;
  skew: number;
  dpi: number;
  words: number;
  meanConfidence: number;
}

export interface OcrResult {
  items: TextItem[];
  rules: Rule[];
  width: number;
  height: number;
  ocr: PageOcr;
}

// the pdf.js page, kept loose: pdf.js types its render parameters for browsers
export type PdfJsPage = { getViewport(o: { scale: number }): { width: number; height: number }; render(o: object): { promise: Promise<void> } };

/** The page drawn at `dpi` on a white canvas (a canvas starts transparent, which OCR reads as black). */
export async function renderPage(page: PdfJsPage, dpi: number): Promise<Canvas> {
  const viewport = page.getViewport({ scale: dpi / 72 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: context, viewport, canvas }).promise;
  return canvas;
}


// more unread tokens than this on a page: noise, not dropped cells
const MAX_TOKENS = 600;

/** Short tokens the page pass left unread (missed.ts), read again as lines of a mosaic. */
async function missedWords(gray: Gray, words: OcrWord[], engine: OcrEngine): Promise<OcrWord[]> {
  const glyph = medianHeight(words);
  if (!glyph) return [];
  const tokens = unreadTokens(gray, words, glyph);
  if (tokens.length === 0 || tokens.length > MAX_TOKENS) return [];
  const layout = mosaicLayout(tokens, glyph);
  const mosaic = mosaicSheet(gray, layout);
  const out: OcrWord[] = [];
  for (const w of await engine.recognizeLines(ocrBytes(mosaic))) {
    const token = tokenOf(layout.placed, w, glyph);
    if (!token || !plausibleToken(w.text, w.confidence) || out.some((o) => o.x0 === token.x0 && o.y0 === token.y0)) continue;
    out.push({ text: w.text, ...token, confidence: w.confidence, lineHeight: glyph, baseline: token.y1 });
  }
  return out;
}


// an OCR run made elsewhere that left at least this many words' worth of text unread (longer
// than a short token) missed text, not a token here and there
const UNREAD_TEXT_MIN_TOKENS = 3;
// a word read there below this confidence is the sheet's noise
const UNREAD_TEXT_MIN_CONFIDENCE = 50;

/**
 * Text an OCR run made elsewhere left unread at length — a table header on a grey band its
 * threshold turned black with its text — read in place: a sheet of the page's size holding only
 * that ink (the page cleaned of shading, specks and rules), read once. Our own page pass reads the
 * cleaned page whole and needs none of this.
 */
export async function unreadText(clean: Gray, words: OcrWord[], engine: OcrEngine): Promise<OcrWord[]> {
  const glyph = medianHeight(words);
  if (!glyph) return [];
  const long = unreadTokens(clean, words, glyph, Infinity).filter((t) => t.x1 - t.x0 > SHORT_TOKEN_GLYPHS * glyph);
  if (long.length < UNREAD_TEXT_MIN_TOKENS) return [];
  const pad = Math.round(glyph / 2);
  const regions = long.map((t) => ({ x0: Math.max(0, t.x0 - pad), y0: Math.max(0, t.y0 - pad), x1: Math.min(clean.width, t.x1 + pad), y1: Math.min(clean.height, t.y1 + pad) }));
  const sheet = pasted(clean, clean.width, clean.height, regions.map((r) => ({ sx: r.x0, sy: r.y0, w: r.x1 - r.x0, h: r.y1 - r.y0, dx: r.x0, dy: r.y0 })));
  const inside = (w: OcrWord) => regions.some((r) => (w.x0 + w.x1) / 2 >= r.x0 && (w.x0 + w.x1) / 2 <= r.x1 && (w.y0 + w.y1) / 2 >= r.y0 && (w.y0 + w.y1) / 2 <= r.y1);
  const overlaps = (w: OcrWord) => words.some((o) => Math.min(o.x1, w.x1) > Math.max(o.x0, w.x0) && Math.min(o.y1, w.y1) > Math.max(o.y0, w.y0));
  return (await engine.recognize(ocrBytes(sheet))).filter((w) => w.confidence >= UNREAD_TEXT_MIN_CONFIDENCE && inside(w) && !overlaps(w));
}

/**
 * Whether the page reads better turned round, tried on its middle third only: a poor scan that
 * is upright is then read once more in part, not in whole.
 */
async function readsBetterTurned(page: Gray, words: OcrWord[], engine: OcrEngine): Promise<boolean> {
  const [top, height] = [Math.floor(page.height / 3), Math.floor(page.height / 3)];
  const band = pasted(page, page.width, height, [{ sx: 0, sy: top, w: page.width, h: height, dx: 0, dy: 0 }]);
  const turned = await engine.recognize(ocrBytes(turnedRound(band)));
  const inBand = words.filter((w) => w.y0 >= top && w.y1 <= top + height);
  return meanConfidence(turned) > meanConfidence(inBand);
}

/** A page drawn for OCR, made ready to read: turned upright and straight, its rules found and the page cleaned. */
export interface PreparedPage {
  /** the page cleaned (specks, rules, corner marks out), upright */
  clean: Gray;
  /** the rules found in its pixels, on the upright page */
  rules: PixelRule[];
  /** degrees turned: deskew, and a quarter turn for a page lying sideways */
  rotation: number;
  skew: number;
}

/** The drawn page made ready to read (null: nothing on it that reads as text lines). */
export function preparedPage(canvas: Canvas, dpi: number): PreparedPage | null {
  const { gray, orientation: o, straight, rules: straightRules } = straightened(canvas, dpi);
  if (o.unreadable) return null;
  // a page lying sideways is turned a quarter too, and its rules found on it so turned
  const rotation = o.skew + (o.sideways ? 90 : 0);
  const upright = o.sideways ? grayOf(rotated(canvas, rotation)) : straight;
  // the ruling lines, found first and then painted out: tesseract drops words that touch them
  const rules = o.sideways ? findRules(upright, dpi) : [...straightRules];
  // specks out (a full stop at this resolution is several times larger), then the rules
  return { clean: cleaned(upright, dpi, rules, strokeWidth(gray)), rules, rotation, skew: o.skew };
}

/** A drawn page in grey, which way its text runs, the page deskewed (no quarter turn) and the rules found on that. */
export interface Straightened {
  dpi: number;
  gray: Gray;
  orientation: Orientation;
  straight: Gray;
  rules: readonly PixelRule[];
}

// a drawing's grey and straightening, worked out once: a scan with its own text layer has its
// layer checked on its grey while its rules are found (canvasPixelRules), and, when the layer
// fails its check, is read from the same drawing
const grays = new WeakMap<Canvas, Gray>();
const straightenings = new WeakMap<Canvas, Straightened>();

/** The drawing in grey; worked out once a drawing. */
export function drawnGray(canvas: Canvas): Gray {
  let gray = grays.get(canvas);
  if (!gray) {
    gray = grayOf(canvas);
    grays.set(canvas, gray);
  }
  return gray;
}

/** The drawing straightened (see Straightened); worked out once a drawing. */
export function straightened(canvas: Canvas, dpi: number): Straightened {
  const known = straightenings.get(canvas);
  if (known?.dpi === dpi) return known;
  const gray = drawnGray(canvas);
  const o = orientation(gray);
  const straight = o.skew === 0 ? gray : grayOf(rotated(canvas, o.skew));
  const out = { dpi, gray, orientation: o, straight, rules: findRules(straight, dpi) };
  straightenings.set(canvas, out);
  return out;
}

/**
 * The page recognised; a page larger than `maxPixels` at OCR_DPI is drawn at a lower resolution.
 * `drawn`: the page already drawn (at `dpi`), used when that is the resolution it is read at.
 */
export async function ocrPage(page: PdfJsPage, engine: OcrEngine, maxPixels: number, drawn?: { canvas: Canvas; dpi: number }): Promise<OcrResult> {
  const base = page.getViewport({ scale: 1 });
  const dpi = Math.min(OCR_DPI, Math.floor(72 * Math.sqrt(maxPixels / (base.width * base.height))));
  const scale = dpi / 72;
  const canvas = drawn?.dpi === dpi ? drawn.canvas : await renderPage(page, dpi);
  const prepared = preparedPage(canvas, dpi);
  if (!prepared) return { items: [], rules: [], width: canvas.width / scale, height: canvas.height / scale, ocr: { rotation: 0, skew: 0, dpi, words: 0, meanConfidence: 0 } };
  const { clean, rules: pixelRules, skew } = prepared;
  let rotation = prepared.rotation;
  let read = clean;
  // a page that stands on its head by its ink is turned before it is read
  if (standsOnItsHead(inkLean(clean, dpi))) {
    read = turnedRound(clean);
    rotation += 180;
    turnRulesRound(pixelRules, clean.width, clean.height);
  }
  let words = await engine.recognize(ocrBytes(read));
  // text upside down (that the ink did not tell), or sideways turned the wrong way round, reads
  // poorly: the other way reads better
  if (meanConfidence(words) < UPSIDE_DOWN_CONFIDENCE && await readsBetterTurned(read, words, engine)) {
    const other = turnedRound(read);
    const again = await engine.recognize(ocrBytes(other));
    if (meanConfidence(again) > meanConfidence(words)) {
      words = again;
      read = other;
      rotation = (rotation + 180) % 360;
      turnRulesRound(pixelRules, clean.width, clean.height);
    }
  }
  words = await refineWords(read, words, pixelRules, engine);
  const rules = pixelRules.map((r) => ({ x1: r.x1 / scale, y1: r.y1 / scale, x2: r.x2 / scale, y2: r.y2 / scale }));
  return {
    items: toItems(words, scale),
    rules,
    width: clean.width / scale,
    height: clean.height / scale,
    ocr: { rotation, skew, dpi, words: words.length, meanConfidence: Math.round(meanConfidence(words)) },
  };
}

/** The rules, in place, as they lie on the page turned half round (`width` × `height` pixels). */
function turnRulesRound(rules: PixelRule[], width: number, height: number): void {
  rules.splice(0, rules.length, ...rules.map((r) => ({ x1: width - r.x2, x2: width - r.x1, y1: height - r.y2, y2: height - r.y1 })));
}

/**
 * The page without specks (a full stop at this resolution is several times larger), without its
 * rules and the marks in its cells' corners (cornerMarks.ts); where its text strokes are thick
 * enough to keep (`strokes`, in pixels), in black and white with the flecks of grain that are
 * left smoothed away (a 3 × 3 majority). All on the page's grey pixels, which tesseract is handed.
 */
export function cleaned(page: Gray, dpi: number, rules: PixelRule[], strokes = 0): Gray {
  const speck = Math.max(1, Math.floor(SPECK_PIXELS * (dpi / SPECK_DPI) ** 2));
  const clean = withoutCornerMarks(withoutRules(withoutSpecks(page, speck, Math.round(SPECK_ISOLATION * dpi / 72)).gray, rules), dpi, rules).gray;
  return strokes >= MAJORITY_MIN_STROKE ? majorityBinarized(clean) : clean;
}

/**
 * A page's words, first cut where they run across a cell's rule (splitAtRules.ts), then read
 * again where a first reading is weak: figure cells one by one, figures alone, and the short
 * tokens (codes, row numbers) the page pass left unread; a list dash OCR
 * glued to its figure set a space apart again, as the page prints it. The page pass may
 * be ours or an OCR run made elsewhere (hOCR, ALTO) whose image lies beside it.
 */
export async function refineWords(gray: Gray, read: OcrWord[], rules: PixelRule[], engine: OcrEngine): Promise<OcrWord[]> {
  const words = splitAtRules(read, rules);
  const glyph = medianHeight(words);
  const cellPass = await rereadFigureCells(gray, words, rules, glyph, engine);
  // the single figures and the unread tokens side by side: the figures' new readings keep their
  // words' boxes, which are all the token search looks at; the figures are read while this
  // thread looks for the tokens
  const figures = rereadFigures(gray, cellPass.words, glyph, engine, cellPass.done);
  figures.catch(() => undefined); // awaited below
  await handedToWorkers();
  const [out, missed] = await Promise.all([figures, missedWords(gray, cellPass.words, engine)]);
  out.push(...missed);
  return spacedListDashes(gray, out);
}

/**
 * A page drawn at `dpi` for a look at its pixels (a scan with its own text layer): the drawing,
 * its grey, and the page's size in points. Its ruling lines are `canvasRules` of the drawing.
 */
export async function drawnPage(page: PdfJsPage, dpi: number): Promise<{ width: number; height: number; canvas: Canvas; gray: Gray }> {
  const base = page.getViewport({ scale: 1 });
  const canvas = await renderPage(page, dpi);
  return { width: base.width, height: base.height, canvas, gray: drawnGray(canvas) };
}

/**
 * The ruling lines of a scanned page's image, in points. A scan lies a little askew on the glass:
 * its rules are found on the page turned straight (a slanted rule spreads over more pixel rows
 * than a rule is thick) and turned back onto the page, whose text layer keeps the scan's own position.
 */
export function canvasRules(canvas: Canvas, dpi: number): Rule[] {
  const scale = dpi / 72;
  return canvasPixelRules(canvas, dpi).map((r) => ({ x1: r.x1 / scale, y1: r.y1 / scale, x2: r.x2 / scale, y2: r.y2 / scale }));
}

/** The ruling lines of a scanned page's image, in its pixels. */
export function canvasPixelRules(canvas: Canvas, dpi: number): PixelRule[] {
  const { orientation: o, rules } = straightened(canvas, dpi);
  return rules.map((r) => unturned(r, o.skew, canvas.width, canvas.height));
}

/**
 * A rule found on a page turned by `degrees` (src/ocr/image.ts rotated: about the centre, same
 * size), back on the page as it lies: its ends turned back, the rule level or upright again.
 */
function unturned(r: Rule, degrees: number, width: number, height: number): Rule {
  if (degrees === 0) return r;
  const [[x1, y1], [x2, y2]] = [turnedPoint(r.x1, r.y1, -degrees, width, height), turnedPoint(r.x2, r.y2, -degrees, width, height)];
  if (r.y1 === r.y2) return { x1: Math.min(x1, x2), x2: Math.max(x1, x2), y1: (y1 + y2) / 2, y2: (y1 + y2) / 2 };
  return { x1: (x1 + x2) / 2, x2: (x1 + x2) / 2, y1: Math.min(y1, y2), y2: Math.max(y1, y2) };
}
