// Visual lines → cells, the two ways tabula and Camelot find columns:
// - lattice: where vertical ruling lines cross the line, they are the cell borders; a cell with
//   no text is an empty cell, and the lines of text inside one bordered row (wrapped cells) are
//   one row;
// - stream: where there are no borders, a horizontal gap wider than a glyph separates cells.
// Each line is tried lattice first and falls back to stream.

import type { Rule } from '../load/pdf.js';
import type { Run, VisualLine } from './lines.js';

export interface CellLine {
  y: number;
  top: number;
  size: number;
  cells: string[];
  /** the column borders when the line lies in a bordered table */
  borders: number[] | null;
  /** horizontal extent of each cell, and the runs of text (stream lines) */
  spans: Span[];
  runs: Run[];
  /** a borderless line that lines up with the columns of the table around it */
  inTable?: boolean;
}

interface Span {
  x: number;
  right: number;
}

export interface CellSettings {
  /** a gap this many glyph sizes wide separates two cells of a borderless table */
  streamGap: number;
  /** rules closer than this (points) are one border */
  snap: number;
}

export const DEFAULT_CELL_SETTINGS: CellSettings = { streamGap: 1.0, snap: 2 };

const isVertical = (r: Rule) => r.x2 - r.x1 < 1;
const isHorizontal = (r: Rule) => r.y2 - r.y1 < 1;

type HRule = Rule & { y: number };

/** x positions of the vertical rules crossing the middle of the line's glyphs. */
function bordersAt(line: VisualLine, verticals: Rule[], snap: number): number[] {
  const mid = line.y - 0.35 * line.size;
  const xs = verticals.filter((v) => v.y1 - 1 <= mid && v.y2 + 1 >= mid).map((v) => v.x1).sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of xs) if (!out.length || x - out[out.length - 1] > snap) out.push(x);
  return out;
}

function latticeCells(runs: Run[], borders: number[]): string[] {
  const cells: string[] = new Array(borders.length - 1).fill('');
  const before: string[] = [];
  const after: string[] = [];
  for (const r of runs) {
    const i = borders.findIndex((b, k) => k < borders.length - 1 && r.x >= b - 1 && r.x < borders[k + 1]);
    if (i >= 0) cells[i] = cells[i] ? `${cells[i]} ${r.text}` : r.text;
    else (r.x < borders[0] ? before : after).push(r.text);
  }
  return [...before, ...cells, ...after];
}

function streamCells(runs: Run[], gap: number): { cells: string[]; spans: Span[] } {
  const cells: string[] = [];
  const spans: Span[] = [];
  for (const r of runs) {
    const last = spans[spans.length - 1];
    if (last && r.x - last.right < gap * r.size) {
      cells[cells.length - 1] += ` ${r.text}`;
      last.right = r.right;
    } else {
      cells.push(r.text);
      spans.push({ x: r.x, right: r.right });
    }
  }
  return { cells, spans };
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.x, b.x));

/**
 * A borderless line with fewer cells than the fullest line of its table above (a wrapped name
 * or indicator) has lost its empty cells: put each run of text back under the column it
 * overlaps. A run that spans several columns (a paragraph) means the line is not in the table.
 */
function alignStream(lines: CellLine[]): void {
  let anchor: CellLine | null = null;
  for (const l of lines) {
    if (l.borders || l.cells.length === 0) { anchor = null; continue; }
    if (!anchor || l.cells.length >= anchor.cells.length) {
      anchor = l.cells.length >= 3 ? l : null;
      if (anchor) l.inTable = true;
      continue;
    }
    const columns: Span[] = anchor.spans.map((s, i) => ({ x: s.x, right: Math.max(s.right, (anchor!.spans[i + 1]?.x ?? Infinity) - 1) }));
    // runs, not cells: two runs a narrow gap apart may still sit in two columns
    const where = l.runs.map((r) => {
      const best = columns.map((c, i) => ({ i, o: overlap(r, c) })).sort((a, b) => b.o - a.o)[0];
      return best && best.o >= 0.5 * (r.right - r.x) ? best.i : -1;
    });
    if (where.some((i) => i < 0)) {
      // a line of its own columns (the next header row) anchors what follows
      anchor = l.cells.length >= 3 ? l : null;
      if (anchor) l.inTable = true;
      continue;
    }
    const cells: string[] = new Array(Math.max(...where) + 1).fill('');
    where.forEach((i, k) => { cells[i] = cells[i] ? `${cells[i]} ${l.runs[k].text}` : l.runs[k].text; });
    l.cells = cells;
    l.inTable = true;
  }
}

// a figure that is a row's own (an amount, a percentage), not a code piece like `(01` or `9`
const isFigure = (t: string) => /^[(-]?\s*(Rp\.?\s*)?\d[\d.,]*\s*%?\)?$/.test(t.trim()) && (/%/.test(t) || (t.match(/\d/g) ?? []).length >= 3);

/**
 * In a borderless table a row whose cells wrap prints over several lines; the lines after the
 * first leave the first column empty. Join them to the row, cell by cell, unless a line brings
 * a figure where the row already has one (then it is a row of its own, like a total).
 */
function mergeStreamRows(lines: CellLine[]): CellLine[] {
  const out: CellLine[] = [];
  for (const l of lines) {
    const row = out[out.length - 1];
    const joinable = row && row.inTable && l.inTable && !row.borders && !l.borders && row.cells[0]?.trim() && !l.cells[0]?.trim() &&
      !row.cells.every((c) => /^\(?\d{1,2}\)?$/.test(c.trim()) || c.trim() === '') &&
      l.top - row.y < 1.2 * Math.max(l.size, row.size) &&
      l.cells.every((c, i) => !isFigure(c) || !row.cells[i]?.trim());
    if (joinable) absorb(row, l);
    else out.push(l);
  }
  return out;
}

/** The next printed line of the same row joined to it, cell by cell. */
function absorb(row: CellLine, l: CellLine): void {
  const width = Math.max(row.cells.length, l.cells.length);
  row.cells = Array.from({ length: width }, (_, i) => [row.cells[i] ?? '', l.cells[i] ?? ''].map((c) => c.trim()).filter(Boolean).join(' '));
  row.runs = [...row.runs, ...l.runs];
  row.y = l.y;
}

const sameBorders = (a: number[] | null, b: number[] | null, snap: number) =>
  !!a && !!b && a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= snap);

/** A horizontal rule between two lines, under the columns the lines span. */
function ruleBetween(upper: CellLine, lower: CellLine, horizontals: HRule[]): boolean {
  const [left, right] = [upper.borders![0], upper.borders![upper.borders!.length - 1]];
  return horizontals.some((h) => h.y > upper.y && h.y < lower.top + 0.3 * lower.size && h.x2 > left + 1 && h.x1 < right - 1);
}

/** Lines of one bordered row (a cell whose text wraps) become one line, cell by cell. */
function mergeBands(lines: CellLine[], horizontals: HRule[], snap: number): CellLine[] {
  const out: CellLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && sameBorders(prev.borders, l.borders, snap) && prev.cells.length === l.cells.length && !ruleBetween(prev, l, horizontals)) absorb(prev, l);
    else out.push({ ...l, cells: [...l.cells] });
  }
  return out;
}

export function cellLines(lines: VisualLine[], rules: Rule[], settings: CellSettings = DEFAULT_CELL_SETTINGS): CellLine[] {
  const verticals = rules.filter(isVertical).map((r) => ({ ...r, x1: (r.x1 + r.x2) / 2 }));
  const horizontals: HRule[] = rules.filter(isHorizontal).map((r) => ({ ...r, y: (r.y1 + r.y2) / 2 }));
  const out = lines.map((l): CellLine => {
    const borders = bordersAt(l, verticals, settings.snap);
    if (borders.length >= 3) return { y: l.y, top: l.top, size: l.size, cells: latticeCells(l.runs, borders), borders, spans: [], runs: l.runs };
    return { y: l.y, top: l.top, size: l.size, ...streamCells(l.runs, settings.streamGap), borders: null, runs: l.runs };
  });
  alignStream(out);
  return mergeBands(mergeStreamRows(out), horizontals, settings.snap);
}
