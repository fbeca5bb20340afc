// Codes checked against the nomenclature once they are resolved. What is read as a code must
// be one: a lone urusan or bidang number must carry its name (else it is a row number or
// outline numbering), a code printed with one digit for two (`2.1.1`) must exist in the
// document's bidang. A code the nomenclature does not know is kept and reported; a printed name
// unlike the nomenclature's, or a level unlike the row's, is reported too. Nothing here infers.

import type { Level, LogicalRow } from '../model.js';
import { loadNomenclature, REVISIONS, type NomenclatureEntry } from '../nomenclature/index.js';
import { levelOfCode, printedFields, weakPrint } from '../normalize/codes.js';
import { clearBest, similarity } from './names.js';
import { DEFAULT_SETTINGS, type CodeThresholds } from '../settings.js';
import { inBidangList, type CodeScope } from './scope.js';


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

/** The codes one digit away from `code` (each digit read as each other digit). */
function oneDigitAway(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) {
    if (!/\d/.test(code[i])) continue;
    for (let d = 0; d <= 9; d++) if (String(d) !== code[i]) out.push(code.slice(0, i) + d + code.slice(i + 1));
  }
  return out;
}

/**
 * An OCR'd code that, with one digit read otherwise, is the code of the row: a code of the
 * document's bidang that the nomenclature names as the row, where the code read is outside the
 * bidang (`1.08.01.2.06.0003` on a Dinas Sosial page whose every other code is `1.06`: OCR read the
 * 6 as 8) or names the row otherwise (`…2.06.04` read for `…2.06.03 Penyediaan Peralatan Rumah
 * Tangga`). One such reading must be named clearly best; a text layer's digits are not second-guessed.
 */
function ocrDigitReading(row: LogicalRow, code: string, scope: CodeScope, t: CodeThresholds): string | null {
  if (scope.bidangs.length === 0 || code.split('.').length < 3) return null;
  const own = lookUp(code, scope);
  const ownScore = own ? bestNameScore(row.name, own, scope).score : 0;
  const inScope = inBidangList(code, scope);
  if (inScope && ownScore >= t.name_mismatch) return null;
  // out of the bidang, a code named as well will do; in it, one named clearly better
  const needed = Math.max(t.name_mismatch, inScope ? ownScore + t.sub_lead : ownScore);
  const fits = oneDigitAway(code).flatMap((c) => {
    const e = inBidangList(c, scope) ? lookUp(c, scope) : undefined;
    return e ? [{ code: c, score: bestNameScore(row.name, e, scope).score }] : [];
  });
  // kegiatan of one program are named alike (`Administrasi Keuangan / Kepegawaian / Umum Perangkat
  // Daerah`): the reading must be named clearly better than every other
  return clearBest(fits, needed, t.sub_lead)?.code ?? null;
}

/**
 * Codes on pages read by OCR (`ocrPages`) that hold a misread digit, read as the code one digit
 * away that the nomenclature names as the row (ocrDigitReading). Run before names are matched to
 * rows printing no code: a sub-kegiatan's name is looked for among the kegiatan above it.
 */
export function rereadOcrDigits(rows: LogicalRow[], scope: CodeScope, t: CodeThresholds = DEFAULT_SETTINGS.codes, ocrPages: ReadonlySet<number> = new Set()): void {
  if (scope.system !== 'kepmendagri') return;
  for (const row of rows) {
    if (!row.code || row.kind !== 'data' || row.account || row.page === null || !ocrPages.has(row.page)) continue;
    const reread = ocrDigitReading(row, row.code, scope, t);
    if (!reread) continue;
    row.codeNote = [row.codeNote, `OCR read ${row.code}; one digit read otherwise gives ${reread}, a code of the document's bidang the nomenclature names as the row`].filter(Boolean).join('; ');
    row.code = reread;
    row.codeReason = 'ocr_digit_by_name';
  }
}

/** Check every resolved code of a Kepmendagri document; returns the nomenclature's name of each code it knows. */
export function checkCodes(rows: LogicalRow[], scope: CodeScope, t: CodeThresholds = DEFAULT_SETTINGS.codes): Map<string, string> {
  const canonical = new Map<string, string>();
  if (scope.system !== 'kepmendagri') return canonical;
  for (const row of rows) {
    if (!row.code || row.kind !== 'data') continue;
    const entry = lookUp(row.code, scope);
    const level = levelOfCode(row.code);
    // a code read from few printed digits (`4`, `2.1`) is numbering unless its name is the code's
    if (row.partial && weakPrint(row.partial, t.weak_print_fields) && row.codeReason !== 'name_match' && row.codeReason !== 'nomenclature_match') {
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
