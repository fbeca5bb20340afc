// The library: what `import { extract } from 'kinerja-extract'` gives. One document (a path, its
// bytes or a stream) → the output JSON of CONTRACT.md; many paths → their outputs as they finish;
// outputs → the long table that compares districts. The CLI (src/cli.ts) is built on the same stages.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { district, harmonizeNames, longRows, type LongRow } from './compare/longTable.js';
import type { OutputDocument } from './emit/schema.js';
import type { CompareResult } from './compare/index.js';
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
/** Drops what extraction remembers between documents (number readings, name comparisons, nomenclature lookups): frees memory in a long-running process; the next documents are read the same, a little slower at first. */
export { clearMemos } from './memo.js';

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
  /** checked between stages and between a PDF's pages (read, and read by OCR): an aborted extraction rejects with the signal's reason */
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
    signal: o.signal,
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

export interface BatchOptions extends ExtractOptions {
  /**
   * files extracted at once, each in its own worker thread with a time limit (as the CLI does);
   * default 1: one after another in this thread. Outputs then come in finishing order, and an
   * aborted signal stops the yielding, not the files already handed to the threads.
   */
  jobs?: number;
}

/**
 * Extract many documents, yielding each output as it is made (a failed input yields its failed
 * output; the batch goes on). With `jobs` > 1 the inputs are read first and extracted in worker
 * threads; for resumable runs over folders, use the CLI (`kinerja-extract <folder> --out`).
 */
export async function* extractBatch(inputs: Iterable<string> | AsyncIterable<string>, options: BatchOptions = {}): AsyncIterable<BatchResult> {
  if ((options.jobs ?? 1) > 1) {
    yield* inThreads(inputs, options);
    return;
  }
  for await (const input of inputs) {
    options.signal?.throwIfAborted();
    if (!INPUT_EXTENSIONS.has(extname(input).toLowerCase())) {
      yield { input, output: unsupported(input) };
      continue;
    }
    yield { input, output: await extract(input, options) };
  }
}

const unsupported = (input: string) => failedOutput(basename(input), { code: 'unsupported', message: `unsupported input type '${extname(input) || '(none)'}'` });

/** extractBatch over worker threads: each output written to a scratch folder, read back, yielded as it finishes. */
async function* inThreads(inputs: Iterable<string> | AsyncIterable<string>, options: BatchOptions): AsyncIterable<BatchResult> {
  const readable: string[] = [];
  for await (const input of inputs) {
    if (INPUT_EXTENSIONS.has(extname(input).toLowerCase())) readable.push(input);
    else yield { input, output: unsupported(input) };
  }
  const scratch = await mkdtemp(join(tmpdir(), 'kinerja-batch-'));
  const o = pipelineOptions(options);
  const done: BatchResult[] = [];
  let wake: (() => void) | null = null;
  let [finished, reading] = [false, 0];
  const { runBatch } = await import('./batch/run.js');
  const run = runBatch(readable.map((input, i) => ({ input, output: join(scratch, `${i}.json`) })), {
    settings: o.settings!, jobs: options.jobs!, read: { pages: o.pages, password: o.password, ocr: o.ocr },
    onResult: (_r, i) => {
      reading++;
      const input = readable[i];
      void readFile(join(scratch, `${i}.json`), 'utf8')
        .then((text) => done.push({ input, output: JSON.parse(text) as OutputDocument }))
        .catch((err: Error) => done.push({ input, output: failedOutput(basename(input), { code: 'internal', message: err.message }) }))
        .finally(() => { reading--; wake?.(); });
    },
  }).finally(() => { finished = true; wake?.(); });
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      if (done.length) {
        yield done.shift()!;
        continue;
      }
      // the pool is done (or failed) and every output it wrote has been read
      if (finished && reading === 0) break;
      await new Promise<void>((resolve) => { wake = resolve; });
      wake = null;
    }
    await run;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

export interface Comparison {
  /** one row per document × record × figure, names harmonised per code across documents */
  rows: LongRow[];
  /** the districts (region type and name; the file where a document names none) compared */
  districts: string[];
}

/**
 * Output files (or folders of them) → the comparison's files in `dest`, as `kinerja-compare`
 * writes them: the long table as JSON Lines, CSV (with its datapackage.json), a DuckDB database
 * and Parquet, and codes.json. The documents are read one at a time: an archive's outputs need
 * not fit in memory, as the documents given to `compare` must.
 */
export async function compareFiles(paths: string[], dest: string): Promise<CompareResult> {
  const { compareDocuments } = await import('./compare/index.js');
  return compareDocuments(paths, dest);
}

export type { CompareResult } from './compare/index.js';

/** Outputs of `extract` → the long table that compares districts (as `kinerja-compare` writes it). */
export function compare(documents: OutputDocument[]): Comparison {
  const perDocument = documents.filter((d) => d.status !== 'failed').map(longRows);
  harmonizeNames(perDocument);
  const rows = perDocument.flat();
  return { rows, districts: [...new Set(rows.map(district))].sort() };
}
