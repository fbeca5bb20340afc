// Tables stage, PDF input: one grid of columns for a whole table, from where its cells are
// printed, and every line of the table put on it. A PDF line's cells are only the pieces of text
// the layout found on that line: a row that leaves its first columns empty, a header whose
// group label spans three columns, or a page whose rows lack a column, would otherwise number
// their cells differently from the lines around them. Text conversions (no boxes) are left as
// they are: their cells already are the converter's columns.
//
// Columns are the x ranges that the body's cells cover, split where (almost) no cell crosses:
// the whitespace between columns. A few cells may spill over a gap (a long name printed across
// the next, empty, column) without joining two columns. A header cell over a gap is a column
// whose body cells are all empty; a header cell over several columns labels each of them.

import type { Cell, CellBox, LayoutLine, TableBlock } from '../model.js';
import { DEFAULT_SETTINGS, type Layout } from '../settings.js';

export interface Span {
  x0: number;
  x1: number;
}

const filled = (l: LayoutLine) => l.cells.filter((c) => c.text.trim() !== '');
const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
const spanOf = (b: CellBox): Span => ({ x0: b.x0, x1: b.x1 });

/** Every printed cell of these lines has a box (PDF input), and there is at least one. */
function hasGeometry(lines: LayoutLine[]): boolean {
  const cells = lines.flatMap(filled);
  return cells.length > 0 && cells.every((c) => c.box !== undefined);
}

/**
 * The x ranges covered by more than `tolerance` boxes: a sweep over the boxes' edges, ends
 * before starts where they meet, so two bordered cells that touch are two columns.
 */
export function coveredRanges(boxes: Span[], tolerance: number): Span[] {
  const events = boxes.flatMap((b) => [{ x: b.x0, d: 1 }, { x: b.x1, d: -1 }]).sort((a, b) => a.x - b.x || a.d - b.d);
  const out: Span[] = [];
  let count = 0;
  let start: number | null = null;
  for (const e of events) {
    count += e.d;
    if (count > tolerance && start === null) start = e.x;
    else if (count <= tolerance && start !== null) {
      if (e.x > start) out.push({ x0: start, x1: e.x });
      start = null;
    }
  }
  return out;
}

/**
 * The spans that are no merged cell: a cell whose span holds two cells of other lines that lie
 * side by side (a heading row, a colspan) spans several columns and defines none. Distinct
 * spans only (a bordered column repeats one span on every row), so long tables stay cheap.
 */
const spanKey = (b: Span) => `${Math.round(b.x0)}:${Math.round(b.x1)}`;

export function withoutSpanning(spans: Span[], snap: number): Span[] {
  const key = spanKey;
  const distinct = [...new Map(spans.map((b) => [key(b), b])).values()].sort((a, b) => a.x0 - b.x0);
  const spanning = new Set<string>();
  for (const c of distinct) {
    let minRight = Infinity;
    let maxLeft = -Infinity;
    for (const d of distinct) {
      if (d.x0 > c.x1) break;
      if (d === c || d.x0 < c.x0 - snap || d.x1 > c.x1 + snap) continue;
      minRight = Math.min(minRight, d.x1);
      maxLeft = Math.max(maxLeft, d.x0);
    }
    if (minRight <= maxLeft + snap) spanning.add(key(c));
  }
  return spans.filter((b) => !spanning.has(key(b)));
}

/**
 * The x ranges the boxes cover, each split where at most `tolerance` boxes cross between two
 * stretches that more cover: a few cells spilling over a gap do not join two columns, and a
 * column with few cells of its own still is one.
 */
export function columnRanges(boxes: Span[], tolerance: number, minGap: number): Span[] {
  const out: Span[] = [];
  const ranges: Span[] = [];
  for (const r of coveredRanges(boxes, 0)) {
    const last = ranges[ranges.length - 1];
    if (last && r.x0 - last.x1 < minGap) last.x1 = r.x1;
    else ranges.push({ ...r });
  }
  for (const range of ranges) {
    const inRange = boxes.filter((b) => b.x0 >= range.x0 && b.x1 <= range.x1);
    // dense stretches closer than a gap between columns are one
    const dense: Span[] = [];
    for (const d of coveredRanges(inRange, tolerance)) {
      const last = dense[dense.length - 1];
      if (last && d.x0 - last.x1 < minGap) last.x1 = d.x1;
      else dense.push({ ...d });
    }
    if (dense.length <= 1) {
      out.push(range);
      continue;
    }
    // cut in the middle of each thin stretch between two dense ones
    let start = range.x0;
    dense.slice(1).forEach((d, i) => {
      const cut = (dense[i].x1 + d.x0) / 2;
      out.push({ x0: start, x1: cut });
      start = cut;
    });
    out.push({ x0: start, x1: range.x1 });
  }
  return out;
}

/** The columns one set of lines defines (header cells only fill the gaps the body leaves). */
function columnsOf(header: LayoutLine[], rows: LayoutLine[], s: Layout, shift: (l: LayoutLine) => number): Span[] {
  // a line of one cell in a table of several columns (a heading, a wrapped remark) defines no column
  const counts = rows.map((l) => filled(l).length).sort((a, b) => a - b);
  const typical = counts[Math.floor(counts.length / 2)] ?? 0;
  const defining = rows.filter((l) => filled(l).length >= 2 || typical < 2);
  const tolerance = Math.floor(s.grid_spill_fraction * defining.length);
  const moved = (l: LayoutLine, c: Cell): Span => ({ x0: c.box!.x0 + shift(l), x1: c.box!.x1 + shift(l) });
  // bordered cells touch their neighbours: pulled in a little, two pages' borders a point apart stay two columns
  const pullIn = (b: Span): Span => {
    const m = Math.min(s.rule_snap_pt, (b.x1 - b.x0) / 4);
    return { x0: b.x0 + m, x1: b.x1 - m };
  };
  const kept = new Set(withoutSpanning(defining.flatMap((l) => filled(l).map((c) => moved(l, c))), s.rule_snap_pt).map(spanKey));
  const perLine = defining.map((l) => filled(l).map((c) => moved(l, c)).filter((b) => kept.has(spanKey(b))).map(pullIn));
  const columns = columnRanges(perLine.flat(), tolerance, s.rule_snap_pt).flatMap((col) => splitShared(col, perLine, s));
  // header cells over a gap stand for columns the body leaves empty; the lowest header line
  // is the most specific (`K`, `Rp` under a quarter's label)
  for (const h of [...header].reverse()) {
    for (const c of filled(h)) {
      const span = moved(h, c);
      if (!columns.some((col) => overlap(col, span) > 0)) columns.push(span);
    }
  }
  return columns.sort((a, b) => a.x0 - b.x0);
}

/**
 * Two cells of one line are never one column: a column that holds two cells of many of its
 * lines is two columns whose cells ran into each other on some lines (a figure wider than its
 * column). Split it where most such lines have a gap and fewest cells cross, and look again.
 */
function splitShared(col: Span, perLine: Span[][], s: Layout, depth = 0): Span[] {
  const inside = (b: Span) => (b.x0 + b.x1) / 2 >= col.x0 && (b.x0 + b.x1) / 2 <= col.x1;
  const lines = perLine.map((bs) => bs.filter(inside).sort((a, b) => a.x0 - b.x0)).filter((bs) => bs.length > 0);
  const shared = lines.filter((bs) => bs.length >= 2);
  if (depth >= MAX_SPLITS || shared.length < 2 || shared.length < s.grid_shared_fraction * lines.length) return [col];
  const gaps = shared.flatMap((bs) => bs.slice(1).map((b, i) => (bs[i].x1 + b.x0) / 2));
  const cells = lines.flat();
  let best: { x: number; score: number } | null = null;
  for (const x of gaps) {
    const separated = shared.filter((bs) => bs.some((b, i) => i > 0 && bs[i - 1].x1 <= x && b.x0 >= x)).length;
    const crossing = cells.filter((b) => b.x0 < x && b.x1 > x).length;
    const score = separated - crossing;
    if (!best || score > best.score) best = { x, score };
  }
  if (!best || best.score <= 0) return [col];
  return [
    ...splitShared({ x0: col.x0, x1: best.x }, perLine, s, depth + 1),
    ...splitShared({ x0: best.x, x1: col.x1 }, perLine, s, depth + 1),
  ];
}

// how often one column may be split in two
const MAX_SPLITS = 6;

/** How far `cols` must move right to lie over `ref` best (pages of one table printed with other margins). */
function bestShift(ref: Span[], cols: Span[]): number {
  const fit = (dx: number) => ref.reduce((sum, r) => sum + cols.reduce((m, c) => Math.max(m, overlap(r, { x0: c.x0 + dx, x1: c.x1 + dx })), 0), 0);
  const candidates = new Set<number>([0]);
  for (const r of ref) for (const c of cols) candidates.add(Math.round(r.x0 - c.x0)).add(Math.round(r.x1 - c.x1));
  let best = 0;
  let bestFit = fit(0);
  for (const dx of candidates) {
    const f = fit(dx);
    if (f > bestFit + 1e-6 || (Math.abs(f - bestFit) <= 1e-6 && Math.abs(dx) < Math.abs(best))) [best, bestFit] = [dx, f];
  }
  return best;
}

export interface PageGrid {
  /** the columns as this page prints them */
  columns: Span[];
  /** the table's column each of them is */
  index: number[];
}

export interface Grid {
  /** the columns of the page with the header (or the fullest page) */
  columns: Span[];
  pages: Map<number | null, PageGrid>;
}

/**
 * The table's columns, left to right; null when the lines carry no geometry or form no grid.
 * Each page gets its own columns (a table running over pages may be printed with other
 * margins or column widths on each), numbered as the header page's: one for one where the
 * page has as many, else each where it lies over the header page's, pages shifted to fit.
 */
export function tableGrid(header: LayoutLine[], body: LayoutLine[], s: Layout = DEFAULT_SETTINGS.layout): Grid | null {
  const rows = body.filter((l) => !l.blank);
  if (!hasGeometry([...header, ...rows]) || rows.length === 0) return null;
  const pages = [...new Set([...header, ...rows].map((l) => l.page))];
  const own = new Map(pages.map((p) => [p, columnsOf(header.filter((h) => h.page === p), rows.filter((l) => l.page === p), s, () => 0)]));
  // the fullest page numbers the columns (the header's page on a tie): a page whose rows leave
  // a column empty everywhere has fewer
  const refPage = pages.reduce((a, b) => (own.get(b)!.length > own.get(a)!.length ? b : a), header[0]?.page ?? pages[0]);
  if (own.get(refPage)!.length < 2) return null;
  // the table's columns: the fullest page's, and any another page adds where it prints more
  let table: { span: Span; id: number }[] = own.get(refPage)!.map((span, id) => ({ span, id }));
  const ids = new Map<number | null, number[]>([[refPage, table.map((c) => c.id)]]);
  let nextId = table.length;
  for (const p of pages) {
    if (p === refPage) continue;
    const cols = own.get(p)!;
    const dx = bestShift(table.map((c) => c.span), cols);
    const placed = placeColumns(cols.map((c) => ({ x0: c.x0 + dx, x1: c.x1 + dx })), table.map((c) => c.span));
    const next: typeof table = [];
    const pageIds: number[] = [];
    let at = 0;
    placed.forEach((place, j) => {
      while (at < place.at) next.push(table[at++]);
      if (place.match) {
        pageIds.push(table[at].id);
        next.push(table[at++]);
      } else {
        const added = { span: { x0: cols[j].x0 + dx, x1: cols[j].x1 + dx }, id: nextId++ };
        pageIds.push(added.id);
        next.push(added);
      }
    });
    while (at < table.length) next.push(table[at++]);
    table = next;
    ids.set(p, pageIds);
  }
  const position = new Map(table.map((c, i) => [c.id, i]));
  const grids = new Map(pages.map((p): [number | null, PageGrid] => [p, { columns: own.get(p)!, index: ids.get(p)!.map((id) => position.get(id)!) }]));
  return { columns: table.map((c) => c.span), pages: grids };
}

/**
 * Where each column of a page goes among the table's columns, in order: onto the one it
 * overlaps most (`match`), or as a new column before position `at` where it overlaps none.
 */
function placeColumns(cols: Span[], table: Span[]): { at: number; match: boolean }[] {
  const n = cols.length;
  const m = table.length;
  const fit = (j: number, i: number) => overlap(cols[j], table[i]) / Math.max(1e-6, Math.min(cols[j].x1 - cols[j].x0, table[i].x1 - table[i].x0));
  // best[j][i]: the best total placing the first j page columns among the first i table columns
  const best = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-Infinity));
  const move = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  best[0][0] = 0;
  for (let j = 0; j <= n; j++) {
    for (let i = 0; i <= m; i++) {
      if (j === 0 && i === 0) continue;
      const options: [number, number][] = [];
      if (i > 0) options.push([best[j][i - 1], 1]); // table column i-1 not on this page
      if (j > 0) options.push([best[j - 1][i] - (overlapsAny(cols[j - 1], table) ? 1 : 0), 2]); // a new column
      if (i > 0 && j > 0 && fit(j - 1, i - 1) > 0) options.push([best[j - 1][i - 1] + fit(j - 1, i - 1), 3]);
      const [score, how] = options.reduce((a, b) => (b[0] > a[0] ? b : a));
      best[j][i] = score;
      move[j][i] = how;
    }
  }
  const out: { at: number; match: boolean }[] = new Array(n);
  for (let j = n, i = m; j > 0 || i > 0;) {
    const how = move[j][i];
    if (how === 1) i--;
    else if (how === 2) out[--j] = { at: i, match: false };
    else out[--j] = { at: --i, match: true };
  }
  return out;
}

const overlapsAny = (c: Span, table: Span[]) => table.some((t) => overlap(c, t) > 0);

/** The column a cell belongs to: the one it overlaps most, else the nearest. */
function columnOf(b: Span, columns: Span[]): number {
  let best = -1;
  let most = 0;
  columns.forEach((col, i) => {
    const o = overlap(col, b);
    if (o > most) [best, most] = [i, o];
  });
  if (best >= 0) return best;
  const mid = (b.x0 + b.x1) / 2;
  const dist = (col: Span) => (mid < col.x0 ? col.x0 - mid : mid > col.x1 ? mid - col.x1 : 0);
  return columns.reduce((k, col, i) => (dist(col) < dist(columns[k]) ? i : k), 0);
}

function mergeCells(cells: Cell[], index: number): Cell {
  if (cells.length === 1) return { ...cells[0], index };
  const boxes = cells.map((c) => c.box!);
  const conf = cells.map((c) => c.confidence).filter((x): x is number => x !== undefined);
  const ocrTexts = cells.filter((c) => c.ocrText !== undefined);
  const text = cells.map((c) => c.text).join(' ');
  return {
    index,
    text,
    raw: cells.map((c) => c.raw).join(' '),
    markup: cells[0].markup,
    box: {
      page: boxes[0].page,
      x0: Math.min(...boxes.map((b) => b.x0)), x1: Math.max(...boxes.map((b) => b.x1)),
      top: Math.min(...boxes.map((b) => b.top)), bottom: Math.max(...boxes.map((b) => b.bottom)),
    },
    ...(conf.length ? { confidence: Math.min(...conf) } : {}),
    ...(ocrTexts.length ? { ocrText: cells.map((c) => c.ocrText ?? c.text).join(' ') } : {}),
  };
}

const FIGURE = /^[(-]?\s*(Rp\.?\s*)?\d[\d.,]*\s*%?\)?$/;

/**
 * Words that land in a column before that column's own figure are the end of a longer text to
 * their left that overflowed into it (a name running across an empty borderless column): they
 * go back to the nearest column on the left that holds text.
 */
function giveBackOverflow(slots: Cell[][]): void {
  slots.forEach((cs, i) => {
    if (cs.length < 2) return;
    cs.sort((a, b) => a.box!.x0 - b.box!.x0);
    const words = cs.findIndex((c) => FIGURE.test(c.text.trim()));
    if (words <= 0 || cs.slice(0, words).some((c) => FIGURE.test(c.text.trim()))) return;
    const left = slots.slice(0, i).map((x, k) => ({ x, k })).reverse().find(({ x }) => x.some((c) => !FIGURE.test(c.text.trim())));
    if (!left) return;
    left.x.push(...cs.splice(0, words));
  });
}

/** The line with one cell per column of the grid (empty where it prints nothing there). */
export function onGrid(line: LayoutLine, page: PageGrid, width: number): LayoutLine {
  if (line.blank || page.columns.length === 0) return line;
  const slots: Cell[][] = Array.from({ length: width }, () => []);
  for (const c of filled(line)) slots[page.index[columnOf(spanOf(c.box!), page.columns)]].push(c);
  giveBackOverflow(slots);
  const cells = slots.map((cs, i) => (cs.length ? mergeCells(cs.sort((a, b) => a.box!.x0 - b.box!.x0), i) : { index: i, text: '', raw: '', markup: line.cells[0]?.markup ?? { bold: false, italic: false, underline: false } }));
  return { ...line, cells, text: cells.map((c) => c.text).join('\t') };
}

/**
 * Each column's label: the texts of the header cells over it, top line first. A cell over
 * several columns (a group: `ANGGARAN` over per-paket … per-program) labels each of them.
 */
export function gridLabels(header: LayoutLine[], columns: Span[]): string[] {
  return columns.map((col) => header
    .flatMap((h) => filled(h).filter((c) => {
      const o = overlap(col, spanOf(c.box!));
      const width = Math.max(1e-6, Math.min(col.x1 - col.x0, c.box!.x1 - c.box!.x0));
      return o / width >= 0.5;
    }))
    .map((c) => c.text.trim())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim());
}

/** Each grid column's label, from the header's own page and its columns there. */
function labelsOn(grid: Grid, header: LayoutLine[]): string[] {
  const out = grid.columns.map(() => [] as string[]);
  const page = grid.pages.get(header[0]?.page ?? null);
  if (!page) return out.map(() => '');
  gridLabels(header, page.columns).forEach((label, j) => {
    const i = page.index[j];
    if (label && !out[i].includes(label)) out[i].push(label);
  });
  return out.map((ls) => ls.join(' '));
}

/** Put the table's header and body lines on its grid; the grid's labels are kept for its columns. */
export function regrid(table: TableBlock, s: Layout = DEFAULT_SETTINGS.layout): void {
  const grid = tableGrid(table.headerLines, table.bodyLines, s);
  if (!grid) return;
  const on = (l: LayoutLine) => {
    const page = grid.pages.get(l.page);
    return page ? onGrid(l, page, grid.columns.length) : l;
  };
  table.gridLabels = labelsOn(grid, table.headerLines.filter((h) => h !== table.numberRow));
  table.headerLines = table.headerLines.map((h) => {
    const g = on(h);
    if (h === table.numberRow) table.numberRow = g;
    return g;
  });
  table.bodyLines = table.bodyLines.map(on);
}
