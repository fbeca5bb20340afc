// Visual lines → table rows of cells with geometry, by one of two named strategies (tabula's and
// Camelot's two algorithms, pdfplumber's "lines" and "text" settings):
// - lattice (lattice.ts): where vertical ruling lines cross the line, they are the cell borders;
//   the lines of text inside one bordered row band are one row, each cell's lines joined;
// - stream (stream.ts): where there are no borders, cells from the gaps between runs, columns
//   from the lines around, wrapped lines joined to their row.
// Each line goes to the lattice strategy when rules cross it, else to stream. Every cell keeps
// its box on the page (x0, x1, top, bottom in points, y downward).

import type { Rule } from '../load/pdf.js';
import type { Layout } from '../settings.js';
import { latticeLine, mergeBands } from './lattice.js';
import { isHorizontal, isVertical, type CellLine } from './cellModel.js';
import type { VisualLine } from './lines.js';
import { alignStream, mergeStreamRows, streamLine } from './stream.js';

export type { Box, CellLine, CellText, Strategy } from './cellModel.js';

export function cellLines(lines: VisualLine[], rules: Rule[], s: Layout): CellLine[] {
  const verticals = rules.filter(isVertical).map((r) => ({ ...r, x1: (r.x1 + r.x2) / 2 }));
  const horizontals = joinCollinear(rules.filter(isHorizontal).map((r) => ({ ...r, y: (r.y1 + r.y2) / 2 })), s.rule_snap_pt);
  const out = lines.map((l) => latticeLine(l, verticals, s) ?? streamLine(l, s));
  alignStream(out, s);
  return mergeBands(mergeStreamRows(out, s), horizontals, s);
}

/**
 * Horizontal rules drawn cell by cell (Word draws each cell's border on its own) as the one
 * rule across the table they print: segments on one height whose ends meet within `snap`.
 */
function joinCollinear<R extends Rule & { y: number }>(rules: R[], snap: number): R[] {
  const sorted = [...rules].sort((a, b) => a.y - b.y || a.x1 - b.x1);
  const out: R[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y - r.y) <= snap / 2 && r.x1 <= last.x2 + snap) last.x2 = Math.max(last.x2, r.x2);
    else out.push({ ...r });
  }
  return out;
}
