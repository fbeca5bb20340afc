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

/** The row's figure in `key` prints the decimals a slip needs to show (`ratio_fix_min_decimals`). */
function fine(row: LogicalRow, key: string, s: Figures): boolean {
  const cell = row.values.find((v) => v.column === key && v.value !== null);
  return cell !== undefined && printedDecimals(cell.raw) >= s.ratio_fix_min_decimals;
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

/** The row prints the ratio's percent with its two figures as read. */
const holds = (row: LogicalRow, r: Ratio) => printsWith(row, r, r.part, value(row, r.part) ?? NaN);

/**
 * The row could show the ratio: it prints a percent other than 100 % and 0 % (which hold for any
 * two columns that happen to agree: a contract as large as its budget) beside two amounts.
 */
const telling = (row: LogicalRow, r: Ratio) => {
  const pc = value(row, r.percent);
  return pc !== null && pc !== 100 && pc !== 0 && isMoney(value(row, r.part)) && isMoney(value(row, r.whole));
};

/** Every ratio the rows' columns could form: a percent column over two others, `percents` limiting the first. */
function candidateRatios(rows: LogicalRow[], percents: (key: string) => boolean = () => true): Ratio[] {
  const keys = [...new Set(rows.flatMap((r) => r.values.map((v) => v.column)))];
  return keys.filter(percents).flatMap((percent) => keys.flatMap((whole) => keys
    .filter((part) => new Set([percent, whole, part]).size === 3)
    .map((part) => ({ percent, part, whole }))));
}

/** The ratios that hold on the rows of a table of no family (none when its family declares its formulas). */
export function inferRatios(view: TableView, s: Figures): Ratio[] {
  if (view.table.family !== null) return [];
  const rows = liveRows(view.rows).filter((r) => r.kind === 'data');
  return candidateRatios(rows).filter((r) => {
    const checked = rows.filter((row) => isMoney(value(row, r.whole)) && isMoney(value(row, r.part)) && value(row, r.percent) !== null);
    const holding = checked.filter((row) => holds(row, r));
    return holding.filter((row) => telling(row, r)).length >= s.ratio_min_rows && holding.length >= s.ratio_min_share * checked.length;
  });
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
  if (!telling(row, r) || !fine(row, r.percent, s) || holds(row, r)) return null;
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
    const live = liveRows(view.rows);
    const rows = live.filter((r) => r.kind === 'data' && r.values.some(doubted));
    if (rows.length === 0) continue;
    // only a percent column printed fine enough on some row can tell a slip
    for (const ratio of candidateRatios(live, (key) => live.some((r) => fine(r, key, s)))) {
      const held = live.filter((r) => telling(r, ratio) && fine(r, ratio.percent, s) && holds(r, ratio)).length;
      const fixes = rows.map((r) => fixOf(view, r, ratio, doubted, s)).filter((f): f is RatioFix => f !== null);
      if (held + fixes.length < s.ratio_min_rows) continue;
      for (const f of fixes) {
        const was = f.at.v.value!;
        applyRepair(f.at.v, f.x, `the ratio ${ratio.percent} = ${ratio.part} / ${ratio.whole} × 100 its row prints (as ${held + fixes.length} rows of the table do), one slip from the ${num(was)} OCR read with confidence ${f.at.v.confidence}`);
        out.push(repairedWarning(f.at));
      }
    }
  }
}
