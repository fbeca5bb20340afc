// Small PDFs made in the test with pdfkit: tables with or without borders, over one or more pages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument as PDFLibDocument, PDFName, PDFRawStream } from 'pdf-lib';
import PDFDocument from 'pdfkit';

export type Doc = PDFKit.PDFDocument;

/** `bytes` written as `name` in a fresh temporary folder; returns the path. */
export function tempFile(name: string, bytes: Uint8Array | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'kinerja-test-')), name);
  writeFileSync(path, bytes);
  return path;
}

/** A PDF drawn by `draw`, as bytes. */
export function makePdf(draw: (doc: Doc) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  draw(doc);
  doc.end();
  return done;
}

export interface TableOptions {
  x?: number;
  y?: number;
  widths: number[];
  bordered: boolean;
  size?: number;
}

/** Draw rows of cells; a cell's text wraps inside its width. Returns the y below the table. */
export function drawTable(doc: Doc, rows: string[][], o: TableOptions): number {
  const size = o.size ?? 8;
  const pad = 3;
  let y = o.y ?? 60;
  doc.fontSize(size);
  for (const row of rows) {
    const h = Math.max(...o.widths.map((w, j) => doc.heightOfString(row[j] || ' ', { width: w - 2 * pad }))) + 2 * pad;
    let x = o.x ?? 40;
    o.widths.forEach((w, j) => {
      if (o.bordered) doc.lineWidth(0.5).rect(x, y, w, h).stroke();
      if (row[j]) doc.text(row[j], x + pad, y + pad, { width: w - 2 * pad });
      x += w;
    });
    y += h + (o.bordered ? 0 : 2);
  }
  return y;
}

/**
 * A small PDF that takes a long time to read: one page whose compressed content stream draws
 * `segments` line segments (2 million take about a minute here). Stands in for the file that
 * hangs a batch.
 */
export async function slowPdf(segments: number): Promise<Uint8Array> {
  const doc = await PDFLibDocument.create();
  const page = doc.addPage([595, 842]);
  const body = deflateSync(Buffer.from('0 0 m 1 1 l S\n'.repeat(segments)));
  const stream = PDFRawStream.of(doc.context.obj({ Filter: 'FlateDecode', Length: body.length }), body);
  page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  return doc.save();
}
