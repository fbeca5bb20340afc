// What every validation rule looks at: the tables with their column meanings, their rows,
// and helpers to read a row's figures by column. Rules never change a printed figure
// silently: they return warnings, and repairs go through `applyRepair` with a note.

import type { ColumnSpec, DocWarning, LogicalRow, ParsedValue, TableBlock } from '../model.js';
import { parentCode } from '../normalize/codes.js';

export interface TableView {
  table: TableBlock;
  rows: LogicalRow[];
  /** coded data rows, one per key (see keyOf; an exact repeat of a code is read once) */
  byCode: Map<string, LogicalRow>;
  columns: Map<string, ColumnSpec>;
  /** byCode grouped by parent key, built on first use (sums ask for the children of every row) */
  byParent?: Map<string, LogicalRow[]>;
}

export function value(row: LogicalRow, key: string): number | null {
  const v = row.values.find((x) => x.column === key);
  return v?.value ?? null;
}

export function cell(row: LogicalRow, key: string): ParsedValue | undefined {
  return row.values.find((x) => x.column === key);
}

export function label(t: TableBlock): string {
  return t.label ? `${/^\d/.test(t.label) ? 'Tabel ' : ''}${t.label}` : t.id;
}

export function columnLabel(c: ColumnSpec): string {
  return `${c.label}${c.year ? ` (${c.year})` : ''}`;
}

const fmt = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
export function num(n: number): string {
  return fmt.format(n);
}

/** Rows that carry the table's figures: data rows, not page-overlap duplicates. */
export function liveRows(rows: LogicalRow[]): LogicalRow[] {
  return rows.filter((r) => r.kind !== 'heading' && r.duplicateOf === null);
}

// account rows are keyed apart from program codes: an RKA's rekening rows all belong to one sub-kegiatan
const ACCOUNT_KEY = 'rekening:';

/** A row's place in its table's hierarchy: its account code on a rekening row, else its program code. */
export function keyOf(r: LogicalRow): string | null {
  return r.account ? ACCOUNT_KEY + r.account : r.code;
}

/** The key of the parent: an account's is its code less the last segment, a program code's its parent code. */
export function parentKey(key: string): string | null {
  if (!key.startsWith(ACCOUNT_KEY)) return parentCode(key);
  const parts = key.slice(ACCOUNT_KEY.length).split('.');
  return parts.length > 1 ? ACCOUNT_KEY + parts.slice(0, -1).join('.') : null;
}

/** How a key is printed in a message: the code (or account code) as printed. */
export function shown(key: string): string {
  return key.startsWith(ACCOUNT_KEY) ? key.slice(ACCOUNT_KEY.length) : key;
}

export function viewOf(table: TableBlock, rows: LogicalRow[]): TableView {
  const byCode = new Map<string, LogicalRow>();
  const conflicting = new Set<string>();
  for (const r of liveRows(rows)) {
    const key = keyOf(r);
    if (!key || r.kind !== 'data') continue;
    const seen = byCode.get(key);
    if (!seen) byCode.set(key, r);
    else if (JSON.stringify(seen.values.map((v) => v.value)) !== JSON.stringify(r.values.map((v) => v.value))) conflicting.add(key);
  }
  for (const c of conflicting) byCode.delete(c); // the same code twice with other figures: no sums on it
  return { table, rows, byCode, columns: new Map(table.columns.map((c) => [c.key, c])) };
}

/** Direct children of a key present in the table (urusan → bidang, or programs when no bidang row). */
export function childrenOf(view: TableView, key: string): LogicalRow[] {
  const direct = byParent(view).get(key) ?? [];
  if (direct.length || key.split('.').length !== 1 || key.startsWith(ACCOUNT_KEY)) return direct;
  return [...view.byCode.values()].filter((r) => r.code && !r.account && r.level === 'program' && r.code.startsWith(`${key}.`));
}

function byParent(view: TableView): Map<string, LogicalRow[]> {
  if (!view.byParent) {
    view.byParent = new Map();
    for (const [k, r] of view.byCode) {
      const p = parentKey(k);
      if (p !== null) view.byParent.set(p, [...(view.byParent.get(p) ?? []), r]);
    }
  }
  return view.byParent;
}

/** Money columns of a table: declared money, or figures that are mostly rupiah amounts. */
export function moneyColumns(view: TableView): ColumnSpec[] {
  return view.table.columns.filter((c) => {
    if (c.role !== 'value') return false;
    if (c.kind === 'money') return true;
    if (c.kind !== 'any') return false;
    const vals = view.rows.flatMap((r) => r.values.filter((v) => v.column === c.key && v.value !== null));
    return vals.length >= 3 && vals.filter((v) => v.unit === 'Rp' || Math.abs(v.value!) >= 1e6).length >= 0.8 * vals.length;
  });
}

export function warn(out: DocWarning[], w: DocWarning): void {
  out.push(w);
}

/** Change a figure because another figure proves it; the printed text and the proof stay. */
/** One figure of a table: its table, its row, the value. */
export interface FigureAt {
  view: TableView;
  row: LogicalRow;
  v: ParsedValue;
}

/** Where a figure's warning points: its table, line and code. */
export function whereOf(f: FigureAt): { table: string; line: number; code: string | null } {
  return { table: f.view.table.id, line: f.v.line ?? f.row.line, code: f.row.code };
}

/** The warning that says a figure was repaired, and by what. */
export function repairedWarning(f: FigureAt): DocWarning {
  return { type: 'repaired_value', ...whereOf(f), message: `${label(f.view.table)} '${f.v.raw}' (${f.v.column}) = ${num(f.v.value!)}: ${f.v.note}` };
}

export function applyRepair(v: ParsedValue, to: number, proof: string): void {
  const was = v.value;
  v.repaired = true;
  v.proof = proof;
  const change = was === to ? `${num(to)} confirmed by ${proof}` : was === null ? `read as ${num(to)}: ${proof}` : `read as ${num(to)} (not ${num(was)}): ${proof}`;
  v.note = [v.note ?? '', change].filter((s) => s.trim() !== '').join('; ');
  v.value = to;
  delete v.malformed;
  delete v.candidates;
}
