// Text wrapped inside a narrow cell: where the break falls inside a word, no hyphen is printed
// (`Program Peningkat` / `an Jalan`, `Pemeliha` / `raan`). The pieces are one word when, joined,
// they spell a word of the nomenclature's vocabulary while the second piece alone is none
// (`an`, `raan`); otherwise the lines join with a space, and after a hyphen without one.

import { lexicon } from '../nomenclature/lexicon.js';

// the word a line ends with and the word the next begins with, letters only
const LAST_WORD = /(\p{L}+)$/u;
const FIRST_WORD = /^(\p{L}+)/u;
// pieces this short are too often words of their own or abbreviations to rejoin (`Kab`, `DI`)
const MIN_JOINED = 6;

/** Does `a` end inside the word `b` begins with? */
export function brokenWord(a: string, b: string): boolean {
  const head = LAST_WORD.exec(a)?.[1];
  const tail = FIRST_WORD.exec(b)?.[1];
  if (!head || !tail) return false;
  // a broken word goes on in the same case: `Peningkat`+`an`, `PENINGKAT`+`AN`; never `Kota`+`Bogor`
  const sameCase = tail === tail.toLowerCase() || (head === head.toUpperCase() && tail === tail.toUpperCase());
  if (!sameCase) return false;
  const joined = (head + tail).toLowerCase();
  if (joined.length < MIN_JOINED) return false;
  const vocab = lexicon();
  return vocab.has(joined) && !vocab.has(tail.toLowerCase());
}

/** Two lines of one cell's text as one. */
export function joinWrappedText(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  if (/\p{L}-$/u.test(a)) return a + b;
  return brokenWord(a, b) ? a + b : `${a} ${b}`;
}
