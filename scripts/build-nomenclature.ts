// Builds pipelines/nomenclature/<bidang>.json from the codes documents print: every
// program / kegiatan / sub-kegiatan code read from a table (not inferred), with the names
// printed for it, how often, and where. Run: npm run nomenclature -- <files or folders…>
//
// The file is data the extractor reads to infer codes for tables that print none; it is
// rebuilt by hand when new documents are added, never at run time.

import { writeFileSync } from 'node:fs';
import { normName } from '../src/normalize/text.ts';
import { discoverInputs } from '../src/batch/inputs.ts';
import { extractFile } from '../src/pipeline.ts';

interface Entry {
  code: string;
  level: string;
  name: string;
  names: { name: string; count: number }[];
  sources: { document: string; sha256: string; table: string; line: number | null }[];
}

async function main(args: string[]): Promise<void> {
  const bidang = args.find((a) => /^\d\.\d\d$/.test(a)) ?? '1.06';
  const inputs = (await discoverInputs(args.filter((a) => a !== bidang))).filter((e) => e.kind === 'input').map((e) => e.path);
  const entries = new Map<string, Entry & { byNorm: Map<string, { name: string; count: number }> }>();
  const documents: { document: string; sha256: string; year: number | null }[] = [];
  for (const input of inputs) {
    const doc = await extractFile(input);
    const d = doc.document;
    const title = [d.kind, d.year ?? (d.period ? `${d.period.start}-${d.period.end}` : null), d.agency, d.region?.type, d.region?.name].filter(Boolean).join(' ');
    documents.push({ document: title, sha256: doc.source.sha256 ?? '', year: d.year });
    for (const r of doc.records) {
      if (!r.code || r.code_source !== 'document' || !r.name || r.duplicate_of) continue;
      if (r.code !== bidang.split('.')[0] && !r.code.startsWith(bidang)) continue;
      if (!['urusan', 'bidang', 'program', 'kegiatan', 'sub_kegiatan'].includes(r.level)) continue;
      const e: Entry & { byNorm: Map<string, { name: string; count: number }> } = entries.get(r.code) ?? { code: r.code, level: r.level, name: '', names: [], sources: [], byNorm: new Map() };
      const k = normName(r.name);
      const n = e.byNorm.get(k) ?? { name: r.name, count: 0 };
      n.count++;
      e.byNorm.set(k, n);
      if (e.sources.length < 6) e.sources.push({ document: title, sha256: doc.source.sha256 ?? '', table: doc.tables.find((t) => t.id === r.table)?.label ?? r.table, line: r.line });
      entries.set(r.code, e);
    }
  }
  const out = [...entries.values()]
    .map(({ byNorm, ...e }) => {
      const names = [...byNorm.values()].sort((a, b) => b.count - a.count || b.name.length - a.name.length);
      return { ...e, name: names[0].name, names };
    })
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const file = `pipelines/nomenclature/${bidang}.json`;
  writeFileSync(file, `${JSON.stringify({
    $comment: `Kepmendagri program codes of bidang ${bidang} with the names documents print for them, built by scripts/build-nomenclature.ts from the documents listed (codes read from their tables, not inferred). Used to infer codes for tables that print none. Numbering follows the documents: older ones print 2-digit sub-kegiatan numbers of the 050-5889 nomenclature, newer ones 4-digit numbers of 900.1.15.5-1317; both are written in the canonical 4-digit form.`,
    bidang,
    documents,
    entries: out,
  }, null, 1)}\n`);
  console.log(`${out.length} codes from ${documents.length} documents → ${file}`);
}

await main(process.argv.slice(2));
