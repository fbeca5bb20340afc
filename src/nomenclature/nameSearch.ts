// Finding names close to a query among a few thousand, fast enough to be asked for every row.
//
// Scores are the project's name similarity (src/normalize/similarity.ts), unchanged; this module
// only avoids computing it for names that cannot score: an inverted index maps each content word
// to the names that contain it, a query word is widened once to the indexed words it fuzzily
// equals (a typo, a truncation), and each name sharing words gets an upper bound of its score,
// so a caller scores names best bound first and stops when no bound can beat what it has.

import { type PreparedName, type Similarity, prepareName, preparedSimilarity } from '../normalize/similarity.js';
import { Memo } from '../memo.js';
import { Vocabulary } from './vocabulary.js';

/**
 * Words so common in nomenclature names that their postings would list most entries. They stay
 * in the names (the similarity counts them); they are only not used to find candidates.
 */
const INDEX_STOP_WORDS: ReadonlySet<string> = new Set(['program', 'kegiatan']);

/** Memo sizes (src/memo.ts): a batch run asks for the same names over and over, but should not grow without end. */
export const MAX_MEMO_ENTRIES = 50_000;
/** Float slack: a bound must never drop a name that reaches the minimum. */
const EPSILON = 1e-9;

export interface SearchOptions {
  /** names that cannot reach this score are not candidates */
  minScore: number;
  /** also score a query as a fragment of a name: max(score, fragmentWeight × containment) */
  fragmentWeight?: number;
}

export interface NameCandidateBound {
  /** the id `add` returned for the name */
  nameId: number;
  /** the most the name can score for the query */
  bound: number;
}

export interface NameScore {
  similarity: Similarity;
  /** the token F-score, or in fragment mode the larger of it and the weighted containment */
  score: number;
}

/** The names sharing words with a query: ids and how many query words each may match. */
interface Shared {
  ids: Int32Array;
  words: Int32Array;
  /** query words that match an unindexed word: they may be in any name */
  anywhere: number;
}

/** Names a search may be kept to (NameSearch.subset). */
export interface NameSubset {
  id: number;
  postings: Map<string, number[]>;
}

interface Prepared extends PreparedName {
  /** content words with the index stop words left out: the ones looked up */
  indexTokens: string[];
}

export class NameSearch {
  private readonly names: Prepared[] = [];
  private readonly idByNorm = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  /** every content word of every name, for widening a query word */
  private readonly vocabulary = new Vocabulary();
  private readonly widened = new Memo<string, string[]>(MAX_MEMO_ENTRIES);
  private readonly queries = new Memo<string, Prepared>(MAX_MEMO_ENTRIES);
  private readonly shared = new Memo<string, Shared>(MAX_MEMO_ENTRIES);
  private readonly pairs = new Memo<string, Map<number, Similarity>>(MAX_MEMO_ENTRIES);
  // per-name scratch counters, reset after each use: cheaper than a Map per query
  private count = new Int32Array(0);
  private seen = new Int32Array(0);

  /** Add a name (once per normal form); returns its id. */
  add(name: string): number {
    const p = prepare(name);
    const known = this.idByNorm.get(p.norm);
    if (known !== undefined) return known;
    const id = this.names.length;
    this.names.push(p);
    this.idByNorm.set(p.norm, id);
    for (const t of p.tokens) this.vocabulary.add(t);
    for (const t of new Set(p.indexTokens)) {
      const list = this.postings.get(t);
      if (list) list.push(id);
      else this.postings.set(t, [id]);
    }
    return id;
  }

  get size(): number {
    return this.names.length;
  }

  /**
   * The names `keep` accepts as a subset with postings of its own: a search within it (a bidang's
   * names) reads none of the others' postings. Bounds, order and scores are the whole index's.
   */
  subset(keep: (nameId: number) => boolean): NameSubset {
    const postings = new Map<string, number[]>();
    for (const [w, ids] of this.postings) {
      const kept = ids.filter(keep);
      if (kept.length) postings.set(w, kept);
    }
    return { id: ++this.subsets, postings };
  }

  private subsets = 0;

  /** The id of a name with exactly this normal form. */
  exact(query: string): number | undefined {
    return this.idByNorm.get(this.prepared(query).norm);
  }

  /**
   * The names that may reach `minScore`, best bound first. The similarity matches words one to
   * one, so a name can match at most as many words as the query has words occurring in it (h):
   * recall ≤ h/|query|, precision ≤ h/|name|, and the F-score at most theirs.
   */
  candidates(query: string, opts: SearchOptions, within: NameSubset | null = null): NameCandidateBound[] {
    const q = this.prepared(query);
    if (q.tokens.length === 0) return [];
    const shared = this.sharedWith(q, opts.fragmentWeight ? 1 : this.leastShared(q, opts.minScore), within);
    const out: NameCandidateBound[] = [];
    for (let i = 0; i < shared.ids.length; i++) {
      const nameId = shared.ids[i];
      const n = this.names[nameId];
      const matchable = Math.min(shared.words[i] + shared.anywhere, q.tokens.length, n.tokens.length);
      const recall = matchable / q.tokens.length;
      const precision = matchable / n.tokens.length;
      let bound = (2 * recall * precision) / (recall + precision);
      if (opts.fragmentWeight && bound < opts.minScore) {
        // the containment is at most the recall, or 1 when the query's letters lie inside the name
        const containment = opts.fragmentWeight * recall >= opts.minScore || !n.compact.includes(q.compact) ? recall : 1;
        bound = Math.max(bound, opts.fragmentWeight * containment);
      }
      if (bound >= opts.minScore) out.push({ nameId, bound });
    }
    return out.sort((a, b) => b.bound - a.bound || a.nameId - b.nameId);
  }

  /**
   * The fewest words a name must share with the query to reach `minScore`: with h words shared
   * (plus the query words that may match anywhere) the F-score is at most 2h/(|query| + h).
   */
  private leastShared(q: Prepared, minScore: number): number {
    const anywhere = q.tokens.filter((t) => this.widen(t).some((w) => INDEX_STOP_WORDS.has(w))).length;
    return Math.max(1, Math.ceil((minScore * q.tokens.length) / (2 - minScore) - anywhere - EPSILON));
  }

  /** The similarity of the query to a name (memoised per pair). */
  score(query: string, nameId: number, fragmentWeight?: number): NameScore {
    const q = this.prepared(query);
    const memo = this.pairs.get(q.norm, () => new Map());
    let similarity = memo.get(nameId);
    if (!similarity) {
      similarity = preparedSimilarity(q, this.names[nameId]);
      memo.set(nameId, similarity);
    }
    const score = fragmentWeight ? Math.max(similarity.score, fragmentWeight * similarity.containment) : similarity.score;
    return { similarity, score };
  }

  private prepared(s: string): Prepared {
    return this.queries.get(s, () => prepare(s));
  }

  /** The indexed words a query word may be matched to by the similarity's fuzzy token equality. */
  private widen(token: string): string[] {
    return this.widened.get(token, () => this.vocabulary.matches(token));
  }

  /**
   * Every name sharing at least `least` (fuzzily equal) words with the query, with how many.
   * Such a name holds one of the query's `|query| − least + 1` rarest words (else it could share
   * at most `least − 1`), so only their postings find names; the common words' postings only
   * add to the names found.
   */
  private sharedWith(q: Prepared, least: number, within: NameSubset | null): Shared {
    return this.shared.get(`${least}\u0000${within?.id ?? ''}\u0000${q.norm}`, () => this.findShared(q, least, within));
  }

  private findShared(q: Prepared, least: number, within: NameSubset | null): Shared {
    if (this.count.length < this.names.length) {
      this.count = new Int32Array(this.names.length);
      this.seen = new Int32Array(this.names.length);
    }
    const { count, seen } = this;
    const words = q.tokens.map((t) => this.widen(t));
    const anywhere = words.filter((ws) => ws.some((w) => INDEX_STOP_WORDS.has(w))).length;
    const postings = words.map((ws) => ws.reduce((n, w) => n + (this.postings.get(w)?.length ?? 0), 0));
    const order = q.tokens.map((_, k) => k).sort((a, b) => postings[a] - postings[b] || a - b);
    const readers = Math.max(1, q.tokens.length - least + 1);
    const touched: number[] = [];
    // the words' order by their postings in the whole index, whichever names are read: the same
    // names are found within a subset as in the whole, less those outside it
    const postingsRead = within?.postings ?? this.postings;
    order.forEach((k, rank) => {
      const reads = rank < readers;
      for (const w of words[k]) {
        for (const id of postingsRead.get(w) ?? []) {
          if (seen[id] === k + 1) continue; // this query word already counted for the name
          if (!reads && count[id] === 0) continue; // a common word only adds to names found
          seen[id] = k + 1;
          if (count[id]++ === 0) touched.push(id);
        }
      }
    });
    const result: Shared = { ids: Int32Array.from(touched), words: Int32Array.from(touched, (id) => count[id]), anywhere };
    for (const id of touched) {
      count[id] = 0;
      seen[id] = 0;
    }
    return result;
  }
}

function prepare(s: string): Prepared {
  const p = prepareName(s);
  return { ...p, indexTokens: p.tokens.filter((t) => !INDEX_STOP_WORDS.has(t)) }; // connectives are not tokens already
}
