// The validate stage rule by rule, on small hand-made tables: a correct table gives no
// warning, and each kind of fault gives exactly its warning.
import { describe, expect, it } from 'vitest';
import { extractText } from '../helpers/doc.ts';

const FAULTS = ['parent_child_mismatch', 'sum_mismatch', 'children_missing_values', 'formula_mismatch', 'formula_not_applied', 'sign_error', 'malformed_number', 'cross_table_mismatch', 'exceeds_target', 'indicator_spill', 'indicator_mismatch', 'narrative_mismatch', 'division_by_zero'];

function extract(...lines: string[]) {
  const doc = extractText(lines.join('\n'));
  const faults = doc.warnings.filter((w) => FAULTS.includes(w.type));
  return { doc, faults, types: faults.map((w) => w.type) };
}

// a perubahan (before/after) table in the layout of the seeds' Tabel 5: program ← kegiatan ←
// two sub-kegiatan, each with indicator and target before/after, then the budget before/after/difference
type Budget = [string, string, string];
function perubahan(rows: { sub1?: Budget; kegiatan?: Budget; total?: Budget } = {}) {
  const sub1 = rows.sub1 ?? ['1.000.000', '1.500.000', '500.000'];
  const kegiatan = rows.kegiatan ?? ['3.000.000', '3.200.000', '200.000'];
  const total = rows.total ?? kegiatan;
  const row = (code: string, name: string, indicator: string, target: string, budget: Budget) =>
    `${code}⇥${name}⇥${indicator}⇥${indicator}⇥${target}⇥${target}⇥${budget.join('⇥')}`;
  return [
    'Tabel 5',
    '',
    'Perubahan Rencana Kerja dan Pendanaan Perangkat Daerah',
    '',
    'KODE⇥PROGRAM/KEGIATAN/ SUB KEGIATAN⇥INDIKATOR KINERJA⇥⇥TARGET KINERJA⇥⇥ANGGARAN⇥⇥BERTAMBAH / BERKURANG',
    '⇥⇥SEBELUM PERUBAHAN⇥SETELAH PERUBAHAN⇥SEBELUM PERUBAHAN⇥SETELAH PERUBAHAN⇥SEBELUM PERUBAHAN⇥SETELAH PERUBAHAN⇥',
    row('1.06.01', 'PROGRAM PENUNJANG', 'Persentase capaian', '100', kegiatan),
    row('1.06.01.2.01', 'Perencanaan', 'Jumlah dokumen', '9', kegiatan),
    row('1.06.01.2.01.0001', 'Penyusunan Dokumen', 'Jumlah dokumen perencanaan', '3', sub1),
    row('1.06.01.2.01.0002', 'Koordinasi RKA', 'Jumlah dokumen RKA', '6', ['2.000.000', '1.700.000', '(300.000)']),
    `⇥TOTAL BELANJA DAERAH⇥⇥⇥⇥⇥${total.join('⇥')}`,
  ];
}

// a T-C.29 evaluation table with its full header and column-number row
function tc29(...rows: string[]) {
  return [
    'Tabel T-C.29 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja',
    '',
    'KODE⇥Program⇥Indikator⇥Target Renstra⇥Realisasi s/d n-3⇥Target Renja tahun 2024⇥Realisasi Renja tahun 2024⇥Tingkat Realisasi (%)⇥Target Renja 2025⇥Perkiraan⇥Tingkat Capaian Realisasi Target Renstra',
    '1⇥2⇥3⇥4⇥5⇥6⇥7⇥8=(7/6)⇥9⇥10=(5+7+9)⇥11=(10/4)',
    ...rows,
  ];
}

describe('a correct table', () => {
  it('gives no warning', () => {
    const { types, doc } = extract(...perubahan());
    expect(doc.records.filter((r) => r.code)).toHaveLength(4);
    expect(types).toEqual([]);
  });
});

describe('parent = Σ children', () => {
  it('a kegiatan that is not the sum of its sub-kegiatan gives exactly one sum_mismatch per column', () => {
    const { faults } = extract(...perubahan({ kegiatan: ['3.000.000', '3.200.000', '200.000'], sub1: ['1.000.000', '1.600.000', '600.000'] }));
    // the setelah and selisih columns of the kegiatan no longer add up; the program and total repeat the kegiatan
    expect(faults.map((w) => [w.type, w.line])).toEqual([['sum_mismatch', 8], ['sum_mismatch', 8]]);
    expect(faults[0].message).toMatch(/kegiatan 1\.06\.01\.2\.01 3\.200\.000 ≠ Σ 2 sub-kegiatan 3\.300\.000/);
  });

  it('a total row that is not the sum of the programs gives one sum_mismatch per column', () => {
    const { faults } = extract(...perubahan({ total: ['3.000.000', '3.300.000', '300.000'] }));
    expect(faults.map((w) => [w.type, w.line, w.code])).toEqual([['sum_mismatch', 11, null], ['sum_mismatch', 11, null]]);
  });
});

describe('formula columns', () => {
  it('a difference with the wrong sign is a sign_error, a wrong one a formula_mismatch', () => {
    const sign = extract(...perubahan({ sub1: ['1.000.000', '1.500.000', '(500.000)'] }));
    expect(sign.faults.filter((w) => w.line === 9).map((w) => w.type)).toEqual(['sign_error']);
    const wrong = extract(...perubahan({ sub1: ['1.000.000', '1.500.000', '700.000'] }));
    expect(wrong.faults.filter((w) => w.line === 9).map((w) => w.type)).toEqual(['formula_mismatch']);
  });

  it('a formula column left empty in every row is one formula_not_applied for the table', () => {
    const { faults } = extract(...tc29(
      '1.06.01.2.01.0001⇥Penyusunan⇥Dokumen⇥10⇥4⇥2⇥2⇥100%⇥2⇥⇥',
      '1.06.01.2.01.0002⇥Koordinasi⇥Dokumen⇥10⇥4⇥2⇥2⇥100%⇥2⇥⇥',
      '1.06.01.2.01.0003⇥Perubahan⇥Dokumen⇥10⇥4⇥2⇥2⇥100%⇥2⇥⇥',
    ));
    expect(faults.map((w) => w.type)).toEqual(['formula_not_applied']);
    expect(faults[0].message).toMatch(/Perkiraan realisasi.*empty in 3 of 3 rows/);
  });
});

describe('repairs', () => {
  it('a truncated figure (`1.000.00`) is read ×10 only because the parent sum proves it, keeping its raw text', () => {
    const { doc, types } = extract(...perubahan({ sub1: ['1.000.00', '1.500.000', '500.000'] }));
    const v = doc.records.find((r) => r.line === 9)!.values.find((x) => x.column === 'anggaran_sebelum')!;
    expect(v).toMatchObject({ raw: '1.000.00', value: 1000000, repaired: true });
    expect(v.malformed).toBeUndefined();
    expect(v.proof).toMatch(/the parent 1\.06\.01\.2\.01/);
    expect(v.note).toMatch(/read as 1\.000\.000: the parent 1\.06\.01\.2\.01/);
    expect(types).toEqual([]);
    expect(doc.warnings.map((w) => w.type)).toContain('repaired_value');
  });

  it('a truncated figure nothing proves keeps its raw text and no value, and is reported', () => {
    // 1.100.000 fits neither the parent (3.000.000 − 2.000.000) nor the difference (1.500.000 − 500.000)
    const { doc, types } = extract(...perubahan({ sub1: ['1.100.00', '1.500.000', '500.000'] }));
    const v = doc.records.find((r) => r.line === 9)!.values.find((x) => x.column === 'anggaran_sebelum')!;
    expect(v).toMatchObject({ raw: '1.100.00', value: null, malformed: true });
    expect(v.candidates).toContain(1100000);
    expect(types).toContain('malformed_number');
  });
});

describe('the same code in two tables', () => {
  const plan = (figure: string) => [
    'Tabel A Rencana',
    '',
    'KODE⇥URAIAN⇥PAGU INDIKATIF',
    ...Array.from({ length: 9 }, (_, i) => `1.06.01.2.01.${String(i + 1).padStart(4, '0')}⇥Sub ${i + 1}⇥${i === 4 ? figure : `${i + 1}.000.000`}`),
    '',
    'Paragraf di antara tabel.',
    '',
    'Tabel B Anggaran',
    '',
    'KODE⇥URAIAN⇥ANGGARAN',
    ...Array.from({ length: 9 }, (_, i) => `1.06.01.2.01.${String(i + 1).padStart(4, '0')}⇥Sub ${i + 1}⇥${i + 1}.000.000`),
  ];

  it('figures that agree give no warning; one that differs gives a cross_table_mismatch at the later table', () => {
    expect(extract(...plan('5.000.000')).types).toEqual([]);
    const { faults } = extract(...plan('5.500.000'));
    expect(faults.map((w) => [w.type, w.code, w.line])).toEqual([['cross_table_mismatch', '1.06.01.2.01.0005', 23]]);
  });
});

describe('declared row checks and indicators', () => {
  it('a realisation above the end-of-period target is exceeds_target', () => {
    // 200 realised by n-3 against an end-of-period target of 100; the rest of the row is consistent
    const { faults } = extract(...tc29('1.06.02⇥Program Pemberdayaan⇥Persentase PSKS⇥100⇥200⇥100⇥100⇥100%⇥100⇥400⇥400%'));
    expect(faults.map((w) => w.type)).toEqual(['exceeds_target']);
  });

  it("an indicator that starts with the tail of the row above's is indicator_spill", () => {
    const { faults } = extract(
      'KODE⇥Program⇥Indikator⇥Target',
      '1.06.06⇥Program Penanganan Bencana⇥Persentase Bantuan Bencana⇥100',
      '1.06.06.2.01⇥Perlindungan Sosial Korban Bencana⇥Alam dan Bencana Sosial Persentase Korban Bencana Yang Dilindungi⇥100',
    );
    expect(faults.map((w) => [w.type, w.line])).toEqual([['indicator_spill', 3]]);
  });

  it('a parent that repeats its first child but for one figure is parent_child_mismatch', () => {
    const row = (code: string, realisasi: string) => `${code}⇥Program Pemberdayaan⇥Persentase PSKS⇥500⇥200⇥100⇥${realisasi}⇥${realisasi}%⇥100⇥⇥`;
    expect(extract(...tc29(row('1.06.02', '90'), row('1.06.02.2.01', '90'))).types).toEqual([]);
    const { faults } = extract(...tc29(row('1.06.02', '90'), row('1.06.02.2.01', '92')));
    expect(faults.map((w) => [w.type, w.line])).toEqual([['parent_child_mismatch', 5]]);
  });

  it('an indicator target that differs from the one the text states is narrative_mismatch', () => {
    const text = 'Indikator "Persentase PPKS yang tertangani" dengan target yang ditetapkan sebesar 94,5% tercapai.';
    const table = ['', 'NO⇥INDIKATOR SASARAN⇥Target 2024', '1⇥Persentase PPKS yang tertangani⇥94,6 %'];
    expect(extract(text, ...table).faults.map((w) => [w.type, w.line])).toEqual([['narrative_mismatch', 4]]);
    expect(extract(text.replace('94,5%', '94,6%'), ...table).types).toEqual([]);
  });

  it('a stated total close to but not equal to the table total is narrative_mismatch', () => {
    const table = perubahan();
    const ok = extract('Realisasi belanja sebesar Rp 3.200.000,00 pada tahun ini.', '', ...table);
    expect(ok.types).toEqual([]);
    const off = extract('Realisasi belanja sebesar Rp 3.210.000,00 pada tahun ini.', '', ...table);
    expect(off.faults.map((w) => [w.type, w.line])).toEqual([['narrative_mismatch', 1]]);
  });
});

describe('code inference', () => {
  it('an uncoded row is coded from a name printed with its code elsewhere; one that matches nothing stays null with code_not_inferred', () => {
    const { doc } = extract(
      ...perubahan(),
      '',
      'Paragraf di antara tabel.',
      '',
      'NO⇥PROGRAM/KEGIATAN/ SUB KEGIATAN⇥PAGU',
      'A⇥PROGRAM PENUNJANG⇥3.200.000',
      'I⇥Perencanaan⇥3.200.000',
      '1⇥Koordinasi RKA⇥1.700.000',
      '2⇥Pemeliharaan Taman Kota⇥1.500.000',
    );
    const byName = (name: string) => doc.records.find((r) => r.name === name && (r.line ?? 0) > 12)!;
    expect(byName('Koordinasi RKA')).toMatchObject({ code: '1.06.01.2.01.0002', code_source: 'inferred' });
    expect(byName('Pemeliharaan Taman Kota').code).toBeNull();
    expect(doc.warnings.filter((w) => w.type === 'code_not_inferred').map((w) => w.line)).toEqual([19]);
  });
});

describe('the percent of a table no family describes, as proof of a doubtful figure', () => {
  // a Renja's evaluation of last year (Target anggaran | Realisasi anggaran | %), its header lost
  const table = (lastPercent: string) => extractText([
    'Tabel 2.1 Laporan Realisasi Kinerja Tahun 2014',
    '1.⇥Penyediaan Jasa Surat Menyurat⇥1.350.000,-⇥1.350.000,-⇥100',
    '2.⇥Penyediaan Jasa Komunikasi, sumber daya air dan listrik⇥66.000.000,-⇥40.545.841,-⇥61,43',
    '3.⇥Penyediaan jasa peralatan dan perlengkapan kantor⇥78.000.000,-⇥71.889.180,-⇥92,17',
    '4.⇥Penyediaan Jasa Kebersihan Kantor⇥2.936.400.000,-⇥2.882.300.000,-⇥98,16',
    `5.⇥Penataan Tempat Pemakaman Umum⇥294.250.000,-⇥286.1171.750,-⇥${lastPercent}`,
  ].join('\n'));
  const last = (doc: ReturnType<typeof table>) => doc.records[doc.records.length - 1].values.find((v) => v.raw.startsWith('286'))!;

  it('a malformed figure reads as the one candidate whose ratio prints the row\'s percent', () => {
    const v = last(table('97,25'));
    expect(v.value).toBe(286171750);
    expect(v.repaired).toBe(true);
    expect(v.proof).toMatch(/ratio/);
  });

  it('a percent printed too coarsely to tell the candidates apart proves none', () => {
    const v = last(table('97'));
    expect(v.value).toBeNull();
    expect(v.malformed).toBe(true);
  });
});

describe('a ratio is not inferred from rows that print 100 % or 0 % alone', () => {
  it('columns that agree on every row (a contract as large as its budget, fisik 100 %) prove no reading', () => {
    const doc = extractText([
      'Tabel 3 Realisasi Fisik dan Keuangan',
      '1.⇥Penyediaan Jasa Surat Menyurat⇥1.350.000⇥1.350.000⇥100,00',
      '2.⇥Penyediaan Jasa Komunikasi⇥66.000.000⇥66.000.000⇥100,00',
      '3.⇥Penyediaan jasa peralatan⇥78.000.000⇥78.000.000⇥100,00',
      '4.⇥Penyediaan Jasa Kebersihan Kantor⇥2.936.400.000⇥2.936.400.000⇥100,00',
      '5.⇥Penataan Tempat Pemakaman Umum⇥294.250.000⇥294.2500.000⇥100,00',
    ].join('\n'));
    const v = doc.records[4].values.find((x) => x.raw.startsWith('294.2500'))!;
    expect(v.value).toBeNull();
    expect(v.proof).toBeUndefined();
  });
});

describe('a stop where the column prints a decimal comma (`97.6972` among `59,3152`, `82,7183`)', () => {
  // a realisation report's percent column printed with four decimals, one comma read as a stop
  // (OCR); the percent is not the ratio of the row's amounts, which prove nothing here
  const table = (...percents: string[]) => extractText([
    'Tabel 3 Realisasi Keuangan',
    ...percents.map((p, i) => `${i + 1}.⇥Penyediaan Jasa ${['Surat Menyurat', 'Komunikasi', 'Peralatan Kantor', 'Kebersihan Kantor'][i]}⇥${p}`),
  ].join('\n'));
  const stopped = (doc: ReturnType<typeof table>) => doc.records.flatMap((r) => r.values).find((v) => v.raw === '97.6972')!;

  it('reads it as the decimal the column prints, marked repaired with the column as proof', () => {
    const v = stopped(table('59,3152', '82,7183', '97.6972', '96,48'));
    expect(v.value).toBe(97.6972);
    expect(v.repaired).toBe(true);
    expect(v.proof).toMatch(/4 decimals after a decimal comma on 2 rows/);
  });

  it('reads cents whose comma OCR read as a stop (`649.930.000.00`) as its money column prints them', () => {
    const doc = extractText([
      'Tabel 3 Realisasi Keuangan',
      '1.⇥Penanganan Kerusakan Jembatan⇥600.000.000,00',
      '2.⇥Penanganan Longsoran Jalan⇥649.930.000.00',
      '3.⇥Penanganan Jembatan Ruas Jalan⇥52.700.000,00',
    ].join('\n'));
    const v = doc.records.flatMap((r) => r.values).find((x) => x.raw === '649.930.000.00')!;
    expect(v.value).toBe(649930000);
    expect(v.proof).toMatch(/2 decimals after a decimal comma on 2 rows/);
  });

  it('leaves it without a value where too few rows print that format', () => {
    const v = stopped(table('59,3152', '97.6972', '96,48', '82,718'));
    expect(v.value).toBeNull();
    expect(v.malformed).toBe(true);
  });
});
