// Extracted documents → one long table for comparing districts: one row per document × record ×
// figure, with the region, the document, the code and its level and names, what the figure is
// (its measure, basis and stage, from its column; src/compare/figureKind.ts), the indicator it
// measures, the year, the value, its unit and rupiah, and where it was printed. Column names are
// no SQL reserved words (`table_id`, `column_key`).

import { stringify } from 'csv-stringify/sync';
import type { OutputDocument } from '../emit/schema.js';
import { LONG_TABLE } from './columns.js';
import { basisOf, isMoney, rupiah, stageOf, type Basis, type Stage } from './figureKind.js';

export interface LongRow {
  region_type: string | null;
  region_name: string | null;
  province: string | null;
  agency: string | null;
  document_kind: string | null;
  document_year: number | null;
  /** the years a Renstra (or a Renja's Renstra) covers */
  period_start: number | null;
  period_end: number | null;
  code: string | null;
  code_source: string | null;
  level: string;
  name: string;
  /** the one name this code has across every document compared (filled by harmonizeNames) */
  canonical_name: string;
  /** the indicator the figure measures, as printed in its row */
  indicator: string | null;
  /** the unit a target or realisation counts in (`Orang`, `Dokumen`, `%`); null for money */
  indicator_unit: string | null;
  measure: string | null;
  /** target / realisasi / capaian / pagu / selisih (src/compare/figureKind.ts) */
  basis: Basis | null;
  /** rancangan / hasil_analisis / rencana / sebelum_perubahan / setelah_perubahan / renstra / prakiraan / realisasi */
  stage: Stage;
  /** the column's key in its table (`anggaran_setelah`, `c7`) */
  column_key: string;
  column_label: string;
  year: number | null;
  value: number;
  unit: string | null;
  /** a money figure in rupiah (`Rp ribu`, `Rp juta` scaled); null when the figure is not money */
  value_rp: number | null;
  repaired: boolean;
  /** read by OCR with low confidence, or its code inferred rather than printed */
  low_confidence: boolean;
  source_file: string;
  table_id: string;
  table_label: string | null;
  /** the table family (src/tables/families.ts), null for a table no family knows */
  family: string | null;
  line: number | null;
  page: number | null;
  /** where the figure is printed: PDF points, y downward; null for a text conversion */
  bbox_x0: number | null;
  bbox_top: number | null;
  bbox_x1: number | null;
  bbox_bottom: number | null;
}

export const LONG_COLUMNS: (keyof LongRow)[] = LONG_TABLE.map((c) => c.name);

/** A row's district: region type and name, or its file where the document names none. */
export const district = (r: LongRow) => [r.region_type, r.region_name].filter(Boolean).join(' ') || r.source_file;

/** The long table as CSV, with its header row (`header`: false for rows that follow others); booleans as `true` / `false`. */
export function longTableCsv(rows: LongRow[], header = true): string {
  return stringify(rows, { header, columns: LONG_COLUMNS as string[], cast: { boolean: (b) => (b ? 'true' : 'false') } });
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
      const col = { measure: c?.measure ?? null, group: c?.group, label: c?.label ?? v.column, kind: c?.kind, unit: c?.unit ?? null };
      const basis = basisOf(col, v.unit);
      const money = isMoney(col, v.unit);
      out.push({
        region_type: doc.document.region?.type ?? null,
        region_name: doc.document.region?.name ?? null,
        province: doc.document.region?.province ?? null,
        agency: doc.document.agency,
        document_kind: doc.document.kind,
        document_year: doc.document.year,
        period_start: doc.document.period?.start ?? null,
        period_end: doc.document.period?.end ?? null,
        code: r.code ?? null,
        code_source: r.code_source ?? null,
        level: r.level,
        name: r.name,
        canonical_name: r.canonical_name ?? r.name,
        indicator: r.indicator ?? null,
        indicator_unit: money ? null : v.unit,
        measure: c?.measure ?? null,
        basis,
        stage: stageOf(col, basis, doc.document.kind),
        column_key: v.column,
        column_label: col.label,
        year: c?.year ?? null,
        value: v.value,
        unit: v.unit,
        value_rp: rupiah(v.value, v.unit, money),
        repaired: !!v.repaired,
        low_confidence: !!v.low_confidence || r.code_source === 'inferred',
        source_file: doc.source.file,
        table_id: r.table,
        table_label: t?.label ?? null,
        family: t?.family ?? null,
        line: v.line ?? r.line ?? null,
        page: v.page ?? r.page ?? null,
        bbox_x0: v.bbox?.[0] ?? null,
        bbox_top: v.bbox?.[1] ?? null,
        bbox_x1: v.bbox?.[2] ?? null,
        bbox_bottom: v.bbox?.[3] ?? null,
      });
    }
  }
  return out;
}

/**
 * Votes for each code's one name across documents: how many documents print each name for it.
 * Fed a document at a time, so that a comparison need not hold every row at once. Two documents
 * are two votes even under one file name (districts' agencies name their files alike).
 */
export class NameVotes {
  private readonly votes = new Map<string, Map<string, number>>();

  /** The rows of one document: each name it prints for a code is one vote, however often printed. */
  addDocument(rows: Iterable<LongRow>): void {
    const seen = new Map<string, Set<string>>();
    for (const r of rows) {
      if (!r.code) continue;
      const mine = seen.get(r.code) ?? new Set<string>();
      if (mine.has(r.canonical_name)) continue;
      mine.add(r.canonical_name);
      seen.set(r.code, mine);
      const byName = this.votes.get(r.code) ?? new Map<string, number>();
      byName.set(r.canonical_name, (byName.get(r.canonical_name) ?? 0) + 1);
      this.votes.set(r.code, byName);
    }
  }

  /** The name most documents give each code (ties: the longer, which is usually the unabridged one). */
  names(): Map<string, string> {
    const names = new Map<string, string>();
    for (const [code, byName] of this.votes) {
      const best = [...byName].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0];
      names.set(code, best[0]);
    }
    return names;
  }
}

/** Each coded row given its code's one name; rows without a code, or with one no vote named, keep their own. */
export function applyNames(rows: Iterable<LongRow>, names: Map<string, string>): void {
  for (const r of rows) if (r.code) r.canonical_name = names.get(r.code) ?? r.canonical_name;
}

/** One name per code across documents (NameVotes), given to every row: `perDocument` holds each document's rows. */
export function harmonizeNames(perDocument: LongRow[][]): Map<string, string> {
  const votes = new NameVotes();
  for (const rows of perDocument) votes.addDocument(rows);
  const names = votes.names();
  for (const rows of perDocument) applyNames(rows, names);
  return names;
}
