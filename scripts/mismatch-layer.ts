// A scanner PDF whose invisible text layer does not belong to its image: one page holding the
// text layer of page A of a real scanner PDF over the scanned image of its page B. Offices make
// such files when pages are rescanned or reordered and the scanner's OCR layer is not redone;
// the extractor must notice (src/ocr/layerCheck.ts) and read the page by OCR. Made with pdf-lib
// from the scanner's own objects: nothing is drawn by this project.
//
//   npx tsx scripts/mismatch-layer.ts <scanner.pdf> <layer page> <image page> <out.pdf>

import { readFileSync, writeFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

const [input, layerPage, imagePage, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: mismatch-layer.ts <scanner.pdf> <layer page> <image page> <out.pdf>');
  process.exit(2);
}
const src = await PDFDocument.load(readFileSync(input));
const doc = await PDFDocument.create();
const [page, imageHolder] = await doc.copyPages(src, [Number(layerPage) - 1, Number(imagePage) - 1]);
doc.addPage(page);
// the layer page's images are replaced, name by name, by the other page's (a scan draws one)
const xobjects = (p: typeof page) => p.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
const mine = xobjects(page);
const theirs = xobjects(imageHolder);
const theirImage = theirs.keys().map((k) => theirs.get(k)!)[0];
for (const name of mine.keys()) {
  const own = mine.get(name);
  mine.set(name, theirImage);
  // the page's own scan is no longer drawn: left out of the file
  if (own instanceof PDFRef) doc.context.delete(own);
}
writeFileSync(out, await doc.save());
console.log(`${out}: the text layer of p.${layerPage} over the image of p.${imagePage}`);
