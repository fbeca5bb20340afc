// The library: what `import { extract } from 'kinerja-extract'` gives. One document (a path, its
// bytes or a stream) → the output JSON of CONTRACT.md; many paths → their outputs as they finish;
// outputs → the long table that compares districts. The CLI (src/cli.ts) is built on the same stages.

import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { district, harmonizeNames, longRows, type LongRow } from './compare/longTable.js';
import type { OutputDocument } from './emit/schema.js';
import { InputError } from './load/text.js';
import { closeOcr } from './ocr/engine.js';
import { parsePageRanges } from './pageRanges.js';
import { extractFile, failedOutput, INPUT_EXTENSIONS, type ExtractOptions as PipelineOptions } from './pipeline.js';
import { resolveSettings, type SettingsInput } from './settings.js';

export type { OutputDocument, OutputRecord, OutputTable } from './emit/schema.js';
export { OutputDocument as OutputDocumentSchema } from './emit/schema.js';
export type { LongRow } from './compare/longTable.js';
export { DEFAULT_SETTINGS, resolveSettings, type Settings, type SettingsInput } from './settings.js';
export { closeOcr };

export interface ExtractOptions {
  /** overrides of the default settings (src/settings.ts); an unknown key throws */
  settings?: SettingsInput;
  /** PDF pages to read: `[1, 2, 7]` or `'1-2,7'`; all when absent */
  pages?: number[] | string;
  /** the password of an encrypted PDF */
  password?: string;
  /** auto (default): OCR pages without a usable text layer; never; always: every page */
  ocr?: 'auto' | 'never' | 'always';
  /** the file name for bytes or a stream (its extension says the format); default by content */
  name?: string;
  /** checked between stages: an aborted extraction rejects with the signal's reason */
  signal?: AbortSignal;
  /** told the page count once a PDF's text layer is read, and how many pages need OCR */
  onProgress?: (p: { pages: number; ocrPages: number }) => void;
}

type Input = string | Uint8Array | ReadableStream<Uint8Array>;

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A name for bytes given without one: a PDF by its header, text otherwise. */
function nameFor(bytes: Uint8Array, name?: string): string {
  if (name) return name;
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-') ? 'input.pdf' : 'input.txt';
}

function pipelineOptions(o: ExtractOptions): PipelineOptions {
  return {
    settings: resolveSettings(o.settings ?? {}),
    pages: typeof o.pages === 'string' ? parsePageRanges(o.pages) : o.pages,
    password: o.password,
    ocr: o.ocr ?? 'auto',
    onPages: o.onProgress ? (pages, ocrPages) => o.onProgress!({ pages, ocrPages }) : undefined,
  };
}

/**
 * Extract one document. A path is read from disk; bytes or a stream are taken as the file
 * `options.name`. Bad input (unsupported, corrupt, encrypted, empty) resolves to an output with
 * `status: 'failed'` and the reason, as the CLI writes it; wrong options throw.
 */
export async function extract(input: Input, options: ExtractOptions = {}): Promise<OutputDocument> {
  const o = pipelineOptions(options);
  options.signal?.throwIfAborted();
  let path: string;
  let bytes: Buffer;
  if (typeof input === 'string') {
    path = input;
    bytes = await readFile(input);
  } else {
    const raw = input instanceof Uint8Array ? input : await bytesOf(input);
    path = nameFor(raw, options.name);
    bytes = Buffer.from(raw);
  }
  options.signal?.throwIfAborted();
  try {
    const out = await extractFile(path, bytes, o);
    options.signal?.throwIfAborted();
    return out;
  } catch (e) {
    if (e instanceof InputError) return failedOutput(basename(path), { code: e.code, message: e.message }, null, o.settings);
    throw e;
  }
}

export interface BatchResult {
  input: string;
  output: OutputDocument;
}

/**
 * Extract many documents, one at a time, yielding each output as it is made (a failed input
 * yields its failed output; the batch goes on). For many files on several cores, resumable and
 * with per-file time limits in worker threads, use the CLI (`kinerja-extract <folder> --out`).
 */
export async function* extractBatch(inputs: Iterable<string> | AsyncIterable<string>, options: ExtractOptions = {}): AsyncIterable<BatchResult> {
  for await (const input of inputs) {
    options.signal?.throwIfAborted();
    if (!INPUT_EXTENSIONS.has(extname(input).toLowerCase())) {
      yield { input, output: failedOutput(basename(input), { code: 'unsupported', message: `unsupported input type '${extname(input) || '(none)'}'` }) };
      continue;
    }
    yield { input, output: await extract(input, options) };
  }
}

export interface Comparison {
  /** one row per document × record × figure, names harmonised per code across documents */
  rows: LongRow[];
  /** the districts (region type and name; the file where a document names none) compared */
  districts: string[];
}

/** Outputs of `extract` → the long table that compares districts (as `kinerja-compare` writes it). */
export function compare(documents: OutputDocument[]): Comparison {
  const rows = documents.filter((d) => d.status !== 'failed').flatMap(longRows);
  harmonizeNames(rows);
  return { rows, districts: [...new Set(rows.map(district))].sort() };
}
