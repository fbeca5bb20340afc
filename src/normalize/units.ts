// The one place unit words are read: `25 Orang/bu lan` → `Orang/bulan`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PIPELINES_DIR } from '../paths.js';

// the units documents print, as they are spelled (pipelines/units.json)
const unitsData = JSON.parse(readFileSync(join(PIPELINES_DIR, 'units.json'), 'utf8')) as { units: string[] };

const known = new Map<string, string>(unitsData.units.map((u) => [squash(u), u]));

function squash(s: string): string {
  return s.toLowerCase().replace(/[\s.]+/g, '');
}

export interface UnitReading {
  unit: string;
  known: boolean;
}

/** Spell a unit the way the vocabulary does; a wrapped word (`Orang/bu lan`) is re-joined. */
export function normalizeUnit(raw: string): UnitReading {
  const text = raw.replace(/\s+/g, ' ').replace(/[.,;:]+$/, '').trim();
  const hit = known.get(squash(text));
  if (hit) return { unit: hit, known: true };
  // a plural or suffixed form (`Orang/Bulan`, `unit.`) keeps its printed spelling
  const first = known.get(squash(text.split(' ')[0]));
  return { unit: text, known: first !== undefined };
}
