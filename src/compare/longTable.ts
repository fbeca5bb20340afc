// Extracted documents → one long table for comparing districts: one row per document × record ×
// figure, with the region, the document, the code and its level and names, what the figure
// measures (from its column), the year, the value and unit, and where it was printed.

import { stringify } from 'csv-stringify/sync';
import type { OutputDocument } from '../emit/schema.js';

export interface LongRow {
  region_type: string | null;
  region_name: string | null;
  province: string | null;
  agency: string | null;
  document_kind: string | null;
  document_year: number | null;
  code: string | null;
  code_source: string | null;
  level: string;
  name: string;
  /** the one name this code has across every document compared (filled by harmonizeNames) */
  canonical_name: string;
  measure: string | null;
  column: string;
  year: number | null;
  value: number;
  unit: string | null;
  repaired: boolean;
  source_file: string;
  table: string;
  table_label: string | null;
  line: number | null;
  page: number | null;
}

export const LONG_COLUMNS: (keyof LongRow)[] = [
  'region_type', 'region_name', 'province', 'agency', 'document_kind', 'document_year', 'code', 'code_source', 'level', 'name',
  'canonical_name', 'measure', 'column', 'year', 'value', 'unit', 'repaired', 'source_file', 'table', 'table_label', 'line', 'page',
];

/** A row's district: region type and name, or its file where the document names none. */
export const district = (r: LongRow) => [r.region_type, r.region_name].filter(Boolean).join(' ') || r.source_file;

/** The long table as CSV, with its header row; booleans as `true` / `false`. */
export function longTableCsv(rows: LongRow[]): string {
  return stringify(rows, { header: true, columns: LONG_COLUMNS as string[], cast: { boolean: (b) => (b ? 'true' : 'false') } });
}

export function longRows(doc: OutputDocument): LongRow[] {
  const tables = new Map(doc.tables.map((t) => [t.id, t]));
  const out: LongRow[] = [];
  for (const r of doc.records) {
    if (r.duplicate_of || r.row_kind === 'heading') continue;
    const t = tables.get(r.table);
    const columns = new Map((t?.columns ?? []).map((c) => [c.key, c]));
    for (const v of r.values) {
      if (v.value === null) continue;
      const c = columns.get(v.column);
      out.push({
        region_type: doc.document.region?.type ?? null,
        region_name: doc.document.region?.name ?? null,
        province: doc.document.region?.province ?? null,
        agency: doc.document.agency,
        document_kind: doc.document.kind,
        document_year: doc.document.year,
        code: r.code ?? null,
        code_source: r.code_source ?? null,
        level: r.level,
        name: r.name,
        canonical_name: r.canonical_name ?? r.name,
        measure: c?.measure ?? null,
        column: v.column,
        year: c?.year ?? null,
        value: v.value,
        unit: v.unit,
        repaired: !!v.repaired,
        source_file: doc.source.file,
        table: r.table,
        table_label: t?.label ?? null,
        line: v.line ?? r.line ?? null,
        page: v.page ?? r.page ?? null,
      });
    }
  }
  return out;
}

/**
 * One name per code across all documents: the name most documents give it (ties: the longer,
 * which is usually the unabridged one). Rows without a code keep their own name.
 */
export function harmonizeNames(rows: LongRow[]): Map<string, string> {
  const votes = new Map<string, Map<string, Set<string>>>();
  for (const r of rows) {
    if (!r.code) continue;
    const byName = votes.get(r.code) ?? new Map<string, Set<string>>();
    const docs = byName.get(r.canonical_name) ?? new Set<string>();
    docs.add(r.source_file);
    byName.set(r.canonical_name, docs);
    votes.set(r.code, byName);
  }
  const names = new Map<string, string>();
  for (const [code, byName] of votes) {
    const best = [...byName].sort((a, b) => b[1].size - a[1].size || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0];
    names.set(code, best[0]);
  }
  for (const r of rows) if (r.code) r.canonical_name = names.get(r.code)!;
  return names;
}
