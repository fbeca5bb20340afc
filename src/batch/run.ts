// The batch runner: files extracted in worker threads (piscina), at most `jobs` at once
// (p-queue), each within a time limit. A file that fails, hangs or crashes its thread is
// recorded with its reason; its thread is replaced and every other file still runs.

import { mkdir } from 'node:fs/promises';
import { cpus } from 'node:os';
import { basename } from 'node:path';
import PQueue from 'p-queue';
import { Piscina } from 'piscina';
import { writeFailure, type FileResult, type FileTask } from './file.js';

export interface BatchOptions {
  outDir: string;
  force: boolean;
  /** files extracted at once, one worker thread each */
  jobs: number;
  /** seconds one file may take before its thread is stopped; 0: no limit */
  timeout: number;
  /** called as each file finishes, in finishing order */
  onResult?: (r: FileResult, index: number) => void;
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/** Why a task did not come back: its time ran out, or its thread died. */
function failure(err: unknown, file: string, timeout: number): { code: string; message: string } {
  if (err instanceof Error && err.name === 'AbortError') {
    return { code: 'timeout', message: `${file}: took longer than ${timeout} s; its worker was stopped` };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'crashed', message: `${file}: the worker extracting it stopped (${message})` };
}

export async function runBatch(inputs: string[], o: BatchOptions): Promise<FileResult[]> {
  await mkdir(o.outDir, { recursive: true });
  const threads = Math.max(1, Math.min(o.jobs, inputs.length));
  const pool = new Piscina<FileTask, FileResult>({
    filename: ENTRY.href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Infinity,
    // a scan in a thread uses that thread's share of the cores for OCR
    workerData: { ocrWorkers: Math.max(1, Math.floor(cpus().length / threads)) },
  });
  const queue = new PQueue({ concurrency: threads });
  const results: FileResult[] = new Array(inputs.length);
  try {
    await queue.addAll(inputs.map((input, i) => async () => {
      const started = performance.now();
      let r: FileResult;
      try {
        const signal = o.timeout > 0 ? AbortSignal.timeout(o.timeout * 1000) : undefined;
        r = await pool.run({ input, outDir: o.outDir, force: o.force }, { signal });
      } catch (err) {
        // the file's thread is gone, so this thread writes its failed output (no checksum:
        // reading a file that hung might hang again)
        r = await writeFailure(input, o.outDir, failure(err, basename(input), o.timeout), null, (performance.now() - started) / 1000);
      }
      results[i] = r;
      o.onResult?.(r, i);
    }));
  } finally {
    await pool.close({ force: true });
  }
  return results;
}
