// The one place numbers are read. Indonesian documents mix dot and comma thousands,
// `,00` decimals, `Rp.` prefixes, `(negatives)`, list bullets (`- 100`), percents with or
// without a space, units fused to counts, spreadsheet errors, digits split by spaces and
// numbers that lost their last digit. Every reading keeps what it assumed in `note`.

import { normalizeUnit } from './units.js';
import { Memo } from '../memo.js';

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
  /** the printed digits were joined or cleaned into a well-formed figure (see `note`) */
  repaired?: boolean;
  /** the digits are not a well-formed figure: `value` is null, `candidates` are what it may mean */
  malformed?: boolean;
  note?: string;
  /** readings a validator may choose between with arithmetic proof */
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
export interface NumberHint {
  /** the figure sits in a percent column: `102,513` is 102.513, not a thousands figure */
  percent?: boolean;
}

// readings per printed text: the table finder, the row builder (twice) and the validators read
// the same cells again. Bounded: cleared when it holds this many.
const readings = new Memo<string, NumberReading>(20_000);
const percentReadings = new Memo<string, NumberReading>(20_000);

/** The reading of a cell, to look at only: the remembered reading itself, not a copy (most cells are asked only whether they hold a figure). */
export function numberOf(raw: string, hint: NumberHint = {}): Readonly<NumberReading> {
  // by the text itself (no key to build): one memo per hint
  return (hint.percent ? percentReadings : readings).get(raw, () => readNumber(raw, hint));
}

/** The reading of a cell, the caller's own to mark (repaired, a note). */
export function parseNumber(raw: string, hint: NumberHint = {}): NumberReading {
  const r = numberOf(raw, hint);
  // callers mark their copy: the remembered reading stays as read
  const copy = { ...r };
  if (r.candidates) copy.candidates = [...r.candidates];
  return copy;
}

function readNumber(raw: string, hint: NumberHint): NumberReading {
  // `: Rp. 2.500.000.000`: the colon of a `Label : value` field whose label is in the cell before
  let t = raw.replace(/\u00a0/g, ' ').trim().replace(/^:\s*(?=(R\s*p|[\d(-]))/i, '');
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
  } else if (/^[-–]\d/u.test(t)) {
    // `-1,02`: a minus sign against the digits (a bullet stands apart: `- 100`)
    negative = true;
    t = t.slice(1);
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
  const core = parseDigits(numPart, { percent: percent || !!hint.percent });
  if (core.value === null && !core.malformed) return { kind: 'text', value: null, unit: null };
  const sign = negative ? -1 : 1;
  const moneyShaped = rupiah || looksLikeMoney(numPart) || (!!core.malformed && (numPart.match(/[.,]/g)?.length ?? 0) >= 2);
  const reading: NumberReading = {
    kind: percent ? 'percent' : tail !== '' ? 'quantity' : moneyShaped ? 'money' : 'number',
    value: core.value === null ? null : sign * core.value,
    unit: percent ? '%' : tail !== '' ? normalizeUnit(tail).unit : rupiah ? 'Rp' : null,
  };
  if (core.repaired) reading.repaired = true;
  if (core.malformed) reading.malformed = true;
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
  /** the digits were joined or cleaned (a space, a trailing separator) into a well-formed figure */
  repaired?: boolean;
  /** the digit groups are not a well-formed figure: no value without proof, only `candidates` */
  malformed?: boolean;
  note?: string;
  candidates?: number[];
}

/** `int` + `.` + `frac` read as one decimal literal, so `3,53` is 3.53 and not 3.5300000000000002. */
function decimal(int: number, frac: string): number {
  return frac === '' || !Number.isSafeInteger(int) ? int : Number(`${int}.${frac}`);
}

/**
 * Read the digits-and-separators part of a number. Indonesian convention first
 * (dot thousands, comma decimals); comma thousands when every group has three digits.
 */
export function parseDigits(input: string, opts: { percent?: boolean } = {}): DigitsReading {
  const spaced = /\d[.,]?\s+[.,]?\d/.test(input);
  const joined = spacedDigits(input, opts);
  if (!spaced || joined.value !== null) return joined;
  return lostSeparators(input, opts) ?? joined;
}

// junctions between a wrapped figure's pieces tried with a lost separator: 3^6 readings at most
const MAX_LOST_JUNCTIONS = 6;

/**
 * A figure wrapped over several lines whose pieces, joined as printed, are not a figure: OCR
 * drops the stop that began or ended a piece (`6.675` / `.575.` / `000,0` / `0` read as `6.675`
 * `575.` `000,0` `0`). Every junction with no separator on either side is tried with none, a
 * dot and a comma; the well-formed readings are the figure when they agree on its value (repaired),
 * and its candidates when they do not (malformed). Null when no reading is well-formed.
 */
function lostSeparators(input: string, opts: { percent?: boolean }): DigitsReading | null {
  const pieces = input.trim().split(/\s+/);
  // only pieces that show they are pieces: one that no figure begins or ends like (`00`, `000,0`,
  // `.575`, `575.`); lines of whole figures (`3.100` / `110` / `100`) are figures of their own
  const piece = (p: string) => /^0\d|^[.,]|[.,]$/.test(p);
  if (!pieces.some((p, i) => (i > 0 && piece(p)) || (i < pieces.length - 1 && /[.,]$/.test(p)))) return null;
  const open = pieces.slice(1).map((p, i) => /\d$/.test(pieces[i]) && /^\d/.test(p));
  const count = open.filter(Boolean).length;
  if (count === 0 || count > MAX_LOST_JUNCTIONS) return null;
  const values = new Set<number>();
  for (let code = 0; code < 3 ** count; code++) {
    let k = code;
    const text = pieces.reduce((acc, p, i) => {
      if (i === 0 || !open[i - 1]) return acc + p;
      const sep = ['', '.', ','][k % 3];
      k = Math.floor(k / 3);
      return acc + sep + p;
    }, '');
    const r = spacedDigits(text, opts);
    if (r.value !== null && !r.malformed && !/trailing/.test(r.note ?? '')) values.add(r.value);
  }
  const note = 'separators lost between the pieces of a wrapped figure';
  if (values.size === 1) return { value: [...values][0], repaired: true, note };
  if (values.size > 1) return { value: null, malformed: true, candidates: [...values].slice(0, MAX_CANDIDATES), note: `${note}: ${values.size} readings` };
  return null;
}

function spacedDigits(input: string, opts: { percent?: boolean }): DigitsReading {
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
  const result = (r: DigitsReading): DigitsReading => {
    const out: DigitsReading = { ...r };
    if (repaired && !r.malformed) out.repaired = true;
    const allNotes = [...notes, ...(r.note ? [r.note] : [])];
    if (allNotes.length) out.note = allNotes.join('; ');
    else delete out.note;
    return out;
  };
  if (seps === '') return result({ value: Number(s) });

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
    if (int.value === null && !int.malformed) return { value: null };
    return result({ ...int, value: int.value === null ? null : decimal(int.value, after), candidates: int.candidates?.map((c) => decimal(c, after)) });
  }
  if (lastSep === '.' && after.length <= 2 && /^[,]+$/.test(beforeSeps)) {
    // `50,000,000.00`: comma thousands with a decimal point
    const int = readThousands(before);
    if (int.value !== null && !int.malformed) return result({ value: decimal(int.value, after) });
  }
  if (lastSep === '.' && beforeSeps === '' && after.length <= 2 && !/,/.test(before)) {
    // single dot with 1–2 digits: a decimal point (`2.5`), or a thousands figure that lost
    // digits (`125.65`) — undecidable here; read as decimal
    return result({ value: Number(`${before}.${after}`) });
  }
  if (lastSep === ',' && beforeSeps === '' && after.length === 3 && (opts.percent || /^0$/.test(before))) {
    // `0,985`: a leading zero group is no thousands figure, so the comma is a decimal one
    return result({ value: Number(`${before}.${after}`) });
  }
  if (lastSep === ',' && beforeSeps === '' && after.length > 3) {
    return result({ value: Number(`${before}.${after}`), note: 'decimal comma with more than three digits' });
  }
  if (lastSep === '.' && beforeSeps === '' && after.length > 3) {
    // `0.8475`: a leading zero group is no thousands figure, so the stop is a decimal point
    if (/^0$/.test(before)) return result({ value: Number(`0.${after}`) });
    // `97.6972`: a group of four after a stop is a glyph too many in a thousands group, or a
    // decimal point (a percent printed `97,6972` whose comma OCR read as a stop): no value, both
    const int = readThousands(s);
    if (!int.malformed) return result(int);
    const point = Number(`${before}.${after}`);
    return result({ ...int, candidates: [...(int.candidates ?? []), point], note: `${int.note}: a glyph too many, or a decimal point (${point})` });
  }
  if (lastSep === '.' && after.length <= 2 && /^\.+$/.test(beforeSeps)) {
    // `2.807.870.000.00`: dot thousands whose decimal comma was typed as a dot, or a
    // `125.657.70` that lost the last digit of its last group: two magnitudes, no value
    const int = readThousands(before);
    if (int.value !== null && !int.malformed) {
      const lost = Number(before.replace(/\./g, '') + after.padEnd(3, '0'));
      return result({
        value: null, malformed: true, candidates: [lost, decimal(int.value, after)],
        note: `last group '${after}' has ${after.length} digit${after.length > 1 ? 's' : ''}: a lost digit (${lost}) or a decimal point (${decimal(int.value, after)})`,
      });
    }
  }
  return result(readThousands(s));
}

/**
 * Read a figure whose separators are all thousands separators. A malformed group is a figure
 * whose magnitude the print does not tell (`2.754.6000`: one digit too many, or a group of
 * four; `9.871.1466.000`): it gets no value, only the readings a validator may prove.
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
  // `1.06.04.2.02`: dotted groups of one or two digits are a code, not a figure
  if (middle.some((g) => g.length < 3) || (tail.length < 3 && rest.length >= 4)) return { value: null };
  if (!headOk || middle.some((g) => g.length > 4) || tail.length > 4) return { value: null };
  return { value: null, malformed: true, candidates: groupReadings(groups), note: `digit groups '${s}' are not a well-formed figure` };
}

/**
 * The figures a malformed group list could have meant: every group of four digits with one
 * digit dropped (a doubled key), every short last group padded with zeros (lost digits), and the
 * digits as they stand. Ordered, without repeats.
 */
function groupReadings(groups: string[]): number[] {
  const options: string[][] = [groups];
  groups.forEach((g, i) => {
    if (i > 0 && g.length === 4 && options.length < MAX_CANDIDATES) {
      const next: string[][] = [];
      for (const o of options) for (let k = 0; k < 4; k++) next.push([...o.slice(0, i), g.slice(0, k) + g.slice(k + 1), ...o.slice(i + 1)]);
      options.splice(0, options.length, ...next, ...options);
    }
  });
  const tail = groups[groups.length - 1];
  const out = new Set<number>();
  for (const o of options) out.add(Number(o.join('')));
  if (tail.length < 3) out.add(Number(groups.join('') + '0'.repeat(3 - tail.length)));
  // beyond a few readings nothing can be proved anyway; and no reading beyond exact integers
  return [...out].filter(Number.isSafeInteger).slice(0, MAX_CANDIDATES);
}

// the most readings a malformed figure keeps for the validator to prove one of
const MAX_CANDIDATES = 8;
