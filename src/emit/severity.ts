// What a warning tells a reviewer: that the document does not agree with itself (a sum, a
// formula, two tables, the narrative — the district's to fix), or that the extraction is in
// doubt (a code not found, a page without text, a figure repaired or OCR-read — ours to check
// against the page). One table, by warning type; a type not listed is an extraction doubt.

export type Severity = 'document' | 'extraction';

const DOCUMENT_TYPES = new Set([
  'sum_mismatch', 'children_missing_values', 'parent_child_mismatch', 'formula_mismatch', 'sign_error', 'division_by_zero',
  'formula_not_applied', 'spreadsheet_error', 'cross_table_mismatch', 'copy_forward', 'exceeds_target', 'target_jump',
  'narrative_mismatch', 'indicator_mismatch', 'indicator_duplicated', 'indicator_spill', 'unit_mismatch', 'malformed_number',
  'missing_values', 'thousands_header', 'code_name_mismatch', 'code_level_mismatch', 'ghost_code', 'year_column_skipped',
]);

export function severityOf(type: string): Severity {
  return DOCUMENT_TYPES.has(type) ? 'document' : 'extraction';
}
