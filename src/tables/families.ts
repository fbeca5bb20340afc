// Columns stage: recognise a table's family from its caption and header (pipelines/families.json)
// and say what each column means: measure, year, unit. Unknown tables get columns from their
// own header cells.

import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PIPELINES_DIR } from '../paths.js';
import type { ColumnSpec, TableBlock, ValueKind } from '../model.js';
import { nonEmptyCells } from './lines.js';

const ValueColumn = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['money', 'percent', 'count', 'quantity', 'any']),
  measure: z.string().nullable().optional(),
  unit: z.string().nullable().optional(),
  year: z.number().optional(),
  yearPattern: z.string().optional(),
  yearIndex: z.number().optional(),
  yearOffset: z.number().optional(),
  formula: z.string().optional(),
  group: z.string().optional(),
  optional: z.boolean().optional(),
});

const Family = z.object({
  id: z.string(),
  title: z.string(),
  match: z.object({
    caption: z.array(z.string()).default([]),
    header: z.array(z.string()).default([]),
    not: z.array(z.string()).default([]),
  }),
  text: z.array(z.string()),
  values: z.array(ValueColumn),
  repeatValues: z.array(ValueColumn).optional(),
  yearsFromHeader: z.boolean().optional(),
  /** how many text columns stand before the first value column (empty ones are dropped cells, not values) */
  textBeforeValues: z.number().optional(),
  minScore: z.number().default(2),
  /** row checks: `not_greater` left ≤ right, reported as `type` with `why` */
  checks: z.array(z.object({
    type: z.string(),
    /** not_greater: left ≤ right; ratio_within: right / factor ≤ left ≤ right × factor */
    rule: z.enum(['not_greater', 'ratio_within']).default('not_greater'),
    factor: z.number().optional(),
    left: z.string(),
    right: z.string(),
    why: z.string(),
  })).default([]),
});
export type Family = z.infer<typeof Family>;

export const FAMILIES: Family[] = z.object({ families: z.array(Family) }).parse(JSON.parse(readFileSync(join(PIPELINES_DIR, 'families.json'), 'utf8'))).families;

export function headerText(table: TableBlock): string {
  return table.headerLines.map((h) => h.cells.map((c) => c.text).join(' ')).join(' ').replace(/\s+/g, ' ');
}

// a pattern that is a plain phrase (letters and spaces): it may also be found with the spaces gone
const PLAIN_PHRASE = /^[a-z ]+$/i;
const squeezed = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A caption or header as it is searched: its text, and the same squeezed once. */
interface Searched { text: string; squeezed: string }
const searched = (text: string): Searched => ({ text, squeezed: squeezed(text) });

/**
 * Does a family's pattern occur in a caption or header? A plain phrase is also looked for in the
 * text with every space and stop taken out: a narrow cell breaks its words where the line ends
 * (`Tri wul an`, `Kinerj adan`) and OCR adds stray marks (`Tingkat : Capaian`).
 */
function mentions(s: Searched, pattern: string): boolean {
  if (compiled(pattern).test(s.text)) return true;
  return PLAIN_PHRASE.test(pattern) && s.squeezed.includes(squeezed(pattern));
}

// each family pattern compiled once, not once per table it is tried on
const COMPILED = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  let re = COMPILED.get(pattern);
  if (!re) COMPILED.set(pattern, (re = new RegExp(pattern, 'i')));
  return re;
}

/** Score every family against the caption and header; the best one at or above its minimum wins. */
export function matchFamily(table: TableBlock): Family | null {
  const header = searched(headerText(table));
  const caption = searched(table.caption ?? '');
  let best: { f: Family; score: number } | null = null;
  for (const f of FAMILIES) {
    let score = 0;
    for (const p of f.match.caption) if (mentions(caption, p)) score += 2;
    for (const p of f.match.header) if (mentions(header, p)) score += 1;
    for (const p of f.match.not) if (mentions(header, p) || mentions(caption, p)) score -= 5;
    if (score >= f.minScore && (!best || score > best.score)) best = { f, score };
  }
  return best?.f ?? null;
}

/** Distinct years printed in the header, in order: `Tahu⇥n 2025` counts. */
export function headerYears(table: TableBlock): number[] {
  const years: number[] = [];
  for (const m of headerText(table).replace(/(20\d)\s(\d)\b/g, '$1$2').matchAll(/\b(19|20)\d\d\b/g)) {
    const y = Number(m[0]);
    if (!years.includes(y)) years.push(y);
  }
  return years;
}

/** Every year of the header years row, left to right (repeats kept: target 2023..2026, realisasi 2023..). */
function yearsRow(table: TableBlock): number[] {
  for (const h of table.headerLines) {
    const ys = nonEmptyCells(h)
      .map((c) => c.replace(/\s/g, '').match(/^((19|20)\d\d)/)?.[1])
      .filter((x): x is string => !!x)
      .map(Number);
    if (ys.length >= 2) return ys;
  }
  return [];
}

export function buildColumns(table: TableBlock, family: Family | null, docYear: number | null): ColumnSpec[] {
  if (!family) return genericColumns(table);
  const header = headerText(table);
  const years = headerYears(table);
  const text: ColumnSpec[] = family.text.map((key) => ({
    key, label: key.replace(/_/g, ' '), role: key === 'name' ? 'name' : key === 'indicator' ? 'indicator' : 'text',
    kind: 'text', measure: null, year: null, unit: null,
  }));
  let values = family.values;
  if (family.repeatValues) {
    const ys = years.length ? years : [null];
    values = ys.flatMap((y, i) => family.repeatValues!.map((v) => ({ ...v, key: `${v.key}_${y ?? i + 1}`, label: `${v.label} ${y ?? ''}`.trim(), year: y ?? undefined })));
  }
  const row = family.yearsFromHeader ? yearsRow(table) : [];
  const valueCols: ColumnSpec[] = values.map((v, i) => {
    let year: number | null = v.year ?? null;
    if (year === null && v.yearPattern) {
      const m = new RegExp(v.yearPattern, 'i').exec(header);
      if (m) year = Number(m[1]);
    }
    if (year === null && v.yearIndex !== undefined) year = years[v.yearIndex] ?? null;
    if (year === null && row.length === values.length) year = row[i];
    if (year === null && v.yearOffset !== undefined && docYear !== null) year = docYear + v.yearOffset;
    return {
      key: v.key, label: v.label, role: 'value', kind: v.kind as ValueKind, measure: v.measure ?? null,
      year, unit: v.unit ?? (v.kind === 'money' ? 'Rp' : v.kind === 'percent' ? '%' : null),
      formula: v.formula ?? null, group: v.group ?? null, optional: v.optional ?? false,
    };
  });
  return [...text, ...valueCols];
}

/** No family: one column per header cell position, labelled by the header text above it. */
function genericColumns(table: TableBlock): ColumnSpec[] {
  const width = Math.max(0, ...table.headerLines.map((h) => h.cells.length));
  const cols: ColumnSpec[] = [];
  for (let i = 0; i < width; i++) {
    const label = table.gridLabels?.[i] ?? table.headerLines
      .filter((h) => h !== table.numberRow)
      .map((h) => h.cells[i]?.text ?? '')
      .filter((t) => t !== '')
      .join(' ')
      .trim();
    const year = /\b((19|20)\d\d)\b/.exec(label);
    cols.push({ key: `c${i}`, label: label || `column ${i + 1}`, role: roleOf(label), kind: 'any', measure: null, year: year ? Number(year[1]) : null, unit: /%/.test(label) ? '%' : /\(Rp/i.test(label) ? 'Rp' : null });
  }
  return cols;
}

// a header that names figures: whatever else it says, its column holds values
const VALUE_WORDS = /\b(target|realisasi|capaian|pagu|anggaran|jumlah|dana|kondisi|tahun|triwulan|tw|volume|harga|nilai|persen|bobot|rp|rupiah)\b|%|\b(19|20)\d\d\b/i;
const ROLE_WORDS: [RegExp, ColumnSpec['role']][] = [
  [/^(no\.?|nomor|no\.?\s*urut)$/i, 'rowno'],
  [/^kode\b/i, 'code'],
  [/^indikator\b/i, 'indicator'],
  [/\b(program|kegiatan|uraian|tujuan|sasaran|nama|urusan|bidang)\b/i, 'name'],
  [/\b(satuan|lokasi|keterangan|sumber\s*dana|penanggung\s*jawab|perangkat\s*daerah|unit|opd|skpd|penyedia|ppk|pptk|bendahara)\b/i, 'text'],
];

/** What a column of a table of no known family holds, from its header: a label naming figures is a value column. */
function roleOf(label: string): ColumnSpec['role'] {
  if (label === '' || VALUE_WORDS.test(label)) return 'value';
  return ROLE_WORDS.find(([re]) => re.test(label.trim()))?.[1] ?? 'value';
}
