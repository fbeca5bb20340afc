// What produced an output: the package version, a hash of the extractor's code and of its data
// (`pipelines/`), and the settings in force. A resumed run re-extracts every input whose output
// was made by another fingerprint, so an upgrade or a changed family file is never served stale.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CODE_DIR, PACKAGE_ROOT as ROOT, PIPELINES_DIR } from './paths.js';
import type { ReadChoices } from './pipeline.js';
import type { Settings } from './settings.js';

// the code that runs (dist/ compiled, or src/ under tsx) and the data that decide what an extraction gives
const HASHED = [CODE_DIR, PIPELINES_DIR];

export const PACKAGE: { name: string; version: string } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Every file below `dir`, in a fixed order. */
function filesBelow(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) filesBelow(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

let codeHash: string | null = null;

/** sha256 over the path and bytes of every file of the code and data, computed once per process. */
export function codeAndDataHash(): string {
  if (codeHash) return codeHash;
  const h = createHash('sha256');
  for (const top of HASHED) {
    for (const f of filesBelow(top)) {
      h.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
    }
  }
  codeHash = h.digest('hex');
  return codeHash;
}

/** `<version>+<12 hex of code, data and settings>`: equal fingerprints give equal outputs. */
export function fingerprint(settings: Settings, read: ReadChoices = {}): string {
  // when a batch replaces its threads decides nothing of what a file gives: not hashed, so that
  // changing it does not make a resumed run extract every file again
  const { worker_max_files: _files, worker_max_heap_mb: _heap, ...limits } = settings.limits;
  const h = createHash('sha256').update(codeAndDataHash()).update(JSON.stringify({ ...settings, limits }));
  // pages and OCR mode change what is read (a password does not change what it opens)
  const choices = { pages: read.pages, ocr: read.ocr && read.ocr !== 'auto' ? read.ocr : undefined };
  if (choices.pages || choices.ocr) h.update(JSON.stringify(choices));
  return `${PACKAGE.version}+${h.digest('hex').slice(0, 12)}`;
}
