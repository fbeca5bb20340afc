// The one place Kepmendagri program codes are read.
//
// urusan.bidang.program.kegiatan.sub-kegiatan, e.g. 1.06.01.2.01.0001: urusan 1 digit,
// bidang 2, program 2, kegiatan "2.01" (the 2 marks a kab/kota kegiatan), sub-kegiatan
// 4 digits (older documents print 2). Printed codes come spaced (`1 . 06 . 01`), split
// over cells (`1⇥06⇥01⇥2.0⇥0001`), with the kegiatan digit cut off (`2.0`), with OCR
// noise (`0)6 (01`, `06 s`, `6 C`), without their prefix (`01.2.06.0010`) or glued to the
// name (`0004 Penyediaan …`). This module turns the leading cells of a row into a
// PartialCode; `codeResolve.ts` fills what print lost from context and names.

import type { AccountLevel, Level, PartialCode } from '../model.js';
import { Memo } from '../memo.js';
import { lettersUpTo } from './text.js';

export const FIELD = { U: 0, B: 1, P: 2, KT: 3, KN: 4, S: 5 } as const;
const LEVEL_OF_LAST: Level[] = ['urusan', 'bidang', 'program', 'kegiatan', 'kegiatan', 'sub_kegiatan'];

export interface CodeContext {
  /** the document's code system: Permendagri 13/2006 codes are kept as printed */
  system?: 'kepmendagri' | 'permendagri-13';
  urusan?: string | null;
  bidang?: string | null;
  program?: string | null;
  kegiatanType?: string | null;
  kegiatan?: string | null;
}

interface Token {
  text: string; // digits, or '' for an empty cell between code cells (a field not printed)
  cell: number; // which cell it came from: splits inside a cell and across cells differ
}

/** A cell that can be part of a printed code: digits, dots, spaces and a little OCR noise. */
export function isCodeMaterial(text: string): boolean {
  // two letters or more are never code material
  if (lettersUpTo(text, 2) >= 2) return false;
  // `106, 01:2 0609`: OCR reads a stop as a comma before a space; no figure has a comma there
  const t = text.trim().replace(/(?<=\d),(?=\s)/g, '.');
  if (t === '') return true;
  if (splitMultiCode(t).length > 1) return true;
  if (t.length > 40 || !/\d/.test(t)) return false;
  // long plain numbers are figures, not code segments; a zero-led one is a code whose stops OCR lost (`0120101`)
  if (/^[1-9]\d{4,}$/.test(t)) return false;
  // `:` is how OCR reads a code's stop under a speck or a faint print (`1:06.02`, `2:02`); no figure has one
  return /^[\d\s.:()\-a-z]+$/i.test(t); // with at most one letter, as counted above
}

/** Row keys that are not codes: `A.`, `IV`, `12`, `3.` */
export function isRowKey(text: string): boolean {
  return /^([A-Z]|[IVXLC]{1,6}|\d{1,3})\.?$/.test(text.trim());
}

/**
 * Several complete dotted codes in one cell (`1.06.04.2.01.12 1.06.04.2.02`): each starts at the
 * urusan and bidang the first starts with. One code whose stop OCR read as a space (`1.06 06.2.02`,
 * `1.06.01 201.01`) is not several.
 */
export function splitMultiCode(text: string): string[] {
  const parts = text.trim().split(/\s+/);
  if (parts.length < 2) return [text];
  const head = (p: string) => p.split('.').slice(0, 2).join('.');
  return parts.every((p) => /^\d+(\.\d+){2,5}$/.test(p) && head(p) === head(parts[0])) ? parts : [text];
}

function tokenize(cells: string[], joinSpaced = false): Token[] {
  const tokens: Token[] = [];
  cells.forEach((cell, c) => {
    // `1 0` inside one cell may be the two digits of one field (sub-kegiatan 10)
    const text = joinSpaced ? cell.replace(/(?<![\d.])(\d) (\d)(?![\d])/g, '$1$2') : cell;
    const runs = text.match(/\d+/g);
    if (!runs) tokens.push({ text: '', cell: c });
    else for (const r of runs) tokens.push({ text: r, cell: c });
  });
  // empty cells only stand for an unprinted field between printed ones
  while (tokens.length && tokens[0].text === '') tokens.shift();
  while (tokens.length && tokens[tokens.length - 1].text === '') tokens.pop();
  return cleanZeros(tokens);
}

/**
 * OCR and cell splits scatter zeros: `0⇥6 01` is 06 01, `1⇥0⇥06 (01` has a stray 0,
 * `2.0 5` is 2.05, `2.0⇥02 0` repeats the kegiatan's 0 in the next cell.
 */
function cleanZeros(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const t = tok.text;
    const nextTok = tokens[i + 1];
    const next = nextTok?.text ?? '';
    const prevTok = out[out.length - 1];
    // `2.0`: the kegiatan's first digit, its second lost or printed after a space (`2.0 5`)
    const kegiatanZero = !!prevTok && prevTok.cell === tok.cell && (prevTok.text === '2' || prevTok.text === '1');
    if (t === '0' && /^[1-9]$/.test(next) && (!kegiatanZero || nextTok.cell === tok.cell)) {
      out.push({ text: `0${next}`, cell: tok.cell });
      i++;
    } else if (t === '0' && next.length >= 2 && next.startsWith('0')) {
      continue; // stray or repeated zero before a full field
    } else out.push(tok);
  }
  return out;
}

interface Fit {
  f: (string | null)[];
  /** each field's digits as printed, truncated ones too (`2.0` gives kegiatan `0`) */
  printed: (string | null)[];
  first: number;
  last: number;
  truncated: ('kegiatan' | 'sub')[];
  padded: number;
  regrouped: boolean;
  rowNo: string | null;
  score: number;
}

// digits each field prints, urusan to kegiatan number; a sub-kegiatan prints two or four
const FIELD_WIDTH = [1, 2, 2, 1, 2];

/**
 * A zero-led run of digits longer than its field (`0120101`, `012`, `01205`) cut into the fields
 * from `field` on by their widths: a two-digit field's leading zero starts it, and OCR of small
 * type lost the stops after it. Never a figure (no figure starts with a zero) nor a row number.
 * Null when the widths do not take the digits exactly.
 */
export function spilledFields(field: number, t: string): string[] | null {
  // a four-digit run at the kegiatan number is read by its own case (`0609`, a sub's `0001`)
  if (!/^0\d+$/.test(t) || field >= FIELD.KN || t.length <= FIELD_WIDTH[field]) return null;
  const pieces: string[] = [];
  let rest = t;
  for (let f = field; rest !== ''; f++) {
    if (f === FIELD.S) {
      if (rest.length !== 2 && rest.length !== 4) return null;
      pieces.push(rest);
      break;
    }
    if (rest.length < FIELD_WIDTH[f]) return null;
    pieces.push(rest.slice(0, FIELD_WIDTH[f]));
    rest = rest.slice(FIELD_WIDTH[f]);
  }
  return pieces;
}

/** Map tokens onto the fields from `start` on; null when they do not fit the grammar. */
function fitFrom(printedTokens: Token[], start: number): Omit<Fit, 'rowNo' | 'score'> | null {
  // copied only when a run is cut into fields (the caller tries every start on the same tokens)
  let tokens = printedTokens;
  const f: (string | null)[] = [null, null, null, null, null, null];
  const printed: (string | null)[] = [null, null, null, null, null, null];
  const truncated: ('kegiatan' | 'sub')[] = [];
  let field = start;
  let lastPrinted = -1;
  let padded = 0;
  let regrouped = false;
  // one run of digits that is two fields whose stop was lost (`206`: kegiatan type and number):
  // split at `at`; returns the second field, where the run ends
  const bothFields = (at: number, t: string, cut: number): number => {
    [f[at], f[at + 1]] = [t.slice(0, cut), t.slice(cut)];
    [printed[at], printed[at + 1]] = [t.slice(0, cut), t.slice(cut)];
    return at + 1;
  };
  for (let i = 0; i < tokens.length; i++, field++) {
    if (field > FIELD.S) return null;
    const spill = spilledFields(field, tokens[i].text);
    if (spill) {
      tokens = [...tokens.slice(0, i), ...spill.map((text) => ({ text, cell: tokens[i].cell })), ...tokens.slice(i + 1)];
      regrouped = true;
    }
    const t = tokens[i].text;
    if (t === '') continue;
    printed[field] = t;
    switch (field) {
      case FIELD.U:
        if (/^[1-9]$/.test(t)) f[field] = t;
        else if (/^[1-9]\d\d$/.test(t) && t.slice(1) !== '00' && i < tokens.length - 1) {
          // `106`: urusan and bidang with the stop lost between them (OCR), more fields after
          field = bothFields(field, t, 1);
        } else return null;
        break;
      case FIELD.B:
      case FIELD.P:
        // `6.` for 06: a leading zero lost in print (scored lower)
        if (!/^\d\d?$/.test(t) || /^0+$/.test(t)) return null;
        f[field] = t.padStart(2, '0');
        if (t.length === 1) padded++;
        break;
      case FIELD.KT:
        if (t === '1' || t === '2') f[field] = t;
        else if (/^[12]0$/.test(t) && i === tokens.length - 1) {
          // `20` ending the code: `2.0` with its dot lost (OCR), the kegiatan digit cut off
          f[field] = t[0];
          [printed[FIELD.KT], printed[FIELD.KN]] = [t[0], t[1]];
          truncated.push('kegiatan');
          field++;
        }
        else if (/^[12]\d\d$/.test(t)) field = bothFields(field, t, 1);
        else return null;
        break;
      case FIELD.KN:
        if (/^\d\d$/.test(t) && t !== '00') f[field] = t;
        else if (/^\d$/.test(t)) truncated.push('kegiatan');
        else if (/^(?!00)\d\d(?!00)\d\d$/.test(t) && i === tokens.length - 1) {
          // `0609` ending the code: kegiatan 06 and sub-kegiatan 09 with the stop lost (OCR); a
          // sub-kegiatan's own four digits start with 00
          field = bothFields(field, t, 2);
        } else if (/^\d{4}$/.test(t)) {
          truncated.push('kegiatan'); // `2.0⇥0001`: kegiatan digit lost, this is the sub
          printed[FIELD.KN] = null;
          field++;
          if (t === '0000') return null;
          f[FIELD.S] = t;
          printed[FIELD.S] = t;
        } else return null;
        break;
      case FIELD.S:
        if ((/^\d{4}$/.test(t) || /^\d{2}$/.test(t)) && !/^0+$/.test(t)) f[field] = t;
        else if (/^\d{1,3}$/.test(t) && !/^0{2,}$/.test(t)) truncated.push('sub');
        else return null;
        break;
    }
    lastPrinted = field;
  }
  if (lastPrinted < 0) return null;
  // a kegiatan number needs its type digit
  if (f[FIELD.KN] !== null && f[FIELD.KT] === null && start <= FIELD.KT) return null;
  return { f, printed, first: start, last: lastPrinted, truncated, padded, regrouped };
}

function scoreFit(fit: Omit<Fit, 'rowNo' | 'score'>, usedRowNo: boolean, expectRowNo: boolean, ctx: CodeContext, leadingEmpty = 0): number {
  let score = fit.f.filter((x) => x !== null).length;
  if (usedRowNo) score += expectRowNo ? 0.3 : -1;
  const prefixCtx = [ctx.urusan, ctx.bidang, ctx.program, ctx.kegiatanType];
  // a field not printed is cheap when the rows above know it or an empty code cell stands for it
  for (let i = 0; i < fit.first; i++) score -= prefixCtx[i] || fit.first - i <= leadingEmpty ? 0.2 : 1;
  if (ctx.bidang && fit.f[FIELD.B]) score += fit.f[FIELD.B] === ctx.bidang ? 1 : -1;
  if (ctx.urusan && fit.f[FIELD.U]) score += fit.f[FIELD.U] === ctx.urusan ? 0.5 : -0.5;
  score -= 0.5 * fit.truncated.length + 0.6 * fit.padded;
  return score;
}

export interface ParseCodeOptions {
  /** the table has a row-number column before the code */
  expectRowNo?: boolean;
  /** the table has a code column: a lone `1` is urusan 1, not a row number */
  codeColumn?: boolean;
  context?: CodeContext;
}

// readings per printed cells and what the reading weighs them by: the table finder and the row
// builder read the leading cells of every line, and a table's small code cells (`1`, `2.01`)
// recur line after line. Frozen: a caller that wants to change one copies it.
const readings = new Memo<string, Readonly<PartialCode> | 'none'>(20_000);

/** Read the code printed in a row's leading cells; null when there is none. */
export function parseCode(cells: string[], opts: ParseCodeOptions = {}): Readonly<PartialCode> | null {
  const c = opts.context;
  // what the reading depends on: the cells, the two flags and the context's fields scoreFit weighs
  const key = `${opts.expectRowNo ? 1 : 0}${opts.codeColumn ? 1 : 0}\u0000${c?.urusan ?? ''}\u0000${c?.bidang ?? ''}\u0000${c?.program ?? ''}\u0000${c?.kegiatanType ?? ''}\u0000${cells.join('\u0000')}`;
  const r = readings.get(key, () => {
    const p = readCode(cells, opts);
    if (!p) return 'none';
    Object.freeze(p.printed);
    Object.freeze(p.truncated);
    return Object.freeze(p);
  });
  return r === 'none' ? null : r;
}

function readCode(cells: string[], opts: ParseCodeOptions): PartialCode | null {
  const raw = cells.join('|').replace(/\|+$/, '');
  const multi = cells.length === 1 ? splitMultiCode(cells[0]) : [cells[0]];
  const source = multi.length > 1 ? [multi[0]] : cells;
  let tokens = tokenize(source);
  if (tokens.length === 0) return null;
  const ctx = opts.context ?? {};
  let best: Fit | null = null;
  // layout signals: a row number in a cell of its own, code fields left empty before the first printed one
  const firstFilled = source.findIndex((c) => c.trim() !== '');
  const rowNoOwnCell = firstFilled >= 0 && /^\d{1,3}\.?$/.test(source[firstFilled].trim()) && source.slice(firstFilled + 1).some((c) => /\d/.test(c));
  const leadingEmpty = Math.max(0, firstFilled);
  const tryFit = (toks: Token[], rowNo: string | null) => {
    for (let start = FIELD.U; start <= FIELD.KT; start++) {
      const fit = fitFrom(toks, start);
      if (!fit) continue;
      let score = scoreFit(fit, rowNo !== null, !!opts.expectRowNo, ctx, rowNo === null ? leadingEmpty : 0);
      if (rowNo !== null && rowNoOwnCell && opts.expectRowNo) score += 1.2;
      // two or more empty code cells before the first printed field: the code starts deeper
      if (rowNo === null && leadingEmpty >= 2 && fit.first < leadingEmpty) score -= 0.5 * (leadingEmpty - fit.first);
      if (!best || score > best.score) best = { ...fit, rowNo, score };
    }
  };
  const tryAll = () => {
    tryFit(tokens, null);
    if (tokens.length >= 2 && /^\d{1,3}$/.test(tokens[0].text)) tryFit(tokens.slice(1), tokens[0].text);
  };
  tryAll();
  if (!best) {
    tokens = tokenize(source, true);
    tryAll();
  }
  const fit = best as Fit | null;
  if (!fit) {
    // a full-length code that breaks the grammar (`06⇥101⇥2.02⇥0007`, `…2.04⇥0000`)
    if (tokens.filter((t) => t.text !== '').length >= 3) return { ...emptyPartial(raw), ghost: true };
    return null;
  }
  const printed = fit.f.filter((x) => x !== null).length;
  // without a code column, a lone number is a row number, not a code
  if (printed < 2 && !opts.codeColumn) return null;
  return {
    urusan: fit.f[FIELD.U],
    bidang: fit.f[FIELD.B],
    program: fit.f[FIELD.P],
    kegiatanType: fit.f[FIELD.KT],
    kegiatan: fit.f[FIELD.KN],
    sub: fit.f[FIELD.S],
    first: fit.first,
    last: fit.last,
    truncated: fit.truncated,
    padded: fit.padded,
    printed: fit.printed,
    ...(fit.regrouped ? { regrouped: true } : {}),
    rowNo: fit.rowNo,
    raw,
    ghost: false,
  };
}

function emptyPartial(raw: string): PartialCode {
  return {
    urusan: null, bidang: null, program: null, kegiatanType: null, kegiatan: null, sub: null,
    first: 0, last: -1, truncated: [], padded: 0, printed: [null, null, null, null, null, null], rowNo: null, raw, ghost: false,
  };
}

/**
 * Every way the digits of a printed code can sit in the six fields: each digit group, left to
 * right, in consecutive fields from a starting field (an empty code cell skips a field). For
 * codes whose print lost digits, where no one reading is sure: a name decides among them.
 */
export function digitAlignments(raw: string): (string | null)[][] {
  const tokens = tokenize(raw.split('|'));
  const out: (string | null)[][] = [];
  for (let start = FIELD.U; start <= FIELD.KT; start++) {
    if (start + tokens.length > FIELD.S + 1) break;
    const printed: (string | null)[] = [null, null, null, null, null, null];
    tokens.forEach((t, i) => { printed[start + i] = t.text === '' ? null : t.text; });
    out.push(printed);
  }
  return out;
}

/** The level a code's last printed field gives. */
/** How many of a partial code's fields were printed (a lone `2` or `2.1` is numbering as often as a code). */
export function printedFields(p: PartialCode): number {
  return [p.urusan, p.bidang, p.program, p.kegiatanType, p.kegiatan, p.sub].filter((x) => x !== null).length;
}

/**
 * A code read from `weakFields` printed fields or fewer, or with one digit printed for two
 * (`2.1.1`), is a code only when its name is like the nomenclature's: otherwise it is a row
 * number or outline numbering that happens to fit the grammar.
 */
export function weakPrint(p: PartialCode, weakFields: number): boolean {
  return printedFields(p) <= weakFields || p.padded > 0;
}

export function levelOfPartial(p: PartialCode): Level {
  return LEVEL_OF_LAST[p.last] ?? 'other';
}

/** Canonical dotted form: two-digit bidang/program/kegiatan, four-digit sub-kegiatan. */
export function formatCode(parts: {
  urusan: string | null; bidang?: string | null; program?: string | null;
  kegiatanType?: string | null; kegiatan?: string | null; sub?: string | null;
}): string | null {
  const out: string[] = [];
  if (!parts.urusan) return null;
  out.push(String(Number(parts.urusan)));
  if (!parts.bidang) return out.join('.');
  out.push(parts.bidang.padStart(2, '0'));
  if (!parts.program) return out.join('.');
  out.push(parts.program.padStart(2, '0'));
  if (!parts.kegiatanType || !parts.kegiatan) return out.join('.');
  out.push(parts.kegiatanType, parts.kegiatan.padStart(2, '0'));
  if (!parts.sub) return out.join('.');
  out.push(parts.sub.padStart(4, '0'));
  return out.join('.');
}

/** Split a canonical code back into its fields. */
export function splitCode(code: string): CodeContext & { sub?: string | null } {
  const [urusan, bidang, program, kegiatanType, kegiatan, sub] = code.split('.');
  return { urusan, bidang: bidang ?? null, program: program ?? null, kegiatanType: kegiatanType ?? null, kegiatan: kegiatan ?? null, sub: sub ?? null };
}

export function levelOfCode(code: string): Level {
  // the fields counted by their stops: asked for every candidate of every name match
  let n = 1;
  for (let i = code.indexOf('.'); i >= 0; i = code.indexOf('.', i + 1)) n++;
  return LEVEL_BY_FIELDS[n] ?? 'other';
}

const LEVEL_BY_FIELDS: readonly Level[] = ['other', 'urusan', 'bidang', 'program', 'other', 'kegiatan', 'sub_kegiatan'];

/** Width-independent key for joins: `1.06.01.2.01.01` ≡ `1.06.01.2.01.0001`. */
export function codeKey(code: string): string {
  return code.split('.').map((s) => String(Number(s))).join('.');
}

export function parentCode(code: string): string | null {
  const parts = code.split('.');
  if (parts.length <= 1) return null;
  if (parts.length === 5) return parts.slice(0, 3).join('.');
  return parts.slice(0, -1).join('.');
}

/** A sub-kegiatan code glued to the start of the name cell: `0004 Penyediaan …`. */
export function gluedSubCode(name: string): { sub: string; name: string } | null {
  const m = /^(\d{4})\s+(\S.*)$/.exec(name.trim());
  return m ? { sub: m[1], name: m[2] } : null;
}

// the levels of a budget account code (rekening), by its number of segments
const ACCOUNT_LEVELS: AccountLevel[] = ['akun', 'kelompok', 'jenis', 'objek', 'rincian_objek', 'sub_rincian_objek'];

export interface AccountCode {
  code: string;
  level: AccountLevel;
}

/**
 * Budget account codes (rekening) of RKA/DPA and realisation tables: akun 4 pendapatan, 5 belanja,
 * 6 pembiayaan, then kelompok, jenis, objek, rincian objek (1–2 digits each) and sub rincian
 * objek (up to 4): `5.1.02.01.01.0024`; also behind a program prefix (`1.06.01.5.1.01`). Kept as
 * printed; the level from its number of segments.
 */
export function parseAccountCode(text: string): AccountCode | null {
  const t = text.trim().replace(/\s*\.\s*/g, '.');
  let account: string | null = null;
  if (/^\d\.\d{2}\.\d{2}\.[4-6](\.\d{1,2}){0,4}$/.test(t)) account = t.split('.').slice(3).join('.');
  else if (/^[4-6](\.\d{1,2}){1,4}(\.\d{1,4})?$/.test(t)) account = t;
  if (!account) return null;
  return { code: t, level: ACCOUNT_LEVELS[account.split('.').length - 1] };
}

/** The one-digit akun of a rekening table's top rows: `5 BELANJA DAERAH`, `4 PENDAPATAN DAERAH`. */
export function loneAccount(key: string, name: string): AccountCode | null {
  const k = key.trim();
  if (!/^[4-6]$/.test(k) || !/^(pendapatan|belanja|pembiayaan)\b/i.test(name.trim())) return null;
  return { code: k, level: 'akun' };
}

/**
 * A Permendagri 13/2006 code as printed, its digit groups joined by dots: `307,01` → `307.01`,
 * `08 1 08 02 15` → `08.1.08.02.15`, `1.20.59`. A leading bare number in a cell of its own,
 * before a code with separators, is the row number (`1⇥1.20.59`).
 */
export function parseLegacyCode(cells: string[]): { code: string; rowNo: string | null } | null {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length === 0 || filled.some((c) => !/^[\d.,\s]+$/.test(c))) return null;
  let rowNo: string | null = null;
  if (filled.length >= 2 && /^\d{1,3}\.?$/.test(filled[0]) && /[.,\s]/.test(filled[1].replace(/[.,]$/, ''))) rowNo = filled.shift()!.replace(/\.$/, '');
  const groups = filled.join(' ').match(/\d+/g);
  if (!groups) return null;
  return { code: groups.join('.'), rowNo };
}
