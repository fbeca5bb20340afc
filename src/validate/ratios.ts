// The percent column of a table no family describes (`Target anggaran | Realisasi anggaran | %`,
// a header a scan may have lost): where the percent is realisation over target on nearly every
// row, that ratio is the table's own arithmetic and may prove how a doubtful figure of the row
// reads. Inferred from the figures, never from a header or a caption.

import type { LogicalRow } from '../model.js';
import type { Figures } from '../settings.js';
import { liveRows, value, type TableView } from './context.js';

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
