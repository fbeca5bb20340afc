// The same code in several tables of one document: one canonical name per code (the
// printed names are kept), figures that should agree and do not, and figures of one year
// repeated as another year's (copy-forward).

import { groupBy } from '../groupBy.js';
import { SOURCE_OF_REASON, type DocWarning, type LogicalRow } from '../model.js';
import { perObject } from '../memo.js';
import { normName } from '../normalize/text.js';
import { columnLabel, label, liveRows, num, value, type TableView } from './context.js';

/** The name printed most often for a code (longest of those on a tie), set on every row. */
export function canonicalNames(views: TableView[]): Map<string, string> {
  const names = new Map<string, Map<string, { text: string; n: number }>>();
  for (const view of views) {
    for (const r of liveRows(view.rows)) {
      if (!r.code || !r.name || (!r.codeReason || SOURCE_OF_REASON[r.codeReason] === 'inferred')) continue;
      const byNorm = names.get(r.code) ?? new Map();
      const k = normName(r.name);
      const e = byNorm.get(k) ?? { text: r.name, n: 0 };
      e.n++;
      byNorm.set(k, e);
      names.set(r.code, byNorm);
    }
  }
  const canonical = new Map<string, string>();
  for (const [code, byNorm] of names) {
    const best = [...byNorm.values()].sort((a, b) => b.n - a.n || b.text.length - a.text.length)[0];
    canonical.set(code, best.text);
  }
  return canonical;
}

interface Column {
  view: TableView;
  key: string;
}

function figures(c: Column): Map<string, { v: number; row: LogicalRow }> {
  const out = new Map<string, { v: number; row: LogicalRow }>();
  for (const [code, row] of c.view.byCode) {
    const v = value(row, c.key);
    if (v !== null) out.set(code, { v, row });
  }
  return out;
}

function comparable(view: TableView): Column[] {
  return view.table.columns
    .filter((c) => c.role === 'value' && (c.kind === 'money' || c.kind === 'count' || c.kind === 'quantity' || c.kind === 'any'))
    .map((c) => ({ view, key: c.key }));
}

const MIN_SHARED = 8;
const AGREE = 0.8;

/**
 * Two columns of different tables that agree on most shared codes print the same figure:
 * the codes where they differ are inconsistencies. Each column is paired with the column of
 * each other table that agrees best with it.
 */
type Figures = { c: Column; f: Map<string, { v: number; row: LogicalRow }> };

/** The codes both columns print a figure for, in the first one's order. */
function sharedCodes(a: Figures['f'], b: Figures['f']): string[] {
  const out: string[] = [];
  for (const k of a.keys()) if (b.has(k)) out.push(k);
  return out;
}

/** The column among `cols` (one table's) that agrees with `a` on the most shared codes. */
function bestPartner(a: Figures, cols: readonly Figures[]): { b: Figures; shared: string[]; same: number } | null {
  // too few figures to share the least a pairing needs with any column
  if (a.f.size < MIN_SHARED) return null;
  let best: { b: Figures; shared: string[]; same: number } | null = null;
  for (const b of cols) {
    const shared = sharedCodes(a.f, b.f);
    if (shared.length < MIN_SHARED) continue;
    const same = shared.filter((k) => a.f.get(k)!.v === b.f.get(k)!.v).length;
    if (!best || same > best.same) best = { b, shared, same };
  }
  return best && best.same >= AGREE * best.shared.length ? best : null;
}

type Pair = { a: Figures; b: Figures; shared: string[]; same: number };

/**
 * Pairs of columns (in different tables) that print the same figure: each the other's best match.
 * Found once a document: both the agreement and the copy-forward checks ask for them.
 */
export const agreeingPairs = perObject((views: TableView[]): Pair[] => {
  const cols = views.flatMap(comparable).map((c) => ({ c, f: figures(c) }));
  // each table's columns, gathered once: a long document has many tables, each paired with every other
  const byTable = groupBy(cols, (x) => x.c.view);
  // each column's best partner in each table, worked out once (the pairing asks both ways)
  const partners = new Map<Figures, Map<TableView, ReturnType<typeof bestPartner>>>();
  const partner = (a: Figures, view: TableView) => {
    let byView = partners.get(a);
    if (!byView) partners.set(a, (byView = new Map()));
    if (!byView.has(view)) byView.set(view, bestPartner(a, byTable.get(view) ?? []));
    return byView.get(view)!;
  };
  const out: Pair[] = [];
  for (const a of cols) {
    for (const view of views) {
      if (view === a.c.view || view.table.id < a.c.view.table.id) continue;
      const best = partner(a, view);
      if (!best || partner(best.b, a.c.view)?.b !== a) continue;
      out.push({ a, ...best });
    }
  }
  return out;
});

export function checkAgreement(views: TableView[], out: DocWarning[]): void {
  for (const pair of agreeingPairs(views)) {
    // reported at the table printed later in the document
    const [a, b] = pair.a.c.view.table.line < pair.b.c.view.table.line ? [pair.a, pair.b] : [pair.b, pair.a];
    const ca = a.c.view.columns.get(a.c.key)!;
    const cb = b.c.view.columns.get(b.c.key)!;
    for (const code of pair.shared) {
      const x = a.f.get(code)!;
      const y = b.f.get(code)!;
      if (x.v === y.v) continue;
      out.push({
        type: 'cross_table_mismatch', table: b.c.view.table.id, line: y.row.line, code, printed: y.v, expected: x.v,
        message: `${code}: ${label(b.c.view.table)} ${columnLabel(cb)} ${num(y.v)} (l.${y.row.line}) ≠ ${label(a.c.view.table)} ${columnLabel(ca)} ${num(x.v)} (l.${x.row.line}); the two columns agree on ${pair.same} of ${pair.shared.length} codes`,
      });
    }
  }
}

/**
 * A figure for one year equal to another table's figure for another year, for several
 * codes, in columns that otherwise differ: last year's numbers carried forward.
 */
export function checkCopyForward(views: TableView[], out: DocWarning[]): void {
  // figures two columns print because each copies a third (an agreeing pair) are no copy-forward
  const partner = new Map<string, string>();
  for (const { a, b } of agreeingPairs(views)) {
    partner.set(`${b.c.view.table.id}.${b.c.key}>${a.c.view.table.id}`, a.c.key);
    partner.set(`${a.c.view.table.id}.${a.c.key}>${b.c.view.table.id}`, b.c.key);
  }
  const explained = (x: { view: TableView; c: { key: string } }, y: { view: TableView }, code: string, v: number) => {
    const key = partner.get(`${x.view.table.id}.${x.c.key}>${y.view.table.id}`);
    const row = key ? y.view.byCode.get(code) : undefined;
    return !!row && value(row, key!) === v;
  };
  const money = views.flatMap((view) => view.table.columns.filter((c) => c.kind === 'money' && c.year !== null).map((c) => ({ view, c, f: figures({ view, key: c.key }) })));
  for (const a of money) {
    for (const b of money) {
      if (a.view === b.view || a.c.year === null || b.c.year === null || a.c.year <= b.c.year) continue;
      const shared = sharedCodes(a.f, b.f);
      const same = shared.filter((k) => {
        const v = a.f.get(k)!.v;
        return v === b.f.get(k)!.v && v % 1_000_000 !== 0 && !explained(b, a, k, v) && !explained(a, b, k, v);
      });
      if (same.length < 3 || same.length >= AGREE * shared.length) continue;
      for (const code of same) {
        const x = a.f.get(code)!;
        out.push({
          type: 'copy_forward', table: a.view.table.id, line: x.row.line, code,
          message: `${code}: ${label(a.view.table)} ${columnLabel(a.c)} ${num(x.v)} repeats ${label(b.view.table)} ${columnLabel(b.c)} (l.${b.f.get(code)!.row.line}) exactly; ${same.length} codes share this, a figure carried forward from another year?`,
        });
      }
    }
  }
}
