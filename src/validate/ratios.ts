// The percent column of a table no family describes (`Target anggaran | Realisasi anggaran | %`,
// a header a scan may have lost): where the percent is realisation over target on nearly every
// row, that ratio is the table's own arithmetic and may prove how a doubtful figure of the row
// reads. Inferred from the figures, never from a header or a caption.

import type { DocWarning, LogicalRow, ParsedValue } from '../model.js';
import type { Figures } from '../settings.js';
import { applyRepair, liveRows, num, repairedWarning, value, type FigureAt, type TableView } from './context.js';

/** `percent = part / whole × 100`, by column key. */
export interface Ratio {
  percent: string;
  part: string;
  whole: string;
}

/** Decimals printed after the decimal comma or stop of a percent (`97,25` → 2, `100` → 0). */
function printedDecimals(raw: string): number {
  const m = /[.,](\d{1,4})\s*%?\s*$/.exec(raw.trim());
  return m ? m[1].length : 0;
}

/**
 * Does `expected` print as the row's percent? Within one unit of its last printed digit: a
 * percent is rounded or cut at its last digit, and one unit tells apart readings of a figure
 * that differ in a digit of its thousands.
 */
export function printsAs(row: LogicalRow, percent: string, expected: number): boolean {
  const cell = row.values.find((v) => v.column === percent);
  if (!cell || cell.value === null || !Number.isFinite(expected)) return false;
  return Math.abs(cell.value - expected) <= 10 ** -printedDecimals(cell.raw) + 1e-9;
}

/** Does the row print the ratio's percent when its figure in `column` reads `x`? */
export function printsWith(row: LogicalRow, r: Ratio, column: string, x: number): boolean {
  const part = column === r.part ? x : value(row, r.part);
  const whole = column === r.whole ? x : value(row, r.whole);
  return part !== null && whole !== null && whole !== 0 && printsAs(row, r.percent, (part / whole) * 100);
}

const isMoney = (x: number | null): x is number => x !== null && Number.isInteger(x) && x >= 1000;

/** The ratios that hold on the rows of a table of no family (none when its family declares its formulas). */
export function inferRatios(view: TableView, s: Figures): Ratio[] {
  if (view.table.family !== null) return [];
  const rows = liveRows(view.rows).filter((r) => r.kind === 'data');
  const keys = [...new Set(rows.flatMap((r) => r.values.map((v) => v.column)))];
  const out: Ratio[] = [];
  for (const percent of keys) {
    for (const whole of keys) {
      for (const part of keys) {
        if (new Set([percent, whole, part]).size < 3) continue;
        const checked = rows.filter((r) => isMoney(value(r, whole)) && isMoney(value(r, part)) && value(r, percent) !== null);
        const holding = checked.filter((r) => printsAs(r, percent, (value(r, part)! / value(r, whole)!) * 100));
        // 100 % (a figure equal to another: a contract as large as its budget) and 0 % hold for any
        // two columns that happen to agree; only other percents show the ratio is the column's
        const telling = holding.filter((r) => value(r, percent) !== 100 && value(r, percent) !== 0).length;
        if (telling >= s.ratio_min_rows && holding.length >= s.ratio_min_share * checked.length) out.push({ percent, part, whole });
      }
    }
  }
  return out;
}

/**
 * The integers one OCR slip away from `x`: one digit read as another, or one glyph too many (a
 * stop read as `1`: `1341560000` for 134.560.000). Leading zeros are no reading.
 */
export function oneSlipReadings(x: number): number[] {
  if (!Number.isSafeInteger(x) || x < 0) return [];
  const d = String(x);
  const out = new Set<number>();
  for (let i = 0; i < d.length; i++) {
    for (const c of '0123456789') {
      if (c !== d[i] && !(i === 0 && c === '0')) out.add(Number(d.slice(0, i) + c + d.slice(i + 1)));
    }
    const fewer = d.slice(0, i) + d.slice(i + 1);
    if (fewer !== '' && !fewer.startsWith('0')) out.add(Number(fewer));
  }
  out.delete(x);
  return [...out];
}

/** A doubted figure of a row and the one reading the row's printed percent proves. */
interface RatioFix {
  at: FigureAt;
  x: number;
  ratio: Ratio;
}

/**
 * The one reading, one slip away, of one of the row's doubted figures that makes the row print
 * the ratio's percent; null when none or several do. Only a percent printed to
 * `ratio_fix_min_decimals` can tell a slip: coarser, some reading fits by chance.
 */
function fixOf(view: TableView, row: LogicalRow, r: Ratio, doubted: (v: ParsedValue) => boolean, s: Figures): RatioFix | null {
  const pc = row.values.find((v) => v.column === r.percent);
  const [part, whole] = [value(row, r.part), value(row, r.whole)];
  if (!pc || pc.value === null || part === null || whole === null || whole === 0 || printedDecimals(pc.raw) < s.ratio_fix_min_decimals) return null;
  if (printsAs(row, r.percent, (part / whole) * 100)) return null;
  const fixes: RatioFix[] = [];
  for (const v of row.values.filter((x) => (x.column === r.part || x.column === r.whole) && x.value !== null && doubted(x))) {
    for (const x of oneSlipReadings(v.value!)) if (printsWith(row, r, v.column, x)) fixes.push({ at: { view, row, v }, x, ratio: r });
  }
  return fixes.length === 1 ? fixes[0] : null;
}

/**
 * OCR's doubted money figures proof-read by a percent printed beside them. In a table of no
 * family, a percent column whose rows print the ratio of two money columns — as read, or after one
 * OCR slip in one doubted figure of the row — at least `ratio_min_rows` times (0 % and 100 % do
 * not count) is that ratio; a row it proves one slip in is read so, marked repaired with the proof.
 */
export function proofreadRatios(views: TableView[], doubtBelow: number, s: Figures, out: DocWarning[]): void {
  const doubted = (v: ParsedValue) => v.confidence !== undefined && v.confidence < doubtBelow && !v.proof;
  for (const view of views) {
    if (view.table.family !== null) continue;
    const rows = liveRows(view.rows).filter((r) => r.kind === 'data' && r.values.some(doubted));
    if (rows.length === 0) continue;
    const keys = [...new Set(liveRows(view.rows).flatMap((r) => r.values.map((v) => v.column)))];
    for (const percent of keys) {
      for (const whole of keys) {
        for (const part of keys) {
          if (new Set([percent, whole, part]).size < 3) continue;
          const ratio = { percent, part, whole };
          const pc = (r: LogicalRow) => r.values.find((v) => v.column === percent && v.value !== null);
          const telling = (r: LogicalRow) => pc(r) !== undefined && value(r, percent) !== 100 && value(r, percent) !== 0 && isMoney(value(r, part)) && isMoney(value(r, whole));
          const held = liveRows(view.rows).filter((r) => telling(r) && printedDecimals(pc(r)!.raw) >= s.ratio_fix_min_decimals &&
            printsAs(r, percent, (value(r, part)! / value(r, whole)!) * 100));
          const fixes = rows.filter(telling).map((r) => fixOf(view, r, ratio, doubted, s)).filter((f): f is RatioFix => f !== null);
          if (held.length + fixes.length < s.ratio_min_rows) continue;
          for (const f of fixes) {
            const was = f.at.v.value!;
            applyRepair(f.at.v, f.x, `the ratio ${percent} = ${part} / ${whole} × 100 its row prints (as ${held.length + fixes.length} rows of the table do), one slip from the ${num(was)} OCR read with confidence ${f.at.v.confidence}`);
            out.push(repairedWarning(f.at));
          }
        }
      }
    }
  }
}
