// Parent = Σ children for every money column: urusan ← bidang ← program ← kegiatan ←
// sub-kegiatan, and the total row ← programs. Inconsistencies become warnings.

import type { DocWarning, LogicalRow } from '../model.js';
import { agrees } from '../formula.js';
import { childrenOf, columnLabel, label, moneyColumns, num, shown, value, type TableView } from './context.js';

/** Σ of the children's figures in a column; null when no child prints one. */
export function childSum(view: TableView, code: string, key: string): { sum: number; kids: LogicalRow[] } | null {
  const kids = childrenOf(view, code);
  const printed = kids.map((k) => value(k, key)).filter((v): v is number => v !== null);
  if (kids.length === 0 || printed.length === 0) return null;
  return { sum: printed.reduce((a, b) => a + b, 0), kids };
}

const KID_LEVEL: Record<string, string> = { urusan: 'bidang/program', bidang: 'program', program: 'kegiatan', kegiatan: 'sub-kegiatan' };

const RANK: Record<string, number> = { total: 0, urusan: 1, bidang: 2, program: 3, kegiatan: 4, sub_kegiatan: 5 };

/**
 * Parents whose block (the rows below them down to the next row of their level or higher)
 * holds a data row without a code: their children are not all known, so no sum is checked.
 */
function incompleteParents(view: TableView): Set<LogicalRow> {
  const out = new Set<LogicalRow>();
  const rows = view.rows.filter((r) => r.kind === 'data' && r.duplicateOf === null);
  rows.forEach((r, i) => {
    const rank = RANK[r.level];
    if (!r.code || r.account || rank === undefined) return;
    for (const next of rows.slice(i + 1)) {
      const nr = RANK[next.level];
      if (next.code && nr !== undefined && nr <= rank) break;
      if (!next.code) {
        out.add(r);
        break;
      }
    }
  });
  return out;
}

export function checkSums(view: TableView, out: DocWarning[]): void {
  const cols = moneyColumns(view);
  const incomplete = incompleteParents(view);
  for (const [key, parent] of view.byCode) {
    const code = shown(key);
    if (incomplete.has(parent)) continue;
    for (const c of cols) {
      const v = value(parent, c.key);
      if (v === null) continue;
      const s = childSum(view, key, c.key);
      const kids = childrenOf(view, key);
      if (!s) {
        if (kids.length && v !== 0) {
          out.push({ type: 'children_missing_values', table: view.table.id, line: parent.line, code, message: `${label(view.table)} ${columnLabel(c)}: ${parent.level} ${code} has ${num(v)} but none of its ${kids.length} ${KID_LEVEL[parent.level] ?? 'children'} print a figure (${kids.map((k) => `l.${k.line}`).join(', ')})` });
        }
        continue;
      }
      if (!agrees(v, s.sum, 'money')) {
        out.push({ type: 'sum_mismatch', table: view.table.id, line: parent.line, code, printed: v, expected: s.sum, message: `${label(view.table)} ${columnLabel(c)}: ${parent.level} ${code} ${num(v)} ≠ Σ ${s.kids.length} ${KID_LEVEL[parent.level] ?? 'children'} ${num(s.sum)} (difference ${num(v - s.sum)})` });
      }
    }
  }
  checkTotals(view, cols, out);
}

/** Total rows against the top of the hierarchy printed in the table. */
function checkTotals(view: TableView, cols: ReturnType<typeof moneyColumns>, out: DocWarning[]): void {
  const totals = view.rows.filter((r) => r.kind === 'total' && r.duplicateOf === null);
  const coded = [...view.byCode.values()];
  const programs = coded.filter((r) => r.level === 'program');
  if (!totals.length || !programs.length) return;
  for (const t of totals) {
    for (const c of cols) {
      const v = value(t, c.key);
      if (v === null) continue;
      const printed = programs.map((p) => value(p, c.key)).filter((x): x is number => x !== null);
      if (!printed.length) continue;
      const sum = printed.reduce((a, b) => a + b, 0);
      if (!agrees(v, sum, 'money')) {
        out.push({ type: 'sum_mismatch', table: view.table.id, line: t.line, code: null, printed: v, expected: sum, message: `${label(view.table)} ${columnLabel(c)}: total '${t.name}' ${num(v)} ≠ Σ ${programs.length} programs ${num(sum)} (difference ${num(v - sum)})` });
      }
    }
  }
}
