// The national program nomenclature (all bidang, three revisions) as an index: by code with the
// penunjang rule, by name with loose matching, and agency name → bidang. Data in
// pipelines/nomenclature/revisions/, built by scripts/build-nomenclature.ts.

import { readAgencySynonyms, readAliases, readRevision } from './load.js';
import { Nomenclature } from './nomenclature.js';
import { LATEST_REVISION, type RevisionId, isRevisionId } from './revisions.js';

export { type BidangCandidate } from './agency.js';
export { canonicalCode, compareCodes, penunjangCode } from './code.js';
export { type ByNameOptions, DEFAULT_LIMIT, DEFAULT_MIN_SCORE, type NameCandidate, Nomenclature, type NomenclatureEntry } from './nomenclature.js';
export { LATEST_REVISION, REVISIONS, type RevisionId, revisionForYear, revisionInfo } from './revisions.js';
export type { GovLevel, NomenclatureLevel } from './schema.js';

const loaded = new Map<RevisionId, Nomenclature>();

/** A revision, read and indexed once per process. */
export function loadNomenclature(revision: RevisionId): Nomenclature {
  if (!isRevisionId(revision)) throw new Error(`unknown nomenclature revision ${revision}`);
  let n = loaded.get(revision);
  if (!n) {
    n = new Nomenclature(readRevision(revision), readAliases().aliases, readAgencySynonyms());
    loaded.set(revision, n);
  }
  return n;
}

/** Candidate bidang for an agency name, by the bidang names of `revision` (default the latest). */
export function bidangFromAgencyName(agency: string, revision: RevisionId = LATEST_REVISION) {
  return loadNomenclature(revision).bidangFromAgencyName(agency);
}
