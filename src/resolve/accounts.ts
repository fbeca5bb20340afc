// Budget account (rekening) rows belong to a program code: the sub-kegiatan an RKA/DPA's
// rincian belanja is printed for (its header block: `Sub Kegiatan : 3.31.01.2.06.09 …`), or the
// coded row above them in the table (a realisation table's program and its accounts). The
// account stays in `account`; the row's `code` is the code it belongs to.

import type { LayoutLine, LogicalRow } from '../model.js';
import { canonicalCode } from '../nomenclature/code.js';
import type { TableRows } from './codes.js';

// `Sub Kegiatan : 3.31.01.2.06.09 Penyelenggaraan …`, `Kegiatan : 3.31.01.2.06 …`, `Program : 3.31.01 …`;
// on a scan a stop may come out as `:` (`3.31:01.2.06.09`), as in code cells (normalize/codes.ts), and
// the label's own `:` may be lost, the label and the code then in cells of their own (a TAB between)
const HEADER_CODE = /\b(sub\s*kegiatan|kegiatan|program)\s*(?::|\t)\s*(\d+(?:\s*[.:]\s*\d+)*(?:\s*\.\s*\d+)(?:\s*[.:]\s*\d+)*)/gi;
// how far above a table its header block may start
const HEADER_LINES = 40;
const SUB_KEGIATAN_SEGMENTS = 6;

/**
 * The program code a header block names above `before` (the first account row's line): the
 * deepest code among the nearest lines that name one, looking up at most HEADER_LINES lines.
 * The block may stand above the table, or at its top, or be read as a table of its own.
 */
export function headerBlockCode(lines: LayoutLine[], before: number): string | null {
  let best: string | null = null;
  for (let i = before - 2; i >= Math.max(0, before - 1 - HEADER_LINES); i--) {
    // a block read as one line holds every key: take each
    for (const m of lines[i].text.matchAll(HEADER_CODE)) {
      const code = canonicalCode(m[2].replace(/\s/g, '').replace(/:/g, '.'));
      if (code && (!best || code.split('.').length > best.split('.').length)) best = code;
    }
    // a sub-kegiatan is as deep as a code goes: the nearest one is the table's
    if (best && best.split('.').length === SUB_KEGIATAN_SEGMENTS) break;
  }
  return best;
}

/** Give every account row the code it belongs to: the coded row above it, else the table's header block. */
export function attachAccounts(tables: TableRows[], lines: LayoutLine[]): void {
  for (const t of tables) {
    const first = t.rows.find((r) => r.account);
    if (!first) continue;
    const header = headerBlockCode(lines, first.line);
    let owner: LogicalRow | null = null;
    for (const row of t.rows) {
      if (!row.account) {
        if (row.code) owner = row;
        continue;
      }
      if (owner?.code) {
        row.code = owner.code;
        row.codeReason = 'prefix_from_context';
        row.codeNote = [row.codeNote, `account ${row.account} under ${owner.code} (l.${owner.line})`].filter(Boolean).join('; ');
      } else if (header) {
        row.code = header;
        row.codeReason = 'header_block';
        row.codeNote = [row.codeNote, `account ${row.account} of ${header}, named in the table's header block`].filter(Boolean).join('; ');
      }
    }
  }
}
