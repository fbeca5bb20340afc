// The words of all indexed names, and which of them a query word fuzzily equals — without
// computing Jaro–Winkler against every word. The result is exactly the words `tokenMatch`
// accepts (in either direction); the shortcuts only skip words it cannot accept.

import { commonPrefix, EPSILON, letterBound, letterIndex, letterMask, MIN_LENGTH_RATIO, MIN_SHARE_SUM, shareReaches, TOKEN_MATCH, tokenMatch, WINKLER_MAX_PREFIX } from '../normalize/similarity.js';

const ALPHABET = 36; // a–z and 0–9: normName leaves nothing else

function letterCounts(word: string): Uint8Array {
  const c = new Uint8Array(ALPHABET);
  for (let i = 0; i < word.length; i++) c[letterIndex(word, i)]++;
  return c;
}

function shared(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < ALPHABET; i++) n += a[i] < b[i] ? a[i] : b[i];
  return n;
}

interface Word {
  word: string;
  counts: Uint8Array;
  mask: [number, number];
}

export class Vocabulary {
  private readonly words = new Set<string>();
  private readonly byLength = new Map<number, Word[]>();
  private sorted: string[] | null = null;

  add(word: string): void {
    if (this.words.has(word)) return;
    this.words.add(word);
    const list = this.byLength.get(word.length) ?? [];
    list.push({ word, counts: letterCounts(word), mask: letterMask(word) });
    this.byLength.set(word.length, list);
    this.sorted = null;
  }

  get size(): number {
    return this.words.size;
  }

  /** Every word w with tokenMatch(token, w) or tokenMatch(w, token). */
  matches(token: string): string[] {
    const out = new Set<string>();
    if (this.words.has(token)) out.add(token);
    if (token.length < TOKEN_MATCH.minLength) return [...out];
    // truncations: a word that is a prefix of the token, or that the token is a prefix of
    for (let n = TOKEN_MATCH.minLength; n < token.length; n++) if (this.words.has(token.slice(0, n))) out.add(token.slice(0, n));
    for (const w of this.startingWith(token)) out.add(w);
    // near spellings: only words whose length and letters leave Jaro–Winkler a chance
    const counts = letterCounts(token);
    const mask = letterMask(token);
    const from = Math.max(TOKEN_MATCH.minLength, Math.ceil(token.length * MIN_LENGTH_RATIO - EPSILON));
    const to = Math.floor(token.length / MIN_LENGTH_RATIO + EPSILON);
    const reaches = (m: number, len: number, need: number) => shareReaches(m, token.length, len, need);
    for (let len = from; len <= to; len++) {
      for (const w of this.byLength.get(len) ?? []) {
        // cheap bounds first (letters one word lacks, against the loosest need), then the exact need
        const rough = letterBound(token.length, mask[0], mask[1], len, w.mask[0], w.mask[1]);
        if (!reaches(rough, len, MIN_SHARE_SUM[WINKLER_MAX_PREFIX]) || out.has(w.word)) continue;
        const need = MIN_SHARE_SUM[commonPrefix(token, w.word)];
        if (!reaches(rough, len, need) || !reaches(shared(counts, w.counts), len, need)) continue;
        if (tokenMatch(token, w.word) || tokenMatch(w.word, token)) out.add(w.word);
      }
    }
    return [...out];
  }

  /** Words that start with `prefix` (binary search in the sorted words). */
  private startingWith(prefix: string): string[] {
    this.sorted ??= [...this.words].sort();
    const s = this.sorted;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < s.length && s[i].startsWith(prefix); i++) out.push(s[i]);
    return out;
  }
}
