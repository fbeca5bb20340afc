// Load stage for PDFs with a text layer: pdfjs-dist's Node build (no worker), page by page,
// text items with their positions and sizes, and the ruling lines and rectangles drawn on the
// page (cell borders) from its operator list. Coordinates are device space of the unrotated
// view: x to the right, y downward from the top of the page, in points.

import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { restoreNatives } from './natives.js';
import { getDocument, OPS, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
// the worker module in this thread (pdf.js runs it as a "fake worker" in Node): loaded now, so
// that its polyfills are in place before the built-ins are put back, not at the first document
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Canvas } from '@napi-rs/canvas';
import { handedToWorkers, type OcrEngine } from '../ocr/engine.js';
import { checkLayer, layerHolds, type LayerCheck } from '../ocr/layerCheck.js';
import { canvasRules, drawnPage, OCR_DPI, ocrPage, type PageOcr } from '../ocr/page.js';
import { DEFAULT_SETTINGS, type Limits, type Ocr } from '../settings.js';
import { InputError } from './text.js';
import PQueue from 'p-queue';

restoreNatives();

export interface TextItem {
  str: string;
  /** left edge and baseline */
  x: number;
  y: number;
  width: number;
  /** font size: the height of the glyph box */
  size: number;
  font: string;
  /** OCR word confidence, 0–100 (scanned pages only) */
  confidence?: number;
  /** what OCR read, where `str` was rebuilt from it (scanned pages only) */
  ocrText?: string;
}

/** A straight ruling segment, horizontal or vertical. */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: TextItem[];
  rules: Rule[];
  /** set when the page was read by OCR */
  ocr?: PageOcr;
  /** the share of the page its largest image covers (a scan: about 1) */
  imageCover?: number;
  /** how many paths the page paints in a visible colour (text drawn as outlines: hundreds) */
  paths?: number;
  /** a scan with its scanner's invisible text layer: the layer is read, the ruling lines come from the image */
  rulesFromImage?: number;
  /** how many of `rules` (the first ones) were painted before an image that covers the page: no reader sees them */
  rulesUnderImage?: number;
  /** a scan with its own text layer: the layer's words read again from the image, and whether the layer was used */
  layer?: LayerCheck & { used: boolean };
  /** what was left out of this page, and why */
  warnings: { type: string; message: string }[];
}

export interface ReadOptions {
  limits?: Limits;
  /** the OCR engine for pages without a usable text layer; none: such pages stay empty */
  ocr?: () => OcrEngine;
  /** told the page count once the text layer is read, and how many pages need OCR */
  onPages?: (pages: number, ocrPages: number) => void;
  /** a filled box thinner than this (points) is a rule (Settings.layout.thin_fill_pt) */
  thinFill?: number;
  /** read only these pages (1-based); every page when absent */
  pages?: number[];
  /** how scans are read (Settings.ocr) */
  ocrSettings?: Ocr;
  /** read every page by OCR, text layer or not (`--ocr always`) */
  ocrAll?: boolean;
  /** the password of an encrypted PDF */
  password?: string;
  /** checked before each page is read and before each page is read by OCR: an aborted read rejects with the signal's reason */
  signal?: AbortSignal;
}

// a page of text drawn as outlines paints hundreds of paths; a blank page, or one with a rule or
// a logo, a few
const OUTLINED_TEXT_MIN_PATHS = 50;

/**
 * Whether a page without usable text could show words: it paints an image (a scan) or many
 * paths (text drawn as outlines). A blank page is not rendered and read by OCR for nothing.
 */
function drawsWords(p: PdfPage): boolean {
  return (p.imageCover ?? 0) > 0 || (p.paths ?? 0) >= OUTLINED_TEXT_MIN_PATHS;
}

/**
 * A page needs OCR when it has no text layer, or one that is not text: almost no characters,
 * or mostly glyphs that map to no letter or digit (a font without a usable Unicode mapping).
 */
export function needsOcr(items: TextItem[]): boolean {
  const visible = items.map((i) => i.str).join('').replace(/\s/g, '');
  if (visible.length < 10) return true;
  const readable = (visible.match(/[\p{L}\p{N}]/gu) ?? []).length;
  return readable / visible.length < 0.5;
}

// the fonts and CMaps ship inside the package: nothing is fetched. pdf.js reads them in Node with
// fs.readFile(base + name), so the base is a folder path, not a file:// URL (which readFile would
// take for a relative path, silently drawing every standard font with a fallback)
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const asset = (sub: string) => `${join(PDFJS_DIR, sub)}${sep}`;

type Matrix = number[];

// a page whose one image covers this share of it is a scan
const SCAN_COVER = 0.8;

/**
 * Collects a page's ruling segments, up to a limit: a page that draws more than a table grid
 * could need (a chart, a map, a file made to exhaust the reader) keeps the first ones and says so.
 */
class RuleSink {
  readonly rules: Rule[] = [];
  dropped = 0;
  /** the rules painted before the last image that covers the page */
  underImage = 0;
  constructor(private readonly max: number) {}

  /** an image covering the page was painted: everything drawn so far is beneath it */
  covered(): void {
    this.underImage = this.rules.length;
  }

  add(r: Rule): void {
    // the short sides of a rule drawn as a thin filled box are no rules
    if (Math.max(r.x2 - r.x1, r.y2 - r.y1) < 2) return;
    if (this.rules.length < this.max) this.rules.push(r);
    else this.dropped++;
  }
}

/** The points of a constructed path in device space, as polylines (one per subpath). */
function pathPoints(ops: ArrayLike<number>, ctm: Matrix, view: Matrix): number[][][] {
  const m = Util.transform(view, ctm);
  const pt = (x: number, y: number) => [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
  const subpaths: number[][][] = [];
  let cur: number[][] | null = null;
  for (let i = 0; i < ops.length; ) {
    const op = ops[i];
    if (op === 0) { cur = [pt(ops[i + 1], ops[i + 2])]; subpaths.push(cur); i += 3; }
    else if (op === 1) { cur?.push(pt(ops[i + 1], ops[i + 2])); i += 3; }
    // a curve is no rule: its end point starts the next straight segment
    else if (op === 2) { cur = [pt(ops[i + 5], ops[i + 6])]; subpaths.push(cur); i += 7; }
    else if (op === 3) { cur = [pt(ops[i + 3], ops[i + 4])]; subpaths.push(cur); i += 5; }
    else if (op === 4) { if (cur && cur.length > 1) cur.push(cur[0]); i += 1; }
    else break;
  }
  return subpaths;
}

const orthogonal = (a: number[], b: number[]) => Math.abs(a[1] - b[1]) < 1 || Math.abs(a[0] - b[0]) < 1;

/** The horizontal and vertical segments a stroked path draws. */
function strokedRules(subpaths: number[][][], sink: RuleSink): void {
  for (const sp of subpaths) {
    for (let k = 1; k < sp.length; k++) {
      const [a, b] = [sp[k - 1], sp[k]];
      if (orthogonal(a, b)) sink.add({ x1: Math.min(a[0], b[0]), y1: Math.min(a[1], b[1]), x2: Math.max(a[0], b[0]), y2: Math.max(a[1], b[1]) });
    }
  }
}

/**
 * A filled path draws a rule when it is a thin box (how Excel and browsers print cell borders):
 * its centre line. A wider fill is a cell's shading, not a border.
 */
function filledRules(subpaths: number[][][], thin: number, sink: RuleSink): void {
  for (const sp of subpaths) {
    if (sp.length < 3) continue;
    const xs = sp.map((p) => p[0]);
    const ys = sp.map((p) => p[1]);
    const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (y2 - y1 <= thin && x2 - x1 > thin) sink.add({ x1, x2, y1: (y1 + y2) / 2, y2: (y1 + y2) / 2 });
    else if (x2 - x1 <= thin && y2 - y1 > thin) sink.add({ x1: (x1 + x2) / 2, x2: (x1 + x2) / 2, y1, y2 });
  }
}

const STROKES: ReadonlySet<number> = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILLS: ReadonlySet<number> = new Set([OPS.fill, OPS.eoFill]);

/** `#f8f8f8` and lighter draw nothing a reader sees on white paper. */
function invisible(color: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return !!m && [m[1], m[2], m[3]].every((h) => parseInt(h, 16) >= 0xf0);
}

const isImage = (fn: number | undefined) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject;

interface GraphicsState {
  ctm: Matrix;
  fill: string;
  stroke: string;
}

/**
 * The ruling lines a page draws, from its operator list: stroked segments, and thin filled
 * boxes, in a colour other than white. A path that is only a clip (`re W n`, every cell of a
 * PDFium or Chromium page) or a white box draws nothing and is no rule.
 */
async function pageRules(page: any, view: Matrix, sink: RuleSink, thinFill: number, pageArea: number): Promise<{ imageArea: number; paths: number }> {
  const list = await page.getOperatorList();
  let imageArea = 0; // the largest image the page paints, in square points
  let painted = 0; // paths painted in a visible colour
  let gs: GraphicsState = { ctm: [1, 0, 0, 1, 0, 0], fill: '#000000', stroke: '#000000' };
  const stack: GraphicsState[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i];
    if (fn === OPS.save) stack.push(gs);
    else if (fn === OPS.restore) gs = stack.pop() ?? { ctm: [1, 0, 0, 1, 0, 0], fill: '#000000', stroke: '#000000' };
    else if (fn === OPS.transform) {
      gs = { ...gs, ctm: Util.transform(gs.ctm, args) };
      // `q cm Q` with nothing between: an image pdf.js left undecoded (NO_IMAGES) filled that unit square
      if (list.fnArray[i + 1] === OPS.restore || isImage(list.fnArray[i + 1])) {
        const m = Util.transform(view, gs.ctm);
        const area = Math.abs(m[0] * m[3] - m[1] * m[2]);
        imageArea = Math.max(imageArea, area);
        // a scanner's PDF may draw its own guess of the table's lines beneath the scan (a Kodak
        // scanner does): only the image shows what was printed
        if (area >= SCAN_COVER * pageArea) sink.covered();
      }
    }
    // a form XObject (Word draws whole tables as one) has its own matrix, for its drawing only
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(gs);
      if (Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0])) gs = { ...gs, ctm: Util.transform(gs.ctm, Array.from(args[0] as ArrayLike<number>)) };
    } else if (fn === OPS.paintFormXObjectEnd) gs = stack.pop() ?? gs;
    else if (fn === OPS.setFillRGBColor && typeof args?.[0] === 'string') gs = { ...gs, fill: args[0] };
    else if (fn === OPS.setStrokeRGBColor && typeof args?.[0] === 'string') gs = { ...gs, stroke: args[0] };
    else if (fn === OPS.constructPath) {
      const paint = args[0];
      const stroked = STROKES.has(paint) && !invisible(gs.stroke);
      const filled = FILLS.has(paint) && !invisible(gs.fill);
      if (!stroked && !filled) continue;
      painted++;
      const paths = Array.isArray(args[1]) ? args[1] : [args[1]];
      for (const p of paths) {
        if (!p) continue;
        const subpaths = pathPoints(p, gs.ctm, view);
        if (stroked) strokedRules(subpaths, sink);
        else filledRules(subpaths, thinFill, sink);
      }
    }
  }
  return { imageArea, paths: painted };
}

function pageItems(content: { items: any[] }, view: Matrix): (TextItem & { dir: [number, number] })[] {
  const out: (TextItem & { dir: [number, number] })[] = [];
  for (const it of content.items) {
    // pdf.js inserts zero-height " " items between distant runs: they are not text
    if (typeof it.str !== 'string' || it.str.trim() === '' || !it.transform) continue;
    const m = Util.transform(view, it.transform);
    const size = Math.hypot(m[2], m[3]) || it.height;
    // the baseline's direction on the page, to the nearest quarter turn
    const q = ((Math.round(Math.atan2(m[1], m[0]) / (Math.PI / 2)) % 4) + 4) % 4;
    const dir: [number, number] = [[1, 0], [0, 1], [-1, 0], [0, -1]][q] as [number, number];
    out.push({ str: it.str, x: m[4], y: m[5], width: it.width, size, font: it.fontName ?? '', dir });
  }
  return out;
}

/**
 * Text printed sideways (a landscape table on a portrait page, or a page rotated the other
 * way): turn the page so that most text reads left to right, rules and all. Text running
 * another way (a stamp, a margin note) is left out.
 */
function upright(items: (TextItem & { dir: [number, number] })[], rules: Rule[], width: number, height: number): { items: TextItem[]; rules: Rule[]; width: number; height: number } {
  const votes = new Map<string, number>();
  for (const it of items) votes.set(it.dir.join(), (votes.get(it.dir.join()) ?? 0) + it.str.length);
  const [dx, dy] = ([...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '1,0').split(',').map(Number);
  const strip = (xs: typeof items): TextItem[] => xs.map(({ dir: _, ...it }) => it);
  if (dx === 1) return { items: strip(items.filter((it) => it.dir[0] === 1)), rules, width, height };
  // rotate so that the baseline direction (dx, dy) becomes (1, 0), then shift into the page
  const rot = (x: number, y: number) => [x * dx + y * dy, -x * dy + y * dx];
  const corners = [[0, 0], [width, 0], [0, height], [width, height]].map(([x, y]) => rot(x, y));
  const [ox, oy] = [Math.min(...corners.map((c) => c[0])), Math.min(...corners.map((c) => c[1]))];
  const at = (x: number, y: number) => { const [a, b] = rot(x, y); return [a - ox, b - oy]; };
  const turned = strip(items.filter((it) => it.dir[0] === dx && it.dir[1] === dy)).map((it) => { const [x, y] = at(it.x, it.y); return { ...it, x, y }; });
  const turnedRules = rules.map((r) => {
    const [x1, y1] = at(r.x1, r.y1);
    const [x2, y2] = at(r.x2, r.y2);
    return { x1: Math.min(x1, x2), y1: Math.min(y1, y2), x2: Math.max(x1, x2), y2: Math.max(y1, y2) };
  });
  const quarter = dx === 0;
  return { items: turned, rules: turnedRules, width: quarter ? height : width, height: quarter ? width : height };
}

/** Pages without a usable text layer, read by OCR a few at a time (one per OCR worker). */
async function ocrPages(pdf: PDFDocumentProxy, todo: PdfPage[], engine: OcrEngine, limits: Limits, signal?: AbortSignal): Promise<void> {
  // as many pages in hand as the page pass has workers, the next started as soon as one is done
  // (a page read again in part leaves the page pass's worker free; pages in hand each hold a
  // drawing of some 40 MB)
  const queue = new PQueue({ concurrency: engine.workers });
  await Promise.all(todo.map((p) => queue.add(async () => {
    signal?.throwIfAborted();
    const page = await pdf.getPage(p.number);
    await readByOcr(p, page, engine, limits);
    page.cleanup();
  })));
}

/** The page's text and rules, read by OCR in place of its text layer (a mixed page keeps nothing of an unusable one). */
async function readByOcr(p: PdfPage, page: PDFPageProxy, engine: OcrEngine, limits: Limits, drawn?: { canvas: Canvas; dpi: number; skipped: string[] }): Promise<void> {
  const { result, skipped } = await withPdfjsWarnings(() => ocrPage(page, engine, limits.max_canvas_pixels, drawn));
  Object.assign(p, result);
  // the page read from its drawing made before (readLayeredScans): what that drawing left out
  if (drawn && result.ocr.dpi === drawn.dpi) skipped.push(...drawn.skipped);
  for (const w of skipped) p.warnings.push({ type: 'image_too_large', message: `page ${p.number}: an image larger than ${limits.max_image_pixels} pixels was left out (${w})` });
}

/**
 * pdf.js reports an image it leaves out (over `maxImageSize`) only as a console warning: those
 * warnings are caught while `fn` runs and returned; all other console output is left alone.
 */
async function withPdfjsWarnings<T>(fn: () => Promise<T>): Promise<{ result: T; skipped: string[] }> {
  const skipped: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const msg = String(args[0] ?? '');
    if (/^Warning: Image exceeded maximum allowed size/.test(msg)) skipped.push(msg.replace(/^Warning: /, ''));
    else if (!msg.startsWith('Warning: ')) original(...args);
  };
  try {
    return { result: await fn(), skipped };
  } finally {
    console.warn = original;
  }
}

/** `maxImageSize` that leaves every image out: the text layer and the rules need none. */
export const NO_IMAGES = 1;

/**
 * pdf.js's loading task for these bytes, with the settings every reader here uses: no script
 * evaluation (untrusted files), the fonts and CMaps bundled with the package, no logging, and
 * images up to `maxImagePixels` (images are only drawn for OCR; reading the text layer decodes
 * none: NO_IMAGES).
 */
export function openPdf(data: Uint8Array, maxImagePixels: number, password?: string) {
  return getDocument({
    data, password, isEvalSupported: false, verbosity: maxImagePixels > NO_IMAGES ? 1 : 0, useSystemFonts: false, maxImageSize: maxImagePixels,
    standardFontDataUrl: asset('standard_fonts'), cMapUrl: asset('cmaps'), cMapPacked: true,
  });
}

/**
 * Read every page of a PDF. Encrypted, corrupt and empty PDFs throw an InputError. There is no
 * time limit here: pdf.js works synchronously for long stretches that no timer can interrupt,
 * so the batch runs each file in a worker thread and stops the thread when its time is up.
 */
export async function readPdf(data: Uint8Array, file: string, options: ReadOptions = {}): Promise<PdfPage[]> {
  const limits = options.limits ?? DEFAULT_SETTINGS.limits;
  if (data.length === 0) throw new InputError('empty file', 'empty');
  // pdf.js takes ownership of the buffer it is given: each document gets its own copy
  const pdf = await openDocument(openPdf(data.slice(), NO_IMAGES, options.password), !!options.password);
  try {
    if (pdf.numPages === 0) throw new InputError('the PDF has no pages', 'empty');
    if (pdf.numPages > limits.max_pages) throw new InputError(`${pdf.numPages} pages, more than the limit of ${limits.max_pages}`, 'too_large');
    const missing = options.pages?.filter((n) => n < 1 || n > pdf.numPages) ?? [];
    if (missing.length) throw new InputError(`no page ${missing.join(', ')}: the PDF has ${pdf.numPages}`, 'unreadable');
    const pages = await textPages(pdf, limits, options.thinFill ?? DEFAULT_SETTINGS.layout.thin_fill_pt, options.pages, options.signal);
    const scanned = options.ocr ? pages.filter((p) => options.ocrAll || (needsOcr(p.items) && drawsWords(p))) : [];
    options.onPages?.(pages.length, scanned.length);
    // a scanner's page with its own OCR text: the text is checked against the image and read when
    // it holds; the table's rules are only pixels
    const layered = options.ocr ? pages.filter((p) => !scanned.includes(p) && isScanWithText(p)) : [];
    if (scanned.length || layered.length) {
      await withImages(data, limits, options.password, async (images) => {
        if (scanned.length) await ocrPages(images, scanned, options.ocr!(), limits, options.signal);
        if (layered.length) await readLayeredScans(images, layered, options.ocr!(), limits, options.ocrSettings ?? DEFAULT_SETTINGS.ocr, options.signal);
      });
    }
    return pages;
  } catch (e) {
    // an abort is the caller's, not the file's fault
    if (e instanceof InputError || (options.signal?.aborted && e === options.signal.reason)) throw e;
    throw new InputError(`the PDF is damaged (${(e as Error).message})`, 'corrupt');
  } finally {
    await pdf.destroy();
  }
}


function isScanWithText(p: PdfPage): boolean {
  return (p.imageCover ?? 0) >= SCAN_COVER && p.items.length > 0;
}

/**
 * Scans with their own text layer. A sample of the layer's words is read again from the image
 * (src/ocr/layerCheck.ts): when the layer holds, it is the page's text and the ruling lines are
 * found in the pixels as the OCR path does (src/ocr/image.ts), replacing any the PDF drew beneath
 * the scan; when it does not, the page is read by OCR.
 */
async function readLayeredScans(pdf: PDFDocumentProxy, pages: PdfPage[], engine: OcrEngine, limits: Limits, s: Ocr, signal?: AbortSignal): Promise<void> {
  for (const p of pages) {
    signal?.throwIfAborted();
    const page = await pdf.getPage(p.number);
    // the resolution the OCR path reads scans at: its rule and capital-top sizes hold there
    const { result: drawn, skipped } = await withPdfjsWarnings(() => drawnPage(page, OCR_DPI));
    // pixels are upright as the page is shown; a page turned upright from its text is left alone
    const upright = drawn.width === p.width && drawn.height === p.height;
    // the layer's sample is read by an OCR worker while this thread finds the rules in the pixels
    const checking = upright ? checkLayer(drawn.gray, p.items, OCR_DPI / 72, engine, s) : null;
    // (awaited below: a failed read fails the page there, not the process now)
    checking?.catch(() => undefined);
    if (checking) await handedToWorkers();
    const rules = upright ? canvasRules(drawn.canvas, OCR_DPI) : [];
    const check = checking ? await checking : null;
    if (check && !layerHolds(check, s)) {
      await readByOcr(p, page, engine, limits, { canvas: drawn.canvas, dpi: OCR_DPI, skipped });
      p.layer = { ...check, used: false };
    } else {
      if (check) p.layer = { ...check, used: true };
      if (upright && p.rules.length === (p.rulesUnderImage ?? 0)) {
        p.rules = rules;
        p.rulesFromImage = rules.length;
      }
    }
    page.cleanup();
  }
}

/** `fn` on a second opening of the document that decodes images (within the cap): for OCR and pixel rules. */
async function withImages(data: Uint8Array, limits: Limits, password: string | undefined, fn: (pdf: PDFDocumentProxy) => Promise<void>): Promise<void> {
  const pdf = await openDocument(openPdf(data.slice(), limits.max_image_pixels, password), !!password);
  try {
    await fn(pdf);
  } finally {
    await pdf.destroy();
  }
}

async function openDocument(task: PDFDocumentLoadingTask, passwordGiven = false): Promise<PDFDocumentProxy> {
  try {
    return await task.promise;
  } catch (e) {
    void task.destroy();
    const err = e as Error;
    if (err.name === 'PasswordException') throw new InputError(passwordGiven ? 'the PDF is encrypted and the password given does not open it' : 'the PDF is encrypted with a password', 'encrypted');
    throw new InputError(`not a readable PDF (${err.message})`, 'corrupt');
  }
}

/** Text items and ruling lines of every page, sideways pages turned upright. */
async function textPages(pdf: PDFDocumentProxy, limits: Limits, thinFill: number, only?: number[], signal?: AbortSignal): Promise<PdfPage[]> {
  const pages: PdfPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    if (only && !only.includes(n)) continue;
    signal?.throwIfAborted();
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const view = viewport.transform as Matrix;
    const sink = new RuleSink(limits.max_rules_per_page);
    const items = pageItems(await page.getTextContent(), view);
    const { imageArea, paths } = await pageRules(page, view, sink, thinFill, viewport.width * viewport.height);
    const warnings = sink.dropped ? [{ type: 'too_many_rules', message: `page ${n} draws ${sink.rules.length + sink.dropped} ruling segments; the first ${sink.rules.length} were kept` }] : [];
    const imageCover = imageArea / (viewport.width * viewport.height);
    pages.push({ number: n, ...upright(items, sink.rules, viewport.width, viewport.height), warnings, imageCover, paths, rulesUnderImage: sink.underImage });
    page.cleanup();
  }
  return pages;
}
