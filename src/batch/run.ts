// The batch runner: files extracted in worker threads (piscina), at most `jobs` at once
// (p-queue), each within a time limit that really stops it. The limit's clock starts when the
// thread starts the file (not when the file is queued or the thread is still loading), and
// grows with the file's pages once they are known. A file that fails, runs out of time or of
// memory, or crashes its thread is recorded with its reason; its thread is replaced and every
// other file still runs. Threads that have done their share of files are replaced too
// (threads.ts).

import { cpus } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import PQueue from 'p-queue';
import type { ReadChoices } from '../pipeline.js';
import { fileTimeBudget, type Settings } from '../settings.js';
import { writeFailure, type FileResult, type FileTask, type Progress } from './file.js';
import { ThreadGenerations, type RetireReason } from './threads.js';

export interface BatchTask {
  input: string;
  /** where its JSON goes */
  output: string;
}

export interface BatchOptions {
  settings: Settings;
  /** pages, password, OCR mode: the same for every file */
  read?: ReadChoices;
  /** files extracted at once, one worker thread each */
  jobs: number;
  /** a flat limit in seconds for every file (0: none); default: the settings' budget, by pages */
  timeout?: number;
  /** called as each file finishes, in finishing order */
  onResult?: (r: FileResult, index: number) => void;
  /** called when the worker threads are replaced by fresh ones (settings.limits.worker_max_files, worker_max_heap_mb) */
  onRetire?: (reason: RetireReason) => void;
}

// compiled (dist/), a worker thread loads the worker module itself; from the sources (tests and
// scripts under tsx), a bridge that registers tsx in the thread first, which threads do not inherit
const ENTRY = import.meta.url.endsWith('.ts') ? new URL('./worker-entry.mjs', import.meta.url) : new URL('./worker.js', import.meta.url);

/** Why a task did not come back: its time ran out, its memory ran out, or its thread died. */
function failure(err: unknown, limit: number): { code: string; message: string } {
  if (err instanceof Error && err.name === 'AbortError') {
    return { code: 'timeout', message: `took longer than ${Math.round(limit)} s; its worker thread was stopped` };
  }
  const e = err as { code?: string; message?: string };
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') return { code: 'out_of_memory', message: 'ran out of memory; its worker thread was stopped' };
  return { code: 'crashed', message: `the worker thread extracting it stopped (${e?.message ?? String(err)})` };
}

/**
 * The time limit of one file: started by the thread's `started` message, moved by `pages`, and
 * aborting the task when it passes. `limit` is the budget in force (for the failure message).
 */
class Watchdog {
  readonly controller = new AbortController();
  limit: number;
  private started = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly o: BatchOptions) {
    this.limit = o.timeout ?? fileTimeBudget(o.settings.limits);
  }

  on(msg: Progress): void {
    if (msg.type === 'started') this.started = performance.now();
    else if (this.o.timeout === undefined) this.limit = fileTimeBudget(this.o.settings.limits, msg.pages, msg.ocrPages);
    this.arm();
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.limit <= 0) return;
    const left = this.limit * 1000 - (performance.now() - this.started);
    this.timer = setTimeout(() => this.controller.abort(), Math.max(0, left));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

export async function runBatch(tasks: BatchTask[], o: BatchOptions): Promise<FileResult[]> {
  const results: FileResult[] = new Array(tasks.length);
  if (tasks.length === 0) return results;
  const threads = Math.max(1, Math.min(o.jobs, tasks.length));
  const pool = new ThreadGenerations({
    entry: ENTRY, threads, limits: o.settings.limits, onRetire: o.onRetire,
    // a scan in a thread uses that thread's share of the cores for OCR
    workerData: { ocrWorkers: Math.max(1, Math.floor(cpus().length / threads)) },
  });
  const queue = new PQueue({ concurrency: threads });
  try {
    await queue.addAll(tasks.map((t, i) => async () => {
      const dog = new Watchdog(o);
      const { port1, port2 } = new MessageChannel();
      port1.on('message', (m: Progress) => dog.on(m));
      const started = performance.now();
      let r: FileResult;
      try {
        const task: FileTask = { input: t.input, output: t.output, settings: o.settings, read: o.read, port: port2 };
        r = await pool.run(task, { signal: dog.controller.signal, transferList: [port2] });
      } catch (err) {
        // the file's thread is gone, so this thread writes its failed output (no checksum:
        // reading a file that hung might hang again)
        r = await writeFailure(t.input, t.output, failure(err, dog.limit), null, o.settings, (performance.now() - started) / 1000);
      } finally {
        dog.stop();
        port1.close();
      }
      results[i] = r;
      o.onResult?.(r, i);
    }));
  } finally {
    await pool.close();
  }
  return results;
}
