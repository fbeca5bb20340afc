// A parent printed right above its first child with the child's figures in every column but
// one measure (and the columns computed from it): the parent copies the child, and the one
// figure that differs was updated in one row and not the other (urusan 277, program 279).
// Performance figures only: percentages and counts do not add up, so this is their check.

import { HIERARCHY, type ColumnSpec, type DocWarning, type LogicalRow } from '../model.js';
import { parseFormula } from '../formula.js';
import { columnLabel, label, liveRows, num, value, type TableView } from './context.js';

function isParentOf(up: LogicalRow, down: LogicalRow): boolean {
  const a = HIERARCHY.indexOf(up.level);
  const b = HIERARCHY.indexOf(down.level);
  if (a < 0 || b < 0 || a >= b) return false;
  return up.code === null || (down.code !== null && down.code.startsWith(`${up.code}.`));
}

/** The columns whose formula reads `key`: they differ whenever `key` does. */
function derivedFrom(cols: ColumnSpec[], key: string): Set<string> {
  return new Set(cols.filter((c) => c.formula && parseFormula(c.formula).columns.includes(key)).map((c) => c.key));
}

export function checkMirrors(view: TableView, out: DocWarning[]): void {
  const rows = liveRows(view.rows).filter((r) => r.kind === 'data');
  // money parents are checked against the sum of their children (sums.ts)
  const cols = view.table.columns.filter((c) => c.role === 'value' && c.kind !== 'money');
  for (let i = 0; i + 1 < rows.length; i++) {
    const [up, down] = [rows[i], rows[i + 1]];
    if (!isParentOf(up, down)) continue;
    const both = cols.filter((c) => value(up, c.key) !== null && value(down, c.key) !== null);
    const differ = both.filter((c) => value(up, c.key) !== value(down, c.key));
    const sources = differ.filter((c) => !c.formula);
    if (both.length - differ.length < 3 || sources.length !== 1) continue;
    const derived = derivedFrom(cols, sources[0].key);
    if (!differ.every((c) => c === sources[0] || derived.has(c.key))) continue;
    const c = sources[0];
    out.push({
      type: 'parent_child_mismatch', table: view.table.id, line: up.line, code: up.code,
      message: `${label(view.table)} ${columnLabel(c)}: ${up.level} ${up.code ?? up.name} prints ${num(value(up, c.key)!)} but its ${down.level} ${down.code ?? down.name} (l.${down.line}), whose other ${both.length - differ.length} figures it repeats, prints ${num(value(down, c.key)!)}`,
    });
  }
}
