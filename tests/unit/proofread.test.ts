// Arithmetic as OCR's proof-reader (src/validate/proofread.ts), on a small kegiatan with three
// sub-kegiatan whose pagu OCR read: one doubted digit that the sum proves is mended with its proof;
// a sure figure, a change of more than one digit, and a sum two doubted figures could each mend
// are left as read.
import { describe, expect, it } from 'vitest';
import type { DocWarning, LogicalRow, ParsedValue, TableBlock } from '../../src/model.ts';
import { viewOf } from '../../src/validate/context.ts';
import { oneDigitApart, proofreadDigits } from '../../src/validate/proofread.ts';
import { oneSlipReadings, proofreadRatios } from '../../src/validate/ratios.ts';
import { DEFAULT_SETTINGS } from '../../src/settings.ts';

const DOUBT = 93;

function row(code: string, line: number, pagu: number, confidence = 96): LogicalRow {
  const v: ParsedValue = { column: 'pagu', raw: new Intl.NumberFormat('id-ID').format(pagu), value: pagu, unit: 'Rp', line, confidence };
  return { code, line, kind: 'data', duplicateOf: null, values: [v] } as unknown as LogicalRow;
}

const table = { id: 't1', label: '5', columns: [{ key: 'pagu', label: 'Pagu', role: 'value', kind: 'money' }] } as unknown as TableBlock;

function proofread(rows: LogicalRow[]) {
  const warnings: DocWarning[] = [];
  proofreadDigits([viewOf(table, rows)], DOUBT, warnings);
  return { values: rows.map((r) => r.values[0]), warnings };
}

describe('one digit apart', () => {
  it.each([
    [1_500_000, 1_800_000, true],
    [394_400_000, 394_400_008, true],
    [1_500_000, 1_500_000, false],
    [1_500_000, 1_600_001, false],
    [999_000, 1_000_000, false],
    [12.5, 17.5, true],
  ])('%d and %d: %s', (a, b, want) => expect(oneDigitApart(a, b)).toBe(want));
});

describe('proof-reading OCR digits by parent = Σ children', () => {
  it('a doubted child whose one digit changed makes the kegiatan the sum of its sub-kegiatan is read so, with the proof', () => {
    // printed 1.500.000, OCR read 1.800.000 with confidence 71
    const { values, warnings } = proofread([row('1.06.01.2.01', 1, 6_000_000), row('1.06.01.2.01.0001', 2, 1_800_000, 71), row('1.06.01.2.01.0002', 3, 2_500_000), row('1.06.01.2.01.0003', 4, 2_000_000)]);
    expect(values[1]).toMatchObject({ value: 1_500_000, raw: '1.800.000', repaired: true });
    expect(values[1].proof).toMatch(/parent 1\.06\.01\.2\.01 \(l\.1\) less its other 2 children, one digit apart/);
    expect(warnings.map((w) => w.type)).toEqual(['repaired_value']);
  });

  it('a doubted parent is mended by the sum of its children', () => {
    const { values } = proofread([row('1.06.01.2.01', 1, 6_000_800, 64), row('1.06.01.2.01.0001', 2, 1_500_000), row('1.06.01.2.01.0002', 3, 2_500_000), row('1.06.01.2.01.0003', 4, 2_000_000)]);
    expect(values[0]).toMatchObject({ value: 6_000_000, repaired: true });
  });

  it('a sure figure, and a doubted one two digits away from the sum, are left as read', () => {
    const sure = proofread([row('1.06.01.2.01', 1, 6_000_000), row('1.06.01.2.01.0001', 2, 1_800_000), row('1.06.01.2.01.0002', 3, 2_500_000), row('1.06.01.2.01.0003', 4, 2_000_000)]);
    expect(sure.values[1]).toMatchObject({ value: 1_800_000 });
    expect(sure.values[1].repaired).toBeUndefined();
    const far = proofread([row('1.06.01.2.01', 1, 6_000_000), row('1.06.01.2.01.0001', 2, 1_870_000, 71), row('1.06.01.2.01.0002', 3, 2_500_000), row('1.06.01.2.01.0003', 4, 2_000_000)]);
    expect(far.values[1]).toMatchObject({ value: 1_870_000 });
    expect(far.warnings).toEqual([]);
  });

  it('a percentage is no sum: a programme\'s doubted 100 % over two kegiatan at 100 % stays 100', () => {
    const percent = { id: 't2', label: '5', columns: [{ key: 'pagu', label: 'Target', role: 'value', kind: 'percent', unit: '%' }] } as unknown as TableBlock;
    const rows = [row('1.06.01', 1, 100, 91), row('1.06.01.2.01', 2, 100), row('1.06.01.2.02', 3, 100)];
    for (const r of rows) r.values[0].unit = '%';
    const warnings: DocWarning[] = [];
    proofreadDigits([viewOf(percent, rows)], DOUBT, warnings);
    expect(rows[0].values[0].value).toBe(100);
    expect(warnings).toEqual([]);
  });

  it('two doubted children that could each mend the sum are both kept as read, each with a warning', () => {
    // 300.000 too much: 1.800.000 → 1.500.000 or 2.800.000 → 2.500.000
    const { values, warnings } = proofread([row('1.06.01.2.01', 1, 6_000_000), row('1.06.01.2.01.0001', 2, 1_800_000, 71), row('1.06.01.2.01.0002', 3, 2_800_000, 80), row('1.06.01.2.01.0003', 4, 1_700_000)]);
    expect(values.map((v) => v.value)).toEqual([6_000_000, 1_800_000, 2_800_000, 1_700_000]);
    expect(warnings.map((w) => w.type)).toEqual(['ocr_digit_doubt', 'ocr_digit_doubt']);
  });
});

describe('proof-reading OCR digits by a percent printed beside them (ratios.ts)', () => {
  // the RFK's sub-kegiatan rows (anggaran c3, realisasi c13, % c14 to four decimals), figures as
  // the text layer prints them; OCR misread one figure of two rows, with doubt
  const generic = { id: 't1', label: null, family: null, columns: [] } as unknown as TableBlock;
  const fig = (column: string, value: number, raw: string, confidence: number): ParsedValue => ({ column, raw, value, unit: null, confidence });
  const rfkRow = (line: number, anggaran: [number, string, number], realisasi: number, percent: string): LogicalRow => ({
    line, code: null, kind: 'data', duplicateOf: null,
    values: [fig('c3', ...anggaran), fig('c13', realisasi, new Intl.NumberFormat('id-ID').format(realisasi), 95), fig('c14', Number(percent.replace(',', '.')), percent, 95)],
  }) as unknown as LogicalRow;
  const rows = () => [
    rfkRow(1, [124_495_000, '124.495.000', 95], 73_595_500, '59,1152'),
    rfkRow(2, [180_000_000, '180.000.000', 95], 93_752_500, '52,0847'),
    rfkRow(3, [1_586_452_500, '1586452500', 84], 1_400_966_895, '88,3249'), // printed 1.586.152.500
    rfkRow(4, [134_560_000, '134.560.000', 95], 112_530_000, '83,6281'),
    rfkRow(5, [1_341_560_000, '1341560000', 61], 112_530_000, '83,6281'), // a stop read as 1
  ];

  it('a doubted figure one slip from what the row\'s percent says is read so, with the ratio as proof', () => {
    const rs = rows();
    const warnings: DocWarning[] = [];
    proofreadRatios([viewOf(generic, rs)], DOUBT, DEFAULT_SETTINGS.figures, warnings);
    expect(rs[2].values[0]).toMatchObject({ value: 1_586_152_500, raw: '1586452500', repaired: true });
    expect(rs[2].values[0].proof).toMatch(/ratio c14 = c13 \/ c3 × 100/);
    expect(rs[4].values[0]).toMatchObject({ value: 134_560_000, repaired: true });
    expect(warnings.map((w) => w.type)).toEqual(['repaired_value', 'repaired_value']);
  });

  it('a sure figure, and a percent printed too coarsely to tell one slip, leave the figure as read', () => {
    const sure = rows();
    sure[2].values[0].confidence = 97;
    proofreadRatios([viewOf(generic, sure)], DOUBT, DEFAULT_SETTINGS.figures, []);
    expect(sure[2].values[0].value).toBe(1_586_452_500);
    const coarse = rows().map((r) => ({ ...r, values: r.values.map((v) => (v.column === 'c14' ? { ...v, raw: v.raw.slice(0, -2), value: Number(v.raw.slice(0, -2).replace(',', '.')) } : v)) }));
    proofreadRatios([viewOf(generic, coarse)], DOUBT, DEFAULT_SETTINGS.figures, []);
    expect(coarse[2].values[0].value).toBe(1_586_452_500);
  });

  it('one slip: a digit misread, or one glyph too many', () => {
    expect(oneSlipReadings(105)).toEqual(expect.arrayContaining([205, 115, 100, 15, 10]));
    expect(oneSlipReadings(105)).not.toContain(105);
    expect(oneSlipReadings(105)).not.toContain(5); // `05` is no reading: a leading zero
  });
});
