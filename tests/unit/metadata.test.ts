// Document metadata from the text: kind, region, agency, year, period and covers, on small
// hand-made covers, headers and tables in the styles documents use (not copied from any one).
import { describe, expect, it } from 'vitest';
import { layoutLine } from '../../src/load/text.ts';
import { detectMetadata } from '../../src/metadata.ts';
import type { LayoutLine } from '../../src/model.ts';

const meta = (text: string) => detectMetadata(text.split('\n').map((l, i) => layoutLine(l, i + 1)));

/** A paged document: each page's text, lines numbered on through the pages. */
function paged(...pages: string[]) {
  const lines: LayoutLine[] = [];
  pages.forEach((p, i) => {
    for (const l of p.split('\n')) lines.push(layoutLine(l, lines.length + 1, i + 1));
  });
  return detectMetadata(lines);
}

const PROSE = 'Dalam rangka mewujudkan pelayanan yang baik kepada masyarakat maka kami menyusun dokumen ini dengan sebaik mungkin sesuai ketentuan yang berlaku.';

describe('region name', () => {
  it.each([
    ['Kota Metro', 'RENCANA KERJA\nDinas Kota Metro Tahun 2024\nPemerintah Kota Metro Provinsi Lampung\ndi Kota Metro.', 'kota', 'Metro'],
    ['a directional suffix', 'Renja Kabupaten Lampung Barat Tahun 2024\nKabupaten Lampung Barat', 'kabupaten', 'Lampung Barat'],
    ['two words', 'Renja Kota Tanjung Pinang Tahun 2024\nPemerintah Kota Tanjung Pinang\nwarga Kota Tanjung Pinang Dan sekitarnya', 'kota', 'Tanjung Pinang'],
    ['three words', 'Renja Kabupaten Tanjung Jabung Barat 2024\nKabupaten Tanjung Jabung Barat Provinsi Jambi\nKabupaten Tanjung Jabung Barat', 'kabupaten', 'Tanjung Jabung Barat'],
    ['not the Kota of Kabupaten/Kota', 'Renja Dinas Sosial Kabupaten Blitar Tahun 2024\nKewenangan Kabupaten/Kota\tJumlah Orang\nDaerah Kabupaten/Kota\tJumlah Lembaga\nKabupaten/Kota\tJumlah', 'kabupaten', 'Blitar'],
    ['a next word that varies', 'Kota Jambi Tahun 2024\nKota Jambi Sehat\nKota Jambi Bersih\nKota Jambi Maju', 'kota', 'Jambi'],
  ])('%s', (_, text, type, name) => {
    expect(meta(text).region).toMatchObject({ type, name });
  });
});

describe('government level', () => {
  it('a kota named by its government, with the province it lies in', () => {
    const m = meta('PEMERINTAH KOTA SUKABUMI\nPROVINSI JAWA BARAT\n\nRENCANA KERJA\nDINAS PERHUBUNGAN\nTAHUN 2022');
    expect(m.region).toEqual({ type: 'kota', name: 'Sukabumi', province: 'Jawa Barat' });
  });

  it('a kabupaten written Kab. in a running header', () => {
    const page = (n: number) => `Renstra Dinas Perikanan Kab. Gunungkidul\n\nIsi halaman ${n} tentang program dan kegiatan.\n${n}`;
    const m = paged(page(1), page(2), page(3));
    expect(m.region).toMatchObject({ type: 'kabupaten', name: 'Gunungkidul' });
  });

  it('a provincial agency is provincial, whatever kabupaten its tables list', () => {
    const m = meta([
      'RENCANA KERJA',
      'DINAS KEHUTANAN PROVINSI JAWA TENGAH',
      'TAHUN 2019',
      '',
      'BAB I',
      'No\tKegiatan\tLokasi\tTarget',
      '1\tPenanaman pohon\tKabupaten Wonosobo\t100',
      '2\tPenanaman pohon\tKabupaten Wonosobo\t120',
      '3\tPenanaman pohon\tKabupaten Kendal\t90',
    ].join('\n'));
    expect(m.region).toMatchObject({ type: 'provinsi', name: 'Jawa Tengah' });
  });

  it('a UPTD of a province, told by its superior in the labelled fields', () => {
    const m = meta([
      'PERJANJIAN KINERJA TAHUN 2018',
      '',
      PROSE,
      'Nama\t:\tIr. SUTRISNO',
      'Jabatan\t:\tKepala UPTD Balai Benih Ikan Sentral',
      'Nama\t:\tDr. HARTONO',
      'Jabatan\t:\tKepala Dinas Kelautan dan Perikanan Provinsi Jawa Timur selaku atasan pihak pertama',
    ].join('\n'));
    expect(m.kind).toBe('perjanjian_kinerja');
    expect(m.region).toMatchObject({ type: 'provinsi', name: 'Jawa Timur' });
    expect(m.agency).toBe('UPTD Balai Benih Ikan Sentral');
    expect(m.year).toBe(2018);
  });

  it('a Balai (UPTD) named with its province on the cover', () => {
    const m = meta('LAPORAN KINERJA\nBALAI PENGUJIAN MUTU BENIH (UPTD) PROVINSI SULAWESI SELATAN\nTAHUN 2020');
    expect(m.region).toMatchObject({ type: 'provinsi', name: 'Sulawesi Selatan' });
    expect(m.kind).toBe('lkjip');
  });

  it('a region only inside the prose of a table cell, wrapped onto the next line', () => {
    const m = paged(
      [
        'Program/Kegiatan\tIndikator\tRealisasi Kinerja pada Triwulan I - IV Tahun 2022\tPenanggung Jawab',
        '\t\tK\tRp\tK\tRp\tK\tRp\tK\tRp\t',
        'Pelayanan Kesehatan\tPersentase balita yang dilayani di wilayah Kota Tanjung\t90\t1.000.000\tDINKES',
      ].join('\n'),
      ['\tBalai selama satu tahun\t\t\t', 'Program Gizi\tJumlah peserta JKN Kota Tanjung Balai yang aktif\t80\t2.000.000\tDINKES'].join('\n'),
    );
    expect(m.region).toMatchObject({ type: 'kota', name: 'Tanjung Balai' });
  });

  it('a name whose last word wrapped onto the next line of its cell, on the next page', () => {
    const m = paged(
      'Program/Kegiatan\tIndikator\tTarget\nPelayanan Air Minum\tPersentase rumah tangga terlayani di Kabupaten Lombok\t75',
      '\tTimur pada akhir tahun\t\nPengelolaan Sampah\tPersentase sampah tertangani\t60',
    );
    expect(m.region).toMatchObject({ type: 'kabupaten', name: 'Lombok Timur' });
  });

  it('a region only in cells that are nothing but a place is not told', () => {
    const m = meta('No\tKegiatan\tLokasi\tAnggaran\n1\tPembangunan jalan\tKota Palu\t1.000.000\n2\tPembangunan jembatan\tKota Palu\t2.000.000');
    expect(m.region).toMatchObject({ type: null, name: null });
    expect(m.unknown_because.region).toBe('no region named outside table cells');
  });

  it('table words after Kota or Kabupaten are not places', () => {
    const m = meta([
      'Urusan\tKabupaten / Kota\tJumlah\t12',
      'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota\tSub\tTotal',
      'Kebijakan Kota Sehat dan Kabupaten Layak Anak dilaksanakan oleh semua perangkat daerah',
    ].join('\n'));
    expect(m.region).toMatchObject({ type: null, name: null });
    expect(m.unknown_because.region).toMatch(/not a place|no region/);
  });
});

describe('document kind', () => {
  it.each([
    ['an RKA printed from SIPD', 'Sistem Informasi Pemerintahan Daerah - Cetak RKA\n\nRINCIAN BELANJA SUB KEGIATAN\nSATUAN KERJA PERANGKAT DAERAH', 'rka'],
    ['Rencana Kerja dan Anggaran is an RKA, not a Renja', 'RENCANA KERJA DAN ANGGARAN\nSATUAN KERJA PERANGKAT DAERAH\nPemerintah Kabupaten Sleman Tahun Anggaran 2023', 'rka'],
    ['a DPA', 'DOKUMEN PELAKSANAAN ANGGARAN\nSATUAN KERJA PERANGKAT DAERAH (DPA-SKPD)\nPemerintah Kota Madiun Tahun Anggaran 2021\n\nRINCIAN BELANJA SUB KEGIATAN', 'dpa'],
    ['a DPA sheet whose browser header says DPA', 'Sistem Informasi Pemerintahan Daerah\n\nRINCIAN BELANJA SUB KEGIATAN\nPemerintah Kota Kediri Tahun Anggaran 2023\n\nCetak DPA\n\nSistem Informasi Pemerintahan Daerah - Cetak DPA', 'dpa'],
    ['an RFK', 'LAPORAN REALISASI FISIK DAN KEUANGAN\nKEGIATAN APBD KABUPATEN KLATEN TAHUN ANGGARAN 2022', 'rfk'],
    ['a titled evaluation of the Renja, which names the Renja', 'EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH\nDINAS PERTANIAN KABUPATEN BANTUL\nTRIWULAN III TAHUN 2022', 'evaluasi_renja'],
    ['an LKjIP, whose chapters are on Perjanjian Kinerja', 'LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)\nBADAN PENDAPATAN DAERAH KOTA PEKALONGAN\nTAHUN 2021\n\nDAFTAR ISI\nBAB II PERENCANAAN KINERJA\n2.2 Perjanjian Kinerja', 'lkjip'],
    ['a LAKIP', 'LAKIP\nKANTOR KESATUAN BANGSA DAN POLITIK\nKABUPATEN LUMAJANG 2014', 'lkjip'],
    ['a Rancangan Renja', 'RANCANGAN RENCANA KERJA (RENJA)\nDINAS PERPUSTAKAAN KOTA BLITAR\nTAHUN 2025', 'rancangan_renja'],
    ['a Renja Perubahan', 'RENCANA KERJA PERUBAHAN\nDINAS KOPERASI DAN UKM KABUPATEN TEGAL\nTAHUN 2023', 'renja_perubahan'],
    ['a Renstra', 'RENCANA STRATEGIS\nDINAS KESEHATAN KOTA PADANG\n2019 - 2024', 'renstra'],
    ['Rencana Kerja Pemerintah Daerah is an RKPD', 'RENCANA KERJA PEMERINTAH DAERAH (RKPD)\nKABUPATEN SIDOARJO\nTAHUN 2024', 'rkpd'],
    ['a Rancangan Akhir RKPD', 'RANCANGAN AKHIR RKPD\nKOTA CIMAHI TAHUN 2020', 'rkpd'],
  ])('%s', (_, text, kind) => {
    expect(meta(text).kind).toBe(kind);
  });

  it('a Renja told by its running header is not a Renstra because its prose names one', () => {
    const page = (n: number, body: string) => `${body}\n\nRencana Kerja Dinas Pariwisata Provinsi Bali Tahun 2017\t${n}`;
    const m = paged(
      page(1, `BAB III\nTUJUAN DAN SASARAN\nDalam penyusunan Rencana Strategis, arah kebijakan dinas harus mengacu kepada kebijakan nasional yang berlaku.`),
      page(2, 'Renja ini merupakan turunan dari Rencana Strategis (Renstra) Dinas Pariwisata Provinsi Bali Tahun 2013 - 2018.'),
      page(3, 'Program dan kegiatan tahun rencana disajikan pada tabel berikut.'),
    );
    expect(m).toMatchObject({ kind: 'renja', year: 2017, region: { type: 'provinsi', name: 'Bali' }, agency: 'Dinas Pariwisata' });
  });

  it('the foreword names the document when no title does', () => {
    const m = meta([
      '## KATA PENGANTAR',
      'Puji syukur kami panjatkan sehingga penyusunan Perubahan Rencana Kerja (Renja) Dinas Pendidikan Kabupaten Kulon Progo Tahun 2023 dapat diselesaikan dengan baik sesuai jadwal.',
      'Dokumen ini mengacu pada Rencana Strategis (Renstra) Dinas Pendidikan Tahun 2019-2024 dan RKPD.',
    ].join('\n'));
    expect(m).toMatchObject({ kind: 'renja_perubahan', agency: 'Dinas Pendidikan', region: { type: 'kabupaten', name: 'Kulon Progo' }, year: 2023 });
  });

  it('a Renstra named in passing in the foreword does not make the document one', () => {
    const m = meta('KATA PENGANTAR\nDalam penyusunan Rencana Strategis, arah kebijakan harus sesuai dengan kebijakan nasional yang berlaku di seluruh daerah.');
    expect(m.kind).toBe('unknown');
    expect(m.unknown_because.kind).toBeTruthy();
  });

  it('an untitled Permendagri 86 evaluation form: triwulan columns with K and Rp', () => {
    const m = meta([
      'Urusan/Program/Kegiatan\tIndikator Kinerja\tRealisasi Kinerja pada Triwulan I - IV Tahun 2021\tUnit Penanggung Jawab',
      '\t\tI\tII\tIII\tIV\t',
      '\t\tK\tRp\tK\tRp\tK\tRp\tK\tRp\t',
      'Program Pengelolaan Sampah\tPersentase sampah tertangani\t20\t1.500.000\t40\t2.500.000\t\t\t\t\tDLH',
    ].join('\n'));
    expect(m).toMatchObject({ kind: 'evaluasi_renja', year: 2021, covers: { quarter: 4 } });
  });
});

describe('agency', () => {
  it('from SKPD, in capitals', () => {
    const m = meta('REALISASI FISIK DAN KEUANGAN\nTAHUN ANGGARAN 2020\n\nSKPD\t: DINAS PEKERJAAN UMUM DAN PENATAAN RUANG\nBulan\t: Juni 2020');
    expect(m.agency).toBe('Dinas Pekerjaan Umum dan Penataan Ruang');
  });

  it('from SKPD as OCR read it off a scan, strokes of rules among the words (the RFK through the scan harness)', () => {
    const m = meta('REALISASI FISIK DAN KEUANGAN\nTAHUN ANGGARAN 2021\n\nSKPD\t: DI INAS PEKERJAAN 1 UMUM I DAN PENATAAN RUANG\nBulan\t: Desember 2021');
    expect(m.agency).toMatch(/Pekerjaan Umum dan Penataan Ruang$/i);
  });

  it('from Sub Unit Organisasi before Unit Organisasi, without the code', () => {
    const m = meta([
      'RENCANA KERJA DAN ANGGARAN',
      'Pemerintah Kabupaten Sukabumi Tahun Anggaran 2024',
      'Unit Organisasi\t: 1.02.0.00.0.00.01.0000 DINAS KESEHATAN',
      'Sub Unit Organisasi\t: 1.02.0.00.0.00.01.0002 UPTD PUSKESMAS CIBADAK',
    ].join('\n'));
    expect(m.agency).toBe('UPTD Puskesmas Cibadak');
    expect(m).toMatchObject({ kind: 'rka', year: 2024, region: { type: 'kabupaten', name: 'Sukabumi' } });
  });

  it('from Perangkat Daerah', () => {
    expect(meta('Perangkat Daerah : Badan Kepegawaian dan Pengembangan Sumber Daya Manusia\nTahun : 2022').agency)
      .toBe('Badan Kepegawaian dan Pengembangan Sumber Daya Manusia');
  });

  it('from a cover title wrapped over lines', () => {
    expect(meta('RENCANA KERJA 2021\n\nDINAS KOPERASI\nDAN USAHA MIKRO\nKOTA SERANG').agency).toBe('Dinas Koperasi dan Usaha Mikro');
  });

  it('never a Dinas inside a table name (Kendaraan Dinas Operasional, Perjalanan Dinas Luar Daerah)', () => {
    const m = meta([
      'No\tUraian\tJumlah',
      '1\tPemeliharaan Kendaraan Dinas Operasional atau Lapangan\t1.000.000',
      '2\tBelanja Perjalanan Dinas Luar Daerah Jawa Barat Spesifikasi Eselon III\t2.000.000',
    ].join('\n'));
    expect(m.agency).toBeNull();
    expect(m.unknown_because.agency).toBeTruthy();
  });

  it('a table cell that is only an agency name', () => {
    const m = meta('Program/Kegiatan\tIndikator\tRealisasi Kinerja pada Triwulan I Tahun 2024\tUnit\nDINAS PERHUBUNGAN\t\t1.000.000\tDISHUB');
    expect(m.agency).toBe('Dinas Perhubungan');
  });
});

describe('year, period and covers', () => {
  it('the plan year of the title, not the year the cover was printed', () => {
    const m = meta('RENCANA KERJA (RENJA)\nDINAS SOSIAL KOTA BANJAR\nTAHUN 2024\n\nPEMERINTAH KOTA BANJAR\nTAHUN 2023');
    expect(m.year).toBe(2024);
  });

  it('the budget year of a Tahun Anggaran', () => {
    expect(meta('Cetak DPA\nPemerintah Kota Palopo Tahun Anggaran 2022\nJumlah 2021 : Rp 0').year).toBe(2022);
  });

  it('a Renstra has a period and no year', () => {
    const m = meta('RENCANA STRATEGIS\nBADAN PERENCANAAN PEMBANGUNAN DAERAH\nKABUPATEN BANYUMAS\nTAHUN 2021 – 2026');
    expect(m).toMatchObject({ kind: 'renstra', year: null, period: { start: 2021, end: 2026 } });
    expect(m.unknown_because.year).toBeTruthy();
  });

  it('a Renstra period written with s.d.', () => {
    expect(meta('RENSTRA DINAS SOSIAL KOTA BATU\nTAHUN 2018 s.d. 2023').period).toEqual({ start: 2018, end: 2023 });
  });

  it.each([
    ['a month', 'REALISASI FISIK DAN KEUANGAN\nTAHUN 2021\nBulan\t: Desember 2021', { month: 12 }],
    ['a month spelt the old way', 'LAPORAN REALISASI FISIK DAN KEUANGAN\nKeadaan s.d. Bulan Nopember 2019', { month: 11 }],
    ['up to a quarter', 'Laporan Realisasi Fisik dan Keuangan s/d Triwulan II Tahun 2019', { quarter: 2 }],
    ['quarters I to IV', 'EVALUASI HASIL PELAKSANAAN RENJA\nTriwulan I - IV Tahun 2022', { quarter: 4 }],
    ['a quarter in figures', 'EVALUASI RENJA TW 3 TAHUN 2020', { quarter: 3 }],
  ])('covers: %s', (_, text, covers) => {
    expect(meta(text).covers).toEqual(covers);
  });

  it('a plan covers no part of a year', () => {
    const m = meta('RENCANA KERJA PERUBAHAN\nDINAS SOSIAL KABUPATEN BLITAR\nTAHUN 2024\n\nBAB II EVALUASI PELAKSANAAN RENJA SAMPAI DENGAN TRIWULAN II');
    expect(m).toMatchObject({ kind: 'renja_perubahan', covers: null });
    expect(m.unknown_because.covers).toBe('not a periodic report');
  });
});

describe('more names', () => {
  it('an agency whose name lists its fields with commas', () => {
    const m = meta('RENCANA KERJA TAHUN 2024\nDINAS PEMBERDAYAAN PEREMPUAN, PERLINDUNGAN ANAK DAN KELUARGA BERENCANA\nKABUPATEN MAJALENGKA');
    expect(m.agency).toBe('Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana');
    expect(m.region).toMatchObject({ type: 'kabupaten', name: 'Majalengka' });
  });

  it('a Kota Administrasi is named without the word', () => {
    expect(meta('RENCANA KERJA\nSUKU DINAS SOSIAL KOTA ADMINISTRASI JAKARTA TIMUR\nTAHUN 2022').region).toMatchObject({ type: 'kota', name: 'Jakarta Timur' });
  });

  it('a decree whose subject is the document', () => {
    const m = meta('KEPUTUSAN KEPALA DINAS LINGKUNGAN HIDUP KOTA BEKASI\nNOMOR 050/12/DLH\nTENTANG\nRENCANA KERJA DINAS LINGKUNGAN HIDUP TAHUN 2021');
    expect(m).toMatchObject({ kind: 'renja', year: 2021, region: { type: 'kota', name: 'Bekasi' } });
  });
});

describe('written short', () => {
  it('Kab. without a space and a province by its short name', () => {
    const m = meta('RENJA DINAS PERTANIAN KAB.BANYUWANGI PROV. JATIM\nTAHUN 2019');
    expect(m.region).toEqual({ type: 'kabupaten', name: 'Banyuwangi', province: 'Jawa Timur' });
  });
});
