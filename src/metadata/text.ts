// The text of one cell as the metadata rules read it: markdown marks gone, spaces collapsed,
// and a cell printed in capitals (`DINAS SOSIAL KOTA JAMBI`) written in title case, so that one
// set of rules reads covers, running headers and prose alike.

const SMALL_WORDS = new Set(['dan', 'di', 'ke', 'dari', 'yang', 'untuk', 'pada', 'serta', 'atau', 'dengan', 'dalam', 'tentang', 'atas', 'oleh', 'bagi', 'per']);

// abbreviations kept in capitals when a capitalised cell is title-cased
const ACRONYMS = new Set([
  'APBD', 'APBN', 'RKA', 'DPA', 'SKPD', 'OPD', 'PD', 'UPTD', 'UPT', 'RSUD', 'DPRD', 'PUPR', 'SIPD', 'LKIP', 'LAKIP', 'RPJMD',
  'RPJMN', 'RKPD', 'RFK', 'PK', 'KB', 'PP', 'SDM', 'TA', 'BPBD', 'BPKAD', 'BKD', 'BKPSDM', 'PMD', 'UMKM', 'UKM', 'IKM', 'KUKM',
  'TW', 'SD', 'SMP', 'SMA', 'PAUD', 'DKI', 'DI', 'NTB', 'NTT', 'KK', 'IV', 'II', 'III', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII',
]);

/** A word of a capitalised cell in title case: `PERDAGANGAN` → `Perdagangan`, `DAN` → `dan`, `UPTD` stays. */
function titleWord(w: string, first: boolean): string {
  const core = w.replace(/[^A-Za-z]/g, '');
  if (!core) return w;
  if (ACRONYMS.has(core) && !(core === 'DI' && !first)) return w;
  if (!/[AIUEO]/.test(core) && core.length <= 5) return w; // PPKB, KB: no vowel, an abbreviation
  const lower = w.toLowerCase();
  if (SMALL_WORDS.has(lower)) return lower; // also at the start of a line of a wrapped title (`DAN PERDAGANGAN`)
  // every part of a word joined by a stop, a hyphen or a slash (`KAB.BOGOR`, `BAU-BAU`)
  return lower.replace(/(^|[./(-])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase());
}

/** Title case for a cell printed in capitals; a cell in mixed case is left as printed. */
export function normalCase(text: string): string {
  // counted, not cut out: every cell of a document passes here
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) { letters++; upper++; } else if (c >= 97 && c <= 122) {
      letters++;
      // capitals are 80 % of the letters only while lower case is at most a quarter of them:
      // once the rest of the cell could not bring them there, it is mixed case
      if (4 * (letters - upper) > upper + (text.length - i - 1)) return text;
    }
  }
  if (letters < 4) return text;
  if (upper / letters < 0.8) return text;
  return text.split(/(\s+)/).map((w, i) => (/\s/.test(w) ? w : titleWord(w, i === 0))).join('');
}

// what the replacements below would change: a mark, a curly quote, whitespace other than one inner space
const NEEDS_CLEANING = /[#*_“”]|[^\S ]|  |^ | $/;

/** A cell's text for the metadata rules: no markdown marks, single spaces, capitals title-cased. */
export function cleanText(text: string): string {
  // most cells hold nothing to clean: no marks, no quotes, single plain spaces inside
  if (!NEEDS_CLEANING.test(text)) return normalCase(text);
  const t = text
    .replace(/^\s*#+\s*/, '')
    .replace(/\*\*|__/g, '')
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  return normalCase(t);
}

/** How many words a text has. */
export const wordCount = (text: string): number => (text.match(/[A-Za-z]{2,}/g) ?? []).length;

/**
 * Running prose, not a title: many words, most of them in lower case
 * (`Dalam rangka mewujudkan manajemen pemerintahan yang efektif …`).
 */
export function isProse(text: string): boolean {
  const words = text.match(/[A-Za-z]{2,}/g) ?? [];
  if (words.length < 10) return false;
  const lower = words.filter((w) => /^[a-z]/.test(w)).length;
  return lower / words.length >= 0.5;
}
