// The words of the national nomenclature (names, indicators, units of every revision), lower case:
// the vocabulary planning documents are written in. Used to tell a word a narrow cell broke
// without a hyphen (`Peningkat` / `an`) from two words (`Sarana` / `dan`).

import { readRevision } from './load.js';
import { REVISIONS } from './revisions.js';

let words: Set<string> | null = null;

// a word printed once in the whole nomenclature is a slip of its own (`Pembudi Daya an Ikan`), and
// one letter is never a word (`tahun n`); neither makes a vocabulary word
const MIN_OCCURRENCES = 2;
const MIN_LENGTH = 2;

/** Every word of the nomenclature's names, indicators and units, lower case. */
export function lexicon(): Set<string> {
  if (words) return words;
  const counts = new Map<string, number>();
  for (const r of REVISIONS) {
    // the revisions' raw entries: the vocabulary needs no name index
    for (const e of readRevision(r.id).entries) {
      for (const text of [e.name, e.indicator, e.unit, e.kinerja]) {
        for (const w of (text ?? '').toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    }
  }
  words = new Set([...counts].filter(([w, n]) => n >= MIN_OCCURRENCES && w.length >= MIN_LENGTH).map(([w]) => w));
  return words;
}
