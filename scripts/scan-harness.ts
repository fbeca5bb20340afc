// Scans as offices make them, made with tools other than the project's own renderer: Debian's
// poppler-utils (`pdftoppm`) rasterises, ImageMagick degrades, `img2pdf` wraps the pages into an
// image-only PDF. The scan keeps the pages it was made from (in order), so the gold and the facts
// of those pages still apply: every loss the scanner makes is measured.
//
//   npx tsx scripts/scan-harness.ts <in.pdf> <out.pdf> [--pages 18,35] [--dpi 200] [--skew 1.5]
//       [--grey | --bw] [--speckle 0.02] [--jpeg 60] [--copy darker|lighter] [--cut 20] [--turn 180] [--seed 1]
//       [--top 0.43]   (only the top share of each page: a small sample of a dense page)
//
// Needs `apt-get install poppler-utils imagemagick img2pdf` (not part of the extractor).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ScanSettings {
  /** scan resolution */
  dpi: number;
  /** the page turned by this many degrees (sign from the seed) */
  skew: number;
  /** colour: grey, or black and white (a threshold, as cheap scanners and faxes do) */
  colour: 'grey' | 'bw';
  /** share of pixels hit by impulse noise (dust, paper grain) */
  speckle: number;
  /** JPEG quality of the pages (0: lossless PNG) */
  jpeg: number;
  /** a photocopy: darker (toner heavy, thin strokes fill) or lighter (faded), or none */
  copy: 'darker' | 'lighter' | null;
  /** pixels cut off the left and top edge: a page laid slightly off the glass */
  cut: number;
  /** the page laid on the glass turned by quarter turns (90, 180, 270 degrees clockwise) */
  turn?: number;
  /** only this share of each page from its top (1: the whole page), for small samples of dense pages */
  top?: number;
  seed: number;
}

export const OFFICE_SCAN: ScanSettings = { dpi: 200, skew: 1.5, colour: 'grey', speckle: 0.01, jpeg: 60, copy: null, cut: 0, seed: 1 };

/** The ImageMagick arguments that turn a clean page into this scan. */
function degradeArgs(s: ScanSettings, page: number): string[] {
  const sign = (s.seed + page) % 2 === 0 ? 1 : -1;
  const args = ['-colorspace', 'Gray'];
  if (s.copy === 'darker') args.push('-level', '0%,85%', '-morphology', 'Erode', 'Disk:0.8');
  if (s.copy === 'lighter') args.push('+level', '18%,100%');
  if (s.cut > 0) args.push('-gravity', 'NorthWest', '-chop', `${s.cut}x${s.cut}`);
  if (s.turn) args.push('-rotate', String(s.turn));
  if (s.skew !== 0) args.push('-background', 'white', '-rotate', String(sign * s.skew));
  if (s.speckle > 0) args.push('-seed', String(s.seed * 1000 + page), '-attenuate', String(s.speckle * 10), '+noise', 'Impulse');
  if (s.colour === 'bw') args.push('-threshold', '55%', '-type', 'Bilevel');
  return args;
}

/** The height of page `page` of `input` drawn at `dpi`, in pixels (from poppler's `pdfinfo`). */
function pageHeightPx(input: string, page: number, dpi: number): number {
  const info = execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), input]).toString();
  const m = /Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)/.exec(info);
  return m ? (Number(m[2]) * dpi) / 72 : 0;
}

/** Scan `pages` (1-based; all when empty) of `input` into the image-only PDF `output`. */
export function scanPdf(input: string, output: string, pages: number[], s: ScanSettings = OFFICE_SCAN): void {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  try {
    const images: string[] = [];
    const list = pages.length ? pages : [0];
    for (const p of list) {
      const range = p ? ['-f', String(p), '-l', String(p)] : [];
      const top = s.top && s.top < 1 ? ['-H', String(Math.round(s.top * pageHeightPx(input, p || 1, s.dpi)))] : [];
      execFileSync('pdftoppm', ['-r', String(s.dpi), '-gray', ...range, ...top, '-png', input, join(dir, `p${String(p).padStart(4, '0')}`)]);
    }
    const raw = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
    raw.forEach((f, i) => {
      const ext = s.jpeg > 0 ? 'jpg' : 'png';
      const out = join(dir, `s${String(i).padStart(4, '0')}.${ext}`);
      execFileSync('convert', [join(dir, f), ...degradeArgs(s, i + 1), ...(s.jpeg > 0 ? ['-quality', String(s.jpeg)] : []), out]);
      images.push(out);
    });
    execFileSync('img2pdf', ['--imgsize', `${s.dpi}dpi`, '-o', output, ...images]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(argv: string[]): void {
  const VALUED = new Set(['--pages', '--dpi', '--skew', '--speckle', '--jpeg', '--copy', '--cut', '--seed', '--turn', '--top']);
  const [input, output] = argv.filter((a, i) => !a.startsWith('--') && !VALUED.has(argv[i - 1] ?? ''));
  const opt = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (!input || !output) {
    console.error('usage: scan-harness <in.pdf> <out.pdf> [--pages 1,2] [--dpi 200] [--skew 1.5] [--grey|--bw] [--speckle 0.01] [--jpeg 60] [--copy darker|lighter] [--cut 20] [--turn 90|180|270] [--top 0.43] [--seed 1]');
    process.exit(2);
  }
  const s: ScanSettings = {
    dpi: Number(opt('dpi') ?? OFFICE_SCAN.dpi),
    skew: Number(opt('skew') ?? OFFICE_SCAN.skew),
    colour: argv.includes('--bw') ? 'bw' : 'grey',
    speckle: Number(opt('speckle') ?? OFFICE_SCAN.speckle),
    jpeg: Number(opt('jpeg') ?? OFFICE_SCAN.jpeg),
    copy: (opt('copy') as ScanSettings['copy']) ?? null,
    cut: Number(opt('cut') ?? 0),
    turn: Number(opt('turn') ?? 0),
    top: Number(opt('top') ?? 1),
    seed: Number(opt('seed') ?? 1),
  };
  const pages = (opt('pages') ?? '').split(',').filter(Boolean).map(Number);
  scanPdf(input, output, pages, s);
  console.log(`${output}: ${pages.length || 'all'} page(s) at ${s.dpi} dpi, ${s.colour}, skew ±${s.skew}°, speckle ${s.speckle}, jpeg ${s.jpeg}${s.copy ? `, ${s.copy} copy` : ''}${s.cut ? `, ${s.cut}px cut` : ''}${s.turn ? `, turned ${s.turn}°` : ''}`);
}

if (process.argv[1]?.endsWith('scan-harness.ts')) main(process.argv.slice(2));
