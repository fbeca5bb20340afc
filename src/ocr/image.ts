// What a scan needs before OCR, from its pixels: which way up the text runs, how far it is
// skewed, and the ruling lines of bordered tables (a scan has no drawing operators, so the
// rules are long thin runs of dark pixels).

import { createCanvas, ImageData, type Canvas } from '@napi-rs/canvas';
import { crc32, deflateSync } from 'node:zlib';

export interface Gray {
  width: number;
  height: number;
  /** 0 = black … 255 = white */
  px: Uint8Array;
}

/** The canvas in grey, or the part of it `region` (x, y, width, height in pixels) covers. */
export function grayOf(canvas: Canvas, region?: { x: number; y: number; width: number; height: number }): Gray {
  const { x, y, width, height } = region ?? { x: 0, y: 0, width: canvas.width, height: canvas.height };
  const px = new Uint8Array(width * height);
  const raw = canvas.data();
  // a pixel a 32-bit word (RGBA in memory: R in the low byte on the little-endian platforms Node
  // runs on), the grey in integers: 78 -> 65 ms a 300 dpi page against four byte reads and a
  // float division a pixel
  const bytes = raw.byteOffset % 4 === 0 ? raw : new Uint8Array(raw);
  const rgba = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  let alpha = -1;
  for (let row = 0, j = 0; row < height; row++) {
    for (let i = (y + row) * canvas.width + x, end = i + width; i < end; i++, j++) {
      const v = rgba[i];
      px[j] = (((v & 0xff) * 299 + ((v >>> 8) & 0xff) * 587 + ((v >>> 16) & 0xff) * 114) / 1000) | 0;
      alpha &= v;
    }
  }
  if (alpha >>> 24 === 0xff) return { width, height, px };
  // a pixel not opaque: the canvas's own memory holds it premultiplied, getImageData straight
  const straight = canvas.getContext('2d').getImageData(x, y, width, height).data;
  for (let i = 0, j = 0; j < px.length; i += 4, j++) px[j] = luminance(straight[i], straight[i + 1], straight[i + 2]);
  return { width, height, px };
}

/** A colour's grey (ITU-R 601 weights; stored in a byte, the fraction dropped). */
const luminance = (r: number, g: number, b: number) => (r * 299 + g * 587 + b * 114) / 1000;

// deflate level of the PNGs handed to tesseract: the fastest; a page is decoded as fast whatever
// the level, and its bytes go no further than a worker's memory
const PNG_LEVEL = 1;

/**
 * The bytes a page or sheet is handed to tesseract in: a grey PNG (one byte a pixel) written
 * here. Against the canvas's own RGBA PNG it is encoded in a tenth of the time (0.08–0.12 s
 * against 0.5–0.9 s a page at 300 dpi) and tesseract reads it faster (it thresholds one channel, not
 * three), with the same words on a grey page. Tried before and dropped for a cause then unknown:
 * with the page no longer encoded by the canvas, the rereads took three times as long with 3.7–5 GB
 * peak memory. The cause was the canvas, not the PNG: drawing from a canvas copies all of its
 * pixels each time (0.02 s and 37 MB a cut-out of a page) unless a snapshot of it is cached, which
 * the canvas's PNG encoding happened to leave. The sheets are now cut from the page's grey
 * pixels (`pasted`), not drawn. Grey PGM was tried as well (no deflate): the whole OCR of a
 * two-page scan took 40.2 s against 24.1 s — likely the same cause; not tried again.
 */
export function ocrBytes(g: Gray): Buffer {
  const { width: w, height: h, px } = g;
  // each row led by its filter type, 0 (none)
  const rows = Buffer.alloc((w + 1) * h);
  for (let y = 0; y < h; y++) rows.set(px.subarray(y * w, (y + 1) * w), y * (w + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8; // bits a pixel; colour type 0 (grey), no interlace
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows, { level: PNG_LEVEL })), pngChunk('IEND', Buffer.alloc(0))]);
}

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))));
  return Buffer.concat([head, data, crc]);
}

// darker than this is a text stroke's ink
export const DARK = 140;
// thin rules of a scan come out grey, lighter than text strokes
const RULE_DARK = 190;
// a hairline border (Excel's row borders) scanned at 200 dpi is 190–210 grey along most of its
// length, never black; looked for as light only where it is as thin as a hairline, since the
// stems of a cover's large type are long, thick and as light at their anti-aliased edges
const FAINT_RULE_DARK = 215;
const FAINT_RULE_MAX_THICKNESS_PT = 1;

/** Dark pixels of a 1-in-`step` sample, as x, y pairs one after another: enough to find the direction of text lines. */
function darkPoints(g: Gray, step: number): Int32Array {
  const out: number[] = [];
  for (let y = 0; y < g.height; y += step) for (let x = 0; x < g.width; x += step) if (g.px[y * g.width + x] < DARK) out.push(x, y);
  return Int32Array.from(out);
}

// the rows the sheared pixels are counted in, this many pixels high
const PROFILE_BIN = 4;

/**
 * How sharply the dark pixels fall into rows when sheared by `tan`: text lines make peaks (the
 * sum of each row's count squared). `along`, `across`: the page's size along the rows and across.
 */
function sharpness(points: Int32Array, tan: number, transpose: boolean, along: number, across: number): number {
  // bins counted in an array, from the lowest row a sheared pixel can fall in
  const low = Math.floor((-Math.abs(tan) * along) / PROFILE_BIN) - 1;
  const bins = new Int32Array(Math.ceil((across + Math.abs(tan) * along) / PROFILE_BIN) - low + 2);
  for (let i = 0; i < points.length; i += 2) {
    const [a, b] = transpose ? [points[i + 1], points[i]] : [points[i], points[i + 1]];
    bins[Math.round((b - a * tan) / PROFILE_BIN) - low]++;
  }
  let s = 0;
  for (const v of bins) s += v * v;
  return s;
}

export interface Orientation {
  /** no ink at all, or ink everywhere (a black page, a photograph): nothing to read */
  unreadable: boolean;
  /** quarter turns the text is rotated by (0 or 1: sideways; which way round is settled by OCR) */
  sideways: boolean;
  /** skew in degrees, counter-clockwise positive, within ±3 */
  skew: number;
}

/** The projection-profile method: the angle at which the rows of dark pixels are sharpest. */
export function orientation(g: Gray): Orientation {
  const points = darkPoints(g, 4);
  const sampled = Math.ceil(g.width / 4) * Math.ceil(g.height / 4);
  const count = points.length / 2;
  if (count < 50 || count > 0.5 * sampled) return { unreadable: true, sideways: false, skew: 0 };
  // coarse 0.2° steps, then 0.05° around the best: 0.1° off drifts 6 px across a landscape page at 300 dpi
  const search = (from: number, to: number, step: number, transpose: boolean) => {
    let top = { deg: 0, s: -1 };
    for (let deg = from; deg <= to + 1e-9; deg += step) {
      const s = sharpness(points, Math.tan((deg * Math.PI) / 180), transpose, transpose ? g.height : g.width, transpose ? g.width : g.height);
      if (s > top.s) top = { deg, s };
    }
    return top;
  };
  const best = (transpose: boolean) => {
    const coarse = search(-3, 3, 0.2, transpose);
    return search(coarse.deg - 0.15, coarse.deg + 0.15, 0.05, transpose);
  };
  const rows = best(false);
  const cols = best(true);
  const sideways = cols.s > 1.3 * rows.s;
  const skew = sideways ? -cols.deg : rows.deg;
  return { unreadable: false, sideways, skew: Math.abs(skew) < 0.05 ? 0 : Math.round(skew * 100) / 100 };
}

/** A piece of a page (`sx`, `sy`, `w`, `h`) pasted at `dx`, `dy` onto a sheet. */
export interface Paste {
  sx: number;
  sy: number;
  w: number;
  h: number;
  dx: number;
  dy: number;
}

/**
 * A white sheet with pieces of `src` pasted on it: cut-outs read again together, in one
 * recognition. A piece's part outside the page or the sheet is left out (as a canvas clips it).
 */
export function pasted(src: Gray, sheetWidth: number, sheetHeight: number, pieces: Paste[]): Gray {
  // whole pixels, as a canvas of that size has
  const [width, height] = [Math.max(1, Math.trunc(sheetWidth)), Math.max(1, Math.trunc(sheetHeight))];
  const px = new Uint8Array(width * height).fill(255);
  for (const p of pieces) {
    const [sx, sy, dx, dy] = [Math.round(p.sx), Math.round(p.sy), Math.round(p.dx), Math.round(p.dy)];
    // the piece's columns and rows that lie on both the page and the sheet
    const left = Math.max(0, -sx, -dx);
    const right = Math.min(Math.round(p.w), src.width - sx, width - dx);
    const top = Math.max(0, -sy, -dy);
    const bottom = Math.min(Math.round(p.h), src.height - sy, height - dy);
    if (right <= left) continue;
    for (let r = top; r < bottom; r++) {
      const from = (sy + r) * src.width + sx;
      px.set(src.px.subarray(from + left, from + right), (dy + r) * width + dx + left);
    }
  }
  return { width, height, px };
}

/** The image turned half round (upside down). */
export function turnedRound(g: Gray): Gray {
  return { width: g.width, height: g.height, px: g.px.slice().reverse() };
}

/**
 * Where a point of an image lands when `rotated` turns the image by `degrees` (about its centre,
 * same size); `-degrees` takes it back.
 */
export function turnedPoint(x: number, y: number, degrees: number, width: number, height: number): [number, number] {
  const a = (degrees * Math.PI) / 180;
  const [cx, cy] = [width / 2, height / 2];
  const [dx, dy] = [x - cx, y - cy];
  return [cx + dx * Math.cos(a) + dy * Math.sin(a), cy - dx * Math.sin(a) + dy * Math.cos(a)];
}

/** A copy turned by `degrees` (counter-clockwise) about its centre, on white. */
export function rotated(src: Canvas, degrees: number): Canvas {
  const quarter = Math.abs(Math.round(degrees / 90)) % 2 === 1 && Math.abs(degrees % 90) < 1e-6;
  const [w, h] = quarter ? [src.height, src.width] : [src.width, src.height];
  const out = createCanvas(w, h);
  const ctx = out.getContext('2d');
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, w, h);
  ctx.translate(w / 2, h / 2);
  ctx.rotate((-degrees * Math.PI) / 180);
  ctx.drawImage(src, -src.width / 2, -src.height / 2);
  return out;
}

export interface PixelRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

// a rule runs at least a quarter inch; it is at most 3 pt thick (a thick outer border with a
// scanner's blur about it), which no bar of shading or block of text is as thin as
const RULE_MIN_LENGTH_IN = 1 / 4;
const RULE_MAX_THICKNESS_PT = 3;
// a rule has paper on both sides along most of its length; the flat tops or feet of a word's
// capitals (`UPTD`), which a blurred scan joins into one dark run, have the letters' stems on one.
// Such runs are a word long: a longer run with letters on it is a rule text touches (an underline,
// a box round a line of capitals), and stays
const RULE_CLEARANCE_PT = 1;
const RULE_MAX_INK_ALONGSIDE = 0.25;
const CAPITALS_MAX_LENGTH_IN = 1;

/**
 * The share of a run's length from which ink runs on, unbroken, for `aside` pixels off it, on
 * its inkier side (across the run: above and below a horizontal one). Text near a rule keeps a
 * sliver of paper between; a capital's stem grows out of its top.
 */
function inkAlongside(r: { j0: number; j1: number; a: number; b: number }, along: number, across: number, at: (i: number, j: number) => number, aside: number, dark: number): number {
  const share = (from: number, step: number) => {
    let ink = 0;
    for (let i = r.a; i <= r.b && i < along; i++) {
      let k = 1;
      while (k <= aside && from + step * k >= 0 && from + step * k < across && at(i, from + step * k) < dark) k++;
      if (k > aside) ink++;
    }
    return ink / (r.b - r.a + 1);
  };
  return Math.max(share(r.j0, -1), share(r.j1, 1));
}

/**
 * The pixels that lie in a thin dark stripe across the rules being looked for (runs along x for
 * vertical rules, along y for horizontal ones): 1 where the stripe is at most `maxThickness`
 * wide. A rule is a few pixels across; a shaded cell (a grey header, banded rows) is dark across
 * its whole width, and counted as rule it would swallow every rule that crosses it into one blob
 * too thick to keep. A rule along a shaded cell's edge is darker than the shading: it is thin at
 * the darkness of ink.
 */
function thinMask(g: Gray, horizontalRuns: boolean, maxThickness: number, dark: number, paper: Paper): Uint8Array {
  const { width: w, height: h, px } = g;
  const out = new Uint8Array(w * h);
  // runs of pixels darker than `dark` (a) and, within them, darker than ink (b: DARK), in one
  // pass; the two levels written out, not looped over: this reads every pixel of the page twice.
  // A run of ink is a run of the lighter level too: b is open only while a is
  const ink = DARK;
  if (horizontalRuns) {
    for (let y = 0; y < h; y++) {
      const row = y * w;
      let a = -1;
      let b = -1;
      for (let x = 0; x <= w; x++) {
        // no run open and a chunk of paper ahead: nothing in it opens one
        if (a < 0 && x % PAPER_CHUNK === 0 && paper.blank(y, x)) {
          x += PAPER_CHUNK - 1;
          continue;
        }
        const v = x < w ? px[row + x] : 255;
        if (v < dark) { if (a < 0) a = x; } else if (a >= 0) {
          if (x - a <= maxThickness) out.fill(1, row + a, row + x);
          a = -1;
        }
        if (v < ink) { if (b < 0) b = x; } else if (b >= 0) {
          if (x - b <= maxThickness) out.fill(1, row + b, row + x);
          b = -1;
        }
      }
    }
    return out;
  }
  // vertical runs, read row by row (memory order): where each column's current runs started, and
  // how many runs are open in each chunk of columns (a chunk of paper with none is passed over)
  const startA = new Int32Array(w).fill(-1);
  const startB = new Int32Array(w).fill(-1);
  const open = new Int32Array(Math.ceil(w / PAPER_CHUNK));
  for (let y = 0; y <= h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (y < h && x % PAPER_CHUNK === 0 && open[x / PAPER_CHUNK] === 0 && paper.blank(y, x)) {
        x += PAPER_CHUNK - 1;
        continue;
      }
      const v = y < h ? px[row + x] : 255;
      const a = startA[x];
      if (v < dark) {
        if (a < 0) {
          startA[x] = y;
          open[(x / PAPER_CHUNK) | 0]++;
        }
      } else if (a >= 0) {
        if (y - a <= maxThickness) for (let m = a; m < y; m++) out[m * w + x] = 1;
        startA[x] = -1;
        open[(x / PAPER_CHUNK) | 0]--;
      }
      const b = startB[x];
      if (v < ink) { if (b < 0) startB[x] = y; } else if (b >= 0) {
        if (y - b <= maxThickness) for (let m = b; m < y; m++) out[m * w + x] = 1;
        startB[x] = -1;
      }
    }
  }
  return out;
}

// pixels of a row in a chunk of the paper map: the rule finder passes over a chunk with no ink
// in one step (on the sample scans 70-90 % of a page's chunks are paper)
const PAPER_CHUNK = 16;

/**
 * Which chunks of PAPER_CHUNK pixels of each row hold no pixel darker than `level`: paper to the
 * rule finder's passes, which look for runs darker than that at most.
 */
class Paper {
  private readonly chunks: number;
  private readonly blankChunks: Uint8Array;
  private readonly width: number;

  constructor(g: Gray, readonly level: number) {
    const { width: w, height: h, px } = g;
    this.width = w;
    this.chunks = Math.ceil(w / PAPER_CHUNK);
    this.blankChunks = new Uint8Array(this.chunks * h);
    for (let y = 0; y < h; y++) {
      for (let c = 0; c < this.chunks; c++) {
        const from = y * w + c * PAPER_CHUNK;
        // a chunk cut by the row's end would take in the next row's pixels: it is never paper
        if ((c + 1) * PAPER_CHUNK > w) continue;
        let blank = 1;
        for (let q = from; q < from + PAPER_CHUNK; q++) if (px[q] < level) { blank = 0; break; }
        this.blankChunks[y * this.chunks + c] = blank;
      }
    }
  }

  /** Is the chunk of row `y` that starts at column `x` (a multiple of PAPER_CHUNK) paper? */
  blank(y: number, x: number): boolean {
    return x < this.width && this.blankChunks[y * this.chunks + x / PAPER_CHUNK] === 1;
  }
}

/**
 * Horizontal and vertical rules of an image drawn at `dpi`: runs of dark pixels at least a
 * quarter inch long (gaps of a couple of pixels bridged), a few points thick at most;
 * neighbouring rows of one rule merge. Only pixels in a thin dark stripe across count: where a
 * rule crosses another (or runs along a shaded cell's edge) the run goes on through the
 * crossing, but a shaded area is no rule and joins none.
 */
export function findRules(g: Gray, dpi: number): PixelRule[] {
  // the lighter look's level: paper to it is paper to both
  const paper = new Paper(g, FAINT_RULE_DARK);
  const rules = rulesAt(g, dpi, RULE_DARK, RULE_MAX_THICKNESS_PT, paper);
  // hairline row borders too light for the first look, where none of its rules runs already (a
  // column's hairline border is found at the first look: nothing crosses it to break its run)
  const reach = pointsToPixels(RULE_MAX_THICKNESS_PT, dpi);
  const faint = rulesAt(g, dpi, FAINT_RULE_DARK, FAINT_RULE_MAX_THICKNESS_PT, paper, false).filter((f) => !rules.some((r) => sameRule(r, f, reach)));
  return [...rules, ...faint];
}

const pointsToPixels = (pt: number, dpi: number) => Math.round((pt * dpi) / 72);
/** A rule that runs more across than down (a scan's rules are a few pixels off true). */
export const isHorizontalRule = (r: PixelRule) => Math.abs(r.x2 - r.x1) >= Math.abs(r.y2 - r.y1);

/** Two rules found of one: the same direction, `reach` pixels apart across at most, overlapping along. */
function sameRule(a: PixelRule, b: PixelRule, reach: number): boolean {
  if (isHorizontalRule(a) !== isHorizontalRule(b)) return false;
  return isHorizontalRule(a)
    ? Math.abs(a.y1 - b.y1) <= reach && a.x1 < b.x2 && b.x1 < a.x2
    : Math.abs(a.x1 - b.x1) <= reach && a.y1 < b.y2 && b.y1 < a.y2;
}

/** The rules drawn in pixels darker than `dark`, at most `thicknessPt` thick (horizontal ones only without `verticals`). */
function rulesAt(g: Gray, dpi: number, dark: number, thicknessPt: number, paper: Paper, verticals = true): PixelRule[] {
  if (dark > paper.level) throw new Error(`rules darker than ${dark} looked for on a paper map of ${paper.level}`);
  const minLength = Math.round(dpi * RULE_MIN_LENGTH_IN);
  const maxThickness = pointsToPixels(thicknessPt, dpi);
  // tops: horizontal runs, which may be the joined tops or feet of capitals. The pixel (i, j) —
  // i along the run, j across — is px[i · alongStep + j · acrossStep]: indices, not a function
  // called per pixel (a third of the rule finder's time when it was one)
  const runs = (along: number, across: number, alongStep: number, acrossStep: number, thin: Uint8Array, tops: boolean) => {
    // both read the page in memory order: down the columns row by row
    const segs = tops ? rowRuns(px, thin, along, across, dark, minLength, maxThickness, paper) : columnRuns(px, thin, across, along, dark, minLength, maxThickness, paper);
    // one rule is several adjacent rows (columns) of overlapping runs
    const rules: { j0: number; j1: number; a: number; b: number }[] = [];
    for (const s of segs) {
      const r = rules.find((x) => s.j - x.j1 <= 1 && s.a < x.b && s.b > x.a);
      if (r) { r.j1 = s.j; r.a = Math.min(r.a, s.a); r.b = Math.max(r.b, s.b); } else rules.push({ j0: s.j, j1: s.j, a: s.a, b: s.b });
    }
    const kept = collinear(rules.filter((r) => r.j1 - r.j0 + 1 <= maxThickness), maxThickness / 2);
    const word = (r: { a: number; b: number }) => r.b - r.a < dpi * CAPITALS_MAX_LENGTH_IN;
    const at = (i: number, j: number) => px[i * alongStep + j * acrossStep];
    return tops ? kept.filter((r) => !word(r) || inkAlongside(r, along, across, at, aside, dark) <= RULE_MAX_INK_ALONGSIDE) : kept;
  };
  const aside = Math.max(2, pointsToPixels(RULE_CLEARANCE_PT, dpi));
  const { width: w, height: h, px } = g;
  const tall = thinMask(g, false, maxThickness, dark, paper);
  const horizontal = runs(w, h, 1, w, tall, true).map((r) => ({ x1: r.a, x2: r.b, y1: (r.j0 + r.j1) / 2, y2: (r.j0 + r.j1) / 2 }));
  if (!verticals) return horizontal;
  const wide = thinMask(g, true, maxThickness, dark, paper);
  const vertical = runs(h, w, w, 1, wide, false).map((r) => ({ x1: (r.j0 + r.j1) / 2, x2: (r.j0 + r.j1) / 2, y1: r.a, y2: r.b }));
  return [...horizontal, ...vertical];
}

/**
 * The dark runs along each row of a `w` × `h` page that stay in the thin mask (`thin`: through a
 * crossing rule as long as one is thick; gaps of two pixels bridged), at least `minLength` long;
 * row by row, left to right.
 */
function rowRuns(px: Uint8Array, thin: Uint8Array, w: number, h: number, dark: number, minLength: number, maxThickness: number, paper: Paper): Segment[] {
  const segs: Segment[] = [];
  for (let j = 0; j < h; j++) {
    let start = -1;
    let gap = 0;
    // dark pixels of a crossing (wider than a rule across) since the last thin one
    let crossing = 0;
    const close = (end: number) => {
      if (start >= 0 && end - start >= minLength) segs.push({ j, a: start, b: end });
      start = -1;
      gap = 0;
      crossing = 0;
    };
    for (let i = 0, q = j * w; i <= w; i++, q++) {
      // no run open (its gap and crossing are nought) and a chunk of paper ahead: nothing in it opens one
      if (start < 0 && i % PAPER_CHUNK === 0 && paper.blank(j, i)) {
        i += PAPER_CHUNK - 1;
        q += PAPER_CHUNK - 1;
        continue;
      }
      const ink = i < w && px[q] < dark;
      if (ink && thin[q] === 1) {
        if (start < 0) start = i;
        gap = 0;
        crossing = 0;
      } else if (ink && start >= 0 && gap === 0) {
        // through a crossing rule, as long as one is thick; wider is a shaded area the rule ends at
        if (++crossing > maxThickness) close(i - crossing);
      } else if (start >= 0 && ++gap > 2) close(i - gap - crossing);
    }
  }
  return segs;
}

interface Segment {
  /** the pixel row (column) across */
  j: number;
  /** where it starts and ends along */
  a: number;
  b: number;
}

/**
 * The same runs down each column (rowRuns turned a quarter), in column order and down each
 * column, found in one pass over the rows: a column at a time would read the page across its
 * rows, a cache line for every pixel. Each column keeps its own state: where its run started,
 * the gap since its last thin dark pixel, and the crossing rule's pixels.
 */
function columnRuns(px: Uint8Array, thin: Uint8Array, w: number, h: number, dark: number, minLength: number, maxThickness: number, paper: Paper): Segment[] {
  const start = new Int32Array(w).fill(-1);
  const gap = new Int32Array(w);
  const crossing = new Int32Array(w);
  // runs open in each chunk of columns: a chunk of paper with none is passed over
  const open = new Int32Array(Math.ceil(w / PAPER_CHUNK));
  const found: Segment[][] = [];
  const close = (x: number, end: number) => {
    if (start[x] >= 0) open[(x / PAPER_CHUNK) | 0]--;
    if (start[x] >= 0 && end - start[x] >= minLength) (found[x] ??= []).push({ j: x, a: start[x], b: end });
    start[x] = -1;
    gap[x] = 0;
    crossing[x] = 0;
  };
  for (let y = 0; y <= h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (y < h && x % PAPER_CHUNK === 0 && open[x / PAPER_CHUNK] === 0 && paper.blank(y, x)) {
        x += PAPER_CHUNK - 1;
        continue;
      }
      const q = row + x;
      const ink = y < h && px[q] < dark;
      const s = start[x];
      if (ink && thin[q] === 1) {
        if (s < 0) {
          start[x] = y;
          open[(x / PAPER_CHUNK) | 0]++;
        }
        gap[x] = 0;
        crossing[x] = 0;
      } else if (ink && s >= 0 && gap[x] === 0) {
        if (++crossing[x] > maxThickness) close(x, y - crossing[x]);
      } else if (s >= 0 && ++gap[x] > 2) close(x, y - gap[x] - crossing[x]);
    }
  }
  return found.flat();
}

/**
 * Pieces of one rule merged into it. A rule left slightly slanted after deskewing crosses from
 * one pixel row (column) to the next; the runs beside its main run are the same rule, and kept
 * apart they give the lines of a table row different borders.
 */
function collinear<R extends { j0: number; j1: number; a: number; b: number }>(rules: R[], near: number): R[] {
  const out: R[] = [];
  for (const r of [...rules].sort((x, y) => (y.b - y.a) - (x.b - x.a))) {
    const mid = (r.j0 + r.j1) / 2;
    const host = out.find((o) => Math.abs((o.j0 + o.j1) / 2 - mid) <= near && r.a <= o.b + 2 && r.b >= o.a - 2);
    if (host) { host.a = Math.min(host.a, r.a); host.b = Math.max(host.b, r.b); } else out.push({ ...r });
  }
  return out;
}

// rules are painted out this many pixels wide: wider than a scanned rule is thick, with its blur
const RULE_PAINT_WIDTH = 7;

/**
 * A copy with the rules painted white (RULE_PAINT_WIDTH pixels wide, a few more than they are
 * thick), as a canvas strokes them: a pixel the band covers whole turns white; one it covers
 * half (the band's edge on a rule centred on a pixel row) is blended half way as the canvas's
 * renderer blends, `v + ((255 - v) · 129 >> 8)` — checked against it for every grey in the tests.
 * A rule found in pixels is level or upright and ends on whole pixels; one that is not is
 * painted on a canvas.
 */
export function withoutRules(src: Gray, rules: PixelRule[]): Gray {
  if (rules.length === 0) return src;
  if (!rules.every(onPixelGrid)) return grayOf(withoutRulesOnCanvas(canvasOfGray(src), rules));
  const { width: w, height: h } = src;
  const px = src.px.slice();
  const half = RULE_PAINT_WIDTH / 2;
  for (const r of rules) {
    const level = r.y1 === r.y2;
    // the band: along the rule from end to end, across it half the width either side of its middle
    const [x0, x1, y0, y1] = level ? [Math.min(r.x1, r.x2), Math.max(r.x1, r.x2), r.y1 - half, r.y1 + half] : [r.x1 - half, r.x1 + half, Math.min(r.y1, r.y2), Math.max(r.y1, r.y2)];
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(h, Math.ceil(y1)); y++) {
      const cy = Math.min(y + 1, y1) - Math.max(y, y0);
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(w, Math.ceil(x1)); x++) {
        const q = y * w + x;
        px[q] = cy * (Math.min(x + 1, x1) - Math.max(x, x0)) === 1 ? 255 : halfWhite(px[q]);
      }
    }
  }
  return { width: w, height: h, px };
}

/** A grey blended half way to white, as the canvas's renderer blends a half-covered pixel. */
const halfWhite = (v: number) => v + (((255 - v) * 129) >> 8);

/** Level or upright, its middle on a whole or half pixel and its ends on whole ones: the band covers each pixel whole or half. */
function onPixelGrid(r: PixelRule): boolean {
  const level = r.y1 === r.y2;
  if (!level && r.x1 !== r.x2) return false;
  const [middle, a, b] = level ? [r.y1, r.x1, r.x2] : [r.x1, r.y1, r.y2];
  return Number.isInteger(middle * 2) && Number.isInteger(a) && Number.isInteger(b);
}

/** The rules stroked white on a canvas (any slant). */
export function withoutRulesOnCanvas(src: Canvas, rules: PixelRule[]): Canvas {
  const out = createCanvas(src.width, src.height);
  const ctx = out.getContext('2d');
  ctx.drawImage(src, 0, 0);
  ctx.strokeStyle = 'white';
  ctx.lineWidth = RULE_PAINT_WIDTH;
  for (const r of rules) {
    ctx.beginPath();
    ctx.moveTo(r.x1, r.y1);
    ctx.lineTo(r.x2, r.y2);
    ctx.stroke();
  }
  return out;
}

/** A canvas of the grey image. */
export function canvasOfGray(g: Gray): Canvas {
  const rgba = new Uint8ClampedArray(g.px.length * 4);
  for (let i = 0, q = 0; i < g.px.length; i++, q += 4) {
    rgba[q] = rgba[q + 1] = rgba[q + 2] = g.px[i];
    rgba[q + 3] = 255;
  }
  const out = createCanvas(g.width, g.height);
  out.getContext('2d').putImageData(new ImageData(rgba, g.width, g.height), 0, 0);
  return out;
}

// Shading: a table header set on a grey band (Word's and Excel's header styles) scans as text
// on mid grey, which tesseract's page-wide threshold turns black with its text. The band's grey
// is found as the lightest pixel near each one — wider than any stroke is thick — and divided
// out, so that text on shading reads as text on white. Pages with no such band are left as they are.
// Used where an OCR run made elsewhere left such text unread (src/load/ocrXml.ts). Tried on our own
// page pass too: the shaded header of a Renstra page (Grobogan p.66, 300 dpi) was read where it had
// been lost, but the harness scans of an evaluation (Excel's grey header) lost its family to a
// header read differently, and a Renja page (DKP p.15) gained rows of junk from its shaded title.
const SHADE_RADIUS_PT = 2;
// a local background at most this light is shading; darker than SHADE_DARKEST it is a dark band
// printed with light text, which division cannot make readable
const SHADE_LIGHTEST = 225;
const SHADE_DARKEST = 90;
// shaded area below this share of the page is no band (a stamp, a photo's edge)
const SHADE_MIN_SHARE = 0.002;

/** Sliding-window maximum of `n` values at `step` apart from `start` (van Herk / Gil–Werman: three reads a value). */
function windowMax(src: Uint8Array, dst: Uint8Array, start: number, n: number, step: number, radius: number, fwd: Uint8Array, bwd: Uint8Array): void {
  const size = 2 * radius + 1;
  for (let i = 0; i < n; i++) {
    const v = src[start + i * step];
    fwd[i] = i % size === 0 ? v : Math.max(fwd[i - 1], v);
  }
  for (let i = n - 1; i >= 0; i--) {
    const v = src[start + i * step];
    bwd[i] = i === n - 1 || (i + 1) % size === 0 ? v : Math.max(bwd[i + 1], v);
  }
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - radius);
    const hi = Math.min(n - 1, i + radius);
    dst[start + i * step] = Math.max(bwd[lo], fwd[hi]);
  }
}

/** The lightest grey within `radius` pixels of each pixel (a square window). */
function localBackground(g: Gray, radius: number): Uint8Array {
  const { width: w, height: h, px } = g;
  const across = new Uint8Array(px.length);
  const out = new Uint8Array(px.length);
  const fwd = new Uint8Array(Math.max(w, h));
  const bwd = new Uint8Array(Math.max(w, h));
  for (let y = 0; y < h; y++) windowMax(px, across, y * w, w, 1, radius, fwd, bwd);
  for (let x = 0; x < w; x++) windowMax(across, out, x, h, w, radius, fwd, bwd);
  return out;
}

/** The page with its grey shading divided out (text on a grey band made text on white); the page itself when it has none. */
export function withoutShading(g: Gray, dpi: number): Gray {
  const bg = localBackground(g, Math.round((SHADE_RADIUS_PT * dpi) / 72));
  const shaded = (b: number) => b <= SHADE_LIGHTEST && b >= SHADE_DARKEST;
  let count = 0;
  for (let i = 0; i < bg.length; i++) if (shaded(bg[i])) count++;
  if (count < SHADE_MIN_SHARE * bg.length) return g;
  const px = g.px.slice();
  for (let i = 0; i < bg.length; i++) if (shaded(bg[i])) px[i] = Math.min(255, Math.round((g.px[i] * 255) / bg[i]));
  return { width: g.width, height: g.height, px };
}

// any ink, however faint: a dark pixel joined by faint grey to more ink is part of a glyph's stroke
const FAINT_INK = 200;
// a speck with its faint halo (JPEG, blur) covers at most this many times its dark pixels
const HALO = 6;


/** Pixels already reached: a page-sized mask, or a set for a small local search. */
export interface Marks {
  has(q: number): boolean;
  add(q: number): void;
}

/** A page-sized mask as `Marks`. */
export function maskMarks(mask: Uint8Array): Marks {
  return { has: (q) => mask[q] === 1, add: (q) => { mask[q] = 1; } };
}

/**
 * The 8-connected pixels reachable from `start` through pixels `inside` accepts, each marked in
 * `seen`; null as soon as there are more than `limit` (a search for small blobs gives up early).
 */
export function flood(g: Gray, start: number, inside: (q: number) => boolean, seen: Marks, limit = Infinity): number[] | null {
  const { width: w, height: h } = g;
  const out = [start];
  seen.add(start);
  for (let k = 0; k < out.length; k++) {
    const p = out[k];
    const x = p % w;
    const y = (p - x) / w;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const q = ny * w + nx;
        if (seen.has(q) || !inside(q)) continue;
        seen.add(q);
        out.push(q);
        if (out.length > limit) return null;
      }
    }
  }
  return out;
}

/** A stack of pixel indices that grows as it is filled, kept for a page's searches. */
class GrowingStack {
  items = new Int32Array(1024);
  length = 0;
  push(q: number): void {
    if (this.length === this.items.length) {
      const more = new Int32Array(this.items.length * 2);
      more.set(this.items);
      this.items = more;
    }
    this.items[this.length++] = q;
  }
}

/**
 * The 8-connected blob of pixels darker than `level` at `start` when it holds at most `maxArea`
 * pixels, else null. Unlike `flood` with a limit, a larger blob is followed to its end and all
 * of it marked in `seen`: none of its pixels starts another search (a glyph's every pixel did,
 * each giving up after `maxArea`). What a search finds is the same either way: a piece of a
 * larger blob has the rest of it beside it, so it is never alone.
 */
function smallBlob(g: Gray, start: number, level: number, seen: Uint8Array, maxArea: number, stack: GrowingStack): number[] | null {
  const { width: w, height: h, px } = g;
  stack.length = 0;
  stack.push(start);
  seen[start] = 1;
  for (let k = 0; k < stack.length; k++) {
    const p = stack.items[k];
    const x = p % w;
    const y = (p - x) / w;
    for (let ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
      for (let nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
        const q = ny * w + nx;
        if (seen[q] === 1 || px[q] >= level) continue;
        seen[q] = 1;
        stack.push(q);
      }
    }
  }
  return stack.length > maxArea ? null : Array.from(stack.items.subarray(0, stack.length));
}

/** The box of a blob's pixels: [x0, y0, x1, y1], inclusive. */
export function boxOf(g: Gray, blob: number[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
  for (const p of blob) {
    const x = p % g.width;
    const y = (p - x) / g.width;
    [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  }
  return [x0, y0, x1, y1];
}

/** No dark pixel but the blob's own within `r` pixels of its box: a speck, not a piece of a glyph or a stop beside digits. */
function alone(g: Gray, blob: number[], r: number): boolean {
  const { width: w, height: h, px } = g;
  const [x0, y0, x1, y1] = boxOf(g, blob);
  const own = new Set(blob);
  for (let y = Math.max(0, y0 - r); y <= Math.min(h - 1, y1 + r); y++) {
    for (let x = Math.max(0, x0 - r); x <= Math.min(w - 1, x1 + r); x++) {
      const q = y * w + x;
      if (px[q] < DARK && !own.has(q)) return false;
    }
  }
  return true;
}

/**
 * A copy with the specks painted white: dark blobs of at most `maxArea` pixels with no other dark
 * pixel within `isolation` pixels (a scanner's dust, JPEG grain, a photocopy's toner spots).
 * Tesseract reads specks as full stops and commas, which then split or join figures. A full stop
 * sits beside its digits and a broken stroke beside the rest of its glyph: neither is alone.
 */
export function withoutSpecks(g: Gray, maxArea: number, isolation: number): { gray: Gray; specks: number } {
  const { width: w, height: h, px } = g;
  const seen = new Uint8Array(w * h);
  const faint = (q: number) => px[q] < FAINT_INK;
  const white: number[] = [];
  const stack = new GrowingStack();
  for (let start = 0; start < px.length; start++) {
    // most of a page is paper: its pixels are passed over before any lookup
    if (px[start] >= DARK || seen[start] === 1) continue;
    // the dark blob at `start` when it is a speck's size; then its faint halo, which joins a dark
    // piece of a light stroke to the rest of its glyph
    const blob = smallBlob(g, start, DARK, seen, maxArea, stack);
    if (blob && alone(g, blob, isolation) && flood(g, start, faint, new Set<number>(), HALO * maxArea)) white.push(...blob);
  }
  if (white.length === 0) return { gray: g, specks: 0 };
  const out = g.px.slice();
  for (const p of white) out[p] = 255;
  return { gray: { width: w, height: h, px: out }, specks: white.length };
}

// dark enough to be ink in the black-and-white copy (ImageMagick's `-threshold 60%`)
const MAJORITY_LEVEL = 153;
// text strokes at least this many pixels thick survive a 3 × 3 majority whole
export const MAJORITY_MIN_STROKE = 4;

/**
 * How thick the page's dark strokes are, in pixels: the length of the horizontal dark run that
 * half of all dark pixels lie in runs no longer than (runs up to 15 pixels: strokes, not rules or
 * shading).
 */
export function strokeWidth(g: Gray): number {
  const count = new Array(16).fill(0);
  for (let y = 0; y < g.height; y++) {
    let run = 0;
    for (let x = 0; x <= g.width; x++) {
      if (x < g.width && g.px[y * g.width + x] < DARK) run++;
      else {
        if (run > 0 && run < 16) count[run] += run;
        run = 0;
      }
    }
  }
  const total = count.reduce((a, b) => a + b, 0);
  let seen = 0;
  for (let k = 1; k < 16; k++) if ((seen += count[k]) >= total / 2) return k;
  return 0;
}

/**
 * A copy in black and white, each pixel the majority of the 3 × 3 pixels around it (a median
 * filter on a thresholded page). Scanner grain and JPEG noise leave flecks of a stop's size all
 * over a page; tesseract reads them as stops and commas inside figures (`52.000.000,-` read
 * `52000000.`). A fleck is a pixel or two; a stop at 300 dpi is a 4 × 4 blob or larger and stays.
 */
export function majorityBinarized(g: Gray): Gray {
  const { width: w, height: h, px } = g;
  const dark = new Uint8Array(w * h);
  for (let i = 0; i < px.length; i++) dark[i] = px[i] < MAJORITY_LEVEL ? 1 : 0;
  // 3 × 3 sums: across each row, then down each column
  const rows = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const r = y * w;
    for (let x = 0; x < w; x++) rows[r + x] = dark[r + x] + (x > 0 ? dark[r + x - 1] : 0) + (x < w - 1 ? dark[r + x + 1] : 0);
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const r = y * w;
    for (let x = 0; x < w; x++) {
      const n = rows[r + x] + (y > 0 ? rows[r + x - w] : 0) + (y < h - 1 ? rows[r + x + w] : 0);
      out[r + x] = n >= 5 ? 0 : 255;
    }
  }
  return { width: w, height: h, px: out };
}
