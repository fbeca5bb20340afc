// The comparison page's figures per code and district (src/report/comparison.ts), on rows shaped
// as the long table gives them for a Renja Perubahan's evaluation and perubahan tables and a
// Renstra's pendanaan table (figures as the Blitar and Jambi seeds print them for 1.06.01.2.02.0001);
// the one name a code gets across documents; codes.json gathered on disk per code and written an
// item at a time.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodeSummary } from '../../src/compare/codeSummary.ts';
import { harmonizeNames, type LongRow } from '../../src/compare/longTable.ts';
import { SpilledGroups } from '../../src/compare/spill.ts';
import { writeJsonArray } from '../../src/emit/write.ts';
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

describe("a code's one name across documents", () => {
  const named = (name: string, source_file: string) => row({ canonical_name: name, name, source_file });
  it('is the name most documents print: two documents under one file name are two votes, a name printed again in one document is one', () => {
    // the abridged name is printed by two districts' documents that their agencies named alike;
    // the full name by one document, on three rows
    const full = 'Penyediaan Gaji dan Tunjangan ASN';
    const abridged = 'Penyediaan Gaji dan Tunjangan';
    const perDocument = [
      [named(full, 'renja-2024.pdf'), named(full, 'renja-2024.pdf'), named(full, 'renja-2024.pdf')],
      [named(abridged, 'renja.pdf')],
      [named(abridged, 'renja.pdf')],
    ];
    const names = harmonizeNames(perDocument);
    expect(names.get('1.06.01.2.02.0001')).toBe(abridged);
    expect(perDocument.flat().map((r) => r.canonical_name)).toEqual(Array(5).fill(abridged));
    // one vote each: the longer name, usually the unabridged one, wins the tie
    expect(harmonizeNames([[named(abridged, 'a.pdf')], [named(full, 'b.pdf')]]).get('1.06.01.2.02.0001')).toBe(full);
  });
});

describe('a JSON array written an item at a time', () => {
  it('has the bytes JSON.stringify gives the whole array (one-space indent, a final newline)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'json-array-'));
    const arrays: unknown[][] = [[], [1], [{ a: 'a line\nbreak and "quotes"', b: [1, { c: null }], d: {}, e: [] }, 'text', [], {}, [[2, 3]]]];
    for (const [k, items] of arrays.entries()) {
      const path = join(dir, `${k}.json`);
      await writeJsonArray(path, items);
      expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(items, null, 1)}\n`);
    }
  });
});

describe('figures kept on disk per code', () => {
  it('gives each key its lines in the order added, across several flushes, and removes its files', async () => {
    const groups = await SpilledGroups.create(10); // a flush every ten characters: most adds write out
    const added: [string, string][] = [['b', '1'], ['a', 'one line'], ['b', '2 "quoted"'], ['c', 'x'], ['a', 'two lines'], ['b', '3']];
    for (const [k, line] of added) await groups.add(k, line);
    expect(groups.keys()).toEqual(['b', 'a', 'c']);
    expect(await groups.lines('b')).toEqual(['1', '2 "quoted"', '3']);
    expect(await groups.lines('a')).toEqual(['one line', 'two lines']);
    expect(await groups.lines('none')).toEqual([]);
    await groups.remove();
    await expect(groups.lines('b')).rejects.toThrow(/ENOENT/);
  });

  it("codes.json's entries: codes in numeric order, each with its first row's name and level, figures by district and document as printed", async () => {
    const summary = await CodeSummary.create();
    const jambi = { region_type: 'kota', region_name: 'Jambi' };
    await summary.add([
      row({ code: '1.06.10', level: 'program', canonical_name: 'Program Sepuluh', value: 1, source_file: 'a.pdf' }),
      row({ code: '1.06.9', level: 'program', canonical_name: 'Program Sembilan', value: 2, source_file: 'a.pdf' }),
      row({ code: '1.06.10', level: 'program', canonical_name: 'Program Sepuluh', value: 3, source_file: 'a.pdf', column_key: 'c2' }),
      row({ code: null, value: 99 }),
    ]);
    await summary.add([row({ code: '1.06.10', level: 'program', canonical_name: 'Program Sepuluh', value: 4, source_file: 'b.pdf', ...jambi })]);
    const entries = [];
    for await (const e of summary.entries()) entries.push(e);
    await summary.close();
    expect(entries.map((e) => [e.code, e.canonical_name, e.level])).toEqual([['1.06.9', 'Program Sembilan', 'program'], ['1.06.10', 'Program Sepuluh', 'program']]);
    const ten = entries[1].districts;
    expect(Object.keys(ten)).toEqual(['kabupaten Blitar', 'kota Jambi']);
    expect(ten['kabupaten Blitar'].map((d) => [d.document, d.figures.map((f) => [f.column, f.value])])).toEqual([['a.pdf', [['c1', 1], ['c2', 3]]]]);
    expect(ten['kota Jambi'][0]).toMatchObject({ document: 'b.pdf', kind: 'renja_perubahan', figures: [{ value: 4, stage: 'rencana', unit: 'Rp' }] });
  });
});
