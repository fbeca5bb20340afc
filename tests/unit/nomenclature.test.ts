// The national nomenclature index (src/nomenclature). Codes, names and units below are copied
// from pipelines/nomenclature/revisions/*.json (built from ../shared/nomenclature/*.jsonl).

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameSimilarity } from '../../src/normalize/similarity.ts';
import {
  REVISIONS,
  bidangFromAgencyName,
  canonicalCode,
  loadNomenclature,
  revisionForYear,
} from '../../src/nomenclature/index.ts';
import { readAliases } from '../../src/nomenclature/load.ts';
import { ROOT, SHARED } from '../helpers/paths.ts';

const R2023 = 'kepmendagri-900.1.15.5-1317-2023';
const R2021 = 'kepmendagri-050-5889-2021';
const R2019 = 'permendagri-90-2019';
const n = loadNomenclature(R2023);

/** Below this a candidate is not the name asked for (the index's own default floor). */
const MATCH_THRESHOLD = 0.5;

describe('revisions', () => {
  it('picks the revision in force for a budget year', () => {
    expect(revisionForYear(2026)).toBe(R2023);
    expect(revisionForYear(2024)).toBe(R2023);
    expect(revisionForYear(2023)).toBe(R2021);
    expect(revisionForYear(2022)).toBe(R2021);
    expect(revisionForYear(2021)).toBe(R2019);
    expect(revisionForYear(2020)).toBe(R2019);
  });

  it('has no revision for an unknown year or a Permendagri 13/2006 year', () => {
    expect(revisionForYear(null)).toBeNull();
    expect(revisionForYear(2019)).toBeNull();
    expect(revisionForYear(2010)).toBeNull();
    expect(revisionForYear(2024.5)).toBeNull();
  });

  it('loads each revision once, with the row counts the shared README gives', () => {
    expect(loadNomenclature(R2023)).toBe(n);
    expect(n.size).toBe(4144);
    expect(loadNomenclature(R2021).size).toBe(2585);
    expect(loadNomenclature(R2019).size).toBe(2528);
    expect(n.regulation).toBe('Kepmendagri 900.1.15.5-1317/2023');
    expect(n.budgetYears).toEqual({ from: 2024, to: null });
    expect(loadNomenclature(R2021).budgetYears).toEqual({ from: 2022, to: 2023 });
  });

  it('records the sha256 of the shared file it was built from', () => {
    const dir = join(SHARED, 'nomenclature');
    if (!existsSync(dir)) return; // CI without ../shared: the data files still load above
    for (const r of REVISIONS) {
      const file = JSON.parse(readFileSync(join(ROOT, 'pipelines/nomenclature/revisions', `${r.id}.json`), 'utf8'));
      const sha = createHash('sha256').update(readFileSync(join(dir, `${r.id}.jsonl`))).digest('hex');
      expect(file.source.sha256).toBe(sha);
    }
  });

  it('rejects an unknown revision', () => {
    expect(() => loadNomenclature('kepmendagri-2099' as typeof R2023)).toThrow(/unknown/);
  });
});

describe('codes', () => {
  it('canonicalises printed codes', () => {
    expect(canonicalCode('1.02.02.2.02.08')).toBe('1.02.02.2.02.0008');
    expect(canonicalCode('1.2.2.2.2.8')).toBe('1.02.02.2.02.0008');
    expect(canonicalCode(' 3 . 30 . 04 ')).toBe('3.30.04');
    expect(canonicalCode('x.xx.01.2.02.01')).toBe('X.XX.01.2.02.0001');
    expect(canonicalCode('1.02.01.2')).toBeNull(); // a kegiatan type without its number
    expect(canonicalCode('1.123')).toBeNull();
    expect(canonicalCode('0.02')).toBeNull();
    expect(canonicalCode('Dinas')).toBeNull();
  });

  it('finds entries of several bidang by code', () => {
    expect(n.get('1.02')?.name).toBe('URUSAN PEMERINTAHAN BIDANG KESEHATAN');
    const hipertensi = n.get('1.02.02.2.02.0008');
    expect(hipertensi).toMatchObject({ code: '1.02.02.2.02.0008', level: 'sub_kegiatan', name: 'Pengelolaan Pelayanan Kesehatan Penderita Hipertensi', unit: 'Orang', gov_level: 'kab_kota', penunjang: false });
    expect(n.get('1.03.03.2.01.0028')?.name).toBe('Pembangunan Sistem Penyediaan Air Minum (SPAM) Jaringan Perpipaan');
    expect(n.get('1.03.03.2.01.0028')?.unit).toBe('Liter/Detik');
    expect(n.get('3.30.03')).toMatchObject({ level: 'program', name: 'PROGRAM PENINGKATAN SARANA DISTRIBUSI PERDAGANGAN', unit: null, indicator: null });
    expect(n.get('3.27.04.2.04.0002')?.name).toBe('Pengawasan Peredaran Hewan dan Produk Hewan');
    expect(n.get('3.27.04.2.04.0002')?.indicator).toBeTruthy();
  });

  it('takes 2-digit sub-kegiatan numbers and unpadded segments', () => {
    expect(n.get('1.02.02.2.02.08')?.code).toBe('1.02.02.2.02.0008');
    expect(n.get('3.30.4.2.2.2')?.name).toMatch(/^Pemantauan Harga dan Stok Barang Kebutuhan Pokok/);
  });

  it('looks a bidang\'s penunjang code up as X.XX', () => {
    const gaji = n.get('1.02.01.2.02.0001');
    expect(gaji).toMatchObject({ code: '1.02.01.2.02.0001', name: 'Penyediaan Gaji dan Tunjangan ASN', penunjang: true, listed_as: 'X.XX.01.2.02.0001', unit: 'Orang/bulan' });
    expect(n.get('3.27.01')).toMatchObject({ level: 'program', name: 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA', penunjang: true });
    expect(n.get('1.03.01.2.01.01')?.name).toBe('Penyusunan Dokumen Perencanaan Perangkat Daerah');
    expect(n.get('X.XX.01.2.02.0001')?.penunjang).toBe(false);
  });

  it('prefers a bidang\'s own code to the penunjang rule, and needs a real bidang', () => {
    expect(n.get('4.01.01')).toMatchObject({ name: 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH', penunjang: false });
    expect(n.get('9.99.01.2.02.0001')).toBeUndefined();
    expect(n.get('1.02.99.2.01.0001')).toBeUndefined();
  });

  it('follows each revision\'s penunjang listing', () => {
    expect(loadNomenclature(R2019).get('1.02.01.2.02.0001')?.name).toBe('Penyediaan Gaji dan Tunjangan ASN');
    // the 2021 data has no penunjang rows at all (README): a warning for the caller, not a guess
    expect(loadNomenclature(R2021).get('1.02.01.2.02.0001')).toBeUndefined();
    expect(loadNomenclature(R2021).get('1.02.02.2.02.0008')?.name).toBe('Pengelolaan Pelayanan Kesehatan Penderita Hipertensi');
  });

  it('walks the hierarchy', () => {
    expect(n.parent('1.02.02.2.02.0008')?.code).toBe('1.02.02.2.02');
    expect(n.parent('1.02.02.2.02')?.code).toBe('1.02.02');
    expect(n.parent('1.02.01.2.02.0001')).toMatchObject({ code: '1.02.01.2.02', penunjang: true });
    expect(n.parent('1')).toBeUndefined();
    const programs = n.programs('3.30').map((e) => e.code);
    expect(programs[0]).toBe('3.30.01');
    expect(programs).toContain('3.30.03');
    expect(n.children('1.02.01').map((e) => e.code)).toContain('1.02.01.2.02');
    expect(n.children('1.02.02.2.02').every((e) => e.level === 'sub_kegiatan' && e.code.startsWith('1.02.02.2.02.'))).toBe(true);
  });

  it('lists the bidang without the X.XX pseudo-bidang', () => {
    const bidangs = n.bidangs();
    expect(bidangs).toHaveLength(44);
    expect(bidangs.map((b) => b.code)).toEqual(expect.arrayContaining(['1.02', '1.03', '1.06', '3.27', '3.30', '3.31']));
    expect(bidangs.some((b) => b.code.startsWith('X'))).toBe(false);
  });
});

describe('names', () => {
  const top = (name: string, opts: Parameters<typeof n.byName>[1] = {}) => n.byName(name, opts)[0];

  it('finds a name with a typo within its bidang', () => {
    const c = top('Pengelolaan Pelayanan Kesehatn Penderita Hipertensi', { under: '1.02' });
    expect(c.code).toBe('1.02.02.2.02.0008');
    expect(c.score).toBeGreaterThan(0.9);
  });

  it('reads an accented letter, which Indonesian never prints, as the plain one (OCR\'s `Pémeliharaan`)', () => {
    expect(nameSimilarity('Operasi dan Pémeliharaan Sungai', 'Operasi dan Pemeliharaan Sungai').score).toBe(1);
    expect(top('Operasi dan Pémeliharaan Sungai', { under: '1.03' }).score).toBe(1);
  });

  it('takes `atau` for `dan`', () => {
    expect(top('Rehabilitasi atau Pemeliharaan Rumah Sakit', { under: '1.02' }).code).toBe('1.02.02.2.01.0008');
    expect(top('Pengawasan Peredaran Hewan atau Produk Hewan', { under: '3.27' }).code).toBe('3.27.04.2.04.0002');
  });

  it('ignores case, and an exact normalised name scores 1', () => {
    const c = top('PEMANTAUAN HARGA DAN STOK BARANG KEBUTUHAN POKOK DAN BARANG PENTING PADA PASAR RAKYAT YANG TERINTEGRASI DALAM SISTEM INFORMASI PERDAGANGAN', { under: '3.30' });
    expect(c).toMatchObject({ code: '3.30.04.2.02.0002', score: 1, via: 'name' });
  });

  it('finds a misspelt name among its near siblings', () => {
    const list = n.byName('Pembangunan Sistim Penyediaan Air Minum (SPAM) Jaringan Perpipaan', { under: '1.03' });
    expect(list[0].code).toBe('1.03.03.2.01.0028');
    expect(list[0].score).toBeGreaterThan(list[1].score);
  });

  it('offers penunjang items under the bidang asked for', () => {
    expect(top('Penyediaan Gaji dan Tunjangan ASN', { under: '1.02' })).toMatchObject({ code: '1.02.01.2.02.0001', score: 1 });
    expect(top('Penyediaan Gaji dan Tunjangan ASN', { under: '1.02' }).entry.penunjang).toBe(true);
    expect(top('Penyediaan Gaji dan Tunjangan ASN').code).toBe('X.XX.01.2.02.0001');
    expect(top('Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', { under: '3.30', level: 'program' }).code).toBe('3.30.01');
  });

  it('filters by level and prefix', () => {
    const programs = n.byName('PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN', { level: 'program' });
    expect(programs[0].code).toBe('1.02.02');
    expect(programs.every((c) => c.entry.level === 'program')).toBe(true);
    expect(n.byName('Pengelolaan Pelayanan Kesehatan Penderita Hipertensi', { under: '3.30' })).toEqual([]);
    expect(n.byName('Pengelolaan Pelayanan Kesehatan Penderita Hipertensi', { under: 'not a code' })).toEqual([]);
  });

  it('returns every code of a name several codes share', () => {
    const list = n.byName('Penyediaan Sandang', { under: '1.06' });
    expect(list.map((c) => c.code)).toEqual(['1.06.04.2.01.0002', '1.06.04.2.02.0004', '1.06.06.2.01.0002']);
    expect(list.every((c) => c.score === 1)).toBe(true);
  });

  it('gives no candidate for a name the nomenclature does not have', () => {
    expect(n.byName('Pembangunan Stadion Sepak Bola Internasional')).toEqual([]);
    expect(n.byName('Pembangunan Stadion Sepak Bola Internasional', { under: '1.02', minScore: MATCH_THRESHOLD })).toEqual([]);
    expect(n.byName('Belanja Pegawai', { under: '3.27' }).filter((c) => c.score >= MATCH_THRESHOLD)).toEqual([]);
  });

  it('matches the spellings the seed documents print (aliases)', () => {
    // a word cut short in print (`bes` for `beserta`): a seed document printed it so
    const cut = 'Pengadaan Pakaian Dinas bes Atribut Kelengkapannya';
    expect(top(cut, { under: '1.06' })).toMatchObject({ code: '1.06.01.2.05.0002', score: 1, via: 'alias', matched: cut });
    const plain = top(cut, { under: '1.06', aliases: false });
    expect(plain).toMatchObject({ code: '1.06.01.2.05.0002', via: 'name' });
    expect(plain.score).toBeLessThan(1);
    // a misspelling the fuzzy word match takes anyway
    expect(top('Perencanaan, Penggangan, dan Evaluasi Kinerja Perangkat Daerah', { under: '1.06', aliases: false })).toMatchObject({ code: '1.06.01.2.01', score: 1 });
  });

  it('finds a fragment cut from a longer name when asked to', () => {
    const c = top('ANG BERKAITAN DENGAN PELAYAN', { fragments: true, level: 'urusan' });
    expect(c.code).toBe('1');
  });

  it('scores exactly as nameSimilarity over every entry would (the index only skips)', () => {
    // names that are not exact ones (an exact name returns only its own codes)
    const queries: { name: string; under: string }[] = [
      { name: 'Pengelolaan Pelayanan Kesehatan Balita dan Anak', under: '1.02' },
      { name: 'Penyediaan Layanan Kesehatan untuk UKM', under: '1.02' },
      { name: 'Pembangunan SPAM Jaringan Perpipaan', under: '1.03' },
      { name: 'Pengawasan Pupuk Bersubsidi', under: '3.30' },
      { name: 'Perbanyakan Benih Perkebunan', under: '3.27' },
      { name: 'Penyediaan Jasa Surat Menyurat Kantor', under: '3.27' },
      { name: 'Pemeliharaan Rumah Sakit atau Puskesmas', under: '1.02' },
    ];
    for (const q of queries) {
      const fast = n.byName(q.name, { under: q.under, limit: 1000 }).map((c) => `${c.code} ${c.score.toFixed(6)}`);
      const brute = n
        .all()
        .map((e) => ({ code: e.code.startsWith('X.XX.') ? q.under + e.code.slice(4) : e.code, e }))
        .filter(({ code, e }) => code.startsWith(`${q.under}.`) && !(e.code.startsWith('X.XX.') && n.get(code)?.penunjang === false))
        .map(({ code, e }) => ({ code, score: nameSimilarity(q.name, e.name).score, dice: nameSimilarity(q.name, e.name).dice }))
        .filter((c) => c.score >= MATCH_THRESHOLD)
        .sort((a, b) => b.score - a.score || b.dice - a.dice || a.code.localeCompare(b.code))
        .map((c) => `${c.code} ${c.score.toFixed(6)}`);
      expect(new Set(fast)).toEqual(new Set(brute));
    }
  });
});

describe('aliases', () => {
  it('are all spellings of codes the 2024+ revision has, under the name they were checked against', () => {
    const file = readAliases();
    expect(file.checked_against).toBe(R2023);
    expect(file.aliases.length).toBeGreaterThan(0);
    for (const a of file.aliases) {
      expect(n.get(a.code)?.name).toBe(a.canonical);
      expect(nameSimilarity(a.name, a.canonical).score).toBeGreaterThanOrEqual(0.6);
    }
  });
});

describe('agency → bidang', () => {
  const codes = (agency: string) => bidangFromAgencyName(agency).map((c) => c.code);

  it('matches agency words against bidang names', () => {
    expect(codes('Dinas Kesehatan')).toEqual(['1.02']);
    expect(codes('Dinas Sosial')).toEqual(['1.06']);
    expect(codes('Dinas Kesehatan Kabupaten Blitar')).toEqual(['1.02']);
    expect(new Set(codes('Dinas Perdagangan dan Perindustrian'))).toEqual(new Set(['3.30', '3.31']));
  });

  it('uses the synonym table where the words differ', () => {
    expect(codes('Dinas Pekerjaan Umum dan Penataan Ruang')).toEqual(['1.03']);
    expect(codes('Dinas Pekerjaan Umum dan Perumahan Rakyat')).toEqual(expect.arrayContaining(['1.03', '1.04']));
    expect(codes('Dinas Peternakan')).toEqual(['3.27']);
    expect(codes('Dinas Perkebunan')).toEqual(['3.27']);
    expect(codes('Dinas Peternakan dan Kesehatan Hewan')).toEqual(['3.27']); // not 1.02 KESEHATAN
    expect(codes('Dinas Kebersihan dan Pertamanan')[0]).toBe('2.11');
  });

  it('ranks the bidang the whole name explains first', () => {
    const sekwan = bidangFromAgencyName('Sekretariat DPRD');
    expect(sekwan[0].code).toBe('4.02');
    expect(sekwan[0].score).toBeGreaterThan(sekwan[1]?.score ?? 0);
    expect(bidangFromAgencyName('Dinas Pendidikan')[0]).toMatchObject({ code: '1.01', score: 1 });
  });

  it('returns nothing rather than a default', () => {
    expect(codes('Bank Indonesia')).toEqual([]);
    expect(codes('Kota Metro')).toEqual([]);
    expect(codes('')).toEqual([]);
  });

  it('resolves every synonym target in the 2024+ revision', () => {
    expect(n.unresolvedAgencySynonyms()).toEqual([]);
    // Permendagri 90/2019 as shared has no ENERGI DAN SUMBER DAYA MINERAL bidang
    expect(loadNomenclature(R2019).unresolvedAgencySynonyms()).toEqual(['ENERGI DAN SUMBER DAYA MINERAL']);
  });
});
