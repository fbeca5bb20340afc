// Scanned pages: OCR-aware reading of figures, and the OCR path end to end on small scans made
// in the test (a table page rasterized, turned by a degree and put into an image-only PDF),
// offline, plus the pages OCR cannot read: blank, all black, huge.
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { openPdf } from '../../src/load/pdf.ts';
import { fixOcrFigures } from '../../src/normalize/ocr.ts';
import { closeOcr } from '../../src/ocr/engine.ts';
import { rotated } from '../../src/ocr/image.ts';
import { renderPage } from '../../src/ocr/page.ts';
import { extractFile } from '../../src/pipeline.ts';
import { drawTable, makePdf, tempFile } from '../helpers/pdf.ts';

afterAll(closeOcr);

describe('look-alike letters in OCR figures', () => {
  it.each([
    ['1.O6.01', '1.06.01'],
    ['3.7l2.588.O29', '3.712.588.029'],
    ['2S Dokumen', '25 Dokumen'],
    ['1OO %', '100 %'],
    ['Ro 5.000.000', 'Rp 5.000.000'],
    ['R p. 12.5OO', 'Rp 12.500'],
    ['(4.88O.225)', '(4.880.225)'],
  ])('%s → %s', (ocr, fixed) => expect(fixOcrFigures(ocr)).toBe(fixed));

  it.each(['Sosial', 'IKU', 'B1', 'Orang/bulan', 'SOS 1'])('leaves words and labels alone: %s', (t) => expect(fixOcrFigures(t)).toBe(t));
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
    const src = await openPdf(printed).promise;
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
