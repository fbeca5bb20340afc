// Repairs, only where another figure proves them: a truncated `125.657.70`, a malformed
// `2.754.6000`, a figure split over cells with two readings, a Jumlah that lost its last
// digit group (`52.659` for 52.659.400). The proof is a parent or children sum, a row
// formula, or the same code's figure in another table. Unproved oddities stay as printed
// and are reported (`malformed_number`).

import type { DocWarning, LogicalRow, ParsedValue } from '../model.js';
import { agrees, evaluate, parseFormula } from '../formula.js';
import { DEFAULT_SETTINGS, type Figures } from '../settings.js';
import { inferRatios, printsWith, type Ratio } from './ratios.js';
import { applyRepair, childrenOf, keyOf, label, liveRows, parentKey, repairedWarning, shown, value, whereOf, type FigureAt, type TableView } from './context.js';

type Target = FigureAt;

/** Why a reading x of the value is right, or null when nothing says so. */
function evidence(t: Target, x: number, views: TableView[]): string | null {
  const { view, row, v } = t;
  const key = v.column;
  const code = keyOf(row);
  const col = view.columns.get(key);
  const withX = (r: LogicalRow, k: string) => (r === row && k === key ? x : value(r, k));
  if (code) {
    const kids = childrenOf(view, code).filter((k) => withX(k, key) !== null);
    if (kids.length && agrees(x, kids.reduce((a, k) => a + (withX(k, key) ?? 0), 0), 'money')) return `the sum of its ${kids.length} children`;
    const parent = parentKey(code);
    const p = parent ? view.byCode.get(parent) : undefined;
    const pv = p ? value(p, key) : null;
    if (parent && p && pv !== null) {
      const sibs = childrenOf(view, parent);
      if (agrees(pv, sibs.reduce((a, s) => a + (withX(s, key) ?? 0), 0), 'money')) return `the parent ${shown(parent)} (l.${p.line}) = Σ its children`;
    }
  }
  for (const c of view.table.columns) {
    if (!c.formula) continue;
    const f = parseFormula(c.formula);
    if (c.key !== key && !f.columns.includes(key)) continue;
    const expected = evaluate(f, (k) => withX(row, k));
    const printed = withX(row, c.key);
    if (expected !== null && printed !== null && f.columns.some((k) => k !== key && value(row, k) !== null) && agrees(printed, expected, c.kind)) return `the row formula ${c.key} = ${c.formula}`;
  }
  if (code && col?.kind === 'money') {
    for (const other of views) {
      if (other === view) continue;
      const r = other.byCode.get(code);
      if (r && r.values.some((o) => o.value === x && o.unit === 'Rp')) return `${label(other.table)} l.${r.line}, same code`;
    }
  }
  return null;
}

/** A figure whose reading is not settled by its print: malformed, joined from pieces, or with several readings. */
function suspicious(v: ParsedValue): boolean {
  return !!v.malformed || !!v.repaired || (v.candidates?.length ?? 0) > 1;
}

/** A money figure that is a printed prefix of what its formula or children say it should be. */
function lostTail(printed: number, expected: number): boolean {
  if (printed <= 0 || expected <= printed) return false;
  const p = String(Math.round(printed));
  const e = String(Math.round(expected));
  return e.startsWith(p) && e.length - p.length >= 1 && e.length - p.length <= 3;
}

/**
 * The one reading of a money figure that makes its row print the percent a ratio of the table
 * says (`% = realisasi / target × 100`), with the ratio as proof; null when none or several do.
 */
function ratioReading(t: Target, readings: number[], ratios: Ratio[]): { x: number; why: string } | null {
  for (const r of ratios) {
    if (t.v.column !== r.part && t.v.column !== r.whole) continue;
    const fits = readings.filter((x) => x !== 0 && printsWith(t.row, r, t.v.column, x));
    if (fits.length === 1) return { x: fits[0], why: `the ratio ${r.percent} = ${r.part} / ${r.whole} × 100, which the table's rows hold` };
  }
  return null;
}

/** Decimals a figure prints after its decimal comma (`59,3152` → 4, `1.350.000,00` → 2), or null. */
function commaDecimals(raw: string): number | null {
  return /^\s*-?(Rp\.?\s*)?\d{1,3}(\.\d{3})*,(\d+)\s*%?\s*$/i.exec(raw)?.[3].length ?? null;
}

/**
 * A malformed figure whose last stop is its decimal comma misread (`97.6972`: a glyph too many in
 * a thousands group, or a decimal; `649.930.000.00`: a lost digit, or cents) read as that
 * decimal, where its column prints as many decimals after a decimal comma on
 * `decimal_format_min_rows` rows (a sheet's percent or money column, whose comma OCR read as a stop).
 */
function formatReading(t: Target, readings: number[], s: Figures): { x: number; why: string } | null {
  const m = /^\s*(\d{1,3}(?:\.\d{3})*)\.(\d+)\s*%?\s*$/.exec(t.v.raw);
  const x = m ? Number(`${m[1].replace(/\./g, '')}.${m[2]}`) : NaN;
  if (!m || !readings.includes(x)) return null;
  const rows = liveRows(t.view.rows).filter((r) => r.values.some((v) => v.column === t.v.column && v.value !== null && commaDecimals(v.raw) === m[2].length)).length;
  return rows >= s.decimal_format_min_rows ? { x, why: `its column prints ${m[2].length} decimals after a decimal comma on ${rows} rows: the stop is that comma, misread` } : null;
}

export function repairValues(views: TableView[], out: DocWarning[], s: Figures = DEFAULT_SETTINGS.figures): void {
  const targets: Target[] = views.flatMap((view) => liveRows(view.rows).flatMap((row) => row.values.filter((v) => v.value !== null || v.malformed).map((v) => ({ view, row, v }))));
  const ratios = new Map<TableView, Ratio[]>();
  for (const t of targets.filter((x) => suspicious(x.v))) {
    const readings = [...new Set([...(t.v.value !== null ? [t.v.value] : []), ...(t.v.candidates ?? [])])];
    const proved = readings.map((x) => ({ x, why: evidence(t, x, views) })).filter((r) => r.why !== null);
    if (proved.length) {
      applyRepair(t.v, proved[0].x, proved[0].why!);
      continue;
    }
    if (!ratios.has(t.view)) ratios.set(t.view, inferRatios(t.view, s));
    const byRow = ratioReading(t, readings, ratios.get(t.view)!) ?? formatReading(t, readings, s);
    if (byRow) applyRepair(t.v, byRow.x, byRow.why);
  }
  for (const t of targets) restoreLostTail(t);
  for (const t of targets) {
    if (t.v.malformed) {
      out.push({ type: 'malformed_number', ...whereOf(t), message: `${label(t.view.table)} '${t.v.raw}' (${t.v.column}): ${t.v.note ?? 'not a well-formed figure'}; kept as printed, no value` });
    } else if (t.v.proof) out.push(repairedWarning(t));
  }
}

/** `Rp. 52.659` where Jumlah = BO + BM gives 52.659.400: the last digit group was cut off. */
function restoreLostTail(t: Target): void {
  const { view, row, v } = t;
  const col = view.columns.get(v.column);
  if (!col || col.kind !== 'money' || v.value === null) return;
  let expected: number | null = null;
  let why = '';
  if (col.formula) {
    expected = evaluate(parseFormula(col.formula), (k) => value(row, k));
    why = `the row formula ${col.key} = ${col.formula}`;
  }
  const own = keyOf(row);
  if ((expected === null || !lostTail(v.value, expected)) && own) {
    const kids = childrenOf(view, own).map((k) => value(k, v.column)).filter((x): x is number => x !== null);
    if (kids.length) {
      expected = kids.reduce((a, b) => a + b, 0);
      why = `the sum of its ${kids.length} children`;
    }
  }
  if (expected === null || !lostTail(v.value, expected)) return;
  applyRepair(v, expected, `last digit group lost in print; restored from ${why}`);
}
