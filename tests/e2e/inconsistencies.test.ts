// Every inconsistency the study of seeds 000 and 003 lists (../shared/docs/seeds-000-003.md,
// "Inconsistencies found") must come out as a warning of the right type at the right line,
// and every truncated value the gold repaired must be repaired to the same number.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputDocument } from '../../src/emit/schema.ts';
import { extractFile } from '../../src/pipeline.ts';
import { GOLD, SEEDS, requireShared } from '../helpers/paths.ts';

const docs = new Map<string, OutputDocument>();

beforeAll(async () => {
  requireShared();
  docs.set('000', await extractFile(join(SEEDS, '000_3c81d608c39353c9.txt')));
  docs.set('003', await extractFile(join(SEEDS, '003_a0b8d9f08cf4c655.txt')));
});

type Expect = [doc: string, item: string, type: string, line: number, code?: string | null];

// doc, the study's item, warning type, line (of the row, or of the table for table-level warnings), code
const LISTED: Expect[] = [
  ['000', '1: T-C.29 column 10 (=5+7+9) always empty', 'formula_not_applied', 245],
  ['000', '1: T-C.29 column 11 (=10/4) always 0%', 'formula_not_applied', 245],
  ...[280, 290, 292, 311, 317, 328, 321].map((l): Expect => ['000', '1: T-C.29 column 5 exceeds column 4', 'exceeds_target', l]),
  ...[286, 288, 313, 314].map((l): Expect => ['000', '1: T-C.29 column 9 shows 12 where neighbours suggest otherwise', 'target_jump', l]),
  ['000', '1: T-C.29 column 9 mixes 100% and plain counts', 'unit_mismatch', 248],
  ['000', '1: T-C.29 urusan realisation 277 ≠ program 279', 'parent_child_mismatch', 248],
  ['000', '2: T-C.31 Rancangan Awal kegiatan 1.06.02.2.03 75.000.000 vs Σ subs 615.686.900', 'sum_mismatch', 508, '1.06.02.2.03'],
  ['000', '3: T-C.33 program 1.06.01 3.712.588.029 vs Σ kegiatan', 'sum_mismatch', 800, '1.06.01'],
  ['000', '3: T-C.33 bidang 5.533.941.209 vs Σ programs', 'sum_mismatch', 799, '1.06'],
  ['000', '3: T-C.33 total 5.533.941.209 vs Σ programs', 'sum_mismatch', 913, null],
  ['000', '3: T-C.33 1.06.01 = Rancangan Awal, not Hasil Analisis (difference 14.137.570)', 'cross_table_mismatch', 800, '1.06.01'],
  ['000', '3: T-C.33 sub 1.06.07.2.01.0002 empty 2024 pagu under a 50.000.000 kegiatan', 'children_missing_values', 909, '1.06.07.2.01'],
  ...['1.06.01.2.01.0001', '1.06.01.2.02.0001', '1.06.01.2.02.0002', '1.06.01.2.02.0003'].map((c): Expect => ['000', '5: RKA Tahun + 1 repeats the T-C.31 Rancangan Awal', 'copy_forward', 0, c]),
  ['000', '6: 1.06.01.2.08 indicator about meubel (T-C.31)', 'indicator_mismatch', 499, '1.06.01.2.08'],
  ['000', '6: 1.06.01.2.08 indicator about meubel (T-C.33)', 'indicator_mismatch', 842, '1.06.01.2.08'],
  ['000', '6: T-C.29 1.06.02.2.03.04 indicator about disabilitas terlantar', 'indicator_mismatch', 289, '1.06.02.2.03.0004'],
  ['000', '6: T-C.29 indicator tail "Alam dan Bencana Sosial" glued to the next row', 'indicator_spill', 319, '1.06.06.2.01'],
  ['000', '7: IKU capaian against the Renstra end target 95% shown as 100%', 'formula_mismatch', 438, null],
  ['000', '7: IKU target 2024 94,6 % (T6) vs 94,5% in the narrative', 'narrative_mismatch', 648, null],
  ['000', 'Narrative Rp. 5,247,916,429,00 matches no table total', 'narrative_mismatch', 786, null],
  ...[758, 801, 812, 854].map((l): Expect => ['003', '1: Tabel 5 BERTAMBAH/BERKURANG with the wrong sign', 'sign_error', l]),
  ['003', '2: Tabel 5 program A difference (483.543.166)', 'formula_mismatch', 728, '1.06.01'],
  ['003', '3: Tabel 5 kegiatan X carries the migrant-worker indicator', 'indicator_mismatch', 801, '1.06.04.2.01'],
  ['003', '4: E-81 column 13 K equals 15 K instead of (12/7)', 'formula_not_applied', 268],
  ...[278, 295, 310, 336, 345, 346, 347, 348, 349, 350, 362, 363, 368].map((l): Expect => ['003', '5: E-81 column 14 K is not 6K + 12K', 'formula_mismatch', l]),
  ['003', '6: E-81 l.298 7Rp 0,00 with an empty 13Rp', 'division_by_zero', 298, '1.06.01.2.09.0001'],
  ['003', '7: E-81 kegiatan 1.06.01.2.06 excludes its child 01.2.06.0010', 'sum_mismatch', 272, '1.06.01.2.06'],
  ['003', '7: E-81 program 1.06.01 includes that child', 'sum_mismatch', 271, '1.06.01'],
  ['003', '8: Gaji uses the after value (7Rp vs Anggaran Sebelum)', 'cross_table_mismatch', 737, '1.06.01.2.02.0001'],
  ['003', '8: 1.06.01.2.09.01 0,00 vs 178.395.000', 'cross_table_mismatch', 762, '1.06.01.2.09.0001'],
  ['003', '8: LK3 8.113.200 vs 8.133.200', 'cross_table_mismatch', 787, '1.06.02.2.03.0005'],
  ['003', '8: program 1.06.02 1.338.839.384 vs 1.338.859.384', 'cross_table_mismatch', 770, '1.06.02'],
  ['003', '8: target K Barang Cetak 100 vs 2', 'cross_table_mismatch', 742, '1.06.01.2.06.0005'],
  ['003', '8: target K Pengumpulan Sumbangan 75 vs 100', 'cross_table_mismatch', 771, '1.06.02.2.02'],
  ['003', '8: target K Tagana 44 vs 40', 'cross_table_mismatch', 868, '1.06.06.2.02.0002'],
  ['003', '9: E-81 total realisation 3.476.769.683 vs narrative 3.471.750.283', 'narrative_mismatch', 141, null],
  ['003', '10: Renja target 177 far above Renstra target 15', 'exceeds_target', 331, '1.06.04.2.01.0003'],
  ...[337, 334, 330].map((l): Expect => ['003', '10: realisation to 2023 exceeds the Renstra end target', 'exceeds_target', l]),
  ['003', '11: program 1.06.06 prints no K values', 'missing_values', 356, '1.06.06'],
];

describe('the inconsistencies the study lists are reported', () => {
  it.each(LISTED)('%s: %s → %s at l.%i', (doc, _item, type, line, code) => {
    const found = docs.get(doc)!.warnings.filter((w) => w.type === type && (line === 0 || w.line === line) && (code === undefined || w.code === code));
    expect(found.length, `${type} at line ${line}`).toBeGreaterThan(0);
    expect(found[0].message.length).toBeGreaterThan(20);
  });

  it('every warning says its type, where it is, and a message', () => {
    for (const doc of docs.values()) {
      for (const w of doc.warnings) {
        expect(w.type).toMatch(/^[a-z_]+$/);
        expect(w.line === null && w.page === null && w.table === null && w.type !== 'narrative_mismatch').toBe(false);
        expect(w.message.length).toBeGreaterThan(15);
      }
    }
  });
});

describe('repairs', () => {
  it('repairs every truncated value the gold repaired to the same number, with a note saying what proved it', () => {
    for (const id of ['000', '003']) {
      const gold = readFileSync(join(GOLD, `${id}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      const repaired = gold.flatMap((g) => Object.entries(g.values as Record<string, { value: number | null; note?: string }>)
        .filter(([k, v]) => v.note && /truncat|last digit|lost|trailing dot|extra zero|malformed/i.test(v.note) && typeof g.cells?.[k] === 'string')
        .map(([k, v]) => ({ line: g.line as number, raw: String(g.cells[k]), value: v.value })));
      expect(repaired.length, id).toBeGreaterThan(0);
      const records = docs.get(id)!.records;
      for (const r of repaired) {
        const rec = records.find((x) => x.line === r.line || x.lines?.includes(r.line));
        // the same figure may also be printed whole in another column of the row
        const v = rec?.values.filter((x) => x.value === r.value).find((x) => x.repaired);
        expect(v, `${id} l.${r.line} '${r.raw}' → ${r.value}`).toBeDefined();
        expect(v!.note, `${id} l.${r.line}`).toMatch(/confirmed by|restored from|read as/);
      }
    }
  });

  it('keeps the printed text of a repaired figure', () => {
    const v = docs.get('000')!.records.find((r) => r.line === 532)!.values.find((x) => x.value === 125657700)!;
    expect(v.raw).toBe('125.657.70');
    expect(v.proof).toMatch(/the parent 1\.06\.04\.2\.02/);
  });
});
