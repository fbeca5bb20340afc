// HTML tables as lines of cells (src/load/html.ts): merged headers and cells spanning rows, as
// Docling and browsers export a Renja perubahan table's two-level header.
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../src/load/html.ts';

const doc = (body: string) => loadHtml('t.html', Buffer.from(`<html><head><style>td{}</style></head><body>${body}</body></html>`));

describe('HTML tables', () => {
  it('a heading cell spanning columns repeats over them; a cell spanning rows leaves its place empty below', async () => {
    const d = await doc(`<h3>Tabel 4.1 Perubahan</h3><table>
      <tr><th rowspan="2">Kode</th><th colspan="2">Anggaran</th></tr>
      <tr><th>Sebelum Perubahan</th><th>Setelah Perubahan</th></tr>
      <tr><td>1.06.01</td><td>4.035.693.583</td><td>3.545.784.420</td></tr></table>`);
    expect(d.lines.map((l) => l.cells.map((c) => c.text))).toEqual([
      ['Tabel 4.1 Perubahan'],
      ['Kode', 'Anggaran', 'Anggaran'],
      ['', 'Sebelum Perubahan', 'Setelah Perubahan'],
      ['1.06.01', '4.035.693.583', '3.545.784.420'],
    ]);
    expect(d.lines[1].cells[0].markup.bold).toBe(true);
    expect(d.lines.map((l) => l.line)).toEqual([1, 2, 3, 4]);
  });

  it('a data cell spanning columns is followed by empty cells; trailing empty cells end a row; markup carried as text is stripped', async () => {
    const d = await doc(`<table><tr><td colspan="2">PROGRAM PENUNJANG</td><td>&lt;b&gt;100&lt;/b&gt;</td><td></td><td></td></tr></table><p>Sumber: <b>Dinas Sosial</b></p>`);
    expect(d.lines.map((l) => l.cells.map((c) => c.text))).toEqual([['PROGRAM PENUNJANG', '', '100'], ['Sumber: Dinas Sosial']]);
  });
});
