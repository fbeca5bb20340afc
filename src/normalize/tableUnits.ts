// A table's stated money scale applied to its figures (src/normalize/moneyUnit.ts reads the
// statement): the figures stay as printed, their unit becomes `Rp ribu` / `Rp juta`, unless the
// document proves them full rupiah, which is a `thousands_header` warning instead.

import type { DocWarning, LogicalRow, ParsedValue, TableBlock } from '../model.js';
import { plausibleIn, statedMoneyUnit, type MoneyUnit } from './moneyUnit.js';

// a table stating thousands whose codes print the same figures as unscaled tables in at least this
// share of its codes prints full rupiah
const MONEY_UNIT_AGREEMENT = 0.5;

const isMoney = (v: ParsedValue) => v.value !== null && v.unit !== '%' && (v.unit === 'Rp' || /^\d{1,3}([.,]\d{3})+/.test(v.raw.trim()));

/** The figures each code has in the tables that state no scale: full rupiah. */
function unscaledFigures(rows: LogicalRow[][], stated: (MoneyUnit | null)[]): Map<string, Set<number>> {
  const plain = new Map<string, Set<number>>();
  rows.forEach((rs, i) => {
    if (stated[i]) return;
    for (const r of rs) if (r.code) for (const v of r.values) if (v.value !== null) plain.set(r.code, (plain.get(r.code) ?? new Set()).add(v.value));
  });
  return plain;
}

/** Set the stated unit on one table's money figures, or say why it is not believed. */
function applyUnit(t: TableBlock, rs: LogicalRow[], unit: MoneyUnit, plain: Map<string, Set<number>>, maxRupiah: number): DocWarning[] {
  const money = rs.flatMap((r) => r.values).filter(isMoney);
  // the table's typical figure decides (one row printed in full rupiah by mistake does not)
  const sizes = money.map((v) => Math.abs(v.value!)).sort((a, b) => a - b);
  const typical = sizes.length ? sizes[Math.floor(sizes.length / 2)] : 0;
  const outliers = sizes.filter((x) => !plausibleIn(unit, x, maxRupiah));
  // the same code with the same figure in a table that states no scale: the figures are rupiah
  const coded = rs.filter((r) => r.code && plain.has(r.code) && r.values.some(isMoney));
  const same = coded.filter((r) => r.values.some((v) => isMoney(v) && plain.get(r.code!)!.has(v.value!)));
  const asRupiah = coded.length > 0 && same.length >= MONEY_UNIT_AGREEMENT * coded.length;
  const max = maxRupiah.toLocaleString('id-ID');
  const name = t.label ?? t.id;
  if (!asRupiah && plausibleIn(unit, typical, maxRupiah)) {
    for (const v of money) v.unit = unit;
    if (outliers.length === 0) return [];
    return [{ type: 'thousands_header', table: t.id, line: t.line, message: `table ${name} states ${unit}; ${outliers.length} of its figures (largest ${outliers[outliers.length - 1].toLocaleString('id-ID')}) would then be over ${max} rupiah: printed in full rupiah by mistake?` }];
  }
  const why = asRupiah
    ? `${same.length} of its ${coded.length} codes print the same figures in tables that state no scale`
    : `its typical figure ${typical.toLocaleString('id-ID')} would then be over ${max} rupiah`;
  return [{ type: 'thousands_header', table: t.id, line: t.line, message: `header of table ${name} says ${unit} but ${why}; figures kept as printed, in rupiah` }];
}

/** Each table's money figures in the unit its header or caption states; the warnings of each table. */
export function applyStatedMoneyUnits(tables: TableBlock[], rows: LogicalRow[][], maxRupiah: number): DocWarning[][] {
  const stated = tables.map((t) => statedMoneyUnit([t.caption ?? '', ...t.headerLines.map((h) => h.text)].join(' ')));
  const plain = unscaledFigures(rows, stated);
  return tables.map((t, i) => (stated[i] ? applyUnit(t, rows[i], stated[i]!, plain, maxRupiah) : []));
}
