// Builds the project's copy of the national nomenclature from ../shared/nomenclature/*.jsonl:
//   pipelines/nomenclature/revisions/<revision>.json  one file per revision (src/nomenclature reads them)
//   pipelines/nomenclature/aliases/aliases.json       spellings the seed documents print for codes
// Run: npm run nomenclature [-- <folder with the jsonl files>]
//
// Deterministic: the same input gives byte-identical files (no dates, stable order), so a
// rebuild that changes nothing shows no diff. Rebuilt by hand when the shared data changes.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { nameSimilarity } from '../src/normalize/similarity.ts';
import { cleanName, normName } from '../src/normalize/text.ts';
import { compareCodes } from '../src/nomenclature/code.ts';
import { ALIASES_FILE, revisionFile } from '../src/nomenclature/load.ts';
import { Nomenclature } from '../src/nomenclature/nomenclature.ts';
import { REVISIONS, type Revision, type RevisionId, revisionForYear } from '../src/nomenclature/revisions.ts';
import { type Alias, type AliasFile, type EntryData, EntrySchema, type RevisionFile } from '../src/nomenclature/schema.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_SHARED = resolve(ROOT, '../shared/nomenclature');
/** The seed documents' nomenclature: the spellings they print become aliases. */
const SEED_FILE = join(ROOT, 'pipelines/nomenclature/aliases/seed-spellings.json');
const SEED_SOURCE = 'seed-1.06';

/** The repository stays lean: above this a revision file loses its `kinerja` texts (not used for matching). */
const MAX_REVISION_BYTES = 2 * 1024 * 1024;
/**
 * An alias must still be recognisably the name (token F-score ≥ 0.6): lower, the seed row was a
 * misread or merged one (`Dasar`, a name run into the next rows), and an alias would spread it.
 */
const ALIAS_MIN_SCORE = 0.6;
/** A name of at least three words found inside an alias is another row merged into it. */
const MERGED_MIN_WORDS = 3;

// ---- revisions

/** The bullets under "Sources" in the shared README, by their label (`2023`). */
function readmeSources(readme: string): Map<string, string> {
  const out = new Map<string, string>();
  const section = readme.split(/^Sources\b.*$/m)[1];
  if (!section) throw new Error('the shared README has no "Sources" section');
  for (const bullet of section.split(/^- /m).slice(1)) {
    const m = /^(\d{4}):\s*([\s\S]*)$/.exec(bullet.trim());
    if (m) out.set(m[1], m[2].replace(/\s+/g, ' ').trim());
  }
  return out;
}

function readSource(file: string): { rows: EntryData[]; sha256: string } {
  const bytes = readFileSync(file);
  const rows = bytes
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const r = EntrySchema.safeParse(JSON.parse(l));
      if (!r.success) throw new Error(`${file}:${i + 1}: ${r.error.message}`);
      return r.data;
    });
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.code)) throw new Error(`${file}: code ${r.code} twice`);
    seen.add(r.code);
  }
  return { rows: rows.sort((a, b) => compareCodes(a.code, b.code)), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Fields in a fixed order, white space collapsed; `kinerja` only when kept. */
function entryOut(r: EntryData, keepKinerja: boolean): EntryData {
  const out: Record<string, string> = { code: r.code, level: r.level, name: clean(r.name) };
  if (r.unit !== undefined) out.unit = clean(r.unit);
  if (r.indicator !== undefined) out.indicator = clean(r.indicator);
  if (keepKinerja && r.kinerja !== undefined) out.kinerja = clean(r.kinerja);
  out.gov_level = r.gov_level;
  if (r.special_region !== undefined) out.special_region = r.special_region;
  return out as EntryData;
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Compact JSON, one array item a line: small, and a rebuild's diff shows the rows that changed. */
function jsonLines(header: Record<string, unknown>, key: string, items: unknown[]): string {
  const head = Object.entries(header).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return `{\n${head.join('\n')}\n${JSON.stringify(key)}: [\n${items.map((x) => JSON.stringify(x)).join(',\n')}\n]\n}\n`;
}

function buildRevision(rev: Revision, shared: string, notes: Map<string, string>): RevisionFile {
  const file = `${rev.id}.jsonl`;
  const { rows, sha256 } = readSource(join(shared, file));
  const note = notes.get(rev.readme_source);
  if (!note) throw new Error(`the shared README has no source note "${rev.readme_source}" for ${rev.id}`);
  const make = (keepKinerja: boolean): RevisionFile => ({
    $comment: `The national program nomenclature of ${rev.regulation}, for documents of budget years ${rev.budget_years.from}${rev.budget_years.to ? `–${rev.budget_years.to}` : ' onwards'}. Built by scripts/build-nomenclature.ts from ../shared/nomenclature/${file} (see source); do not edit by hand. Penunjang items are listed once as X.XX.…: a bidang's b.bb.01.… is looked up there (src/nomenclature).${keepKinerja ? '' : ' The source\'s kinerja texts are left out to keep the file small.'}`,
    revision: rev.id,
    regulation: rev.regulation,
    budget_years: { from: rev.budget_years.from, to: rev.budget_years.to },
    source: { file, sha256, note },
    entries: rows.map((r) => entryOut(r, keepKinerja)),
  });
  const full = make(true);
  return Buffer.byteLength(serialiseRevision(full)) <= MAX_REVISION_BYTES ? full : make(false);
}

function serialiseRevision(f: RevisionFile): string {
  const { entries, ...header } = f;
  return jsonLines(header, 'entries', entries);
}

// ---- aliases

const SeedFile = z.object({
  documents: z.array(z.object({ document: z.string(), sha256: z.string(), year: z.number().int().nullable() })),
  entries: z.array(z.object({ code: z.string(), names: z.array(z.object({ name: z.string(), count: z.number().int() })) })),
});

interface Dropped {
  code: string;
  name: string;
  why: string;
}

/** The revision the seed documents were written under, from their budget years. */
function seedRevision(years: (number | null)[]): RevisionId {
  const ids = [...new Set(years.map((y) => revisionForYear(y)).filter((x): x is RevisionId => x !== null))];
  if (ids.length !== 1) throw new Error(`the seed documents span ${ids.length} revisions (${ids.join(', ')}): check their aliases per revision`);
  return ids[0];
}

function buildAliases(files: Map<RevisionId, RevisionFile>): { file: AliasFile; dropped: Dropped[] } {
  const seed = SeedFile.parse(JSON.parse(readFileSync(SEED_FILE, 'utf8')));
  const revision = seedRevision(seed.documents.map((d) => d.year));
  const nomen = new Nomenclature(files.get(revision)!);
  const all = nomen.all();
  const codesByNorm = new Map<string, Set<string>>();
  for (const e of all) codesByNorm.set(normName(e.name), (codesByNorm.get(normName(e.name)) ?? new Set()).add(e.code));
  const longNames = [...codesByNorm.keys()].filter((n) => n.split(' ').length >= MERGED_MIN_WORDS);

  const kept = new Map<string, Alias>();
  const dropped: Dropped[] = [];
  for (const s of seed.entries) {
    const target = nomen.get(s.code);
    for (const printed of s.names) {
      const name = cleanName(printed.name);
      const norm = normName(name);
      if (!target) {
        dropped.push({ code: s.code, name, why: `${revision} has no code ${s.code}` });
        continue;
      }
      const own = normName(target.name);
      if (norm === own) continue; // the nomenclature's spelling: no alias
      const others = [...(codesByNorm.get(norm) ?? [])].filter((c) => c !== target.listed_as);
      if (others.length) {
        dropped.push({ code: s.code, name, why: `the name of ${others.join(', ')}` });
        continue;
      }
      const merged = longNames.find((n) => !` ${own} `.includes(` ${n} `) && ` ${norm} `.includes(` ${n} `));
      if (merged) {
        dropped.push({ code: s.code, name, why: `holds the name of ${[...codesByNorm.get(merged)!].join(', ')} (rows merged)` });
        continue;
      }
      const score = nameSimilarity(name, target.name).score;
      if (score < ALIAS_MIN_SCORE) {
        dropped.push({ code: s.code, name, why: `unlike the nomenclature's "${target.name}" (score ${score.toFixed(2)})` });
        continue;
      }
      // one alias per spelling: the seed file lists the most printed first
      const key = `${target.listed_as}\u0000${norm}`;
      const known = kept.get(key);
      if (known) known.count += printed.count;
      else kept.set(key, { code: target.listed_as, name, canonical: target.name, source: SEED_SOURCE, count: printed.count });
    }
  }
  const aliases = [...kept.values()].sort((a, b) => compareCodes(a.code, b.code) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const file: AliasFile = {
    $comment: `Spellings documents print for nomenclature codes, other than the nomenclature's own after normalisation: aliases for matching names, never a source of codes. code is the nomenclature's (X.XX.… for a penunjang item printed under a bidang); an alias applies to a revision only where the code still has the name in canonical. Built by scripts/build-nomenclature.ts from the names the seed documents print (${relative(ROOT, SEED_FILE)}), checked against ${revision}; names that are another code's, hold another row's name, or score below ${ALIAS_MIN_SCORE} against the nomenclature's are left out. Do not edit by hand.`,
    checked_against: revision,
    sources: { [SEED_SOURCE]: { file: relative(ROOT, SEED_FILE), documents: seed.documents } },
    aliases,
  };
  return { file, dropped };
}

// ---- main

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`  ${relative(ROOT, path)}: ${(statSync(path).size / 1024).toFixed(0)} KiB`);
}

function main(args: string[]): void {
  const shared = resolve(args[0] ?? DEFAULT_SHARED);
  const notes = readmeSources(readFileSync(join(shared, 'README.md'), 'utf8'));
  const files = new Map<RevisionId, RevisionFile>();
  for (const rev of REVISIONS) {
    const f = buildRevision(rev, shared, notes);
    files.set(rev.id, f);
    const levels = new Map<string, number>();
    for (const e of f.entries) levels.set(e.level, (levels.get(e.level) ?? 0) + 1);
    const kinerja = f.entries.some((e) => e.kinerja) ? 'kinerja kept' : f.$comment.includes('kinerja texts are left out') ? 'kinerja left out (size)' : 'no kinerja in the source';
    console.log(`${rev.id}: ${f.entries.length} entries (${[...levels].map(([l, n]) => `${n} ${l}`).join(', ')}), ${kinerja}`);
    write(revisionFile(rev.id), serialiseRevision(f));
  }
  const { file, dropped } = buildAliases(files);
  console.log(`aliases: ${file.aliases.length} kept, ${dropped.length} dropped`);
  write(ALIASES_FILE, jsonLines(Object.fromEntries(Object.entries(file).filter(([k]) => k !== 'aliases')), 'aliases', file.aliases));
  const missing = dropped.filter((d) => d.why.includes('has no code'));
  if (missing.length) {
    console.log(`dropped, codes the nomenclature does not have (${missing.length}):`);
    for (const d of missing) console.log(`  ${d.code}  ${d.name}  — ${d.why}`);
  }
  const other = dropped.filter((d) => !missing.includes(d));
  if (other.length) {
    console.log(`dropped, not a spelling of the code's name (${other.length}):`);
    for (const d of other) console.log(`  ${d.code}  ${d.name.length > 90 ? `${d.name.slice(0, 90)}…` : d.name}  — ${d.why}`);
  }
}

main(process.argv.slice(2));
