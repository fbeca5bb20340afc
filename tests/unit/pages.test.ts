// What happens at page edges and inside narrow cells: running headers and footers, rows cut by a
// page break, words a narrow cell broke without a hyphen. Lines are built by hand, as a PDF's
// layout gives them (cells with their page), from cases seen in the real PDFs.
import { describe, expect, it } from 'vitest';
import { furnitureLines } from '../../src/layout/furniture.ts';
import { layoutLine } from '../../src/load/text.ts';
import type { LayoutLine } from '../../src/model.ts';
import { brokenWord, joinWrappedText } from '../../src/normalize/wrap.ts';
import { joinPageBreakRows } from '../../src/rows/pageBreak.ts';

/** A PDF line: `⇥` separates cells. */
function pdfLine(text: string, line: number, page: number): LayoutLine {
  return { ...layoutLine(text.replace(/⇥/g, '\t'), line), page };
}

describe('words a narrow cell broke without a hyphen', () => {
  it.each([
    ['Program Peningkat', 'an Jalan', 'Program Peningkatan Jalan'],
    ['Program Pemanfaata', 'n Ruang', 'Program Pemanfaatan Ruang'],
    ['Rehabilitasi/Peme', 'liharaan Jalan', 'Rehabilitasi/Pemeliharaan Jalan'],
    ['PROGRAM PENINGKAT', 'AN JALAN', 'PROGRAM PENINGKATAN JALAN'],
  ])('%s / %s → %s', (a, b, joined) => {
    expect(joinWrappedText(a, b)).toBe(joined);
  });

  it.each([
    ['Sarana', 'dan Prasarana'], // `dan` is a word of its own
    ['Kota', 'Bogor'], // a new capitalised word
    ['Pengelola', 'Keuangan'],
    ['Jumlah Dokumen', 'Perencanaan'],
  ])('%s / %s stay two words', (a, b) => {
    expect(brokenWord(a, b)).toBe(false);
    expect(joinWrappedText(a, b)).toBe(`${a} ${b}`);
  });

  it('a word broken after a hyphen joins without a space', () => {
    expect(joinWrappedText('Gorong-', 'Gorong')).toBe('Gorong-Gorong');
  });
});

describe('running headers and footers', () => {
  // four pages of one table, each with the agency's title and a page number at the foot
  const lines: LayoutLine[] = [];
  let n = 0;
  for (let p = 1; p <= 4; p++) {
    lines.push(pdfLine('No⇥Program⇥Anggaran⇥Realisasi', ++n, p));
    lines.push(pdfLine(`${p}.⇥Program Pelayanan Administrasi⇥1.000.000⇥900.000`, ++n, p));
    lines.push(pdfLine(`Dinas Kebersihan dan Pertamanan Kabupaten Cianjur⇥${p + 12}`, ++n, p));
  }

  it('a title with its page number at the foot of every page is page furniture', () => {
    const f = furnitureLines(lines);
    expect([...f].sort((a, b) => a - b)).toEqual([3, 6, 9, 12]);
  });

  it('a table header repeated on every page is not (several titles on one line)', () => {
    const f = furnitureLines(lines);
    expect(f.has(1)).toBe(false);
    expect(f.has(4)).toBe(false);
  });

  it('a document of one page has none', () => {
    expect(furnitureLines(lines.filter((l) => l.page === 1)).size).toBe(0);
  });
});

describe('rows cut by a page break', () => {
  it('the top half of a row and its rest on the next page are one row', () => {
    const out = joinPageBreakRows([
      pdfLine('5.⇥Penyusunan Laporan Capaian Kinerja dan⇥516.6', 1, 1),
      pdfLine('⇥Ikhtisar Realisasi Kinerja SKPD⇥77.000,00', 2, 2),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0].cells.map((c) => c.text)).toEqual(['5.', 'Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD', '516.677.000,00']);
  });

  it('a row with figures of its own below the break is a row of its own', () => {
    const out = joinPageBreakRows([
      pdfLine('5.⇥Program Peningkatan Pengembangan Sistem Pelaporan Capaian Kinerja dan⇥8.829.500,-⇥100', 1, 1),
      pdfLine('⇥Penyusunan Laporan Keuangan Semesteran⇥7.725.000,-⇥96.76', 2, 2),
    ]);
    expect(out).toHaveLength(2);
  });

  it('only the first line of the new page can be the rest of a row', () => {
    const out = joinPageBreakRows([
      pdfLine('1.⇥Penyusunan Dokumen dan⇥1.06.01.2.', 1, 1),
      pdfLine('⇥Perencanaan⇥01', 2, 2),
      pdfLine('⇥Evaluasi Kinerja dan⇥1.06.01.2.02', 3, 2),
    ]);
    expect(out.map((l) => l.cells[2].text)).toEqual(['1.06.01.2.01', '1.06.01.2.02']);
  });
});
