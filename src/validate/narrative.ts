// What the text states against the tables: a rupiah amount in the narrative within 2% of a
// table's column total but not equal to it (it cannot be both), and an indicator the text
// names in quotes with its target percentage that a table prints with another target.

import type { DocWarning, LayoutLine, TableBlock } from '../model.js';
import { parseNumber } from '../normalize/numbers.js';
import { agrees } from '../formula.js';
import { normName } from '../normalize/text.js';
import { columnLabel, label, liveRows, moneyColumns, num, value, type TableView } from './context.js';

interface Stated {
  line: number;
  amount: number;
  raw: string;
}

/** The running text: lines of one cell outside every table. */
function prose(lines: LayoutLine[], tables: TableBlock[]): LayoutLine[] {
  const inTable = (n: number) => tables.some((t) => n >= t.line && n <= t.endLine);
  return lines.filter((l) => l.cells.length <= 1 && !inTable(l.line));
}

function statedAmounts(lines: LayoutLine[], tables: TableBlock[]): Stated[] {
  const out: Stated[] = [];
  for (const l of prose(lines, tables)) {
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
  checkStatedTargets(lines, views, out);
  const totals = views.flatMap(columnTotals);
  for (const s of statedAmounts(lines, views.map((v) => v.table))) {
    if (totals.some((t) => agrees(s.amount, t.total, 'money'))) continue;
    const near = totals.filter((t) => Math.abs(t.total - s.amount) <= 0.02 * t.total).sort((a, b) => Math.abs(a.total - s.amount) - Math.abs(b.total - s.amount))[0];
    if (!near) continue;
    out.push({ type: 'narrative_mismatch', table: null, line: s.line, code: null, message: `the text states ${s.raw.trim()} (${num(s.amount)}), close to but not equal to ${near.what} ${num(near.total)} (difference ${num(s.amount - near.total)})` });
  }
}

interface StatedTarget {
  line: number;
  indicator: string;
  target: number;
  raw: string;
}

/** `Indikator … "Persentase PPKS yang tertangani" … target … sebesar 94,5%` in one paragraph. */
function statedTargets(lines: LayoutLine[], tables: TableBlock[]): StatedTarget[] {
  const out: StatedTarget[] = [];
  for (const l of prose(lines, tables)) {
    const quoted = [...new Set([...l.text.matchAll(/["“]([^"”]{12,120})["”]/g)].map((m) => normName(m[1])))];
    const targets = [...l.text.matchAll(/target[^.%]{0,60}?sebesar\s+(\d{1,3}(?:,\d+)?)\s*%/gi)];
    if (quoted.length !== 1 || !targets.length) continue;
    const values = new Set(targets.map((m) => parseNumber(`${m[1]}%`).value).filter((v): v is number => v !== null));
    // one indicator and one target: two different ones say nothing about which is right
    if (values.size !== 1) continue;
    out.push({ line: l.line, indicator: quoted[0], target: [...values][0], raw: targets[0][0] });
  }
  return out;
}

/** Equal to the precision both are printed with: `94,6 %` and `94,5%` differ, `95%` and `95,0%` do not. */
function samePrinted(rawA: string, a: number, rawB: string, b: number): boolean {
  const decimals = (raw: string) => /,(\d+)\s*%?\s*$/.exec(raw.trim())?.[1].length ?? 0;
  return Math.abs(a - b) < 0.5 * 10 ** -Math.min(decimals(rawA), decimals(rawB));
}

function checkStatedTargets(lines: LayoutLine[], views: TableView[], out: DocWarning[]): void {
  for (const s of statedTargets(lines, views.map((v) => v.table))) {
    for (const view of views) {
      const targetCols = view.table.columns.filter((c) => c.role === 'value' && (c.measure === 'target' || (c.measure === null && /^target\b/i.test(c.label))));
      for (const row of liveRows(view.rows)) {
        if (![row.indicator, row.name].some((t) => t && normName(t) === s.indicator)) continue;
        for (const c of targetCols) {
          const v = row.values.find((x) => x.column === c.key);
          if (!v || v.value === null || v.unit !== '%' || samePrinted(v.raw, v.value, s.raw, s.target)) continue;
          out.push({ type: 'narrative_mismatch', table: view.table.id, line: row.line, code: row.code, message: `${label(view.table)} '${row.indicator ?? row.name}' ${columnLabel(c)} ${v.raw.trim()}, but the text at l.${s.line} states ${s.raw.trim()}` });
        }
      }
    }
  }
}
