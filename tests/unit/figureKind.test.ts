// What a figure is, from its column: family columns by measure and group, columns no family knows
// by the words of their printed headers (labels as the seeds and ../shared/real print them).
import { describe, expect, it } from 'vitest';
import { basisOf, rupiah, stageOf, type FigureColumn } from '../../src/compare/figureKind.ts';

const col = (label: string, more: Partial<FigureColumn> = {}): FigureColumn => ({ measure: null, label, unit: null, ...more });

describe('basis', () => {
  it('a family column by its measure', () => {
    expect(basisOf(col('Target kinerja sebelum perubahan', { measure: 'target' }), 'Orang')).toBe('target');
    expect(basisOf(col('Realisasi Triwulan I (Rp)', { measure: 'realisasi_anggaran_tw1', kind: 'money' }), 'Rp')).toBe('realisasi');
    expect(basisOf(col('Tingkat capaian', { measure: 'capaian_renstra_anggaran' }), '%')).toBe('capaian');
    expect(basisOf(col('Anggaran setelah perubahan', { measure: 'anggaran', kind: 'money' }), 'Rp')).toBe('pagu');
    expect(basisOf(col('Bertambah / berkurang', { measure: 'selisih_anggaran' }), 'Rp')).toBe('selisih');
    expect(basisOf(col('Volume', { measure: 'volume_realisasi' }), 'Unit')).toBe('realisasi');
  });

  it('a column no family knows by its header; realisation before money', () => {
    expect(basisOf(col('REALISASI KEUANGAN PER SUB-KEGIATAN Rupiah'), null)).toBe('realisasi');
    expect(basisOf(col('REALISASI FISIK (%) RERATA', { unit: '%' }), '%')).toBe('realisasi');
    expect(basisOf(col('ANGGARAN PER PAKET'), null)).toBe('pagu');
    expect(basisOf(col('PAGU APBD 2024'), null)).toBe('pagu');
    expect(basisOf(col('Target 2016'), null)).toBe('target');
    expect(basisOf(col('PERSENTASE'), null)).toBe('capaian');
    // `Jumlah` says nothing: money is a budget, a count is unknown
    expect(basisOf(col('Jumlah'), 'Rp')).toBe('pagu');
    expect(basisOf(col('Jumlah'), 'Orang')).toBeNull();
    expect(basisOf(col('Trw 4'), 'Dokumen')).toBeNull();
  });
});

describe('stage', () => {
  it('the group of a before/after or draft/reviewed pair decides', () => {
    expect(stageOf(col('Anggaran sebelum perubahan', { measure: 'anggaran', group: 'sebelum' }), 'pagu', 'renja_perubahan')).toBe('sebelum_perubahan');
    expect(stageOf(col('Anggaran setelah perubahan', { measure: 'anggaran', group: 'sesudah' }), 'pagu', 'renja_perubahan')).toBe('setelah_perubahan');
    expect(stageOf(col('Pagu indikatif rancangan awal', { measure: 'pagu', group: 'rancangan_awal' }), 'pagu', 'rancangan_renja')).toBe('rancangan');
    expect(stageOf(col('Pagu hasil analisis', { measure: 'pagu', group: 'hasil_analisis' }), 'pagu', 'rancangan_renja')).toBe('hasil_analisis');
  });

  it('realisations, Renstra figures and forward estimates by their measure; headers; else the document', () => {
    expect(stageOf(col('Realisasi', { measure: 'realisasi' }), 'realisasi', 'renja')).toBe('realisasi');
    expect(stageOf(col('Target Renstra', { measure: 'target_renstra' }), 'target', 'renja')).toBe('renstra');
    expect(stageOf(col('Prakiraan maju', { measure: 'prakiraan_maju' }), 'pagu', 'renja_perubahan')).toBe('prakiraan');
    expect(stageOf(col('APBD Perubahan'), 'pagu', 'lkjip')).toBe('setelah_perubahan');
    expect(stageOf(col('Pagu indikatif', { measure: 'pagu' }), 'pagu', 'renja')).toBe('rencana');
    expect(stageOf(col('Pagu indikatif', { measure: 'pagu' }), 'pagu', 'rancangan_renja')).toBe('rancangan');
    expect(stageOf(col('Pagu indikatif', { measure: 'pagu' }), 'pagu', 'renja_perubahan')).toBe('setelah_perubahan');
  });
});

describe('rupiah', () => {
  it('scales thousands and millions; a figure that is not money has none', () => {
    expect(rupiah(1250.5, 'Rp ribu', true)).toBe(1_250_500);
    expect(rupiah(3.2, 'Rp juta', true)).toBe(3_200_000);
    expect(rupiah(5_000_000, 'Rp', true)).toBe(5_000_000);
    expect(rupiah(95, '%', false)).toBeNull();
  });
});
