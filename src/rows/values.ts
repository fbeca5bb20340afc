// Values of one row: re-join figures that a converter split across cells, then assign each
// printed figure to a value column by type and order (empty cells are dropped unpredictably,
// so positions alone cannot be trusted). No printed figure is ever dropped: one that fits no
// column is kept under an `extra_n` key.

import type { CellBox, ColumnSpec, ParsedValue, ValueKind } from '../model.js';
import { agrees, compileFormula, parseFormula, type Formula } from '../formula.js';
import { parseDigits, parseNumber, type NumberReading } from '../normalize/numbers.js';
import { isJunkText } from '../normalize/text.js';

export interface ValueCell {
  index: number;
  raw: string;
  reading: NumberReading;
  line: number;
  /** where the figure is printed (PDF only) */
  box?: CellBox;
  /** OCR: the cell's lowest word confidence, and what OCR read before look-alikes became digits */
  confidence?: number;
  ocrText?: string;
}

/** The box covering two cells' boxes (a figure split over cells), on the first one's page. */
function unionBox(a: CellBox | undefined, b: CellBox | undefined): CellBox | undefined {
  if (!a || !b || a.page !== b.page) return a ?? b;
  return { page: a.page, x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1), top: Math.min(a.top, b.top), bottom: Math.max(a.bottom, b.bottom) };
}

/** Below this OCR confidence a figure is marked `low_confidence`. */
export const LOW_CONFIDENCE = 60;

// `Rp`, OCR `R p`, `Ro`, and a lone `o.` where `Rp.` lost its R
const RP_MARK = /R\s*[po]\s*\.?|(?<![A-Za-z])o\s*\.(?=\s*\d)/g;

/** A row whose money cells carry `Rp` and whose figures spill into neighbouring cells. */
export function needsRupiahReassembly(cells: { text: string }[]): boolean {
  const marks = cells.reduce((n, c) => n + (c.text.match(RP_MARK)?.length ?? 0), 0);
  if (marks < 2) return false;
  return cells.some((c) => {
    const t = c.text.trim();
    if (t === '') return false;
    const marks = t.match(RP_MARK)?.length ?? 0;
    return marks >= 2 || (marks === 0 && /^[.,]?\d/.test(t)) || (marks === 1 && !/^R\s*[po]/i.test(t));
  });
}

/** A figure printed the way these documents print money, with no repair needed. */
function wellFormed(s: string): boolean {
  const r = parseDigits(s);
  return r.value !== null && !r.repaired && /^\d{1,3}([.,]\d{3})*(,\d{1,2})?$/.test(s);
}

/**
 * Join the pieces of one figure split over cells. The seam may have lost a dot
 * (`26|361.600`), repeated a digit (`11.224|1.950`, `2|25.238.800`) or be clean
 * (`11|.224.950`). All well-formed readings are returned, the plain join first.
 */
export function joinSplitFigure(pieces: string[]): { readings: string[]; note: string | null } {
  let options = [pieces[0].replace(/\s+/g, '')];
  for (const piece of pieces.slice(1)) {
    const p = piece.replace(/\s+/g, '');
    const next: string[] = [];
    for (const left of options) {
      next.push(left + p);
      if (!/[.,]$/.test(left) && !/^[.,]/.test(p)) next.push(`${left}.${p}`);
      if (p.length > 1) next.push(left + p.slice(1));
    }
    options = [...new Set(next)];
  }
  const good = options.filter(wellFormed);
  return { readings: good.length ? good : [options[0]], note: pieces.length > 1 ? `figure split over ${pieces.length} cells: ${pieces.map((p) => `'${p.trim()}'`).join(' + ')}` : null };
}

/**
 * Re-read a row's value cells as a stream of `Rp …` figures. Returns one ValueCell per figure;
 * where the join is ambiguous the reading that equals another figure of the row wins.
 */
export function reassembleRupiah(cells: { index: number; text: string; line: number; box?: CellBox }[]): ValueCell[] {
  type Seg = { index: number; line: number; pieces: string[]; raw: string[]; box?: CellBox };
  const segs: Seg[] = [];
  for (const c of cells) {
    const t = c.text.trim();
    if (t === '' || (isJunkText(t) && !/^R\s*p\s*\.?$/i.test(t))) continue;
    const parts = t.split(RP_MARK);
    const marks = t.match(RP_MARK) ?? [];
    parts.forEach((part, k) => {
      if (k > 0) segs.push({ index: c.index, line: c.line, pieces: [], raw: [], box: c.box });
      let seg = segs[segs.length - 1];
      if (!seg) {
        if (!/\d/.test(part)) return;
        seg = { index: c.index, line: c.line, pieces: [], raw: [], box: c.box };
        segs.push(seg);
      }
      seg.box = unionBox(seg.box, c.box);
      let piece = part.trim();
      if (seg.pieces.length === 0) piece = piece.replace(/^[.,\s]+/, '');
      if (/\d/.test(piece)) seg.pieces.push(piece);
      const rawPart = (k > 0 ? marks[k - 1] : '') + part;
      if (rawPart.trim() !== '') seg.raw.push(rawPart.trim());
    });
  }
  const out: ValueCell[] = [];
  const pending: { seg: Seg; readings: string[]; note: string | null }[] = [];
  for (const seg of segs) {
    if (seg.pieces.length === 0) continue;
    const joined = joinSplitFigure(seg.pieces);
    pending.push({ seg, readings: joined.readings, note: joined.note });
  }
  const firm = new Set(pending.filter((p) => p.readings.length === 1).map((p) => parseNumber(p.readings[0]).value));
  for (const p of pending) {
    // several joins are well-formed: the one equal to another figure of the row, else none
    // until arithmetic proves one (the validator's repairs)
    const pick = p.readings.length > 1 ? p.readings.find((r) => firm.has(parseNumber(r).value)) : p.readings[0];
    const reading = parseNumber(`Rp ${pick ?? p.readings[0]}`);
    if (p.note) {
      reading.repaired = true;
      reading.note = [p.note, reading.note].filter(Boolean).join('; ');
      const alts = p.readings.map((r) => parseNumber(r).value).filter((v): v is number => v !== null);
      if (alts.length > 1) reading.candidates = alts;
    }
    if (pick === undefined) {
      reading.value = null;
      reading.malformed = true;
      delete reading.repaired;
    }
    out.push({ index: p.seg.index, raw: p.seg.raw.join(' | '), reading, line: p.seg.line, ...(p.seg.box ? { box: p.seg.box } : {}) });
  }
  return out;
}

const SLOT_KINDS = new Set(['empty', 'dash', 'junk', 'error', 'multi']);

function compat(cell: ValueCell, kind: ValueKind): number {
  const r = cell.reading;
  if (r.kind === 'empty') return 0.15;
  if (SLOT_KINDS.has(r.kind)) return 0.3;
  if (kind === 'any') return 1;
  if (kind === 'text') return -2;
  const twoDecimals = /,\d{2}$/.test(cell.raw.trim());
  switch (r.kind) {
    case 'money':
      return { money: 2, count: -0.5, quantity: -0.5, percent: -1 }[kind];
    case 'percent':
      return { percent: 2, quantity: 1.2, count: 0.8, money: -1 }[kind];
    case 'quantity':
      return { quantity: 2, count: 1.2, percent: 0.5, money: -1 }[kind];
    case 'number':
      // `- 124,00` (two decimals) is a K percentage, `- 24` a K count
      if (r.bullet && twoDecimals && r.value !== 0) return { percent: 1.6, count: 1.2, quantity: 1.0, money: -0.5 }[kind];
      if (r.bullet) return { count: 1.8, quantity: 1.2, percent: 0.6, money: -0.5 }[kind];
      if (r.value === 0 && twoDecimals) return { money: 1.2, percent: 1.0, count: 0.8, quantity: 0.6 }[kind];
      if (twoDecimals) return { percent: 1.5, count: 0.6, quantity: 0.6, money: 0.3 }[kind];
      return { count: 1.5, quantity: 1.2, percent: 1.0, money: 0.3 }[kind];
    default:
      return 0;
  }
}

/**
 * Monotone alignment of printed cells to value columns (a small Needleman–Wunsch):
 * a cell may take a column, a column may stay unprinted, a cell may be left over.
 * Returns the column index per cell, or -1 for a left-over cell.
 */
export function alignToColumns(all: ValueCell[], cols: ColumnSpec[]): number[] {
  // empty cells after the last figure stand for trailing text columns, not values
  let end = all.length;
  while (end > 0 && all[end - 1].reading.kind === 'empty') end--;
  // more cells than columns: the surplus leading empty cells belong to empty text columns
  let lead = 0;
  while (end - lead > cols.length && all[lead]?.reading.kind === 'empty') lead++;
  if (cols.some((c) => c.formula)) {
    // leading empty cells may be empty text columns too: try each cut, keep the best
    let best: { score: number; out: number[] } | null = null;
    for (let cut = lead; cut < end && (cut === lead || all[cut - 1].reading.kind === 'empty'); cut++) {
      const n = end - cut;
      if (n > cols.length) continue;
      const r = alignByFormulas(all.slice(cut, end), cols, cut, all.length);
      if (r === null) { best = null; break; } // too many ways: fall back to the alignment below
      if (!best || r.score > best.score) best = r;
    }
    if (best) return best.out;
  }
  const cells = all.slice(lead, end);
  const n = cells.length;
  const m = cols.length;
  if (n === 0) return new Array<number>(all.length).fill(-1);
  const NEG = -1e9;
  const dp = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(NEG));
  const back = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  dp[0][0] = 0;
  const skipCell = (c: ValueCell) => (c.reading.value === null ? -0.05 : -3);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = dp[i][j];
      if (here === NEG) continue;
      if (i < n && j < m) {
        const s = here + compat(cells[i], cols[j].kind) + optionalBias(cells[i], cols[j]);
        if (s > dp[i + 1][j + 1]) { dp[i + 1][j + 1] = s; back[i + 1][j + 1] = 1; }
      }
      // a column left unprinted: rows lose empty cells in the middle far more often than at either end
      const skipCol = skipCost(cols, j, i === 0);
      if (j < m && here - skipCol > dp[i][j + 1]) { dp[i][j + 1] = here - skipCol; back[i][j + 1] = 2; }
      if (i < n) {
        const s = here + skipCell(cells[i]);
        if (s > dp[i + 1][j]) { dp[i + 1][j] = s; back[i + 1][j] = 3; }
      }
    }
  }
  const out = new Array<number>(all.length).fill(-1);
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const b = back[i][j];
    if (b === 1) { out[lead + i - 1] = j - 1; i--; j--; }
    else if (b === 2) j--;
    else i--;
  }
  return out;
}

const MAX_VISITS = 50_000;
// float slack for the search's bound, far below any difference of fit or formula bonus
const BOUND_SLACK = 1e-9;
// what a placement gains for each declared formula its figures satisfy
const FORMULA_HOLDS = 2.5;

/** How many ways n cells can sit in order in m columns, C(m, n), counted up to `cap`. */
function placements(m: number, n: number, cap: number): number {
  let c = 1;
  for (let k = 1; k <= n; k++) {
    c = (c * (m - n + k)) / k;
    if (c > cap) return Infinity;
  }
  return c;
}

/** Optional columns are the ones usually left empty: an empty cell fits them, a figure less so. */
function optionalBias(c: ValueCell, col: ColumnSpec): number {
  if (!col.optional) return 0;
  return c.reading.kind === 'empty' ? 0.05 : -0.1;
}


/** Cost of leaving column j of m unprinted: cheap in the middle, dear at the ends. */
function skipCost(cols: ColumnSpec[], j: number, before: boolean): number {
  const m = cols.length;
  if (cols[j]?.optional) return 0;
  return before ? 0.6 : 0.01 + 0.06 * (1 - (2 * Math.min(j, m - 1 - j)) / m);
}

/**
 * Every way of placing the cells in order over the columns, scored by type fit and by how
 * many of the family's formulas hold (a Jumlah that equals the sum of its parts, a
 * percentage that equals its ratio): the figures themselves say where they belong.
 */
function alignByFormulas(cells: ValueCell[], cols: ColumnSpec[], lead: number, total: number): { score: number; out: number[] } | null {
  const n = cells.length;
  const m = cols.length;
  // too many ways to try them all: known before searching, not after spending the budget
  if (placements(m, n, MAX_VISITS) === Infinity) return null;
  const formulas = cols.map((c, j) => (c.formula ? { j, f: parseFormula(c.formula) } : null)).filter((x): x is { j: number; f: Formula } => x !== null);
  const keyIndex = new Map(cols.map((c, j) => [c.key, j]));
  let best: { score: number; pick: number[] } | null = null;
  const pick: number[] = [];
  // figures still to place from cell i on: they need that many columns
  const need = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) need[i] = need[i + 1] + 1;
  // the fit of cell i in column j, and the cost of columns left unprinted, worked out once:
  // the search below reaches each pair many times
  const fit = cells.map((c) => cols.map((col) => compat(c, col.kind) + optionalBias(c, col)));
  // skipped[b][j]: the cost of leaving columns 0..j-1 unprinted, before the first figure (b = 1) or after it
  const skipped = [false, true].map((before) => {
    const acc = [0];
    for (let j = 0; j < m; j++) acc.push(acc[j] + skipCost(cols, j, before));
    return acc;
  });
  const skip = (from: number, to: number, before: boolean) => skipped[before ? 1 : 0][to] - skipped[before ? 1 : 0][from];
  // the most the cells from i on can still add when the next goes in column `from` or later: the
  // best placement of the rest by type fit and unprinted columns alone (formulas aside), worked
  // out once per (i, from) the search reaches. A branch that cannot reach the best placement
  // found, every open formula holding, is not explored.
  const restFit = new Float64Array((n + 1) * (m + 1)).fill(Number.NaN);
  const bestRest = (i: number, from: number): number => {
    const k = i * (m + 1) + from;
    if (!Number.isNaN(restFit[k])) return restFit[k];
    let r = -Infinity;
    if (i === n) r = -skip(from, m, false);
    else for (let j = from; j <= m - (n - i); j++) r = Math.max(r, fit[i][j] - skip(from, j, i === 0) + bestRest(i + 1, j + 1));
    restFit[k] = r;
    return r;
  };
  // the figure placed in each column so far (undefined: none)
  const valueAt = new Array<number | undefined>(m).fill(undefined);
  // each formula's operands as column positions, looked up once: the leaves below test them all
  const bound = formulas.map(({ j, f }) => ({ j, operands: f.columns.map((key) => keyIndex.get(key) ?? -1), needed: Math.min(2, f.columns.length), additive: f.additive, value: compileFormula(f, keyIndex) }));
  const holds = ({ j, operands, needed, additive, value }: (typeof bound)[number]): boolean => {
    const printed = valueAt[j];
    if (printed === undefined) return false;
    // a sum with one printed part just repeats that part: it proves no placement; nor does one
    // whose other parts are zeros (a `0,00` put in a column to make the sum "hold")
    let present = 0;
    for (const k of operands) if (k >= 0 && valueAt[k] !== undefined && (!additive || valueAt[k] !== 0)) present++;
    if (present < needed) return false;
    const expected = value(valueAt);
    // a zero that a near-zero ratio "explains" proves nothing
    return expected !== null && agrees(printed, expected, cols[j].kind) && !(printed === 0 && Math.abs(expected) < 1);
  };
  // A formula is decided once a figure sits past the last column it reads (later figures go
  // further right): its bonus is added then, once for the whole branch, not at every placement
  // below it. In order of that column; `settled` of them decided so far, adding `bonus`.
  const byLast = bound.map((b) => ({ b, last: Math.max(b.j, ...b.operands) })).sort((x, y) => x.last - y.last);
  let visits = 0;
  const visit = (i: number, from: number, score: number, bonus: number, settled: number) => {
    if (++visits > MAX_VISITS || m - from < need[i]) return;
    // the most this branch can reach: the rest placed at its best, the decided formulas' bonus,
    // every other formula holding (with a hair of slack: the bound adds up in another order)
    if (best && score + bestRest(i, from) + bonus + FORMULA_HOLDS * (byLast.length - settled) + BOUND_SLACK <= best.score) return;
    if (i === n) {
      // multiples of FORMULA_HOLDS: their sum is exact in any order
      let sum = bonus;
      for (let k = settled; k < byLast.length; k++) if (holds(byLast[k].b)) sum += FORMULA_HOLDS;
      const s = score - skip(from, m, false) + sum;
      if (!best || s > best.score) best = { score: s, pick: [...pick] };
      return;
    }
    const v = cells[i].reading.value;
    for (let j = from; j <= m - (n - i); j++) {
      pick.push(j);
      if (v !== null) valueAt[j] = v;
      let k = settled;
      let more = bonus;
      for (; k < byLast.length && byLast[k].last <= j; k++) if (holds(byLast[k].b)) more += FORMULA_HOLDS;
      visit(i + 1, j + 1, score + fit[i][j] - skip(from, j, i === 0), more, k);
      valueAt[j] = undefined;
      pick.pop();
    }
  };
  visit(0, 0, 0, 0, 0);
  if (visits > MAX_VISITS) return null;
  const out = new Array<number>(total).fill(-1);
  const found = best as { score: number; pick: number[] } | null;
  found?.pick.forEach((j, k) => { if (j >= 0) out[lead + k] = j; });
  return { score: found?.score ?? -Infinity, out };
}

/** Turn aligned cells into the record's values; empty slots are not values. */
export function toParsedValues(cells: ValueCell[], cols: ColumnSpec[], assignment: number[]): ParsedValue[] {
  const out: ParsedValue[] = [];
  let extra = 0;
  cells.forEach((c, i) => {
    if (c.reading.kind === 'empty' || c.reading.kind === 'junk') return;
    const col = assignment[i] >= 0 ? cols[assignment[i]] : null;
    // a figure whose separators read two ways (`102,513`) is read the way its column's figures are
    if ((col?.kind === 'percent' || col?.unit === '%') && /^\d{1,3},\d{3}$/.test(c.raw.trim())) c.reading = parseNumber(c.raw, { percent: true });
    const unit = c.reading.unit ?? (col && c.reading.value !== null ? col.unit : null);
    const v: ParsedValue = { column: col ? col.key : `extra_${++extra}`, raw: c.raw, value: c.reading.value, unit: unit ?? null };
    if (c.reading.repaired) v.repaired = true;
    if (c.reading.malformed) v.malformed = true;
    if (c.reading.note) v.note = c.reading.note;
    if (c.reading.candidates && c.reading.candidates.length > 1) v.candidates = c.reading.candidates;
    if (c.ocrText !== undefined && v.value !== null) {
      v.repaired = true;
      v.note = [`OCR read '${c.ocrText}': read back as a figure (look-alike letters as digits, a wrapped figure's pieces joined)`, v.note].filter(Boolean).join('; ');
    }
    if (c.confidence !== undefined) {
      v.confidence = c.confidence;
      if (c.confidence < LOW_CONFIDENCE) v.low_confidence = true;
    }
    v.line = c.line;
    if (c.box) v.bbox = [c.box.x0, c.box.top, c.box.x1, c.box.bottom].map((x) => Math.round(x * 10) / 10) as [number, number, number, number];
    out.push(v);
  });
  return out;
}
