// Before anything is extracted, each input found gets its fate: extracted, skipped (its output
// is up to date), a duplicate (same bytes as an input before it), unsupported, or failed (cannot
// be read). Each extracted input gets an output name no other input shares: its path below the
// folder given, with a `~2`, `~3` suffix for names that would collide.

import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import PQueue from 'p-queue';
import type { InputEntry } from './inputs.js';
import { BATCH_DIR, type Registry } from './registry.js';

export type PlanStatus = 'extract' | 'skipped' | 'duplicate' | 'unsupported' | 'failed';

export interface PlanItem {
  entry: InputEntry;
  /** absolute path of the input */
  abs: string;
  sha256: string | null;
  size: number | null;
  status: PlanStatus;
  /** the output's path below the output folder (`a/renja.json`); null when it has none */
  output: string | null;
  reason?: string;
  code?: string;
  /** the input this one repeats byte for byte */
  duplicateOf?: string;
}

// files hashed at once: reading is what takes the time, and a few reads keep a disk busy
const HASH_CONCURRENCY = 4;

function sha256Of(path: string): Promise<{ sha256: string; size: number }> {
  return new Promise((res, rej) => {
    const h = createHash('sha256');
    let size = 0;
    createReadStream(path)
      .on('data', (c) => { h.update(c); size += c.length; })
      .on('error', rej)
      .on('end', () => res({ sha256: h.digest('hex'), size }));
  });
}

/** `a/renja.pdf` → `a/renja.json`; a first folder named like the batch's own is renamed. */
export function naturalName(rel: string): string {
  const ext = extname(rel);
  const parts = (ext ? rel.slice(0, -ext.length) : rel).split(sep);
  if (parts.length > 1 && parts[0].toLowerCase() === BATCH_DIR) parts[0] = `${BATCH_DIR}~input`;
  return `${parts.join('/')}.json`;
}

const suffixed = (name: string, n: number) => `${name.slice(0, -'.json'.length)}~${n}.json`;

/**
 * Output names for the inputs to extract, in order of their absolute paths (so the same inputs
 * get the same names whatever order they are given in): the natural name when free, else the
 * first free `~n`. Names compare without case (two names differing only in case are one file
 * on some disks); a name another existing input owns (registry) is not free.
 */
function assignNames(items: PlanItem[], registry: Registry): void {
  const taken = new Set<string>();
  const named = items.filter((i) => i.status === 'extract').sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0));
  for (const item of named) {
    const base = naturalName(item.entry.rel);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()) || registry.ownedByOther(name, item.abs, item.sha256); n++) name = suffixed(base, n);
    taken.add(name.toLowerCase());
    item.output = name;
  }
}

export interface UpToDateCheck {
  outDir: string;
  fingerprint: string;
  force: boolean;
}

/** The output was made from these bytes by this extractor and is complete: the registry says so, or the output itself. */
async function upToDate(item: PlanItem, registry: Registry, c: UpToDateCheck): Promise<boolean> {
  if (c.force || !item.output) return false;
  const path = join(c.outDir, item.output);
  if (!existsSync(path)) return false;
  const e = registry.get(item.output);
  if (e && e.status !== 'pending') {
    return e.status === 'ok' && e.input === item.abs && e.sha256 === item.sha256 && e.fingerprint === c.fingerprint && e.bytes === statSync(path).size;
  }
  // no word from the registry (a run killed part-way): the output itself says what made it
  try {
    const doc = JSON.parse(await readFile(path, 'utf8'));
    return doc.status === 'ok' && doc.source?.sha256 === item.sha256 && doc.extractor?.fingerprint === c.fingerprint;
  } catch {
    return false;
  }
}

/** Every input's fate, in the order found. */
export async function planBatch(entries: InputEntry[], registry: Registry, check: UpToDateCheck): Promise<PlanItem[]> {
  const items: PlanItem[] = entries.map((entry) => ({
    entry, abs: resolve(entry.path), sha256: null, size: null, output: null,
    status: entry.kind === 'input' ? 'extract' : entry.kind === 'unsupported' ? 'unsupported' : 'failed',
    ...(entry.kind === 'input' ? {} : { reason: entry.reason, code: entry.kind }),
  }));
  const queue = new PQueue({ concurrency: HASH_CONCURRENCY });
  await queue.addAll(items.filter((i) => i.status === 'extract').map((item) => async () => {
    try {
      Object.assign(item, await sha256Of(item.entry.path));
    } catch (err) {
      Object.assign(item, { status: 'failed', code: 'unreadable', reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
    }
  }));
  // the first input with given bytes is extracted; later copies point to it
  const first = new Map<string, PlanItem>();
  for (const item of items) {
    if (item.status !== 'extract' || !item.sha256) continue;
    const earlier = first.get(item.sha256);
    if (earlier) Object.assign(item, { status: 'duplicate', duplicateOf: earlier.entry.path, reason: `same bytes as ${earlier.entry.path}` });
    else first.set(item.sha256, item);
  }
  assignNames(items, registry);
  for (const item of items) if (item.status === 'duplicate') item.output = first.get(item.sha256!)!.output;
  for (const item of items) if (item.status === 'extract' && await upToDate(item, registry, check)) item.status = 'skipped';
  return items;
}
