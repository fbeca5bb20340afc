// Validate stage, after rows and codes: repairs that another figure proves, then every
// check. Returns the warnings and the canonical name of each code; figures are changed only
// through `applyRepair`, which keeps the raw text and says what proved the change.

import type { DocWarning, LayoutLine, LogicalRow, TableBlock } from '../model.js';
import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import { checkDeclared, checkMissingKinds, checkUnitsInRow } from './checks.js';
import { viewOf } from './context.js';
import { canonicalNames, checkAgreement, checkCopyForward } from './crossTable.js';
import { checkFormulas, checkSheetErrors } from './formulas.js';
import { checkIndicators } from './indicators.js';
import { checkMirrors } from './mirror.js';
import { checkNarrative } from './narrative.js';
import { proofreadDigits } from './proofread.js';
import { proofreadRatios } from './ratios.js';
import { repairValues } from './repairs.js';
import { checkSums } from './sums.js';
import { checkYearColumns, type DocumentYears } from './years.js';

export interface Validation {
  warnings: DocWarning[];
  canonical: Map<string, string>;
}

export function validate(lines: LayoutLine[], tables: TableBlock[], rows: LogicalRow[][], years: DocumentYears, s: Settings = DEFAULT_SETTINGS): Validation {
  const warnings: DocWarning[] = [];
  let views = tables.map((t, i) => viewOf(t, rows[i]));
  repairValues(views, warnings, s.figures);
  // OCR's doubted digits, after the repairs that settle malformed figures: their sums are then whole
  proofreadDigits(views, s.ocr.doubt_confidence, warnings);
  proofreadRatios(views, s.ocr.doubt_confidence, s.figures, warnings);
  views = tables.map((t, i) => viewOf(t, rows[i])); // figures may have changed
  for (const v of views) {
    checkSums(v, warnings);
    checkFormulas(v, warnings);
    checkSheetErrors(v, warnings);
    checkDeclared(v, warnings);
    checkUnitsInRow(v, warnings);
    checkMissingKinds(v, warnings);
    checkMirrors(v, warnings);
  }
  const canonical = canonicalNames(views);
  checkAgreement(views, warnings);
  checkCopyForward(views, warnings);
  checkIndicators(views, canonical, warnings);
  checkNarrative(lines, views, warnings);
  checkYearColumns(tables, years, s.figures, warnings);
  return { warnings, canonical };
}
