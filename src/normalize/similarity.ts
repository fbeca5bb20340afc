// Name similarity for matching program/kegiatan/sub-kegiatan names across tables: a token
// F-score with fuzzy token equality (Jaro–Winkler, from natural), and Dice on bigrams, so `Pemberian Layanan Reunifikasi` ≈ `Pemberian Pelayanan Reunifikasi`
// and a fragment like `ANG BERKAITAN DENGAN PELAYAN.` still finds its full name.

// Only the distance functions: natural's main entry also loads its storage adapters (Redis,
// Postgres, Memcached), which load dotenv, which writes five banner lines to stdout — a JSON
// document written to stdout (`--out -`) would not parse — and the whole entry takes 1.3 s to load
// against 0.1 s for this module (Node 20, measured 2026-12-02).
import distance from 'natural/lib/natural/distance/index.js';
import { normName } from './text.js';
import { Memo } from '../memo.js';

const { DiceCoefficient, JaroWinklerDistance } = distance;

/** Connectives that carry no meaning in a name (`dan` vs `atau` is a spelling difference). */
export const STOP_WORDS: ReadonlySet<string> = new Set(['dan', 'di', 'ke', 'dari', 'yang', 'untuk', 'serta', 'pada', 'dalam', 'bagi', 'atau']);

/** The content words of a name as similarity compares them. */
export function nameTokens(s: string): string[] {
  return tokensOfNorm(normName(s));
}

function tokensOfNorm(norm: string): string[] {
  return norm.split(' ').filter((t) => t.length > 1 && !STOP_WORDS.has(t));
}

/** Fuzzy token equality's limits: words shorter than minLength must be equal; longer ones may be truncated or near (Jaro–Winkler). */
export const TOKEN_MATCH = { minLength: 4, minJaroWinkler: 0.92 } as const;

/** Fuzzy token equality: the same word, a truncation of it, or a near spelling (OCR, typos). */
export function tokenMatch(a: string, b: string): boolean {
  return tokenMatchSeen(a, b) ?? nearSpelling(a, b);
}

/**
 * What tokenMatch can tell without Jaro–Winkler: equal, too short to be near, one the start of
 * the other, or lengths too far apart for Jaro–Winkler to reach its bar; undefined when only
 * Jaro–Winkler can tell.
 */
function tokenMatchSeen(a: string, b: string): boolean | undefined {
  if (a === b) return true;
  if (a.length < TOKEN_MATCH.minLength || b.length < TOKEN_MATCH.minLength) return false;
  if (a.startsWith(b) || b.startsWith(a)) return true;
  if (lengthsRuleOut(a, b)) return false;
  return undefined;
}

const nearSpelling = (a: string, b: string) => JaroWinklerDistance(a, b, {}) >= TOKEN_MATCH.minJaroWinkler;

// Jaro–Winkler as natural computes it: JW = J + l·p·(1 − J), l the common prefix (at most 4
// letters), p = 0.1. JW reaches TOKEN_MATCH.minJaroWinkler only if J ≥ (min − l·p)/(1 − l·p).
// And J = (m/|a| + m/|b| + (m − t)/m)/3 ≤ (m/|a| + m/|b| + 1)/3, where m, the matching
// letters, is at most the letters the two words share: so m/|a| + m/|b| must reach 3·J − 1.
const WINKLER_P = 0.1;
export const WINKLER_MAX_PREFIX = 4;
/** The least m/|a| + m/|b| for a pair with a common prefix of l letters (index l). */
export const MIN_SHARE_SUM = Array.from({ length: WINKLER_MAX_PREFIX + 1 }, (_, l) => 3 * ((TOKEN_MATCH.minJaroWinkler - l * WINKLER_P) / (1 - l * WINKLER_P)) - 1);
/** As m ≤ the shorter length, shorter/longer must reach the loosest sum − 1. */
export const MIN_LENGTH_RATIO = MIN_SHARE_SUM[WINKLER_MAX_PREFIX] - 1;
/** Float slack: the bounds must never drop a pair tokenMatch accepts. */
export const EPSILON = 1e-9;

export function commonPrefix(a: string, b: string): number {
  let l = 0;
  while (l < WINKLER_MAX_PREFIX && l < a.length && a[l] === b[l]) l++;
  return l;
}

/** Words whose lengths alone keep Jaro–Winkler below TOKEN_MATCH (m is at most the shorter length). */
function lengthsRuleOut(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a.length, b.length] : [b.length, a.length];
  return 1 + short / long + EPSILON < MIN_SHARE_SUM[commonPrefix(a, b)];
}

// Letters as bits: a word's letters as two numbers (36 letters: a–z and 0–9, all normName leaves).

export function letterIndex(word: string, i: number): number {
  const x = word.charCodeAt(i);
  return x >= 97 ? x - 97 : 26 + x - 48;
}

/** Which letters a word has, as bits (two numbers). */
export function letterMask(word: string): [number, number] {
  const m: [number, number] = [0, 0];
  for (let i = 0; i < word.length; i++) {
    const k = letterIndex(word, i);
    m[k >> 5] |= 1 << (k & 31);
  }
  return m;
}

/** Set bits of a 32-bit number (the usual constant-time popcount). */
function bits(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Letters of a word (mask a0, a1) that another (b0, b1) lacks, counted once each: none of them can match. */
function missingLetters(a0: number, a1: number, b0: number, b1: number): number {
  return bits(a0 & ~b0) + bits(a1 & ~b1);
}

/**
 * The most letters Jaro–Winkler can match between words of these lengths and letter masks:
 * letters one word lacks never match, so each word's length less them.
 */
export function letterBound(la: number, a0: number, a1: number, lb: number, b0: number, b1: number): number {
  return Math.min(la - missingLetters(a0, a1, b0, b1), lb - missingLetters(b0, b1, a0, a1));
}

/** Can m matching letters of words this long reach the share sum `need` (MIN_SHARE_SUM)? */
export function shareReaches(m: number, la: number, lb: number, need: number): boolean {
  return m / la + m / lb + EPSILON >= need;
}

/** Can Jaro–Winkler reach TOKEN_MATCH at all: the loosest bar (the longest common prefix)? */
export function lettersAllow(la: number, a0: number, a1: number, lb: number, b0: number, b1: number): boolean {
  return shareReaches(letterBound(la, a0, a1, lb, b0, b1), la, lb, MIN_SHARE_SUM[WINKLER_MAX_PREFIX]);
}

type TokenMatch = (a: string, b: string) => boolean;

// tokenMatch results, per pair of words: name matching compares the same few thousand words again
// and again (the national nomenclature against every row of every table), and Jaro–Winkler is
// most of its cost. Bounded: cleared when it grows past this many first words.
const tokenPairs = new Memo<string, Map<string, boolean>>(50_000);

/** tokenMatch, remembered per pair of words that only Jaro–Winkler can tell apart. */
export function memoTokenMatch(a: string, b: string): boolean {
  // what is cheaper to see than to look up is not remembered
  const seen = tokenMatchSeen(a, b);
  if (seen !== undefined) return seen;
  const memo = tokenPairs.get(a, () => new Map());
  let m = memo.get(b);
  if (m === undefined) {
    m = nearSpelling(a, b);
    memo.set(b, m);
  }
  return m;
}

let usedScratch = new Uint8Array(64);

/**
 * Could tokenMatch accept words a (k-th of `from`) and b (j-th of `to`)? False only where it
 * cannot: too short to be anything but equal, or neither a truncation of the other nor letters
 * enough in common for a near spelling. Most pairs of a name comparison end here, with no lookup.
 */
function mayMatch(a: string, b: string, from: PreparedName, k: number, to: PreparedName, j: number): boolean {
  if (a.length < TOKEN_MATCH.minLength || b.length < TOKEN_MATCH.minLength) return false;
  if (a.startsWith(b) || b.startsWith(a)) return true;
  const fm = from.masks;
  const tm = to.masks;
  return lettersAllow(a.length, fm[2 * k], fm[2 * k + 1], b.length, tm[2 * j], tm[2 * j + 1]);
}

/** Tokens of `from` that match a token of `to` not yet taken (greedy, in order). */
function matched(from: PreparedName, to: PreparedName, match: TokenMatch): number {
  // plain loops and one scratch array: every name comparison comes here, many times a row
  const ft = from.tokens;
  const tt = to.tokens;
  if (usedScratch.length < tt.length) usedScratch = new Uint8Array(2 * tt.length);
  const used = usedScratch;
  used.fill(0, 0, tt.length);
  let hits = 0;
  for (let k = 0; k < ft.length; k++) {
    const a = ft[k];
    for (let j = 0; j < tt.length; j++) {
      if (used[j]) continue;
      const b = tt[j];
      if (a !== b && !(mayMatch(a, b, from, k, to, j) && match(a, b))) continue;
      used[j] = 1;
      hits++;
      break;
    }
  }
  return hits;
}

/** A query this long (letters and digits) may be a fragment cut from inside a name. */
export const FRAGMENT_MIN_LENGTH = 12;

export interface Similarity {
  /** token F-score, 0..1: names that differ in one content word (`Keuangan` vs `Kepegawaian`) stay apart */
  score: number;
  /** Dice on character bigrams: lenient, for tie-breaking only (computed when first read) */
  readonly dice: number;
  /** share of the query's tokens found in the candidate (1 when the query is a fragment inside it) */
  containment: number;
}

/** A name prepared once for many comparisons (an index keeps these per entry). */
export interface PreparedName {
  norm: string;
  tokens: string[];
  /** `norm` without spaces, for the fragment test */
  compact: string;
  /** each token's letterMask, two numbers a token */
  masks: Int32Array;
}

export function prepareName(s: string): PreparedName {
  const norm = normName(s);
  const tokens = tokensOfNorm(norm);
  const masks = new Int32Array(2 * tokens.length);
  tokens.forEach((t, k) => [masks[2 * k], masks[2 * k + 1]] = letterMask(t));
  return { norm, tokens, compact: norm.replace(/ /g, ''), masks };
}

/** The token F-score of a recall and a precision (0 when both are). */
const fScore = (recall: number, precision: number) => (recall + precision ? (2 * recall * precision) / (recall + precision) : 0);

/**
 * A name's score for a query as name matching ranks it — the token F-score, or with a
 * `containmentWeight` the larger of it and the weighted containment — exactly as
 * preparedSimilarity gives it when it reaches `floor`, and 0 when it cannot: tokens a name does
 * not have cannot match, so the counts alone, then the query's matches, bound it before the rest
 * is worked out. A caller choosing a clear best names as floor the least score that could matter.
 */
export function scoreAtLeast(query: PreparedName, candidate: PreparedName, floor: number, containmentWeight = 0, match: TokenMatch = memoTokenMatch): number {
  const a = query.norm;
  const b = candidate.norm;
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  const na = query.tokens.length;
  const nb = candidate.tokens.length;
  const inside = containmentWeight > 0 && query.compact.length >= FRAGMENT_MIN_LENGTH && candidate.compact.includes(query.compact);
  const reaches = (recall: number, precision: number) => Math.max(fScore(recall, precision), containmentWeight * (inside ? 1 : recall)) + EPSILON >= floor;
  // each side matches at most as many tokens as the other has
  const most = Math.min(na, nb);
  if (!reaches(na ? most / na : 0, nb ? most / nb : 0)) return 0;
  const recall = na ? matched(query, candidate, match) / na : 0;
  if (!reaches(recall, nb ? most / nb : 0)) return 0;
  const precision = nb ? matched(candidate, query, match) / nb : 0;
  const f = fScore(recall, precision);
  return containmentWeight > 0 ? Math.max(f, containmentWeight * (inside ? 1 : recall)) : f;
}

export function nameSimilarity(query: string, candidate: string): Similarity {
  return preparedSimilarity(prepareName(query), prepareName(candidate));
}

/** nameSimilarity on prepared names: the same result without normalising and tokenising again. */
export function preparedSimilarity(query: PreparedName, candidate: PreparedName, match: TokenMatch = memoTokenMatch): Similarity {
  const a = query.norm;
  const b = candidate.norm;
  if (a === '' || b === '') return { score: 0, dice: 0, containment: 0 };
  if (a === b) return { score: 1, dice: 1, containment: 1 };
  const ta = query.tokens;
  const tb = candidate.tokens;
  const hitsA = matched(query, candidate, match);
  const hitsB = matched(candidate, query, match);
  const recall = ta.length ? hitsA / ta.length : 0;
  const precision = tb.length ? hitsB / tb.length : 0;
  const f = fScore(recall, precision);
  // a fragment cut at both ends (`ANG BERKAITAN DENGAN PELAYAN.`) lies inside the full name
  const qa = query.compact;
  const inside = qa.length >= FRAGMENT_MIN_LENGTH && candidate.compact.includes(qa);
  // Dice breaks ties between equal scores only: computed when it is read
  let dice: number | null = null;
  return { score: f, get dice() { return (dice ??= DiceCoefficient(a, b)); }, containment: inside ? 1 : recall };
}
