// Arithmetic as OCR's proof-reader. A figure OCR read with doubt may hold one wrong digit (a 3
// read as 8, a 1 as 7). Where its parent's figure and the children's sum disagree, and changing
// one digit of one doubted figure makes the sum hold exactly, that reading is taken, marked
// repaired with the sum as proof. When more than one doubted figure could be the one, nothing is
// changed: each reading is reported with the sum that would prove it.

import type { DocWarning, LogicalRow } from '../model.js';
import { agrees } from '../formula.js';
import { applyRepair, childrenOf, keyOf, label, liveRows, moneyColumns, num, parentKey, repairedWarning, shown, value, whereOf, type FigureAt, type TableView } from './context.js';

type Doubted = FigureAt;

/** The digits of a figure as printed in whole units (two decimals kept when it has them). */
function digits(x: number): string {
  return Number.isInteger(x) ? String(Math.abs(x)) : Math.abs(x).toFixed(2);
}

/** Do two figures differ in exactly one digit, with as many digits each? */
export function oneDigitApart(a: number, b: number): boolean {
  if (a === b || Math.sign(a) !== Math.sign(b)) return false;
  const [p, q] = [digits(a), digits(b)];
  if (p.length !== q.length) return false;
  let diff = 0;
  for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) diff++;
  return diff === 1;
}

const sumOf = (rows: LogicalRow[], key: string) => rows.reduce((a, r) => a + (value(r, key) ?? 0), 0);

/** A reading that mends one sum: the figure it gives, why, and the parent whose sum it is. */
interface Reading {
  x: number;
  why: string;
  sum: string;
}

/** The row's parent in its table and the parent's figure in `column`, when both are there. */
function parentFigure(view: TableView, key: string, column: string): { key: string; row: LogicalRow; x: number } | null {
  const parent = parentKey(key);
  const row = parent ? view.byCode.get(parent) : undefined;
  const x = row ? value(row, column) : null;
  return parent && row && x !== null ? { key: parent, row, x } : null;
}

const figuredChildren = (view: TableView, key: string, column: string) => childrenOf(view, key).filter((k) => value(k, column) !== null);

/**
 * The readings of a doubted figure one digit away from what it printed that make a sum hold:
 * as a parent, the sum of its children; as a child, its parent less its siblings.
 */
function sumReadings({ view, row, v }: Doubted): Reading[] {
  const key = keyOf(row)!;
  const out: Reading[] = [];
  const kids = figuredChildren(view, key, v.column);
  if (kids.length) {
    const x = sumOf(kids, v.column);
    if (oneDigitApart(v.value!, x)) out.push({ x, why: `the sum of its ${kids.length} children`, sum: key });
  }
  const p = parentFigure(view, key, v.column);
  if (p) {
    const others = childrenOf(view, p.key).filter((s) => s !== row);
    const x = p.x - sumOf(others, v.column);
    if (oneDigitApart(v.value!, x)) out.push({ x, why: `the parent ${shown(p.key)} (l.${p.row.line}) less its other ${others.length} children`, sum: p.key });
  }
  return out;
}

/** Does the figure's own reading hold in the sums it is part of? */
function holds({ view, row, v }: Doubted): boolean {
  const key = keyOf(row)!;
  const kids = figuredChildren(view, key, v.column);
  if (kids.length && !agrees(v.value!, sumOf(kids, v.column), 'money')) return false;
  const p = parentFigure(view, key, v.column);
  return !p || agrees(p.x, sumOf(childrenOf(view, p.key), v.column), 'money');
}

/**
 * Proof-read every OCR figure read with a confidence below `doubtBelow`: one whose sums fail and
 * that one digit changed makes whole is read so; when two doubted figures of one sum could each
 * be the wrong one, both readings are reported and nothing changes.
 */
export function proofreadDigits(views: TableView[], doubtBelow: number, out: DocWarning[]): void {
  // only money adds up from children to parent (a programme's 100 % target is no sum of its kegiatan's)
  const doubted: Doubted[] = views.flatMap((view) => {
    const money = new Set(moneyColumns(view).map((c) => c.key));
    return liveRows(view.rows).filter((row) => keyOf(row) !== null).flatMap((row) =>
      row.values.filter((v) => money.has(v.column) && v.value !== null && v.confidence !== undefined && v.confidence < doubtBelow && !v.proof).map((v) => ({ view, row, v })));
  });
  const found = doubted.filter((d) => !holds(d)).map((d) => ({ d, readings: sumReadings(d) }))
    // two sums proving two readings of one figure: it is not known which
    .filter((f) => f.readings.length > 0 && f.readings.every((r) => r.x === f.readings[0].x));
  const sumId = (f: (typeof found)[number]) => `${f.d.view.table.id}|${f.d.v.column}|${f.readings[0].sum}`;
  const bySum = new Map<string, number>();
  for (const f of found) bySum.set(sumId(f), (bySum.get(sumId(f)) ?? 0) + 1);
  for (const f of found) {
    const { d, readings: [r] } = f;
    if ((bySum.get(sumId(f)) ?? 0) > 1) {
      // another doubted figure of the same sum mends it as well: which one OCR misread is not known
      out.push({ type: 'ocr_digit_doubt', ...whereOf(d), message: `${label(d.view.table)} '${d.v.raw}' (${d.v.column}) read with confidence ${d.v.confidence}: ${num(r.x)} would make ${r.why} hold, as would another doubted figure of the same sum; kept as read` });
      continue;
    }
    applyRepair(d.v, r.x, `${r.why}, one digit apart from the ${num(d.v.value!)} OCR read with confidence ${d.v.confidence}`);
    out.push(repairedWarning(d));
  }
}
