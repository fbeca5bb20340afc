// The OCR engine: a tesseract.js scheduler with one worker per core, started on first use and
// closed at the end of a run. Returns words with their boxes (pixels) and confidence.

import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecognizeResult, Scheduler, Worker } from 'tesseract.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { findTessdata, type Tessdata } from './tessdata.js';

/** What a figure can be made of: digits, separators, sign, brackets, percent, `Rp`. */
export const FIGURE_CHARS = '0123456789.,-%()Rp';

// tesseract.js is loaded when a page is first read: most documents have a text layer
const tesseract = () => import('tesseract.js');

export interface OcrWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** 0–100 */
  confidence: number;
  /** height of the word's text line, for the layout's glyph size */
  lineHeight: number;
  /** y of its text line's baseline under the word: the bottom of the box drops with descenders (`p`, `g`) */
  baseline: number;
  /** what OCR read where the text was rebuilt from its pieces (a figure wrapped over a cell's lines) */
  ocrText?: string;
  /** each character's left and right edge, when OCR gave one glyph a character */
  glyphs?: [number, number][];
}

/** The line's baseline at `x`, or the box bottom when tesseract gave no usable baseline. */
function baselineAt(line: { baseline: { x0: number; y0: number; x1: number; y1: number }; bbox: { y0: number; y1: number } }, x: number, bottom: number): number {
  const b = line.baseline;
  const y = b.x1 > b.x0 ? b.y0 + ((b.y1 - b.y0) * (x - b.x0)) / (b.x1 - b.x0) : b.y0;
  return y >= line.bbox.y0 && y <= line.bbox.y1 + 2 ? y : bottom;
}

export class OcrEngine {
  private scheduler: Scheduler | null = null;
  private starting: Promise<Scheduler> | null = null;
  // one more worker, for lines of short tokens the page pass dropped (see tokens())
  private tokenWorker: Promise<Worker> | null = null;
  // and as many as the page pass has for figures read again alone (see figures()): a page's
  // figure cells may fill several sheets, read side by side
  private figureReaders: Promise<Scheduler> | null = null;
  readonly tessdata: Tessdata;

  constructor(readonly workers = Math.max(1, cpus().length), languages: readonly string[] = DEFAULT_SETTINGS.ocr.languages) {
    this.tessdata = findTessdata(languages);
  }

  get languages(): string {
    return this.tessdata.languages;
  }

  private async start(): Promise<Scheduler> {
    // PSM 11 (sparse text: every word with its box, no page segmentation): the layout stage
    // builds lines and columns itself. On the scanned samples it gives 0.58 keyed value recall,
    // against 0.29 for PSM 3 (automatic segmentation, which drops whole table columns), 0.28 for
    // PSM 4 (one column) and 0.11 for PSM 6 (one block, tesseract.js's default)
    const psm = process.env.KINERJA_PSM ?? '11';
    // the rereads' workers start beside the page pass's: a page read is read again in part
    // (figures, short tokens) right after, and a worker takes some 0.4 s to start
    this.startRereadWorkers();
    this.scheduler = await this.pool(psm);
    return this.scheduler;
  }

  /** A scheduler of as many workers as the page pass has, reading with these parameters. */
  private async pool(psm: string, whitelist?: string, languages?: string): Promise<Scheduler> {
    const scheduler = (await tesseract()).createScheduler();
    await Promise.all(Array.from({ length: this.workers }, async () => scheduler.addWorker(await this.newWorker(psm, whitelist, languages))));
    return scheduler;
  }

  private startRereadWorkers(): void {
    // a worker that fails to start fails the read that needs it, not the process now
    for (const w of [this.tokens(), this.figures()]) w.catch(() => undefined);
  }

  /** The worker for lines of short tokens the page pass dropped (PSM 6: a block of lines). */
  private tokens(): Promise<Worker> {
    this.tokenWorker ??= this.newWorker('6');
    return this.tokenWorker;
  }

  /** The workers for figures read again alone: lines of figures, only the characters a figure holds. */
  private figures(): Promise<Scheduler> {
    // English only: digits are the same in both languages, and the Indonesian model reads a
    // figure's leading 7 as 1 where the English one does not (measured on Liberation Sans at 300 dpi)
    const languages = this.tessdata.languages.includes('eng') ? 'eng' : this.tessdata.languages;
    this.figureReaders ??= this.pool('6', FIGURE_CHARS, languages);
    return this.figureReaders;
  }

  private async newWorker(psm: string, whitelist?: string, languages = this.tessdata.languages): Promise<Worker> {
    const { langPath, gzip } = this.tessdata;
    const worker = await (await tesseract()).createWorker(languages, 1, { langPath, gzip, cachePath: join(tmpdir(), 'kinerja-extract-tesscache') });
    await worker.setParameters({ tessedit_pageseg_mode: psm as never, preserve_interword_spaces: '1', debug_file: '/dev/null', ...(whitelist ? { tessedit_char_whitelist: whitelist } : {}) });
    return worker;
  }

  async recognize(image: Buffer): Promise<OcrWord[]> {
    this.starting ??= this.start();
    const scheduler = await this.starting;
    // the glyphs' edges of the page pass, to cut words run across a cell's rule (splitAtRules.ts)
    return wordsOf(await scheduler.addJob('recognize', image, {}, { blocks: true }), true);
  }

  /** Read an image of lines of short tokens (see missed.ts), one block of text lines. */
  async recognizeLines(image: Buffer): Promise<OcrWord[]> {
    return wordsOf(await (await this.tokens()).recognize(image, {}, { blocks: true }));
  }

  /** Read a sheet of figures cut out of a page, one per line (see figures.ts); sheets asked for together are read side by side. */
  async recognizeFigures(image: Buffer): Promise<OcrWord[]> {
    return wordsOf(await (await this.figures()).addJob('recognize', image, {}, { blocks: true }));
  }

  async close(): Promise<void> {
    const s = this.scheduler ?? (this.starting ? await this.starting : null);
    // a reread worker that failed to start has nothing to close
    const [token, figures] = (await Promise.allSettled([this.tokenWorker, this.figureReaders])).map((r) => (r.status === 'fulfilled' ? r.value : null));
    this.scheduler = null;
    this.starting = null;
    this.tokenWorker = null;
    this.figureReaders = null;
    if (s) await s.terminate();
    for (const w of [token, figures]) if (w) await w.terminate();
  }
}

/** Words with their boxes, confidence, line height and baseline; with `glyphs`, each character's edges. */
function wordsOf(result: RecognizeResult, glyphs = false): OcrWord[] {
  const out: OcrWord[] = [];
  for (const block of result.data.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const lineHeight = line.bbox.y1 - line.bbox.y0;
        for (const w of line.words) {
          if (!w.text.trim()) continue;
          const edges = glyphs ? w.symbols?.map((g): [number, number] => [g.bbox.x0, g.bbox.x1]) : undefined;
          out.push({
            text: w.text, ...w.bbox, confidence: w.confidence, lineHeight, baseline: baselineAt(line, (w.bbox.x0 + w.bbox.x1) / 2, w.bbox.y1),
            ...(edges && edges.length === w.text.length ? { glyphs: edges } : {}),
          });
        }
      }
    }
  }
  return out;
}

// the thread's engines by their languages: one in practice (a run reads every file in the same ones)
const shared = new Map<string, OcrEngine>();
let sharedWorkers = Math.max(1, cpus().length);

/**
 * Tesseract workers of this thread's engine. A batch running files in several threads gives
 * each its share of the cores, so that OCR never runs more workers than there are cores.
 */
export function setOcrWorkers(n: number): void {
  sharedWorkers = Math.max(1, Math.floor(n));
}

/** The thread's engine for these languages (Settings.ocr.languages), created on first use. */
export function ocrEngine(languages: readonly string[] = DEFAULT_SETTINGS.ocr.languages): OcrEngine {
  const key = languages.join('+');
  let e = shared.get(key);
  if (!e) {
    e = new OcrEngine(sharedWorkers, languages);
    shared.set(key, e);
  }
  return e;
}

export async function closeOcr(): Promise<void> {
  const engines = [...shared.values()];
  shared.clear();
  for (const e of engines) await e.close();
}

/**
 * A turn of the event loop: an OCR read just asked for reaches its worker (tesseract.js posts it
 * after a few promise steps) before this thread goes on with work that keeps it busy, which the
 * worker then reads beside.
 */
export function handedToWorkers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
