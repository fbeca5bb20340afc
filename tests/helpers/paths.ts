import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(ROOT, '../shared');
export const SEEDS = join(SHARED, 'seeds');
export const GOLD = join(SHARED, 'gold');
export const SCORER = join(SHARED, 'tools/score.mjs');
export const SAMPLES = join(ROOT, 'samples');

export function requireShared(): void {
  if (!existsSync(SEEDS)) throw new Error(`the shared seeds are missing: expected ${SEEDS} (CI clones ../shared beside the project)`);
}
