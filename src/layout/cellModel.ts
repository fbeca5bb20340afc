// The table model every PDF page converges on before the rows stage: rows of cells, each cell
// with its text (its lines joined in reading order) and its box on the page. Both cell
// strategies (lattice, stream) produce it; OCR'd pages too.

import type { Rule } from '../load/pdf.js';
import { joinWrappedText } from '../normalize/wrap.js';
import type { Run } from './lines.js';

export interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** One cell of a row: its text and where it is (points, y downward from the top of the page). */
export interface CellText extends Box {
  text: string;
  /** the lowest OCR confidence of its words (scanned pages only) */
  confidence?: number;
  /** what OCR read, where the text was rebuilt from it (scanned pages only) */
  ocrText?: string;
}

export type Strategy = 'lattice' | 'stream';

/** A row of cells: one visual line, or several joined (a wrapped cell, a wrapped row). */
export interface CellLine {
  y: number;
  top: number;
  bottom: number;
  size: number;
  cells: CellText[];
  strategy: Strategy;
  /** the column borders of a lattice row */
  borders: number[] | null;
  runs: Run[];
  /** a stream line that lines up with the columns of the table around it */
  inTable?: boolean;
}

export const isVertical = (r: Rule) => r.x2 - r.x1 < 1;
export const isHorizontal = (r: Rule) => r.y2 - r.y1 < 1;

const minOf = (xs: number[]) => xs.reduce((m, x) => Math.min(m, x), Infinity);
const maxOf = (xs: number[]) => xs.reduce((m, x) => Math.max(m, x), -Infinity);

/** A cell holding `runs` on `line`; its horizontal extent from the runs, or the borders given. */
export function cellOf(runs: Run[], line: { top: number; y: number }, x0?: number, x1?: number): CellText {
  const conf = runs.map((r) => r.confidence).filter((c): c is number => c !== undefined);
  return {
    text: runs.map((r) => r.text).join(' '),
    x0: x0 ?? (runs.length ? minOf(runs.map((r) => r.x)) : 0),
    x1: x1 ?? (runs.length ? maxOf(runs.map((r) => r.right)) : 0),
    top: line.top,
    bottom: line.y,
    ...(conf.length ? { confidence: minOf(conf) } : {}),
    ...(runs.some((r) => r.ocrText !== undefined) ? { ocrText: runs.map((r) => r.ocrText ?? r.text).join(' ') } : {}),
  };
}

// a piece of a figure: digits and separators, maybe `Rp` before or `%`, `,-` after
const FIGURE_HEAD = /^(R\s*p\s*\.?\s*)?\d[\d.,]*$/i;
const FIGURE_TAIL = /^[.,]?\d[\d.,]*(,-|%)?$/;
// a piece of a dotted program code: one- or two-digit groups, a sub-kegiatan group begun
const CODE_HEAD = /^\d{1,2}(\.\d{1,2}){2,}(\.\d{0,4})?\.?$/;

/**
 * The text of a cell whose content wraps: `b` printed below `a`. A figure or code cut by the
 * cell's width joins without a space (`48.114.7` + `09.000`, `1.06.01.2.01.000` + `1`, `000` + `1`); words as
 * `joinWrappedText` joins them (a word broken with or without a hyphen is one word).
 */
export function joinCellText(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  if (FIGURE_HEAD.test(a) && FIGURE_TAIL.test(b)) {
    const lastGroup = /(\d+)$/.exec(a)?.[1] ?? '';
    const firstGroup = /^(\d+)/.exec(b)?.[1] ?? '';
    // a short last group is completed by the next line's digits, never past three (`1.06` + `02`
    // is a code's two fields, not `1.0602`)
    if (/[.,]$/.test(a) || /^[.,]/.test(b) || (/[.,]/.test(a) && lastGroup.length + firstGroup.length <= 3)) return a + b;
  }
  if (CODE_HEAD.test(a) && /^\d{1,4}$/.test(b)) return a + b;
  // a zero-led number is a code segment (`000` + `1` of a sub-kegiatan `0001`), never a figure
  if (/^0\d+$/.test(a) && /^\d{1,3}$/.test(b) && a.length + b.length <= 4) return a + b;
  return joinWrappedText(a, b);
}

/** Two cells of one row printed one below the other, as one. */
function joinCells(a: CellText | undefined, b: CellText | undefined): CellText {
  if (!a) return b!;
  if (!b || b.text === '') return a;
  if (a.text === '') return { ...b, x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1), top: a.top };
  const conf = [a.confidence, b.confidence].filter((c): c is number => c !== undefined);
  return {
    text: joinCellText(a.text, b.text),
    x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1), top: Math.min(a.top, b.top), bottom: Math.max(a.bottom, b.bottom),
    ...(conf.length ? { confidence: minOf(conf) } : {}),
    ...(a.ocrText !== undefined || b.ocrText !== undefined ? { ocrText: `${a.ocrText ?? a.text} ${b.ocrText ?? b.text}` } : {}),
  };
}

/** The next printed line of the same row joined to it, cell by cell. */
export function absorb(row: CellLine, l: CellLine): void {
  const width = Math.max(row.cells.length, l.cells.length);
  row.cells = Array.from({ length: width }, (_, i) => joinCells(row.cells[i], l.cells[i]));
  row.runs = [...row.runs, ...l.runs];
  row.y = l.y;
  row.bottom = Math.max(row.bottom, l.bottom);
}
