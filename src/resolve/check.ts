// Codes checked against the nomenclature once they are resolved. What is read as a code must
// be one: a lone urusan or bidang number must carry its name (else it is a row number or
// outline numbering), a code printed with one digit for two (`2.1.1`) must exist in the
// document's bidang. A code the nomenclature does not know is kept and reported; a printed name
// unlike the nomenclature's, or a level unlike the row's, is reported too. Nothing here infers.

import type { Level, LogicalRow, PartialCode } from '../model.js';
import { loadNomenclature, REVISIONS, type NomenclatureEntry } from '../nomenclature/index.js';
import { levelOfCode } from '../normalize/codes.js';
import { similarity } from './names.js';
import { DEFAULT_SETTINGS, type CodeThresholds } from '../settings.js';
import { inBidangList, type CodeScope } from './scope.js';


function printedFields(p: PartialCode): number {
  return [p.urusan, p.bidang, p.program, p.kegiatanType, p.kegiatan, p.sub].filter((x) => x !== null).length;
}

/**
 * A code read from one or two printed numbers, or with one digit printed for two (`2.1.1`), is a
 * code only when its name is like the nomenclature's: otherwise it is a row number or outline
 * numbering that happens to fit the grammar.
 */
function weakPrint(p: PartialCode, t: CodeThresholds): boolean {
  return printedFields(p) <= t.weak_print_fields || p.padded > 0;
}

const STATED_LEVEL: [RegExp, Level][] = [
  [/^\s*sub\s*[-\s]?kegiatan\b/i, 'sub_kegiatan'],
  [/^\s*kegiatan\b/i, 'kegiatan'],
  [/^\s*program\b/i, 'program'],
];

/** The level a row's name says it is (`Program …`, `Kegiatan …`), or null. */
function statedLevel(name: string): Level | null {
  return STATED_LEVEL.find(([re]) => re.test(name))?.[1] ?? null;
}

/** The code's entry in the revision in force, else in any other (support items, renamed codes). */
export function lookUp(code: string, scope: CodeScope): NomenclatureEntry | undefined {
  const order = [scope.revision, ...REVISIONS.map((r) => r.id).filter((id) => id !== scope.revision)];
  for (const id of order) {
    if (!id) continue;
    const e = loadNomenclature(id).get(code);
    if (e) return e;
  }
  return undefined;
}

function bestNameScore(name: string, entry: NomenclatureEntry, scope: CodeScope): { score: number; inside: number } {
  const names = [entry.name, ...(scope.names?.namesOf(entry.code).slice(1) ?? [])];
  let score = 0;
  let inside = 0;
  for (const n of names) {
    const s = similarity(name, n);
    score = Math.max(score, s.score);
    inside = Math.max(inside, s.containment);
  }
  return { score, inside };
}

/** Drop a code that is numbering, not a code; the printed digits stay as the row number. */
function notACode(row: LogicalRow, why: string): void {
  row.codeIssues.push({ type: 'not_a_code', message: `'${row.codeRaw ?? row.code}' read as numbering, not a code: ${why}` });
  row.rowNo = row.rowNo ?? row.codeRaw;
  row.code = null;
  row.codeReason = null;
  row.codeSimilarity = null;
  row.level = statedLevel(row.name) ?? 'other';
}

/** Two strings of one length that differ in one character (`1.08` and `1.06`). */
function oneCharApart(a: string, b: string): boolean {
  return a.length === b.length && [...a].filter((c, i) => c !== b[i]).length === 1;
}

/**
 * An OCR'd code outside the document's bidang that, with one digit of its bidang read otherwise,
 * is a code of the document's bidang the nomenclature names as the row does, at least as well as
 * the code read (`1.08.01.2.06.0003` on a Dinas Sosial page whose every other code is `1.06`: OCR
 * read the 6 as 8). Only one such reading may exist; a text layer's digits are not second-guessed.
 */
function inScopeReading(row: LogicalRow, code: string, scope: CodeScope, t: CodeThresholds): string | null {
  if (scope.bidangs.length === 0 || inBidangList(code, scope)) return null;
  const parts = code.split('.');
  if (parts.length < 3) return null;
  const printed = parts.slice(0, 2).join('.');
  const readings = scope.bidangs.map((b) => b.code).filter((b) => oneCharApart(b, printed)).map((b) => [b, ...parts.slice(2)].join('.'));
  const known = readings.map((c) => ({ c, entry: lookUp(c, scope) })).filter((r) => r.entry);
  if (known.length !== 1) return null;
  const own = lookUp(code, scope);
  const score = bestNameScore(row.name, known[0].entry!, scope).score;
  return score >= t.name_mismatch && score >= (own ? bestNameScore(row.name, own, scope).score : 0) ? known[0].c : null;
}

/**
 * Check every resolved code of a Kepmendagri document; returns the nomenclature's name of each
 * code it knows. `ocrPages`: pages read by OCR, whose codes may hold a misread digit.
 */
export function checkCodes(rows: LogicalRow[], scope: CodeScope, t: CodeThresholds = DEFAULT_SETTINGS.codes, ocrPages: ReadonlySet<number> = new Set()): Map<string, string> {
  const canonical = new Map<string, string>();
  if (scope.system !== 'kepmendagri') return canonical;
  for (const row of rows) {
    if (!row.code || row.kind !== 'data') continue;
    const reread = row.page !== null && ocrPages.has(row.page) && !row.account ? inScopeReading(row, row.code, scope, t) : null;
    if (reread) {
      row.codeNote = [row.codeNote, `OCR read ${row.code}; the document's bidang gives ${reread}, which the nomenclature names as the row`].filter(Boolean).join('; ');
      row.code = reread;
      row.codeReason = 'bidang_restored_by_scope';
    }
    const entry = lookUp(row.code, scope);
    const level = levelOfCode(row.code);
    // a code read from few printed digits (`4`, `2.1`) is numbering unless its name is the code's
    if (row.partial && weakPrint(row.partial, t) && row.codeReason !== 'name_match' && row.codeReason !== 'nomenclature_match') {
      const s = entry ? bestNameScore(row.name, entry, scope) : { score: 0, inside: 0 };
      if (Math.max(s.score, s.inside) < t.weak_print_name) {
        notACode(row, entry ? `read from ${printedFields(row.partial)} printed number${printedFields(row.partial) > 1 ? 's' : ''}, and the name is not that of ${row.code}` : `${row.code} is no code of the nomenclature`);
        continue;
      }
    }
    if (row.account) continue; // an account row's code is the table's: its name is the account's
    if (!entry) {
      row.codeIssues.push({ type: 'code_unknown', message: `${row.code} is not in the nomenclature (${scope.revision}, nor in the other revisions)` });
      continue;
    }
    canonical.set(row.code, entry.name);
    const stated = statedLevel(row.name);
    if (stated && stated !== level) {
      row.codeIssues.push({ type: 'code_level_mismatch', message: `${row.code} is a ${level} code but the row is a ${stated} ('${row.name.slice(0, 60)}')` });
    }
    if (row.name && (level === 'program' || level === 'kegiatan' || level === 'sub_kegiatan') && row.codeReason !== 'name_match' && row.codeReason !== 'nomenclature_match') {
      const s = bestNameScore(row.name, entry, scope);
      if (s.score < t.name_mismatch && s.inside < t.name_inside) {
        row.codeIssues.push({ type: 'code_name_mismatch', message: `${row.code} is '${entry.name}' in the nomenclature, the row prints '${row.name.slice(0, 80)}' (similarity ${s.score.toFixed(2)})` });
      }
    }
  }
  return canonical;
}
