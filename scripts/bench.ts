// Throughput on the sample PDFs: pages per second of the whole pipeline (load, layout, tables,
// rows, codes, validation, output) against pdfjs-dist's own text extraction alone
// (getTextContent on every page), on the same files in the same run.
//
//   npm run bench [-- <folder of PDFs>]   (default samples/pdf)

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openPdf } from '../src/load/pdf.js';
import { closeOcr, ocrEngine } from '../src/ocr/engine.js';
import { OCR_DPI, renderPage } from '../src/ocr/page.js';
import { extractFile } from '../src/pipeline.js';

async function pdfjsTextOnly(path: string): Promise<number> {
  const pdf = await openPdf(new Uint8Array(readFileSync(path))).promise;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    await page.getTextContent();
    page.cleanup();
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return pages;
}

async function time<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, (performance.now() - t0) / 1000];
}

const dir = process.argv[2] ?? 'samples/pdf';
const files = readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(dir, f));
// one warm-up pass so that module loading and JIT do not count against the first file
await pdfjsTextOnly(files[0]);
await extractFile(files[0]);

const rows: string[][] = [['file', 'pages', 'pdfjs text s', 'pdfjs pages/s', 'pipeline s', 'pipeline pages/s', 'pipeline/pdfjs time']];
let [pagesAll, rawAll, fullAll] = [0, 0, 0];
for (const f of files) {
  const [pages, raw] = await time(() => pdfjsTextOnly(f));
  const [, full] = await time(() => extractFile(f));
  pagesAll += pages; rawAll += raw; fullAll += full;
  rows.push([f.split('/').pop()!, String(pages), raw.toFixed(2), (pages / raw).toFixed(1), full.toFixed(2), (pages / full).toFixed(1), `${(full / raw).toFixed(2)}×`]);
}
rows.push(['all', String(pagesAll), rawAll.toFixed(2), (pagesAll / rawAll).toFixed(1), fullAll.toFixed(2), (pagesAll / fullAll).toFixed(1), `${(fullAll / rawAll).toFixed(2)}×`]);
const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
for (const r of rows) console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
console.log(`\nNode ${process.version}, one process, files read one after another.`);

// Scanned pages: seconds per OCR page for the whole pipeline, and for tesseract.js's recognize
// alone on the same pages rendered at the same resolution, in the same run.
const scans = 'samples/scans';
const scanFiles = readdirSync(scans).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(scans, f));

async function renderedPages(path: string): Promise<Buffer[]> {
  const pdf = await openPdf(new Uint8Array(readFileSync(path))).promise;
  const out: Buffer[] = [];
  for (let n = 1; n <= pdf.numPages; n++) out.push((await renderPage(await pdf.getPage(n), OCR_DPI)).toBuffer('image/png'));
  await pdf.destroy();
  return out;
}

const engine = ocrEngine();
await engine.recognize((await renderedPages(scanFiles[0]))[0]); // start the workers outside the timings
const ocrRows: string[][] = [['scan', 'pages', 'recognize s/page', 'pipeline s/page', 'pipeline/recognize']];
for (const f of scanFiles) {
  const images = await renderedPages(f);
  // all pages queued at once, as the pipeline queues them: both use every worker
  const [, alone] = await time(() => Promise.all(images.map((img) => engine.recognize(img))));
  const [, full] = await time(() => extractFile(f));
  ocrRows.push([f.split('/').pop()!, String(images.length), (alone / images.length).toFixed(2), (full / images.length).toFixed(2), `${(full / alone).toFixed(2)}×`]);
}
await closeOcr();
const ow = ocrRows[0].map((_, j) => Math.max(...ocrRows.map((r) => r[j].length)));
console.log(`\nOCR (${engine.workers} tesseract.js workers, ${engine.languages}, ${OCR_DPI} dpi):`);
for (const r of ocrRows) console.log(r.map((c, j) => (j === 0 ? c.padEnd(ow[j]) : c.padStart(ow[j]))).join('  '));
