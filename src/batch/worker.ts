// A batch worker thread: extracts the files the pool hands it, one at a time. Its OCR engine
// gets this thread's share of the cores (workerData.ocrWorkers).

import { workerData } from 'node:worker_threads';
import { setOcrWorkers } from '../ocr/engine.js';
import { extractOne, type FileTask, type FileResult } from './file.js';

setOcrWorkers((workerData as { ocrWorkers?: number } | null)?.ocrWorkers ?? 1);

export default function run(task: FileTask): Promise<FileResult> {
  return extractOne(task);
}
