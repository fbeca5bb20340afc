// Which bidang an agency works in, from its name: `Dinas Kesehatan` → 1.02 KESEHATAN.
//
// The agency's words are matched against the words of the nomenclature's bidang names, so a
// new revision's bidang list needs no code change. Where agencies and bidang use different
// words (`Dinas Peternakan` works in PERTANIAN) a small table in pipelines/agency-synonyms.json
// says so. Words match exactly: the name similarity's fuzzy word equality would take
// `pertanian` for `pertanahan` and send agriculture to the land bidang.

import { STOP_WORDS } from '../normalize/similarity.js';
import { normName } from '../normalize/text.js';
import type { AgencySynonymFile } from './schema.js';

/**
 * A bidang is a candidate when the agency names at least half of its words: `Dinas Perikanan`
 * names one of KELAUTAN DAN PERIKANAN's two. Below half, a shared word is incidental
 * (`masyarakat` in `Dinas Sosial dan Pemberdayaan Masyarakat` vs the five words of 1.05).
 */
const MIN_BIDANG_COVERAGE = 0.5;

/** Bidang names start `URUSAN PEMERINTAHAN BIDANG`; synonyms name a bidang by what follows. */
const BIDANG_NAME_PREFIX = /^urusan pemerintahan bidang /;

export interface BidangCandidate {
  readonly code: string;
  readonly name: string;
  /** F-score of the share of the bidang's words the agency names and the share of the agency's words the bidang explains */
  readonly score: number;
  /** the agency's words and synonym phrases that matched */
  readonly matched: string[];
}

interface Unit {
  text: string;
  /** bidang codes a synonym phrase stands for; null for a plain word */
  bidangs: string[] | null;
}

interface BidangWords {
  code: string;
  name: string;
  words: Set<string>;
}

export class AgencyMatcher {
  private readonly bidangs: BidangWords[];
  private readonly generic: Set<string>;
  private readonly regionMarkers: Set<string>;
  /** synonym phrases as word lists, longest first, with the bidang codes they resolve to here */
  private readonly phrases: { words: string[]; text: string; bidangs: string[] }[] = [];
  /** synonym targets this revision has no bidang for */
  readonly unresolved: string[] = [];

  constructor(bidangs: { code: string; name: string }[], table: AgencySynonymFile) {
    this.generic = new Set([...table.ignore.map(normName), ...STOP_WORDS]);
    this.regionMarkers = new Set(table.region_markers.map(normName));
    this.bidangs = bidangs.map((b) => ({ code: b.code, name: b.name, words: new Set(this.words(normName(b.name))) }));
    const byShortName = new Map(bidangs.map((b) => [normName(b.name).replace(BIDANG_NAME_PREFIX, ''), b.code]));
    // a phrase may stand for several bidang, listed in several entries (`pupr`)
    const byPhrase = new Map<string, Set<string>>();
    for (const s of table.synonyms) {
      for (const target of s.bidang) {
        const code = byShortName.get(normName(target));
        if (!code) {
          this.unresolved.push(target);
          continue;
        }
        for (const phrase of s.agency) byPhrase.set(normName(phrase), (byPhrase.get(normName(phrase)) ?? new Set()).add(code));
      }
    }
    for (const [text, codes] of byPhrase) this.phrases.push({ words: text.split(' '), text, bidangs: [...codes].sort() });
    this.phrases.sort((a, b) => b.words.length - a.words.length || a.text.localeCompare(b.text));
  }

  /** Candidate bidang codes, best first; empty when nothing matches (never a default). */
  match(agency: string): BidangCandidate[] {
    const units = this.units(normName(agency));
    if (!units.length) return [];
    const out: BidangCandidate[] = [];
    for (const b of this.bidangs) {
      const covered = new Set<string>();
      const matched: string[] = [];
      for (const u of units) {
        if (u.bidangs ? u.bidangs.includes(b.code) : b.words.has(u.text)) {
          if (u.bidangs) for (const w of b.words) covered.add(w);
          else covered.add(u.text);
          matched.push(u.text);
        }
      }
      const bidangShare = b.words.size ? covered.size / b.words.size : 0;
      if (!matched.length || bidangShare < MIN_BIDANG_COVERAGE) continue;
      const agencyShare = matched.length / units.length;
      const score = (2 * bidangShare * agencyShare) / (bidangShare + agencyShare);
      out.push({ code: b.code, name: b.name, score, matched });
    }
    return out.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  }

  private words(norm: string): string[] {
    return norm.split(' ').filter((w) => w.length > 1 && !this.generic.has(w));
  }

  /** The agency name as synonym phrases and plain words, without its region and generic words. */
  private units(norm: string): Unit[] {
    const words = norm.split(' ').filter(Boolean);
    const units: Unit[] = [];
    for (let i = 0; i < words.length; ) {
      const p = this.phrases.find((x) => x.words.every((w, k) => words[i + k] === w));
      if (p) {
        units.push({ text: p.text, bidangs: p.bidangs });
        i += p.words.length;
      } else units.push({ text: words[i++], bidangs: null });
    }
    const meaningful = (u: Unit) => u.bidangs !== null || (u.text.length > 1 && !this.generic.has(u.text) && !this.regionMarkers.has(u.text));
    // `Dinas Sosial Kota Metro`: the region follows its marker; a marker first (`Kota Metro …`) cuts nothing
    const cut = units.findIndex((u, k) => u.bidangs === null && this.regionMarkers.has(u.text) && units.slice(0, k).some(meaningful));
    return (cut >= 0 ? units.slice(0, cut) : units).filter(meaningful);
  }
}
