// A batch worker thread: extracts the files the pool hands it, one at a time. Its OCR engine
// gets this thread's share of the cores (workerData.ocrWorkers).

import { getHeapStatistics } from 'node:v8';
import { workerData } from 'node:worker_threads';
import { setOcrWorkers } from '../ocr/engine.js';
import { extractOne, type FileTask, type FileResult } from './file.js';

setOcrWorkers((workerData as { ocrWorkers?: number } | null)?.ocrWorkers ?? 1);

// files this thread has extracted: the batch replaces threads that have done enough
let files = 0;

export default async function run(task: FileTask): Promise<FileResult> {
  const r = await extractOne(task);
  files++;
  // this thread's own heap (a worker's isolate), garbage not yet collected included
  return { ...r, thread: { files, heapMb: getHeapStatistics().used_heap_size / 2 ** 20 } };
}
