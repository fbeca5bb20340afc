// Command line: `kinerja-extract <files or folders…> [--out DIR]`. One JSON per input, a
// one-line summary per file, exit 1 when any input failed (the others are still written).

import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import PQueue from 'p-queue';
import { cpus } from 'node:os';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { InputError } from './load/text.js';
import { closeOcr } from './ocr/engine.js';
import { EXTRACTOR, extractFile, failedOutput, INPUT_EXTENSIONS } from './pipeline.js';
import { OutputDocument } from './emit/schema.js';
import { TEMP_SUFFIX, writeAtomic } from './emit/write.js';


/** Files named on the command line, and every input file under named folders. */
export async function expandInputs(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p);
    if (s.isDirectory()) {
      const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      const inner = entries.filter((e) => e.isDirectory() || INPUT_EXTENSIONS.has(extname(e.name).toLowerCase())).map((e) => join(p, e.name));
      out.push(...(await expandInputs(inner)));
    } else out.push(p);
  }
  return out;
}

export function stemOf(path: string): string {
  const b = basename(path);
  const ext = extname(b);
  return ext ? b.slice(0, -ext.length) : b;
}

export interface FileResult {
  input: string;
  output: string;
  ok: boolean;
  /** the output was already complete for this input and extractor version */
  skipped: boolean;
  summary: string;
  warnings: Record<string, number>;
  error?: { code: string; message: string };
}

function countTypes(doc: OutputDocument): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const w of doc.warnings) counts[w.type] = (counts[w.type] ?? 0) + 1;
  return counts;
}

/** An existing output of the same input bytes by the same extractor version, complete and ok. */
async function upToDate(output: string, sha: string | null): Promise<OutputDocument | null> {
  if (!sha) return null;
  try {
    const doc = OutputDocument.parse(JSON.parse(await readFile(output, 'utf8')));
    return doc.status !== 'failed' && doc.source.sha256 === sha && doc.extractor?.version === EXTRACTOR.version ? doc : null;
  } catch {
    return null; // missing, partial or from another version: extract again
  }
}

export async function extractOne(input: string, outDir: string, force = false): Promise<FileResult> {
  const output = join(outDir, `${stemOf(input)}.json`);
  let sha: string | null = null;
  try {
    sha = createHash('sha256').update(await readFile(input)).digest('hex');
  } catch { /* unreadable: no checksum, and the extraction below says why */ }
  const done = force ? null : await upToDate(output, sha);
  if (done) return { input, output, ok: true, skipped: true, summary: `skip  ${basename(input)}: up to date → ${output}`, warnings: countTypes(done) };
  let doc: OutputDocument;
  let ok = true;
  try {
    doc = await extractFile(input);
  } catch (err) {
    ok = false;
    const code = err instanceof InputError ? err.code : 'internal';
    const message = err instanceof Error ? err.message : String(err);
    doc = failedOutput(basename(input), { code, message }, sha);
  }
  await writeAtomic(output, `${JSON.stringify(doc, null, 1)}\n`);
  const summary = ok
    ? `ok    ${basename(input)}: ${doc.document.kind}, ${doc.tables.length} tables, ${doc.records.length} records (${doc.records.filter((r) => r.code).length} with codes), ${doc.warnings.length} warnings → ${output}`
    : `FAIL  ${basename(input)}: ${doc.error?.message}`;
  return { input, output, ok, skipped: false, summary, warnings: countTypes(doc), error: doc.error };
}

/** Temporary files of a run that was killed before its rename: never outputs, so removed. */
async function removeLeftovers(outDir: string): Promise<void> {
  for (const f of await readdir(outDir)) if (TEMP_SUFFIX.test(f)) await rm(join(outDir, f), { force: true });
}

/** `_run.json` (counts, time, warnings by type, versions) and `_errors.json` (every failed input and why). */
async function writeRunFiles(outDir: string, results: FileResult[], seconds: number): Promise<void> {
  const warnings: Record<string, number> = {};
  for (const r of results) for (const [t, n] of Object.entries(r.warnings)) warnings[t] = (warnings[t] ?? 0) + n;
  const run = {
    extractor: EXTRACTOR,
    node: process.version,
    inputs: results.length,
    extracted: results.filter((r) => r.ok && !r.skipped).length,
    skipped: results.filter((r) => r.skipped).length,
    failed: results.filter((r) => !r.ok).length,
    seconds: Math.round(seconds * 10) / 10,
    warnings_by_type: Object.fromEntries(Object.entries(warnings).sort()),
  };
  await writeAtomic(join(outDir, '_run.json'), `${JSON.stringify(run, null, 1)}\n`);
  const errors = results.filter((r) => !r.ok).map((r) => ({ input: r.input, output: r.output, ...r.error }));
  await writeAtomic(join(outDir, '_errors.json'), `${JSON.stringify(errors, null, 1)}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('kinerja-extract')
    .description('Extract code-keyed records from Renja / Renstra / LKjIP documents into JSON')
    .version(EXTRACTOR.version)
    .argument('<inputs...>', 'files or folders (.txt, .md, .pdf)')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('-q, --quiet', 'print only failures and the final count')
    .option('-f, --force', 'extract again inputs whose output is already up to date')
    .option('-j, --jobs <n>', 'files extracted at once (OCR and file reading overlap; default: one per core)', String(Math.max(1, cpus().length)))
    .exitOverride();
  try {
    program.parse(argv);
  } catch (err) {
    return (err as { exitCode?: number }).exitCode ?? 2;
  }
  const opts = program.opts<{ out: string; quiet?: boolean; force?: boolean; jobs: string }>();
  const jobs = Number(opts.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) {
    console.error(`error: --jobs must be a whole number ≥ 1, not '${opts.jobs}'`);
    return 2;
  }
  let inputs: string[];
  try {
    inputs = await expandInputs(program.args);
  } catch (err) {
    console.error(`error: ${(err as Error).message}`);
    return 2;
  }
  if (inputs.length === 0) {
    console.error('error: no input files (.txt, .md, .pdf) found');
    return 2;
  }
  await mkdir(opts.out, { recursive: true });
  await removeLeftovers(opts.out);
  const started = performance.now();
  const results: FileResult[] = new Array(inputs.length);
  const queue = new PQueue({ concurrency: jobs });
  const bar = process.stdout.isTTY && !opts.quiet ? new SingleBar({ format: '{bar} {value}/{total} files | {failed} failed | ETA {eta_formatted}', hideCursor: true }, Presets.shades_classic) : null;
  let failures = 0;
  bar?.start(inputs.length, 0, { failed: 0 });
  try {
    await queue.addAll(inputs.map((input, i) => async () => {
      const r = await extractOne(input, opts.out, opts.force);
      results[i] = r;
      if (!r.ok) failures++;
      if (bar) bar.increment(1, { failed: failures });
      // the summary lines in input order are printed at the end when a bar is shown
      else if (!opts.quiet || !r.ok) console.log(r.summary);
    }));
  } finally {
    bar?.stop();
    // the OCR workers keep the process alive until they are stopped
    await closeOcr();
  }
  if (bar) for (const r of results) if (!r.ok) console.log(r.summary);
  await writeRunFiles(opts.out, results, (performance.now() - started) / 1000);
  const failed = results.filter((r) => !r.ok).length;
  const skipped = results.filter((r) => r.skipped).length;
  console.log(`${inputs.length - failed} of ${inputs.length} inputs extracted${skipped ? ` (${skipped} already up to date)` : ''}${failed ? `, ${failed} failed` : ''}`);
  return failed ? 1 : 0;
}
