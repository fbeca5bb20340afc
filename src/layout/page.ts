// PDF pages → the LayoutLines every later stage reads, the same model the text loader gives:
// one line per visual line (a bordered row whose cells wrap is one line), cells as TAB
// fields, a blank line where the page leaves vertical space (paragraph and table breaks).

import type { PdfPage } from '../load/pdf.js';
import { layoutLine } from '../load/text.js';
import { fixOcrFigures } from '../normalize/ocr.js';
import type { LayoutLine } from '../model.js';
import { cellLines, DEFAULT_CELL_SETTINGS, type CellLine, type CellSettings } from './cells.js';
import { visualLines } from './lines.js';

export function layoutPages(pages: PdfPage[], settings: CellSettings = DEFAULT_CELL_SETTINGS): LayoutLine[] {
  const out: LayoutLine[] = [];
  const push = (text: string, page: number) => out.push(layoutLine(text, out.length + 1, page));
  for (const page of pages) {
    const lines = cellLines(visualLines(page.items), page.rules, settings);
    lines.forEach((l, i) => {
      const prev = lines[i - 1];
      // more than a line's leading between two lines that are not both table rows: a break
      const rows = (prev?.borders && l.borders) || (prev?.inTable && l.inTable) || (prev?.cells.length > 1 && l.cells.length > 1);
      if (prev && !rows && l.top - prev.y > 0.9 * Math.max(l.size, prev.size)) push('', page.number);
      // a cell's own TABs would split it: the converter's cells never hold one
      push(l.cells.map((c) => c.replace(/\t/g, ' ')).join('\t'), page.number);
      if (page.ocr) markOcr(out[out.length - 1], l);
    });
    push('', page.number);
  }
  return out;
}

/** OCR lines: each cell's lowest word confidence, and look-alike letters in figures read as digits. */
function markOcr(line: LayoutLine, source: CellLine): void {
  for (const cell of line.cells) {
    const runs = source.runs.filter((r) => r.confidence !== undefined && cell.text.includes(r.text));
    if (runs.length) cell.confidence = Math.round(Math.min(...runs.map((r) => r.confidence!)));
    const fixed = fixOcrFigures(cell.text);
    if (fixed !== cell.text) {
      cell.ocrText = cell.text;
      cell.text = fixed;
    }
  }
  line.text = line.cells.map((c) => c.text).join('\t');
}
