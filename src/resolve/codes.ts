// Codes stage, document level: complete what print lost. A partial code takes its missing
// prefix from the rows above it (the hierarchy), a kegiatan digit cut off (`2.0`) or a
// truncated sub-kegiatan from the names of codes printed whole elsewhere in the same
// document or in the nomenclature, and rows without any code get one inferred by name and
// position — only when the match is clear: a wrong code is worse than none. Every code found
// says how (`codeReason`) and, when a name decided it, with what similarity.

import { HIERARCHY, type CodeReason, type Level, type LogicalRow, type PartialCode } from '../model.js';
import { digitAlignments, FIELD, formatCode, levelOfCode, parentCode, weakPrint, type CodeContext } from '../normalize/codes.js';
import { nameTokens } from '../normalize/similarity.js';
import { DEFAULT_SETTINGS, type CodeThresholds } from '../settings.js';
import { NameIndex, similarity, type CodeNames, type NameHit } from './names.js';

export { NameIndex } from './names.js';

// `Program :`, `Kegiatan :`, `Sub Kegiatan :` before a name in a name list
const LEVEL_LABEL = /^\s*(sub\s*kegiatan|kegiatan|program)\s*:\s*/i;
// the level a code ending in each field has (a kegiatan type digit alone is not a code)
const LEVEL_OF_FIELD: (Level | null)[] = ['urusan', 'bidang', 'program', null, 'kegiatan', 'sub_kegiatan'];

type Fields = (string | null)[];

function fieldsOf(p: PartialCode): Fields {
  return [p.urusan, p.bidang, p.program, p.kegiatanType, p.kegiatan, p.sub];
}

function ctxFields(ctx: CodeContext): Fields {
  return [ctx.urusan ?? null, ctx.bidang ?? null, ctx.program ?? null, ctx.kegiatanType ?? null, ctx.kegiatan ?? null, null];
}

function toCode(f: Fields, last: number): string | null {
  for (let i = 0; i <= last; i++) if (f[i] === null) return null;
  return formatCode({ urusan: f[0], bidang: f[1], program: f[2], kegiatanType: f[3], kegiatan: f[4], sub: last >= FIELD.S ? f[5] : null });
}

/** What resolution found for a partial code: the code, why, the similarity a name gave, and notes for people. */
interface Resolution {
  code: string | null;
  reason: CodeReason;
  similarity: number | null;
  notes: string[];
  fields: Fields;
}

/** Set a row's code with its reason; the note says it in words for a reader of the JSON. */
function assign(row: LogicalRow, code: string, reason: CodeReason, similarityScore: number | null, note: string | null): void {
  row.code = code;
  row.codeReason = reason;
  row.codeSimilarity = similarityScore === null ? null : Math.round(similarityScore * 1000) / 1000;
  row.level = levelOfCode(code);
  if (note) row.codeNote = [row.codeNote, note].filter(Boolean).join('; ');
}

/** Fill one partial code from the running context and, where print lost digits, from names. */
function resolvePartial(row: LogicalRow, ctx: Fields, t: CodeThresholds, index: CodeNames | null, fallback: CodeNames | null = null): Resolution {
  const p = row.partial!;
  const f = fieldsOf(p);
  const notes: string[] = [];
  const filled: string[] = [];
  let reason: CodeReason = 'printed';
  let sim: number | null = null;
  const fromContext = (i: number) => {
    // a sub-kegiatan whose kegiatan digit was cut off belongs to the kegiatan above it
    const sameBranch = ctx.slice(0, i).every((c, k) => f[k] === null || f[k] === c);
    if (ctx[i] === null || !sameBranch) return;
    f[i] = ctx[i];
    filled.push(['urusan', 'bidang', 'program', 'kegiatan type', 'kegiatan'][i]);
  };
  // a sub-kegiatan's cut-off kegiatan number is taken from its name first: the kegiatan row above
  // it may be one whose own code is found only later, by its name, and the context still holds the one before
  const lostKegiatan = p.truncated.includes('kegiatan') && p.last === FIELD.S;
  for (let i = 0; i <= Math.min(p.last, FIELD.KN); i++) {
    if (f[i] !== null) continue;
    if (i === FIELD.KN && p.truncated.includes('kegiatan') && (p.last === FIELD.KN || lostKegiatan)) continue; // the kegiatan row itself
    fromContext(i);
  }
  let needKegiatan = p.truncated.includes('kegiatan') && f[FIELD.KN] === null;
  // a sub-kegiatan whose kegiatan number was lost: the sub-kegiatan of that number under the
  // program whose name matches the row (`01⇥2.0⇥0002 Penyediaan Administrasi …`)
  const program = toCode(f, FIELD.P);
  if (needKegiatan && p.last === FIELD.S && f[FIELD.S] && program && f[FIELD.KT] && index) {
    const sub = `.${f[FIELD.S]!.padStart(4, '0')}`;
    const subs = subKegiatanIndex(index, fallback, t, (c) => c.startsWith(`${program}.${f[FIELD.KT]}.`) && c.endsWith(sub));
    const hit = subs.best(row.name, subs.codes(), t.accept);
    if (hit) {
      f[FIELD.KN] = hit.code.split('.')[4];
      needKegiatan = false;
      [reason, sim] = ['digit_restored_by_name', hit.score];
      notes.push(`kegiatan number lost in print; taken from the sub-kegiatan ${hit.code} the name matches (similarity ${hit.score.toFixed(2)})`);
    }
  }
  if (needKegiatan && lostKegiatan) {
    fromContext(FIELD.KN);
    needKegiatan = f[FIELD.KN] === null;
  }
  if (filled.length) {
    notes.push(`${filled.join(', ')} taken from the rows above`);
    if (reason === 'printed') reason = 'prefix_from_context';
  }
  const needSub = p.last === FIELD.S && f[FIELD.S] === null;
  if ((needKegiatan || needSub) && index) {
    const level: Level = needSub && !needKegiatan ? 'sub_kegiatan' : 'kegiatan';
    const prefix = level === 'kegiatan' ? toCode(f, FIELD.P) : toCode(f, FIELD.KN);
    if (prefix) {
      const lookup = (idx: CodeNames, onlyChild: boolean) => {
        const kids = idx.children(prefix, level);
        return idx.best(row.name, kids, onlyChild && kids.length === 1 ? t.accept_only_child : t.accept);
      };
      let hit = lookup(index, true);
      let from = 'the name';
      // a lone child taken on a weak match yields to a clear match in the nomenclature
      const known = fallback && (!hit || hit.score < t.accept) ? lookup(fallback, false) : null;
      if (known && (!hit || known.score > hit.score)) {
        hit = known;
        from = 'the name, by the nomenclature';
      }
      if (hit) {
        const parts = hit.code.split('.');
        if (level === 'kegiatan') f[FIELD.KN] = parts[4];
        else f[FIELD.S] = parts[5];
        [reason, sim] = ['digit_restored_by_name', hit.score];
        notes.push(`${level === 'kegiatan' ? 'kegiatan number' : 'sub-kegiatan number'} lost in print; taken from ${from} (${hit.code}, similarity ${hit.score.toFixed(2)})`);
      }
    }
  }
  return { code: toCode(f, p.last), reason, similarity: sim, notes, fields: f };
}

/**
 * A row whose code stops at the kegiatan (`01⇥2.01`, `01⇥2.0`) but whose name is that of one
 * of its sub-kegiatan, clearly better than the kegiatan's own name: the sub-kegiatan cell was
 * lost (OCR drops short cells). `scope` is the kegiatan, or `program.type` when its number was lost too.
 */
function lostSub(row: LogicalRow, scope: string, t: CodeThresholds, index: CodeNames, fallback: CodeNames | null): NameHit | null {
  // the kegiatan's own name: the nomenclature's, else the document's other rows' (this row may be the one that named it)
  const ownNames = fallback?.namesOf(scope).length ? fallback.namesOf(scope) : index.namesOf(scope).filter((n) => n !== row.name);
  const own = ownNames.reduce((m, n) => Math.max(m, similarity(row.name, n).score), 0);
  const subs = subKegiatanIndex(index, fallback, t, (c) => c.startsWith(`${scope}.`), levelOfCode(scope) === 'kegiatan' ? scope : null);
  const hit = subs.best(row.name, subs.codes(), t.accept);
  return hit && hit.score >= own + t.sub_lead ? hit : null;
}

/**
 * The sub-kegiatan codes `keep` accepts with their names from the document and the nomenclature
 * together: either alone may lack the right one. `kegiatan`: when all of them are under one
 * kegiatan, only its children are looked through (not every sub-kegiatan of the bidang).
 */
function subKegiatanIndex(index: CodeNames, fallback: CodeNames | null, t: CodeThresholds, keep: (code: string) => boolean, kegiatan: string | null = null): NameIndex {
  const both = new NameIndex(t.clear_lead);
  for (const idx of fallback ? [index, fallback] : [index]) {
    for (const c of idx.children(kegiatan, 'sub_kegiatan')) if (keep(c)) for (const n of idx.namesOf(c)) both.add(c, n);
  }
  return both;
}

function updateContext(ctx: Fields, code: string): void {
  const parts = code.split('.');
  const f: Fields = [parts[0] ?? null, parts[1] ?? null, parts[2] ?? null, parts[3] ?? null, parts[4] ?? null, null];
  for (let i = 0; i < 5; i++) ctx[i] = f[i];
}

export interface TableRows {
  id: string;
  rows: LogicalRow[];
  /** the header names a Program/Kegiatan column: rows are program-tree rows even when none prints a code */
  programHeader?: boolean;
}

/** A row printing the same code as the row above under another name lost its deeper fields. */
function repeatsCodeAbove(row: LogicalRow, code: string, prev: { code: string; name: string } | null, t: CodeThresholds): boolean {
  if (!prev || prev.code !== code || row.partial?.last === FIELD.S) return false;
  return similarity(row.name, prev.name).score < t.other_name;
}

const CHILD_LEVEL: Partial<Record<Level, Level>> = { urusan: 'bidang', bidang: 'program', program: 'kegiatan', kegiatan: 'sub_kegiatan' };

/**
 * A code the printed digits allow, field by field: each printed field is the code's (`06`, or
 * `6` for 06) or the start of it with digits lost (`1` for 13, `0` for a kegiatan 0x). Fields
 * not printed allow anything.
 */
function consistent(code: string, printed: (string | null)[]): boolean {
  const f = code.split('.');
  return printed.every((d, i) => {
    if (d === null) return true;
    const c = f[i];
    if (c === undefined) return false;
    return Number(c) === Number(d) || (d.length < c.length && c.startsWith(d));
  });
}

/**
 * The digits a code prints as when its stops are lost or misplaced, from its urusan, its bidang
 * or its program on, with the sub-kegiatan in four digits or, below 100, in two as many
 * documents print it (1.03.02.2.01.0046 → `1030220146`, …, `0220146`).
 */
export function digitRuns(code: string): string[] {
  const f = code.split('.');
  const subs = f.length === 6 && f[5].startsWith('00') ? [f[5], f[5].slice(2)] : [f[5]];
  const out: string[] = [];
  for (let from = FIELD.U; from <= FIELD.P && from < f.length - 1; from++) {
    for (const sub of subs) out.push([...f.slice(from, 5), ...(sub === undefined ? [] : [sub])].join(''));
  }
  return out;
}

// the levels whose codes print enough digits to be recognised by their digits alone
const DIGIT_RUN_LEVELS: Level[] = ['kegiatan', 'sub_kegiatan'];

/**
 * A code whose print lost digits (`2⇥1⇥.4.⇥2.0` for 2.13.04.2.01), completed by the row's name
 * among the codes of its level that the printed digits allow. `names` first: the document's own
 * codes, then the nomenclature.
 */
function completeByName(row: LogicalRow, sources: CodeNames[], t: CodeThresholds): { hit: NameHit; byNomenclature: boolean } | null {
  const p = row.partial!;
  if (!row.name) return null;
  const readings = [p.printed, ...digitAlignments(p.raw)].filter((r) => r.filter((d) => d !== null).length >= t.completion_min_fields);
  for (const [k, idx] of sources.entries()) {
    const allowed = new Set<string>();
    for (const printed of readings) {
      const last = printed.reduce((m, d, i) => (d !== null ? i : m), -1);
      const level = LEVEL_OF_FIELD[last];
      if (!level) continue;
      for (const c of idx.children(null, level)) if (consistent(c, printed)) allowed.add(c);
    }
    const hit = idx.best(row.name, [...allowed], t.accept);
    if (hit) return { hit, byNomenclature: k > 0 };
  }
  return null;
}

/** The kegiatan and sub-kegiatan of `sources` by each digit run they print as (digitRuns). */
function codesByDigitRun(sources: CodeNames[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const idx of sources) {
    for (const level of DIGIT_RUN_LEVELS) {
      for (const c of idx.children(null, level)) for (const run of digitRuns(c)) (out.get(run) ?? out.set(run, new Set()).get(run)!).add(c);
    }
  }
  return out;
}

/**
 * A code whose stops OCR lost or misplaced (`022.0146` for 02.2.01.46), so that no reading field
 * by field is a code the document's bidang has: its digits, as one run, are those of exactly one
 * known kegiatan or sub-kegiatan (`byRun`: the document's own codes and the nomenclature), and the
 * row's name confirms it as a weak print's name must (`weak_print_name`): OCR garbles names too
 * (`Norinalisasi/Restorasi Sungai`), and the digits have already chosen the code.
 */
function completeByDigits(row: LogicalRow, sources: CodeNames[], byRun: Map<string, Set<string>>, t: CodeThresholds): NameHit | null {
  const run = row.partial!.raw.replace(/\D/g, '');
  if (!row.name || run.length < t.completion_min_digits) return null;
  const found = byRun.get(run);
  if (found?.size !== 1) return null;
  const [code] = found;
  const score = Math.max(0, ...sources.flatMap((idx) => idx.namesOf(code).map((n) => similarity(row.name, n).score)));
  return score >= t.weak_print_name ? { code, score } : null;
}

/** Resolve printed codes in every table; returns the index of names by code built on the way. */
export function resolveDocumentCodes(tables: TableRows[], docPrefix: CodeContext, fallback: CodeNames | null = null, t: CodeThresholds = DEFAULT_SETTINGS.codes, ocrPages: ReadonlySet<number> = new Set()): NameIndex {
  const unconfirmed = (row: LogicalRow, code: string) => unconfirmedReading(row, code, fallback, ocrPages, t);
  // pass 1: codes printed whole give the name index
  const index = new NameIndex(t.clear_lead);
  for (const table of tables) {
    const ctx = ctxFields(docPrefix);
    let prev: { code: string; name: string } | null = null;
    for (const row of table.rows) {
      if (!row.partial || row.kind !== 'data') continue;
      const { code } = resolvePartial(row, ctx, t, null);
      if (!code) continue;
      const repeated = repeatsCodeAbove(row, code, prev, t);
      // digits printed one for two (`2⇥1⇥.4.`) make a code only if the nomenclature has it
      const doubtful = row.partial.padded > 0 && fallback !== null && !fallback.has(code);
      // digits OCR read (or read without their stops, cut by the fields' widths): a reading the nomenclature must confirm
      if (unconfirmed(row, code)) continue;
      if (!repeated) updateContext(ctx, code);
      if (!repeated && !doubtful && row.partial.truncated.length === 0 && row.name) index.add(code, row.name);
      prev = { code, name: row.name };
    }
  }
  // pass 2: all partial codes, with names for the lost digits; the codes by their digit runs,
  // built once, when a print first needs them
  let runs: Map<string, Set<string>> | null = null;
  for (const table of tables) {
    const ctx = ctxFields(docPrefix);
    let prev: { code: string; name: string } | null = null;
    for (const row of table.rows) {
      if (!row.partial || row.kind !== 'data') continue;
      const r = resolvePartial(row, ctx, t, index, fallback);
      const scope = r.code ?? (r.fields[FIELD.KT] ? toCode(r.fields, FIELD.KT) : null);
      if (scope && row.partial.last >= FIELD.KT && row.partial.last <= FIELD.KN && row.name) {
        const sub = lostSub(row, scope, t, index, fallback);
        if (sub) {
          r.notes.push(`printed code stops at ${scope} but the name is that of ${sub.code} (similarity ${sub.score.toFixed(2)}): sub-kegiatan number lost in print`);
          [r.code, r.reason, r.similarity] = [sub.code, 'sub_from_name', sub.score];
        }
      }
      // a code nothing knows, or none: what the printed digits allow, by the name
      if (fallback && (r.code === null || !fallback.has(r.code))) {
        const done = completeByName(row, [index, fallback], t);
        const byDigits = done ? null : completeByDigits(row, [index, fallback], (runs ??= codesByDigitRun([index, fallback])), t);
        if (done && done.hit.code !== r.code) {
          r.notes.push(`printed digits '${row.partial.raw}' complete to ${done.hit.code} by the name${done.byNomenclature ? ', in the nomenclature' : ''} (similarity ${done.hit.score.toFixed(2)})`);
          [r.code, r.reason, r.similarity] = [done.hit.code, 'digit_restored_by_name', done.hit.score];
        } else if (byDigits && byDigits.code !== r.code) {
          r.notes.push(`printed digits '${row.partial.raw}' are those of ${byDigits.code} with its stops lost or misplaced, whose name the row's is like (similarity ${byDigits.score.toFixed(2)})`);
          [r.code, r.reason, r.similarity] = [byDigits.code, 'digit_restored_by_name', byDigits.score];
        }
      }
      if (r.code && unconfirmed(row, r.code)) {
        r.notes.push(`digits '${row.partial.raw}' read ${row.partial.regrouped ? `as ${r.code} by the fields' widths` : `by OCR as ${r.code}`}, which the nomenclature of the document's bidang does not have`);
        r.code = null;
      }
      if (r.code && repeatsCodeAbove(row, r.code, prev, t)) {
        const childLevel = CHILD_LEVEL[levelOfCode(r.code)];
        const kids = childLevel ? index.children(r.code, childLevel) : [];
        const hit = index.best(row.name, kids, kids.length === 1 ? t.accept_only_child : t.accept);
        r.notes.push(hit
          ? `printed code repeats the row above (${r.code}) under another name: deeper fields lost in print, taken from the name (${hit.code}, similarity ${hit.score.toFixed(2)})`
          : `printed code repeats the row above (${r.code}) under another name and no name matches`);
        [r.code, r.reason, r.similarity] = hit ? [hit.code, 'repeated_code_by_name', hit.score] : [null, r.reason, null];
      }
      if (r.code) {
        assign(row, r.code, r.reason, r.similarity, r.notes.join('; ') || null);
        updateContext(ctx, r.code);
        prev = { code: r.code, name: row.name };
      } else {
        ctx[FIELD.KN] = row.partial.last <= FIELD.KN ? null : ctx[FIELD.KN];
        row.codeIssues.push({ type: 'code_unresolved', message: `${row.partial.raw}: ${[...r.notes, 'code incomplete in print and not recoverable from names; left null'].join('; ')}` });
      }
    }
  }
  return index;
}

/**
 * A code the nomenclature of the document's bidang must confirm, else it is no code (a wrong code
 * is worse than none): digits read without their stops and cut by the fields' widths (`0120101`),
 * and a code OCR read (`61.2.05.10` for `01.2.05.10`) — one printed fully enough to be a code: a
 * weak print (`2.1.1.`) is numbering unless its name says otherwise, which checkCodes decides.
 */
function unconfirmedReading(row: LogicalRow, code: string, fallback: CodeNames | null, ocrPages: ReadonlySet<number>, t: CodeThresholds): boolean {
  return (row.partial?.regrouped === true || ocrCodePrint(row, ocrPages, t)) && fallback !== null && !fallback.has(code);
}

/** A row on a page read by OCR whose printed digits are full enough to be a code (not a weak print: `2.1.1.`, `2.2.`). */
function ocrCodePrint(row: LogicalRow, ocrPages: ReadonlySet<number>, t: CodeThresholds): boolean {
  return row.partial !== null && row.page !== null && ocrPages.has(row.page) && !weakPrint(row.partial, t.weak_print_fields);
}

/**
 * A row whose printed code stops short (`06⇥01` where OCR lost `2.01`) and whose name matched
 * nothing, directly above the first sub-kegiatan of a kegiatan that has no row of its own in
 * the table: it is that kegiatan's row. Only when what was printed is the start of that code.
 */
export function kegiatanByPosition(tables: TableRows[]): void {
  for (const t of tables) {
    const present = new Set(t.rows.map((r) => r.code).filter(Boolean));
    t.rows.forEach((row, i) => {
      if (row.code || row.kind !== 'data' || !row.partial || row.partial.ghost) return;
      const next = t.rows.slice(i + 1).find((r) => r.kind === 'data');
      if (!next?.code || levelOfCode(next.code) !== 'sub_kegiatan') return;
      const kegiatan = parentCode(next.code)!;
      const printed = fieldsOf(row.partial).slice(0, FIELD.KN + 1);
      // compare field by field what was printed (a field left empty in print says nothing)
      const fits = kegiatan.split('.').every((w, k) => printed[k] === null || Number(printed[k]) === Number(w));
      if (present.has(kegiatan) || !fits) return;
      assign(row, kegiatan, 'position', null, `kegiatan ${kegiatan} by position: the row above its first sub-kegiatan, which has no row of its own, and its printed code is the start of it`);
      row.codeIssues = row.codeIssues.filter((x) => x.type !== 'code_unresolved');
      present.add(kegiatan);
    });
  }
}

/** The code whose name matches the row, among the codes its level and position allow. */
function match(index: CodeNames, row: LogicalRow, query: string, program: string | null, kegiatan: string | null, onlyChild: boolean, t: CodeThresholds): NameHit | null {
  if (row.level === 'program') return index.best(query, index.children(null, 'program'), t.accept);
  if (row.level === 'kegiatan') {
    const kids = program ? index.children(program, 'kegiatan') : index.children(null, 'kegiatan');
    return index.best(query, kids, onlyChild && program && kids.length === 1 ? t.accept_only_child : t.accept);
  }
  if (row.level === 'sub_kegiatan') {
    const kids = kegiatan ? index.children(kegiatan, 'sub_kegiatan') : index.children(null, 'sub_kegiatan');
    return index.best(query, kids, onlyChild && kegiatan && kids.length === 1 ? t.accept_only_child : t.accept);
  }
  if (row.level === 'other' || row.level === 'urusan' || row.level === 'bidang') {
    // position first: a sub-kegiatan of the kegiatan above or a kegiatan of the program above
    const near = [...(kegiatan ? index.children(kegiatan, 'sub_kegiatan') : []), ...(program ? index.children(program, 'kegiatan') : [])];
    return (near.length ? index.best(query, near, t.accept) : null) ?? index.best(query, index.codes(), t.accept_any_level, true);
  }
  return null;
}

/**
 * A program row whose code print lost (a scan: bold type on its rule) and whose name OCR garbled
 * past the nomenclature's bar (`PROGRAM PENUNJANGURUSAN PEMERINTAHAN nassau`): the program of
 * the coded rows that follow it, before the next program, when its name is like that program's
 * as a lone child's must be (`codes.accept_only_child`) and the table names it on no other row.
 */
function programOfNext(index: CodeNames, rows: LogicalRow[], at: number, query: string, t: CodeThresholds): NameHit | null {
  // a program's name, not the word alone (`Program,` of a header repeated on the page)
  if (rows[at].level !== 'program' || nameTokens(query.replace(/^\s*program\b/i, '')).length < 2) return null;
  const below = rows.slice(at + 1);
  const next = below.find((r) => r.level === 'program' || (r.code && (r.level === 'kegiatan' || r.level === 'sub_kegiatan')));
  if (!next?.code || next.level === 'program') return null;
  const kegiatan = next.level === 'kegiatan' ? next.code : parentCode(next.code);
  const program = kegiatan ? parentCode(kegiatan) : null;
  if (!program || !index.has(program) || below.some((r) => r.code === program)) return null;
  return index.best(query, [program], t.accept_only_child);
}

/**
 * Rows without a printed code: match name and position against the codes printed elsewhere
 * in the document, then the nomenclature of its bidang. Programs are matched among programs,
 * kegiatan among the kegiatan of the program above, sub-kegiatan among the sub-kegiatan of the
 * kegiatan above.
 */
export function inferCodes(tables: TableRows[], docIndex: CodeNames, fallback: CodeNames | null = null, inScope: (code: string) => boolean = () => true, t: CodeThresholds = DEFAULT_SETTINGS.codes, ocrPages: ReadonlySet<number> = new Set()): void {
  // printed digits that gave no code stand for themselves (a row number, an outline number) —
  // unless OCR read them: then they are a code misread, and the row is named as one printing none
  const printedOwn = (row: LogicalRow) => row.partial !== null && !ocrCodePrint(row, ocrPages, t);
  for (const table of tables) {
    const programTable = table.programHeader || table.rows.some((r) => r.code || HIERARCHY.includes(r.level));
    if (!programTable) continue;
    let program: string | null = null;
    let kegiatan: string | null = null;
    for (const [i, row] of table.rows.entries()) {
      if (row.code) {
        if (row.level === 'program') { program = row.code; kegiatan = null; }
        if (row.level === 'kegiatan') { kegiatan = row.code; program = parentCode(row.code); }
        if (row.level === 'sub_kegiatan') { kegiatan = parentCode(row.code); }
        continue;
      }
      if (row.kind !== 'data' || printedOwn(row) || row.account) continue;
      // a name list's label (`Sub Kegiatan : Penyediaan …`) is not part of the name
      const query = (row.name || Object.values(row.texts).join(' ')).replace(LEVEL_LABEL, '');
      if (!query.trim()) continue;
      // the document's own names first, then the nomenclature
      let hit: NameHit | null = null;
      let index = docIndex;
      for (const idx of fallback ? [docIndex, fallback] : [docIndex]) {
        index = idx;
        // a lone child is trusted only among the codes the document prints itself
        hit = match(idx, row, query, program, kegiatan, idx === docIndex, t) ?? programOfNext(idx, table.rows, i, query, t);
        // an inferred code stays in the document's bidang (a code it prints of another is no model)
        if (hit && !inScope(hit.code)) hit = null;
        if (hit) break;
      }
      // on a scanned page, a match among the document's own names, short of exact, yields to a
      // better one of another code in the nomenclature: the name the document printed with that
      // code may be OCR's garbling of another (`Pemeliharaan, Taman Makam Pahiawan` is no model for
      // `Pengamanan Taman Makam Pahlawan`). A text layer's names are the author's: a variant of
      // the nomenclature's (`… Sarana dan Prasarana Gedung Kantor …` for 2.09.0010) keeps its code
      if (hit && index === docIndex && fallback && hit.score < 1 && row.page !== null && ocrPages.has(row.page)) {
        const known = match(fallback, row, query, program, kegiatan, false, t);
        if (known && known.code !== hit.code && known.score > hit.score && inScope(known.code)) [hit, index] = [known, fallback];
      }
      if (!hit) {
        if (HIERARCHY.includes(row.level)) {
          row.codeIssues.push({ type: 'code_not_inferred', message: `${row.level} '${row.name}': no code printed and no name in the document or the nomenclature matches closely enough; code left null` });
          if (row.level === 'program') { program = null; kegiatan = null; }
          if (row.level === 'kegiatan') kegiatan = null;
        }
        continue;
      }
      const byNomenclature = index !== docIndex;
      // digits OCR misread: the name tells the code after all
      if (row.partial) row.codeIssues = row.codeIssues.filter((i) => i.type !== 'code_unresolved');
      assign(row, hit.code, byNomenclature ? 'nomenclature_match' : 'name_match', hit.score,
        `${row.partial ? `OCR read '${row.partial.raw}', no code of the document's bidang; ` : ''}inferred from the name${byNomenclature ? ', by the nomenclature' : ''} (similarity ${hit.score.toFixed(2)} to '${index.namesOf(hit.code)[0]}')`);
      if (row.level === 'program') { program = hit.code; kegiatan = null; }
      if (row.level === 'kegiatan') { kegiatan = hit.code; program = parentCode(hit.code); }
    }
  }
}
