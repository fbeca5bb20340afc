// When a document is for: the plan or report year (`Rencana Kerja … Tahun 2016`, `Tahun
// Anggaran 2022`), the period of a Renstra or RPJMD (`2021-2026`), and the part of the year a
// periodic report covers (`Bulan : Desember 2021` → month 12, `s/d Triwulan II` → quarter 2,
// `Triwulan I - IV` → quarter 4).

import { Tally } from '../tally.js';
import type { DocKind } from './kind.js';
import { kindMatches, selfReference, titleKind } from './kind.js';
import type { Segment, Zones } from './zones.js';

const YEAR = /(?<![\d.,/])((?:19|20)\d\d)(?![\d.,/]\d)/g;
const RANGE_SEP = String.raw`\s*(?:-|–|—|s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?)\s*`;
const RANGE_BEFORE = new RegExp(String.raw`(?:19|20)\d\d${RANGE_SEP}$`, 'i');
const RANGE_AFTER = new RegExp(String.raw`^${RANGE_SEP}(?:19|20)\d\d`, 'i');
const MONTHS = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];
const MONTH_WORD = String.raw`(?:jan(?:uari)?|feb(?:ruari)?|peb(?:ruari)?|mar(?:et)?|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|agu(?:stus|s)?|agt|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|nop(?:ember)?|des(?:ember)?)`;
const DATE_BEFORE = new RegExp(String.raw`\b${MONTH_WORD}\.?,?\s*$`, 'i');
const REGULATION_BEFORE = /\b(?:nomor|no\.?)\s*[\w./-]+\s+tahun\s*$/i;

/** A year that is not half of a period nor the year of a regulation. */
function years(text: string): { year: number; index: number; dated: boolean; tahun: boolean }[] {
  const out: { year: number; index: number; dated: boolean; tahun: boolean }[] = [];
  for (const m of text.matchAll(YEAR)) {
    const i = m.index ?? 0;
    const before = text.slice(Math.max(0, i - 40), i);
    const after = text.slice(i + 4, i + 20);
    if (RANGE_BEFORE.test(before) || RANGE_AFTER.test(after) || REGULATION_BEFORE.test(before)) continue;
    out.push({
      year: Number(m[1]),
      index: i,
      dated: DATE_BEFORE.test(before),
      tahun: /\b(?:tahun|th\.?|t\.?\s?a\.?)(?:\s+anggaran)?\s*:?\s*$/i.test(before),
    });
  }
  return out;
}

/**
 * The year the title names: a year said with `Tahun` and in the block that names the kind scores
 * highest; a date (`22 April 2016`, `Desember 2021`) lowest. The earliest of the best wins.
 */
function titleYear(segments: Segment[]): number | null {
  let best: { year: number; score: number } | null = null;
  for (const s of segments) {
    const kind = titleKind(s.text);
    for (const y of years(s.text)) {
      let score = y.dated ? 0.5 : 1;
      if (y.tahun) score += 2;
      if (kind) score += 2;
      if (!best || score > best.score) best = { year: y.year, score };
    }
  }
  return best?.year ?? null;
}

/** The year after the kind where the foreword names the document (`Renja … Dinas Sosial Tahun 2025`). */
function proseYear(segments: Segment[]): number | null {
  for (const s of segments) {
    const m = selfReference(s.text);
    if (!m) continue;
    const y = years(s.text.slice(m.end, m.end + 160)).find((v) => !v.dated);
    if (y) return y.year;
  }
  return null;
}

/** The year the text most often says with the kind's name (`Rencana Kerja … Tahun 2024`). */
function textYear(segments: Segment[]): number | null {
  const counts = new Tally<number>();
  for (const s of segments) {
    for (const k of kindMatches(s.text)) {
      const y = years(s.text.slice(k.end, k.end + 160))[0];
      if (y && !y.dated) counts.add(y.year);
    }
  }
  return counts.top()?.[0] ?? null;
}

export interface YearResult {
  year: number | null;
  reason: string | null;
}

const PERIOD_KINDS: DocKind[] = ['renstra'];

export function detectYear(z: Zones, kind: DocKind): YearResult {
  if (PERIOD_KINDS.includes(kind)) return { year: null, reason: 'a Renstra is for a period, not one year' };
  const title = [...z.head, ...z.running, ...z.labelled.filter((l) => /^tahun|^bulan|^periode/.test(l.label)).map((l) => ({ text: l.value, line: l.line, cell: -1, inTable: false }))];
  const year = titleYear(title) ?? proseYear(z.prose) ?? textYear(z.body.filter((s) => !s.inTable));
  if (year !== null) return { year, reason: null };
  return { year: null, reason: 'no year named in the title, the foreword or with the document kind' };
}

const PERIOD = new RegExp(String.raw`(?<!\d)((?:19|20)\d\d)${RANGE_SEP}((?:19|20)\d\d)(?!\d)`, 'gi');
const MIN_SPAN = 3;
const MAX_SPAN = 6;

function periodsIn(text: string): { start: number; end: number; index: number }[] {
  const out: { start: number; end: number; index: number }[] = [];
  for (const m of text.matchAll(PERIOD)) {
    const start = Number(m[1]);
    const end = Number(m[2]);
    if (end - start >= MIN_SPAN && end - start <= MAX_SPAN) out.push({ start, end, index: m.index ?? 0 });
  }
  return out;
}

// a period said next to these words is a Renstra or RPJMD period
const PERIOD_CONTEXT = /renstra|rencana\s+strategi|rpjmd|rpd\b|jangka\s+menengah/i;
const CONTEXT_WEIGHT = 3;

export interface PeriodResult {
  period: { start: number; end: number } | null;
  reason: string | null;
}

/**
 * The Renstra/RPJMD period: for a Renstra the one its title names, else the one the text says
 * most with a Renstra or RPJMD; for other documents only a period said with one of those.
 */
export function detectPeriod(z: Zones, kind: DocKind): PeriodResult {
  if (kind === 'renstra') {
    for (const s of [...z.head, ...z.running]) {
      const p = periodsIn(s.text)[0];
      if (p) return { period: { start: p.start, end: p.end }, reason: null };
    }
    for (const s of z.prose) {
      const m = selfReference(s.text);
      if (!m || m.kind !== 'renstra') continue;
      const p = periodsIn(s.text.slice(m.end, m.end + 160))[0];
      if (p) return { period: { start: p.start, end: p.end }, reason: null };
    }
  }
  const counts = new Tally<string>();
  let context = 0;
  const text = z.body.map((s) => s.text).join('\n');
  for (const p of periodsIn(text)) {
    const around = text.slice(Math.max(0, p.index - 120), p.index + 20);
    const weight = PERIOD_CONTEXT.test(around) ? CONTEXT_WEIGHT : 1;
    if (weight > 1) context++;
    counts.add(`${p.start}-${p.end}`, weight);
  }
  const best = counts.top();
  if (!best || (kind !== 'renstra' && context === 0)) return { period: null, reason: 'no Renstra or RPJMD period stated' };
  const [start, end] = best[0].split('-').map(Number);
  return { period: { start, end }, reason: null };
}

export interface Covers {
  month?: number;
  quarter?: number;
  semester?: number;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ordinal = (s: string) => ROMAN[s.toLowerCase()] ?? Number(s);

const MONTH_SAID = new RegExp(String.raw`(?:\bbulan\s*:?\s*|\b(?:s\.?\s*/?\s*d\.?|sampai\s+dengan|per|keadaan|posisi)\s+(?:bulan\s+)?(?:\d{1,2}\s+)?)(${MONTH_WORD})\b`, 'i');
const QUARTER_SAID = new RegExp(String.raw`\b(?:triwulan|trw|tw)\.?\s*(?:ke[\s-]*)?(iv|i{1,3}|[1-4])\b(?:${RANGE_SEP}(?:triwulan\s*|tw\s*)?(iv|i{1,3}|[1-4])\b)?`, 'i');
const SEMESTER_SAID = /\bsemester\s*(?:ke[\s-]*)?(ii|i|[12])\b/i;

/** The part of the year one text says a report covers, if it says one. */
export function coversIn(text: string, labelled = false): Covers | null {
  const month = (labelled ? new RegExp(String.raw`^\s*(${MONTH_WORD})\b`, 'i') : MONTH_SAID).exec(text);
  if (month) {
    const w = month[1].toLowerCase();
    const n = MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)) || (w.startsWith('peb') && m === 'februari') || (w.startsWith('nop') && m === 'november') || (w === 'agt' && m === 'agustus'));
    if (n >= 0) return { month: n + 1 };
  }
  const q = QUARTER_SAID.exec(text);
  if (q) return { quarter: ordinal(q[2] ?? q[1]) };
  const s = SEMESTER_SAID.exec(text);
  if (s) return { semester: ordinal(s[1]) };
  return null;
}

// the kinds that report on part of a year
export const PERIODIC: DocKind[] = ['rfk', 'evaluasi_renja'];

export interface CoversResult {
  covers: Covers | null;
  reason: string | null;
}

export function detectCovers(z: Zones, kind: DocKind): CoversResult {
  if (!PERIODIC.includes(kind)) return { covers: null, reason: 'not a periodic report' };
  for (const l of z.labelled) {
    if (!/^(bulan|triwulan|semester|periode)$/.test(l.label)) continue;
    const c = coversIn(l.label === 'bulan' ? l.value : `${l.label} ${l.value}`, l.label === 'bulan');
    if (c) return { covers: c, reason: null };
  }
  for (const s of [...z.head, ...z.running]) {
    const c = coversIn(s.text);
    if (c) return { covers: c, reason: null };
  }
  return { covers: null, reason: 'no month, quarter or semester named in the title' };
}
