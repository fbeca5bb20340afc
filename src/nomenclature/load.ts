// Where the nomenclature data lives in the repository, and reading it (validated, once).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PIPELINES_DIR } from '../paths.js';
import type { RevisionId } from './revisions.js';
import { type AgencySynonymFile, AgencySynonymFileSchema, type AliasFile, AliasFileSchema, type RevisionFile, RevisionFileSchema } from './schema.js';

export { PIPELINES_DIR };
export const REVISIONS_DIR = join(PIPELINES_DIR, 'nomenclature/revisions');
/** Spellings documents print for codes (built from aliases/seed-spellings.json). */
export const ALIASES_FILE = join(PIPELINES_DIR, 'nomenclature/aliases/aliases.json');
export const AGENCY_SYNONYMS_FILE = join(PIPELINES_DIR, 'agency-synonyms.json');

export function revisionFile(id: RevisionId): string {
  return join(REVISIONS_DIR, `${id}.json`);
}

const revisions = new Map<RevisionId, RevisionFile>();

/** A revision's file, read and validated once per process (the index and the lexicon both read it). */
export function readRevision(id: RevisionId): RevisionFile {
  let data = revisions.get(id);
  if (!data) {
    data = RevisionFileSchema.parse(JSON.parse(readFileSync(revisionFile(id), 'utf8')));
    if (data.revision !== id) throw new Error(`${revisionFile(id)} holds revision ${data.revision}, not ${id}`);
    revisions.set(id, data);
  }
  return data;
}

export function readAliases(): AliasFile {
  return AliasFileSchema.parse(JSON.parse(readFileSync(ALIASES_FILE, 'utf8')));
}

export function readAgencySynonyms(): AgencySynonymFile {
  return AgencySynonymFileSchema.parse(JSON.parse(readFileSync(AGENCY_SYNONYMS_FILE, 'utf8')));
}
