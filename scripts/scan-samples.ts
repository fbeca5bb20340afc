// Scanned versions of a few table pages of the sample PDFs, as a scanner would give them:
// each page rasterized at 200 dpi, turned by a small angle, speckled with noise, saved as
// JPEG, and put into an image-only PDF (no text layer at all).
//
//   npm run samples:scan -- <pdf>:<page>,<page>… [--out samples/scans]

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { openPdf } from '../src/load/pdf.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';
import { rotated } from '../src/ocr/image.js';
import { renderPage } from '../src/ocr/page.js';

const DPI = 200;

/** A deterministic pseudo-random sequence, so that the samples are the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function scan(pdfPath: string, pages: number[], outPath: string, seed: number): Promise<void> {
  const src = await openPdf(new Uint8Array(readFileSync(pdfPath)), DEFAULT_SETTINGS.limits.max_image_pixels).promise;
  const out = new PDFDocument({ autoFirstPage: false, info: { Title: `scan of ${basename(pdfPath)} pages ${pages.join(', ')}` } });
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  const rnd = random(seed);
  for (const n of pages) {
    const page = await src.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const canvas = await renderPage(page, DPI);
    const context = canvas.getContext('2d');
    // speckles: a scanner's dust and paper grain
    for (let k = 0; k < (canvas.width * canvas.height) / 2000; k++) {
      context.fillStyle = `rgba(0,0,0,${0.2 + 0.5 * rnd()})`;
      context.fillRect(Math.floor(rnd() * canvas.width), Math.floor(rnd() * canvas.height), 1 + Math.floor(rnd() * 2), 1 + Math.floor(rnd() * 2));
    }
    const angle = (rnd() < 0.5 ? -1 : 1) * (0.6 + rnd() * 0.9);
    const scanned = rotated(canvas, angle);
    out.addPage({ size: [base.width, base.height], margin: 0 });
    out.image(scanned.toBuffer('image/jpeg', 75), 0, 0, { width: base.width, height: base.height });
    console.log(`  page ${n}: turned ${angle.toFixed(2)}°`);
  }
  out.end();
  await done;
  writeFileSync(outPath, Buffer.concat(chunks));
  await src.destroy();
}

async function main() {
  const args = process.argv.slice(2);
  const o = args.indexOf('--out');
  const outDir = o >= 0 ? args.splice(o, 2)[1] : 'samples/scans';
  mkdirSync(outDir, { recursive: true });
  for (const [i, spec] of args.entries()) {
    const [pdf, list] = spec.split(':');
    const pages = list.split(',').map(Number);
    const out = join(outDir, `${basename(pdf, '.pdf').slice(0, 3)}-scan-p${pages.join('-')}.pdf`);
    console.log(`${pdf} pages ${pages.join(', ')} → ${out}`);
    await scan(pdf, pages, out, 1000 + i);
  }
}

await main();
