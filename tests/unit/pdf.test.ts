// The PDF reader and the layout stage on small PDFs made in the test: a bordered table
// (lattice), the same table without borders (stream), a table over two pages with its header
// repeated, a rotated page, and PDFs that cannot be read.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { layoutPages } from '../../src/layout/page.ts';
import { readPdf } from '../../src/load/pdf.ts';
import { extractFile } from '../../src/pipeline.ts';
import { drawTable, makePdf, tempFile } from '../helpers/pdf.ts';

const ROWS = [
  ['Kode', 'Program / Kegiatan', 'Target', 'Pagu Indikatif'],
  ['1.06.01', 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', '100 %', '3.712.588.029'],
  ['1.06.01.2.01', 'Perencanaan', '', '12.290.700'],
  ['1.06.01.2.01.0001', 'Penyusunan Dokumen Perencanaan', '2 Dokumen', '5.696.350'],
];
const WIDTHS = [80, 120, 60, 80];

/** The non-blank layout lines of a PDF, as arrays of cells. */
async function cells(pdf: Uint8Array): Promise<string[][]> {
  return layoutPages(await readPdf(pdf, 't.pdf')).filter((l) => !l.blank).map((l) => l.text.split('\t'));
}

describe('layout', () => {
  it('bordered table: cells from the rules, a wrapped name is one cell, an empty cell stays', async () => {
    const pdf = await makePdf((doc) => drawTable(doc, ROWS, { widths: WIDTHS, bordered: true }));
    expect(await cells(pdf)).toEqual(ROWS);
  });

  it('borderless table: cells from the gaps, wrapped lines joined, the empty cell put back', async () => {
    const pdf = await makePdf((doc) => drawTable(doc, ROWS, { widths: WIDTHS, bordered: false }));
    expect(await cells(pdf)).toEqual(ROWS);
  });

  it('a merged header cell is one cell over the columns it spans; the rows below keep every column', async () => {
    const pdf = await makePdf((doc) => {
      doc.fontSize(8).lineWidth(0.5);
      const box = (x: number, y: number, w: number, h: number, text: string) => {
        doc.rect(x, y, w, h).stroke();
        if (text) doc.text(text, x + 3, y + 3, { width: w - 6 });
      };
      box(40, 60, 80, 30, 'Kode'); box(120, 60, 120, 30, 'Uraian'); box(240, 60, 160, 15, 'Anggaran'); box(400, 60, 60, 30, 'Selisih');
      box(240, 75, 80, 15, 'Sebelum'); box(320, 75, 80, 15, 'Sesudah');
      [40, 120, 240, 320, 400].forEach((x, j) => box(x, 90, [80, 120, 80, 80, 60][j], 15, ['1.06.01', 'Program A', '1.000.000', '1.200.000', '200.000'][j]));
    });
    expect(await cells(pdf)).toEqual([
      ['Kode', 'Uraian', 'Anggaran', 'Selisih'],
      ['', '', 'Sebelum', 'Sesudah', ''],
      ['1.06.01', 'Program A', '1.000.000', '1.200.000', '200.000'],
    ]);
  });

  it('a PDF from another writer (pdf-lib: text placed by matrix, borders as single strokes) reads the same', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([595, 842]);
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const rows = ROWS.map((r) => r.map((c) => c.replace('Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', 'Program Penunjang')));
    const xs = [40, 140, 280, 350, 440];
    const [top, h] = [780, 16];
    rows.forEach((row, i) => row.forEach((t, j) => t && page.drawText(t, { x: xs[j] + 3, y: top - (i + 1) * h + 5, size: 8, font })));
    const line = (x1: number, y1: number, x2: number, y2: number) => page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.5, color: rgb(0, 0, 0) });
    for (let i = 0; i <= rows.length; i++) line(xs[0], top - i * h, xs[4], top - i * h);
    for (const x of xs) line(x, top, x, top - rows.length * h);
    expect(await cells(await pdf.save())).toEqual(rows);
  });

  it('a rotated page reads as if it were upright', async () => {
    const pdf = await makePdf((doc) => {
      (doc.page as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.Rotate = 90;
      drawTable(doc, ROWS, { widths: WIDTHS, bordered: true });
    });
    expect(await cells(pdf)).toEqual(ROWS);
  });

  it('keeps the page of every line and separates a paragraph from the table below it', async () => {
    const pdf = await makePdf((doc) => {
      doc.fontSize(9).text('Tabel T-C.33 Rumusan Rencana Program', 40, 40);
      drawTable(doc, ROWS, { widths: WIDTHS, bordered: true, y: 70 });
    });
    const lines = layoutPages(await readPdf(pdf, 't.pdf'));
    expect(lines.every((l) => l.page === 1)).toBe(true);
    expect(lines.slice(0, 3).map((l) => l.text)).toEqual(['Tabel T-C.33 Rumusan Rencana Program', '', ROWS[0].join('\t')]);
  });
});

describe('PDF through the pipeline', () => {
  it('a table over two pages with its header repeated is one table; records carry pages', async () => {
    const body = Array.from({ length: 60 }, (_, i) => [`1.06.01.2.01.${String(i + 1).padStart(4, '0')}`, `Sub kegiatan ${i + 1}`, `${i + 1} Dokumen`, `${i + 1}.000.000`]);
    const pdf = await makePdf((doc) => {
      doc.fontSize(9).text('Tabel 4.3 Rencana Program dan Kegiatan', 40, 40);
      drawTable(doc, [ROWS[0], ...body.slice(0, 40)], { widths: WIDTHS, bordered: true, y: 60 });
      doc.addPage();
      drawTable(doc, [ROWS[0], ...body.slice(40)], { widths: WIDTHS, bordered: true, y: 40 });
    });
    const out = await extractFile(tempFile('two-pages.pdf', pdf));
    expect(out.source).toMatchObject({ format: 'pdf', pages: 2 });
    expect(out.tables).toHaveLength(1);
    const records = out.records.filter((r) => r.code);
    expect(records.map((r) => r.code)).toEqual(body.map((b) => b[0]));
    expect(records.map((r) => r.values.at(-1)?.value)).toEqual(body.map((_, i) => (i + 1) * 1e6));
    expect(new Set(records.map((r) => r.page))).toEqual(new Set([1, 2]));
    expect(records.every((r) => r.line === null)).toBe(true);
  });

  it('a table that runs on to the next page without its header, past a page number, is still one table', async () => {
    const body = Array.from({ length: 50 }, (_, i) => [`1.06.02.2.01.${String(i + 1).padStart(4, '0')}`, `Sub kegiatan ${i + 1}`, `${i + 1} Orang`, `${i + 1}.500.000`]);
    const pdf = await makePdf((doc) => {
      doc.fontSize(9).text('Tabel 4.4 Daftar Sub Kegiatan', 40, 40);
      drawTable(doc, [ROWS[0], ...body.slice(0, 35)], { widths: WIDTHS, bordered: false, y: 60 });
      doc.fontSize(8).text('- 12 -', 280, 800, { lineBreak: false });
      doc.addPage();
      drawTable(doc, body.slice(35), { widths: WIDTHS, bordered: false, y: 40 });
    });
    const out = await extractFile(tempFile('no-repeat.pdf', pdf));
    const coded = out.records.filter((r) => r.code);
    expect(coded.map((r) => r.code)).toEqual(body.map((b) => b[0]));
    expect(new Set(coded.map((r) => r.table)).size).toBe(1);
    expect(coded.map((r) => r.values.at(-1)?.value)).toEqual(body.map((_, i) => (i + 1) * 1e6 + 5e5));
  });
});

describe('PDFs that cannot be read', () => {
  const failure = async (name: string, bytes: Uint8Array | string) => {
    const out = await extractFile(tempFile(name, bytes)).catch((e: Error & { code?: string }) => ({ error: e }));
    return 'error' in out ? out.error : null;
  };

  it('an empty file, a corrupt one, a truncated one and an encrypted one each give a clear error', async () => {
    const good = await makePdf((doc) => drawTable(doc, ROWS, { widths: WIDTHS, bordered: true }));
    const encrypted = await makePdf((doc) => drawTable(doc, ROWS, { widths: WIDTHS, bordered: true }), { userPassword: 'rahasia' });
    expect(await failure('empty.pdf', '')).toMatchObject({ code: 'empty', message: expect.stringMatching(/empty file/) });
    expect(await failure('corrupt.pdf', '%PDF-1.7\nthis is not a PDF at all\n')).toMatchObject({ code: 'corrupt', message: expect.stringMatching(/not a readable PDF|damaged/) });
    expect(await failure('truncated.pdf', good.slice(0, 300))).toMatchObject({ code: 'corrupt' });
    expect(await failure('encrypted.pdf', encrypted)).toMatchObject({ code: 'encrypted', message: expect.stringMatching(/encrypted/) });
  });
});
