// How much a scanner loses: the seeds with gold as PDFs from LibreOffice and Chromium, each
// scanned through the harness (scripts/scan-harness.ts), read back by OCR, and scored on the gold
// rows printed on the scanned pages (value recall, keyed as the scorer counts and read anywhere).
// The pages are the ones of each PDF that print the most gold values (from its text layer).
//
//   npx tsx scripts/scan-measure.ts [--pages-per-doc 2] [--dpi 200] [--skew 1.5] [--speckle 0.01] [--jpeg 60] [--bw]
//       [--copy darker|lighter] [--cut 40]

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeOcr } from '../src/ocr/engine.js';
import { extractFile } from '../src/pipeline.js';
import { pageRecall } from '../tests/helpers/pageScore.js';
import { GOLD, SAMPLES } from '../tests/helpers/paths.js';
import { OFFICE_SCAN, scanPdf, type ScanSettings } from './scan-harness.js';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const settings: ScanSettings = {
  ...OFFICE_SCAN,
  dpi: opt('dpi', OFFICE_SCAN.dpi),
  skew: opt('skew', OFFICE_SCAN.skew),
  speckle: opt('speckle', OFFICE_SCAN.speckle),
  jpeg: opt('jpeg', OFFICE_SCAN.jpeg),
  colour: argv.includes('--bw') ? 'bw' : 'grey',
  copy: argv.includes('--copy') ? (argv[argv.indexOf('--copy') + 1] as ScanSettings['copy']) : null,
  cut: opt('cut', OFFICE_SCAN.cut),
};
const perDoc = opt('pages-per-doc', 2);
const dir = mkdtempSync(join(tmpdir(), 'scan-measure-'));

const rows: string[] = [];
let goldValues = 0;
let found = 0;
let read = 0;
for (const producer of ['pdf-libreoffice', 'pdf-chromium']) {
  for (const [id, file] of [['000', '000_3c81d608c39353c9.pdf'], ['003', '003_a0b8d9f08cf4c655.pdf']]) {
    const pdf = join(SAMPLES, producer, file);
    const text = await extractFile(pdf);
    // pages by how many gold values they print
    const pages = Array.from({ length: text.source.pages ?? 0 }, (_, i) => i + 1)
      .map((p) => ({ p, n: pageRecall(join(GOLD, `${id}.jsonl`), text, [p], text).goldValues }))
      .sort((a, b) => b.n - a.n).slice(0, perDoc).map((x) => x.p).sort((a, b) => a - b);
    const scan = join(dir, `${producer}-${id}.pdf`);
    scanPdf(pdf, scan, pages, settings);
    const ocr = await extractFile(scan);
    const s = pageRecall(join(GOLD, `${id}.jsonl`), text, pages, ocr);
    goldValues += s.goldValues;
    found += s.foundValues;
    read += Math.round(s.readRecall * s.goldValues);
    rows.push(`${producer} ${id} pages ${pages.join(',')}: ${s.goldRows} gold rows, ${s.goldValues} values; keyed ${s.recall.toFixed(3)}, read ${s.readRecall.toFixed(3)}`);
    console.log(rows[rows.length - 1]);
  }
}
await closeOcr();
console.log(`settings: ${JSON.stringify(settings)}`);
console.log(`all: ${goldValues} values; keyed ${(found / goldValues).toFixed(3)}, read ${(read / goldValues).toFixed(3)}`);
