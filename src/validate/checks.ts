// Row checks declared by the table families (a realisation that exceeds its end-of-period
// target), units that differ between columns of the same measure in one row (`100` vs
// `100%`), and rows that print none of a kind of figure every other row prints.

import type { ColumnSpec, DocWarning } from '../model.js';
import { FAMILIES } from '../tables/families.js';
import { cell, columnLabel, label, liveRows, num, value, type TableView } from './context.js';

export function checkDeclared(view: TableView, out: DocWarning[]): void {
  const family = FAMILIES.find((f) => f.id === view.table.family);
  for (const check of family?.checks ?? []) {
    const left = view.columns.get(check.left);
    const right = view.columns.get(check.right);
    if (!left || !right) continue;
    for (const row of liveRows(view.rows)) {
      const a = cell(row, check.left);
      const b = cell(row, check.right);
      if (!a || !b || a.value === null || b.value === null) continue;
      if (check.rule === 'not_greater' && a.value > b.value) {
        out.push({ type: check.type, table: view.table.id, line: row.line, code: row.code, message: `${label(view.table)} ${row.code ?? row.name}: ${columnLabel(left)} ${num(a.value)} > ${columnLabel(right)} ${num(b.value)} (${check.why})` });
      }
      // figures of different units (100% against a count) are not compared
      const f = check.factor ?? 2;
      if (check.rule === 'ratio_within' && (a.unit === '%') === (b.unit === '%') && b.value > 0 && (a.value > b.value * f || a.value < b.value / f)) {
        out.push({ type: check.type, table: view.table.id, line: row.line, code: row.code, message: `${label(view.table)} ${row.code ?? row.name}: ${columnLabel(left)} ${num(a.value)} against ${columnLabel(right)} ${num(b.value)} (${check.why})` });
      }
    }
  }
}

/** `100` in one target column and `100%` in another of the same row: one warning per column pair. */
export function checkUnitsInRow(view: TableView, out: DocWarning[]): void {
  const cols = view.table.columns.filter((c) => c.role === 'value' && c.measure && c.kind !== 'money');
  const byMeasure = new Map<string, ColumnSpec[]>();
  for (const c of cols) byMeasure.set(c.measure!, [...(byMeasure.get(c.measure!) ?? []), c]);
  for (const group of byMeasure.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < Math.min(group.length, i + 2); j++) {
        const lines: number[] = [];
        for (const row of liveRows(view.rows)) {
          const a = cell(row, group[i].key);
          const b = cell(row, group[j].key);
          if (!a || !b || a.value === null || b.value === null) continue;
          if ((a.unit === '%') !== (b.unit === '%')) lines.push(row.line);
        }
        if (lines.length) {
          out.push({ type: 'unit_mismatch', table: view.table.id, line: lines[0], code: null, message: `${label(view.table)}: ${columnLabel(group[i])} and ${columnLabel(group[j])} print the same measure with and without % in ${lines.length} row${lines.length > 1 ? 's' : ''} (l.${lines.slice(0, 8).join(', ')}${lines.length > 8 ? ', …' : ''})` });
        }
      }
    }
  }
}

/** A row without any figure of a kind (e.g. all K counts) that nearly every row prints. */
export function checkMissingKinds(view: TableView, out: DocWarning[]): void {
  if (!view.table.family) return;
  const rows = liveRows(view.rows).filter((r) => r.kind === 'data' && r.values.some((v) => v.value !== null));
  for (const kind of ['count'] as const) {
    const keys = new Set(view.table.columns.filter((c) => c.role === 'value' && c.kind === kind).map((c) => c.key));
    if (keys.size < 2) continue;
    const has = (r: (typeof rows)[number]) => r.values.some((v) => keys.has(v.column) && v.value !== null && !/^0+([.,]0+)?$/.test(v.raw.trim()));
    const with_ = rows.filter(has);
    if (rows.length < 5 || with_.length < 0.8 * rows.length) continue;
    for (const r of rows.filter((x) => !has(x))) {
      out.push({ type: 'missing_values', table: view.table.id, line: r.line, code: r.code, message: `${label(view.table)} ${r.code ?? r.name}: prints no performance (K) figure at all while ${with_.length} of ${rows.length} rows do; its figures may sit in the wrong columns` });
    }
  }
}
