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
    // a name printed for a code and for one of its children is the child's (documents that print
    // a sub-kegiatan with only its kegiatan's code put it under the kegiatan too), unless it is the
    // code's main name: a kegiatan and its sub-kegiatan may share a name
    const childNames = new Map<string, Set<string>>();
    for (const e of data.entries) {
      const parent = e.code.split('.').slice(0, -1).join('.');
      for (const n of e.names) childNames.set(parent, (childNames.get(parent) ?? new Set()).add(n.name));
    }
    // and a name that is another code's main name is that code's (a misread row lent it to a sibling)
    const mainOf = new Map(data.entries.map((e) => [e.name, e.code]));
    const belongs = (code: string, name: string, main: string) =>
      name === main || (!childNames.get(code)?.has(name) && (mainOf.get(name) ?? code) === code);
    for (const e of data.entries) for (const n of e.names) if (belongs(e.code, n.name, e.name)) index.add(e.code, n.name);
  }
  cached = index;
  return index;
}
