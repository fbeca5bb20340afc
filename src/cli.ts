// Command line: `kinerja-extract <files or folders…> [--out DIR]`. One JSON per input, a
// one-line summary per file, exit 1 when any input failed (the others are still written).

import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { cpus } from 'node:os';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FileResult } from './batch/file.js';
import { runBatch } from './batch/run.js';
import { EXTRACTOR, INPUT_EXTENSIONS } from './pipeline.js';
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
    pages: results.reduce((n, r) => n + (r.pages ?? 0), 0),
    seconds: Math.round(seconds * 10) / 10,
    warnings_by_type: Object.fromEntries(Object.entries(warnings).sort()),
    // per input: what happened and how long its thread worked on it
    files: results.map((r) => ({ input: r.input, status: r.skipped ? 'skipped' : r.ok ? 'ok' : 'failed', pages: r.pages, seconds: Math.round(r.seconds * 100) / 100 })),
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
    .option('-j, --jobs <n>', 'files extracted at once, each in its own worker thread (default: one per core)', String(Math.max(1, cpus().length)))
    .option('-t, --timeout <seconds>', 'stop a file that takes longer and record it as failed (0: no limit)', '1800')
    .exitOverride();
  try {
    program.parse(argv);
  } catch (err) {
    return (err as { exitCode?: number }).exitCode ?? 2;
  }
  const opts = program.opts<{ out: string; quiet?: boolean; force?: boolean; jobs: string; timeout: string }>();
  const jobs = Number(opts.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) {
    console.error(`error: --jobs must be a whole number ≥ 1, not '${opts.jobs}'`);
    return 2;
  }
  const timeout = Number(opts.timeout);
  if (!Number.isFinite(timeout) || timeout < 0) {
    console.error(`error: --timeout must be a number of seconds ≥ 0, not '${opts.timeout}'`);
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
  const bar = process.stdout.isTTY && !opts.quiet ? new SingleBar({ format: '{bar} {value}/{total} files | {pages} pages | {failed} failed | ETA {eta_formatted}', hideCursor: true }, Presets.shades_classic) : null;
  let [failures, pages] = [0, 0];
  bar?.start(inputs.length, 0, { failed: 0, pages: 0 });
  let results: FileResult[];
  try {
    results = await runBatch(inputs, {
      outDir: opts.out, force: !!opts.force, jobs, timeout,
      onResult: (r) => {
        if (!r.ok) failures++;
        pages += r.pages ?? 0;
        if (bar) bar.increment(1, { failed: failures, pages });
        // the summary lines in input order are printed at the end when a bar is shown
        else if (!opts.quiet || !r.ok) console.log(r.summary);
      },
    });
  } finally {
    bar?.stop();
  }
  if (bar) for (const r of results) if (!r.ok) console.log(r.summary);
  await writeRunFiles(opts.out, results, (performance.now() - started) / 1000);
  const failed = results.filter((r) => !r.ok).length;
  const skipped = results.filter((r) => r.skipped).length;
  console.log(`${inputs.length - failed} of ${inputs.length} inputs extracted${skipped ? ` (${skipped} already up to date)` : ''}${failed ? `, ${failed} failed` : ''}`);
  return failed ? 1 : 0;
}
