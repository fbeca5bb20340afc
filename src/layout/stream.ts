// The stream strategy: cells of a table drawn without rules, from the text's alignment. Within
// a line a gap wider than a glyph separates two cells; a line with fewer cells than the fullest
// line of its table above (a wrapped name or indicator) gets its text put back under the
// columns it overlaps; the lines of a row whose cells wrap are joined to it.

import type { Layout } from '../settings.js';
import { absorb, cellOf, type CellLine } from './cellModel.js';
import type { Run, VisualLine } from './lines.js';

/** The line's cells from the gaps between its runs. */
export function streamLine(line: VisualLine, s: Layout): CellLine {
  const groups: Run[][] = [];
  for (const r of line.runs) {
    const last = groups[groups.length - 1];
    const gap = last ? r.x - last[last.length - 1].right : Infinity;
    // runs printed over each other are two cells' texts (an overflowing name and the next cell's figure)
    if (last && gap < s.stream_cell_gap * r.size && gap >= -s.run_overlap_split * r.size) last.push(r);
    else groups.push([r]);
  }
  return { y: line.y, top: line.top, bottom: line.y, size: line.size, cells: groups.map((g) => cellOf(g, line)), strategy: 'stream', borders: null, runs: line.runs };
}

const overlap = (a: { x: number; right: number }, b: { x: number; right: number }) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.x, b.x));

/**
 * A borderless line with fewer cells than the fullest line of its table above (a wrapped name
 * or indicator) has lost its empty cells: put each run of text back under the column it
 * overlaps. A run that spans several columns (a paragraph) means the line is not in the table.
 */
export function alignStream(lines: CellLine[], s: Layout): void {
  let anchor: CellLine | null = null;
  const anchors = (l: CellLine) => (l.cells.length >= s.stream_min_columns ? l : null);
  for (const l of lines) {
    if (l.strategy !== 'stream' || l.cells.length === 0) { anchor = null; continue; }
    if (!anchor || l.cells.length >= anchor.cells.length) {
      anchor = anchors(l);
      if (anchor) l.inTable = true;
      continue;
    }
    const a: CellLine = anchor;
    const columns = a.cells.map((c, i) => ({ x: c.x0, right: Math.max(c.x1, (a.cells[i + 1]?.x0 ?? Infinity) - 1) }));
    // runs, not cells: two runs a narrow gap apart may still sit in two columns
    // a run under a column but clear of the text the anchor prints there (`anggaran` under the
    // gap right of `Kegiatan`) is a column the anchor line left empty, not wrapped text
    const reach = (i: number) => ({ x: a.cells[i].x0 - s.stream_cell_gap * a.size, right: a.cells[i].x1 + s.stream_cell_gap * a.size });
    const where = l.runs.map((r) => {
      const best = columns.map((c, i) => ({ i, o: overlap(r, c) })).sort((x, y) => y.o - x.o)[0];
      return best && best.o >= 0.5 * (r.right - r.x) && overlap(r, reach(best.i)) > 0 ? best.i : -1;
    });
    if (where.some((i) => i < 0)) {
      // a line of its own columns (the next header row) anchors what follows
      anchor = anchors(l);
      if (anchor) l.inTable = true;
      continue;
    }
    const width = where.reduce((m, i) => Math.max(m, i), 0) + 1;
    l.cells = Array.from({ length: width }, (_, i) => {
      const runs = l.runs.filter((_, k) => where[k] === i);
      return runs.length ? cellOf(runs, l) : cellOf([], l, columns[i].x, columns[i].x);
    });
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
export function mergeStreamRows(lines: CellLine[], s: Layout): CellLine[] {
  const out: CellLine[] = [];
  for (const l of lines) {
    const row = out[out.length - 1];
    const text = (c: CellLine, i: number) => c.cells[i]?.text.trim() ?? '';
    const joinable = row && row.inTable && l.inTable && row.strategy === 'stream' && l.strategy === 'stream' && text(row, 0) && !text(l, 0) &&
      !row.cells.every((c) => /^\(?\d{1,2}\)?$/.test(c.text.trim()) || c.text.trim() === '') &&
      l.top - row.y < s.stream_row_join * Math.max(l.size, row.size) &&
      l.cells.every((c, i) => !isFigure(c.text) || !text(row, i));
    if (joinable) absorb(row, l);
    else out.push(l);
  }
  return out;
}
