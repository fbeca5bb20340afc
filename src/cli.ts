// Command line: `kinerja-extract <files or folders…> [--out DIR]`. One JSON per input document,
// mirroring the input's path below the folder given; a manifest of every input found; results on
// stdout, failures and notes on stderr. Exit status: 0 every input extracted (or up to date, a
// duplicate, or of a type not read), 1 some input failed, 2 the command could not run (usage,
// an output folder that is a file or cannot be written).

import { Presets, SingleBar } from 'cli-progress';
import { Command, CommanderError } from 'commander';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { FileResult } from './batch/file.js';
import { discoverInputs, UsageError } from './batch/inputs.js';
import { Manifest, plannedLine, resultLine, type ManifestLine } from './batch/manifest.js';
import { planBatch, type PlanItem } from './batch/plan.js';
import { BATCH_DIR, Registry } from './batch/registry.js';
import { runBatch } from './batch/run.js';
import { TEMP_SUFFIX } from './emit/write.js';
import { fingerprint, PACKAGE } from './fingerprint.js';
import { PageRangeError, parsePageRanges } from './pageRanges.js';
import type { ReadChoices } from './pipeline.js';
import { DEFAULT_SETTINGS, loadSettingsFile, OCR_LANGUAGES, SettingsError, type Settings } from './settings.js';
import { longRows, longTableCsv } from './compare/longTable.js';
import type { OutputDocument } from './emit/schema.js';

interface Options {
  out: string;
  quiet?: boolean;
  force?: boolean;
  jobs: string;
  timeout?: string;
  settings?: string;
  pages?: string;
  password?: string;
  ocr?: string;
  ocrLang?: string;
  format?: string;
  name?: string;
  verbose?: boolean;
}

const FORMATS = ['json', 'jsonl', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/** The document on stdout: the JSON output, one JSON line per record, or its figures as CSV rows (the long table). */
function formatted(doc: OutputDocument, format: Format): string {
  if (format === 'json') return `${JSON.stringify(doc, null, 1)}\n`;
  if (format === 'jsonl') return doc.records.map((r) => `${JSON.stringify({ file: doc.source.file, ...r })}\n`).join('');
  return longTableCsv(longRows(doc));
}

/**
 * `kinerja-extract - [--out -]`: one document from stdin (`--name` gives its file name, else its
 * header says PDF or text), extracted in this process, written to stdout as `--format` says.
 * Nothing else goes to stdout; a failed document exits 1.
 */
async function extractStdin(o: Options): Promise<number> {
  const format = (o.format ?? 'json') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${o.format}'`);
  const { settings } = parseOptions(o);
  const read = readChoices(o);
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  // the pipeline is loaded here, not at start: a batch extracts in worker threads and the main
  // thread would load pdf.js, the canvas and tesseract.js for nothing
  const { extract, closeOcr } = await import('./index.js');
  const doc = await extract(new Uint8Array(Buffer.concat(chunks)), { settings, pages: read.pages, password: read.password, ocr: read.ocr, name: o.name });
  await closeOcr();
  process.stdout.write(formatted(doc, format));
  if (doc.status === 'failed') console.error(`FAIL  -: ${doc.error?.message ?? 'failed'}`);
  return doc.status === 'failed' ? 1 : 0;
}

const OCR_MODES = ['auto', 'never', 'always'] as const;

/** `--pages`, `--password`, `--ocr`: what of each PDF is read, and how. */
function readChoices(o: Options): ReadChoices {
  let pages: number[] | undefined;
  try {
    pages = o.pages === undefined ? undefined : parsePageRanges(o.pages);
  } catch (err) {
    throw new UsageError(`--${(err as PageRangeError).message}`);
  }
  const ocr = (o.ocr ?? 'auto') as ReadChoices['ocr'];
  if (!OCR_MODES.includes(ocr!)) throw new UsageError(`--ocr must be one of ${OCR_MODES.join(', ')}, not '${o.ocr}'`);
  return { pages, password: o.password, ocr };
}

/** Temporary files of a run that was killed before its rename: never outputs, so removed. */
async function removeLeftovers(outDir: string): Promise<void> {
  for (const f of await readdir(outDir, { recursive: true })) if (TEMP_SUFFIX.test(f)) await rm(join(outDir, f), { force: true });
}

/** The output folder, made if needed; a usage error when it is a file or cannot be written. */
async function prepareOutDir(outDir: string): Promise<void> {
  const s = await stat(outDir).catch(() => null);
  if (s && !s.isDirectory()) throw new UsageError(`--out ${outDir}: is a file, not a folder`);
  try {
    await mkdir(join(outDir, BATCH_DIR), { recursive: true });
    await writeFile(join(outDir, BATCH_DIR, '.write-test'), '');
    await rm(join(outDir, BATCH_DIR, '.write-test'));
  } catch (err) {
    throw new UsageError(`--out ${outDir}: cannot write there (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

function parseOptions(o: Options): { jobs: number; timeout: number | undefined; settings: Settings } {
  const jobs = Number(o.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number ≥ 1, not '${o.jobs}'`);
  const timeout = o.timeout === undefined ? undefined : Number(o.timeout);
  if (timeout !== undefined && (!Number.isFinite(timeout) || timeout < 0)) throw new UsageError(`--timeout must be a number of seconds ≥ 0, not '${o.timeout}'`);
  let settings = DEFAULT_SETTINGS;
  if (o.settings) {
    try {
      settings = loadSettingsFile(o.settings);
    } catch (err) {
      throw new UsageError((err as SettingsError).message);
    }
  }
  if (o.ocrLang !== undefined) settings = { ...settings, ocr: { ...settings.ocr, languages: ocrLanguages(o.ocrLang) } };
  return { jobs, timeout, settings };
}

/** `--ocr-lang ind+eng`, as tesseract's `-l` spells it: Settings.ocr.languages. */
function ocrLanguages(arg: string): Settings['ocr']['languages'] {
  const langs = arg.split('+').map((l) => l.trim());
  const known = new Set<string>(OCR_LANGUAGES);
  const unknown = langs.filter((l) => !known.has(l));
  if (unknown.length || langs.length === 0) throw new UsageError(`--ocr-lang must be languages joined by +, of ${OCR_LANGUAGES.join(', ')}; not '${arg}'`);
  return [...new Set(langs)] as Settings['ocr']['languages'];
}

const summaryOf = (item: PlanItem, r: FileResult, outDir: string) =>
  `ok    ${item.entry.path}: ${r.kind}, ${r.tables} tables, ${r.records} records (${r.coded} with codes), ${Object.values(r.warnings).reduce((a, b) => a + b, 0)} warnings → ${join(outDir, item.output!)}`;

/** `--verbose`: the file's pages, time and warnings by type, on the line below its summary. */
const detailOf = (r: FileResult) => {
  const types = Object.entries(r.warnings).sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ');
  return `      ${r.pages ? `${r.pages} pages, ` : ''}${r.seconds.toFixed(1)} s${types ? `; warnings: ${types}` : ''}`;
};

/** One line for an input settled before extraction: stdout for results, stderr for what was not read. */
function printPlanned(item: PlanItem, outDir: string, quiet: boolean): void {
  if (item.status === 'failed') console.error(`FAIL  ${item.entry.path}: ${item.reason}`);
  else if (quiet) return;
  else if (item.status === 'skipped') console.log(`skip  ${item.entry.path}: up to date → ${join(outDir, item.output!)}`);
  else if (item.status === 'duplicate') console.log(`dup   ${item.entry.path}: ${item.reason} → ${join(outDir, item.output!)}`);
}

/** `2 files not read: unsupported type .docx 1, unsupported type .jpg 1` */
function unsupportedNote(items: PlanItem[], manifest: string): string | null {
  const by = new Map<string, number>();
  for (const i of items) if (i.status === 'unsupported') by.set(i.reason ?? 'unsupported', (by.get(i.reason ?? 'unsupported') ?? 0) + 1);
  const n = [...by.values()].reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  return `note: ${n} file${n > 1 ? 's' : ''} not read (${[...by].map(([r, k]) => `${r}: ${k}`).join(', ')}); listed in ${manifest}`;
}

function runSummary(lines: ManifestLine[], results: FileResult[], seconds: number, fp: string, threadsReplaced: number) {
  const warnings: Record<string, number> = {};
  for (const r of results) for (const [t, n] of Object.entries(r.warnings)) warnings[t] = (warnings[t] ?? 0) + n;
  const count = (s: string) => lines.filter((l) => l.status === s).length;
  return {
    extractor: { name: PACKAGE.name, version: PACKAGE.version, fingerprint: fp },
    node: process.version,
    found: lines.length,
    extracted: count('ok'), skipped: count('skipped'), duplicates: count('duplicate'), unsupported: count('unsupported'), failed: count('failed'),
    pages: results.reduce((n, r) => n + (r.pages ?? 0), 0),
    seconds: Math.round(seconds * 10) / 10,
    // generations of worker threads replaced by fresh ones (limits.worker_max_files, worker_max_heap_mb)
    threads_replaced: threadsReplaced,
    warnings_by_type: Object.fromEntries(Object.entries(warnings).sort()),
  };
}

async function extract(args: string[], o: Options): Promise<number> {
  if (args.length === 1 && args[0] === '-') return extractStdin(o);
  if (args.includes('-') || o.out === '-') throw new UsageError("'-' reads one document from stdin and writes it to stdout: give it alone, as the only input");
  if (o.format !== undefined && o.format !== 'json') throw new UsageError('--format applies to a document written to stdout (input -); the files of --out are JSON');
  const { jobs, timeout, settings } = parseOptions(o);
  const read = readChoices(o);
  const outDir = o.out;
  await prepareOutDir(outDir);
  const entries = await discoverInputs(args, [outDir]);
  if (entries.length === 0) throw new UsageError('no files found in the paths given');
  await removeLeftovers(outDir);
  const started = performance.now();
  const fp = fingerprint(settings, read);
  const registry = await Registry.load(outDir);
  const items = await planBatch(entries, registry, { outDir, fingerprint: fp, force: !!o.force });
  const manifest = new Manifest(outDir);
  await manifest.start();
  const lines: ManifestLine[] = items.map(plannedLine);
  const todo = items.filter((i) => i.status === 'extract');
  for (const item of items) {
    if (item.status !== 'extract') await manifest.append(plannedLine(item));
    printPlanned(item, outDir, !!o.quiet);
  }
  // claimed before extraction starts: a run killed part-way still holds its names
  for (const item of todo) registry.set(item.output!, { input: item.abs, sha256: item.sha256, fingerprint: fp, status: 'pending', bytes: null });
  await registry.save();

  const bar = process.stderr.isTTY && !o.quiet && !o.verbose && todo.length > 1
    ? new SingleBar({ format: '{bar} {value}/{total} files | {pages} pages | {failed} failed | ETA {eta_formatted}', hideCursor: true, stream: process.stderr }, Presets.shades_classic)
    : null;
  let [failures, pages, replaced] = [0, 0, 0];
  const deferred: string[] = [];
  bar?.start(todo.length, 0, { failed: 0, pages: 0 });
  const index = new Map(todo.map((item, k) => [k, items.indexOf(item)]));
  let results: FileResult[];
  try {
    results = await runBatch(todo.map((i) => ({ input: i.entry.path, output: join(outDir, i.output!) })), {
      settings, read, jobs, timeout,
      onResult: (r, k) => {
        const item = todo[k];
        const line = resultLine(item, r);
        lines[index.get(k)!] = line;
        void manifest.append(line);
        registry.set(item.output!, { input: item.abs, sha256: r.sha256 ?? item.sha256, fingerprint: fp, status: r.ok ? 'ok' : 'failed', bytes: r.bytes });
        if (!r.ok) failures++;
        pages += r.pages ?? 0;
        bar?.increment(1, { failed: failures, pages });
        const fail = `FAIL  ${item.entry.path}: ${r.error?.message ?? 'failed'}`;
        // under a progress bar, failures wait for the bar to finish
        if (!r.ok) (bar ? deferred.push(fail) : console.error(fail));
        else if (!o.quiet && !bar) console.log(o.verbose ? `${summaryOf(item, r, outDir)}\n${detailOf(r)}` : summaryOf(item, r, outDir));
      },
      onRetire: (reason) => {
        replaced++;
        if (o.verbose) console.log(`      worker threads replaced by fresh ones (${reason === 'files' ? `${settings.limits.worker_max_files} files done` : `heap over ${settings.limits.worker_max_heap_mb} MB`})`);
      },
    });
  } finally {
    bar?.stop();
  }
  for (const d of deferred) console.error(d);
  await registry.save();
  await manifest.finish(lines, runSummary(lines, results, (performance.now() - started) / 1000, fp, replaced));
  const note = unsupportedNote(items, manifest.path);
  if (note) console.error(note);
  const count = (s: string) => lines.filter((l) => l.status === s).length;
  const failed = count('failed');
  const inputs = lines.length - count('unsupported');
  const parts = [`${inputs - failed - count('duplicate')} of ${inputs} inputs extracted${count('skipped') ? ` (${count('skipped')} already up to date)` : ''}`];
  if (count('duplicate')) parts.push(`${count('duplicate')} duplicate${count('duplicate') > 1 ? 's' : ''}`);
  if (failed) parts.push(`${failed} failed`);
  if (count('unsupported')) parts.push(`${count('unsupported')} not read`);
  console.log(parts.join(', '));
  return failed ? 1 : 0;
}

/** `debug <file.pdf> --page N --out DIR`: the page with the cells, rows and rules the layout found. */
async function debug(file: string, o: { page: string; out: string; settings?: string }): Promise<number> {
  const page = Number(o.page);
  if (!Number.isInteger(page) || page < 1) throw new UsageError(`--page must be a page number ≥ 1, not '${o.page}'`);
  const { settings } = parseOptions({ out: o.out, jobs: '1', settings: o.settings });
  if (!(await stat(file).catch(() => null))) throw new UsageError(`${file}: no such file`);
  // the page renderer (pdf.js, canvas) is loaded for this command only
  const { debugPage } = await import('./debug.js');
  const r = await debugPage(file, page, o.out, settings).catch((err: Error) => {
    throw new UsageError(err.message);
  });
  console.log(`${r.rows} rows, ${r.cells} cells → ${r.png}, ${r.json}`);
  return 0;
}

/** `report <outputs…> --out DIR`: the static HTML report of extracted documents. */
async function report(paths: string[], o: { out: string }): Promise<number> {
  const { buildReport } = await import('./report/index.js');
  const r = await buildReport(paths, o.out);
  if (r.documents === 0) throw new UsageError('no extracted documents in the paths given');
  console.log(`${r.documents} documents${r.failed ? `, ${r.failed} not read` : ''} → ${r.index}`);
  return 0;
}

/** Run a command's action; usage errors exit 2, other errors 1, each one line on stderr. */
async function guarded(action: () => Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (err) {
    console.error(`error: ${(err as Error).message ?? String(err)}`);
    return err instanceof UsageError ? 2 : 1;
  }
}

export async function main(argv: string[]): Promise<number> {
  let status = 0;
  const program = new Command()
    .name('kinerja-extract')
    .description('Extract code-keyed records from Renja / Renstra / LKjIP documents into JSON')
    .version(PACKAGE.version)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program.command('extract', { isDefault: true })
    .description('extract every input into one JSON document each (the default command)')
    .argument('<inputs...>', 'files or folders (.txt, .md, .pdf); folders are read recursively; - alone: one document from stdin to stdout')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('-q, --quiet', 'print only failures and the final count')
    .option('-f, --force', 'extract again inputs whose output is already up to date')
    .option('-j, --jobs <n>', 'files extracted at once, each in its own worker thread (default: one per core)', String(Math.max(1, cpus().length)))
    .option('-t, --timeout <seconds>', 'a flat time limit per file (0: none); default: 60 s plus 1.5 s per page and 180 s per OCR page')
    .option('--settings <file.json>', 'settings (limits, tolerances) over the defaults; an unknown key is an error')
    .option('--pages <ranges>', 'PDF pages to read, as 1-3,7 (default: all)')
    .option('--password <password>', 'the password of encrypted PDFs')
    .option('--ocr <mode>', 'auto: OCR pages without a usable text layer; never; always: every page', 'auto')
    .option('--ocr-lang <langs>', `the languages OCR reads in, joined by + (${OCR_LANGUAGES.join(', ')}; default ind+eng, of those installed)`)
    .option('--format <format>', 'for input - (stdin → stdout): json (the document), jsonl (one line per record) or csv (its figures, as the comparison\'s long table)')
    .option('--name <file>', 'for input -: the file name of what stdin holds (its extension says the format)')
    .option('-v, --verbose', "each file's pages, time and warnings by type (the progress bar is left out)")
    .version(PACKAGE.version)
    .exitOverride()
    .action(async (inputs: string[], o: Options) => { status = await guarded(() => extract(inputs, o)); });
  program.command('debug')
    .description('draw the cells, rows and ruling lines the layout found on one page of a PDF (PNG and JSON)')
    .argument('<file>', 'a PDF')
    .requiredOption('-p, --page <n>', 'the page to draw (1-based)')
    .option('-o, --out <dir>', 'where to write the PNG and the JSON', 'out/debug')
    .option('--settings <file.json>', 'settings over the defaults')
    .version(PACKAGE.version)
    .exitOverride()
    .action(async (file: string, o: { page: string; out: string; settings?: string }) => { status = await guarded(() => debug(file, o)); });
  program.command('report')
    .description('a static HTML report of extracted documents (index, one page per document, comparison charts), opened from the disk')
    .argument('<outputs...>', 'folders of extracted JSON documents (the --out of extract), or the documents themselves')
    .option('-o, --out <dir>', 'where to write the report', 'report')
    .version(PACKAGE.version)
    .exitOverride()
    .action(async (paths: string[], o: { out: string }) => { status = await guarded(() => report(paths, o)); });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    // help and version exit 0; every other complaint of the parser is a usage error
    return err instanceof CommanderError && (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') ? 0 : 2;
  }
  return status;
}
