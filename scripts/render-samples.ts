// Render text conversions (the seeds) back into PDFs with pdfkit, the way districts publish
// them: paragraphs in portrait, tables drawn as bordered grids split across pages with their
// header repeated on each page, wide tables on landscape pages in small type, and every third
// table without borders (so both the lattice and the stream cell finders are exercised).
//
//   npm run samples -- <seed files or folder> [--out samples/pdf]

import { createWriteStream, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { LayoutLine } from '../src/model.js';
import { blocks, seedLines } from './seed-blocks.js';

const MARGIN = 36;
const PROSE_SIZE = 9;
type Layout = 'portrait' | 'landscape' | 'a3';
const TABLE_SIZE = { portrait: 7, landscape: 6, a3: 6 };
// points across the printable width of each page layout
const WIDTH = { portrait: 595.28 - 2 * MARGIN, landscape: 841.89 - 2 * MARGIN, a3: 1190.55 - 2 * MARGIN };
const PAD = 2.5;

/** Helvetica speaks WinAnsi: map the few other characters the seeds use, drop the rest. */
function winAnsi(s: string): string {
  return s
    .replace(/[“”„]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-').replace(/≥/g, '>=').replace(/≤/g, '<=')
    .replace(/…/g, '...').replace(/[•●]/g, '-').replace(/[^\x09\x0a\x0d\x20-\x7e\xa0-\xff]/g, '');
}

class Renderer {
  private doc: PDFKit.PDFDocument;
  private layout: Layout = 'portrait';
  private tables = 0;

  constructor(path: string) {
    this.doc = new PDFDocument({ size: 'A4', margin: MARGIN, autoFirstPage: true, info: { Title: basename(path) } });
    this.doc.pipe(createWriteStream(path));
  }

  private get bottom() { return this.doc.page.height - MARGIN; }
  private get width() { return this.doc.page.width - 2 * MARGIN; }

  private page(layout: Layout) {
    this.layout = layout;
    this.doc.addPage({ size: layout === 'a3' ? 'A3' : 'A4', layout: layout === 'portrait' ? 'portrait' : 'landscape', margin: MARGIN });
  }

  prose(lines: LayoutLine[]) {
    if (this.layout !== 'portrait') this.page('portrait');
    const doc = this.doc.font('Helvetica').fontSize(PROSE_SIZE);
    for (const l of lines) {
      const text = winAnsi(l.text.replace(/\t/g, ' ').replace(/\*\*|__/g, '').trim());
      if (!text) { doc.moveDown(0.6); continue; }
      doc.text(text, MARGIN, undefined, { width: this.width, align: 'left' });
    }
    doc.moveDown(0.6);
  }

  table(header: LayoutLine[], body: LayoutLine[]) {
    const rows = [...header, ...body];
    const n = Math.max(...rows.map((l) => l.cells.length));
    const texts = (j: number) => rows.map((l) => winAnsi(l.cells[j]?.text ?? ''));
    const natural = Array.from({ length: n }, (_, j) => Math.min(40, Math.max(4, ...texts(j).map((t) => t.length))));
    const wide = n > 8 || natural.reduce((a, b) => a + b, 0) > 110;
    const bordered = this.tables++ % 3 !== 2;
    // no figure or word may wrap inside itself: each column is at least its longest body token
    // wide (header words may break), in the largest type that lets the table fit the page;
    // a table too wide for A4 landscape even in 5 pt goes on an A3 landscape page
    const longest = (j: number, size: number) => Math.max(...body.map((l) => winAnsi(l.cells[j]?.text ?? '')).flatMap((t) => t.split(/\s+/)).map((w) => this.doc.font('Helvetica-Bold').fontSize(size).widthOfString(w)), 0) + 2 * PAD + 0.5;
    const fit = (layout: Layout, smallest: number) => {
      let size = TABLE_SIZE[layout];
      while (size > smallest && natural.reduce((a, _, j) => a + longest(j, size), 0) > WIDTH[layout]) size -= 0.5;
      return { size, mins: natural.map((_, j) => longest(j, size)) };
    };
    let layout: Layout = wide ? 'landscape' : 'portrait';
    let { size, mins } = fit(layout, 5);
    if (mins.reduce((a, b) => a + b, 0) > WIDTH[layout]) ({ size, mins } = fit((layout = 'a3'), 4));
    if (layout !== this.layout) this.page(layout);
    const spare = Math.max(0, this.width - mins.reduce((a, b) => a + b, 0));
    const total = natural.reduce((a, b) => a + b, 0);
    const widths = mins.map((m, j) => m + (natural[j] / total) * spare);
    const doc = this.doc.fontSize(size);
    const rowHeight = (l: LayoutLine) =>
      Math.max(...widths.map((w, j) => doc.font(l.cells[j]?.markup?.bold ? 'Helvetica-Bold' : 'Helvetica').heightOfString(winAnsi(l.cells[j]?.text ?? '') || ' ', { width: w - 2 * PAD }))) + 2 * PAD;
    const draw = (l: LayoutLine) => {
      const h = rowHeight(l);
      let x = MARGIN;
      const y = doc.y;
      widths.forEach((w, j) => {
        if (bordered) doc.lineWidth(0.5).rect(x, y, w, h).stroke();
        const text = winAnsi(l.cells[j]?.text ?? '');
        if (text) doc.font(l.cells[j]?.markup?.bold ? 'Helvetica-Bold' : 'Helvetica').text(text, x + PAD, y + PAD, { width: w - 2 * PAD, lineBreak: true });
        x += w;
      });
      doc.x = MARGIN;
      doc.y = y + h + (bordered ? 0 : 1);
    };
    if (doc.y + header.reduce((a, l) => a + rowHeight(l), 0) + 20 > this.bottom) this.page(layout);
    header.forEach(draw);
    for (const l of body) {
      if (doc.y + rowHeight(l) > this.bottom) {
        this.page(layout);
        header.forEach(draw);
      }
      draw(l);
    }
    doc.moveDown(1);
  }

  end(): Promise<void> {
    return new Promise((resolve) => { this.doc.on('end', resolve); this.doc.end(); });
  }
}

export async function renderPdf(textPath: string, pdfPath: string): Promise<void> {
  const lines = seedLines(textPath);
  const r = new Renderer(pdfPath);
  for (const b of blocks(lines)) {
    if (b.kind === 'text') r.prose(b.lines);
    else r.table(b.header, b.body);
  }
  await r.end();
}

async function main() {
  const args = process.argv.slice(2);
  const o = args.indexOf('--out');
  const outDir = o >= 0 ? args.splice(o, 2)[1] : 'samples/pdf';
  const inputs = (args.length ? args : ['../shared/seeds']).flatMap((p) => statSync(p).isDirectory() ? readdirSync(p).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => join(p, f)) : [p]);
  mkdirSync(outDir, { recursive: true });
  for (const input of inputs) {
    const out = join(outDir, `${basename(input, extname(input))}.pdf`);
    await renderPdf(input, out);
    console.log(`${input} → ${out} (${(statSync(out).size / 1024).toFixed(0)} KB)`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) await main();
