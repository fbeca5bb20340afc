// Hostile PDFs, written with pdf-lib (not the project's renderer): small files that make a
// reader spend unbounded memory or time. Each stands for a class of file seen in archives.
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';

/** One page whose content stream is `content` (compressed), with `xobjects` as its resources. */
async function pageWithContent(content: string, xobjects: Record<string, { dict: Record<string, unknown>; data: Buffer }> = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const body = deflateSync(Buffer.from(content));
  page.node.set(PDFName.of('Contents'), doc.context.register(PDFRawStream.of(doc.context.obj({ Filter: 'FlateDecode', Length: body.length }) as never, body)));
  const refs: Record<string, unknown> = {};
  for (const [name, x] of Object.entries(xobjects)) {
    refs[name] = doc.context.register(PDFRawStream.of(doc.context.obj({ ...x.dict, Length: x.data.length } as never) as never, x.data));
  }
  if (Object.keys(refs).length) page.node.set(PDFName.of('Resources'), doc.context.obj({ XObject: refs } as never));
  return doc.save();
}

/** A page painting one `side`×`side` grey image that compresses to little (20000 px: 400 M pixels in about 0.4 MB). */
export function hugeImagePdf(side: number): Promise<Uint8Array> {
  // deflate of a long run of zero bytes, built row by row so the test itself stays small in memory
  const data = deflateSync(Buffer.alloc(side * side, 0x80), { level: 9 });
  return pageWithContent(`q ${595} 0 0 ${842} 0 0 cm /Im0 Do Q`, {
    Im0: { dict: { Type: 'XObject', Subtype: 'Image', Width: side, Height: side, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'FlateDecode' }, data },
  });
}

/** A page of `n` unbalanced save operators (`q`). */
export function manySavesPdf(n: number): Promise<Uint8Array> {
  return pageWithContent('q\n'.repeat(n));
}

/**
 * A page with a line of text and one path of `n` segments, every other one a horizontal rule
 * 100 points long (a zigzag down the page and up again), stroked.
 */
export async function longPathPdf(n: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Laporan dengan satu garis yang sangat panjang', { x: 40, y: 820, size: 10, font: await doc.embedFont(StandardFonts.Helvetica) });
  const parts = ['10 10 m'];
  for (let i = 0; i < n; i++) parts.push(`${i % 2 ? 110 : 10} ${10 + (Math.floor(i / 2) % 780)} l`);
  parts.push('S');
  const body = deflateSync(Buffer.from(parts.join('\n')));
  page.node.addContentStream(doc.context.register(PDFRawStream.of(doc.context.obj({ Filter: 'FlateDecode', Length: body.length }) as never, body)));
  return doc.save();
}
