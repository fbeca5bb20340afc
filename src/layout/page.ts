// PDF pages → the LayoutLines every later stage reads, the model the text loader gives too:
// one line per table row (a bordered row whose cells wrap is one line), each cell with its
// text and its box on the page, and a blank line where the page leaves vertical space
// (paragraph and table breaks).

import type { PdfPage } from '../load/pdf.js';
import { fixOcrFigures, fixOcrSpaces } from '../normalize/ocr.js';
import type { Cell, LayoutLine } from '../model.js';
import { DEFAULT_SETTINGS, type Layout } from '../settings.js';
import { isVertical } from './cellModel.js';
import { cellLines, type CellLine } from './cells.js';
import { visualLines } from './lines.js';

const NO_MARKUP = { bold: false, italic: false, underline: false };

/** The cells of a row as the model's cells; on a scanned page, look-alike letters in figures read as digits and words OCR glued apart. */
function cellsOf(l: CellLine, page: PdfPage): Cell[] {
  return l.cells.map((c, index) => {
    // a cell's own TABs would split it: the converter's cells never hold one
    const text = c.text.replace(/\t/g, ' ');
    const cell: Cell = { index, text, raw: text, markup: NO_MARKUP, box: { page: page.number, x0: c.x0, x1: c.x1, top: c.top, bottom: c.bottom } };
    if (page.ocr) {
      if (c.confidence !== undefined) cell.confidence = Math.round(c.confidence);
      const fixed = fixOcrSpaces(fixOcrFigures(text));
      if (fixed !== text) [cell.ocrText, cell.text] = [text, fixed];
      // a figure OCR read in pieces, read back whole before the layout: what OCR read is kept
      if (c.ocrText !== undefined) cell.ocrText = c.ocrText.replace(/\t/g, ' ');
    }
    return cell;
  });
}

export function layoutPages(pages: PdfPage[], s: Layout = DEFAULT_SETTINGS.layout): LayoutLine[] {
  const out: LayoutLine[] = [];
  const push = (cells: Cell[], page: number) => {
    // a blank line holds one empty cell, as a text loader's empty line does
    if (cells.length === 0) cells = [{ index: 0, text: '', raw: '', markup: NO_MARKUP }];
    const text = cells.map((c) => c.text).join('\t');
    out.push({ line: out.length + 1, page, text, cells, blank: text.trim() === '', separator: false });
  };
  for (const page of pages) {
    const lines = cellLines(visualLines(page.items, page.rules.filter(isVertical), s), page.rules, s);
    lines.forEach((l, i) => {
      const prev = lines[i - 1];
      // more than a line's leading between two lines that are not both table rows: a break
      const rows = (prev?.borders && l.borders) || (prev?.inTable && l.inTable) || (prev?.cells.length > 1 && l.cells.length > 1);
      if (prev && !rows && l.top - prev.y > s.paragraph_gap * Math.max(l.size, prev.size)) push([], page.number);
      push(cellsOf(l, page), page.number);
    });
    push([], page.number);
  }
  return out;
}
