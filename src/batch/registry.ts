// The output folder's memory of what it holds (`_batch/outputs.json`): for each output, the
// input it belongs to, that input's sha256, the fingerprint of the extractor that wrote it, and
// whether it was complete. It decides two things without opening any output: which outputs are
// up to date (a resumed archive of 100,000 files skips in seconds), and which names belong to
// another input (a name is never taken from an input that still exists with other bytes).

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeAtomic } from '../emit/write.js';

export const BATCH_DIR = '_batch';

const Entry = z.object({
  /** absolute path of the input */
  input: z.string(),
  sha256: z.string().nullable(),
  fingerprint: z.string(),
  /** `pending` while a run works on it: a run killed part-way leaves it so */
  status: z.enum(['ok', 'failed', 'pending']),
  /** size of the output file, to notice one changed or cut short since */
  bytes: z.number().int().nullable(),
});
export type RegistryEntry = z.infer<typeof Entry>;

const File = z.object({ version: z.literal(1), outputs: z.record(z.string(), Entry) });

export class Registry {
  private constructor(readonly path: string, readonly outputs: Map<string, RegistryEntry>) {}

  /** The registry of `outDir`; empty when there is none or it cannot be read (then outputs are checked one by one). */
  static async load(outDir: string): Promise<Registry> {
    const path = join(outDir, BATCH_DIR, 'outputs.json');
    let outputs = new Map<string, RegistryEntry>();
    try {
      outputs = new Map(Object.entries(File.parse(JSON.parse(await readFile(path, 'utf8'))).outputs));
    } catch { /* missing or damaged: start empty */ }
    return new Registry(path, outputs);
  }

  get(output: string): RegistryEntry | undefined {
    return this.outputs.get(output);
  }

  set(output: string, e: RegistryEntry): void {
    this.outputs.set(output, e);
  }

  /** Is `output` the output of another input, one that still exists with other bytes? */
  ownedByOther(output: string, input: string, sha256: string | null): boolean {
    const e = this.outputs.get(output);
    return !!e && e.input !== input && e.sha256 !== sha256 && existsSync(e.input);
  }

  async save(): Promise<void> {
    const outputs = Object.fromEntries([...this.outputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeAtomic(this.path, `${JSON.stringify({ version: 1, outputs })}\n`);
  }
}
