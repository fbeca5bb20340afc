// The one place numbers are read. Indonesian documents mix dot and comma thousands,
// `,00` decimals, `Rp.` prefixes, `(negatives)`, list bullets (`- 100`), percents with or
// without a space, units fused to counts, spreadsheet errors, digits split by spaces and
// numbers that lost their last digit. Every reading keeps what it assumed in `note`.

import { normalizeUnit } from './units.js';

export type NumberKind =
  | 'empty' // nothing printed
  | 'dash' // `-`, `ı`: printed as "no value"
  | 'junk' // glyph noise: `•`, `*`, `_`, `· ·`
  | 'error' // `#DIV/0!` and friends
  | 'number'
  | 'percent'
  | 'money'
  | 'quantity' // count + unit word, e.g. `25 Orang/bulan`
  | 'multi' // several quantities in one cell: `4 kruk; 4 kursi roda`
  | 'text';

export interface NumberReading {
  kind: NumberKind;
  value: number | null;
  unit: string | null;
  /** true when the printed digits were not a well-formed number and we chose a reading */
  repaired?: boolean;
  note?: string;
  /** other plausible readings, best first is `value` */
  candidates?: number[];
  bullet?: boolean;
  /** the figure is printed with Rp */
  rupiah?: boolean;
}

const DASH = /^[-–—ı]+$/u;
const JUNK = /^[•*_·.,:;'"`~^|\\/()[\]\s]+$/u;
const SHEET_ERROR = /^#(DIV\/0!|VALUE!|REF!|N\/A|NAME\?|NUM!)$/i;
const RP_PREFIX = /^R\s*p\s*\.?\s*/i;
const BULLET = /^[-–]\s+(?=[\d(])/u;

/** Read one cell (markup already stripped). */
export function parseNumber(raw: string): NumberReading {
  let t = raw.replace(/\u00a0/g, ' ').trim();
  if (t === '') return { kind: 'empty', value: null, unit: null };
  if (DASH.test(t)) return { kind: 'dash', value: null, unit: null };
  if (JUNK.test(t)) return { kind: 'junk', value: null, unit: null };
  if (SHEET_ERROR.test(t)) return { kind: 'error', value: null, unit: null, note: `spreadsheet error ${t}` };

  let bullet = false;
  if (BULLET.test(t)) {
    bullet = true;
    t = t.replace(BULLET, '');
  }
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1].trim();
  }
  let rupiah = false;
  if (RP_PREFIX.test(t)) {
    rupiah = true;
    t = t.replace(RP_PREFIX, '');
  }
  // `5,247,916,429,00,-`: the trailing `,-` means "no cents"
  t = t.replace(/[,.]\s*-\s*$/, '');
  let percent = false;
  if (/%\s*$/.test(t)) {
    percent = true;
    t = t.replace(/\s*%\s*$/, '');
  }
  const m = /^([\d][\d.,\s]*)(.*)$/u.exec(t);
  if (!m) return { kind: 'text', value: null, unit: null };
  let numPart = m[1].trim();
  let tail = m[2].trim();
  if (tail === '%') {
    percent = true;
    tail = '';
  }
  if (/^[,.;:]+$/.test(tail)) tail = '';
  // `00 1`, `0006`: zero-padded digits are code fragments or glyph noise, not figures
  if (/^0\d/.test(numPart.replace(/\s/g, '')) && !/[.,]/.test(numPart)) return { kind: 'junk', value: null, unit: null };
  if (tail !== '') {
    const kind = classifyTail(tail);
    if (kind !== 'unit') return { kind, value: null, unit: null, ...(kind === 'multi' ? { note: 'several quantities in one cell' } : {}) };
  }
  const core = parseDigits(numPart, { percent });
  if (core.value === null) return { kind: 'text', value: null, unit: null };
  const sign = negative ? -1 : 1;
  const reading: NumberReading = {
    kind: percent ? 'percent' : tail !== '' ? 'quantity' : rupiah || looksLikeMoney(numPart) ? 'money' : 'number',
    value: sign * core.value,
    unit: percent ? '%' : tail !== '' ? normalizeUnit(tail).unit : rupiah ? 'Rp' : null,
  };
  if (core.repaired) reading.repaired = true;
  if (core.note) reading.note = core.note;
  if (core.candidates) reading.candidates = core.candidates.map((c) => sign * c);
  if (bullet) reading.bullet = true;
  if (rupiah) reading.rupiah = true;
  return reading;
}

/** What follows the digits: a unit word (`Orang/bulan`), several quantities, or prose. */
function classifyTail(tail: string): 'unit' | 'multi' | 'text' {
  if (/\d/.test(tail)) return /;/.test(tail) ? 'multi' : 'text';
  if (!/^[a-z(]/i.test(tail)) return 'text';
  const words = tail.split(/\s+/).length;
  return tail.length <= 30 && words <= 3 ? 'unit' : 'text';
}

/** `5.533.941.209` has at least two thousands groups: a rupiah amount in these tables. */
export function looksLikeMoney(s: string): boolean {
  const t = s.replace(/\s/g, '');
  // `5.533.941.209`, or a rupiah figure with cents `775.224,00`
  return /^\d{1,3}([.,]\d{3}){2,}([.,]\d{1,2})?$/.test(t) || /^\d{1,3}(\.\d{3})+,00$/.test(t);
}

export interface DigitsReading {
  value: number | null;
  repaired?: boolean;
  note?: string;
  candidates?: number[];
}

/**
 * Read the digits-and-separators part of a number. Indonesian convention first
 * (dot thousands, comma decimals); comma thousands when every group has three digits.
 */
export function parseDigits(input: string, opts: { percent?: boolean } = {}): DigitsReading {
  let s = input;
  const notes: string[] = [];
  let repaired = false;
  // `3.712.588.02 9`, `81,7 9`, `437.556.700, 00`: digits split by a space inside one figure
  if (/\d[.,]?\s+[.,]?\d/.test(s)) {
    s = s.replace(/\s+/g, '');
    notes.push('digits separated by a space');
    repaired = true;
  }
  s = s.replace(/\s+/g, '');
  if (/[.,]$/.test(s)) {
    s = s.replace(/[.,]+$/, '');
    notes.push('trailing separator dropped');
    repaired = true;
  }
  if (!/^\d[\d.,]*$/.test(s)) return { value: null };
  const seps = s.replace(/\d/g, '');
  const result = (value: number, extra: Partial<DigitsReading> = {}): DigitsReading => {
    const out: DigitsReading = { value, ...extra };
    if (repaired || extra.repaired) out.repaired = true;
    const allNotes = [...notes, ...(extra.note ? [extra.note] : [])];
    if (allNotes.length) out.note = allNotes.join('; ');
    return out;
  };
  if (seps === '') return result(Number(s));

  // decimal part: the last separator followed by 1–2 digits, when the figure also has
  // other separators or is a percent / plain decimal like `94,5`
  const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  const lastSep = s[last];
  const after = s.slice(last + 1);
  const before = s.slice(0, last);
  const beforeSeps = before.replace(/\d/g, '');

  if (lastSep === ',' && after.length <= 2) {
    // `1.486,64`, `5.777.052.011,00`, `24.000,000,00`, `94,5`
    const int = readThousands(before);
    if (int.value === null) return { value: null };
    if (int.note) notes.push(int.note);
    if (int.repaired) repaired = true;
    return result(int.value + Number(after) / 10 ** after.length, int.candidates ? { candidates: int.candidates.map((c) => c + Number(after) / 10 ** after.length) } : {});
  }
  if (lastSep === '.' && after.length <= 2 && /^[,]+$/.test(beforeSeps)) {
    // `50,000,000.00`: comma thousands with a decimal point
    const int = readThousands(before);
    if (int.value !== null && !int.repaired) return result(int.value + Number(after) / 10 ** after.length);
  }
  if (lastSep === '.' && beforeSeps === '' && after.length <= 2 && !/,/.test(before)) {
    // single dot with 1–2 digits: a decimal point (`2.5`), or a thousands figure that lost
    // digits (`125.65`) — undecidable here; read as decimal
    return result(Number(`${before}.${after}`));
  }
  if (lastSep === ',' && beforeSeps === '' && after.length === 3 && opts.percent) {
    return result(Number(`${before}.${after}`));
  }
  if (lastSep === ',' && beforeSeps === '' && after.length > 3) {
    return result(Number(`${before}.${after}`), { note: 'decimal comma with more than three digits' });
  }
  const th = readThousands(s);
  if (th.value === null) return { value: null };
  if (th.note) notes.push(th.note);
  if (th.repaired) repaired = true;
  return result(th.value, th.candidates ? { candidates: th.candidates } : {});
}

/**
 * Read a figure whose separators are all thousands separators. A malformed last group
 * is the common failure: `125.657.70` lost its last digit (read ×10, the document's
 * figures are whole rupiah), `2.754.6000` has one digit too many.
 */
function readThousands(s: string): DigitsReading {
  const groups = s.split(/[.,]/);
  if (groups.some((g) => g === '')) return { value: null };
  const [head, ...rest] = groups;
  const digits = Number(groups.join(''));
  if (rest.length === 0) return { value: Number(head) };
  const headOk = head.length >= 1 && head.length <= 3;
  const middle = rest.slice(0, -1);
  const tail = rest[rest.length - 1];
  const middleOk = middle.every((g) => g.length === 3);
  if (headOk && middleOk && tail.length === 3) return { value: digits };
  if (headOk && middleOk && (tail.length === 1 || tail.length === 2)) {
    const missing = 3 - tail.length;
    const padded = digits * 10 ** missing;
    return {
      value: padded,
      repaired: true,
      note: `last group '${tail}' has ${tail.length} digit${tail.length > 1 ? 's' : ''}: read as ${padded} (lost trailing digit${missing > 1 ? 's' : ''}), unconfirmed`,
      candidates: [padded, digits],
    };
  }
  if (headOk && middleOk && tail.length === 4) {
    const cut = Math.floor(digits / 10);
    return {
      value: cut,
      repaired: true,
      note: `last group '${tail}' has 4 digits: read as ${cut} (one digit too many), unconfirmed`,
      candidates: [cut, digits],
    };
  }
  // `1.06.04.2.02`: dotted groups of one or two digits are a code, not a figure
  if (middle.some((g) => g.length < 3) || rest.length >= 4) return { value: null };
  return { value: digits, repaired: true, note: `irregular digit groups '${s}': read as ${digits}` };
}
