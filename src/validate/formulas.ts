// Formula columns (`8=(7/6)`, `12 = ΣTW`, `14=6+12`, `SETELAH − SEBELUM`, Jumlah = Σ jenis
// belanja), as the table family declares them. A column that never follows its formula is
// one warning for the table; a single row that breaks it is a warning for that row; a
// difference with the wrong sign is a sign error.

import type { ColumnSpec, DocWarning, LogicalRow } from '../model.js';
import { agrees, evaluate, parseFormula } from '../formula.js';
import { cell, columnLabel, label, liveRows, num, value, type TableView } from './context.js';

interface Outcome {
  row: LogicalRow;
  printed: number | null;
  expected: number;
}

function isDifference(text: string): boolean {
  return /^\s*[a-z_0-9]+\s*-\s*[a-z_0-9]+\s*$/i.test(text);
}

export function checkFormulas(view: TableView, out: DocWarning[]): void {
  const rows = liveRows(view.rows).filter((r) => r.kind !== 'heading');
  for (const c of view.table.columns) {
    if (!c.formula) continue;
    const f = parseFormula(c.formula);
    const outcomes: Outcome[] = [];
    const constantCheck: (number | null)[] = [];
    for (const row of rows) {
      const expected = evaluate(f, (k) => value(row, k));
      constantCheck.push(cell(row, c.key)?.value ?? null);
      const printedCell = cell(row, c.key);
      if (expected === null) {
        if (/\//.test(c.formula) && (printedCell?.value ?? null) === null) divisionByZero(view, c, row, out);
        continue;
      }
      outcomes.push({ row, printed: printedCell?.value ?? null, expected });
    }
    if (constantColumn(view, c, constantCheck, outcomes.length, out)) continue;
    report(view, c, outcomes, out);
  }
}

/**
 * A formula column printing one value in every row (`0%` throughout) while its operands
 * cannot even be computed: the formula was never applied.
 */
function constantColumn(view: TableView, c: ColumnSpec, printed: (number | null)[], computable: number, out: DocWarning[]): boolean {
  const values = printed.filter((p): p is number => p !== null);
  if (values.length < 5 || new Set(values).size !== 1 || computable >= values.length / 2) return false;
  out.push({ type: 'formula_not_applied', table: view.table.id, line: view.table.line, code: null, message: `${label(view.table)} ${columnLabel(c)} = ${c.formula} prints ${num(values[0])} in all ${values.length} rows although its operands are not printed` });
  return true;
}

/** A ratio whose divisor is zero and whose cell is empty or an error: the formula is undefined. */
function divisionByZero(view: TableView, c: ColumnSpec, row: LogicalRow, out: DocWarning[]): void {
  const f = parseFormula(c.formula!);
  const operands = f.columns.map((k) => value(row, k));
  if (!operands.some((v) => v === 0) || operands.some((v) => v === null)) return;
  const raw = cell(row, c.key)?.raw ?? '';
  out.push({ type: 'division_by_zero', table: view.table.id, line: row.line, code: row.code, message: `${label(view.table)} ${columnLabel(c)} = ${c.formula}: a divisor is 0, the ratio is undefined (printed '${raw}')` });
}

function report(view: TableView, c: ColumnSpec, outcomes: Outcome[], out: DocWarning[]): void {
  const kind = c.kind;
  const wrong = outcomes.filter((o) => o.printed === null || !agrees(o.printed, o.expected, kind));
  const empty = outcomes.filter((o) => o.printed === null);
  const t = label(view.table);
  const printedValues = outcomes.map((o) => o.printed).filter((p): p is number => p !== null);
  const constant = printedValues.length >= 5 && new Set(printedValues).size === 1 && new Set(outcomes.map((o) => o.expected)).size > 1;
  if (constant) {
    out.push({ type: 'formula_not_applied', table: view.table.id, line: view.table.line, code: null, message: `${t} ${columnLabel(c)} = ${c.formula} prints ${num(printedValues[0])} in all ${printedValues.length} rows whatever its operands` });
    return;
  }
  if (outcomes.length >= 3 && wrong.length >= 0.6 * outcomes.length) {
    const twin = twinColumn(view, c, outcomes);
    const how = empty.length >= 0.6 * outcomes.length
      ? `is empty in ${empty.length} of ${outcomes.length} rows whose operands are printed`
      : `disagrees with its formula in ${wrong.length} of ${outcomes.length} rows (e.g. l.${wrong[0].row.line}: printed ${wrong[0].printed === null ? 'nothing' : num(wrong[0].printed)}, formula gives ${num(wrong[0].expected)})${twin ? `; it equals ${twin}` : ''}`;
    out.push({ type: 'formula_not_applied', table: view.table.id, line: view.table.line, code: null, message: `${t} ${columnLabel(c)} = ${c.formula} ${how}` });
    return;
  }
  for (const o of wrong) {
    if (o.printed === null) continue;
    if (isDifference(c.formula!) && agrees(o.printed, -o.expected, kind) && o.expected !== 0) {
      out.push({ type: 'sign_error', table: view.table.id, line: o.row.line, code: o.row.code, printed: o.printed, expected: o.expected, message: `${t} ${columnLabel(c)}: printed ${num(o.printed)} but ${c.formula} gives ${num(o.expected)} (sign reversed)` });
    } else {
      out.push({ type: 'formula_mismatch', table: view.table.id, line: o.row.line, code: o.row.code, printed: o.printed, expected: o.expected, message: `${t} ${columnLabel(c)}: printed ${num(o.printed)} but ${c.formula} gives ${num(o.expected)}` });
    }
  }
}

/** Another column the formula column copies in most rows (`13K` printed equal to `15K`). */
function twinColumn(view: TableView, c: ColumnSpec, outcomes: Outcome[]): string | null {
  const printed = outcomes.filter((o) => o.printed !== null);
  if (printed.length < 3) return null;
  for (const other of view.table.columns) {
    if (other.key === c.key || other.role !== 'value') continue;
    const same = printed.filter((o) => value(o.row, other.key) === o.printed).length;
    if (same >= 0.8 * printed.length) return `${columnLabel(other)} in ${same} of ${printed.length} rows`;
  }
  return null;
}

/** `#DIV/0!` and other spreadsheet errors printed in a cell. */
export function checkSheetErrors(view: TableView, out: DocWarning[]): void {
  for (const row of liveRows(view.rows)) {
    for (const v of row.values) {
      if (/^#(DIV\/0!|VALUE!|REF!|N\/A|NAME\?|NUM!)$/i.test(v.raw.trim())) {
        out.push({ type: 'spreadsheet_error', table: view.table.id, line: v.line ?? row.line, code: row.code, message: `${label(view.table)} ${view.columns.get(v.column)?.label ?? v.column}: the cell prints the spreadsheet error '${v.raw.trim()}'` });
      }
    }
  }
}
