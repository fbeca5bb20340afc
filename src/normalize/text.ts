// Text helpers: joining name fragments that a cell border split, recognising glyph junk,
// and the normal form names are compared in.

/**
 * The letters (a–z, either case) of a text, counted up to `atMost`: the cell tests that ask
 * only whether a cell has none, one or a few count them, not cut them out (every cell of a
 * table passes through them).
 */
export function lettersUpTo(text: string, atMost: number): number {
  let letters = 0;
  for (let i = 0; i < text.length && letters < atMost; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 97 && c <= 122) letters++;
  }
  return letters;
}

/** OCR noise that lands in cells: `•`, `T`, `la .`, `To.`, `<u> </u>`, `· · ·`, `, ,`. */
export function isJunkText(text: string): boolean {
  const t = text.trim();
  if (t === '') return true;
  // three letters or more are never junk
  const letters = lettersUpTo(t, 3);
  if (letters >= 3) return false;
  if (/^[•·*_,.;:'"`~^|\\/()\-\s]+$/.test(t)) return true;
  if (letters === 0) return false; // digits: numbers are not junk here
  // one or two letters with punctuation: `T`, `la .`, `To.`, `J.`, `II.`, `l.`
  return t.replace(/[\s.,;:•·]/g, '').length <= 2 && !/\d/.test(t);
}

/** Words that end a name fragment in the middle of a phrase. */
const CONNECTIVES = new Set(['dan', 'di', 'ke', 'dari', 'untuk', 'yang', 'serta', 'atau', 'bagi', 'pada', 'dalam', 'dengan', 'oleh', 'terhadap', 'antar', 'kepada', 'beserta', 'tentang', 'sebagai']);

export function endsMidPhrase(text: string): boolean {
  const t = text.trim();
  if (/[,/&\-]$/.test(t)) return true;
  const last = t.split(/\s+/).pop()?.toLowerCase() ?? '';
  return CONNECTIVES.has(last);
}

/**
 * Join two fragments of one text that a cell border or a line wrap split.
 * A fragment that starts in lower case continues a word: `Pelaksanaar|n Tugas`,
 * `Listr|rik`, `Kelu|uarga` (the border doubles or garbles a letter).
 */
export function joinFragments(a: string, b: string): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  if (left === '') return right;
  if (right === '') return left;
  if (/[a-z]$/i.test(left) && /^[a-z]/.test(right)) {
    const l = left[left.length - 1];
    const r = right[0];
    if (l === r) return left + right.slice(1); // doubled letter
    if (l === 'r' && r === 'n') return left.slice(0, -1) + right; // `rn` read for `n`
    if (/^[a-z](\s|$)/.test(right) || right.length <= 3 || /^[a-z]{1,3}[a-z]*/.test(right)) return left + right;
  }
  if (/-$/.test(left) && /^[a-z]/.test(right)) return left + right; // soft hyphen at a wrap
  return `${left} ${right}`;
}

/** Indonesian prints no accents: an accented letter is OCR's misreading of the plain one (`Pémeliharaan`). */
function withoutAccents(s: string): string {
  // most text is ASCII: no decomposition to pay for
  return /[^\x00-\x7f]/.test(s) ? s.normalize('NFD').replace(/\p{M}/gu, '') : s;
}

/** Lower case, markup and punctuation removed, `Kabupaten / Kota` → `kabupaten kota`. */
export function normName(s: string): string {
  return withoutAccents(s)
    .toLowerCase()
    .replace(/<[^>]+>/g, ' ')
    // every run of what is not a letter or digit, spaces included, becomes one space
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function cleanName(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/^[-•*\s]+/, '').trim();
}

/** Words an indicator's text starts with (`Persentase …`, `Jumlah …`, `Terpenuhinya …`): a measure, not a program or kegiatan's name. */
export const INDICATOR_LEAD = 'Persentase|Presentase|Prosentase|Jumlah|Tersedianya|Terlaksananya|Terpenuhinya|Meningkatnya|Rata-rata|Indeks|Tingkat';
