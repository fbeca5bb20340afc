// `compare`: every extracted document in an output folder → one long table (JSON Lines, CSV,
// a DuckDB database and Parquet) and a per-code summary: each code with its one name and, per
// district, its figures.

import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { OutputDocument } from '../emit/schema.js';
import { writeAtomic } from '../emit/write.js';
import { harmonizeNames, LONG_COLUMNS, longRows, type LongRow } from './longTable.js';
import { loadWarehouse } from './warehouse.js';

export interface CompareResult {
  documents: number;
  skipped: { file: string; reason: string }[];
  rows: number;
  codes: number;
  districts: string[];
  files: string[];
}

const district = (r: LongRow) => [r.region_type, r.region_name].filter(Boolean).join(' ') || r.source_file;

/** Per code: its name, level, and for each district the figures printed for it, by document. */
function codeSummary(rows: LongRow[]) {
  const byCode = new Map<string, LongRow[]>();
  for (const r of rows) {
    if (!r.code) continue;
    const list = byCode.get(r.code);
    if (list) list.push(r);
    else byCode.set(r.code, [r]);
  }
  return [...byCode].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([code, rs]) => {
    const districts: Record<string, { document: string; kind: string | null; figures: { measure: string | null; year: number | null; column: string; value: number; unit: string | null; table: string | null }[] }[]> = {};
    for (const r of rs) {
      const d = (districts[district(r)] ??= []);
      let doc = d.find((x) => x.document === r.source_file);
      if (!doc) d.push((doc = { document: r.source_file, kind: r.document_kind, figures: [] }));
      doc.figures.push({ measure: r.measure, year: r.year, column: r.column, value: r.value, unit: r.unit, table: r.table_label });
    }
    return { code, canonical_name: rs[0].canonical_name, level: rs[0].level, districts };
  });
}

export async function compareFolder(outDir: string, dest: string): Promise<CompareResult> {
  const files = (await readdir(outDir)).filter((f) => f.endsWith('.json') && !f.startsWith('_')).sort();
  const rows: LongRow[] = [];
  const skipped: CompareResult['skipped'] = [];
  let documents = 0;
  for (const f of files) {
    const parsed = OutputDocument.safeParse(JSON.parse(await readFile(join(outDir, f), 'utf8')));
    if (!parsed.success) { skipped.push({ file: f, reason: 'not an extracted document' }); continue; }
    if (parsed.data.status === 'failed') { skipped.push({ file: f, reason: `extraction failed: ${parsed.data.error?.message ?? ''}` }); continue; }
    documents++;
    rows.push(...longRows(parsed.data));
  }
  const names = harmonizeNames(rows);
  await mkdir(dest, { recursive: true });
  const out = { jsonl: join(dest, 'comparison.jsonl'), csv: join(dest, 'comparison.csv'), codes: join(dest, 'codes.json'), duckdb: join(dest, 'comparison.duckdb'), parquet: join(dest, 'comparison.parquet') };
  await writeAtomic(out.jsonl, rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
  await writeAtomic(out.csv, stringify(rows, { header: true, columns: LONG_COLUMNS as string[], cast: { boolean: (b) => (b ? 'true' : 'false') } }));
  await writeAtomic(out.codes, `${JSON.stringify(codeSummary(rows), null, 1)}\n`);
  await loadWarehouse(out.jsonl, out.duckdb, out.parquet);
  return { documents, skipped, rows: rows.length, codes: names.size, districts: [...new Set(rows.map(district))].sort(), files: Object.values(out) };
}
