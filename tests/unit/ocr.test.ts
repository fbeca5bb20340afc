// Scanned pages: OCR-aware reading of figures, and the OCR path end to end on small scans made
// in the test (a table page rasterized, turned by a degree and put into an image-only PDF),
// offline, plus the pages OCR cannot read: blank, all black, huge.
import { readFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { openPdf } from '../../src/load/pdf.ts';
import { fixOcrFigures, fixOcrSpaces } from '../../src/normalize/ocr.ts';
import { closeOcr, type OcrWord } from '../../src/ocr/engine.ts';
import { cellAround, doubtfulFigureCells } from '../../src/ocr/figureCells.ts';
import { findRules, grayOf, majorityBinarized, ocrBytes, pasted, rotated, strokeWidth, turnedRound, withoutRules, withoutRulesOnCanvas, withoutSpecks, type PixelRule } from '../../src/ocr/image.ts';
import { splitAtRules } from '../../src/ocr/splitAtRules.ts';
import { withoutCornerMarks } from '../../src/ocr/cornerMarks.ts';
import { dashGap, spacedListDashes } from '../../src/ocr/listDash.ts';
import { plausibleToken, unreadTokens } from '../../src/ocr/missed.ts';
import { preparedPage, renderPage } from '../../src/ocr/page.ts';
import { inkLean, standsOnItsHead } from '../../src/ocr/upsideDown.ts';
import { extractFile } from '../../src/pipeline.ts';
import { DEFAULT_SETTINGS } from '../../src/settings.ts';
import { drawTable, makePdf, tempFile } from '../helpers/pdf.ts';

/** A white sheet to draw on in black, with a sans-serif of `px` pixels. */
function paper(width: number, height: number, px: number) {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = 'black';
  ctx.font = `${px}px sans-serif`;
  return { canvas, ctx };
}

afterAll(closeOcr);

describe('words OCR glued together', () => {
  it.each([
    ['Administrasi Perkantoran di UPTD BPPT DombaMargawati', 'Administrasi Perkantoran di UPTD BPPT Domba Margawati'],
    ['Pengendalian Penyakit diUPTD BPPTD', 'Pengendalian Penyakit di UPTD BPPTD'],
    ['Pertimbangan ObjektifLainnya ASN', 'Pertimbangan Objektif Lainnya ASN'],
  ])('%s → %s', (ocr, fixed) => expect(fixOcrSpaces(ocr)).toBe(fixed));

  it.each(['UPTD BPPTD', 'e-KTP eKTP', 'SKPDnya', 'McDonald', 'Rp 1.954.327.000', 'RKA-SKPD', 'PROGRAM PENUNJANG'])('leaves alone: %s', (t) => expect(fixOcrSpaces(t)).toBe(t));
});

describe('look-alike letters in OCR figures', () => {
  it.each([
    ['1.O6.01', '1.06.01'],
    ['3.7l2.588.O29', '3.712.588.029'],
    ['2S Dokumen', '25 Dokumen'],
    ['1OO %', '100 %'],
    ['Ro 5.000.000', 'Rp 5.000.000'],
    ['R p. 12.5OO', 'Rp 12.500'],
    ['(4.88O.225)', '(4.880.225)'],
    ['Rp 96:120.000', 'Rp 96.120.000'],
    ['1:954.327.000', '1.954.327.000'],
    ['2:882.300.000.-', '2.882.300.000.-'],
    ['1.06.02.2, 03.01"', '1.06.02.2, 03.01'], // a speck after a code's last digit read as a quote
    ['144,39°', '144,39'],
    ['0 00', '0'], // `0,` over `00` in a narrow cell, the comma lost
    ['0 0 0', '0'],
    ['0,0.0', '0'], // `0,0` over `0`, a speck read as a stop
    ['| 40.545.841,-', '40.545.841,-'], // the cell's rule read as a bar beside the figure
    ['98,15 |', '98,15'],
    ['[ Rp 1.350.000', 'Rp 1.350.000'],
    ['© 329.000,-', '329.000,-'], // a blot read as a mark no figure prints (DKP p.15 through the harness)
  ])('%s → %s', (ocr, fixed) => expect(fixOcrFigures(ocr)).toBe(fixed));

  it.each(['Sosial', 'IKU', 'B1', 'Orang/bulan', 'SOS 1', '10:30', 'Pukul 13:00', '1:2', '0,00', '0', '00 1', '| Sasaran', 'Pasal 5 |', '© 2016 Bappeda'])('leaves words and labels alone: %s', (t) => expect(fixOcrFigures(t)).toBe(t));
});

/** An image-only PDF page holding `image` (a canvas), `width`×`height` points. */
function imagePdf(pages: { image: Buffer; width: number; height: number }[]): Promise<Uint8Array> {
  return makePdf((doc) => {
    for (const p of pages) {
      doc.addPage({ size: [p.width, p.height], margin: 0 });
      doc.image(p.image, 0, 0, { width: p.width, height: p.height });
    }
  }, { autoFirstPage: false });
}

const ROWS = [
  ['Kode', 'Uraian', 'Target', 'Pagu'],
  ['1.06.01', 'Program Penunjang', '100 %', '3.712.588.029'],
  ['1.06.01.2.01', 'Perencanaan', '9 Dokumen', '12.290.700'],
  ['1.06.01.2.02', 'Administrasi Keuangan', '100 %', '3.024.815.441'],
];

describe('OCR of scanned pages', () => {
  it('reads a bordered table from a scan turned by a degree, offline, into coded records', async () => {
    // the page as printed, rasterized at 200 dpi as a scanner would
    const printed = await makePdf((doc) => drawTable(doc, ROWS, { widths: [100, 170, 90, 130], bordered: true, size: 10, y: 80 }), { size: 'A4' });
    const src = await openPdf(printed, DEFAULT_SETTINGS.limits.max_image_pixels).promise;
    const page = await src.getPage(1);
    const canvas = await renderPage(page, 200);
    const base = page.getViewport({ scale: 1 });
    const scan = await imagePdf([{ image: rotated(canvas, 1).toBuffer('image/png'), width: base.width, height: base.height }]);

    // nothing may be fetched: OCR has to run from local language data
    const realFetch = globalThis.fetch;
    globalThis.fetch = (() => Promise.reject(new Error('network disabled in this test'))) as typeof fetch;
    let out;
    try {
      out = await extractFile(tempFile('scan.pdf', scan));
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(out.source.format).toBe('pdf-ocr');
    expect(out.source.ocr).toMatchObject({ engine: 'tesseract.js', languages: 'ind+eng' });
    expect(Math.abs(out.source.ocr!.pages[0].skew)).toBeGreaterThanOrEqual(0.6);
    const byCode = new Map(out.records.filter((r) => r.code).map((r) => [r.code, r]));
    expect([...byCode.keys()]).toEqual(['1.06.01', '1.06.01.2.01', '1.06.01.2.02']);
    expect(byCode.get('1.06.01')!.values.map((v) => v.value)).toEqual([100, 3712588029]);
    expect(byCode.get('1.06.01.2.02')!.values.map((v) => v.value)).toEqual([100, 3024815441]);
    expect(byCode.get('1.06.01')!.values.every((v) => typeof v.confidence === 'number')).toBe(true);
  });

  it('reads the one-character cells tesseract drops on the page pass (a 0, a row number, a roman numeral)', async () => {
    const rows = [
      ['No', 'Uraian', 'Target', 'Pagu', 'Selisih'],
      ['X', 'Rehabilitasi Sosial Dasar', '100', '744.198.777', '4.554.897'],
      ['1', 'Penyediaan Permakanan', '200', '29.767.800', '0'],
      ['2', 'Penyediaan Alat Bantu', '177', '651.187.827', '0'],
    ];
    const printed = await makePdf((doc) => drawTable(doc, rows, { widths: [40, 170, 70, 110, 90], bordered: false, size: 9, y: 80 }), { size: 'A4' });
    const src = await openPdf(printed, DEFAULT_SETTINGS.limits.max_image_pixels).promise;
    const page = await src.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const scan = await imagePdf([{ image: (await renderPage(page, 200)).toBuffer('image/png'), width: base.width, height: base.height }]);
    const out = await extractFile(tempFile('cells.pdf', scan));
    const values = out.records.map((r) => r.values.map((v) => v.value));
    expect(values).toEqual([[100, 744198777, 4554897], [200, 29767800, 0], [177, 651187827, 0]]);
    expect(out.records.map((r) => r.row_no)).toEqual(['X', '1', '2']);
  });

  it('finds unread ink outside the words read: short tokens of a glyph\'s height, not specks', () => {
    const { canvas, ctx: c } = paper(600, 100, 30);
    c.fillText('Penyediaan', 20, 60);
    c.fillText('0', 400, 60);
    c.fillRect(300, 40, 2, 2); // a speck of dust
    const read = [{ x0: 18, y0: 30, x1: 198, y1: 70 }];
    const tokens = unreadTokens(grayOf(canvas), read, 25);
    expect(tokens).toHaveLength(1);
    expect(tokens[0].x0).toBeGreaterThanOrEqual(398);
    expect(tokens[0].x1).toBeLessThanOrEqual(425);
    expect(plausibleToken('0', 90)).toBe(true);
    expect(plausibleToken('XI', 85)).toBe(true);
    expect(plausibleToken('©', 90)).toBe(false);
    expect(plausibleToken('4', 40)).toBe(false);
  });

  it('a blank page, an all-black page and a huge page give warnings, not a crash', async () => {
    const white = createCanvas(400, 300);
    const w = white.getContext('2d');
    w.fillStyle = 'white';
    w.fillRect(0, 0, 400, 300);
    const black = createCanvas(400, 300);
    black.getContext('2d').fillRect(0, 0, 400, 300);
    const pdf = await imagePdf([
      { image: white.toBuffer('image/png'), width: 595, height: 842 },
      { image: black.toBuffer('image/png'), width: 595, height: 842 },
      { image: white.toBuffer('image/png'), width: 14000, height: 14000 },
    ]);
    const out = await extractFile(tempFile('bad-scans.pdf', pdf));
    expect(out.status).toBe('ok');
    expect(out.source.pages).toBe(3);
    expect(out.warnings.filter((x) => x.type === 'page_without_text').map((x) => x.page)).toEqual([1, 2, 3]);
    // the huge page is rendered at a lower resolution instead of 300 dpi
    expect(out.source.ocr!.pages[2].dpi).toBeLessThan(300);
  });
});

describe('specks before OCR', () => {
  // a figure as a 300 dpi page shows it, with its stops, and dust on the paper around it
  const { canvas, ctx } = paper(400, 120, 29);
  ctx.fillText('5.880.225', 40, 70);
  const dust = [[10, 10], [300, 20], [380, 100], [200, 110], [20, 100]];
  for (const [x, y] of dust) ctx.fillRect(x, y, 2, 1);
  const dark = (g: ReturnType<typeof grayOf>, x0: number, y0: number, x1: number, y1: number) => {
    let n = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (g.px[y * g.width + x] < 140) n++;
    return n;
  };

  it('paints out dust alone on the paper and leaves every glyph and stop of the figure', () => {
    const before = grayOf(canvas);
    const { gray: after, specks } = withoutSpecks(before, 4, 6);
    expect(specks).toBe(dust.length * 2);
    for (const [x, y] of dust) expect(dark(after, x - 1, y - 1, x + 3, y + 2)).toBe(0);
    // the figure's ink, stops included, is untouched
    expect(dark(after, 30, 30, 260, 80)).toBe(dark(before, 30, 30, 260, 80));
  });
});

describe('marks in the corners of cells before OCR', () => {
  // a spreadsheet's cell marks (a number stored as text) printed in each code cell's top left
  // corner, the cell's rules already painted out: tesseract read them as `[4` and `Ld`
  const { canvas, ctx } = paper(400, 200, 29);
  const triangle = (x: number, y: number, side: number) => {
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + side, y);
    ctx.lineTo(x, y + side);
    ctx.closePath();
    ctx.fill();
  };
  const rules: PixelRule[] = [
    ...[50, 150, 250].map((x) => ({ x1: x, y1: 20, x2: x, y2: 180 })),
    { x1: 20, y1: 50, x2: 380, y2: 50 },
  ];
  for (const x of [55, 155, 255]) triangle(x, 55, 16); // in the corners the rules make, one per code cell
  triangle(250, 120, 16); // a triangle in the middle of a cell is no cell mark
  ctx.fillText('08', 80, 110);
  const ink = (g: ReturnType<typeof grayOf>, x0: number, y0: number, x1: number, y1: number) => {
    let n = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (g.px[y * g.width + x] < 140) n++;
    return n;
  };

  it('paints out the marks at the corners, and leaves the figure and the triangle elsewhere', () => {
    const before = grayOf(canvas);
    const { gray: after, marks } = withoutCornerMarks(before, 300, rules);
    expect(marks).toBeGreaterThan(0);
    for (const x of [53, 153, 253]) expect(ink(after, x, 53, x + 22, 75)).toBe(0);
    expect(ink(after, 245, 115, 270, 140)).toBe(ink(before, 245, 115, 270, 140));
    expect(ink(after, 75, 70, 145, 120)).toBe(ink(before, 75, 70, 145, 120));
  });

  it('a lone triangle at one corner of the page is no sheet\'s marks (a glyph the rules\' painting cut)', () => {
    const { canvas: one, ctx: c1 } = paper(200, 200, 29);
    c1.beginPath();
    c1.moveTo(55, 55);
    c1.lineTo(71, 55);
    c1.lineTo(55, 71);
    c1.closePath();
    c1.fill();
    expect(withoutCornerMarks(grayOf(one), 300, rules).marks).toBe(0);
  });
});

describe('ruling lines in pixels', () => {
  it('a rule left slightly slanted after deskewing is one rule, not a main run and pieces beside it', () => {
    const { canvas, ctx } = paper(1600, 1200, 20);
    // the rule's main column, and the column beside it dark only in stretches (where the slant and
    // the scan's noise put ink), each stretch long enough to be a run of its own
    ctx.fillRect(100, 100, 2, 1000);
    for (const y of [150, 400, 700]) ctx.fillRect(99, y, 1, 200);
    ctx.fillRect(100, 600, 1400, 2);
    const rules = findRules(grayOf(canvas), 600);
    const vertical = rules.filter((r) => r.x1 === r.x2);
    const horizontal = rules.filter((r) => r.y1 === r.y2);
    expect(vertical).toHaveLength(1);
    expect(vertical[0].y2 - vertical[0].y1).toBeGreaterThan(950);
    expect(horizontal).toHaveLength(1);
  });

  it('a shaded header (a grey fill wider than any rule) swallows none of the rules that cross or bound it', () => {
    const { canvas, ctx } = paper(1600, 1200, 20);
    ctx.fillStyle = 'rgb(160,160,160)';
    ctx.fillRect(100, 100, 1400, 200);
    ctx.fillStyle = 'black';
    for (const x of [100, 500, 900, 1500]) ctx.fillRect(x, 100, 3, 1000);
    for (const y of [100, 300, 700, 1100]) ctx.fillRect(100, y, 1403, 3);
    const rules = findRules(grayOf(canvas), 300);
    const vertical = rules.filter((r) => r.x1 === r.x2);
    expect(vertical.map((r) => Math.round(r.x1))).toEqual([101, 501, 901, 1501]);
    // each runs through the body's rows (through the rules it crosses) down to the table's foot
    for (const v of vertical) expect(v.y2).toBeGreaterThan(1095);
    for (const v of vertical) expect(v.y1).toBeLessThan(305);
    const horizontal = rules.filter((r) => r.y1 === r.y2).map((r) => Math.round(r.y1)).sort((a, b) => a - b);
    expect(horizontal).toEqual([101, 301, 701, 1101]);
  });
});

describe('ruling lines in pixels: pages of any width', () => {
  // the rule finder passes over paper in chunks of a row's pixels: rules that start and end inside
  // a chunk, on a chunk's edge and in the last, short chunk of a row are found whole on pages of
  // widths that are and are not multiples of a chunk; text beside them is no rule
  it.each([1600, 1601, 1615, 1617])('a grid on a page %i pixels wide', (width) => {
    const { canvas, ctx } = paper(width, 900, 20);
    const right = width - 6;
    for (const x of [15, 128, 517, right - 3]) ctx.fillRect(x, 40, 3, 800);
    for (const y of [40, 300, 837]) ctx.fillRect(15, y, right - 15, 3);
    // a line of text in one cell, and a blot of shading in another: neither a rule
    ctx.fillText('Penyediaan Jasa Komunikasi 1.250.000', 140, 200);
    ctx.fillRect(540, 400, 200, 120);
    const rules = findRules(grayOf(canvas), 300);
    const vertical = rules.filter((r) => r.x1 === r.x2).sort((a, b) => a.x1 - b.x1);
    const horizontal = rules.filter((r) => r.y1 === r.y2).sort((a, b) => a.y1 - b.y1);
    expect(vertical.map((r) => r.x1)).toEqual([16, 129, 518, right - 2]);
    // each from the top rule to the foot rule (a crossing rule's pixels are the other rule's)
    for (const r of vertical) {
      expect(r.y1).toBeLessThanOrEqual(44);
      expect(r.y2).toBeGreaterThanOrEqual(836);
    }
    expect(horizontal.map((r) => r.y1)).toEqual([41, 301, 838]);
    for (const r of horizontal) {
      expect(r.x1).toBeLessThanOrEqual(18);
      expect(r.x2).toBeGreaterThanOrEqual(right - 4);
    }
  });
});

describe('ruling lines in pixels: rules and the tops of capitals', () => {
  it('a run with paper on both sides is a rule; the joined tops of a word in capitals, stems beneath, are not', () => {
    const { canvas, ctx } = paper(1600, 600, 20);
    ctx.fillRect(100, 100, 1200, 3);
    // `UPTD` blurred into one dark top edge 120 px long (a rule's least length at 300 dpi is 75),
    // with the letters' stems and bowls below it (on the scan, ink under 0.78 of its length)
    ctx.fillRect(200, 300, 120, 4);
    for (const x of [200, 222, 232, 254, 272, 284, 300, 312]) ctx.fillRect(x, 300, 8, 40);
    const rules = findRules(grayOf(canvas), 300).filter((r) => r.y1 === r.y2);
    expect(rules).toHaveLength(1);
    expect(rules[0].y1).toBeCloseTo(101, 0);
  });

  it('a border up to 3 pt thick is a rule (a scanned outer border is some 8 pixels at 300 dpi)', () => {
    const { canvas, ctx } = paper(1600, 600, 20);
    ctx.fillRect(100, 100, 1200, 10);
    ctx.fillRect(100, 300, 1200, 40);
    const rules = findRules(grayOf(canvas), 300).filter((r) => r.y1 === r.y2);
    expect(rules.map((r) => Math.round(r.y1))).toEqual([105]);
  });
});

describe('figure cells of a ruled scan', () => {
  // a 3 × 2 grid: columns at x 0, 100, 200; rows at y 0, 50, 100 (pixels)
  const grid = [0, 100, 200].map((x) => ({ x1: x, x2: x, y1: 0, y2: 100 })).concat([0, 50, 100].map((y) => ({ x1: 0, x2: 200, y1: y, y2: y })));
  const word = (text: string, x0: number, y0: number, confidence = 96) => ({ text, x0, y0, x1: x0 + 40, y1: y0 + 10, baseline: y0 + 10, lineHeight: 10, confidence });

  it('the cell around a point is bounded by the nearest rule on each side that passes it', () => {
    expect(cellAround(150, 70, grid)).toEqual({ x0: 100, y0: 50, x1: 200, y1: 100 });
    expect(cellAround(250, 70, grid)).toBeNull();
  });

  it('a row cut by the page\'s end, with no rule below it, ends where the rules beside it end', () => {
    const open = grid.filter((r) => !(r.y1 === 100 && r.y2 === 100));
    expect(cellAround(150, 70, open)).toEqual({ x0: 100, y0: 50, x1: 200, y1: 100 });
    expect(cellAround(150, 120, open)).toBeNull();
  });

  it('a cell whose figure wraps over lines, or was read unsure, is read again; text cells and sure whole figures are not', () => {
    const words = [
      word('Dinas', 10, 5), word('Sosial', 10, 20),
      word('6.675', 110, 5), word('575.', 110, 20), word('000,00', 110, 35),
      word('40.500.000,00', 10, 60),
      word('1.200', 110, 60, 70),
    ];
    const cells = doubtfulFigureCells(words, grid, 10).map((c) => c.words.map((w) => w.text).join(' '));
    expect(cells).toEqual(['6.675 575. 000,00', '1.200']);
  });

  it('in a column of codes, a code OCR garbled into a few doubted letters is read again; a header word over a year is not', () => {
    // one column (x 0–100) of five rows: a header, three codes, one garbled (a 003 E-81 scan)
    const rows = [0, 40, 80, 120, 160, 200];
    const column = [0, 100].map((x) => ({ x1: x, x2: x, y1: 0, y2: 200 })).concat(rows.map((y) => ({ x1: 0, x2: 100, y1: y, y2: y })));
    const words = [
      word('Tahun', 5, 5), word('2024', 5, 20),
      word('1.06.01.2.06.02', 5, 45),
      word('TT', 5, 85, 16), word(':', 30, 85, 60), word('01.2...', 5, 100, 75),
      word('1.06.01.2.06.05', 5, 125),
      word('1.06.01.2.06.08', 5, 165),
    ];
    const cells = doubtfulFigureCells(words, column, 10).map((c) => c.words.map((w) => w.text).join(' '));
    expect(cells).toEqual(['TT : 01.2...']);
  });
});

describe('grain smoothed away where the text is thick enough', () => {
  it('measures the strokes of the page and keeps them through a 3 × 3 majority, flecks gone', () => {
    const { canvas, ctx } = paper(600, 300, 20);
    // strokes 4 px thick (text of ten points or more at 300 dpi), a 5 × 5 stop, and flecks of grain
    for (const x of [50, 80, 110, 140]) ctx.fillRect(x, 50, 4, 60);
    ctx.fillRect(200, 105, 5, 5);
    const flecks = [[300, 60], [320, 90], [350, 140], [400, 200], [450, 75]];
    for (const [x, y] of flecks) ctx.fillRect(x, y, 2, 1);
    expect(strokeWidth(grayOf(canvas))).toBe(4);
    const out = majorityBinarized(grayOf(canvas));
    const at = (x: number, y: number) => out.px[y * out.width + x];
    for (const x of [50, 80, 110, 140]) expect(at(x + 2, 80)).toBe(0);
    expect(at(202, 107)).toBe(0);
    for (const [x, y] of flecks) expect(at(x, y)).toBe(255);
  });

  it('thin text (strokes of one or two pixels) measures thin: it is not smoothed, which would erase it', () => {
    const { canvas, ctx } = paper(600, 300, 20);
    for (const x of [50, 60, 70, 80, 90]) ctx.fillRect(x, 50, 2, 40);
    expect(strokeWidth(grayOf(canvas))).toBeLessThan(4);
  });
});

describe('a list dash OCR glued to its figure', () => {
  /** The box around the ink of a region of the sheet, as OCR boxes a word. */
  function inkBox(g: ReturnType<typeof grayOf>, x0: number, x1: number) {
    const box = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
    for (let y = 0; y < g.height; y++) for (let x = x0; x < x1; x++) {
      if (g.px[y * g.width + x] >= 140) continue;
      box.x0 = Math.min(box.x0, x); box.x1 = Math.max(box.x1, x + 1); box.y0 = Math.min(box.y0, y); box.y1 = Math.max(box.y1, y + 1);
    }
    return box;
  }

  it.each([18, 30, 48])('at %i px, a minus against its digits and a list dash a space before them are told apart', (px) => {
    const { canvas, ctx } = paper(20 * px, 3 * px, px);
    ctx.fillText('-12', px, 2 * px);
    ctx.fillText('- 12', 10 * px, 2 * px);
    // a speck in the blank after the list dash: not a digit, not a dash
    const g0 = grayOf(canvas);
    const spaced = inkBox(g0, 10 * px, 20 * px);
    ctx.fillRect(spaced.x0 + Math.round(0.5 * px), Math.round((spaced.y0 + spaced.y1) / 2), 1, 1);
    const g = grayOf(canvas);
    const glued = inkBox(g, 0, 10 * px);
    expect(dashGap(g, glued)).toBeLessThan(0.36);
    expect(dashGap(g, spaced)).toBeGreaterThanOrEqual(0.36);
    // (a speck after the figure read as a quote mark is the figure's still)
    const words = [{ text: '-12', ...glued }, { text: '-12', ...spaced }, { text: "-12'", ...spaced }].map((w) => ({ ...w, confidence: 90, lineHeight: px, baseline: w.y1 }));
    expect(spacedListDashes(g, words).map((w) => [w.text, w.ocrText])).toEqual([['-12', undefined], ['- 12', '-12'], ["- 12'", "-12'"]]);
  });
});

describe('words OCR ran across a cell rule', () => {
  // glyph edges and rules as on the DKP Renja's harness scan, p.19 at 300 dpi: the code
  // `08 | 1 | 08 | 02 | 15` printed a field a cell, its last four fields read as one word
  const word = (text: string, glyphs: [number, number][]): OcrWord => ({ text, x0: glyphs[0][0], x1: glyphs[glyphs.length - 1][1], y0: 1197, y1: 1226, confidence: 96, lineHeight: 29, baseline: 1224, glyphs });
  const rule = (x: number): PixelRule => ({ x1: x, x2: x, y1: 1100, y2: 1300 });
  const rules = [rule(472), rule(534), rule(594)];

  it('a code read as one word is cut at the rules between its glyphs into the cells\' fields', () => {
    const w = word('1080215', [[440, 452], [481, 499], [502, 520], [543, 561], [564, 582], [606, 616], [625, 645]]);
    const parts = splitAtRules([w], rules);
    expect(parts.map((p) => p.text)).toEqual(['1', '08', '02', '15']);
    expect(parts.map((p) => [p.x0, p.x1])).toEqual([[440, 452], [481, 520], [543, 582], [606, 645]]);
    expect(parts.every((p) => p.glyphs === undefined && p.y0 === 1197)).toBe(true);
  });

  it('a rule through a glyph, letters run over a rule, and a rule beside the word cut nothing', () => {
    const through = word('1080', [[440, 452], [466, 480], [483, 499], [502, 520]]);
    const name = word('Sampah2', [[440, 452], [455, 465], [468, 471], [476, 490], [492, 505], [507, 515], [518, 528]]);
    const beside = word('0215', [[543, 561], [564, 582], [600, 610], [612, 630]]);
    expect(splitAtRules([through, name], rules).map((p) => p.text)).toEqual(['1080', 'Sampah2']);
    expect(splitAtRules([beside], [rule(700)]).map((p) => p.text)).toEqual(['0215']);
  });

  it('digits printed against the rule, on a rule a pixel off true, are cut there too (DKP p.20 `0802` for `08 | 02`)', () => {
    const w = word('0802', [[560, 575], [577, 595], [594, 610], [612, 628]]);
    const slanted: PixelRule = { x1: 593, x2: 595, y1: 1100, y2: 1300 };
    expect(splitAtRules([w], [slanted]).map((p) => p.text)).toEqual(['08', '02']);
  });
});

describe('pixels handed to tesseract', () => {
  it('the grey PNG decodes to the grey of every pixel, row by row', async () => {
    const { canvas, ctx } = paper(37, 11, 9);
    ctx.fillText('12,5', 2, 9);
    ctx.fillStyle = 'rgb(200,40,90)';
    ctx.fillRect(30, 0, 7, 11);
    const g = grayOf(canvas);
    const img = await loadImage(ocrBytes(g));
    const back = createCanvas(img.width, img.height);
    back.getContext('2d').drawImage(img, 0, 0);
    expect([img.width, img.height]).toEqual([37, 11]);
    const rgba = back.getContext('2d').getImageData(0, 0, 37, 11).data;
    expect(Array.from({ length: 37 * 11 }, (_, i) => rgba[i * 4])).toEqual([...g.px]);
    // the colour block in its luminance (0.299 R + 0.587 G + 0.114 B), not one channel
    expect(g.px[30]).toBe(Math.trunc((200 * 299 + 40 * 587 + 90 * 114) / 1000));
  });

  it('grey of a canvas with transparent pixels is of their colour, not of their premultiplied memory', () => {
    const canvas = createCanvas(4, 1);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = 'rgba(255,255,255,0.5)';
    ctx.fillRect(0, 0, 4, 1);
    // half-transparent white is white; premultiplied it would read as mid grey
    expect([...grayOf(canvas).px]).toEqual([255, 255, 255, 255]);
  });

  it('cut-outs pasted on a white sheet, clipped where they run off the page or the sheet', () => {
    const page = { width: 4, height: 3, px: Uint8Array.from([0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23]) };
    const sheet = pasted(page, 3, 2.9, [
      { sx: 2, sy: 1, w: 3, h: 1, dx: 0, dy: 0 }, // runs off the page's right edge
      { sx: -1, sy: 0, w: 2, h: 2, dx: 1, dy: 1 }, // starts left of the page, runs off the sheet's bottom
    ]);
    expect([sheet.width, sheet.height]).toEqual([3, 2]);
    expect([...sheet.px]).toEqual([12, 13, 255, 255, 255, 0]);
  });

  it('a page turned half round reads its last pixel first', () => {
    expect([...turnedRound({ width: 2, height: 2, px: Uint8Array.from([1, 2, 3, 4]) }).px]).toEqual([4, 3, 2, 1]);
  });
});

describe('rules painted out on the grey page', () => {
  it('as the canvas strokes them: whole pixels white, the band\'s half-covered edge blended half way to white', () => {
    // every grey from black to white, in columns; rules centred on a pixel row and between two, and upright ones
    const canvas = createCanvas(256, 60);
    const ctx = canvas.getContext('2d');
    for (let v = 0; v < 256; v++) {
      ctx.fillStyle = `rgb(${v},${v},${v})`;
      ctx.fillRect(v, 0, 1, 60);
    }
    const rules: PixelRule[] = [
      { x1: 0, y1: 10, x2: 256, y2: 10 },
      { x1: 3, y1: 30.5, x2: 250, y2: 30.5 },
      { x1: 120, y1: 0, x2: 120, y2: 60 },
      { x1: 200.5, y1: 5, x2: 200.5, y2: 50 },
      { x1: 40, y1: 48, x2: 250, y2: 48 },
    ];
    const before = grayOf(canvas).px;
    const painted = withoutRules(grayOf(canvas), rules).px;
    const stroked = grayOf(withoutRulesOnCanvas(canvas, rules)).px;
    expect(painted.filter((v, i) => v !== before[i]).length).toBeGreaterThan(4000);
    // the canvas's renderer rounds a half-covered pixel's blend a level apart here and there
    const apart = [...painted].map((v, i) => Math.abs(v - stroked[i]));
    expect(Math.max(...apart)).toBeLessThanOrEqual(1);
    expect(apart.filter((d) => d > 0).length).toBeLessThan(0.01 * painted.length);
    // a rule centred on a pixel row: the rows half a pixel past its band are blended half way (black → 128)
    expect([0, 1, 2].map((x) => painted[6 * 256 + x])).toEqual([128, 128, 129]);
  });

  it('a slanted rule is painted on a canvas', () => {
    const { canvas } = paper(80, 40, 10);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = 'black';
    ctx.fillRect(0, 0, 80, 40);
    const slanted = [{ x1: 0, y1: 10, x2: 80, y2: 14 }];
    expect([...withoutRules(grayOf(canvas), slanted).px]).toEqual([...grayOf(withoutRulesOnCanvas(canvas, slanted)).px]);
  });
});

describe('a page on its head, told from its ink before it is read', () => {
  // pages of other producers, drawn and cleaned as for OCR: Chrome's and LibreOffice's prints of
  // seeds scanned, a real scan, and one page that was scanned on its head
  async function cleanPage(file: string) {
    const pdf = await openPdf(new Uint8Array(readFileSync(file)), DEFAULT_SETTINGS.limits.max_image_pixels).promise;
    const canvas = await renderPage(await pdf.getPage(1), 300);
    await pdf.destroy();
    return preparedPage(canvas, 300)!.clean;
  }

  it.each(['000-harness-chromium-p6.pdf', '003-harness-libreoffice-p11.pdf', '003-scan-p24.pdf', 'evaluasi-harness-p1.pdf'])('%s: upright as it is, on its head turned round', async (file) => {
    const page = await cleanPage(`samples/scans/${file}`);
    const [upright, turned] = [inkLean(page, 300), inkLean(turnedRound(page), 300)];
    expect(upright.lines).toBeGreaterThan(100);
    expect(upright.score).toBeGreaterThan(0.2);
    expect(standsOnItsHead(upright)).toBe(false);
    expect(standsOnItsHead(turned)).toBe(true);
  });

  it('the page scanned on its head stands on its head', async () => {
    expect(standsOnItsHead(inkLean(await cleanPage('samples/scans/000-harness-chromium-p7-turned.pdf'), 300))).toBe(true);
  });

  it('a few lines of large type decide nothing', () => {
    const { canvas, ctx } = paper(1200, 600, 60);
    for (let k = 0; k < 5; k++) ctx.fillText('Rencana Kerja', 40, 100 + 100 * k);
    const g = grayOf(canvas);
    expect(standsOnItsHead(inkLean(turnedRound(g), 300))).toBe(false);
  });
});
