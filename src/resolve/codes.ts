// Codes stage, document level: complete what print lost. A partial code takes its missing
// prefix from the rows above it (the hierarchy), a kegiatan digit cut off (`2.0`) or a
// truncated sub-kegiatan from the names of codes printed whole elsewhere in the same
// document, and rows without any code get one inferred by name and position — only when
// the match is clear: a wrong code is worse than none.

import { HIERARCHY, type Level, type LogicalRow, type PartialCode } from '../model.js';
import { FIELD, formatCode, levelOfCode, parentCode, type CodeContext } from '../normalize/codes.js';
import { nameSimilarity } from '../normalize/similarity.js';
import { Tally } from '../tally.js';

export const ACCEPT = 0.8; // similarity needed to take a code from a name
export const ACCEPT_ONLY_CHILD = 0.4; // when the parent has one child of that level
export const ACCEPT_ANY_LEVEL = 0.85; // when neither level nor parent narrows the search

/** code → every name printed for it in the document (and, later, the nomenclature). */
export class NameIndex {
  private names = new Map<string, string[]>();

  add(code: string, name: string): void {
    if (!name.trim()) return;
    const list = this.names.get(code) ?? [];
    if (!list.includes(name)) list.push(name);
    this.names.set(code, list);
  }

  has(code: string): boolean {
    return this.names.has(code);
  }

  namesOf(code: string): string[] {
    return this.names.get(code) ?? [];
  }

  codes(): string[] {
    return [...this.names.keys()];
  }

  /** Best code among `candidates` for a name; null when nothing is close enough. */
  best(name: string, candidates: string[], threshold: number, useContainment = false): { code: string; score: number } | null {
    let best: { code: string; score: number } | null = null;
    let second = 0;
    for (const code of candidates) {
      let s = 0;
      for (const n of this.namesOf(code)) {
        const sim = nameSimilarity(name, n);
        s = Math.max(s, useContainment ? Math.max(sim.score, 0.95 * sim.containment) : sim.score);
      }
      if (!best || s > best.score) {
        second = best?.score ?? 0;
        best = { code, score: s };
      } else if (s > second) second = s;
    }
    // a near tie between two codes is no match
    if (!best || best.score < threshold || best.score - second < 0.04) return null;
    return best;
  }

  children(prefix: string | null, level: Level): string[] {
    return this.codes().filter((c) => levelOfCode(c) === level && (prefix === null || parentCode(c) === prefix));
  }
}

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

/** Fill one partial code from the running context and, where print lost digits, from names. */
function resolvePartial(row: LogicalRow, ctx: Fields, index: NameIndex | null, fallback: NameIndex | null = null): { code: string | null; notes: string[]; fields: Fields } {
  const p = row.partial!;
  const f = fieldsOf(p);
  const notes: string[] = [];
  const filled: string[] = [];
  for (let i = 0; i <= Math.min(p.last, FIELD.KN); i++) {
    if (f[i] !== null) continue;
    if (i === FIELD.KN && p.truncated.includes('kegiatan') && p.last === FIELD.KN) continue; // the kegiatan row itself
    // a sub-kegiatan whose kegiatan digit was cut off belongs to the kegiatan above it
    const sameBranch = ctx.slice(0, i).every((c, k) => f[k] === null || f[k] === c);
    if (ctx[i] !== null && sameBranch) {
      f[i] = ctx[i];
      filled.push(['urusan', 'bidang', 'program', 'kegiatan type', 'kegiatan'][i]);
    }
  }
  if (filled.length) notes.push(`${filled.join(', ')} taken from the rows above`);
  let needKegiatan = p.truncated.includes('kegiatan') && f[FIELD.KN] === null;
  // a sub-kegiatan whose kegiatan number was lost: the sub-kegiatan of that number under the
  // program whose name matches the row (`01⇥2.0⇥0002 Penyediaan Administrasi …`)
  const program = toCode(f, FIELD.P);
  if (needKegiatan && p.last === FIELD.S && f[FIELD.S] && program && f[FIELD.KT] && index) {
    const sub = `.${f[FIELD.S]!.padStart(4, '0')}`;
    const subs = subKegiatanIndex(index, fallback, (c) => c.startsWith(`${program}.${f[FIELD.KT]}.`) && c.endsWith(sub));
    const hit = subs.best(row.name, subs.codes(), ACCEPT);
    if (hit) {
      f[FIELD.KN] = hit.code.split('.')[4];
      needKegiatan = false;
      notes.push(`kegiatan number lost in print; taken from the sub-kegiatan ${hit.code} the name matches (similarity ${hit.score.toFixed(2)})`);
    }
  }
  const needSub = p.last === FIELD.S && f[FIELD.S] === null;
  if ((needKegiatan || needSub) && index) {
    const level: Level = needSub && !needKegiatan ? 'sub_kegiatan' : 'kegiatan';
    const prefix = level === 'kegiatan' ? toCode(f, FIELD.P) : toCode(f, FIELD.KN);
    if (prefix) {
      const lookup = (idx: NameIndex, onlyChild: boolean) => {
        const kids = idx.children(prefix, level);
        return idx.best(row.name, kids, onlyChild && kids.length === 1 ? ACCEPT_ONLY_CHILD : ACCEPT);
      };
      let hit = lookup(index, true);
      let from = 'the name';
      // a lone child taken on a weak match yields to a clear match in the nomenclature
      const known = fallback && (!hit || hit.score < ACCEPT) ? lookup(fallback, false) : null;
      if (known && (!hit || known.score > hit.score)) {
        hit = known;
        from = 'the name, by the nomenclature';
      }
      if (hit) {
        const parts = hit.code.split('.');
        if (level === 'kegiatan') f[FIELD.KN] = parts[4];
        else f[FIELD.S] = parts[5];
        notes.push(`${level === 'kegiatan' ? 'kegiatan number' : 'sub-kegiatan number'} lost in print; taken from ${from} (${hit.code}, similarity ${hit.score.toFixed(2)})`);
      }
    }
  }
  return { code: toCode(f, p.last), notes, fields: f };
}

/**
 * A row whose code stops at the kegiatan (`01⇥2.01`, `01⇥2.0`) but whose name is that of one
 * of its sub-kegiatan, clearly better than the kegiatan's own name: the sub-kegiatan cell was
 * lost (OCR drops short cells). `scope` is the kegiatan, or `program.type` when its number was lost too.
 */
function lostSub(row: LogicalRow, scope: string, index: NameIndex, fallback: NameIndex | null): { code: string; score: number } | null {
  // the kegiatan's own name: the nomenclature's, else the document's other rows' (this row may be the one that named it)
  const ownNames = fallback?.namesOf(scope).length ? fallback.namesOf(scope) : index.namesOf(scope).filter((n) => n !== row.name);
  const own = Math.max(0, ...ownNames.map((n) => nameSimilarity(row.name, n).score));
  const subs = subKegiatanIndex(index, fallback, (c) => c.startsWith(`${scope}.`));
  const hit = subs.best(row.name, subs.codes(), ACCEPT);
  return hit && hit.score >= own + 0.1 ? hit : null;
}

/** The sub-kegiatan codes `keep` accepts with their names from the document and the nomenclature together: either alone may lack the right one. */
function subKegiatanIndex(index: NameIndex, fallback: NameIndex | null, keep: (code: string) => boolean): NameIndex {
  const both = new NameIndex();
  for (const idx of fallback ? [index, fallback] : [index]) {
    for (const c of idx.codes()) if (levelOfCode(c) === 'sub_kegiatan' && keep(c)) for (const n of idx.namesOf(c)) both.add(c, n);
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
function repeatsCodeAbove(row: LogicalRow, code: string, prev: { code: string; name: string } | null): boolean {
  if (!prev || prev.code !== code || row.partial?.last === FIELD.S) return false;
  return nameSimilarity(row.name, prev.name).score < 0.6;
}

const CHILD_LEVEL: Partial<Record<Level, Level>> = { urusan: 'bidang', bidang: 'program', program: 'kegiatan', kegiatan: 'sub_kegiatan' };

/**
 * The urusan.bidang of a document whose codes print no dotted prefix (codes split over cells,
 * or a scan whose OCR lost the one-digit urusan cell): the bidang most partial codes print,
 * with the urusan printed beside it, or else the only urusan the nomenclature knows for it.
 */
export function prefixFromPartials(tables: TableRows[], nomenclature: NameIndex): CodeContext {
  const bidang = new Tally<string>();
  const urusanOf = new Map<string, Tally<string>>();
  for (const t of tables) {
    for (const r of t.rows) {
      const p = r.partial;
      if (!p || p.ghost || !p.bidang) continue;
      bidang.add(p.bidang);
      if (p.urusan) urusanOf.set(p.bidang, (urusanOf.get(p.bidang) ?? new Tally<string>()).add(p.urusan));
    }
  }
  const [best, n] = bidang.top() ?? [null, 0];
  if (!best || n < 2) return {};
  const printed = urusanOf.get(best)?.top()?.[0];
  if (printed) return { urusan: printed, bidang: best };
  const known = new Set(nomenclature.codes().map((c) => c.split('.')).filter((f) => f[1] === best).map((f) => f[0]));
  return known.size === 1 ? { urusan: [...known][0], bidang: best } : {};
}

/**
 * The urusan.bidang of a document whose code cells lost it too (OCR drops short cells): the one
 * most rows' names match in the nomenclature, closely (0.9), at least twice and for 60% of the
 * matches. Only the first rows with names are tried: the prefix is the same all through.
 */
export function prefixFromNames(tables: TableRows[], nomenclature: NameIndex, limit = 150): CodeContext {
  const counts = new Tally<string>();
  const all = nomenclature.codes();
  const named = tables.flatMap((t) => t.rows).filter((r) => r.kind === 'data' && r.name.split(/\s+/).length >= 2).slice(0, limit);
  for (const r of named) {
    const hit = nomenclature.best(r.name, all, 0.9);
    if (hit) counts.add(hit.code.split('.').slice(0, 2).join('.'));
  }
  const [best, n] = counts.top() ?? [null, 0];
  if (!best || n < 2 || n < 0.6 * counts.total()) return {};
  const [urusan, bidang] = best.split('.');
  return { urusan, bidang };
}

/** Resolve printed codes in every table; returns the index of names by code built on the way. */
export function resolveDocumentCodes(tables: TableRows[], docPrefix: CodeContext, fallback: NameIndex | null = null): NameIndex {
  // pass 1: codes printed whole give the name index
  const index = new NameIndex();
  for (const t of tables) {
    const ctx = ctxFields(docPrefix);
    let prev: { code: string; name: string } | null = null;
    for (const row of t.rows) {
      if (!row.partial || row.kind !== 'data') continue;
      const { code } = resolvePartial(row, ctx, null);
      if (!code) continue;
      const repeated = repeatsCodeAbove(row, code, prev);
      if (!repeated) updateContext(ctx, code);
      if (!repeated && row.partial.truncated.length === 0 && row.name) index.add(code, row.name);
      prev = { code, name: row.name };
    }
  }
  // pass 2: all partial codes, with names for the lost digits
  for (const t of tables) {
    const ctx = ctxFields(docPrefix);
    let prev: { code: string; name: string } | null = null;
    for (const row of t.rows) {
      if (!row.partial || row.kind !== 'data') continue;
      const resolved = resolvePartial(row, ctx, index, fallback);
      let { code } = resolved;
      const { notes, fields } = resolved;
      const scope = code ?? (fields[FIELD.KT] ? toCode(fields, FIELD.KT) : null);
      if (scope && row.partial.last >= FIELD.KT && row.partial.last <= FIELD.KN && row.name) {
        const sub = lostSub(row, scope, index, fallback);
        if (sub) {
          notes.push(`printed code stops at ${scope} but the name is that of ${sub.code} (similarity ${sub.score.toFixed(2)}): sub-kegiatan number lost in print`);
          code = sub.code;
        }
      }
      if (code && repeatsCodeAbove(row, code, prev)) {
        const childLevel = CHILD_LEVEL[levelOfCode(code)];
        const kids = childLevel ? index.children(code, childLevel) : [];
        const hit = index.best(row.name, kids, kids.length === 1 ? ACCEPT_ONLY_CHILD : ACCEPT);
        notes.push(hit
          ? `printed code repeats the row above (${code}) under another name: deeper fields lost in print, taken from the name (${hit.code}, similarity ${hit.score.toFixed(2)})`
          : `printed code repeats the row above (${code}) under another name and no name matches; left null`);
        code = hit?.code ?? null;
      }
      if (code) {
        row.code = code;
        row.codeSource = 'document';
        row.level = levelOfCode(code);
        updateContext(ctx, code);
        prev = { code, name: row.name };
      } else {
        ctx[FIELD.KN] = row.partial.last <= FIELD.KN ? null : ctx[FIELD.KN];
        if (!notes.some((n) => /left null/.test(n))) notes.push('code incomplete in print and not recoverable from names; left null');
      }
      if (notes.length) row.codeNote = [row.codeNote, ...notes].filter(Boolean).join('; ');
    }
  }
  return index;
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
      row.code = kegiatan;
      row.codeSource = 'document';
      row.level = 'kegiatan';
      row.codeNote = [row.codeNote, `kegiatan ${kegiatan} by position: the row above its first sub-kegiatan, which has no row of its own, and its printed code is the start of it`].filter(Boolean).join('; ');
      present.add(kegiatan);
    });
  }
}

/** The code whose name matches the row, among the codes its level and position allow. */
function match(index: NameIndex, row: LogicalRow, query: string, program: string | null, kegiatan: string | null, onlyChild: boolean): { code: string; score: number } | null {
  if (row.level === 'program') return index.best(query, index.children(null, 'program'), ACCEPT);
  if (row.level === 'kegiatan') {
    const kids = program ? index.children(program, 'kegiatan') : index.children(null, 'kegiatan');
    return index.best(query, kids, onlyChild && program && kids.length === 1 ? ACCEPT_ONLY_CHILD : ACCEPT);
  }
  if (row.level === 'sub_kegiatan') {
    const kids = kegiatan ? index.children(kegiatan, 'sub_kegiatan') : index.children(null, 'sub_kegiatan');
    return index.best(query, kids, onlyChild && kegiatan && kids.length === 1 ? ACCEPT_ONLY_CHILD : ACCEPT);
  }
  if (row.level === 'other' || row.level === 'urusan' || row.level === 'bidang') {
    // position first: a sub-kegiatan of the kegiatan above or a kegiatan of the program above
    const near = [...(kegiatan ? index.children(kegiatan, 'sub_kegiatan') : []), ...(program ? index.children(program, 'kegiatan') : [])];
    return (near.length ? index.best(query, near, ACCEPT) : null) ?? index.best(query, index.codes(), ACCEPT_ANY_LEVEL, true);
  }
  return null;
}

/**
 * Rows without a printed code: match name and position against the codes printed elsewhere
 * in the document. Programs are matched among programs, kegiatan among the kegiatan of the
 * program above, sub-kegiatan among the sub-kegiatan of the kegiatan above.
 */
export function inferCodes(tables: TableRows[], docIndex: NameIndex, fallback: NameIndex | null = null): void {
  for (const t of tables) {
    const programTable = t.programHeader || t.rows.some((r) => r.code || HIERARCHY.includes(r.level));
    if (!programTable) continue;
    let program: string | null = null;
    let kegiatan: string | null = null;
    for (const row of t.rows) {
      if (row.code) {
        if (row.level === 'program') { program = row.code; kegiatan = null; }
        if (row.level === 'kegiatan') { kegiatan = row.code; program = parentCode(row.code); }
        if (row.level === 'sub_kegiatan') { kegiatan = parentCode(row.code); }
        continue;
      }
      if (row.kind !== 'data' || row.partial) continue;
      const query = row.name || Object.values(row.texts).join(' ');
      if (!query.trim()) continue;
      // the document's own names first, then the nomenclature
      let hit: { code: string; score: number } | null = null;
      let index = docIndex;
      for (const idx of fallback ? [docIndex, fallback] : [docIndex]) {
        index = idx;
        // a lone child is trusted only among the codes the document prints itself
        hit = match(idx, row, query, program, kegiatan, idx === docIndex);
        if (hit) break;
      }
      if (!hit) {
        if (HIERARCHY.includes(row.level)) {
          row.codeNote = [row.codeNote, 'no code printed and no name in the document or the nomenclature matches closely enough; left null'].filter(Boolean).join('; ');
          if (row.level === 'program') { program = null; kegiatan = null; }
          if (row.level === 'kegiatan') kegiatan = null;
        }
        continue;
      }
      row.code = hit.code;
      row.codeSource = 'inferred';
      row.level = levelOfCode(hit.code);
      const source = index === docIndex ? 'the name' : 'the name, by the nomenclature';
      row.codeNote = [row.codeNote, `inferred from ${source} (similarity ${hit.score.toFixed(2)} to '${index.namesOf(hit.code)[0]}')`].filter(Boolean).join('; ');
      if (row.level === 'program') { program = hit.code; kegiatan = null; }
      if (row.level === 'kegiatan') { kegiatan = hit.code; program = parentCode(hit.code); }
    }
  }
}
