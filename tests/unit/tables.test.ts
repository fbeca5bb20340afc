// The tables and rows stages on small hand-made tables, one artefact each.
import { describe, expect, it } from 'vitest';
import { findTables, tableLabel } from '../../src/tables/find.ts';
import { isColumnNumberRow } from '../../src/tables/lines.ts';
import { docFromText, extractText } from '../helpers/doc.ts';

/** Extract from a hand-made table given line by line (`⇥` is a TAB). */
const extract = (...lines: string[]) => extractText(lines.join('\n'));

const codes = (doc: ReturnType<typeof extract>) => doc.records.map((r) => r.code);

describe('table finder', () => {
  it('takes the caption before the table and its label', () => {
    const doc = extract('Tabel T- C.29 Rekapitulasi Evaluasi', '', 'Kode⇥Uraian⇥Target⇥Realisasi', '1.06.01⇥Program A⇥10⇥9');
    expect(doc.tables[0]).toMatchObject({ label: 'T-C.29', caption: 'Tabel T- C.29 Rekapitulasi Evaluasi', line: 3 });
  });

  it('reads labels: T-C.xx, form codes in parentheses, numbered tables', () => {
    expect(tableLabel('Tabel T- C.31')).toBe('T-C.31');
    expect(tableLabel('Tabel 2 (E-81) Evaluasi')).toBe('E-81');
    expect(tableLabel('**Tabel 4.1.1**')).toBe('4.1.1');
    expect(tableLabel('Rumusan Rencana Program')).toBeNull();
  });

  it('takes a caption printed after the table when none is above it', () => {
    const doc = extract('Paragraf pembuka yang panjang sekali dan berakhir dengan titik.', '', 'No⇥Uraian⇥Jumlah', '1⇥Satu⇥5', '', 'Tabel 3.2 Jumlah Pegawai');
    expect(doc.tables[0].caption).toBe('Tabel 3.2 Jumlah Pegawai');
  });

  it('keeps an empty table (header and column-number row, no rows) as a table with zero rows', () => {
    const doc = extract('Tabel 2.5.1', '', 'No.⇥Program/Kegiatan⇥Lokasi⇥Indikator Kinerja⇥Besaran/ Volume⇥Catatan', '1⇥2⇥3⇥4⇥5⇥6', '', 'BAB III');
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]).toMatchObject({ rows: 0, column_number_row: 4 });
    expect(doc.warnings.map((w) => w.type)).toContain('empty_table');
  });

  it('removes headers repeated on every page, column-number rows included', () => {
    const header = ['No⇥Program⇥Anggaran⇥Realisasi', '1⇥2⇥3⇥4'];
    const doc = extract(...header, '1⇥Program A⇥100.000⇥90.000', '', ...header, '2⇥Program B⇥200.000⇥150.000');
    const t = doc.tables[0];
    expect(t.repeated_header_lines).toEqual([5, 6]);
    expect(doc.records.map((r) => r.name)).toEqual(['Program A', 'Program B']);
  });

  it('does not take a markdown separator row or prose as table rows', () => {
    const doc = extract('No⇥Uraian⇥Nilai', '1⇥Satu⇥10', '---⇥---⇥---', '', 'Kalimat biasa setelah tabel.');
    expect(doc.records).toHaveLength(1);
    expect(doc.tables[0].end_line).toBe(2);
  });

  it('keeps a table going past a running page header between its pages', () => {
    const lines = ['Kode Rekening⇥Uraian⇥Anggaran⇥Realisasi', '1.06.01⇥Program A⇥100.000⇥90.000', '', 'Dinas Sosial', '', '1.06.02⇥Program B⇥200.000⇥150.000'];
    expect(findTables(docFromText(lines.join('\n')).lines)).toHaveLength(1);
  });
});

describe('rows', () => {
  it('merges a two-line row (name line + value line), ignoring stray glyphs on the name line', () => {
    const doc = extract(
      'Kode⇥⇥⇥⇥Program / Kegiatan⇥Indikator⇥Lokasi⇥Target⇥Pagu⇥Sumber Dana⇥Target⇥Pagu',
      '1⇥06⇥01⇥⇥PROGRAM PENUNJANG⇥Cakupan⇥⇥100 %⇥3.712.588.029⇥⇥100 %⇥4.025.061.483',
      '06⇥01⇥2.01⇥0003⇥Koordinasi dan Penyusunan Dokumer⇥n Perubahan RKA-SKPD⇥I⇥1⇥',
      '⇥⇥⇥⇥⇥Jumlah Dokumen⇥Kota Metro⇥4 Dokumen⇥3.075.000⇥PAD⇥4 Dokumen⇥3.610.000',
    );
    const sub = doc.records.find((r) => r.level === 'sub_kegiatan')!;
    expect(sub.lines).toEqual([3, 4]);
    expect(sub.name).toBe('Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD');
    expect(sub.values.map((v) => v.value)).toEqual([4, 3075000, 4, 3610000]);
    expect(sub.notes?.[0]).toMatch(/stray figure/);
  });

  it('joins a wrapped name after a blank line (page break) to the row before', () => {
    const doc = extract(
      'Kode⇥Uraian⇥Indikator⇥Target⇥Realisasi',
      '1.06.01⇥Program Penunjang Urusan Pemerintahan Daerah⇥⇥500⇥200',
      '',
      '⇥Kabupaten/Kota⇥⇥⇥',
      '1.06.01.2.01⇥Perencanaan⇥⇥500⇥200',
    );
    expect(doc.records[0]).toMatchObject({ name: 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', lines: [2, 4] });
    expect(doc.records).toHaveLength(2);
  });

  it('treats a line whose code breaks the grammar as a ghost: the value half of the row above', () => {
    const doc = extract(
      'Kode⇥⇥⇥⇥⇥Uraian⇥Indikator⇥Lokasi⇥Target⇥Pagu',
      '1⇥06⇥04⇥2.01⇥0001⇥Penyediaan Permakanan⇥⇥⇥⇥',
      '1⇥06⇥04⇥2.04⇥0000⇥Davidina Carles⇥Jumlah Orang⇥Kota Metro⇥110 Orang⇥86.639.750',
    );
    expect(doc.records).toHaveLength(1);
    expect(doc.records[0]).toMatchObject({ code: '1.06.04.2.01.0001', lines: [2, 3] });
    expect(doc.records[0].values.map((v) => v.value)).toEqual([110, 86639750]);
  });

  it('reads three-digit cells as figures among figures and as a broken code segment before code cells', () => {
    const doc = extract(
      'No⇥Indikator⇥Target⇥⇥Realisasi',
      '7⇥Persentase lembaga aktif⇥100⇥96,00⇥97,00',
      '8⇥⇥100⇥100⇥100',
      '⇥Persentase kelompok usaha⇥⇥⇥',
    );
    expect(doc.records.map((r) => r.values.map((v) => v.value))).toEqual([[100, 96, 97], [100, 100, 100]]);
    expect(doc.records[1]).toMatchObject({ row_no: '8', name: 'Persentase kelompok usaha', lines: [3, 4] });
    const ghost = extract(
      'Kode⇥⇥⇥⇥Uraian⇥Indikator⇥Target⇥Pagu',
      '06⇥01⇥2.02⇥0006⇥Pengelolaan dan Penyiapan Bahan⇥⇥⇥',
      '06⇥101⇥2.02⇥0007⇥Vaardinasi dan Danuusunan Laassa⇥Jumlah Dokumen⇥12 Dokumen⇥1.500.000',
    );
    expect(ghost.records).toHaveLength(1);
    expect(ghost.records[0].values.map((v) => v.value)).toEqual([12, 1500000]);
  });

  it('keeps summary lines (Rata-rata, Predikat) out of the records', () => {
    const doc = extract('No⇥Kode⇥Uraian⇥Capaian', '1⇥1.06.01⇥Program A⇥80,83', 'Rata-rata Capaian Kinerja Program⇥⇥⇥80,83%', 'Predikat Kinerja Program⇥⇥⇥Tinggi');
    expect(doc.records).toHaveLength(1);
    expect(doc.tables[0].summary_rows?.map((s) => s.line)).toEqual([3, 4]);
  });

  it('marks a total row, including a letter-spaced `J U M L A H`', () => {
    const doc = extract('Kode⇥Uraian⇥Pagu', '1.06.01⇥Program A⇥100.000.000', '⇥J U M L A H⇥100.000.000');
    expect(doc.records[1]).toMatchObject({ level: 'total', code: null, row_kind: 'total' });
  });

  it('marks page-overlap duplicates: a run of rows printed again right after itself', () => {
    const doc = extract(
      'Kode⇥⇥⇥⇥⇥Uraian⇥Sebelum⇥Sesudah',
      '1⇥06⇥01⇥2.06⇥0006⇥Penyediaan Bahan Bacaan⇥Rp. 22.872.000⇥Rp. 22.872.000',
      '1⇥06⇥01⇥2.06⇥0009⇥Penyelenggaraan Rapat⇥Rp. 61.651.000⇥Rp. 56.355.000',
      '',
      '1⇥06⇥01⇥2.06⇥0006⇥Penyediaan Bahan Bacaan⇥Rp. 22.872.000⇥Rp. 22.872.000',
      '1⇥06⇥01⇥2.06⇥0009⇥Penyelenggaraan Rapat⇥Rp. 61.651.000⇥Rp. 56.355.000',
      '1⇥06⇥01⇥2.07⇥⇥Pengadaan Barang⇥Rp. 34.120.000⇥Rp. 54.920.000',
    );
    expect(doc.records.map((r) => r.duplicate_of)).toEqual([5, 6, null, null, null]);
  });

  it('does not mark the same code twice in different places as a duplicate', () => {
    const doc = extract(
      'No⇥Kode⇥Uraian⇥Target',
      '1⇥1.06.01.2.06⇥Administrasi Umum⇥100',
      '2⇥1.06.01.2.01⇥Perencanaan⇥9',
      '3⇥1.06.01.2.06⇥Administrasi Umum⇥100',
    );
    expect(doc.records.every((r) => r.duplicate_of === null)).toBe(true);
  });

  it('re-joins rupiah figures split over cells, choosing the reading another figure confirms', () => {
    const doc = extract(
      'Kode⇥⇥⇥⇥⇥Uraian⇥Sebelum⇥⇥Sesudah⇥⇥Tahun + 1',
      '⇥⇥⇥⇥⇥⇥Belanja Operasi⇥Jumlah⇥Belanja Operasi⇥Jumlah⇥',
      '1⇥06⇥01⇥2.06⇥0005⇥Penyediaan Barang Cetakan⇥Rp. 26.361⇥.600⇥Rp. 26⇥361.600⇥Rp. 25.238.8⇥00⇥Rp. 2⇥25.238.800⇥Rp. 22.000.000,00',
    );
    const r = doc.records[0];
    expect(r.values.map((v) => v.value)).toEqual([26361600, 26361600, 25238800, 25238800, 22000000]);
    expect(r.values.filter((v) => v.repaired)).toHaveLength(4);
  });

  it('levels rows keyed by A / I / 1 numbering, reading C, D, X by the sequence they continue', () => {
    const doc = extract(
      'NO. URUT⇥PROGRAM/KEGIATAN/ SUB KEGIATAN⇥ANGGARAN',
      'A.⇥PROGRAM SATU⇥10',
      'I⇥Kegiatan satu⇥10',
      '1⇥Sub satu⇥10',
      'B⇥PROGRAM DUA⇥10',
      'II⇥Kegiatan dua⇥10',
      'C⇥PROGRAM TIGA⇥10',
      'III⇥Kegiatan tiga⇥10',
      'D⇥PROGRAM EMPAT⇥10',
      'IV⇥a⇥1', 'V⇥b⇥1', 'VI⇥c⇥1', 'VII⇥d⇥1', 'VIII⇥e⇥1', 'IX⇥f⇥1',
      'X⇥Kegiatan sepuluh⇥10',
    );
    const level = (name: string) => doc.records.find((r) => r.name === name)?.level;
    expect(level('PROGRAM SATU')).toBe('program');
    expect(level('Kegiatan satu')).toBe('kegiatan');
    expect(level('Sub satu')).toBe('sub_kegiatan');
    expect(level('PROGRAM TIGA')).toBe('program');
    expect(level('PROGRAM EMPAT')).toBe('program');
    expect(level('Kegiatan sepuluh')).toBe('kegiatan');
  });

  it('a row that leaves its last columns empty keeps its figures in order', () => {
    // a sum with one printed part (perkiraan = 0 + 0 + 100) must not pull the figures rightwards
    const doc = extract(
      'Tabel T-C.29 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja',
      '',
      'KODE⇥Program⇥Indikator⇥Target Renstra⇥Realisasi s/d n-3⇥Target Renja tahun 2024⇥Realisasi Renja tahun 2024⇥Tingkat Realisasi (%)⇥Target Renja 2025',
      '1.06.02⇥Program Pemberdayaan⇥Persentase PSKS⇥100⇥80⇥100⇥100⇥100%⇥100',
    );
    expect(doc.records[0].values.map((v) => [v.column, v.raw])).toEqual([
      ['target_renstra', '100'], ['realisasi_sd_n3', '80'], ['target_renja', '100'],
      ['realisasi_renja', '100'], ['tingkat_realisasi', '100%'], ['target_renja_n1', '100'],
    ]);
  });
});

describe('codes in context', () => {
  it('fills a code printed without its prefix from the rows above (`01.2.06.0010`)', () => {
    const doc = extract('No⇥Kode⇥Uraian⇥Target', '1⇥1.06.01.2.06⇥Administrasi Umum⇥100', '2⇥01.2.06.0010⇥Penatausahaan Arsip Dinamis⇥12');
    expect(codes(doc)).toEqual(['1.06.01.2.06', '1.06.01.2.06.0010']);
  });

  it('restores a kegiatan digit cut off (`2.0`) from a name printed whole elsewhere, and leaves it null when no name matches', () => {
    const doc = extract(
      'Kode⇥Uraian⇥Target',
      '1.06.01.2.02⇥Administrasi Keuangan Perangkat Daerah⇥100',
      '1.06.01.2.05⇥Administrasi Kepegawaian Perangkat Daerah⇥100',
      '',
      'Paragraf.',
      '',
      '⇥⇥⇥No⇥⇥⇥Program / Kegiatan⇥Target',
      '1⇥06⇥01⇥2.0⇥⇥Administrasi Keuangan Perangkat Daerah⇥100 %',
      '1⇥06⇥01⇥2.0⇥0001⇥Penyediaan Gaji dan Tunjangan ASN⇥25 Orang',
      '1⇥06⇥01⇥2.0⇥⇥Pengelolaan Sistem Informasi Lainnya⇥100 %',
    );
    expect(codes(doc)).toEqual(['1.06.01.2.02', '1.06.01.2.05', '1.06.01.2.02', '1.06.01.2.02.0001', null]);
  });

  it('infers codes for a table that prints none, by name under the parent above', () => {
    const doc = extract(
      'No⇥Kode⇥Uraian⇥Target',
      '1⇥1.06.04.2.01⇥Rehabilitasi Sosial Dasar⇥100',
      '2⇥1.06.04.2.01.01⇥Penyediaan Permakanan⇥10',
      '3⇥1.06.04.2.02⇥Rehabilitasi Sosial PMKS Lainnya⇥100',
      '4⇥1.06.04.2.02.03⇥Penyediaan Permakanan⇥5',
      '',
      'Paragraf.',
      '',
      'NO. URUT⇥PROGRAM/KEGIATAN/ SUB KEGIATAN⇥ANGGARAN',
      'A⇥PROGRAM REHABILITASI SOSIAL⇥1',
      'I⇥Rehabilitasi Sosial PMKS Lainnya⇥1',
      '1⇥Penyediaan Permakanan⇥1',
    );
    const inferred = doc.records.filter((r) => r.code_source === 'inferred');
    expect(inferred.map((r) => r.code)).toEqual(['1.06.04', '1.06.04.2.02', '1.06.04.2.02.0003']);
    // no program row printed in the document: the nomenclature (pipelines/nomenclature) gives it
    const program = doc.records.find((r) => r.name === 'PROGRAM REHABILITASI SOSIAL');
    expect(program?.code).toBe('1.06.04');
    expect(program?.code_note).toMatch(/by the nomenclature/);
  });
});

describe('codes without a printed urusan anywhere (a scan whose OCR lost the one-digit cell)', () => {
  it('takes the urusan the nomenclature knows for the bidang the code cells print', () => {
    const doc = extract(
      'Tabel T-C.33 Rumusan Rencana Program dan Kegiatan',
      '',
      'Kode⇥⇥⇥⇥Program/Kegiatan⇥Target⇥Pagu',
      '06⇥01⇥⇥⇥PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA⇥100 %⇥3.000.000',
      '06⇥01⇥2.02⇥⇥Administrasi Keuangan Perangkat Daerah⇥100 %⇥3.000.000',
      '06⇥01⇥2.02⇥0001⇥Penyediaan Gaji dan Tunjangan ASN⇥25 Orang⇥2.000.000',
      '06⇥01⇥2.02⇥0002⇥Penyediaan Administrasi Pelaksanaan Tugas ASN⇥23 Dokumen⇥1.000.000',
    );
    expect(codes(doc)).toEqual(['1.06.01', '1.06.01.2.02', '1.06.01.2.02.0001', '1.06.01.2.02.0002']);
  });
});

describe('column-number row', () => {
  const line = (text: string) => docFromText(text).lines[0];
  it.each([
    ['1⇥2⇥3⇥4⇥5', true],
    ['⇥⇥3⇥4 5', true], // two numbers in one cell: OCR or a gap-based split joined them
    ['1⇥2⇥3⇥4⇥5⇥6⇥7⇥8⇥9⇥10⇥11⇥12⇥13=(12/7)*100%', true],
    ['1⇥06⇥01', false], // a code split over cells
    ['10⇥20⇥30', false], // figures
    // OCR misread a quarter of them: `3}` for 13, a rule read into `115` and `117`, `ls)` for (19)
    ['1⇥2⇥3⇥4⇥5⇥6⇥7⇥8⇥3⇥10⇥11⇥12⇥3}⇥14⇥115⇥16⇥117⇥18⇥ls)⇥20', true],
    ['1⇥2⇥3}⇥ls)⇥5⇥6', false], // a third misread: not a row of column numbers any more
    ['km⇥1⇥2⇥3⇥4⇥5⇥6⇥7⇥8', false], // a unit is a word, not a misread numeral
  ])('%s → %s', (text, want) => {
    expect(isColumnNumberRow(line(text))).toBe(want);
  });
});

describe('a sub-kegiatan row whose code stops at its kegiatan', () => {
  it('takes the sub-kegiatan its name matches (OCR or print lost the last cell); a kegiatan row keeps its code', () => {
    const doc = extract(
      'Tabel T-C.33 Rumusan Rencana Program dan Kegiatan',
      '',
      'Kode⇥Program/Kegiatan/Sub Kegiatan⇥Pagu',
      '1.06.01⇥PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA⇥3.000.000',
      '1.06.01.2.02⇥Administrasi Keuangan Perangkat Daerah⇥3.000.000',
      '1.06.01.2.02.0001⇥Penyediaan Gaji dan Tunjangan ASN⇥2.000.000',
      '1.06.01.2.02⇥Penyediaan Administrasi Pelaksanaan Tugas ASN⇥1.000.000',
    );
    expect(codes(doc)).toEqual(['1.06.01', '1.06.01.2.02', '1.06.01.2.02.0001', '1.06.01.2.02.0002']);
    expect(doc.records[3].code_note).toMatch(/sub-kegiatan number lost in print/);
  });
});

describe('a kegiatan row whose printed code stops short', () => {
  it('is the kegiatan of the sub-kegiatan right below it when that kegiatan has no row of its own', () => {
    const doc = extract(
      'Tabel T-C.33 Rumusan Rencana Program dan Kegiatan',
      '',
      'Kode⇥⇥⇥⇥Program/Kegiatan/Sub Kegiatan⇥Pagu',
      '1⇥06⇥01⇥⇥PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA⇥3.000.000',
      '1⇥06⇥01⇥⇥Perencanaan, Pe EvaluasiKinagja Pemangka⇥1.000.000',
      '1⇥06⇥01⇥2.01⇥0001⇥Penyusunan Dokumen Perencanaan Perangkat Daerah⇥1.000.000',
    );
    expect(codes(doc)).toEqual(['1.06.01', '1.06.01.2.01', '1.06.01.2.01.0001']);
    expect(doc.records[1].code_note).toMatch(/by position/);
  });
});

describe('what a scan or a narrow column does to a header', () => {
  it('finds a family\'s header phrases in words a narrow cell broke (`Tri wul an`)', () => {
    // E-81's header as a scan of its LibreOffice PDF reads it (seed 003, T-C.29 p.11)
    const doc = extract(
      'No⇥Kode⇥Program/ Kegiatan⇥Rea lisa si Kin erja Pad a Tri wul an⇥Ting kat Capaian Kinerja dan Realisasi Ang garan Renja',
      '11⇥1.06.01.2.06.02⇥Penyediaan Peralatan dan Perlengkapan Kantor⇥- 6⇥23,54',
    );
    expect(doc.tables[0].family).toBe('evaluasi_renja_e81');
  });

  it('takes rows numbered one after another for a row-number column though no header cell says No', () => {
    // a page continuing a table without its header (seed 003's E-81 p.11 on its own): `26` is the
    // row's number, `1.06⇥02` its code; read as one code it would be 1.06.26.1.06.0002
    const doc = extract(
      '⇥Kode⇥Program/Kegiatan⇥Target⇥Pagu',
      '24⇥1.06.01.2.09.06⇥Pemeliharaan Peralatan dan Mesin Lainnya⇥50⇥89.948.000,00',
      '25⇥1.06.01.2.09.09⇥Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya⇥1⇥290.746.000,00',
      '26⇥1.06⇥02⇥PROGRAM PEMBERDAYAAN SOSIAL⇥100⇥2.954.459.945,00',
      '27⇥1.06.02.2.02⇥Pengumpulan Sumbangan dalam Daerah Kabupaten/Kota⇥75⇥34.551.000,00',
    );
    expect(codes(doc)).toEqual(['1.06.01.2.09.0006', '1.06.01.2.09.0009', '1.06.02', '1.06.02.2.02']);
    expect(doc.records.map((r) => r.row_no)).toEqual(['24', '25', '26', '27']);
  });

  it('does not take code fields printed in columns of their own for row numbers', () => {
    const doc = extract(
      'Urusan⇥Bidang⇥Program⇥Uraian⇥Pagu',
      '1⇥06⇥01⇥PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA⇥100.000',
      '1⇥06⇥02⇥PROGRAM PEMBERDAYAAN SOSIAL⇥200.000',
      '1⇥06⇥03⇥PROGRAM PENANGANAN BENCANA⇥300.000',
      '1⇥06⇥04⇥PROGRAM REHABILITASI SOSIAL⇥400.000',
    );
    expect(codes(doc)).toEqual(['1.06.01', '1.06.02', '1.06.03', '1.06.04']);
  });
});

describe('a group named in a merged cell beside its first row (a header a scan lost)', () => {
  // Renja evaluation tables of Word documents: `No | Program | Kegiatan | Target | Realisasi | %`,
  // the program's cell merged down its kegiatan; with the white-on-grey header lost to OCR, no
  // header says which column names the row.
  const rows = (...groupCells: string[]) => extract(
    'Tabel 2.1 Laporan Realisasi Kinerja Tahun 2014',
    `1.⇥${groupCells[0]}⇥Penyediaan Jasa Surat Menyurat⇥1.350.000,-⇥1.350.000,-⇥100`,
    '⇥⇥Penyediaan Jasa Komunikasi, sumber daya air dan listrik⇥66.000.000,-⇥40.545.841,-⇥61.43',
    '⇥⇥Penyediaan jasa peralatan dan perlengkapan kantor⇥78.000.000,-⇥71.889.180,-⇥92.17',
    `2.⇥${groupCells[1]}⇥Pengadaan Mebelair⇥40.000.000,-⇥40.000.000,-⇥100`,
    '⇥⇥Pengadaan Komputer⇥32.450.000,-⇥31.300.000,-⇥96.45',
  ).records;

  it('the first row is named in the column its neighbours are named in; the group stays in its texts', () => {
    const r = rows('Pelayanan Administrasi Perkantoran', 'Program Peningkatan');
    expect(r.map((x) => x.name)).toEqual([
      'Penyediaan Jasa Surat Menyurat', 'Penyediaan Jasa Komunikasi, sumber daya air dan listrik',
      'Penyediaan jasa peralatan dan perlengkapan kantor', 'Pengadaan Mebelair', 'Pengadaan Komputer',
    ]);
    expect(Object.values(r[0].texts ?? {})).toContain('Pelayanan Administrasi Perkantoran');
    expect(Object.values(r[3].texts ?? {})).toContain('Program Peningkatan');
    // the lone number numbers the group's row, it is no code
    expect([r[3].row_no, r[3].code]).toEqual(['2', null]);
  });

  it('a table of indicators (no money) keeps the sasaran as the name: its rows are named by their indicator elsewhere', () => {
    const doc = extract(
      'Tabel 2.3 Sasaran dan Indikator',
      '1.⇥Meningkatnya produktivitas ternak⇥Prosentase kelahiran sapi potong⇥60⇥62⇥65',
      '⇥⇥Prosentase kelahiran sapi perah⇥60⇥62⇥65',
      '⇥⇥Prosentase kelahiran kerbau⇥50⇥51⇥52',
    );
    expect(doc.records[0].name).toBe('Meningkatnya produktivitas ternak');
  });
});

describe('a numbered row whose other figures OCR lost or ran together', () => {
  it('keeps its amount: the line of figures below is a row of its own, not the rest of it', () => {
    const doc = extract(
      'Tabel 2.1 Laporan Realisasi Kinerja Tahun 2014',
      '8.⇥Program Peningkatan Sarana dan Prasarana Pemakaman⇥Pengadaan Mobil Jenazah⇥400.000.000,-⇥0⇥0',
      '9.⇥Program Pengembangan Kinerja⇥Peningkatan operasi dan pemeliharaan⇥1.909.305.000,-⇥1.889.552.679 © 98.96',
      '⇥⇥Peningkatan Pengelolaan Sampah menjadi kompos⇥551.677.500,-⇥487.713.000,-⇥88.40',
    );
    const holding = (v: number) => doc.records.filter((r) => r.values.some((x) => x.value === v)).map((r) => r.name);
    expect(holding(1909305000)).toEqual(['Peningkatan operasi dan pemeliharaan']);
    expect(holding(551677500)).toEqual(['Peningkatan Pengelolaan Sampah menjadi kompos']);
  });
});

describe('a program row whose code a scan lost and whose name OCR garbled', () => {
  const rows = (programName: string) => extract(
    'Tabel 3.1 Realisasi Fisik dan Keuangan',
    'Kode⇥Program/Kegiatan/Sub Kegiatan⇥Anggaran',
    `⇥${programName}⇥17.538.825.998`,
    '1.03.01.2.01⇥Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah⇥304.495.000',
    '1.03.01.2.01.01⇥Penyusunan Dokumen Perencanaan Perangkat Daerah⇥124.495.000',
    '1.03.01.2.01.06⇥Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD⇥180.000.000',
  ).records;

  it('is the program of the coded rows below it, its name like that program\'s', () => {
    expect(rows('PROGRAM PENUNJANGURUSAN PEMERINTAHAN nassau')[0].code).toBe('1.03.01');
  });

  it('not when its name is another program\'s, nor the word alone', () => {
    expect(rows('PROGRAM PENGELOLAAN SUMBER DAYA AIR')[0].code).not.toBe('1.03.01');
    expect(rows('Program,')[0].code ?? null).toBeNull();
  });
});
