// The seeds as PDFs made by two producers other than this project (samples/pdf-libreoffice:
// Writer, every cell ruled, narrow columns where names, codes and figures wrap; samples/
// pdf-chromium: a browser's print, borders as thin filled boxes, clip paths round every cell),
// extracted through the CLI and scored with the shared scorer against the seeds' gold.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLD, ROOT, SAMPLES, SCORER, requireShared } from '../helpers/paths.ts';

// value F1 reached so far per producer and seed (a ratchet: raise it, never lower it)
const FLOORS: Record<string, Record<string, number>> = {
  'pdf-libreoffice': { '000': 0.995, '003': 0.995 },
  'pdf-chromium': { '000': 0.995, '003': 0.995 },
};

function extractAndScore(folder: string): Record<string, { valueF1: number; rowRecall: number }> {
  const out = mkdtempSync(join(tmpdir(), `${folder}-`));
  const r = spawnSync('node', [join(ROOT, 'bin/kinerja-extract.mjs'), join(SAMPLES, folder), '--out', out, '--jobs', '2', '--quiet'], { encoding: 'utf8', cwd: ROOT });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(execFileSync('node', [SCORER, '--gold', GOLD, '--out', out, '--json'], { encoding: 'utf8' })).docs;
}

describe('seeds as PDFs from other producers', () => {
  it.each(Object.keys(FLOORS))('%s: the seeds with gold reach their value F1 floors', (folder) => {
    requireShared();
    const scores = extractAndScore(folder);
    for (const [id, floor] of Object.entries(FLOORS[folder])) {
      expect(scores[id].valueF1, `${folder} ${id} value F1`).toBeGreaterThanOrEqual(floor);
      expect(scores[id].rowRecall, `${folder} ${id} row recall`).toBeGreaterThanOrEqual(0.99);
    }
  });
});
