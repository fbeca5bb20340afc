// The scanned samples (samples/scans, image-only PDFs of a few table pages of the sample PDFs):
// every page is read without a crash, and the value recall against the gold rows printed on
// those pages is at least the figure reached so far (a ratchet; the bar is 0.85): keyed
// (the value in the record with the gold row's code, as the scorer counts) and read (the value
// anywhere in the extraction: OCR read it, layout or code inference lost its row).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeOcr } from '../../src/ocr/engine.ts';
import { extractFile } from '../../src/pipeline.ts';
import { pageRecall } from '../helpers/pageScore.ts';
import { GOLD, SAMPLES, requireShared } from '../helpers/paths.ts';

afterAll(closeOcr);

const SCANS = [
  { id: '000', scan: '000-scan-p18-35.pdf', producer: 'pdf', pdf: '000_3c81d608c39353c9.pdf', pages: [18, 35], keyed: 0.89, read: 0.94 },
  // Tabel 5 prints no codes: they are inferred from the names OCR reads
  { id: '003', scan: '003-scan-p24.pdf', producer: 'pdf', pdf: '003_a0b8d9f08cf4c655.pdf', pages: [24], keyed: 0.86, read: 0.96 },
  // scans made by other tools (scripts/scan-harness.ts: pdftoppm, ImageMagick, img2pdf; 200 dpi
  // grey, turned 1.5°, speckled, JPEG 60) of PDFs from other producers: E-81's ruled rows of
  // short figures (Chromium), and its narrow cells where figures and codes wrap (LibreOffice)
  // (000-harness-chromium-p6.pdf, the same scan of an upright page, is measured in the README and
  // timed by the bench, not here: npm test keeps within its time). A page laid on the glass upside down:
  { id: '000', scan: '000-harness-chromium-p7-turned.pdf', producer: 'pdf-chromium', pdf: '000_3c81d608c39353c9.pdf', pages: [7], keyed: 0.98, read: 0.98, turned: 180 },
  { id: '003', scan: '003-harness-libreoffice-p11.pdf', producer: 'pdf-libreoffice', pdf: '003_a0b8d9f08cf4c655.pdf', pages: [11], keyed: 0.28, read: 0.53 },
];

// each text-layer PDF extracted once for the scans made of it
const extracted = new Map<string, ReturnType<typeof extractFile>>();
const textLayer = (path: string) => extracted.get(path) ?? extracted.set(path, extractFile(path)).get(path)!;

describe('scanned samples', () => {
  it.each(SCANS)('$scan: every page OCR\'d; recall on the gold rows of pages $pages: keyed ≥ $keyed, read ≥ $read', async ({ id, scan, producer, pdf, pages, keyed, read, turned = 0 }) => {
    requireShared();
    const [ocr, text] = await Promise.all([extractFile(join(SAMPLES, 'scans', scan)), textLayer(join(SAMPLES, producer, pdf))]);
    expect(ocr.status).toBe('ok');
    expect(ocr.source.format).toBe('pdf-ocr');
    expect(ocr.source.ocr!.pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
    expect(ocr.source.ocr!.pages.every((p) => p.words > 100)).toBe(true);
    // the page was turned back by the quarter turns it was scanned with (and its skew)
    expect(ocr.source.ocr!.pages.map((p) => (Math.round(p.rotation / 90) * 90 + 360) % 360)).toEqual(pages.map(() => turned));
    const score = pageRecall(join(GOLD, `${id}.jsonl`), text, pages, ocr);
    expect(score.goldRows).toBeGreaterThanOrEqual(4);
    expect(score.recall).toBeGreaterThanOrEqual(keyed);
    expect(score.readRecall).toBeGreaterThanOrEqual(read);
  });
});
