// Codes against the national nomenclature, on small hand-made tables of four bidang other than
// social affairs (1.02 kesehatan, 1.03 pekerjaan umum, 3.30 perdagangan, 3.27 pertanian), with
// codes and names taken from the nomenclature files (pipelines/nomenclature/revisions/): the
// bidang list, the revision by year, completion of codes print cut short, inference for
// name-only tables, what is not a code, the warnings, old numbering, and rekening rows.
import { describe, expect, it } from 'vitest';
import { digitRuns } from '../../src/resolve/codes.ts';
import { extractText } from '../helpers/doc.ts';

const doc = (...lines: string[]) => extractText(lines.join('\n'));
const coded = (d: ReturnType<typeof doc>) => d.records.filter((r) => r.code).map((r) => [r.code, r.code_reason]);
const types = (d: ReturnType<typeof doc>) => d.warnings.map((w) => w.type);

describe('the bidang list and the revision', () => {
  it('takes the bidang from the codes a health office prints, and the revision from its budget year', () => {
    const d = doc(
      'RENCANA KERJA DINAS KESEHATAN TAHUN 2025',
      '',
      'Tabel 3.1 Rencana Program dan Kegiatan',
      '',
      'Kode⇥Program/Kegiatan/Sub Kegiatan⇥Target⇥Pagu (Rp)',
      '1.02.02⇥PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT⇥100%⇥900.000.000',
      '1.02.02.2.01⇥Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota⇥100%⇥900.000.000',
      '1.02.02.2.01.0002⇥Pembangunan Puskesmas⇥1 Unit⇥600.000.000',
      '1.02.02.2.01.0009⇥Rehabilitasi dan Pemeliharaan Puskesmas⇥3 Unit⇥300.000.000',
    );
    expect(d.document).toMatchObject({ code_system: 'kepmendagri', nomenclature: 'kepmendagri-900.1.15.5-1317-2023' });
    expect(d.document.bidang).toEqual([{ code: '1.02', name: 'URUSAN PEMERINTAHAN BIDANG KESEHATAN', source: 'codes' }]);
    expect(coded(d).map(([c]) => c)).toEqual(['1.02.02', '1.02.02.2.01', '1.02.02.2.01.0002', '1.02.02.2.01.0009']);
    expect(d.records.find((r) => r.code === '1.02.02.2.01.0009')!.canonical_name).toBe('Rehabilitasi dan Pemeliharaan Puskesmas');
  });

  it.each([
    [2021, 'permendagri-90-2019'],
    [2022, 'kepmendagri-050-5889-2021'],
    [2023, 'kepmendagri-050-5889-2021'],
    [2024, 'kepmendagri-900.1.15.5-1317-2023'],
  ])('a document of budget year %i is read against %s', (year, revision) => {
    const d = doc(`RENCANA KERJA DINAS PEKERJAAN UMUM DAN PENATAAN RUANG TAHUN ${year}`, '', 'Kode⇥Uraian⇥Pagu', '1.03.10⇥PROGRAM PENYELENGGARAAN JALAN⇥1.000.000', '1.03.10.2.01⇥Penyelenggaraan Jalan Kabupaten/Kota⇥1.000.000');
    expect(d.document.nomenclature).toBe(revision);
  });

  it('without a code, takes the bidang from the names in the tables, and infers only codes of it', () => {
    const d = doc(
      'PERJANJIAN KINERJA TAHUN 2024',
      '',
      'Tabel 2 Program dan Anggaran',
      '',
      'Uraian⇥Anggaran (Rp)',
      'Program : PROGRAM PENYEDIAAN DAN PENGEMBANGAN SARANA PERTANIAN⇥2.000.000.000',
      'Kegiatan : Pengelolaan Sumber Daya Genetik (SDG) Hewan, Tumbuhan, dan Mikro Organisme Kewenangan Kabupaten/Kota⇥2.000.000.000',
      'Program : PROGRAM PENGENDALIAN KESEHATAN HEWAN DAN KESEHATAN MASYARAKAT VETERINER⇥1.000.000.000',
    );
    expect(d.document.bidang).toEqual([{ code: '3.27', name: 'URUSAN PEMERINTAHAN BIDANG PERTANIAN', source: 'names' }]);
    expect(coded(d)).toEqual([['3.27.02', 'nomenclature_match'], ['3.27.02.2.02', 'nomenclature_match'], ['3.27.04', 'nomenclature_match']]);
    expect(d.records.every((r) => !r.code || r.code.startsWith('3.27.'))).toBe(true);
  });

  it('with no code and no name it knows, gives no bidang and infers no code (never a default bidang)', () => {
    const d = doc('LAPORAN TAHUN 2024', '', 'Tabel 1', '', 'Uraian⇥Jumlah', 'Pembangunan Gedung Serbaguna Kecamatan⇥1.000.000', 'Honor Panitia Lomba Desa⇥2.000.000');
    expect(d.document.bidang).toEqual([]);
    expect(d.records.every((r) => r.code === null)).toBe(true);
  });
});

describe('codes completed from what the document prints', () => {
  it('completes program-relative codes under a program printed `1-03.02` (realisation report), and says how', () => {
    const d = doc(
      'REALISASI FISIK DAN KEUANGAN DINAS PEKERJAAN UMUM DAN PENATAAN RUANG BULAN DESEMBER 2021',
      '',
      'Kode⇥PROGRAM/KEGIATAN/SUB KEGIATAN⇥Anggaran',
      '1-03.02⇥PROGRAM PENGELOLAAN SUMBER DAYA AIR (SDA)⇥12.000.000.000',
      '02.2.01⇥Pengelolaan SDA dan Bangunan Pengaman Pantai pada Wilayah Sungai (WS) dalam 1 (Satu) Daerah Kabupaten/Kota⇥11.600.000.000',
      '02.2.01.46⇥Normalisasi/Restorasi Sungai⇥11.600.000.000',
      '02.2.02⇥Pengembangan dan Pengelolaan Sistem Irigasi Primer dan Sekunder⇥400.000.000',
      '02.2.02.14⇥Rehabilitasi Jaringan Irigasi Permukaan⇥400.000.000',
    );
    expect(d.document.nomenclature).toBe('permendagri-90-2019');
    expect(coded(d)).toEqual([
      ['1.03.02', 'printed'],
      ['1.03.02.2.01', 'prefix_from_context'],
      ['1.03.02.2.01.0046', 'prefix_from_context'],
      ['1.03.02.2.02', 'prefix_from_context'],
      ['1.03.02.2.02.0014', 'prefix_from_context'],
    ]);
    expect(d.records.map((r) => r.code_source)).toEqual(['document', 'completed', 'completed', 'completed', 'completed']);
  });

  it('restores a kegiatan number lost in print (`2.0`) from the name, with its similarity', () => {
    const d = doc(
      'RENJA DINAS KESEHATAN TAHUN 2025',
      '',
      'Kode⇥Program/Kegiatan⇥Pagu',
      '1.02.02⇥PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT⇥900.000.000',
      '1.02.02.2.0⇥Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota⇥900.000.000',
      '1.02.02.2.02.0001⇥Pengelolaan Pelayanan Kesehatan Ibu Hamil⇥300.000.000',
      '1.02.02.2.02.0002⇥Pengelolaan Pelayanan Kesehatan Ibu Bersalin⇥600.000.000',
    );
    const r = d.records[1];
    expect(r).toMatchObject({ code: '1.02.02.2.02', code_reason: 'digit_restored_by_name', code_source: 'completed' });
    expect(r.code_similarity).toBeGreaterThanOrEqual(0.8);
  });

  it('completes a code whose bidang lost a digit (`3⇥3⇥.04.`) among the codes the printed digits allow, by name', () => {
    const d = doc(
      'RENJA DINAS PERDAGANGAN TAHUN 2025',
      '',
      'Kode⇥⇥⇥⇥⇥Program/Kegiatan⇥Pagu',
      '3⇥30⇥01⇥⇥⇥PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA⇥100.000.000',
      '3⇥30⇥01⇥2.02⇥0001⇥Penyediaan Gaji dan Tunjangan ASN⇥100.000.000',
      '3⇥3⇥.04.⇥⇥⇥PROGRAM STABILISASI HARGA BARANG KEBUTUHAN POKOK DAN BARANG PENTING⇥50.000.000',
      '3⇥3⇥.04.⇥2.0⇥⇥Menjamin Ketersediaan Barang Kebutuhan Pokok dan Barang Penting di Tingkat Daerah Kabupaten/ Kota⇥50.000.000',
    );
    expect(d.records[2]).toMatchObject({ code: '3.30.04', code_reason: 'digit_restored_by_name' });
    expect(d.records[3]).toMatchObject({ code: '3.30.04.2.01', code_reason: 'digit_restored_by_name' });
  });

  it('gives support (penunjang) items under the document\'s own bidang, printed or inferred', () => {
    const d = doc(
      'RENCANA KERJA DINAS PERDAGANGAN TAHUN 2025',
      '',
      'Tabel 3.1 Rencana Program dan Kegiatan Tahun 2025',
      '',
      'No⇥Program⇥Kegiatan⇥Sub Kegiatan⇥Target⇥Pagu (Rp)',
      '1⇥PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA⇥⇥⇥100%⇥1.500.000.000',
      '⇥⇥Administrasi Keuangan Perangkat Daerah⇥⇥100%⇥1.500.000.000',
      '⇥⇥⇥Penyediaan Gaji dan Tunjangan ASN⇥12 Orang/bulan⇥1.500.000.000',
      '2⇥PROGRAM STABILISASI HARGA BARANG KEBUTUHAN POKOK DAN BARANG PENTING⇥⇥⇥100%⇥300.000.000',
      '⇥⇥Menjamin Ketersediaan Barang Kebutuhan Pokok dan Barang Penting di Tingkat Daerah Kabupaten/ Kota⇥⇥100%⇥300.000.000',
      '⇥⇥⇥Koordinasi dan Sinkronisasi Ketersediaan Barang Kebutuhan Pokok dan Barang Penting di Tingkat Agen dan Pasar Rakyat⇥4 Laporan⇥300.000.000',
      '⇥⇥⇥Pembangunan Gedung Serbaguna⇥1 Unit⇥0',
    );
    expect(d.document.bidang?.map((b) => b.code)).toEqual(['3.30']);
    // the name column a name is in says its level: Program | Kegiatan | Sub Kegiatan
    expect(d.records.map((r) => r.level)).toEqual(['program', 'kegiatan', 'sub_kegiatan', 'program', 'kegiatan', 'sub_kegiatan', 'sub_kegiatan']);
    expect(d.records.slice(0, 6).map((r) => r.code)).toEqual(['3.30.01', '3.30.01.2.02', '3.30.01.2.02.0001', '3.30.04', '3.30.04.2.01', '3.30.04.2.01.0001']);
    // a name the nomenclature does not have stays without a code, with a warning
    expect(d.records[6].code).toBeNull();
    expect(d.warnings.find((w) => w.type === 'code_not_inferred')?.message).toMatch(/Pembangunan Gedung Serbaguna/);
  });
});

describe('a code whose stops OCR lost or misplaced', () => {
  // a realisation report of public works, scanned: the row above misread (`1.02.01` for 1.03.01.2.01),
  // so the running context holds the wrong bidang and no field-by-field reading of `022.0146` is a code it has
  const report = (...rows: string[]) => doc(
    'LAPORAN REALISASI FISIK DAN KEUANGAN DINAS PEKERJAAN UMUM DAN PENATAAN RUANG TAHUN 2021',
    '',
    'Kode⇥Program/Kegiatan/Sub Kegiatan⇥Anggaran',
    '1.03.01⇥PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA⇥900.000.000',
    '1.02.01⇥Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah⇥900.000.000',
    ...rows,
  );

  it('is the one code whose digits the run is, when the name (as OCR read it) is like that code\'s', () => {
    const d = report('022.0146⇥Norinalisasi/Restorasi Sungai⇥600.000.000', '022.0165⇥Operasi dan Pémeliharapn Sungai⇥300.000.000');
    expect(d.records[2]).toMatchObject({ code: '1.03.02.2.01.0046', code_reason: 'digit_restored_by_name' });
    // the next row's stops are placed as the first's: its fields read with the context the first row set
    expect(d.records[3].code).toBe('1.03.02.2.01.0065');
  });

  it('is no code when the name is another\'s', () => {
    const d = report('022.0146⇥Pembangunan Gedung Kantor⇥600.000.000');
    expect(d.records[2].code).toBeNull();
  });

  it('digit runs: from the urusan, the bidang or the program on, the sub-kegiatan in four digits or two', () => {
    expect(digitRuns('1.03.02.2.01.0046')).toEqual(['103022010046', '1030220146', '03022010046', '030220146', '022010046', '0220146']);
    expect(digitRuns('1.03.02.2.01.0146')).toEqual(['103022010146', '03022010146', '022010146']);
  });
});

describe('what is not a code', () => {
  it('outline numbering (`2.1.1`), row numbers and dates are not codes, even where they fit the grammar', () => {
    const d = doc(
      'RENSTRA DINAS PEKERJAAN UMUM DAN PENATAAN RUANG 2021-2026',
      '',
      'Kode⇥Uraian⇥Pagu',
      '1.03.10⇥PROGRAM PENYELENGGARAAN JALAN⇥1.000.000',
      '2.1.1⇥Tugas dan Fungsi Perangkat Daerah⇥',
      '2.2⇥Sumber Daya Perangkat Daerah⇥',
      '4⇥Penataan Gedung Arsip⇥200.000',
      '12.05.2021⇥Tanggal Penetapan⇥',
    );
    expect(d.records.filter((r) => r.code).map((r) => r.code)).toEqual(['1.03.10']);
    expect(types(d).filter((t) => t === 'not_a_code').length).toBeGreaterThanOrEqual(2);
  });

  it('a code the nomenclature does not know is kept and reported; a name or level unlike the code\'s is reported', () => {
    const d = doc(
      'RENJA DINAS KESEHATAN TAHUN 2025',
      '',
      'Kode⇥Uraian⇥Pagu',
      '1.02.02⇥PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT⇥900.000.000',
      '1.02.02.2.01⇥Program Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP⇥600.000.000',
      '1.02.02.2.01.0002⇥Pengadaan Kendaraan Dinas Jabatan⇥300.000.000',
      '1.02.02.2.01.0099⇥Pembangunan Puskesmas Keliling⇥300.000.000',
    );
    expect(d.records.map((r) => r.code)).toEqual(['1.02.02', '1.02.02.2.01', '1.02.02.2.01.0002', '1.02.02.2.01.0099']);
    const w = (t: string) => d.warnings.filter((x) => x.type === t).map((x) => x.code);
    expect(w('code_unknown')).toEqual(['1.02.02.2.01.0099']);
    expect(w('code_name_mismatch')).toEqual(['1.02.02.2.01.0002']);
    expect(w('code_level_mismatch')).toEqual(['1.02.02.2.01']);
  });
});

describe('documents before the 2019 reform', () => {
  it('keep their Permendagri 13/2006 codes as printed (`1.20.59` with its row number apart)', () => {
    const d = doc(
      'RENCANA KERJA DINAS PETERNAKAN PROVINSI JAWA BARAT TAHUN 2016',
      '',
      'Tabel 3.4 Rencana Program dan Kegiatan Tahun 2016',
      '',
      'No⇥Kode⇥Program⇥Kegiatan⇥Pagu',
      '1⇥1.20.59⇥Program Peningkatan⇥Peningkatan Kesejahteraan dan Kapasitas Sumber Daya Aparatur⇥1.000.000.000',
      '2⇥1.20.60⇥Program Pelayanan⇥Penyelenggaraan Administrasi Perkantoran⇥300.000.000',
      '3⇥2.29.86⇥Program Pengembangan⇥Pengembangan Usaha Peternakan⇥4.000.000.000',
    );
    expect(d.document).toMatchObject({ code_system: 'permendagri-13', nomenclature: null });
    expect(d.records.map((r) => [r.code, r.row_no, r.code_system, r.code_reason])).toEqual([
      ['1.20.59', '1', 'permendagri-13', 'legacy_printed'],
      ['1.20.60', '2', 'permendagri-13', 'legacy_printed'],
      ['2.29.86', '3', 'permendagri-13', 'legacy_printed'],
    ]);
  });

  it('a 2020 plan that still prints old codes (`307,01`, `307.01.001`) keeps them, commas read as dots', () => {
    const d = doc(
      'RENCANA KERJA DINAS PERINDUSTRIAN DAN PERDAGANGAN KOTA CONTOH TAHUN 2020',
      '',
      'KODE⇥BIDANG URUSAN / PROGRAM / KEGIATAN⇥TARGET⇥ANGGARAN',
      '307⇥Perindustrian⇥⇥4.750.487.000,00',
      '307,01⇥Program Pelayanan Administrasi Perkantoran⇥⇥2.676.141.000,00',
      '307.01.001⇥Pengelolaan Rumah Tangga PD⇥Kebutuhan Perangkat Daerah⇥2.676.141.000,00',
      '307.02.002⇥Pemeliharaan Rutin Berkala Inventaris Kantor⇥Barang Inventaris Kantor⇥650.000.000,00',
    );
    expect(d.document.code_system).toBe('permendagri-13');
    expect(d.records.map((r) => r.code)).toEqual(['307', '307.01', '307.01.001', '307.02.002']);
  });
});

describe('rekening (budget account) rows', () => {
  it('keep their account code and level, and belong to the sub-kegiatan of the header block', () => {
    const d = doc(
      'RINCIAN BELANJA SUB KEGIATAN Tahun Anggaran 2024',
      'Program : 3.30.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA',
      'Kegiatan : 3.30.01.2.06 Administrasi Umum Perangkat Daerah',
      'Sub Kegiatan : 3.30.01.2.06.0009 Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD',
      '',
      'Kode Rekening⇥Uraian⇥Jumlah',
      '5⇥BELANJA DAERAH⇥Rp. 150.000.000',
      '5.1⇥BELANJA OPERASI⇥Rp. 150.000.000',
      '5.1.02⇥Belanja Barang dan Jasa⇥Rp. 150.000.000',
      '5.1.02.01.01.0052⇥Belanja Makanan dan Minuman Rapat⇥Rp. 150.000.000',
    );
    expect(d.records.map((r) => [r.account, r.account_level, r.code, r.code_reason])).toEqual([
      ['5', 'akun', '3.30.01.2.06.0009', 'header_block'],
      ['5.1', 'kelompok', '3.30.01.2.06.0009', 'header_block'],
      ['5.1.02', 'jenis', '3.30.01.2.06.0009', 'header_block'],
      ['5.1.02.01.01.0052', 'sub_rincian_objek', '3.30.01.2.06.0009', 'header_block'],
    ]);
    expect(d.records.every((r) => r.level === 'akun')).toBe(true);
    // the accounts add up along their own hierarchy, apart from program codes
    expect(types(d)).not.toContain('sum_mismatch');
  });
});

describe('the name column of a table of no known family', () => {
  it('is not a figure column whose header names a level (`Realisasi Keuangan per Sub Kegiatan`), when OCR lost the names\' own header', () => {
    // an RFK as OCR reads its header at 200 dpi: the `Program/Kegiatan/Sub Kegiatan` header garbled,
    // the realisation column's header read whole; a PPK and a treasurer named after the figures
    const d = doc(
      'LAPORAN REALISASI FISIK DAN KEUANGAN DINAS PEKERJAAN UMUM DAN PENATAAN RUANG TAHUN 2021',
      '',
      'Kode⇥aa ATI⇥PER PAKET⇥PPK⇥BENDAHARA⇥REALISASI KEUANGAN PER SUB KEGIATAN⇥%',
      '1.03.01⇥PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA⇥⇥⇥⇥⇥',
      '01.2.01.01⇥Penyusunan Dokumen Perencanaan Perangkat Daerah⇥124.495.000⇥Wahju Tri D., ST.MT.⇥C. Erna Budistyati, SE⇥73.595.500⇥59,1152',
    );
    const row = d.records.find((r) => r.code === '1.03.01.2.01.0001')!;
    expect(row.name).toBe('Penyusunan Dokumen Perencanaan Perangkat Daerah');
    expect(row.code_reason).toBe('prefix_from_context');
  });
});

describe('a kegiatan printed beside its program, the header lost', () => {
  it('names the row by the kegiatan and keeps the program in its texts; an indicator beside a program does not name it', () => {
    // a 2016 Renja's evaluation table as OCR reads it when the white-on-grey header is lost (the DKP
    // Kab. Cianjur scanned through the harness): no column is named, each row prints its program first
    const d = doc(
      'DINAS KEBERSIHAN DAN PERTAMANAN',
      '',
      '1⇥2⇥3⇥4⇥5⇥6',
      '1⇥Program Peningkatan Kapasitas Sumber Daya Aparatur⇥Pendidikan dan Pelatihan Formal⇥49.075.000⇥44.485.000⇥90,64',
      '2⇥Program Peningkatan Kapasitas Sumber Daya Aparatur⇥Peningkatan Kinerja Aparatur⇥100.000.000⇥99.340.000⇥99,34',
      '3⇥Program Pengelolaan Ruang Terbuka Hijau⇥Persentase taman kota yang terpelihara⇥40⇥20⇥50',
    );
    const names = d.records.map((r) => [r.name, r.texts?.program ?? null]);
    expect(names).toEqual([
      ['Pendidikan dan Pelatihan Formal', 'Program Peningkatan Kapasitas Sumber Daya Aparatur'],
      ['Peningkatan Kinerja Aparatur', 'Program Peningkatan Kapasitas Sumber Daya Aparatur'],
      ['Program Pengelolaan Ruang Terbuka Hijau', null],
    ]);
  });

  it('in a document of Permendagri 13 codes, the program\'s lone row number is no code of the kegiatan', () => {
    // the same table of the 2016 Renja on p.16: OCR read the row number `2.` without its stop, and
    // a lone number before a `Program …` name is a legacy code there
    const d = doc(
      'RENCANA KERJA DINAS KEBERSIHAN DAN PERTAMANAN TAHUN 2016',
      '',
      '1⇥2⇥3⇥4⇥5⇥6',
      '2⇥Program Peningkatan Sarana dan Prasarana Aparatur⇥Pengadaan Mebelair⇥40.000.000⇥40.000.000⇥100',
    );
    expect(d.document.code_system).toBe('permendagri-13');
    expect(d.records.map((r) => [r.name, r.code, r.row_no, r.texts?.program ?? null])).toEqual([
      ['Pengadaan Mebelair', null, '2', 'Program Peningkatan Sarana dan Prasarana Aparatur'],
    ]);
  });
});

describe('marks OCR read off a code cell, the header lost', () => {
  it('the row is named by its first text that holds a word, the marks kept in its texts', () => {
    // p.1 of Grobogan's RFK through the harness: the program's code `1.03.01` read `m0 ,—`
    const d = doc(
      'LAPORAN REALISASI FISIK DAN KEUANGAN',
      '',
      '1⇥2⇥3⇥4',
      'm0 ,—⇥PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH⇥⇥17.538.825.998',
      '⇥Perencanaan, Penganggaran, dan Evaluasi Kinerja⇥304.495.000⇥',
      // an item's short name is a name (seed 002's equipment list): two letters together are a word
      'AC 1 PK⇥Local AC Split⇥Unit⇥3',
    );
    expect(d.records.map((r) => [r.name, r.texts?.c0 ?? null])).toEqual([
      ['PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH', 'm0 ,—'],
      ['Perencanaan, Penganggaran, dan Evaluasi Kinerja', null],
      ['AC 1 PK', null],
    ]);
  });
});
