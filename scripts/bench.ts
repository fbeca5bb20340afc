// Benchmarks, in three parts (all by default, or the ones named):
//   samples  pages per second of the whole pipeline (load, layout, tables, rows, codes,
//            validation, output) on the sample PDFs, against pdfjs-dist's own text extraction
//            (getTextContent on every page) of the same files in the same run;
//   ocr      seconds per scanned page, pipeline against tesseract.js's recognize alone;
//   archive  a synthetic archive (npm run archive) extracted as a batch, in worker threads:
//            documents/s, pages/s, peak RSS and RSS as the batch goes, and the pipeline's time
//            against pdfjs-dist's text extraction on the archive's PDFs.
//
//   npm run bench [-- samples ocr archive] [--count 300]

import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NO_IMAGES, openPdf } from '../src/load/pdf.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';
import { closeOcr, ocrEngine } from '../src/ocr/engine.js';
import { OCR_DPI, renderPage } from '../src/ocr/page.js';
import { extractFile } from '../src/pipeline.js';
import { runBatch } from '../src/batch/run.js';
import type { FileResult } from '../src/batch/file.js';
import { makeArchive } from './make-archive.js';

const args = process.argv.slice(2);
const countAt = args.indexOf('--count');
const count = countAt >= 0 ? Number(args.splice(countAt, 2)[1]) : 300;
const parts = new Set(args.length ? args : ['samples', 'ocr', 'archive']);

async function pdfjsTextOnly(path: string): Promise<number> {
  const pdf = await openPdf(new Uint8Array(readFileSync(path)), NO_IMAGES).promise;
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

async function samplesPart(): Promise<void> {
  const dir = 'samples/pdf';
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
  printTable(rows);
  console.log(`\nNode ${process.version}, one process, files read one after another.`);
}

// Scanned pages: seconds per OCR page for the whole pipeline, and for tesseract.js's recognize
// alone on the same pages rendered at the same resolution, in the same run.
const scans = 'samples/scans';

async function renderedPages(path: string): Promise<Buffer[]> {
  const pdf = await openPdf(new Uint8Array(readFileSync(path)), DEFAULT_SETTINGS.limits.max_image_pixels).promise;
  const out: Buffer[] = [];
  for (let n = 1; n <= pdf.numPages; n++) out.push((await renderPage(await pdf.getPage(n), OCR_DPI)).toBuffer('image/png'));
  await pdf.destroy();
  return out;
}

async function ocrPart(): Promise<void> {
  const scanFiles = readdirSync(scans).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(scans, f));
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
  console.log(`\nOCR (${engine.workers} tesseract.js workers, ${engine.languages}, ${OCR_DPI} dpi):`);
  printTable(ocrRows);
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/**
 * The synthetic archive as one batch, as `extract` runs it (worker threads, one per core).
 * RSS (the whole process, worker threads included) is sampled every 100 ms and reported at
 * each tenth of the files done: a flat line means memory does not grow with the archive.
 */
async function archivePart(): Promise<void> {
  const dir = 'out/bench-archive';
  const [files, made] = await time(() => makeArchive({ count, out: join(dir, 'in') }));
  console.log(`\nArchive: ${files.length} documents made in ${made.toFixed(1)} s (${files.filter((f) => f.endsWith('.pdf')).length} PDF, the rest text and markdown)`);
  rmSync(join(dir, 'out'), { recursive: true, force: true });
  let [done, peak] = [0, process.memoryUsage.rss()];
  const profile: string[] = [];
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 100);
  const jobs = cpus().length;
  const tasks = files.map((input, i) => ({ input, output: join(dir, 'out', `${i}.json`) }));
  const [results, wall] = await time(() => runBatch(tasks, {
    settings: DEFAULT_SETTINGS, jobs, timeout: 0,
    onResult: () => {
      done++;
      if (done % Math.ceil(files.length / 10) === 0 || done === files.length) profile.push(`${done}: ${mb(process.memoryUsage.rss())}`);
    },
  }));
  clearInterval(sampler);
  const failed = results.filter((r) => !r.ok).length;
  const pdfs = results.map((r, i) => ({ ...r, input: files[i] })).filter((r) => r.input.endsWith('.pdf'));
  const pages = pdfs.reduce((n, r) => n + (r.pages ?? 0), 0);
  console.log(`batch: ${jobs} worker threads, ${wall.toFixed(1)} s, ${failed} failed`);
  console.log(`  ${(files.length / wall).toFixed(2)} documents/s; ${pages} PDF pages, ${(pages / wall).toFixed(1)} PDF pages/s of wall time`);
  console.log(`  peak RSS ${mb(peak)}; RSS after n files: ${profile.join(', ')}`);
  await pipelineVsPdfjs(pdfs);
}

/** pdfjs-dist's text extraction of the archive's PDFs one after another, against the time the batch's threads spent on each. */
async function pipelineVsPdfjs(pdfs: (FileResult & { input: string })[]): Promise<void> {
  const [pages, raw] = await time(async () => {
    let n = 0;
    for (const r of pdfs) n += await pdfjsTextOnly(r.input);
    return n;
  });
  const threadSeconds = pdfs.reduce((s, r) => s + r.seconds, 0);
  console.log(`  PDFs: pdfjs-dist text alone ${raw.toFixed(1)} s (${(pages / raw).toFixed(1)} pages/s, one at a time); pipeline ${threadSeconds.toFixed(1)} thread-seconds on the same files: ${(threadSeconds / raw).toFixed(2)}×`);
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  for (const r of rows) console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
}

if (parts.has('samples')) await samplesPart();
if (parts.has('ocr')) await ocrPart();
if (parts.has('archive')) await archivePart();
