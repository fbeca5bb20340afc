// The one place unit words are read: `25 Orang/bu lan` → `Orang/bulan`.

import unitsData from '../../pipelines/units.json' with { type: 'json' };

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
