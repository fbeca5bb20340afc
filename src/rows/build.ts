// Rows stage: logical rows from physical lines. A row starts at a line with a key (code,
// account code, row number) or, in tables without keys, at a line with values. Lines
// without a key join the row before them: the value half of a two-line row (name line +
// value line), or wrapped text after a blank line or a repeated page header.

import { SOURCE_OF_REASON, type ColumnSpec, type LayoutLine, type Level, type LogicalRow, type PartialCode, type TableBlock } from '../model.js';
import { FIELD, levelOfPartial, type CodeContext } from '../normalize/codes.js';
import { nameSimilarity } from '../normalize/similarity.js';
import { endsMidPhrase, INDICATOR_LEAD, joinFragments } from '../normalize/text.js';
import { looksLikeMoney, parseNumber } from '../normalize/numbers.js';
import { analyzeLine, type LineAnalysis, type TextCell } from './analyze.js';
import { joinWrappedText } from '../normalize/wrap.js';
import { joinPageBreakRows } from './pageBreak.js';
import { alignToColumns, toParsedValues, type ValueCell } from './values.js';

interface Draft {
  row: LogicalRow;
  first: LineAnalysis;
  /** texts of the first line, or of the name line of a two-line row */
  textLines: { a: LineAnalysis; texts: TextCell[] }[];
  valueCells: ValueCell[];
  valueLine: LineAnalysis | null; // the second line of a two-line row
}

// the whole label is a total: `JUMLAH`, `J U M L A H`, `Jumlah Total`, `TOTAL BELANJA DAERAH`, `Jumlah Belanja`
const TOTAL = /^(j\s*u\s*m\s*l\s*a\s*h|total|grand\s+total)(\s+(total|belanja|daerah|keseluruhan|anggaran|seluruhnya|pagu|dana|akhir|semua|program|kegiatan|langsung|tidak langsung|pd|skpd|opd|rp\.?))*\s*[:.]?$/i;
const SUMMARY = /^(rata[\s-]*rata|predikat|capaian\s+rata|nilai\s+rata|keterangan\s*:|sumber\s*:|catatan\s*:)/i;

function expectsRowNo(table: TableBlock): boolean {
  return table.headerLines.some((h) => h.cells.some((c) => /^(no\.?|nomor|no\.?\s*urut|i?no\.?)$/i.test(c.text.trim()))) || numbersItsRows(table);
}

// a row number: one to three digits alone in the row's first cell, with more of the row after it
const ROW_NUMBER = /^(\d{1,3})\.?$/;
// rows numbered one after another, at least this many steps of one and this share of all steps
const NUMBERED_MIN_STEPS = 3;
const NUMBERED_MIN_SHARE = 0.5;

/**
 * The body's first column counts its rows (11, 12, 13 …) though no header cell says `No`: a
 * header OCR misread, or a page that continues a table without repeating its header. Code
 * fields printed in columns of their own repeat (`1`, `1`, `2`) rather than count up.
 */
function numbersItsRows(table: TableBlock): boolean {
  const numbers = table.bodyLines
    .map((l) => (l.cells.length > 1 && l.cells[1].text.trim() !== '' ? ROW_NUMBER.exec(l.cells[0].text.trim())?.[1] : undefined))
    .filter((n): n is string => n !== undefined)
    .map(Number);
  const steps = numbers.slice(1).filter((n, i) => n === numbers[i] + 1).length;
  return steps >= NUMBERED_MIN_STEPS && steps >= NUMBERED_MIN_SHARE * (numbers.length - 1);
}

export interface BuildResult {
  rows: LogicalRow[];
  summaries: { line: number; text: string }[];
}

/**
 * The codes a table's rows print, in row order, as buildRows would give them in `row.partial`
 * and `row.codeRaw` (a line with a printed code always starts a row of its own): what the
 * document's bidang is told from, without assembling the rows.
 */
export function printedPartials(table: TableBlock, docCtx: CodeContext): { partial: PartialCode; codeRaw: string }[] {
  if (table.toc) return [];
  const expectRowNo = expectsRowNo(table);
  const out: { partial: PartialCode; codeRaw: string }[] = [];
  for (const l of joinPageBreakRows(table.bodyLines)) {
    if (l.blank) continue;
    const a = analyzeLine(l, table, docCtx, expectRowNo, true);
    if (a.partial) out.push({ partial: a.partial, codeRaw: a.partial.raw });
  }
  return out;
}

export function buildRows(table: TableBlock, docCtx: CodeContext): BuildResult {
  const expectRowNo = expectsRowNo(table);
  const valueTable = table.columns.some((c) => c.role === 'value') || table.bodyLines.some((l) => l.cells.length > 3);
  const drafts: Draft[] = [];
  const summaries: { line: number; text: string }[] = [];
  let sawBreak = false;
  if (table.toc) return { rows: tocRows(table), summaries: [] };
  const analyses = joinPageBreakRows(table.bodyLines).map((l) => (l.blank ? null : analyzeLine(l, table, docCtx, expectRowNo)));
  const hasValuesSomewhere = analyses.some((a) => a !== null && a.numeric > 0);

  for (const a of analyses) {
    if (a === null) {
      sawBreak = true;
      continue;
    }
    const line = a.line;
    if (a.junkOnly || isStrayFigure(a)) continue;
    const firstText = a.texts[0]?.text ?? '';
    if (!a.partial && !a.account && !a.legacy && SUMMARY.test(firstText)) {
      summaries.push({ line: line.line, text: line.text.replace(/\t+/g, ' | ') });
      sawBreak = false;
      continue;
    }
    const last = drafts[drafts.length - 1];
    const keyed = hasKey(a);
    const isTotal = !keyed && TOTAL.test(firstText);
    if (keyed || isTotal || !last) {
      drafts.push(newDraft(table, a, isTotal));
    } else if (a.numeric > 0) {
      if (awaitsValues(last, a) && !sawBreak) attachValueLine(last, a);
      else if (awaitsValues(last, a) && last.row.lines.length === 1) attachValueLine(last, a);
      else drafts.push(newDraft(table, a, false));
    } else if (isContinuation(a, last, hasValuesSomewhere && valueTable, sawBreak, drafts.some((d) => hasKey(d.first)))) {
      attachContinuation(last, a);
    } else {
      drafts.push(newDraft(table, a, false));
    }
    sawBreak = false;
  }
  const rows = drafts.flatMap((d) => withParents(finish(d, table, hasValuesSomewhere)));
  namedByIndicator(rows, table);
  namedLikeNeighbours(rows, table);
  // a closing row of bare money figures with no label is the table's total
  const lastRow = rows[rows.length - 1];
  if (lastRow && rows.length > 2 && lastRow.kind !== 'total' && !lastRow.partial && !lastRow.code && !lastRow.rowNo &&
      lastRow.name === '' && Object.keys(lastRow.texts).length === 0 && lastRow.values.some((v) => v.value !== null && Math.abs(v.value) >= 1e6)) {
    lastRow.kind = 'total';
    lastRow.level = 'total';
    lastRow.notes.push('unlabelled closing row of figures read as the total');
  }
  assignSchemeLevels(rows);
  return { rows, summaries };
}

/** A line holding nothing but one small bare number among empty cells: OCR noise, not a row. */
function isStrayFigure(a: LineAnalysis): boolean {
  if (hasKey(a) || a.texts.length || a.numeric !== 1) return false;
  const v = a.values.find((x) => x.reading.value !== null)!;
  return /^\d{1,2}$/.test(v.raw.trim()) && a.line.cells.length >= 5;
}

/** A line that starts a row by its key: a code, an account code, a printed old code or a row number. */
function hasKey(a: LineAnalysis): boolean {
  return !!(a.partial || a.account || a.legacy || a.rowNo);
}

/** A legacy code's level from the word its name starts with (`Program …`), else unknown. */
function legacyLevel(name: string): Level {
  const m = /^\s*(urusan|bidang|program|kegiatan|sub\s*kegiatan)\b/i.exec(name);
  return m ? (m[1].toLowerCase().replace(/\s+/, '_') as Level) : 'other';
}

function newDraft(table: TableBlock, a: LineAnalysis, isTotal: boolean): Draft {
  const level: Level = a.account ? 'akun' : a.partial ? levelOfPartial(a.partial) : a.legacy ? legacyLevel(a.texts[0]?.text ?? '') : isTotal ? 'total' : 'other';
  const row: LogicalRow = {
    table: table.id,
    line: a.line.line,
    lines: [a.line.line],
    page: a.line.page,
    rowNo: a.rowNo,
    codeRaw: a.partial?.raw ?? a.legacy ?? a.ghostCode ?? null,
    partial: a.partial,
    code: a.legacy,
    codeReason: a.legacy ? 'legacy_printed' : null,
    codeSimilarity: null,
    codeIssues: a.ghostCode ? [{ type: 'ghost_code', message: `code cells '${a.ghostCode}' do not form a valid code and were ignored` }] : [],
    codeNote: null,
    account: a.account?.code ?? null,
    accountLevel: a.account?.level ?? null,
    level,
    name: '',
    indicator: null,
    texts: {},
    values: [],
    markup: a.markup,
    duplicateOf: null,
    kind: isTotal ? 'total' : 'data',
    notes: [],
  };
  if (a.glued && a.partial) {
    // a code reading is shared (parseCode remembers it): the completed one is a new reading
    a.partial = row.partial = { ...a.partial, sub: a.glued, printed: a.partial.printed.map((p, k) => (k === FIELD.S ? a.glued : p)), truncated: a.partial.truncated.filter((t) => t !== 'sub') };
    row.notes.push(`sub-kegiatan code ${a.glued} was glued to the name`);
  }
  return { row, first: a, textLines: [{ a, texts: a.texts }], valueCells: [...a.values], valueLine: null };
}

/** A table of contents: one row per line, its text as the name, no codes and no figures. */
function tocRows(table: TableBlock): LogicalRow[] {
  return table.bodyLines.filter((l) => !l.blank).map((l) => ({
    table: table.id, line: l.line, lines: [l.line], page: l.page, rowNo: null, codeRaw: null, partial: null, code: null,
    codeReason: null, codeSimilarity: null, codeIssues: [], codeNote: null, account: null, accountLevel: null, level: 'other' as Level, name: l.cells.map((c) => c.text).filter(Boolean).join(' | '),
    indicator: null, texts: {}, values: [], markup: { bold: false, italic: false, underline: false }, duplicateOf: null,
    kind: 'heading' as const, notes: ['table of contents'],
  }));
}

/** The name line of a two-line row: a key, but (almost) no figures of its own, and no amount. */
function awaitsValues(d: Draft, a: LineAnalysis): boolean {
  if (d.valueLine || d.row.kind !== 'data') return false;
  if (!(d.row.partial || d.row.code || d.row.account || d.row.rowNo)) return false;
  const own = d.valueCells.filter((v) => v.reading.value !== null);
  // an amount of millions in the name line's figure columns is the row's own, not a stray figure:
  // the line below with figures is a row of its own (its name lost to OCR or cut by a page break)
  if (own.some((v) => v.reading.kind === 'money')) return false;
  return own.length <= 1 && (a.numeric >= 2 || (a.ghostCode !== null && a.numeric >= 1));
}

function attachValueLine(d: Draft, a: LineAnalysis): void {
  const dropped = d.valueCells.filter((v) => v.reading.value !== null);
  if (dropped.length) d.row.notes.push(`stray figure${dropped.length > 1 ? 's' : ''} on the name line ignored: ${dropped.map((v) => `'${v.raw}'`).join(', ')}`);
  d.valueCells = a.values;
  d.valueLine = a;
  d.row.lines.push(a.line.line);
  if (a.ghostCode) d.row.notes.push(`value line carries a ghost code '${a.ghostCode}', ignored`);
}

function isContinuation(a: LineAnalysis, last: Draft, valueTable: boolean, sawBreak: boolean, keyedTable: boolean): boolean {
  if (a.texts.length === 0) return false;
  // a printed "no value" (`-`, `#DIV/0!`) makes the line a row of its own
  if (a.values.some((v) => ['dash', 'error', 'multi'].includes(v.reading.kind))) return false;
  if (valueTable && !keyedTable) {
    // rows of a table without a key column start in the name column: a line that does so
    // with name and indicator is a row, not wrapped text
    const lastFirst = last.textLines[0].texts[0]?.index ?? 0;
    if (a.texts.length >= 2 && a.texts[0].index <= lastFirst) return false;
  }
  if (valueTable) return true;
  // a table of text: wrapped text starts in lower case, follows a cut-off phrase, or is a
  // lone fragment after a page break
  const t = a.texts[0].text;
  const prev = last.textLines[last.textLines.length - 1].texts;
  const prevText = prev[0]?.text ?? '';
  return /^[a-z(]/.test(t) || endsMidPhrase(prevText) || (sawBreak && a.texts.length === 1);
}

function attachContinuation(d: Draft, a: LineAnalysis): void {
  d.textLines.push({ a, texts: a.texts });
  d.row.lines.push(a.line.line);
}

/** Wrapped text of a row's lines: a range broken after its dash (`2020-` / `2021`) joins as it was printed. */
function joinWrapped(a: string, b: string): string {
  return a !== '' && b !== '' && /-$/.test(a) ? a + b : joinWrappedText(a, b);
}

function finish(d: Draft, table: TableBlock, valueTable: boolean): LogicalRow {
  const row = d.row;
  const textCols = table.columns.filter((c) => c.role !== 'value');
  const valueCols = table.columns.filter((c) => c.role === 'value');
  const generic = table.family === null;
  const colFor = (i: number, cellIndex: number): string => {
    if (generic) return i === 0 ? 'name' : `c${cellIndex}`;
    return textCols[i]?.key ?? `text_${i + 1}`;
  };
  const texts: Record<string, string> = {};
  const anchor = d.textLines[0];
  // slots from the first line: each continuation cell appends to the slot it lines up with
  const slots = anchor.texts.map((t, i) => ({ index: t.index, fromRight: t.fromRight, text: t.text, key: colFor(i, t.index) }));
  if (d.valueLine && slots.length > 1) {
    // two-line row: the name line's fragments are all name
    const name = slots.map((s) => s.text).reduce((acc, t) => joinFragments(acc, t), '');
    slots.splice(0, slots.length, { ...slots[0], key: 'name', text: name });
  }
  const width = anchor.a.line.cells.length;
  for (const tl of d.textLines.slice(1)) {
    const w = tl.a.line.cells.length;
    for (const t of tl.texts) {
      let slot = slots.find((s) => s.index === t.index && (w === width || s.fromRight === t.fromRight));
      slot ??= slots.find((s) => s.fromRight === t.fromRight);
      slot ??= slots.find((s) => s.index === t.index);
      slot ??= slots.reduce<(typeof slots)[number] | undefined>((best, s) => (!best || Math.abs(s.index - t.index) < Math.abs(best.index - t.index) ? s : best), undefined);
      if (slot) slot.text = joinWrapped(slot.text, t.text);
      else slots.push({ ...t, key: colFor(slots.length, t.index) });
    }
  }
  // a table with a name column per level (Program | Kegiatan | Sub Kegiatan): the column says the level
  const levels = levelColumns(table);
  if (generic) {
    const nameColumn = nameHeaderColumn(table);
    nameFromHeader(slots, nameColumn);
    if (nameColumn < 0) nameAfterMarks(slots);
    indicatorFromHeader(slots, table);
    const lone = row.code !== null && LONE_NUMBER.test(row.code);
    if (nameColumn < 0 && levels.size === 0 && !row.partial && (!row.code || lone) && kegiatanBesideProgram(slots) && lone) {
      // `2 | Program … | Pengadaan Mebelair`: the lone number numbers the program, not the kegiatan
      row.rowNo = row.code;
      [row.code, row.codeRaw, row.codeReason, row.level] = [null, null, null, 'other'];
    }
  }
  for (const s of slots) texts[s.key] = texts[s.key] ? joinWrapped(texts[s.key], s.text) : s.text;
  if (d.valueLine) {
    // the value line's texts fill the text columns after the name
    d.valueLine.texts.forEach((t, i) => {
      const key = generic ? `c${t.index}` : textCols[i + 1]?.key ?? `text_${i + 2}`;
      texts[key] = texts[key] ? joinWrapped(texts[key], t.text) : t.text;
    });
  }
  // in a table with a name column per level, a row naming two levels (a program and its first kegiatan) is two rows
  const named = slots.filter((sl) => levels.has(sl.index) && sl.text.trim() !== '').sort((a, b) => LEVEL_DEPTH[levels.get(a.index)!] - LEVEL_DEPTH[levels.get(b.index)!]);
  const uncoded = !row.partial && !row.code && !row.account;
  if (named.length >= 2 && uncoded) {
    const inner = named[named.length - 1];
    for (const sl of named) delete texts[sl.key];
    texts.name = inner.text;
    row.level = levels.get(inner.index)!;
    parentsOf.set(row, named.slice(0, -1).map((sl) => ({ level: levels.get(sl.index)!, name: sl.text.trim() })));
  } else {
    const nameSlot = slots.find((sl) => sl.key === 'name');
    const byColumn = nameSlot ? levels.get(nameSlot.index) : undefined;
    if (byColumn && uncoded) row.level = byColumn;
  }
  row.name = (texts.name ?? '').trim();
  delete texts.name;
  const nameSlotIndex = slots.find((sl) => sl.key === 'name')?.index;
  if (nameSlotIndex !== undefined) nameColumnOf.set(row, nameSlotIndex);
  if (texts.indicator !== undefined) {
    row.indicator = texts.indicator.replace(/^-\s+/, '').trim();
    delete texts.indicator;
  }
  row.texts = texts;
  if (generic) {
    const header = (i: number) => table.columns[i];
    // on a PDF table's grid a figure under a text column's header is text: the `1.1.1` numbering a
    // sasaran. Not a rupiah amount: no text column prints one, a name overflowing into the next
    // narrow column put the grid's boundary on the wrong side of it
    const textual = (c: ValueCell) => table.gridLabels !== undefined && c.reading.kind !== 'empty' && c.reading.kind !== 'money' &&
      header(c.index) !== undefined && header(c.index).role !== 'value';
    for (const c of d.valueCells.filter(textual)) texts[`c${c.index}`] = texts[`c${c.index}`] ? joinWrapped(texts[`c${c.index}`], c.raw) : c.raw;
    const cells = d.valueCells.filter((c) => !textual(c));
    row.values = toParsedValues(cells, cells.map((c) => header(c.index) ?? { key: `c${c.index}`, label: '', role: 'value', kind: 'any', measure: null, year: null, unit: null }), cells.map((_, i) => i));
  } else {
    const cells = dropEmptyTextSlots(d, table);
    row.values = toParsedValues(cells, valueCols, alignToColumns(cells, valueCols));
  }
  // a short label alone in a table of figures (`Dinas Sosial`) heads what follows
  if (row.kind === 'data' && valueTable && !row.partial && !row.code && !row.rowNo && row.values.length === 0 &&
      !row.indicator && Object.keys(row.texts).length === 0 && row.name.length < 40) {
    row.kind = 'heading';
  }
  return row;
}

// header cells naming one level's name column
const LEVEL_HEADER: [RegExp, Level][] = [
  [/^(nama\s+)?program$/i, 'program'],
  [/^(nama\s+)?kegiatan$/i, 'kegiatan'],
  [/^(nama\s+)?sub[\s-]*kegiatan$/i, 'sub_kegiatan'],
];

const LEVEL_DEPTH: Record<string, number> = { urusan: 0, bidang: 1, program: 2, kegiatan: 3, sub_kegiatan: 4 };

/** Columns of separate Program, Kegiatan and Sub Kegiatan names, by cell index; empty unless two or more. */
function levelColumns(table: TableBlock): Map<number, Level> {
  let levels = levelColumnsOf.get(table);
  if (!levels) levelColumnsOf.set(table, (levels = readLevelColumns(table)));
  return levels;
}

// a table's header is read once for its level columns, not once per row
const levelColumnsOf = new WeakMap<TableBlock, Map<number, Level>>();

function readLevelColumns(table: TableBlock): Map<number, Level> {
  const out = new Map<number, Level>();
  const levelOf = (text: string) => LEVEL_HEADER.find(([re]) => re.test(text.trim()))?.[1];
  // a PDF table's grid labels each column with all its header lines; a text table's header cells do it line by line
  if (table.gridLabels) table.gridLabels.forEach((label, i) => { const l = levelOf(label); if (l) out.set(i, l); });
  else for (const h of table.headerLines) h.cells.forEach((c, i) => { const l = levelOf(c.text); if (l) out.set(i, l); });
  return new Set(out.values()).size >= 2 ? out : new Map();
}

// the cell index a row's name was read from
const nameColumnOf = new WeakMap<LogicalRow, number>();

/**
 * A table of no known family that measures indicators — no codes, no money, only targets,
 * realisations and their units (Renstra and LKjIP sasaran tables, Perjanjian Kinerja): its
 * figures belong to the indicator, so the indicator names the row; the tujuan, sasaran or
 * program printed beside it stays in the row's texts under its column.
 */
function namedByIndicator(rows: LogicalRow[], table: TableBlock): void {
  if (table.family !== null || !rows.some((r) => r.indicator)) return;
  if (rows.some((r) => r.partial || r.code || r.account || r.values.some((v) => v.unit === 'Rp' || looksLikeMoney(v.raw)))) return;
  for (const r of rows) {
    if (r.kind !== 'data' || !r.indicator) continue;
    if (r.name) r.texts[`c${nameColumnOf.get(r) ?? 0}`] = r.name;
    r.name = r.indicator;
    r.indicator = null;
    r.notes.push('named by its indicator: the table measures indicators');
  }
}

/**
 * A table of no known family whose header names no name column (a scan lost it: white type on a
 * grey band) and that prints each row's name in one column, with a group's name (a merged cell:
 * `Pelayanan Administrasi Perkantoran`, `Program Peningkatan …`) to its left on the group's first
 * row only: that first row is named in the same column as its neighbours, the group's name stays
 * in its texts. The column most rows of money are named from, with nothing to its left, is the
 * row's column; a row named to its left that also prints words there follows it.
 */
function namedLikeNeighbours(rows: LogicalRow[], table: TableBlock): void {
  if (table.family !== null || nameHeaderColumn(table) >= 0 || levelColumns(table).size > 0) return;
  // rows of money, as a budget prints a group's name beside the figures of its first member (a table
  // of indicators names its rows by the indicator: namedByIndicator)
  const money = (r: LogicalRow) => r.values.some((v) => v.unit === 'Rp' || parseNumber(v.raw).kind === 'money');
  const data = rows.filter((r) => r.kind === 'data' && r.name !== '' && nameColumnOf.has(r) && money(r));
  const textLeftOf = (r: LogicalRow, col: number) => Object.keys(r.texts).some((k) => /^c\d+$/.test(k) && Number(k.slice(1)) < col);
  // the neighbours print nothing left of their name: the group's merged cell is empty beside them
  const counts = new Map<number, number>();
  for (const r of data) if (!textLeftOf(r, nameColumnOf.get(r)!)) counts.set(nameColumnOf.get(r)!, (counts.get(nameColumnOf.get(r)!) ?? 0) + 1);
  const [column, named] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a), [-1, 0]);
  const innerText = (r: LogicalRow) => (r.texts[`c${column}`] ?? '').trim();
  const grouped = data.filter((r) => nameColumnOf.get(r)! < column && !r.partial && (!r.code || LONE_NUMBER.test(r.code)) &&
    NAME_WORDS.test(innerText(r)) && !/\d/.test(innerText(r)) && !INDICATOR_NAME.test(innerText(r)));
  // the neighbours must outnumber the rows that follow them: one group's row is no pattern
  if (grouped.length === 0 || named <= grouped.length) return;
  for (const r of grouped) {
    r.texts[`c${nameColumnOf.get(r)}`] = r.name;
    r.name = innerText(r);
    delete r.texts[`c${column}`];
    nameColumnOf.set(r, column);
    if (r.code) [r.rowNo, r.code, r.codeRaw, r.codeReason, r.level] = [r.code, null, null, null, 'other'];
    r.notes.push(`named in column ${column + 1} as the rows beside it; the text to its left names its group`);
  }
}

// the outer levels a row names in their own columns, until the rows are expanded
const parentsOf = new WeakMap<LogicalRow, { level: Level; name: string }[]>();

/**
 * A row naming a program and its first kegiatan in their own columns is the program's row (its
 * number, no figures) followed by the kegiatan's (the figures).
 */
function withParents(row: LogicalRow): LogicalRow[] {
  const parents = parentsOf.get(row);
  if (!parents) return [row];
  const out = parents.map((p): LogicalRow => ({
    ...row, name: p.name, level: p.level, indicator: null, texts: {}, values: [], kind: 'data', codeIssues: [], duplicateOf: null,
    notes: [`named in the ${p.level} column of a row that goes on to name its ${row.level}`],
  }));
  row.rowNo = null;
  row.notes.push(`its ${parents.map((p) => p.level).join(' and ')} named in the same printed row, kept as a row of its own`);
  return [...out, row];
}

const NAME_HEADER = /program\s*\/?\s*kegiatan|sub\s*kegiatan|uraian|nama\s+(program|kegiatan)|^(program|kegiatan)$/i;
const INDICATOR_HEADER = /^indikator\b/i;

// a header naming figures per level (`Realisasi Keuangan per Sub Kegiatan`) heads a value column, not the names
const nameHeaderColumn = (table: TableBlock) => table.columns.findIndex((c) => c.role !== 'value' && NAME_HEADER.test(c.label));

/**
 * A table of no known family whose header names a Program/Kegiatan column: the row's name is
 * the text in (or nearest to) that column, not simply the first text cell (tujuan, indikator…).
 */
function nameFromHeader(slots: { key: string; index: number; text: string }[], col: number): void {
  if (col < 0 || slots.length < 2) return;
  const best = slots.reduce((a, s) => (Math.abs(s.index - col) < Math.abs(a.index - col) || (Math.abs(s.index - col) === Math.abs(a.index - col) && s.index > a.index) ? s : a));
  moveName(slots, best);
}

/** `to` is the row's name; the slot that was becomes a plain column again. */
function moveName(slots: { key: string; index: number }[], to: { key: string; index: number }): void {
  if (to.key === 'name') return;
  const first = slots.find((s) => s.key === 'name');
  if (first) first.key = `c${first.index}`;
  to.key = 'name';
}

/**
 * In a table of no known family whose header names no name column, the first text of a row is its
 * name — unless it holds no two letters together (`m0 ,—`: marks OCR read off a code cell; `AC 1 PK`
 * is a name) and a later text holds words.
 */
function nameAfterMarks(slots: { key: string; index: number; text: string }[]): void {
  const first = slots.find((s) => s.key === 'name');
  if (!first || /\p{L}{2}/u.test(first.text)) return;
  const named = slots.find((s) => s.index > first.index && NAME_WORDS.test(s.text.trim()));
  if (named) moveName(slots, named);
}

// a program's name, the word and at least two more (a lone `Program` is a word of a line spread into cells)
const PROGRAM_NAME = /^program(\s+\S+){2,}/i;
const NAME_WORDS = /^\S*[a-z]{3,}\S*(\s+\S+)+$/i;
// a legacy code of one number alone (`2`): as often the row's number as a code
const LONE_NUMBER = /^\d{1,2}\.?$/;
const INDICATOR_NAME = new RegExp(`^(${INDICATOR_LEAD})\\b`, 'i');

/**
 * A table of no known family whose header names no name column (a scan lost it: white type
 * on a grey band) and that prints each kegiatan beside its program (`Program Peningkatan
 * Kapasitas … | Pendidikan dan Pelatihan Formal | figures`): the row and its figures are the
 * kegiatan's, the program stays in its texts. Not when the text beside is an indicator.
 */
function kegiatanBesideProgram(slots: { key: string; index: number; text: string }[]): boolean {
  const first = slots.find((s) => s.key === 'name');
  if (!first || !PROGRAM_NAME.test(first.text.trim())) return false;
  const beside = slots.find((s) => s.index > first.index && s.key !== 'indicator' && NAME_WORDS.test(s.text.trim()) &&
    !/^program\b/i.test(s.text.trim()) && !INDICATOR_NAME.test(s.text.trim()));
  if (!beside) return false;
  first.key = 'program';
  beside.key = 'name';
  return true;
}

/** The text under an `Indikator …` header of a table of no known family is the row's indicator. */
function indicatorFromHeader(slots: { key: string; index: number }[], table: TableBlock): void {
  // the innermost indicator the row prints (`Indikator Tujuan … Indikator Sasaran`): the one its figures measure
  const cols = table.columns.map((c, i) => (INDICATOR_HEADER.test(c.label) ? i : -1)).filter((i) => i >= 0).reverse();
  for (const col of cols) {
    const slot = slots.find((s) => s.index === col && s.key !== 'name');
    if (slot) {
      slot.key = 'indicator';
      return;
    }
  }
}

/**
 * Empty cells right after the name where the family has text columns (sumber dana, lokasi)
 * before its figures: those are the empty text columns, not unprinted figures.
 */
function dropEmptyTextSlots(d: Draft, table: TableBlock): ValueCell[] {
  const cells = d.valueCells;
  if (!table.textBeforeValues) return cells;
  const firstFigure = cells.findIndex((c) => c.reading.kind !== 'empty');
  if (firstFigure < 0) return cells;
  const textsBefore = (d.valueLine ?? d.first).texts.filter((t) => t.index < cells[firstFigure].index).length;
  const slots = Math.max(0, table.textBeforeValues - Math.max(1, textsBefore));
  let drop = 0;
  while (drop < slots && drop < firstFigure) drop++;
  return cells.slice(drop);
}

/** Level by name when there is no code: `PROGRAM …`, `Kegiatan …`, `Sub Kegiatan …`. */
function levelFromName(name: string): Level | null {
  if (/^program\b/i.test(name)) return 'program';
  if (/^sub[\s-]*kegiatan\b/i.test(name)) return 'sub_kegiatan';
  if (/^kegiatan\b/i.test(name)) return 'kegiatan';
  if (/^urusan\b/i.test(name)) return /bidang/i.test(name) ? 'bidang' : 'urusan';
  return null;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX', 'XXI', 'XXII', 'XXIII', 'XXIV', 'XXV'];

/**
 * Rows keyed by numbering only: in a table that numbers programs A, B, …, kegiatan I, II, …
 * and sub-kegiatan 1, 2, … the scheme gives the level. Letters that are also Roman
 * numerals (C, D, I, V, X) are read by which sequence they continue.
 */
function assignSchemeLevels(rows: LogicalRow[]): void {
  const keys = rows.map((r) => (r.partial || r.code || r.account ? null : r.rowNo?.replace(/\.$/, '').trim() ?? null));
  const hasLetters = keys.some((k) => k && /^[A-HJ-UWYZ]$/.test(k));
  const hasRoman = keys.some((k) => k && /^[IVX]+$/.test(k));
  let lastLetter = '@';
  let lastRoman = 0;
  rows.forEach((r, i) => {
    const k = keys[i];
    if (r.partial || r.code || r.account || r.kind !== 'data') return;
    if (k && hasLetters && hasRoman) {
      const nextLetter = String.fromCharCode(lastLetter.charCodeAt(0) + 1);
      const romanIdx = ROMAN.indexOf(k);
      if (k === nextLetter && !(romanIdx === lastRoman)) {
        r.level = 'program';
        lastLetter = k;
        return;
      }
      if (romanIdx >= 0) {
        r.level = 'kegiatan';
        lastRoman = romanIdx + 1;
        return;
      }
      if (/^[A-Z]$/.test(k)) {
        r.level = 'program';
        lastLetter = k;
        return;
      }
      if (/^\d+$/.test(k)) {
        r.level = 'sub_kegiatan';
        return;
      }
    }
    const byName = levelFromName(r.name);
    if (byName) r.level = byName;
  });
  // programs and kegiatan named as such: the unnamed data rows under a kegiatan are its sub-kegiatan
  const uncoded = (r: LogicalRow) => !r.partial && !r.code;
  if (rows.some((r) => uncoded(r) && r.level === 'kegiatan') && rows.some((r) => r.level === 'program')) {
    let underKegiatan = false;
    for (const r of rows) {
      if (r.level === 'program' || r.kind !== 'data') underKegiatan = false;
      if (r.level === 'kegiatan') underKegiatan = true;
      else if (r.level === 'other' && r.kind === 'data' && underKegiatan && uncoded(r)) {
        r.level = 'sub_kegiatan';
        r.notes.push('level from position: a row under a kegiatan row');
      }
    }
  }
}

/**
 * Page-overlap duplicates: a run of rows printed again right after itself
 * (the last rows of a page repeated at the top of the next). The first copy is marked.
 */
export function markPageOverlapDuplicates(rows: LogicalRow[]): void {
  // a row is known by its printed code and its account: the accounts of one RKA all carry their
  // sub-kegiatan's code, and a parent account with one child prints the child's figure
  const codeOf = (r: LogicalRow) => {
    const code = r.code && r.codeReason && SOURCE_OF_REASON[r.codeReason] !== 'inferred' ? r.code : null;
    return code === null && r.account === null ? null : `${code ?? ''}|${r.account ?? ''}`;
  };
  for (let i = 0; i < rows.length; i++) {
    for (let k = 1; k <= 4 && i + 2 * k <= rows.length; k++) {
      let same = true;
      for (let j = 0; j < k && same; j++) {
        const a = rows[i + j];
        const b = rows[i + k + j];
        same = codeOf(a) !== null && codeOf(a) === codeOf(b) && sharedValues(a, b) >= 0.5 && nameSimilarity(a.name, b.name).score >= 0.5;
      }
      if (same) {
        for (let j = 0; j < k; j++) {
          rows[i + j].duplicateOf = rows[i + k + j].line;
          rows[i + j].notes.push(`page-overlap duplicate of line ${rows[i + k + j].line}`);
        }
        i += k - 1;
        break;
      }
    }
  }
}

function sharedValues(a: LogicalRow, b: LogicalRow): number {
  const av = a.values.map((v) => v.value).filter((v): v is number => v !== null);
  const bv = new Set(b.values.map((v) => v.value).filter((v): v is number => v !== null));
  if (av.length === 0) return 0;
  return av.filter((v) => bv.has(v)).length / av.length;
}

export type { ColumnSpec, LayoutLine };
