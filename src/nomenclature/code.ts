// Canonical codes and the penunjang rule.
//
// Documents print `1.06.01.2.01.01`, `1.6.1.2.1.1` or `1 . 06 . 01`; the nomenclature keys
// `1.06.01.2.01.0001`. Support (penunjang) items are listed once as `X.XX.01.…` and printed by
// every agency under its own bidang, so `1.02.01.2.02.0001` is `X.XX.01.2.02.0001`.

export { levelOfCode, parentCode } from '../normalize/codes.js';

export const PENUNJANG_BIDANG = 'X.XX';
/** The program number every bidang's penunjang program has. */
const PENUNJANG_PROGRAM = '01';

// widths of the six segments: urusan, bidang, program, kegiatan type (2 kab/kota, 1 provinsi…), kegiatan, sub-kegiatan
const WIDTHS = [1, 2, 2, 1, 2, 4];

/** The canonical form of a printed code, or null when it is not one (4 segments: a kegiatan type without its number). */
export function canonicalCode(raw: string): string | null {
  const parts = raw.trim().replace(/\s*\.\s*/g, '.').split('.');
  if (parts.length === 4 || parts.length > WIDTHS.length) return null;
  const penunjang = /^x$/i.test(parts[0]) && (parts.length === 1 || /^xx$/i.test(parts[1]));
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (penunjang && i < 2) {
      out.push(i === 0 ? 'X' : 'XX');
      continue;
    }
    const p = parts[i];
    if (!/^\d+$/.test(p)) return null;
    const digits = String(Number(p)); // `006` printed for 06
    if (digits.length > WIDTHS[i]) return null;
    out.push(digits.padStart(WIDTHS[i], '0'));
  }
  if (out[0] === '0') return null;
  return out.join('.');
}

/** The bidang prefix of a code (`1.06` of `1.06.02.2.01`), or null for an urusan. */
export function bidangOf(code: string): string | null {
  // up to the second stop (asked of every candidate of every name search: no split)
  const first = code.indexOf('.');
  if (first < 0) return null;
  const second = code.indexOf('.', first + 1);
  return second < 0 ? code : code.slice(0, second);
}

/** `b.bb.01…` → `X.XX.01…`: where a bidang's penunjang item is listed; null for other codes. */
export function penunjangCode(code: string): string | null {
  const parts = code.split('.');
  if (parts.length < 3 || parts[2] !== PENUNJANG_PROGRAM || parts[0] === 'X') return null;
  return [PENUNJANG_BIDANG, ...parts.slice(2)].join('.');
}

/** `X.XX.01…` printed under a bidang: `X.XX.01.2.02` under `1.06` → `1.06.01.2.02`. */
export function underBidang(penunjang: string, bidang: string): string {
  return bidang + penunjang.slice(PENUNJANG_BIDANG.length);
}

export function isPenunjang(code: string): boolean {
  return code === 'X' || code.startsWith(`${PENUNJANG_BIDANG}`);
}

/** `prefix` is `code` or one of its ancestors, on segment boundaries. */
export function isUnder(code: string, prefix: string): boolean {
  return code === prefix || code.startsWith(`${prefix}.`);
}

/** Code order: segment by segment, numbers numerically, the penunjang `X` block after the numbered urusan. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = /^\d+$/.test(pa[i]) ? Number(pa[i]) : Number.POSITIVE_INFINITY;
    const y = /^\d+$/.test(pb[i]) ? Number(pb[i]) : Number.POSITIVE_INFINITY;
    if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
