// Benchmarks, in four parts (all by default, or the ones named):
//   samples  the whole pipeline (load, layout, tables, rows, codes, validation, output) on the
//            text-layer PDFs (samples/pdf and ../shared/real/ minus its scan), against pdfjs-dist's
//            own getTextContent + getOperatorList of the same files in the same run: CPU and
//            wall, several runs;
//   text     text conversions: MB of input per second on one thread, as first seen (memos
//            dropped before each run), each file new to a process that has read the others,
//            and seen again;
//   ocr      seconds per scanned page, pipeline against tesseract.js's recognize alone, wall
//            and CPU (--ocr-runs N runs of each scan);
//   archive  a synthetic archive (npm run archive) extracted as a batch by the compiled CLI:
//            documents/s, pages/s, peak RSS and RSS as the batch goes, and the pipeline's time
//            against pdfjs-dist's text extraction on the archive's PDFs.
//
//   npm run bench [-- samples text ocr archive] [--count 300] [--ocr-runs 1] [--scans a.pdf,b.pdf] [--settings s.json]
//   (--scans: the ocr part times these scans in place of samples/scans: a longer scan made with
//   scripts/scan-harness.ts shows how pages follow one another; --settings: the archive's batch run
//   with these settings, e.g. a smaller limits.worker_max_files to see threads replaced)

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NO_IMAGES, openPdf } from '../src/load/pdf.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';
import { closeOcr, ocrEngine } from '../src/ocr/engine.js';
import { OCR_DPI, renderPage } from '../src/ocr/page.js';
import { grayOf, ocrBytes } from '../src/ocr/image.js';
import { clearMemos } from '../src/memo.js';
import { extractFile } from '../src/pipeline.js';
import { makeArchive } from './make-archive.js';

const args = process.argv.slice(2);
const countAt = args.indexOf('--count');
const count = countAt >= 0 ? Number(args.splice(countAt, 2)[1]) : 300;
const ocrRunsAt = args.indexOf('--ocr-runs');
// each scan's OCR is slow (10–30 s a page): one run of each unless asked for more
const ocrRuns = ocrRunsAt >= 0 ? Number(args.splice(ocrRunsAt, 2)[1]) : 1;
const scansAt = args.indexOf('--scans');
const scanList = scansAt >= 0 ? args.splice(scansAt, 2)[1].split(',') : null;
const settingsAt = args.indexOf('--settings');
// the archive part's CLI run with these settings (a smaller worker_max_files shows threads replaced)
const archiveSettings = settingsAt >= 0 ? args.splice(settingsAt, 2)[1] : null;
const parts = new Set(args.length ? args : ['samples', 'text', 'ocr', 'archive']);

/** pdfjs-dist's text and operator list of every page: what the pipeline itself asks pdf.js for. */
async function pdfjsTextAndOperators(path: string): Promise<number> {
  const pdf = await openPdf(new Uint8Array(readFileSync(path)), NO_IMAGES).promise;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    await page.getTextContent();
    await page.getOperatorList();
    page.cleanup();
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return pages;
}

/** pdfjs-dist's text alone (the archive part's baseline, as measured before). */
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

interface Cost { wall: number; cpu: number }

/** Wall and CPU seconds (user + system of the whole process) of one call. */
async function cost(f: () => Promise<unknown>): Promise<Cost> {
  const [t0, c0] = [performance.now(), process.cpuUsage()];
  await f();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const spread = (xs: number[], digits = 2) => `${Math.min(...xs).toFixed(digits)} / ${median(xs).toFixed(digits)} / ${Math.max(...xs).toFixed(digits)}`;
const RUNS = 3;

/**
 * Text-layer PDFs (the sample PDFs and ../shared/real/ minus its scanner PDF) read one after
 * another on one thread, RUNS times: the pipeline (OCR off: the Bogor Renja's two scanned pages
 * would otherwise be OCR's time, which the ocr part measures) against pdfjs-dist's text + operator
 * list of the same files in the same run. Per run the two totals; then min / median / max.
 */
async function samplesPart(): Promise<void> {
  const files = [...pdfsIn('samples/pdf'), ...pdfsIn('../shared/real').filter((f) => !/scan/.test(f))];
  // one warm-up pass so that module loading and JIT do not count against the first file
  await pdfjsTextAndOperators(files[0]);
  await extractFile(files[0], undefined, { ocr: 'never' });

  const perFile = new Map<string, { pages: number; raw: Cost[]; full: Cost[] }>();
  const runs: { raw: Cost; full: Cost }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const total = { raw: { wall: 0, cpu: 0 }, full: { wall: 0, cpu: 0 } };
    for (const f of files) {
      let pages = 0;
      const raw = await cost(async () => { pages = await pdfjsTextAndOperators(f); });
      const full = await cost(() => extractFile(f, undefined, { ocr: 'never' }));
      const e = perFile.get(f) ?? { pages, raw: [], full: [] };
      e.raw.push(raw); e.full.push(full); perFile.set(f, e);
      for (const k of ['wall', 'cpu'] as const) { total.raw[k] += raw[k]; total.full[k] += full[k]; }
    }
    runs.push(total);
  }
  const rows: string[][] = [['file', 'pages', 'pdfjs text+ops CPU s', 'pipeline CPU s', 'pipeline/pdfjs CPU', 'pipeline/pdfjs wall']];
  for (const [f, e] of perFile) {
    const [rawCpu, fullCpu] = [median(e.raw.map((c) => c.cpu)), median(e.full.map((c) => c.cpu))];
    rows.push([f.split('/').pop()!, String(e.pages), rawCpu.toFixed(2), fullCpu.toFixed(2), `${(fullCpu / rawCpu).toFixed(2)}×`, `${(median(e.full.map((c) => c.wall)) / median(e.raw.map((c) => c.wall))).toFixed(2)}×`]);
  }
  printTable(rows);
  const pages = [...perFile.values()].reduce((n, e) => n + e.pages, 0);
  console.log(`\nall ${files.length} files, ${pages} pages, ${RUNS} runs (min / median / max):`);
  console.log(`  pdfjs text + operator list: wall ${spread(runs.map((r) => r.raw.wall))} s, CPU ${spread(runs.map((r) => r.raw.cpu))} s`);
  console.log(`  pipeline:                   wall ${spread(runs.map((r) => r.full.wall))} s, CPU ${spread(runs.map((r) => r.full.cpu))} s`);
  console.log(`  pipeline / pdfjs:           wall ${spread(runs.map((r) => r.full.wall / r.raw.wall))}×, CPU ${spread(runs.map((r) => r.full.cpu / r.raw.cpu))}×`);
  console.log(`\nNode ${process.version}, one process, files read one after another; per-file columns are medians.`);
}

function pdfsIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(dir, f));
}

// text conversions take a second a run: more runs, so that the median is not one noisy run
const TEXT_RUNS = 7;

/** Text conversions (the seeds and the sample excerpts) on one thread: MB of input per second, TEXT_RUNS times. */
async function textPart(): Promise<void> {
  const files = [
    ...readdirSync('../shared/seeds').filter((f) => f.endsWith('.txt')).map((f) => join('../shared/seeds', f)),
    ...readdirSync('samples').filter((f) => f.endsWith('.txt')).map((f) => join('samples', f)),
  ].sort();
  const bytes = files.map((f) => readFileSync(f));
  const size = bytes.reduce((n, b) => n + b.length, 0);
  await extractFile(files[0], bytes[0]); // warm-up: nomenclature, lexicon, JIT
  // each run twice: with the memos dropped first (the files as first seen: what a batch of new
  // documents gets) and again with what the first pass remembered (the same files seen again)
  const rates = { first: [] as number[], again: [] as number[] };
  const cpus = { first: [] as number[], again: [] as number[] };
  const all = async () => { for (let i = 0; i < files.length; i++) await extractFile(files[i], bytes[i]); };
  for (let run = 0; run < TEXT_RUNS; run++) {
    clearMemos();
    for (const pass of ['first', 'again'] as const) {
      const c = await cost(all);
      rates[pass].push(size / 2 ** 20 / c.wall);
      cpus[pass].push(size / 2 ** 20 / c.cpu);
    }
  }
  // a batch of new documents: each file read with memos dropped and then filled by the other
  // files (what a long batch remembers of other documents: the nomenclature's words, common cells)
  const batch = { wall: [] as number[], cpu: [] as number[] };
  for (let run = 0; run < TEXT_RUNS; run++) {
    let [wall, cpu] = [0, 0];
    for (let i = 0; i < files.length; i++) {
      clearMemos();
      for (let k = 0; k < files.length; k++) if (k !== i) await extractFile(files[k], bytes[k]);
      const c = await cost(() => extractFile(files[i], bytes[i]));
      [wall, cpu] = [wall + c.wall, cpu + c.cpu];
    }
    batch.wall.push(size / 2 ** 20 / wall);
    batch.cpu.push(size / 2 ** 20 / cpu);
  }
  console.log(`\nText conversions: ${files.length} files, ${(size / 2 ** 20).toFixed(2)} MB, ${TEXT_RUNS} runs, one thread (min / median / max):`);
  console.log(`  first seen (memos dropped):    ${spread(rates.first)} MB/s of wall time; ${spread(cpus.first)} MB per CPU second`);
  console.log(`  new, after the other files:    ${spread(batch.wall)} MB/s of wall time; ${spread(batch.cpu)} MB per CPU second`);
  console.log(`  seen again (memos kept):       ${spread(rates.again)} MB/s of wall time; ${spread(cpus.again)} MB per CPU second`);
  await longDocument(files, bytes);
}

// how many times the largest file is repeated into one long document
const LONG_REPEATS = [1, 4, 16];

/**
 * One long document: the largest file repeated (its tables, codes and names over and over, as a
 * province's compiled plan repeats its agencies' tables), first seen, at 1, 4 and 16 times its
 * length. Time that grows faster than the input is a check that pairs tables or lines with each other.
 */
async function longDocument(files: string[], bytes: Buffer[]): Promise<void> {
  const k = bytes.reduce((best, b, i) => (b.length > bytes[best].length ? i : best), 0);
  const text = bytes[k].toString('utf8');
  const rates: string[] = [];
  for (const n of LONG_REPEATS) {
    const doc = Buffer.from(Array.from({ length: n }, () => text).join('\n'));
    const walls: number[] = [];
    for (let run = 0; run < 3; run++) {
      clearMemos();
      walls.push((await cost(() => extractFile(files[k], doc))).wall);
    }
    rates.push(`×${n} (${(doc.length / 2 ** 20).toFixed(2)} MB) ${(doc.length / 2 ** 20 / median(walls)).toFixed(2)}`);
  }
  console.log(`  one long document, ${files[k].split('/').pop()} repeated, first seen, median of 3: ${rates.join(', ')} MB/s of wall time`);
}

// Scanned pages: seconds per OCR page for the whole pipeline, and for tesseract.js's recognize
// alone on the same pages rendered at the same resolution, in the same run. Alone, a page is
// handed over as the canvas's PNG of the render (what a caller of tesseract.js would hand it);
// the pipeline hands tesseract grey PNGs, which it reads faster, so recognize alone on the
// render's grey PNG is reported too.
const scans = 'samples/scans';

async function renderedPages(path: string): Promise<{ png: Buffer; grey: Buffer }[]> {
  const pdf = await openPdf(new Uint8Array(readFileSync(path)), DEFAULT_SETTINGS.limits.max_image_pixels).promise;
  const out: { png: Buffer; grey: Buffer }[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const canvas = await renderPage(await pdf.getPage(n), OCR_DPI);
    out.push({ png: canvas.toBuffer('image/png'), grey: ocrBytes(grayOf(canvas)) });
  }
  await pdf.destroy();
  return out;
}

async function ocrPart(): Promise<void> {
  const scanFiles = scanList ?? readdirSync(scans).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(scans, f));
  const engine = ocrEngine();
  await engine.recognize((await renderedPages(scanFiles[0]))[0].png); // start the workers outside the timings
  const ocrRows: string[][] = [['scan', 'pages', 'recognize s/page', 'pipeline s/page', 'pipeline/recognize wall', 'recognize CPU s/page', 'pipeline CPU s/page', 'pipeline/recognize CPU', 'grey: wall', 'grey: CPU']];
  const ratios: { wall: number[]; cpu: number[]; greyWall: number[]; greyCpu: number[] } = { wall: [], cpu: [], greyWall: [], greyCpu: [] };
  for (const f of scanFiles) {
    const images = await renderedPages(f);
    const alone: Cost[] = [];
    const aloneGrey: Cost[] = [];
    const full: Cost[] = [];
    for (let run = 0; run < ocrRuns; run++) {
      // all pages queued at once, as the pipeline queues them: both use every worker (CPU: the
      // whole process, the workers' threads included)
      alone.push(await cost(() => Promise.all(images.map((img) => engine.recognize(img.png)))));
      aloneGrey.push(await cost(() => Promise.all(images.map((img) => engine.recognize(img.grey)))));
      full.push(await cost(() => extractFile(f)));
    }
    const per = (cs: Cost[], k: keyof Cost) => median(cs.map((c) => c[k])) / images.length;
    const ratio = (base: Cost[], k: keyof Cost) => base.map((a, i) => full[i][k] / a[k]);
    const [wall, cpu, greyWall, greyCpu] = [ratio(alone, 'wall'), ratio(alone, 'cpu'), ratio(aloneGrey, 'wall'), ratio(aloneGrey, 'cpu')];
    ratios.wall.push(...wall);
    ratios.cpu.push(...cpu);
    ratios.greyWall.push(...greyWall);
    ratios.greyCpu.push(...greyCpu);
    ocrRows.push([f.split('/').pop()!, String(images.length), per(alone, 'wall').toFixed(2), per(full, 'wall').toFixed(2), `${spread(wall)}×`, per(alone, 'cpu').toFixed(2), per(full, 'cpu').toFixed(2), `${spread(cpu)}×`, `${spread(greyWall)}×`, `${spread(greyCpu)}×`]);
  }
  await closeOcr();
  console.log(`\nOCR (${engine.workers} tesseract.js workers, ${engine.languages}, ${OCR_DPI} dpi; ${ocrRuns} run${ocrRuns > 1 ? 's' : ''} of each, ratios min / median / max, times medians; grey: pipeline against recognize alone on the render's grey PNG):`);
  printTable(ocrRows);
  console.log(`\nall scans: pipeline/recognize wall ${spread(ratios.wall)}×, CPU ${spread(ratios.cpu)}×; against the grey PNG wall ${spread(ratios.greyWall)}×, CPU ${spread(ratios.greyCpu)}×`);
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/**
 * The synthetic archive as one batch, as a user runs it: the compiled CLI in its own process
 * (`--jobs` = cores), so that the figures hold what extracting costs and nothing of this
 * script's own (it made the archive). RSS of that process (worker threads included) is read
 * from /proc every 100 ms and reported at each tenth of the files done: a flat line means
 * memory does not grow with the archive.
 */
async function archivePart(): Promise<void> {
  const dir = 'out/bench-archive';
  const [files, made] = await time(() => makeArchive({ count, out: join(dir, 'in') }));
  console.log(`\nArchive: ${files.length} documents made in ${made.toFixed(1)} s (${files.filter((f) => f.endsWith('.pdf')).length} PDF, the rest text and markdown)`);
  const out = join(dir, 'out');
  rmSync(out, { recursive: true, force: true });
  const jobs = cpus().length;
  const t0 = performance.now();
  const cli = ['bin/kinerja-extract.mjs', join(dir, 'in'), '--out', out, '--jobs', String(jobs), '--quiet', '--timeout', '0', ...(archiveSettings ? ['--settings', archiveSettings] : [])];
  const child = spawn(process.execPath, cli, { stdio: 'ignore' });
  let peak = 0;
  const profile: string[] = [];
  let nextTenth = 1;
  const sampler = setInterval(() => {
    const rss = rssOf(child.pid!);
    peak = Math.max(peak, rss);
    const done = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.json')).length : 0;
    while (done >= (nextTenth * files.length) / 10) { profile.push(`${done}: ${mb(rss)}`); nextTenth++; }
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  const wall = (performance.now() - t0) / 1000;
  const results = readFileSync(join(out, '_batch', 'manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { input: string; status: string; pages: number | null; seconds: number | null });
  const done = results.filter((r) => r.status === 'ok' || r.status === 'failed');
  const pdfs = done.filter((r) => r.input.endsWith('.pdf') && r.status === 'ok');
  const pages = pdfs.reduce((n, r) => n + (r.pages ?? 0), 0);
  console.log(`batch: the CLI with ${jobs} worker threads, exit ${code}, ${wall.toFixed(1)} s; ${done.length} extracted (${done.filter((r) => r.status === 'failed').length} failed), ${results.length - done.length} not (duplicates)`);
  const replaced = (JSON.parse(readFileSync(join(out, '_batch', 'run.json'), 'utf8')) as { threads_replaced: number }).threads_replaced;
  console.log(`  ${(done.length / wall).toFixed(2)} documents/s; ${pages} PDF pages, ${(pages / wall).toFixed(1)} PDF pages/s of wall time; worker threads replaced ${replaced} times${archiveSettings ? ` (settings ${archiveSettings})` : ''}`);
  console.log(`  peak RSS ${mb(peak)} (process with its threads, sampled every 100 ms); RSS after n files: ${profile.join(', ')}`);
  await pipelineVsPdfjs(pdfs.map((r) => ({ input: r.input, seconds: r.seconds ?? 0 })));
}

/** Resident memory of a process (Linux /proc), bytes; 0 once it is gone. */
function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** pdfjs-dist's text extraction of the archive's PDFs one after another, against the time the batch's threads spent on each. */
async function pipelineVsPdfjs(pdfs: { input: string; seconds: number }[]): Promise<void> {
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
if (parts.has('text')) await textPart();
if (parts.has('ocr')) await ocrPart();
if (parts.has('archive')) await archivePart();
