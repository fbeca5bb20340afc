// What a document's codes are read against, decided once per document before its rows:
// - the code system: Kepmendagri (Permendagri 90/2019 and its revisions: `1.06.01.2.01.0001`) or
//   the older Permendagri 13/2006 numbering (`1.20.59`, `307.01.001`, `08 1 08 02 15`), whose
//   codes are kept as printed, never forced into the new scheme;
// - the nomenclature revision in force for the budget year;
// - the bidang list: from the codes the document prints, else its agency's name, else the names
//   in its tables. Never a default bidang: a document whose bidang cannot be told gets no codes
//   from the nomenclature.

import type { LayoutLine } from '../model.js';
import { Memo, perObject } from '../memo.js';
import { bidangOf, canonicalCode } from '../nomenclature/code.js';
import { LATEST_REVISION, loadNomenclature, REVISIONS, revisionForYear, type Nomenclature, type RevisionId } from '../nomenclature/index.js';
import { Tally } from '../tally.js';
import { NomenclatureNames } from './nomenclatureNames.js';

export type CodeSystem = 'kepmendagri' | 'permendagri-13';

export interface BidangChoice {
  code: string;
  name: string;
  /** what told it: printed codes, the agency's name, or the names in the tables */
  source: 'codes' | 'agency' | 'names';
}

export interface CodeScope {
  system: CodeSystem;
  /** the revision codes are read against; null for Permendagri 13/2006 documents */
  revision: RevisionId | null;
  bidangs: BidangChoice[];
  /** the nomenclature's codes and names of the bidang list; null when there is none */
  names: NomenclatureNames | null;
}

// bidang lists whose names are kept: an archive's agencies read against a few dozen lists
const MAX_BIDANG_LISTS = 200;

/** The first year of the Kepmendagri scheme: budgets from 2020 on (Permendagri 90/2019). */
export const FIRST_KEPMENDAGRI_YEAR = 2020;
// a bidang printed by fewer codes than this share of the most printed one is noise (a misread cell)
const MIN_BIDANG_SHARE = 0.1;
// unless its codes nest (a program and its kegiatan, a kegiatan and its sub-kegiatan): a section of
// the document for a second bidang, however small, not one misread cell
const MIN_SECTION_SHARE = 0.03;
// and by fewer than this many codes
const MIN_BIDANG_CODES = 2;
// an agency's bidang candidates within this of the best are all kept (Dinas PUPR: 1.03 and 1.04)
const AGENCY_TIE = 0.1;
// how many table names are matched to tell the bidang of a document that prints no code
const NAMES_TRIED = 150;
// a name matching a nomenclature entry this closely counts for that entry's bidang
const NAME_VOTE = 0.9;

// dotted codes of the new scheme: urusan, bidang and program at least (`1.06.01`, `1.06.01.2.01.0001`)
const NEW_CODE = /(?<![\d.,])([1-9]\s?\.\s?\d{2}\s?\.\s?\d{2}(?:\s?\.\s?\d\s?\.\s?\d{2}(?:\s?\.\s?\d{2,4})?)?)(?![\d.,]*\d)/g;
// Permendagri 13/2006 codes: urusan and bidang glued (`307`, `307.01`, `307.01.001`)
const GLUED_OLD = /^[1-8]\d{2}(?:[.,]\d{2}(?:[.,]\d{2,3})?)?$/;

/**
 * Every dotted code printed at the start of a line's first cells. Read once a document: the
 * system, the revision and the bidang are all told from them.
 */
const printedCodes = perObject((lines: LayoutLine[]): string[] => {
  const out: string[] = [];
  for (const l of lines) {
    const head = l.cells.slice(0, 3).map((c) => c.text).join(' ');
    for (const m of head.matchAll(NEW_CODE)) out.push(m[1].replace(/\s/g, ''));
  }
  return out;
});

/** Codes of the Permendagri 13/2006 kind in the first cells: urusan and bidang glued (`307.01`). */
function oldCodes(lines: LayoutLine[]): number {
  let n = 0;
  for (const l of lines) {
    const first = l.cells.find((c) => c.text.trim() !== '')?.text.trim() ?? '';
    if (GLUED_OLD.test(first) && /[.,]/.test(first)) n++;
  }
  return n;
}

/** A printed code as the nomenclature knows it in some revision (the support rule included). */
function known(code: string): boolean {
  const c = canonicalCode(code);
  return !!c && REVISIONS.some((r) => loadNomenclature(r.id).has(c));
}

/**
 * The code system: a document budgeted before 2020 can only use the old numbering; after, the
 * new one, unless its printed codes say otherwise (a 2020 plan written in 2019 with old codes).
 */
export function detectCodeSystem(lines: LayoutLine[], year: number | null): CodeSystem {
  if (year !== null && year < FIRST_KEPMENDAGRI_YEAR) return 'permendagri-13';
  const printed = printedCodes(lines);
  const fits = printed.filter(known).length;
  const old = oldCodes(lines) + (printed.length - fits);
  return old > fits && old >= MIN_BIDANG_CODES ? 'permendagri-13' : 'kepmendagri';
}

/** The revision of a budget year; without a year, the one that knows most printed codes, else the latest. */
export function chooseRevision(year: number | null, lines: LayoutLine[]): RevisionId {
  const byYear = revisionForYear(year);
  if (byYear) return byYear;
  const printed = printedCodes(lines).map((c) => canonicalCode(c)).filter((c): c is string => !!c);
  let best: RevisionId = LATEST_REVISION;
  let bestHits = 0;
  for (const r of REVISIONS) {
    const n = loadNomenclature(r.id);
    const hits = printed.filter((c) => n.has(c)).length;
    if (hits > bestHits) [best, bestHits] = [r.id, hits];
  }
  return best;
}

/** A bidang a row's code cells print, and the code as printed (what makes two votes one). */
export interface RowBidang {
  bidang: string;
  printed: string;
}

/**
 * The bidang a document prints codes of, most printed first, each counted once per distinct code:
 * a table repeated in three chapters is one vote per code, not three, so a bidang's share does
 * not depend on how often the document repeats its tables. `rowCodes`: the bidang the rows' code
 * cells print (partial codes completed with the urusan they lack).
 */
function bidangFromCodes(lines: LayoutLine[], n: Nomenclature, rowCodes: RowBidang[]): string[] {
  const votes = new Map<string, Set<string>>();
  const vote = (bidang: string, code: string) => votes.set(bidang, (votes.get(bidang) ?? new Set()).add(code));
  for (const c of printedCodes(lines)) {
    const code = canonicalCode(c);
    const b = code ? bidangOf(code) : null;
    // a code counts for its bidang when the nomenclature knows the code, not just the bidang
    if (b && n.get(b)?.level === 'bidang' && known(code!)) vote(b, code!);
  }
  for (const r of rowCodes) {
    if (n.get(r.bidang)?.level === 'bidang') vote(r.bidang, canonicalCode(r.printed) ?? r.printed.replace(/\s+/g, ''));
  }
  const tally = new Tally<string>();
  for (const [b, codes] of votes) tally.add(b, codes.size);
  const ranked = tally.ranked();
  const top = ranked[0]?.[1] ?? 0;
  return ranked
    .filter(([b, k], i) => k >= MIN_BIDANG_CODES && (i === 0 || k >= MIN_BIDANG_SHARE * top || (k >= MIN_SECTION_SHARE * top && nested(votes.get(b)!))))
    .map(([b]) => b);
}

/** Do some of these codes sit under others (a kegiatan under its program, a sub-kegiatan under its kegiatan)? */
function nested(codes: Set<string>): boolean {
  for (const c of codes) for (const d of codes) if (d.startsWith(`${c}.`)) return true;
  return false;
}

function bidangFromAgency(agency: string | null, n: Nomenclature): string[] {
  if (!agency) return [];
  const found = n.bidangFromAgencyName(agency);
  const top = found[0]?.score ?? 0;
  return found.filter((c) => c.score >= top - AGENCY_TIE).map((c) => c.code);
}

/**
 * The bidang whose program, kegiatan and sub-kegiatan names most table rows carry. Support items
 * are every bidang's and tell nothing; a bidang needs two votes and most of them.
 */
function bidangFromNames(names: string[], n: Nomenclature): string[] {
  const tally = new Tally<string>();
  for (const name of names.slice(0, NAMES_TRIED)) {
    const hit = n.byName(name, { minScore: NAME_VOTE, limit: 2 })[0];
    if (!hit || hit.entry.penunjang || hit.code.startsWith('X')) continue;
    const b = bidangOf(hit.code);
    if (b) tally.add(b);
  }
  const [best, k] = tally.top() ?? [null, 0];
  return best && k >= MIN_BIDANG_CODES && k >= 0.6 * tally.total() ? [best] : [];
}

/** Is `code` of the document's bidang (or an urusan above them)? True for every code when there is no list. */
export function inBidangList(code: string, scope: CodeScope): boolean {
  if (scope.bidangs.length === 0) return true;
  const b = bidangOf(code);
  return b === null ? scope.bidangs.some((x) => x.code.startsWith(`${code}.`)) : scope.bidangs.some((x) => x.code === b);
}

/** Everything the code stages need to know about the document's scheme. */
/**
 * `rowNames`: the names of the table rows, asked for only when neither the codes nor the agency
 * tell the bidang (reading them means assembling every row).
 */
export function codeScope(o: { lines: LayoutLine[]; year: number | null; agency: string | null; rowNames: () => string[]; rowCodes: RowBidang[]; clearLead?: number }): CodeScope {
  const system = detectCodeSystem(o.lines, o.year);
  if (system === 'permendagri-13') return { system, revision: null, bidangs: [], names: null };
  const revision = chooseRevision(o.year, o.lines);
  const n = loadNomenclature(revision);
  let source: BidangChoice['source'] = 'codes';
  let list = bidangFromCodes(o.lines, n, o.rowCodes);
  if (list.length === 0) [source, list] = ['agency', bidangFromAgency(o.agency, n)];
  if (list.length === 0) [source, list] = ['names', bidangFromNames(o.rowNames(), n)];
  const bidangs = list.map((code) => ({ code, name: n.get(code)?.name ?? '', source }));
  // support items from the revision in force, or the latest where it lists none (050-5889/2021)
  const penunjang = n.has('X.XX.01') ? n : loadNomenclature(LATEST_REVISION);
  return { system, revision, bidangs, names: bidangs.length ? namesOf(n, list, penunjang, o.clearLead) : null };
}

// the names of a bidang list, walked out of the nomenclature once (a social agency's documents
// all read against 1.06): built per document it was a tenth of a small document's time
const bidangNames = new Memo<string, NomenclatureNames>(MAX_BIDANG_LISTS);

function namesOf(n: Nomenclature, list: string[], penunjang: Nomenclature, clearLead?: number): NomenclatureNames {
  return bidangNames.get([n.revision, penunjang.revision, clearLead ?? '', ...list].join('|'), () => new NomenclatureNames(n, list, penunjang, clearLead));
}
