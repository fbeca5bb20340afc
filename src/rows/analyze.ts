// What one physical line of a table body holds: its key (code, account code or row
// number), its text cells and its value cells, each with its position.

import type { CellBox, LayoutLine, MarkupHint, PartialCode, TableBlock } from '../model.js';
import { gluedSubCode, isCodeMaterial, isRowKey, loneAccount, parseAccountCode, parseCode, parseLegacyCode, type AccountCode, type CodeContext } from '../normalize/codes.js';
import { looksLikeMoney, numberOf, parseNumber, type NumberReading } from '../normalize/numbers.js';
import { isJunkText } from '../normalize/text.js';
import { needsRupiahReassembly, reassembleRupiah, type ValueCell } from './values.js';

export interface TextCell {
  index: number;
  fromRight: number;
  text: string;
}

/** A value cell as line analysis finds it: its reading when it was read to tell it from text. */
interface RawValue {
  index: number;
  text: string;
  line: number;
  confidence?: number;
  ocrText?: string;
  box?: CellBox;
  reading?: NumberReading;
}

export interface LineAnalysis {
  line: LayoutLine;
  partial: PartialCode | null;
  ghostCode: string | null;
  account: AccountCode | null;
  /** a Permendagri 13/2006 code, kept as printed */
  legacy: string | null;
  rowNo: string | null;
  texts: TextCell[];
  values: ValueCell[];
  numeric: number; // values that read as numbers
  junkOnly: boolean;
  markup: MarkupHint;
  glued: string | null; // code digits found glued to the name
}

const HAS_WORD = /[a-z]{2,}/i;
// a name that says its row's level: `URUSAN PILIHAN`, `Program …`, `Kegiatan …`
const LEVEL_WORD = /^\s*(urusan|bidang|program|kegiatan|sub\s*kegiatan)\b/i;
const FIGURE_MATERIAL = /^(?:R\s*[po]\s*\.?|(?<![a-z])o\s*\.|[\d.,\s])+$/i;

function isNameCell(text: string): boolean {
  return HAS_WORD.test(text) && !isJunkText(text) && !isCodeMaterial(text);
}

/** `100` among figures is a value; `101` before `2.02⇥0007` is a (broken) code segment. */
function isPlainFigure(cells: { text: string }[], i: number): boolean {
  if (!/^\d{3}$/.test(cells[i].text.trim())) return false;
  const next = cells.slice(i + 1).find((c) => c.text.trim() !== '')?.text.trim() ?? '';
  return !/\.|^\d{4}$/.test(next);
}

/** A code printed at the start of the name cell: `1.06.01.2.01 Perencanaan …`, `1.06.02 - Program …`. */
const CODE_IN_NAME = /^((?:\d{1,2}\s*\.\s*){1,5}\d{1,4})\s*[-–:]?\s+(?=[A-Za-z])/;

/**
 * `codeOnly`: only the line's code is wanted (`partial`): once the name cell is found, the cells
 * after it are read only where they may print a code before a name; the values are incomplete.
 */
export function analyzeLine(line: LayoutLine, table: TableBlock, ctx: CodeContext, expectRowNo: boolean, codeOnly = false): LineAnalysis {
  const cells = line.cells;
  const n = cells.length;
  const markup: MarkupHint = {
    bold: cells.some((c) => c.markup.bold && HAS_WORD.test(c.text)),
    italic: cells.some((c) => c.markup.italic && HAS_WORD.test(c.text)),
    underline: false,
  };
  // key region: leading code material, ending at the first name cell
  let keyEnd = 0;
  const lead: string[] = [];
  // Permendagri 13/2006 codes glue urusan and bidang (`307`) and print a comma for a dot (`307,01`)
  const legacyKey = (i: number) => ctx.system === 'permendagri-13' && /^\d{1,3}(?:[.,\s]+\d+)*$/.test(cells[i].text.trim()) && !looksLikeMoney(cells[i].text);
  while (keyEnd < n && keyEnd < 8 && (legacyKey(keyEnd) || (isCodeMaterial(cells[keyEnd].text) && !looksLikeMoney(cells[keyEnd].text) && !isPlainFigure(cells, keyEnd)))) {
    lead.push(cells[keyEnd].text);
    keyEnd++;
  }
  const firstNameCell = cells.slice(keyEnd).find((c) => isNameCell(c.text));
  const hasNameAfter = firstNameCell !== undefined;
  let partial: PartialCode | null = null;
  let ghostCode: string | null = null;
  let account: AccountCode | null = null;
  let legacy: string | null = null;
  let rowNo: string | null = null;
  let glued: string | null = null;
  const leadFilled = lead.filter((t) => t.trim() !== '');
  const firstName = firstNameCell?.text ?? '';
  if (leadFilled.length && (hasNameAfter || leadFilled.join(' ').split(/[^\d]+/).filter(Boolean).length >= 3)) {
    if (leadFilled.length === 1) account = parseAccountCode(leadFilled[0]) ?? loneAccount(leadFilled[0], firstName);
    if (!account && ctx.system === 'permendagri-13') {
      const l = parseLegacyCode(lead);
      // a lone short number is a row number, unless the table has a code column or the row names a level
      const lone = l && l.rowNo === null && /^\d{1,2}$/.test(l.code);
      // `2.` under a No column numbers the row, whatever its name says
      const numbered = lone && (/\.$/.test(leadFilled[0].trim()) || expectRowNo) && lead.indexOf(leadFilled[0]) === 0 && !table.hasCodeColumn;
      if (l && !numbered && (!lone || table.hasCodeColumn || LEVEL_WORD.test(firstName))) [legacy, rowNo] = [l.code, l.rowNo];
      else if (l) rowNo = l.code;
    } else if (!account) {
      const p = parseCode(lead, { expectRowNo, codeColumn: table.hasCodeColumn, context: ctx });
      if (p?.ghost) ghostCode = p.raw;
      else if (p) partial = p;
      if (p?.rowNo) rowNo = p.rowNo;
    }
    if (!partial && !account && !legacy && !rowNo && !ghostCode && isRowKey(leadFilled[0]) && !/^0+\.?$/.test(leadFilled[0]) && lead.indexOf(leadFilled[0]) <= 1) rowNo = leadFilled[0];
  } else if (!hasNameAfter) {
    keyEnd = 0; // no name: every cell is a value
  }
  // a row number in the first printed cell (the cells before it are columns this row leaves empty)
  const first = cells.findIndex((c) => c.text.trim() !== '');
  if (leadFilled.length === 0 && first > 0) keyEnd = 0;
  if (!partial && !account && !legacy && !rowNo && keyEnd === 0 && first >= 0 && isRowKey(cells[first].text) && (hasNameAfter ? /[A-Z]/.test(cells[first].text) : expectRowNo && /^\d/.test(cells[first].text))) {
    rowNo = cells[first].text.trim();
    keyEnd = first + 1;
  }

  const texts: TextCell[] = [];
  // a cell already read as a number keeps its reading: the values below need not read it again
  const rawValues: RawValue[] = [];
  // PDF cells carry their box; OCR cells their confidence and what OCR read before look-alike letters became digits
  const rawValue = (i: number, text: string, reading?: NumberReading): RawValue => {
    const v: RawValue = { index: i, text, line: line.line };
    const c = cells[i];
    if (c.box) v.box = c.box;
    if (c.confidence !== undefined) [v.confidence, v.ocrText] = [c.confidence, c.ocrText];
    if (reading) v.reading = reading;
    return v;
  };
  for (let i = keyEnd; i < n; i++) {
    let t = cells[i].text.trim();
    if (codeOnly && texts.length > 0 && !CODE_IN_NAME.test(t)) continue;
    if (t === '') {
      rawValues.push({ index: i, text: '', line: line.line });
      continue;
    }
    if (texts.length === 0 && isNameCell(t)) {
      // codes glued to the name: `0004 Penyediaan …`, `1.06.01.2.01 Perencanaan …`
      const g = gluedSubCode(t);
      if (g && partial && (partial.truncated.includes('sub') || (partial.sub === null && partial.last >= 3))) {
        glued = g.sub;
        t = g.name;
      }
    }
    // pieces of split figures (`.224.950`, `0.450 Rp. 33.6`) are values, whatever they parse as
    if ((/\d/.test(t) || /^R\s*p\s*\.?$/i.test(t)) && FIGURE_MATERIAL.test(t)) {
      rawValues.push(rawValue(i, t));
      continue;
    }
    const kind = numberOf(t).kind;
    if (kind === 'text') {
      if (isJunkText(t)) continue;
      texts.push({ index: i, fromRight: n - 1 - i, text: t });
    } else if (kind === 'junk') continue;
    else rawValues.push(rawValue(i, t, parseNumber(t)));
  }
  // codes printed in front of names (`1.06.04.2.01.0001 - Penyediaan Permakanan`), possibly one
  // per hierarchy column: the deepest one is the row's code when the key cells say less
  if (!account && ctx.system !== 'permendagri-13') {
    const embedded = texts
      .map((t, k) => ({ k, m: CODE_IN_NAME.exec(t.text) }))
      .filter((x): x is { k: number; m: RegExpExecArray } => x.m !== null && x.m[1].split('.').length >= 2)
      .map((x) => ({ ...x, p: parseCode([x.m[1]], { codeColumn: true, context: ctx }) }))
      .filter((x) => x.p && !x.p.ghost && x.p.last - x.p.first >= 1);
    const deepest = embedded.sort((a, b) => b.p!.last - a.p!.last)[0];
    const printed = (p: PartialCode) => [p.urusan, p.bidang, p.program, p.kegiatan, p.sub].filter(Boolean).length;
    if (deepest && (!partial || printed(partial) < printed(deepest.p!))) {
      partial = { ...deepest.p!, raw: deepest.m[1].trim() };
      const cell = texts.splice(deepest.k, 1)[0];
      texts.unshift({ ...cell, text: cell.text.slice(deepest.m[0].length).trim() });
    }
  }
  let values: ValueCell[];
  if (needsRupiahReassembly(rawValues)) values = reassembleRupiah(rawValues);
  else values = rawValues.map((v) => ({ index: v.index, raw: v.text, reading: v.reading ?? parseNumber(v.text), line: v.line, confidence: v.confidence, ocrText: v.ocrText, box: v.box }));
  const numeric = values.filter((v) => v.reading.value !== null).length;
  const junkOnly = !partial && !account && !legacy && !rowNo && !ghostCode && texts.length === 0 && numeric === 0 &&
    !values.some((v) => v.reading.kind === 'dash' || v.reading.kind === 'error');
  return { line, partial, ghostCode, account, legacy, rowNo, texts, values, numeric, junkOnly, markup, glued };
}
