// The record of a run, kept apart from the documents (`<out>/_batch/`, so that a glob of the
// outputs never picks it up): `manifest.jsonl`, one line per input found — extracted, failed,
// skipped as up to date, a duplicate, or unsupported — written as each input is settled and put
// in input order at the end; and `run.json`, the run's counts, time and warnings by type.

import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../emit/write.js';
import type { FileResult } from './file.js';
import type { PlanItem } from './plan.js';
import { BATCH_DIR } from './registry.js';

export type ManifestStatus = 'ok' | 'failed' | 'skipped' | 'duplicate' | 'unsupported';

export interface ManifestLine {
  input: string;
  sha256: string | null;
  size: number | null;
  status: ManifestStatus;
  /** the JSON written for it (or that holds it), below the output folder */
  output: string | null;
  pages: number | null;
  seconds: number | null;
  /** why it failed, was skipped, or was not read */
  reason: string | null;
  /** a failure's kind: corrupt, encrypted, timeout, unreadable… */
  code?: string;
  duplicate_of?: string;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** The line of an input settled before extraction (skipped, duplicate, unsupported, unreadable). */
export function plannedLine(item: PlanItem): ManifestLine {
  const status: ManifestStatus = item.status === 'extract' ? 'ok' : item.status;
  return {
    input: item.entry.path, sha256: item.sha256, size: item.size, status, output: item.output,
    pages: null, seconds: null,
    reason: item.status === 'skipped' ? 'output up to date (same bytes, same extractor)' : item.reason ?? null,
    ...(item.code ? { code: item.code } : {}),
    ...(item.duplicateOf ? { duplicate_of: item.duplicateOf } : {}),
  };
}

/** The line of an input once extracted. */
export function resultLine(item: PlanItem, r: FileResult): ManifestLine {
  return {
    input: item.entry.path, sha256: r.sha256 ?? item.sha256, size: item.size, status: r.ok ? 'ok' : 'failed', output: item.output,
    pages: r.pages, seconds: round(r.seconds, 2), reason: r.error?.message ?? null,
    ...(r.error ? { code: r.error.code } : {}),
  };
}

export class Manifest {
  readonly dir: string;
  readonly path: string;

  constructor(outDir: string) {
    this.dir = join(outDir, BATCH_DIR);
    this.path = join(this.dir, 'manifest.jsonl');
  }

  /** A fresh manifest for this run (lines are appended as inputs are settled, so a killed run still tells what it did). */
  async start(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFile(this.path, '');
  }

  // appends one after another, so that lines never interleave
  private chain: Promise<void> = Promise.resolve();

  append(line: ManifestLine): Promise<void> {
    this.chain = this.chain.then(() => appendFile(this.path, `${JSON.stringify(line)}\n`));
    return this.chain;
  }

  /** Every line again, in input order, and the run's summary. */
  async finish(lines: ManifestLine[], summary: object): Promise<void> {
    await this.chain;
    await writeAtomic(this.path, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    await writeAtomic(join(this.dir, 'run.json'), `${JSON.stringify(summary, null, 1)}\n`);
  }
}
