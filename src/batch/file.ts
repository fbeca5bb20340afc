// One input of a batch, inside a worker thread: say that work has started (the time limit
// counts from here, not from when the task was queued), extract, and write the JSON atomically.
// The page counts are sent as soon as they are known, so that the limit can grow with them.

import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import type { OutputDocument } from '../emit/schema.js';
import { writeAtomic } from '../emit/write.js';
import { InputError } from '../load/text.js';
import { failedOutput } from '../emit/failed.js';
import type { ReadChoices } from '../pipeline.js';
import type { Settings } from '../settings.js';
import { ZodError } from 'zod';

export interface FileTask {
  input: string;
  /** where the JSON goes */
  output: string;
  settings: Settings;
  /** pages, password, OCR mode */
  read?: ReadChoices;
  /** the thread reports `started` and `pages` on it */
  port?: MessagePort;
}

export type Progress = { type: 'started' } | { type: 'pages'; pages: number; ocrPages: number };

export interface FileResult {
  ok: boolean;
  sha256: string | null;
  /** pages of a PDF, null for a text conversion or a failure */
  pages: number | null;
  kind: string | null;
  tables: number;
  records: number;
  coded: number;
  warnings: Record<string, number>;
  /** size of the JSON written */
  bytes: number;
  /** time spent on this file in its thread (reading, extraction, writing) */
  seconds: number;
  error?: { code: string; message: string };
  /** the worker thread after this file: files it has extracted, heap it holds (MB); absent outside a worker */
  thread?: ThreadUse;
}

export interface ThreadUse {
  files: number;
  heapMb: number;
}

export function countTypes(doc: OutputDocument): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const w of doc.warnings) counts[w.type] = (counts[w.type] ?? 0) + 1;
  return counts;
}

/** Write `doc` to `output`; what the batch records of it. */
export async function writeDocument(output: string, doc: OutputDocument, seconds: number): Promise<FileResult> {
  const text = `${JSON.stringify(doc, null, 1)}\n`;
  await mkdir(dirname(output), { recursive: true });
  await writeAtomic(output, text);
  const ok = doc.status !== 'failed';
  return {
    ok, sha256: doc.source.sha256, pages: doc.source.pages, kind: doc.document.kind,
    tables: doc.tables.length, records: doc.records.length, coded: doc.records.filter((r) => r.code).length,
    warnings: countTypes(doc), bytes: Buffer.byteLength(text), seconds,
    ...(ok ? {} : { error: doc.error }),
  };
}

/** The failed document of an input, written in its place: the contract's JSON with the reason. */
export function writeFailure(input: string, output: string, error: { code: string; message: string }, sha: string | null, settings: Settings, seconds: number): Promise<FileResult> {
  return writeDocument(output, failedOutput(basename(input), error, sha, settings), seconds);
}

export async function extractOne({ input, output, settings, read, port }: FileTask): Promise<FileResult> {
  port?.postMessage({ type: 'started' } satisfies Progress);
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let bytes: Buffer | undefined;
  try {
    bytes = await readFile(input);
    // loaded on first use: the worker threads extract; the main thread only writes failures
    const { extractFile } = await import('../pipeline.js');
    const doc = await extractFile(input, bytes, {
      ...read,
      settings,
      onPages: (pages, ocrPages) => port?.postMessage({ type: 'pages', pages, ocrPages } satisfies Progress),
    });
    return await writeDocument(output, doc, elapsed());
  } catch (err) {
    const code = err instanceof InputError ? err.code : 'internal';
    const sha = bytes ? createHash('sha256').update(bytes).digest('hex') : null;
    return writeFailure(input, output, { code, message: errorMessage(err) }, sha, settings, elapsed());
  } finally {
    port?.close();
  }
}

/** One line a user can read: an output that breaks the contract names its first wrong field, not all of them. */
function errorMessage(err: unknown): string {
  if (err instanceof ZodError) {
    const first = err.issues[0];
    return `output does not fit the contract (${err.issues.length} issue${err.issues.length > 1 ? 's' : ''}), first at ${first.path.join('.')}: ${first.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}
