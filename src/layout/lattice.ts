// The lattice strategy: cells bounded by the ruling lines the page draws. Vertical rules that
// cross a line are its cell borders (an empty cell between two borders is an empty cell);
// the lines of text between two horizontal rules are one row, each cell's lines joined — a
// name or a figure wrapped inside a narrow cell is one name, one figure. Where a table draws no
// rule between its body rows, a line that brings a new figure to a column that already holds a
// whole one starts the next row.

import type { Rule } from '../load/pdf.js';
import { isCodeMaterial, isRowKey } from '../normalize/codes.js';
import { numberOf } from '../normalize/numbers.js';
import type { Layout } from '../settings.js';
import { absorb, cellOf, joinCellText, type CellLine, type CellText } from './cellModel.js';
import type { Run, VisualLine } from './lines.js';

type HRule = Rule & { y: number };

/** x positions of the vertical rules crossing the middle of the line's glyphs. */
function bordersAt(line: VisualLine, verticals: Rule[], s: Layout): number[] {
  const mid = line.y - s.rule_cross_height * line.size;
  const xs = verticals.filter((v) => v.y1 - 1 <= mid && v.y2 + 1 >= mid).map((v) => v.x1).sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of xs) if (!out.length || x - out[out.length - 1] > s.rule_snap_pt) out.push(x);
  return out;
}

/** The line's cells between its borders; text left or right of the outer borders in cells of its own. */
function latticeCells(line: VisualLine, borders: number[], s: Layout): CellText[] {
  const inside: Run[][] = borders.slice(0, -1).map(() => []);
  const before: Run[] = [];
  const after: Run[] = [];
  for (const r of line.runs) {
    const i = borders.findIndex((b, k) => k < borders.length - 1 && r.x >= b - 1 && r.x < borders[k + 1]);
    if (i >= 0) inside[i].push(r);
    else (r.x < borders[0] ? before : after).push(r);
  }
  for (let i = 1; i < inside.length; i++) giveBackCollided(inside[i - 1], inside[i], s.run_overlap_split);
  return [
    ...before.map((r) => cellOf([r], line)),
    ...inside.map((runs, i) => cellOf(runs, line, borders[i], borders[i + 1])),
    ...after.map((r) => cellOf([r], line)),
  ];
}

/**
 * Words that the text of the cell on the left ran on into this cell (split there at a space)
 * and over which this cell prints its own figure: they go back to the cell they belong to.
 */
function giveBackCollided(left: Run[], cell: Run[], overlap: number): void {
  cell.sort((a, b) => a.x - b.x);
  const k = cell.findIndex((r, i) => i + 1 < cell.length && r.right - cell[i + 1].x > overlap * r.size && /[a-z]/i.test(r.text));
  if (k >= 0 && left.length) left.push(...cell.splice(0, k + 1));
}

/** The line as a lattice row, when enough vertical rules cross it; else null (the stream strategy reads it). */
export function latticeLine(line: VisualLine, verticals: Rule[], s: Layout): CellLine | null {
  const borders = bordersAt(line, verticals, s);
  if (borders.length < s.lattice_min_borders) return null;
  return { y: line.y, top: line.top, bottom: line.y, size: line.size, cells: latticeCells(line, borders, s), strategy: 'lattice', borders, runs: line.runs };
}

const sameBorders = (a: number[] | null, b: number[] | null, snap: number) =>
  !!a && !!b && a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= snap);

/**
 * A horizontal rule between two lines, under the columns the lines span: below the upper line's
 * baseline and above the lower line's glyphs. On an OCR page every line has the page's glyph size
 * (the median word), which overstates small type: there the rule need only pass above where a
 * border crosses the lower line's glyphs (`rule_cross_height`), as type set tight under its rule.
 */
function ruleBetween(upper: CellLine, lower: CellLine, horizontals: HRule[], s: Layout): boolean {
  const [left, right] = [upper.borders![0], upper.borders![upper.borders!.length - 1]];
  const above = isOcrLine(lower) ? lower.y - s.rule_cross_height * lower.size : lower.top + 0.3 * lower.size;
  return horizontals.some((h) => h.y > upper.y && h.y < above && h.x2 > left + 1 && h.x1 < right - 1);
}

const extentOf = (lines: CellLine[]) => {
  const cells = lines.flatMap((l) => l.cells).filter((c) => c.text.trim() !== '');
  return { left: Math.min(...cells.map((c) => c.x0)), right: Math.max(...cells.map((c) => c.x1)) };
};

/**
 * `l` lies in the same ruled row as the band's lines, in a table without vertical rules (Word
 * tables with only horizontal borders): both are rows of a stream table, the horizontal rules
 * across their extent are stacked as row separators, one is above the band and one below `l`,
 * and none runs between them.
 */
function sameRuledBand(band: CellLine[], l: CellLine, horizontals: HRule[], s: Layout): boolean {
  const first = band[0];
  const prev = band[band.length - 1];
  if (first.strategy !== 'stream' || l.strategy !== 'stream' || !first.inTable || !l.inTable) return false;
  if (l.cells.every((c) => c.text.trim() === '')) return false;
  const { left, right } = extentOf([...band, l]);
  const across = horizontals.filter((h) => h.x1 <= left + s.rule_snap_pt && h.x2 >= right - s.rule_snap_pt);
  if (across.length < s.ruled_rows_min_rules) return false;
  const above = across.some((h) => h.y < first.top);
  const below = across.some((h) => h.y > l.y);
  const spansMost = (h: HRule) => Math.min(h.x2, right) - Math.max(h.x1, left) >= s.separator_min_span * (right - left);
  const between = horizontals.some((h) => spansMost(h) && h.y > prev.y && h.y < l.top + 0.3 * l.size);
  return above && below && !between;
}

/**
 * A whole figure: a well-formed number, not a piece of one cut by the cell's width (`48.114.7`,
 * `1.919.209.`, and `0,0` which may be the start of `0,00`).
 */
function wholeFigure(text: string): boolean {
  const t = text.trim();
  // a figure never starts with a zero before digits or a thousands group (`09.000`, `0.000,00`)
  if (!/^\d/.test(t) || /[.,]$/.test(t) || /[.,]\d$/.test(t) || /^0\d|^0[.,]\d{3}/.test(t)) return false;
  const r = numberOf(t);
  return r.value !== null && !r.malformed && !r.repaired;
}

// columns that must receive a new whole figure under a whole one for a line to start a row
const NEW_ROW_FIGURES = 2;

/**
 * `lower` starts a row of its own: it brings whole figures to columns where `upper` already has
 * whole ones (a table without rules between its body rows), in two columns or more, or in one
 * beside a new entry in the first column. Pieces of wrapped figures (`.166`, `09.000`) do not.
 */
function startsRow(upper: CellLine, lower: CellLine, figuresSplit = true): boolean {
  const key = lower.cells[0]?.text.trim() ?? '';
  const newKey = key !== '' && (upper.cells[0]?.text.trim() ?? '') !== '';
  const fresh = (whole: (t: string) => boolean, wholeAbove = whole) => lower.cells.filter((c, i) => {
    const above = upper.cells[i]?.text.trim() ?? '';
    // `40.50` over `0.000,00` is one figure cut by the cell's width, not two
    const joined = joinCellText(above, c.text.trim());
    return wholeAbove(above) && whole(c.text) && joined.includes(' ');
  }).length;
  // inside a ruled band only a key (a code, a row number) starts a row: a first column that
  // holds the row's name wraps it over the band's lines, and OCR drops the stops that tell a
  // wrapped figure's pieces — but no piece holds a figure of millions whole (`82.799.500` over
  // `82.696.000`, in two columns: rows whose rule the page does not print), whatever the cell
  // above holds (OCR may have broken its figure: `31.113.961 .638`)
  if (!figuresSplit) return (newKey && isKey(key)) || fresh(millions, (t) => t !== '') >= NEW_ROW_FIGURES;
  const n = fresh(wholeFigure);
  return n >= NEW_ROW_FIGURES || (n >= 1 && newKey);
}

/** A whole figure of at least three digit groups (`82.799.500`). */
const millions = (text: string) => wholeFigure(text) && /^\d{1,3}([.,]\d{3}){2,}([.,]\d{1,2})?$/.test(text.trim());

const isKey = (text: string) => isRowKey(text) || (/\d/.test(text) && isCodeMaterial(text));

const isOcrLine = (l: CellLine) => l.cells.some((c) => c.confidence !== undefined);

// a cell's text that is a figure, a piece of one or a code: digits with their separators and marks
const FIGURE_TEXT = /^[(-]?\s*(Rp\.?\s*)?[\d.,:;' ]*\d[\d.,:;' ]*%?\)?$/i;

/**
 * The band holds several rows, not one: some column prints figures (or codes) on more of its
 * lines than one figure wrapped in a cell takes — the rules between its rows are not printed
 * (or a scan lost them), so figures, not only keys, start its rows.
 */
function stacksRows(band: CellLine[], s: Layout): boolean {
  const width = Math.max(...band.map((l) => l.cells.length));
  for (let i = 0; i < width; i++) {
    const lines = band.filter((l) => FIGURE_TEXT.test(l.cells[i]?.text.trim() ?? '')).length;
    if (lines > s.ruled_row_max_figure_lines) return true;
  }
  return false;
}

/**
 * Lines between two horizontal rules (a band) are one row, each cell's lines joined — a row
 * whose cells wrap; where a table prints no rules between its body rows, a line that brings
 * whole figures of its own starts the next row.
 */
export function mergeBands(lines: CellLine[], horizontals: HRule[], s: Layout): CellLine[] {
  const bands: CellLine[][] = [];
  for (const l of lines) {
    const band = bands[bands.length - 1];
    const prev = band?.[band.length - 1];
    const same = prev && (
      (prev.strategy === 'lattice' && l.strategy === 'lattice' && sameBorders(prev.borders, l.borders, s.rule_snap_pt) &&
        prev.cells.length === l.cells.length && !ruleBetween(prev, l, horizontals, s)) ||
      sameRuledBand(band, l, horizontals, s));
    if (same) band.push(l);
    else bands.push([l]);
  }
  // OCR drops the stops that mark a wrapped figure's pieces (`.575.` read `575`), so on a scanned
  // page whose body rows are ruled, figures alone do not start a row inside a band: a key does
  const ruledRows = bands.filter((b) => b[0].strategy === 'lattice').length >= s.ruled_rows_min_rules;
  const out: CellLine[] = [];
  for (const band of bands) {
    const keysOnly = ruledRows && !stacksRows(band, s);
    band.forEach((l, i) => {
      if (i > 0 && !startsRow(out[out.length - 1], l, !(keysOnly && isOcrLine(l)))) absorb(out[out.length - 1], l);
      else out.push({ ...l, cells: [...l.cells] });
    });
  }
  return out;
}
