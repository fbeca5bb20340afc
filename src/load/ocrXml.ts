// Load stage for OCR made elsewhere: hOCR (tesseract's `hocr`, OCRmyPDF's sidecar, …) and ALTO
// (`alto`, library digitisation). Each page's words, with their boxes and confidence, become the
// page's text items as the project's own OCR gives them (src/ocr/words.ts), and the layout stage
// builds lines and cells from them like from any scanned page. When the page image the file names
// lies beside it, the ruling lines come from it and what the run read weakly is read again by our
// OCR (unless OCR is off); without it tables are found by the stream strategy.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { LoadedDocument } from '../model.js';
import type { Canvas } from '@napi-rs/canvas';
import type { OcrEngine, OcrWord } from '../ocr/engine.js';
import type { PixelRule } from '../ocr/image.js';
import { meanConfidence, ocrPageSummary, toItems } from '../ocr/words.js';
import { layoutPages } from '../layout/page.js';
import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import type { PdfPage, Rule } from './pdf.js';
import { clean, findAll, textOf, type XmlElement, type XmlNode } from './xml.js';

/** One page of OCR words, in pixels, and how many pixels make a point. */
interface OcrPageWords {
  width: number;
  height: number;
  scale: number;
  words: OcrWord[];
  /** the page image the OCR read, as the file names it (hOCR `image`, ALTO `fileName`) */
  image: string | null;
}

// `bbox 187 151 256 171; x_wconf 96; baseline 0.014 -1; scan_res 300 300`
function titleProps(title: string | undefined): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const part of (title ?? '').split(';')) {
    const [key, ...rest] = part.trim().split(/\s+/);
    if (key) out.set(key, rest.map(Number).filter((x) => Number.isFinite(x)));
  }
  return out;
}

const hasClass = (e: XmlElement, c: string) => (e.attrs.class ?? '').split(/\s+/).includes(c);

function hocrPage(page: XmlElement, dpi: number): OcrPageWords {
  const props = titleProps(page.attrs.title);
  const [, , width = 0, height = 0] = props.get('bbox') ?? [];
  const res = props.get('scan_res')?.[0] || dpi;
  const words: OcrWord[] = [];
  for (const line of findAll(page.children, (e) => hasClass(e, 'ocr_line') || hasClass(e, 'ocr_caption') || hasClass(e, 'ocr_header') || hasClass(e, 'ocr_textfloat'))) {
    const lp = titleProps(line.attrs.title);
    const [lx0 = 0, ly0 = 0, , ly1 = 0] = lp.get('bbox') ?? [];
    const [slope = 0, offset = 0] = lp.get('baseline') ?? [];
    for (const w of findAll(line.children, (e) => hasClass(e, 'ocrx_word'))) {
      const wp = titleProps(w.attrs.title);
      const box = wp.get('bbox');
      const text = clean(textOf(w));
      if (!box || box.length < 4 || !text) continue;
      const [x0, y0, x1, y1] = box;
      // hOCR's baseline: slope and offset from the line box's bottom-left corner
      const baseline = ly1 + offset + slope * (x0 - lx0);
      words.push({ text, x0, y0, x1, y1, confidence: wp.get('x_wconf')?.[0] ?? 100, lineHeight: ly1 - ly0, baseline: baseline >= y0 && baseline <= y1 + 2 ? baseline : y1 });
    }
  }
  const image = /(?:^|;)\s*image\s+"([^"]+)"/.exec(page.attrs.title ?? '')?.[1] ?? null;
  return { width, height, scale: res / 72, words, image };
}

// ALTO's measurement units, in points: pixels at the scan's resolution, 1/10 mm, 1/1200 inch
function altoScale(root: XmlNode[], dpi: number): number {
  const unit = clean(findAll(root, (e) => e.tag === 'measurementunit').map(textOf).join(''));
  if (unit === 'mm10') return 254 / 72;
  if (unit === 'inch1200') return 1200 / 72;
  return dpi / 72;
}

function altoPage(page: XmlElement, scale: number, image: string | null): OcrPageWords {
  const n = (e: XmlElement, k: string) => Number(e.attrs[k] ?? e.attrs[k.toLowerCase()] ?? 0);
  const words: OcrWord[] = [];
  for (const line of findAll(page.children, (e) => e.tag === 'textline')) {
    for (const s of findAll(line.children, (e) => e.tag === 'string')) {
      const text = clean(s.attrs.CONTENT ?? '');
      if (!text) continue;
      const [x0, y0] = [n(s, 'HPOS'), n(s, 'VPOS')];
      const [x1, y1] = [x0 + n(s, 'WIDTH'), y0 + n(s, 'HEIGHT')];
      const wc = s.attrs.WC === undefined ? 1 : Number(s.attrs.WC);
      words.push({ text, x0, y0, x1, y1, confidence: Math.round(wc * 100), lineHeight: n(line, 'HEIGHT'), baseline: y1 });
    }
  }
  return { width: n(page, 'WIDTH'), height: n(page, 'HEIGHT'), scale, words, image };
}

export interface OcrXml {
  kind: 'hocr' | 'alto';
  pages: OcrPageWords[];
}

/** The pages of an hOCR or ALTO file (null when it is neither). */
export function ocrXmlPages(root: XmlNode[], dpi: number): OcrXml | null {
  const hocr = findAll(root, (e) => hasClass(e, 'ocr_page'));
  if (hocr.length) return { kind: 'hocr', pages: hocr.map((p) => hocrPage(p, dpi)) };
  if (findAll(root, (e) => e.tag === 'alto').length) {
    const scale = altoScale(root, dpi);
    const image = clean(findAll(root, (e) => e.tag === 'filename').map(textOf).join('')) || null;
    return { kind: 'alto', pages: findAll(root, (e) => e.tag === 'page').map((p) => altoPage(p, scale, image)) };
  }
  return null;
}

/**
 * The page image the OCR read, when it lies beside the OCR file (as an OCR run leaves it), drawn
 * at the size the OCR's boxes measure; null when it is not there or cannot be read.
 */
async function pageImage(p: OcrPageWords, dir: string): Promise<{ canvas: Canvas; file: string } | null> {
  if (!p.image) return null;
  const file = resolve(dir, p.image);
  if (!existsSync(file)) return null;
  try {
    const { createCanvas, loadImage } = await import('@napi-rs/canvas');
    const img = await loadImage(file);
    const canvas = createCanvas(p.width || img.width, p.height || img.height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return { canvas, file: basename(file) };
  } catch {
    return null;
  }
}

/**
 * With the page image: its ruling lines (what tells a scanned table's rows and columns apart),
 * and — OCR allowed — the words read again where the run was weak, as our own OCR does (figure
 * cells one by one, short tokens such as codes it left unread). Without it: the words as they are.
 */
async function withImage(p: OcrPageWords, dir: string, engine: (() => OcrEngine) | undefined): Promise<{ words: OcrWord[]; rules: Rule[]; image: string | null; skew: number }> {
  const img = await pageImage(p, dir);
  if (!img) return { words: p.words.filter((w) => !BARS.test(w.text)), rules: [], image: null, skew: 0 };
  const { cleaned, refineWords, straightened: straightenedDrawing, unreadText } = await import('../ocr/page.js');
  const { isHorizontalRule, strokeWidth, turnedPoint, withoutShading } = await import('../ocr/image.js');
  const dpi = p.scale * 72;
  // the run read the page as it lay, askew: its words are turned straight with the image, so
  // that a table row's words share one line and its rules run level and upright
  const { gray, orientation: { skew }, straight, rules: found } = straightenedDrawing(img.canvas, dpi);
  const pixelRules = [...found];
  const centre = (w: OcrWord) => turnedPoint((w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2, skew, img.canvas.width, img.canvas.height);
  const turned = skew === 0 ? p.words : p.words.map((w) => straightened(w, skew, centre(w)));
  const verticals = pixelRules.filter((r) => !isHorizontalRule(r));
  const level = turned.filter((w) => !BARS.test(w.text) && !(RULE_GLYPH.test(w.text) && verticals.some((r) => onRule(w, r))));
  // read again on the page as our OCR reads it: shading, specks and rules out (rule ink is no
  // unread word); first the text the run left unread at length, then its weak spots
  let words = level;
  if (engine) {
    // shading divided out too: what the run could not read on a grey band is read on white
    // (our own page pass keeps the shading: on the scans measured, dividing it out read a shaded
    // header better on one page and worse on two — see withoutShading)
    const clean = cleaned(withoutShading(straight, dpi), dpi, pixelRules, strokeWidth(gray));
    words = await refineWords(clean, [...level, ...await unreadText(clean, level, engine())], pixelRules, engine());
  }
  const rules = pixelRules.map((r) => ({ x1: r.x1 / p.scale, y1: r.y1 / p.scale, x2: r.x2 / p.scale, y2: r.y2 / p.scale }));
  return { words, rules, image: img.file, skew };
}

// A run made on the page as scanned, rules and all, reads a table's vertical rules as words: `|`
// alone is never printed as text in these documents (our own OCR erases the rules before it reads);
// a rule may also be read as `[`, `]`, `!`, `l` or `I`, dropped where such a word lies on a rule.
const BARS = /^\s*\|+\s*$/;
const RULE_GLYPH = /^\s*[|[\]!lI]+\s*$/;

/** Does the vertical rule `r` run through the word's box (across it, and past its middle)? */
function onRule(w: OcrWord, r: PixelRule): boolean {
  const x = (r.x1 + r.x2) / 2;
  const mid = (w.y0 + w.y1) / 2;
  return x >= w.x0 && x <= w.x1 && Math.min(r.y1, r.y2) <= mid && Math.max(r.y1, r.y2) >= mid;
}

/**
 * A word of a page image turned by `degrees` (src/ocr/image.ts `rotated`), its centre now at
 * `centre`: its box grown to hold the turned word (ink outside every box is read as a word the run
 * missed), its baseline kept where it was in the box.
 */
function straightened(w: OcrWord, degrees: number, [nx, ny]: [number, number]): OcrWord {
  const a = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.abs(Math.sin(a))];
  const [bw, bh] = [w.x1 - w.x0, w.y1 - w.y0];
  const [hw, hh] = [(bw * cos + bh * sin) / 2, (bw * sin + bh * cos) / 2];
  // whole pixels, as the run gave them (the image stages index pixels by them)
  return { ...w, x0: Math.floor(nx - hw), x1: Math.ceil(nx + hw), y0: Math.floor(ny - hh), y1: Math.ceil(ny + hh), baseline: Math.round(w.baseline - (w.y0 + w.y1) / 2 + ny) };
}

function toPdfPage(p: OcrPageWords, number: number, words: OcrWord[], rules: Rule[], skew: number): PdfPage {
  const items = toItems(words, p.scale);
  return {
    number, width: p.width / p.scale, height: p.height / p.scale, items, rules,
    ocr: { rotation: skew, skew, dpi: Math.round(p.scale * 72), words: words.length, meanConfidence: Math.round(meanConfidence(words)) },
    warnings: [],
  };
}

/** An hOCR or ALTO file's pages; `engine` (OCR allowed) reads again what the run read weakly, where the page image is at hand. */
export async function loadOcrXml(path: string, buf: Buffer, found: OcrXml, settings: Settings = DEFAULT_SETTINGS, engine?: () => OcrEngine): Promise<LoadedDocument> {
  const pages: PdfPage[] = [];
  const warnings: LoadedDocument['warnings'] = [];
  for (const [i, p] of found.pages.entries()) {
    const { words, rules, image, skew } = await withImage(p, dirname(path), engine);
    pages.push(toPdfPage(p, i + 1, words, rules, skew));
    if (p.words.length === 0) warnings.push({ type: 'page_without_text', page: i + 1, message: `page ${i + 1} of the ${found.kind} has no words` });
    if (!image) warnings.push({ type: 'ocr_image_missing', page: i + 1, message: `page ${i + 1}: the image the ${found.kind} was read from${p.image ? ` (${p.image})` : ''} is not beside it: its table is read without ruling lines` });
  }
  return {
    file: basename(path), path, sha256: createHash('sha256').update(buf).digest('hex'),
    format: found.kind, pages: pages.length, lines: layoutPages(pages, settings.layout), warnings,
    ocr: {
      engine: `${found.kind} file`, languages: '',
      pages: pages.map(ocrPageSummary),
      text_layers: [],
    },
  };
}

