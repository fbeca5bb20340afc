// The national nomenclature as a source of names for one document: the codes of the document's
// bidang list only (a health office's row is never matched to a public-works code), with the
// penunjang (support) items under its first bidang, where agencies print them. Lookups over many
// candidates go through the nomenclature's word index; scores are the same name similarity the
// document's own names are compared with.

import type { Level } from '../model.js';
import { bidangOf, compareCodes, parentCode } from '../nomenclature/code.js';
import type { Nomenclature, NomenclatureEntry } from '../nomenclature/index.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { perObject } from '../memo.js';
import { bestScore, clearBest, leastThatMatters, type CodeNames, type NameHit } from './names.js';

// up to this many candidates are scored one by one; more go through the word index
const DIRECT_SCORING = 48;
// candidates the word index returns per group: enough to see the best and its runner-up
const INDEX_LIMIT = 12;

export class NomenclatureNames implements CodeNames {
  private readonly entries = new Map<string, NomenclatureEntry>();
  private readonly kids = new Map<string, string[]>();
  private readonly byLevel = new Map<Level, string[]>();

  /**
   * `bidangs` in order of weight, the agency's main bidang first; `penunjang` is the revision the
   * support items come from when `nomenclature` lists none (Kepmendagri 050-5889/2021).
   */
  constructor(readonly nomenclature: Nomenclature, readonly bidangs: string[], penunjang: Nomenclature = nomenclature, private readonly lead = DEFAULT_SETTINGS.codes.clear_lead) {
    bidangs.forEach((b, i) => {
      const own = nomenclature.get(b);
      if (!own) return;
      const urusan = nomenclature.get(b.split('.')[0]);
      if (urusan) this.put(urusan);
      this.walk(nomenclature, own, (e) => !e.penunjang);
      // support items are printed under the first bidang only
      if (i === 0) {
        const root = penunjang.get(b) ?? own;
        this.walk(penunjang, root, (e) => e.penunjang);
      }
    });
    for (const list of this.kids.values()) list.sort(compareCodes);
  }

  private walk(n: Nomenclature, e: NomenclatureEntry, keep: (e: NomenclatureEntry) => boolean): void {
    this.put(e);
    for (const c of n.children(e.code)) if (keep(c) || c.level === 'bidang') this.walk(n, c, keep);
  }

  private put(e: NomenclatureEntry): void {
    if (this.entries.has(e.code)) return;
    this.entries.set(e.code, e);
    const parent = parentCode(e.code);
    if (parent) {
      const list = this.kids.get(parent);
      if (list) list.push(e.code);
      else this.kids.set(parent, [e.code]);
    }
    const level = e.level as Level;
    const list = this.byLevel.get(level);
    if (list) list.push(e.code);
    else this.byLevel.set(level, [e.code]);
  }

  entry(code: string): NomenclatureEntry | undefined {
    return this.entries.get(code);
  }

  has(code: string): boolean {
    return this.entries.has(code);
  }

  /** the nomenclature's name, then the spellings documents print for it */
  namesOf(code: string): string[] {
    const e = this.entries.get(code);
    return e ? [e.name, ...this.nomenclature.aliasesOf(e.listed_as)] : [];
  }

  /** every code, one array for the index's life: a search among them all is prepared once (`candidatesOf`) */
  codes(): string[] {
    return (this.allCodes ??= [...this.entries.keys()]);
  }

  private allCodes: string[] | undefined;

  children(prefix: string | null, level: Level): string[] {
    if (prefix === null) return this.byLevel.get(level) ?? [];
    return (this.kids.get(prefix) ?? []).filter((c) => this.entries.get(c)!.level === level);
  }

  best(name: string, candidates: string[], threshold: number, useContainment = false): NameHit | null {
    const { known, wanted, bidangs } = this.candidatesOf(candidates);
    // a name scoring below this can neither be taken nor stop one that is: no need to find it
    const minScore = leastThatMatters(threshold, this.lead);
    if (known.length <= DIRECT_SCORING) return clearBest(known.map((code) => ({ code, score: bestScore(name, this.namesOf(code), minScore, useContainment) })), threshold, this.lead);
    const hits = new Map<string, number>();
    for (const under of bidangs) {
      const found = this.nomenclature.byName(name, { under, fragments: useContainment, limit: INDEX_LIMIT, minScore });
      for (const f of found) if (wanted.has(f.code)) hits.set(f.code, Math.max(hits.get(f.code) ?? 0, f.score));
    }
    return clearBest([...hits].map(([code, score]) => ({ code, score })), threshold, this.lead);
  }

  /**
   * The candidates this index knows, as a set, and the bidang they fall in: one search per bidang
   * (a search across all bidang would fill its few places with codes of other bidang). Kept per
   * candidate list: the list of all codes is asked for row after row.
   */
  private readonly candidatesOf = perObject((candidates: string[]) => {
    const known = candidates.filter((c) => this.entries.has(c));
    return { known, wanted: new Set(known), bidangs: [...new Set(known.map((c) => bidangOf(c) ?? c))] };
  });
}
