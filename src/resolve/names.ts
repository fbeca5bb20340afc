// Names by code, the two places a code can be recognised from a name: the document itself (the
// names it prints beside the codes it prints) and the national nomenclature. Code resolution and
// inference ask both through one interface.

import type { Level } from '../model.js';
import { levelOfCode, parentCode } from '../normalize/codes.js';
import { FRAGMENT_MIN_LENGTH, prepareName, preparedSimilarity, scoreAtLeast, type PreparedName } from '../normalize/similarity.js';
import { Vocabulary } from '../nomenclature/vocabulary.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { Memo } from '../memo.js';

/** What the code stages ask of a source of names. */
export interface CodeNames {
  has(code: string): boolean;
  /** the names known for a code (the first is its main name) */
  namesOf(code: string): string[];
  codes(): string[];
  /** codes of `level` under `prefix` (every code of that level when null) */
  children(prefix: string | null, level: Level): string[];
  /**
   * The code among `candidates` whose names are most like `name`, when it reaches `threshold`
   * and is clearly ahead of the next (a near tie is no match). `useContainment`: `name` may be a
   * fragment cut from a longer name.
   */
  best(name: string, candidates: string[], threshold: number, useContainment?: boolean): NameHit | null;
}

export interface NameHit {
  code: string;
  score: number;
}

/** A name found inside a longer one counts a little less than a name matching in full. */
export const CONTAINMENT_WEIGHT = 0.95;

// prepared names are kept per string: the same names are compared row after row
const prepared = new Memo<string, PreparedName>(50_000);

function prep(s: string): PreparedName {
  return prepared.get(s, () => prepareName(s));
}

/** Similarity of two names, their normal forms and tokens computed once per string. */
export function similarity(query: string, candidate: string): ReturnType<typeof preparedSimilarity> {
  return preparedSimilarity(prep(query), prep(candidate));
}

/**
 * The least score that can change clearBest's answer: a lower one is neither taken nor, as the
 * runner-up, close enough to stop one that reaches the threshold.
 */
export function leastThatMatters(threshold: number, lead: number): number {
  return Math.max(0, threshold - lead);
}

/**
 * A code's score for a name: the best of its names' (`useContainment`: a name found inside one of
 * them counts at CONTAINMENT_WEIGHT), exactly when it reaches `floor`, else 0 (scoreAtLeast).
 */
export function bestScore(name: string, names: string[], floor: number, useContainment: boolean): number {
  let best = 0;
  for (const n of names) best = Math.max(best, scoreAtLeast(prep(name), prep(n), floor, useContainment ? CONTAINMENT_WEIGHT : 0));
  return best;
}

/** Best and runner-up among scored candidates; the best when it reaches `threshold` and leads the next by `lead`. */
export function clearBest(scored: Iterable<NameHit>, threshold: number, lead: number): NameHit | null {
  let best: NameHit | null = null;
  let second = 0;
  for (const h of scored) {
    if (!best || h.score > best.score) {
      second = best?.score ?? 0;
      best = h;
    } else if (h.score > second) second = h.score;
  }
  if (!best || best.score < threshold || best.score - second < lead) return null;
  return best;
}

// up to this many candidates are scored one by one; more are first narrowed by the word index
const DIRECT_SCORING = 16;

/**
 * The codes whose names can score above 0 against a query: a name sharing a word with it (the
 * same word, a truncation or a near spelling, as the similarity's token match accepts), equal to
 * it in normal form, or — for a fragment — holding it whole.
 */
class NameWords {
  private readonly vocabulary = new Vocabulary();
  private readonly byWord = new Map<string, Set<string>>();
  private readonly byNorm = new Map<string, Set<string>>();
  private readonly compacts: { compact: string; code: string }[] = [];

  constructor(names: Map<string, string[]>) {
    const put = (map: Map<string, Set<string>>, key: string, code: string) => {
      const set = map.get(key);
      if (set) set.add(code);
      else map.set(key, new Set([code]));
    };
    for (const [code, list] of names) {
      for (const n of list) {
        const p = prep(n);
        for (const t of p.tokens) { this.vocabulary.add(t); put(this.byWord, t, code); }
        put(this.byNorm, p.norm, code);
        this.compacts.push({ compact: p.compact, code });
      }
    }
  }

  codesLike(query: string, fragments: boolean): Set<string> {
    const q = prep(query);
    const out = new Set<string>(this.byNorm.get(q.norm) ?? []);
    for (const t of q.tokens) for (const w of this.vocabulary.matches(t)) for (const c of this.byWord.get(w) ?? []) out.add(c);
    if (fragments && q.compact.length >= FRAGMENT_MIN_LENGTH) for (const x of this.compacts) if (x.compact.includes(q.compact)) out.add(x.code);
    return out;
  }
}

/** code → every name the document prints for it. */
export class NameIndex implements CodeNames {
  private names = new Map<string, string[]>();

  /** `lead`: how far ahead of the next a best match must be (Settings.codes.clear_lead) */
  constructor(private readonly lead = DEFAULT_SETTINGS.codes.clear_lead) {}

  // the word index over the names, built when first asked and dropped when a name is added
  private words: NameWords | null = null;

  add(code: string, name: string): void {
    if (!name.trim()) return;
    const list = this.names.get(code) ?? [];
    if (!list.includes(name)) list.push(name);
    this.names.set(code, list);
    this.words = null;
    this.kids.clear();
  }

  has(code: string): boolean {
    return this.names.has(code);
  }

  namesOf(code: string): string[] {
    return this.names.get(code) ?? [];
  }

  codes(): string[] {
    return [...this.names.keys()];
  }

  best(name: string, candidates: string[], threshold: number, useContainment = false): NameHit | null {
    // a code none of whose names shares a word with `name` scores 0, and a 0 is neither a match
    // nor a runner-up that could close the lead: only the codes the word index finds are scored
    let pool = candidates;
    if (candidates.length > DIRECT_SCORING) {
      this.words ??= new NameWords(this.names);
      const found = this.words.codesLike(name, useContainment);
      pool = candidates.filter((c) => found.has(c));
    }
    const floor = leastThatMatters(threshold, this.lead);
    return clearBest(pool.map((code) => ({ code, score: bestScore(name, this.namesOf(code), floor, useContainment) })), threshold, this.lead);
  }

  // children by prefix and level, asked for row after row: kept until a name is added
  private kids = new Map<string, string[]>();

  children(prefix: string | null, level: Level): string[] {
    const key = `${prefix ?? ''}|${level}`;
    let out = this.kids.get(key);
    if (!out) this.kids.set(key, (out = this.codes().filter((c) => levelOfCode(c) === level && (prefix === null || parentCode(c) === prefix))));
    return out;
  }
}
