// The comparison page's figures per code and district (src/report/comparison.ts), on rows shaped
// as the long table gives them for a Renja Perubahan's evaluation and perubahan tables and a
// Renstra's pendanaan table (figures as the Blitar and Jambi seeds print them for 1.06.01.2.02.0001).
import { describe, expect, it } from 'vitest';
import type { LongRow } from '../../src/compare/longTable.ts';
import { comparisonData } from '../../src/report/comparison.ts';

function row(over: Partial<LongRow>): LongRow {
  return {
    region_type: 'kabupaten', region_name: 'Blitar', province: null, agency: 'Dinas Sosial', document_kind: 'renja_perubahan', document_year: 2024,
    period_start: 2021, period_end: 2026, code: '1.06.01.2.02.0001', code_source: 'document', level: 'sub_kegiatan', name: 'Penyediaan Gaji dan Tunjangan ASN',
    canonical_name: 'Penyediaan Gaji dan Tunjangan ASN', indicator: null, indicator_unit: null, measure: 'pagu', basis: 'pagu', stage: 'rencana',
    column_key: 'c1', column_label: '', year: 2024, value: 0, unit: 'Rp', value_rp: 0, repaired: false, low_confidence: false,
    source_file: '003.txt', table_id: 't1', table_label: null, family: null, line: 1, page: null, bbox_x0: null, bbox_top: null, bbox_x1: null, bbox_bottom: null,
    ...over,
  };
}
const rp = (v: number) => ({ value: v, value_rp: v });

describe('comparison figures', () => {
  const rows = [
    row({ measure: 'anggaran', stage: 'sebelum_perubahan', ...rp(4_035_693_583) }),
    row({ measure: 'anggaran', stage: 'setelah_perubahan', ...rp(3_545_784_420) }),
    row({ measure: 'pagu', stage: 'setelah_perubahan', table_id: 't2', ...rp(3_545_784_420) }),
    row({ measure: 'realisasi_anggaran_tw3', basis: 'realisasi', stage: 'realisasi', ...rp(1_636_323_808) }),
    row({ measure: 'realisasi_anggaran', basis: 'realisasi', stage: 'realisasi', ...rp(1_965_626_240) }),
    // s.d. tahun …: several years summed, not this year's realisation
    row({ measure: 'realisasi_anggaran_kumulatif', basis: 'realisasi', stage: 'realisasi', year: null, ...rp(5_431_682_937) }),
    // next year's estimate is not this year's plan
    row({ measure: 'prakiraan_maju', stage: 'prakiraan', year: 2025, ...rp(9_999_999_999) }),
    row({ region_type: 'kota', region_name: 'Jambi', document_kind: 'renstra', document_year: null, source_file: '002.txt', stage: 'renstra', year: 2024, ...rp(5_721_095_317) }),
    row({ region_type: 'kota', region_name: 'Jambi', document_kind: 'renstra', document_year: null, source_file: '002.txt', stage: 'renstra', year: 2025, ...rp(6_335_718_000) }),
  ];
  const data = comparisonData(rows);
  const code = data.codes.find((c) => c.code === '1.06.01.2.02.0001')!;

  it('plan before the change, revised after it, the year realised, the rate against the revised budget', () => {
    const blitar = code.districts.find((d) => d.district === 'kabupaten Blitar')!;
    expect(blitar).toMatchObject({ plan: 4_035_693_583, revised: 3_545_784_420, realised: 1_965_626_240, renstra: null });
    expect(blitar.rate).toBe(55.4);
  });

  it("a Renstra's figure for the year the other documents are for", () => {
    expect(code.year).toBe(2024);
    expect(code.districts.find((d) => d.district === 'kota Jambi')).toMatchObject({ plan: null, renstra: 5_721_095_317 });
    expect(data.coverage['1.06.01.2.02.0001']).toEqual({ 'kabupaten Blitar': 7, 'kota Jambi': 2 });
  });
});
