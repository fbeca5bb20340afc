// The shortcuts of name matching must never drop what the full comparison would find: the letter
// bound checked before any lookup (`lettersAllow`), the vocabulary's search for the words a query
// word may be, a name search kept to one bidang's names, a score with a floor and the indicator
// check's index of akin words. Checked on real words and names: the
// national nomenclature's social (1.06) and support (X.XX) names, and misspellings of one letter.

import { describe, expect, it } from 'vitest';
import { LATEST_REVISION, loadNomenclature } from '../../src/nomenclature/index.ts';
import { NameSearch } from '../../src/nomenclature/nameSearch.ts';
import { akin, AkinCodes } from '../../src/validate/indicators.ts';
import { Vocabulary } from '../../src/nomenclature/vocabulary.ts';
import { letterMask, lettersAllow, nameTokens, prepareName, preparedSimilarity, scoreAtLeast, tokenMatch } from '../../src/normalize/similarity.ts';

const n = loadNomenclature(LATEST_REVISION);
const names = n.all().filter((e) => e.code.startsWith('1.06') || e.code.startsWith('X.XX')).map((e) => e.name);
const words = [...new Set(names.flatMap(nameTokens))].filter((w) => w.length >= 4).sort();
// OCR's and typists' slips: a letter dropped, doubled or swapped with the next
const slips = words.slice(0, 200).flatMap((w) => [w.slice(0, 2) + w.slice(3), w.slice(0, 3) + w[3] + w.slice(3), w.slice(0, 1) + w[2] + w[1] + w.slice(3)]);
const all = [...new Set([...words, ...slips])];

describe('name matching shortcuts', () => {
  it('has real words to check', () => {
    expect(words.length).toBeGreaterThan(300);
  });

  it('lettersAllow holds for every pair of words tokenMatch accepts as near spellings', () => {
    let near = 0;
    for (const a of all) {
      const [a0, a1] = letterMask(a);
      for (const b of all) {
        if (a === b || a.startsWith(b) || b.startsWith(a) || !tokenMatch(a, b)) continue;
        near++;
        const [b0, b1] = letterMask(b);
        expect(lettersAllow(a.length, a0, a1, b.length, b0, b1), `${a} ~ ${b}`).toBe(true);
      }
    }
    expect(near).toBeGreaterThan(100); // the check saw near spellings, not only equal words
  });

  it('the vocabulary finds exactly the words tokenMatch accepts either way', () => {
    const v = new Vocabulary();
    for (const w of words) v.add(w);
    for (const q of all.filter((_, i) => i % 3 === 0)) {
      const brute = words.filter((w) => tokenMatch(q, w) || tokenMatch(w, q)).sort();
      expect(v.matches(q).sort(), q).toEqual(brute);
    }
  });
});

describe('a name search kept to a subset (a bidang\'s names)', () => {
  it('finds the names of the whole index that are in the subset, with the same bounds, in the same order', () => {
    const search = new NameSearch();
    const entries = n.all();
    const ids = entries.map((e) => search.add(e.name));
    const inSubset = new Set(ids.filter((_, i) => entries[i].code.startsWith('1.06') || entries[i].code.startsWith('X.XX')));
    const subset = search.subset((id) => inSubset.has(id));
    // queries as rows print them: a name with a word dropped, and a fragment cut from inside one
    const queries = names.slice(0, 120).flatMap((x) => [x.split(' ').filter((_, i) => i !== 1).join(' '), x.slice(5, 40)]);
    for (const q of queries) {
      for (const opts of [{ minScore: 0.5 }, { minScore: 0.8 }, { minScore: 0.5, fragmentWeight: 0.95 }]) {
        const whole = search.candidates(q, opts).filter((c) => inSubset.has(c.nameId));
        expect(search.candidates(q, opts, subset), q).toEqual(whole);
      }
    }
  });
});

describe('a score with a floor (scoreAtLeast)', () => {
  // queries as rows print them: a word dropped, a fragment cut from inside, a name with a slip
  const queries = names.slice(0, 60).flatMap((x) => [x.split(' ').filter((_, i) => i !== 1).join(' '), x.slice(5, 40), x.replace(/a/, '')]);
  const targets = names.slice(0, 150).map(prepareName);

  it('is the full comparison\'s score where that reaches the floor, and 0 only where it does not', () => {
    let kept = 0;
    let dropped = 0;
    for (const q of queries.map(prepareName)) {
      for (const t of targets) {
        const full = preparedSimilarity(q, t);
        for (const [floor, weight] of [[0.76, 0], [0.81, 0.95], [0.36, 0]]) {
          const score = weight ? Math.max(full.score, weight * full.containment) : full.score;
          const got = scoreAtLeast(q, t, floor, weight);
          if (score >= floor) { kept++; expect(got, `${q.norm} | ${t.norm}`).toBe(score); }
          else { dropped++; expect(got === 0 || got === score, `${q.norm} | ${t.norm}`).toBe(true); }
        }
      }
    }
    // both sides seen: names kept at the floor and names let go below it
    expect(kept).toBeGreaterThan(100);
    expect(dropped).toBeGreaterThan(1000);
  });
});

describe('the codes whose names have a word akin to a word (the indicator check)', () => {
  it('are the codes a comparison with every word of every name finds', () => {
    const entries = n.all().filter((e) => e.code.startsWith('1.06') || e.code.startsWith('X.XX'));
    const nameWords = new Map(entries.map((e) => [e.code, nameTokens(e.name).filter((w) => w.length > 3)]));
    const index = new AkinCodes(nameWords);
    let found = 0;
    for (const w of all.filter((_, i) => i % 4 === 0)) {
      const brute = new Set([...nameWords].filter(([, ws]) => ws.some((x) => akin(w, x))).map(([c]) => c));
      expect([...index.of(w)].sort(), w).toEqual([...brute].sort());
      found += brute.size;
    }
    expect(found).toBeGreaterThan(500);
  });
});
