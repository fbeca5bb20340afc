// One revision of the national nomenclature, indexed by code and by name.

import type { Similarity } from '../normalize/similarity.js';
import { normName } from '../normalize/text.js';
import { AgencyMatcher, type BidangCandidate } from './agency.js';
import { PENUNJANG_BIDANG, bidangOf, canonicalCode, compareCodes, isPenunjang, isUnder, parentCode, penunjangCode, underBidang } from './code.js';
import { MAX_MEMO_ENTRIES, NameSearch, type NameSubset } from './nameSearch.js';
import type { RevisionId } from './revisions.js';
import type { AgencySynonymFile, Alias, EntryData, GovLevel, NomenclatureLevel, RevisionFile } from './schema.js';
import { Memo } from '../memo.js';

/** Shared between callers (results are memoised): read-only. */
export interface NomenclatureEntry {
  /** the code asked for, canonical: `1.06.01.2.02.0001` even for a penunjang item */
  readonly code: string;
  readonly level: NomenclatureLevel;
  /** the nomenclature's spelling */
  readonly name: string;
  readonly unit: string | null;
  readonly indicator: string | null;
  readonly kinerja: string | null;
  readonly gov_level: GovLevel;
  readonly special_region: string | null;
  /** found by the penunjang rule: the revision lists it once as `X.XX.…` for every bidang */
  readonly penunjang: boolean;
  /** the code the revision lists it under (`X.XX.01.2.02.0001` for a penunjang item) */
  readonly listed_as: string;
}

export interface NameCandidate {
  readonly code: string;
  /** what candidates are ranked on: the similarity's token F-score (1 for the same normalised name) */
  readonly score: number;
  readonly similarity: Similarity;
  /** matched the nomenclature's own name, or a spelling documents print for it */
  readonly via: 'name' | 'alias';
  /** the name matched */
  readonly matched: string;
  readonly entry: NomenclatureEntry;
}

export interface ByNameOptions {
  level?: NomenclatureLevel;
  /**
   * a code prefix (`1.02`, `1.02.03`); penunjang items are offered under a bidang's own codes
   * (`1.02.01.…`), and not under an urusan alone (they need a bidang)
   */
  under?: string;
  /** candidates scoring below are dropped; default DEFAULT_MIN_SCORE */
  minScore?: number;
  /** at most this many candidates; default DEFAULT_LIMIT */
  limit?: number;
  /** the name may be a fragment cut from a longer one (a cell border split it) */
  fragments?: boolean;
  govLevels?: GovLevel[];
  /** match the spellings documents print too (default true) */
  aliases?: boolean;
}

/** A token F-score of 0.5: half the words in common. Below, names are other items, not misspellings. */
export const DEFAULT_MIN_SCORE = 0.5;
/** Enough to see the competition; callers deciding a code look at the first two. */
export const DEFAULT_LIMIT = 10;
/**
 * A fragment wholly inside a name ranks a little below a name matching in full, as in the
 * project's code inference (src/resolve/codes.ts weighs containment 0.95).
 */
const FRAGMENT_WEIGHT = 0.95;
/**
 * Safety net on the names scored for one lookup. The score bounds already skip names that cannot
 * compete; this only limits a pathological query, far above the few dozen real ones leave.
 */
const MAX_SCORED_PER_QUERY = 500;

interface NameTarget {
  entry: number;
  via: 'name' | 'alias';
}

export class Nomenclature {
  readonly revision: RevisionId;
  readonly regulation: string;
  readonly budgetYears: { from: number; to: number | null };
  private readonly entries: EntryData[];
  private readonly byCode = new Map<string, number>();
  private readonly childCodes = new Map<string, string[]>();
  /** the name index, built on first search (a document with every code printed never needs it) */
  private names: NameSearch | null = null;
  private readonly unindexed: [string, NameTarget][] = [];
  /** name id → the entries with that (normalised) name or alias */
  private readonly targets: NameTarget[][] = [];
  /** name id → the alias's own spelling, for `matched` */
  private readonly aliasNames = new Map<number, string>();
  // misread codes are many: bounded
  private readonly resolved = new Memo<string, NomenclatureEntry | null>(MAX_MEMO_ENTRIES);
  /** byName results by query and options: documents print the same names in several tables */
  private readonly lookups = new Memo<string, NameCandidate[]>(MAX_MEMO_ENTRIES);
  private readonly agencyTable: AgencySynonymFile | null;
  private agency: AgencyMatcher | null = null;
  /** listed code → the spellings documents print for it */
  private readonly aliases = new Map<string, string[]>();

  constructor(file: RevisionFile, aliases: Alias[] = [], agencyTable: AgencySynonymFile | null = null) {
    this.revision = file.revision as RevisionId;
    this.regulation = file.regulation;
    this.budgetYears = file.budget_years;
    this.entries = file.entries;
    this.agencyTable = agencyTable;
    this.entries.forEach((e, i) => {
      if (this.byCode.has(e.code)) throw new Error(`${file.revision}: code ${e.code} listed twice`);
      this.byCode.set(e.code, i);
      const parent = parentCode(e.code);
      if (parent) {
        const siblings = this.childCodes.get(parent);
        if (siblings) siblings.push(e.code);
        else this.childCodes.set(parent, [e.code]);
      }
      this.unindexed.push([e.name, { entry: i, via: 'name' }]);
    });
    for (const a of aliases) {
      const i = this.byCode.get(a.code);
      // an alias spells the name it was checked against: not another name a revision gives the code
      if (i !== undefined && normName(this.entries[i].name) === normName(a.canonical)) {
        this.unindexed.push([a.name, { entry: i, via: 'alias' }]);
        this.aliases.set(a.code, [...(this.aliases.get(a.code) ?? []), a.name]);
      }
    }
  }

  /** The spellings documents print for a code, as the revision lists it (`X.XX.…` for support items). */
  aliasesOf(listedAs: string): string[] {
    return this.aliases.get(listedAs) ?? [];
  }

  get size(): number {
    return this.entries.length;
  }

  /** The entry of a code (any printed form), by the penunjang rule if the bidang has none of its own. */
  get(code: string): NomenclatureEntry | undefined {
    // by the code as printed: the same printed codes are asked for again and again
    return this.resolved.get(code, () => {
      const c = canonicalCode(code);
      return c ? this.resolve(c) : null;
    }) ?? undefined;
  }

  has(code: string): boolean {
    return this.get(code) !== undefined;
  }

  /** The entry of the code's parent; undefined at the top and where the revision lacks the parent row. */
  parent(code: string): NomenclatureEntry | undefined {
    const c = canonicalCode(code);
    const p = c ? parentCode(c) : null;
    return p ? this.get(p) : undefined;
  }

  /** The code's children in code order; a bidang's include its penunjang program (`1.06.01`). */
  children(code: string): NomenclatureEntry[] {
    const c = canonicalCode(code);
    if (!c) return [];
    const codes = new Set(this.childCodes.get(c) ?? []);
    const listed = this.isBidang(c) ? PENUNJANG_BIDANG : penunjangCode(c);
    const bidang = bidangOf(c);
    if (listed && bidang && this.isBidang(bidang)) for (const x of this.childCodes.get(listed) ?? []) codes.add(underBidang(x, bidang));
    return [...codes].sort(compareCodes).map((x) => this.get(x)).filter((e): e is NomenclatureEntry => e !== undefined);
  }

  /** The bidang (not the `X.XX` penunjang pseudo-bidang, whose items every bidang has). */
  bidangs(): NomenclatureEntry[] {
    return this.entries.filter((e) => e.level === 'bidang' && !isPenunjang(e.code)).map((e) => this.view(e, e.code, false));
  }

  /** A bidang's programs, its penunjang program included. */
  programs(bidang: string): NomenclatureEntry[] {
    return this.children(bidang).filter((e) => e.level === 'program');
  }

  /** Every entry as the revision lists it. */
  all(): NomenclatureEntry[] {
    return this.entries.map((e) => this.view(e, e.code, false));
  }

  /**
   * Codes whose name is like `name`, best first. A name equal after normalisation (`normName`)
   * returns only its codes, with score 1 (several codes share names: `Penyediaan Sandang`).
   */
  byName(name: string, opts: ByNameOptions = {}): NameCandidate[] {
    const key = [name, opts.level, opts.under, opts.minScore, opts.limit, opts.fragments, opts.govLevels?.join(','), opts.aliases].join('\u0000');
    return this.lookups.get(key, () => this.lookUp(name, opts)).slice();
  }

  private lookUp(name: string, opts: ByNameOptions): NameCandidate[] {
    const names = this.nameIndex();
    const under = opts.under === undefined ? null : canonicalCode(opts.under);
    if (opts.under !== undefined && !under) return [];
    const place = (t: NameTarget) => (opts.aliases === false && t.via === 'alias' ? null : this.place(t.entry, under, opts));
    const accept = (nameId: number) => this.targets[nameId].some((t) => place(t) !== null);
    const limit = opts.limit ?? DEFAULT_LIMIT;
    const best = new Map<string, NameCandidate>();
    const take = (nameId: number, score: number, similarity: Similarity) => {
      for (const t of this.targets[nameId]) {
        const code = place(t);
        if (code === null) continue;
        const e = this.entries[t.entry];
        const c: NameCandidate = { code, score, similarity, via: t.via, matched: t.via === 'name' ? e.name : this.aliasText(nameId), entry: this.view(e, code, code !== e.code) };
        const known = best.get(code);
        if (!known || rank(c, known) < 0) best.set(code, c);
      }
    };
    const exact = names.exact(name);
    // a search under a code reads only the names that can be placed under its bidang
    const within = under === null ? null : this.namesUnder(names, under);
    if (exact !== undefined && accept(exact)) take(exact, 1, { score: 1, dice: 1, containment: 1 });
    else {
      const minScore = opts.minScore ?? DEFAULT_MIN_SCORE;
      const fragmentWeight = opts.fragments ? FRAGMENT_WEIGHT : undefined;
      let scored = 0;
      for (const c of names.candidates(name, { minScore, fragmentWeight }, within)) {
        // best bound first: once `limit` codes beat the next bound, no later name can enter
        if (best.size >= limit && kthScore(best, limit) > c.bound) break;
        if (!accept(c.nameId)) continue;
        if (++scored > MAX_SCORED_PER_QUERY) break;
        const s = names.score(name, c.nameId, fragmentWeight);
        if (s.score >= minScore) take(c.nameId, s.score, s.similarity);
      }
    }
    return [...best.values()].sort(rank).slice(0, limit);
  }

  /** Candidate bidang for an agency name (`Dinas Kesehatan` → 1.02), best first; empty when none. */
  bidangFromAgencyName(agency: string): BidangCandidate[] {
    if (!this.agencyTable) throw new Error('this nomenclature was built without the agency synonym table');
    this.agency ??= new AgencyMatcher(this.bidangs(), this.agencyTable);
    return this.agency.match(agency);
  }

  /** Synonym table targets this revision has no bidang for (a renamed bidang: update the table). */
  unresolvedAgencySynonyms(): string[] {
    if (!this.agencyTable) return [];
    this.agency ??= new AgencyMatcher(this.bidangs(), this.agencyTable);
    return [...this.agency.unresolved];
  }

  private nameIndex(): NameSearch {
    if (!this.names) {
      this.names = new NameSearch();
      for (const [name, target] of this.unindexed) this.addName(this.names, name, target);
      this.unindexed.length = 0;
    }
    return this.names;
  }

  /**
   * The names of entries under `under`'s bidang, and the penunjang items (placed under any
   * bidang): every name `place` can put under `under`, and no more than a bidang's. Kept per bidang.
   */
  private namesUnder(names: NameSearch, under: string): NameSubset {
    const top = bidangOf(under) ?? under;
    let subset = this.subsets.get(top);
    if (!subset) {
      subset = names.subset((id) => this.targets[id].some((t) => isUnder(this.entries[t.entry].code, top) || isPenunjang(this.entries[t.entry].code)));
      this.subsets.set(top, subset);
    }
    return subset;
  }

  private readonly subsets = new Map<string, NameSubset>();

  private addName(names: NameSearch, name: string, target: NameTarget): void {
    const id = names.add(name);
    const list = (this.targets[id] ??= []);
    // the same entry by its name and by an alias normalising alike: the name is enough
    if (!list.some((t) => t.entry === target.entry)) list.push(target);
    if (target.via === 'alias' && !this.aliasNames.has(id)) this.aliasNames.set(id, name);
  }

  private aliasText(nameId: number): string {
    return this.aliasNames.get(nameId) ?? '';
  }

  private resolve(code: string): NomenclatureEntry | null {
    const own = this.byCode.get(code);
    if (own !== undefined) return this.view(this.entries[own], code, false);
    const listed = penunjangCode(code);
    const bidang = bidangOf(code);
    const i = listed && bidang && this.isBidang(bidang) ? this.byCode.get(listed) : undefined;
    return i === undefined ? null : this.view(this.entries[i], code, true);
  }

  private isBidang(code: string): boolean {
    const i = this.byCode.get(code);
    return i !== undefined && this.entries[i].level === 'bidang' && !isPenunjang(code);
  }

  /** The code an entry is offered under for a query, or null when the filters exclude it. */
  private place(i: number, under: string | null, opts: ByNameOptions): string | null {
    const e = this.entries[i];
    if (opts.level && e.level !== opts.level) return null;
    if (opts.govLevels && !opts.govLevels.includes(e.gov_level)) return null;
    if (under === null) return e.code;
    if (!isPenunjang(e.code) || isPenunjang(under)) return isUnder(e.code, under) ? e.code : null;
    // a penunjang item asked for under a bidang is that bidang's, unless the bidang lists its own
    const bidang = bidangOf(under);
    if (!bidang || !this.isBidang(bidang) || !e.code.startsWith(`${PENUNJANG_BIDANG}.`)) return null;
    const code = underBidang(e.code, bidang);
    return !this.byCode.has(code) && isUnder(code, under) ? code : null;
  }

  private view(e: EntryData, code: string, penunjang: boolean): NomenclatureEntry {
    return {
      code,
      level: e.level,
      name: e.name,
      unit: e.unit ?? null,
      indicator: e.indicator ?? null,
      kinerja: e.kinerja ?? null,
      gov_level: e.gov_level,
      special_region: e.special_region ?? null,
      penunjang,
      listed_as: e.code,
    };
  }
}

/** The k-th best score among the candidates so far. */
function kthScore(best: Map<string, NameCandidate>, k: number): number {
  return [...best.values()].map((c) => c.score).sort((a, b) => b - a)[k - 1];
}

/** Best first: score, the nomenclature's own name before an alias, closer spelling, then code. */
function rank(a: NameCandidate, b: NameCandidate): number {
  return b.score - a.score || (a.via === b.via ? 0 : a.via === 'name' ? -1 : 1) || b.similarity.dice - a.similarity.dice || compareCodes(a.code, b.code);
}
