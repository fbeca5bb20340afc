// The two cell strategies on small PDFs written in the test with pdf-lib (text placed by
// matrix, drawings as raw operators), each page drawn the way another producer prints tables:
// borders as thin filled boxes with a clip path round every cell (Excel, browsers), figures and
// codes wrapped inside narrow cells (Word, Writer), two cells' text as one string, a body with
// no rule between its rows, a row broken over a page break.
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFOperator, PDFOperatorNames, StandardFonts, beginText, clip, endPath, endText, fill, moveText, popGraphicsState, pushGraphicsState, rectangle, rgb, setFillingRgbColor, setFontAndSize, type PDFFont, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { joinCellText } from '../../src/layout/cellModel.ts';
import { cellLines } from '../../src/layout/cells.ts';
import type { VisualLine } from '../../src/layout/lines.ts';
import type { Rule } from '../../src/load/pdf.ts';
import { DEFAULT_SETTINGS } from '../../src/settings.ts';
import { layoutPages } from '../../src/layout/page.ts';
import { readPdf } from '../../src/load/pdf.ts';
import { extractFile } from '../../src/pipeline.ts';
import { tempFile } from '../helpers/pdf.ts';

const SIZE = 7;
const TOP = 800;

interface Sheet {
  pdf: PDFDocument;
  font: PDFFont;
}

async function sheet(): Promise<Sheet> {
  const pdf = await PDFDocument.create();
  return { pdf, font: await pdf.embedFont(StandardFonts.Helvetica) };
}

/** The resource name of the page's font (after a first drawText). */
function fontKey(page: PDFPage): string {
  const fonts = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  return fonts.keys()[0].asString().slice(1);
}

/** Text at (x, y-from-top) on `page`. */
function text(page: PDFPage, font: PDFFont, t: string, x: number, y: number): void {
  page.drawText(t, { x, y: TOP + 40 - y, size: SIZE, font });
}

/** A stroked rule from (x1, y1) to (x2, y2), y from the top. */
function rule(page: PDFPage, x1: number, y1: number, x2: number, y2: number): void {
  page.drawLine({ start: { x: x1, y: TOP + 40 - y1 }, end: { x: x2, y: TOP + 40 - y2 }, thickness: 0.5, color: rgb(0, 0, 0) });
}

/** A grid of column borders `xs` and row borders `ys` (y from the top), drawn as strokes. */
function grid(page: PDFPage, xs: number[], ys: number[], horizontal = true): void {
  for (const x of xs) rule(page, x, ys[0], x, ys[ys.length - 1]);
  for (const y of horizontal ? ys : [ys[0], ys[ys.length - 1]]) rule(page, xs[0], y, xs[xs.length - 1], y);
}

async function rows(pdf: PDFDocument): Promise<string[][]> {
  return layoutPages(await readPdf(await pdf.save(), 't.pdf')).filter((l) => !l.blank).map((l) => l.cells.map((c) => c.text));
}

describe('lattice strategy', () => {
  it('borders drawn as thin filled boxes count, clip paths and white boxes round the cells do not', async () => {
    const { pdf, font } = await sheet();
    const page = pdf.addPage([595, 842]);
    const xs = [40, 120, 260, 340];
    const ys = [40, 56, 72];
    // every cell clipped and filled white first, as a browser prints it: no rule
    for (let c = 0; c < 3; c++) for (let r = 0; r < 2; r++) {
      page.pushOperators(pushGraphicsState(), rectangle(xs[c], TOP + 40 - ys[r + 1], xs[c + 1] - xs[c], 16), clip(), endPath(),
        setFillingRgbColor(1, 1, 1), rectangle(xs[c], TOP + 40 - ys[r + 1], xs[c + 1] - xs[c], 16), fill(), popGraphicsState());
    }
    // the borders: black boxes half a point thick
    page.pushOperators(setFillingRgbColor(0, 0, 0));
    for (const x of xs) page.pushOperators(rectangle(x - 0.25, TOP + 40 - ys[2], 0.5, ys[2] - ys[0]), fill());
    for (const y of ys) page.pushOperators(rectangle(xs[0], TOP + 40 - y - 0.25, xs[3] - xs[0], 0.5), fill());
    [['Kode', 'Uraian', 'Pagu'], ['1.02.02', 'Program Pemenuhan Upaya', '900.000.000']].forEach((row, r) =>
      row.forEach((t, c) => text(page, font, t, xs[c] + 3, ys[r] + 11)));
    expect(await rows(pdf)).toEqual([['Kode', 'Uraian', 'Pagu'], ['1.02.02', 'Program Pemenuhan Upaya', '900.000.000']]);
  });

  it('a figure and a code wrapped inside narrow ruled cells are one figure and one code; a wrapped name is one name', async () => {
    const { pdf, font } = await sheet();
    const page = pdf.addPage([595, 842]);
    const xs = [40, 80, 160, 200, 240];
    grid(page, xs, [40, 56, 90]);
    ['Kode', 'Uraian', 'Pagu 2022', 'Pagu 2023'].forEach((t, c) => text(page, font, t, xs[c] + 2, 51));
    // a Word table: the cell's text breaks where the width ends, digits and dots included
    [['1.03.02.2.', '01.0093'], ['Normalisasi/', 'Restorasi Sungai'], ['48.114.7', '09.000'], ['1.817.540', '.166']].forEach((lines, c) =>
      lines.forEach((t, k) => text(page, font, t, xs[c] + 2, 65 + 9 * k)));
    expect(await rows(pdf)).toEqual([
      ['Kode', 'Uraian', 'Pagu 2022', 'Pagu 2023'],
      ['1.03.02.2.01.0093', 'Normalisasi/ Restorasi Sungai', '48.114.709.000', '1.817.540.166'],
    ]);
  });

  it('two cells\' text printed close together, which pdf.js joins into one item, is split at the rule between them', async () => {
    const { pdf, font } = await sheet();
    const page = pdf.addPage([595, 842]);
    text(page, font, 'PROGRAM A', 42, 51);
    // one TJ: `5.296.087.166`, a 3.5-point move, `(483.543.166)` in the next cell (as Writer prints adjacent cells)
    const key = fontKey(page);
    const shown = pdf.context.obj([font.encodeText('5.296.087.166'), PDFNumber.of(-500), font.encodeText('(483.543.166)')]);
    page.pushOperators(beginText(), setFontAndSize(key, SIZE), moveText(122, TOP + 40 - 51), PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [shown]), endText());
    grid(page, [40, 120, 168.5, 240], [40, 56]);
    expect(await rows(pdf)).toEqual([['PROGRAM A', '5.296.087.166', '(483.543.166)']]);
  });

  it('a body without rules between its rows: each line that brings its own figures is a row, a wrapped name is not', async () => {
    const { pdf, font } = await sheet();
    const page = pdf.addPage([595, 842]);
    const xs = [40, 140, 200, 260];
    grid(page, xs, [40, 56, 140], false);
    rule(page, xs[0], 56, xs[3], 56);
    ['Sasaran', '2014', '2015'].forEach((t, c) => text(page, font, t, xs[c] + 2, 51));
    const body = [['- Sapi Perah', '109.024', '140.555'], ['- Kerbau', '109.386', '138.017'], ['- Domba', '9.942.711', '11.022.084'], ['- Ayam Ras', '120.026.952', '125.785.511'], ['Pedaging', '', '']];
    body.forEach((row, r) => row.forEach((t, c) => t && text(page, font, t, xs[c] + 2, 66 + 10 * r)));
    expect(await rows(pdf)).toEqual([
      ['Sasaran', '2014', '2015'],
      ['- Sapi Perah', '109.024', '140.555'],
      ['- Kerbau', '109.386', '138.017'],
      ['- Domba', '9.942.711', '11.022.084'],
      ['- Ayam Ras Pedaging', '120.026.952', '125.785.511'],
    ]);
  });
});

describe('stream strategy', () => {
  it('a table without rules: cells from the gaps, a wrapped name joined to its row, an empty cell kept', async () => {
    const { pdf, font } = await sheet();
    const page = pdf.addPage([595, 842]);
    const xs = [40, 110, 260, 330];
    [['Kode', 'Uraian', 'Target', 'Pagu'], ['1.03.10', 'PROGRAM PENYELENGGARAAN', '100 %', '201.865.249.771'], ['', 'JALAN', '', ''], ['1.03.10.2.01', 'Penyelenggaraan Jalan', '', '173.507.475.000']]
      .forEach((row, r) => row.forEach((t, c) => t && text(page, font, t, xs[c], 50 + 10 * r)));
    expect(await rows(pdf)).toEqual([
      ['Kode', 'Uraian', 'Target', 'Pagu'],
      ['1.03.10', 'PROGRAM PENYELENGGARAAN JALAN', '100 %', '201.865.249.771'],
      ['1.03.10.2.01', 'Penyelenggaraan Jalan', '', '173.507.475.000'],
    ]);
  });
});

describe('rows over page breaks', () => {
  it('a row broken by a page break (its code, name and figure cut) is one record; the repeated header is dropped', async () => {
    const { pdf, font } = await sheet();
    const xs = [40, 60, 130, 270, 340];
    const header = ['No', 'Kode', 'Uraian', 'Pagu'];
    const page1 = pdf.addPage([595, 842]);
    text(page1, font, 'RENJA DINAS PEKERJAAN UMUM TAHUN 2025', 40, 20);
    text(page1, font, 'Tabel 3.1 Rencana Program dan Kegiatan', 40, 30);
    grid(page1, xs, [40, 56, 72, 92]);
    header.forEach((t, c) => text(page1, font, t, xs[c] + 2, 51));
    ['1', '1.03.10', 'PROGRAM PENYELENGGARAAN JALAN', '900.000.000'].forEach((t, c) => text(page1, font, t, xs[c] + 2, 67));
    // the row's top half: its code cut after `2.`, its name mid-phrase, its figure after `300.`
    ['2', '1.03.10.2.', 'Penyelenggaraan Jalan', '300.'].forEach((t, c) => text(page1, font, t, xs[c] + 2, 83));
    const page2 = pdf.addPage([595, 842]);
    grid(page2, xs, [40, 56, 72, 88]);
    header.forEach((t, c) => text(page2, font, t, xs[c] + 2, 51));
    ['', '01', 'Kabupaten/Kota', '000.000'].forEach((t, c) => t && text(page2, font, t, xs[c] + 2, 67));
    ['3', '1.03.10.2.01.0005', 'Pembangunan Jalan', '600.000.000'].forEach((t, c) => text(page2, font, t, xs[c] + 2, 83));
    const out = await extractFile(tempFile('page-break.pdf', await pdf.save()));
    const coded = out.records.filter((r) => r.code);
    expect(coded.map((r) => [r.code, r.name, r.values.at(-1)?.value])).toEqual([
      ['1.03.10', 'PROGRAM PENYELENGGARAAN JALAN', 900000000],
      ['1.03.10.2.01', 'Penyelenggaraan Jalan Kabupaten/Kota', 300000000],
      ['1.03.10.2.01.0005', 'Pembangunan Jalan', 600000000],
    ]);
    expect(out.tables).toHaveLength(1);
  });
});

describe('the lines of one cell joined', () => {
  it('a figure\'s short last group is completed by the next line (`40.50` / `0.000,00`, 003 E-81)', () => {
    expect(joinCellText('40.50', '0.000,00')).toBe('40.500.000,00');
  });
  it('a code\'s fields wrapped where OCR lost the stop stay two fields (`1.06` / `02`, a scan of 003 E-81), not `1.0602`', () => {
    expect(joinCellText('1.06', '02')).not.toBe('1.0602');
  });
});

describe('OCR lines inside a ruled band', () => {
  // what the OCR path hands the layout for an Excel RFK scanned at 200 dpi: column rules, a header
  // and three body rows ruled, then a band of works (pekerjaan: no code, a pagu and a contract
  // value each) whose row rules the scan lost. Lines as OCR words give them (each run with a
  // confidence), in points; columns: code | name | pagu | nilai kontrak
  const xs = [20, 80, 260, 330, 400];
  const run = (text: string, x: number) => ({ text, x, right: x + text.length * 3, size: 6, confidence: 90 });
  const line = (y: number, ...cells: string[]) => ({
    y, top: y - 6, size: 6, runs: cells.map((t, i) => (t ? run(t, xs[i] + 2) : null)).filter((r) => r !== null),
  }) as VisualLine;
  const rules = (ys: number[]): Rule[] => [
    ...xs.map((x) => ({ x1: x, x2: x, y1: ys[0], y2: 400 })),
    ...ys.map((y) => ({ x1: xs[0], x2: xs[xs.length - 1], y1: y, y2: y })),
  ];
  const texts = (lines: VisualLine[], ys: number[]) => cellLines(lines, rules(ys), DEFAULT_SETTINGS.layout).map((l) => l.cells.map((c) => c.text));
  const header = line(18, 'Kode', 'Program/Kegiatan/Pekerjaan', 'Pagu', 'Nilai Kontrak');

  it('a band whose column holds figures on more lines than one wrapped figure takes is a row a line; a ruled row keeps its wrapped name', () => {
    const works = [['Pembangunan Embung Desa Selo', '300.000.000', '292.233.200'], ['Pembangunan Embung Parunggalan', '600.000.000', '556.483.448'],
      ['Pasangan Talud Avour Clepat', '300.000.000', '288.649.989'], ['Pasangan Talud Avour Gawe', '200.000.000', '195.455.000'],
      ['Pasangan Talud Avour Gendingan', '200.000.000', '195.491.000'], ['Pasangan Talud Avour Guci', '350.000.000', '337.774.000']];
    const lines = [
      header,
      line(30, '01.2.01', 'Perencanaan, Penganggaran, dan', '304.495.000'),
      line(37, '', 'Evaluasi Kinerja Perangkat Daerah'),
      line(50, '01.2.02', 'Administrasi Keuangan', '9.871.146.000'),
      line(62, '01.2.03', 'Administrasi Barang Milik Daerah', '76.412.000'),
      // the rules between these rows lost: six rows in one band
      ...works.map(([name, pagu, kontrak], i) => line(74 + 8 * i, '', name, pagu, kontrak)),
    ];
    const out = texts(lines, [10, 22, 42, 54, 66, 130]);
    expect(out.slice(1, 4).map((c) => c.slice(0, 3))).toEqual([
      ['01.2.01', 'Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah', '304.495.000'],
      ['01.2.02', 'Administrasi Keuangan', '9.871.146.000'],
      ['01.2.03', 'Administrasi Barang Milik Daerah', '76.412.000'],
    ]);
    expect(out.slice(4).map((c) => c.slice(1))).toEqual(works);
  });

  it('a figure wrapped over three lines of one ruled row stays one row', () => {
    const lines = [
      header,
      line(30, '01.2.01', 'Perencanaan', '304.', '292.'),
      line(37, '', '', '495.', '233.'),
      line(44, '', '', '000', '200'),
      line(58, '01.2.02', 'Administrasi Keuangan', '9.871.146.000'),
      line(70, '01.2.03', 'Administrasi Barang', '76.412.000'),
      line(82, '01.2.05', 'Administrasi Kepegawaian', '250.954.898'),
    ];
    const out = texts(lines, [10, 22, 50, 62, 74, 86]);
    expect(out[1]).toEqual(['01.2.01', 'Perencanaan', '304.495.000', '292.233.200']);
    expect(out).toHaveLength(5);
  });

  it('in a ruled band, figures of millions in two columns under figures of millions start a row; a wrapped figure\'s pieces do not', () => {
    // p.3 of Tangerang Selatan's Renja evaluation through the harness: two kegiatan in one ruled
    // band (the page prints no rule between them), neither with a key of its own
    const lines = [
      header,
      line(30, '01.2.01', 'Perencanaan', '304.495.000'),
      line(46, '01.2.02', 'Administrasi Keuangan', '9.871.146.000'),
      line(58, '', 'Penyediaan Peralatan dan Perlengkapan Kantor', '82.799.500', '2.786.631.550'),
      line(66, '', 'Penyediaan Bahan Logistik Kantor', '82.696.000', '62.841.000'),
      line(78, '', 'Penyediaan Barang Cetakan', '6.675', '13.590'),
      line(86, '', '', '575.000', '000.000'),
    ];
    const out = texts(lines, [10, 22, 42, 54, 74, 94]);
    expect(out.slice(3).map((c) => c.slice(1))).toEqual([
      ['Penyediaan Peralatan dan Perlengkapan Kantor', '82.799.500', '2.786.631.550'],
      ['Penyediaan Bahan Logistik Kantor', '82.696.000', '62.841.000'],
      // one row: its cells' lines joined (the figure is read whole from its pieces later)
      ['Penyediaan Barang Cetakan', '6.675 575.000', '13.590 000.000'],
    ]);
  });

  it('figures of millions in two columns start a row under a figure OCR broke (`31.113.961 .638`) as under a whole one', () => {
    // the same page's next band: four kegiatan, no rule between them; OCR broke the first two
    // rows' figures with a space, and every row after them was taken into the first
    const lines = [
      header,
      line(30, '01.2.01', 'Perencanaan', '304.495.000'),
      line(46, '', 'Penyediaan Jasa Penunjang Urusan', '31.113.961 .638', '37.443.214.268'),
      line(54, '', 'Penyediaan Jasa Surat Menyurat', '1 794.908.778', '1.852.208.838'),
      line(62, '', 'Penyediaan Jasa Komunikasi', '6.800.000', '10.200.000'),
      line(70, '', 'Penyediaan Jasa Pelayanan Umum Kantor', '29.312.252.860', '35.580.805.430'),
      line(86, '01.2.07', 'Pengadaan Barang Milik Daerah', '556.070.500'),
    ];
    const out = texts(lines, [10, 22, 42, 78, 94]);
    expect(out.slice(2, 5).map((c) => c.slice(1))).toEqual([
      // the broken pair stays one row: neither line holds a figure whole
      ['Penyediaan Jasa Penunjang Urusan Penyediaan Jasa Surat Menyurat', '31.113.961 .638 1 794.908.778', '37.443.214.268 1.852.208.838'],
      ['Penyediaan Jasa Komunikasi', '6.800.000', '10.200.000'],
      ['Penyediaan Jasa Pelayanan Umum Kantor', '29.312.252.860', '35.580.805.430'],
    ]);
  });

  it('a rule just above a line of small type, set tight under it, parts that line from the row above', () => {
    // DKP Cianjur's Renja p.19 through the harness: the page's glyph size (its median word, 6.2 pt)
    // is that of its figures; the names are smaller, their first line's baseline 3.5 pt under the
    // rule (310.2) that ends the program's row. Read as 6.2 pt type the rule ran through the
    // line's glyphs, and the program and its first kegiatan were one row
    const small = (y: number, ...cells: string[]) => ({ ...line(y, ...cells), top: y - 6.2, size: 6.2 }) as VisualLine;
    const lines = [
      header,
      small(294.0, '08.1.08.02.15', 'Program Pengembangan Kinerja', '10%'),
      small(305.6, '', 'Pengelolaan Persampahan'),
      small(313.7, '', 'Peningkatan Operasi dan'),
      small(336.5, '01.08.02.15.04', 'Pemeliharaan Sarana'),
    ];
    const out = texts(lines, [10, 22, 272.0, 310.2, 355.6]);
    expect(out.slice(1).map((c) => c.slice(0, 3))).toEqual([
      ['08.1.08.02.15', 'Program Pengembangan Kinerja Pengelolaan Persampahan', '10%'],
      ['01.08.02.15.04', 'Peningkatan Operasi dan Pemeliharaan Sarana', ''],
    ]);
  });
});

describe('a table ruled between its rows only (no column rules), scanned', () => {
  // p.15 of DKP Cianjur's Renja through the harness: Kegiatan | Target | Realisasi | %, banded
  // rows with a rule between each; the rules' ends fall a little short of the last column, whose
  // cell OCR widened with the right border read as a bar (`3.41 |`)
  const xs = [150, 340, 420, 495];
  const run = (text: string, x: number) => ({ text, x, right: x + text.length * 4, size: 8, confidence: 90 });
  const line = (y: number, ...cells: string[]) => ({
    y, top: y - 8, size: 8, runs: cells.map((t, i) => (t ? run(t, xs[i]) : null)).filter((r) => r !== null),
  }) as VisualLine;
  const hrule = (y: number, x2: number): Rule => ({ x1: 120, x2, y1: y, y2: y });

  it('a rule between two rows that spans most of their width separates them, though it stops short of the last cell', () => {
    const lines = [
      line(18, 'Kegiatan', 'Target', 'Realisasi', '%'),
      line(34, 'Penyediaan Komponen', '52.000.000,-', '52.000.000,-', '100'),
      line(44, 'Instalasi Listrik'),
      // as OCR read it: stops for the `,-` (a figure a stop ends may be a wrapped figure's first piece)
      line(74, 'Penyediaan Bahan', '4.985.000.', '3 827.000.', '76.77 .'),
      line(84, 'Bacaan dan Peraturan'),
      line(114, 'Rapat-rapat', '9.635.000,-', '329.000,-', '3,41 |'),
      line(124, 'koordinasi dan konsultasi'),
      line(154, 'Penyediaan Jasa', '41.600.000,-', '41.600.000,-', '100'),
    ];
    // the top, the header's, the first row's and the bottom rule run the table's width; the other
    // row rules stop 3 pt short of the last cell's right end (519)
    const rules = [hrule(8, 560), hrule(24, 560), hrule(58, 560), hrule(98, 516), hrule(138, 516), hrule(170, 560)];
    const out = cellLines(lines, rules, DEFAULT_SETTINGS.layout).map((l) => l.cells.map((c) => c.text));
    expect(out.map((c) => c[0])).toEqual(['Kegiatan', 'Penyediaan Komponen Instalasi Listrik', 'Penyediaan Bahan Bacaan dan Peraturan', 'Rapat-rapat koordinasi dan konsultasi', 'Penyediaan Jasa']);
  });
});
