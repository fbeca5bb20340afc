// Command line: `kinerja-extract <files or folders…> [--out DIR]`. One JSON per input, a
// one-line summary per file, exit 1 when any input failed (the others are still written).

import { Command } from 'commander';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { InputError } from './load/text.js';
import { closeOcr } from './ocr/engine.js';
import { EXTRACTOR, extractFile, failedOutput, INPUT_EXTENSIONS } from './pipeline.js';
import type { OutputDocument } from './emit/schema.js';


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

/** Write through a temporary file and a rename, so a reader never sees half a document. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

export interface FileResult {
  input: string;
  output: string;
  ok: boolean;
  summary: string;
}

export async function extractOne(input: string, outDir: string): Promise<FileResult> {
  const output = join(outDir, `${stemOf(input)}.json`);
  let doc: OutputDocument;
  let ok = true;
  try {
    doc = await extractFile(input);
  } catch (err) {
    ok = false;
    const code = err instanceof InputError ? err.code : 'internal';
    const message = err instanceof Error ? err.message : String(err);
    let sha: string | null = null;
    try {
      sha = createHash('sha256').update(await readFile(input)).digest('hex');
    } catch { /* unreadable: no checksum */ }
    doc = failedOutput(basename(input), { code, message }, sha);
  }
  await writeAtomic(output, `${JSON.stringify(doc, null, 1)}\n`);
  const summary = ok
    ? `ok    ${basename(input)}: ${doc.document.kind}, ${doc.tables.length} tables, ${doc.records.length} records (${doc.records.filter((r) => r.code).length} with codes), ${doc.warnings.length} warnings → ${output}`
    : `FAIL  ${basename(input)}: ${doc.error?.message}`;
  return { input, output, ok, summary };
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('kinerja-extract')
    .description('Extract code-keyed records from Renja / Renstra / LKjIP documents into JSON')
    .version(EXTRACTOR.version)
    .argument('<inputs...>', 'files or folders (.txt, .md, .pdf)')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('-q, --quiet', 'print only failures and the final count')
    .exitOverride();
  try {
    program.parse(argv);
  } catch (err) {
    return (err as { exitCode?: number }).exitCode ?? 2;
  }
  const opts = program.opts<{ out: string; quiet?: boolean }>();
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
  let failed = 0;
  try {
    for (const input of inputs) {
      const r = await extractOne(input, opts.out);
      if (!r.ok) failed++;
      if (!opts.quiet || !r.ok) console.log(r.summary);
    }
  } finally {
    // the OCR workers keep the process alive until they are stopped
    await closeOcr();
  }
  console.log(`${inputs.length - failed} of ${inputs.length} inputs extracted${failed ? `, ${failed} failed` : ''}`);
  return failed ? 1 : 0;
}
