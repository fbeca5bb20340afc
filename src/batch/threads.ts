// The batch's worker threads, in generations. A long batch (an archive of hundreds of thousands of
// files) must not keep what a thread accumulates file after file — memos at their bound, pdf.js
// and V8 caches, a fragmented heap — so threads are replaced: once a thread of the current
// generation has extracted `worker_max_files` files, or holds more than `worker_max_heap_mb` of
// heap after one, the generation is retired. Files already running in it finish there; the next
// files go to a fresh generation; a retired generation's threads are stopped when its last file
// is back. Replacing all of a generation's threads at once (not one thread) is what the pool
// allows: piscina hands a task to any of its threads and cannot retire one of them.

import { Piscina } from 'piscina';
import type { Settings } from '../settings.js';
import type { FileResult, FileTask, ThreadUse } from './file.js';

export interface ThreadOptions {
  /** the worker module */
  entry: URL;
  threads: number;
  limits: Settings['limits'];
  workerData: unknown;
  /** told each time a generation is retired */
  onRetire?: (reason: RetireReason) => void;
}

type RunOptions = NonNullable<Parameters<Piscina<FileTask, FileResult>['run']>[1]>;

/** Why a generation was retired. */
export type RetireReason = 'files' | 'heap';

interface Generation {
  pool: Piscina<FileTask, FileResult>;
  /** files handed to it and not yet back */
  running: number;
  retired: boolean;
}

/** Whether a thread, as it reported itself after a file, has done its share. */
function retireReason(use: ThreadUse | undefined, limits: Settings['limits']): RetireReason | null {
  if (!use) return null;
  if (use.files >= limits.worker_max_files) return 'files';
  if (use.heapMb > limits.worker_max_heap_mb) return 'heap';
  return null;
}

export class ThreadGenerations {
  private current: Generation;
  private readonly closing: Promise<void>[] = [];

  constructor(private readonly o: ThreadOptions) {
    this.current = this.start();
  }

  private start(): Generation {
    const pool = new Piscina<FileTask, FileResult>({
      filename: this.o.entry.href,
      minThreads: this.o.threads,
      maxThreads: this.o.threads,
      idleTimeout: Infinity,
      // a file that needs more heap than this fails alone (ERR_WORKER_OUT_OF_MEMORY)
      resourceLimits: { maxOldGenerationSizeMb: this.o.limits.worker_heap_mb },
      workerData: this.o.workerData,
    });
    return { pool, running: 0, retired: false };
  }

  /** Extract one file in a thread of the current generation. */
  async run(task: FileTask, opts: RunOptions): Promise<FileResult> {
    const g = this.current;
    g.running++;
    try {
      const r = await g.pool.run(task, opts);
      const reason = retireReason(r.thread, this.o.limits);
      if (reason && !g.retired) this.retire(g, reason);
      return r;
    } finally {
      g.running--;
      if (g.retired && g.running === 0) this.closing.push(g.pool.close({ force: true }));
    }
  }

  private retire(g: Generation, reason: RetireReason): void {
    g.retired = true;
    this.current = this.start();
    this.o.onRetire?.(reason);
  }

  /** Stop every thread (files still running are abandoned: call when the batch is done). */
  async close(): Promise<void> {
    await Promise.all([...this.closing, this.current.pool.close({ force: true })]);
  }
}
