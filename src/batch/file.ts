// One input of a batch: skip it when its output is up to date, else extract it and write its
// JSON atomically. Runs inside a worker thread (see worker.ts); the input is read once.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { OutputDocument } from '../emit/schema.js';
import { writeAtomic } from '../emit/write.js';
import { InputError } from '../load/text.js';
import { EXTRACTOR, extractFile, failedOutput } from '../pipeline.js';

export interface FileTask {
  input: string;
  outDir: string;
  /** extract again even when the output is up to date */
  force: boolean;
}

export interface FileResult {
  input: string;
  output: string;
  ok: boolean;
  /** the output was already complete for this input and extractor version */
  skipped: boolean;
  summary: string;
  warnings: Record<string, number>;
  /** pages of a PDF, null for a text conversion or a failure */
  pages: number | null;
  /** time spent on this file in its thread (reading, extraction, writing) */
  seconds: number;
  error?: { code: string; message: string };
}

export function stemOf(path: string): string {
  const b = basename(path);
  const ext = extname(b);
  return ext ? b.slice(0, -ext.length) : b;
}

export function outputPath(input: string, outDir: string): string {
  return join(outDir, `${stemOf(input)}.json`);
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

/** The JSON written for an input that failed: the contract's failed document, with its reason. */
export async function writeFailure(input: string, outDir: string, error: { code: string; message: string }, sha: string | null, seconds: number): Promise<FileResult> {
  const output = outputPath(input, outDir);
  const doc = failedOutput(basename(input), error, sha);
  await writeAtomic(output, `${JSON.stringify(doc, null, 1)}\n`);
  return { input, output, ok: false, skipped: false, summary: `FAIL  ${basename(input)}: ${error.message}`, warnings: countTypes(doc), pages: null, seconds, error };
}

export async function extractOne({ input, outDir, force }: FileTask): Promise<FileResult> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const output = outputPath(input, outDir);
  let bytes: Buffer | undefined;
  let sha: string | null = null;
  try {
    bytes = await readFile(input);
    sha = createHash('sha256').update(bytes).digest('hex');
  } catch { /* unreadable: no checksum, and the extraction below says why */ }
  const done = force ? null : await upToDate(output, sha);
  if (done) return { input, output, ok: true, skipped: true, summary: `skip  ${basename(input)}: up to date → ${output}`, warnings: countTypes(done), pages: done.source.pages, seconds: elapsed() };
  let doc: OutputDocument;
  try {
    doc = await extractFile(input, bytes);
  } catch (err) {
    const code = err instanceof InputError ? err.code : 'internal';
    return writeFailure(input, outDir, { code, message: err instanceof Error ? err.message : String(err) }, sha, elapsed());
  }
  await writeAtomic(output, `${JSON.stringify(doc, null, 1)}\n`);
  const summary = `ok    ${basename(input)}: ${doc.document.kind}, ${doc.tables.length} tables, ${doc.records.length} records (${doc.records.filter((r) => r.code).length} with codes), ${doc.warnings.length} warnings → ${output}`;
  return { input, output, ok: true, skipped: false, summary, warnings: countTypes(doc), pages: doc.source.pages, seconds: elapsed() };
}
