// Totals the text states against the tables: a rupiah amount in the narrative within 2% of a
// table's column total but not equal to it is reported (it cannot be both).

import type { DocWarning, LayoutLine, TableBlock } from '../model.js';
import { parseNumber } from '../normalize/numbers.js';
import { agrees } from '../formula.js';
import { columnLabel, label, moneyColumns, num, value, type TableView } from './context.js';

interface Stated {
  line: number;
  amount: number;
  raw: string;
}

function statedAmounts(lines: LayoutLine[], tables: TableBlock[]): Stated[] {
  const inTable = (n: number) => tables.some((t) => n >= t.line && n <= t.endLine);
  const out: Stated[] = [];
  for (const l of lines) {
    if (l.cells.length > 1 || inTable(l.line)) continue;
    for (const m of l.text.matchAll(/Rp\.?\s*([\d][\d.,]*\d)(?:,-)?/g)) {
      const r = parseNumber(`Rp ${m[1]}`);
      if (r.value !== null && r.value >= 1e6) out.push({ line: l.line, amount: r.value, raw: m[0] });
    }
  }
  return out;
}

function columnTotals(view: TableView): { what: string; total: number }[] {
  const out: { what: string; total: number }[] = [];
  const programs = [...view.byCode.values()].filter((r) => r.level === 'program');
  for (const c of moneyColumns(view)) {
    const printed = programs.map((p) => value(p, c.key)).filter((v): v is number => v !== null);
    if (printed.length) out.push({ what: `Σ programs of ${label(view.table)} ${columnLabel(c)}`, total: printed.reduce((a, b) => a + b, 0) });
    for (const t of view.rows.filter((r) => r.kind === 'total')) {
      const v = value(t, c.key);
      if (v !== null) out.push({ what: `${label(view.table)} ${columnLabel(c)} total`, total: v });
    }
  }
  return out;
}

export function checkNarrative(lines: LayoutLine[], views: TableView[], out: DocWarning[]): void {
  const totals = views.flatMap(columnTotals);
  for (const s of statedAmounts(lines, views.map((v) => v.table))) {
    if (totals.some((t) => agrees(s.amount, t.total, 'money'))) continue;
    const near = totals.filter((t) => Math.abs(t.total - s.amount) <= 0.02 * t.total).sort((a, b) => Math.abs(a.total - s.amount) - Math.abs(b.total - s.amount))[0];
    if (!near) continue;
    out.push({ type: 'narrative_mismatch', table: null, line: s.line, code: null, message: `the text states ${s.raw.trim()} (${num(s.amount)}), close to but not equal to ${near.what} ${num(near.total)} (difference ${num(s.amount - near.total)})` });
  }
}
