// The nomenclature kept as data (pipelines/nomenclature/*.json, built from codes documents
// print): a second name index, consulted only when the document itself has no match.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { NameIndex } from './codes.js';

const Nomenclature = z.object({
  bidang: z.string(),
  entries: z.array(z.object({ code: z.string(), name: z.string(), names: z.array(z.object({ name: z.string(), count: z.number() })) })),
});

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../pipelines/nomenclature');
let cached: NameIndex | null = null;

export function nomenclatureIndex(): NameIndex {
  if (cached) return cached;
  const index = new NameIndex();
  for (const f of readdirSync(DIR).filter((x) => x.endsWith('.json')).sort()) {
    const data = Nomenclature.parse(JSON.parse(readFileSync(join(DIR, f), 'utf8')));
    for (const e of data.entries) for (const n of e.names) index.add(e.code, n.name);
  }
  cached = index;
  return index;
}
