// `compare`: every extracted document in an output folder → one long table (JSON Lines, CSV,
// a DuckDB database and Parquet) and a per-code summary: each code with its one name and, per
// district, its figures.

import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { UsageError } from '../batch/inputs.js';
import { BATCH_DIR } from '../batch/registry.js';
import { OutputDocument } from '../emit/schema.js';
import { outputJsonSchema } from '../emit/jsonSchema.js';
import { writeAtomic } from '../emit/write.js';
import { dataPackage, OUTPUT_SCHEMA_FILE } from './datapackage.js';
import { district, harmonizeNames, longRows, longTableCsv, type LongRow } from './longTable.js';
import { loadWarehouse } from './warehouse.js';
import { groupBy } from '../groupBy.js';

export interface Skipped {
  file: string;
  kind: 'unreadable' | 'not_a_document' | 'failed_extraction';
  reason: string;
}

export interface CompareResult {
  documents: number;
  skipped: Skipped[];
  rows: number;
  codes: number;
  districts: string[];
  files: string[];
}


/** Per code: its name, level, and for each district the figures printed for it, by document. */
function codeSummary(rows: LongRow[]) {
  const byCode = groupBy(rows.filter((r) => r.code), (r) => r.code!);
  return [...byCode].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([code, rs]) => {
    const districts: Record<string, { document: string; kind: string | null; figures: { measure: string | null; basis: string | null; stage: string; year: number | null; column: string; value: number; unit: string | null; value_rp: number | null; table: string | null }[] }[]> = {};
    for (const r of rs) {
      const d = (districts[district(r)] ??= []);
      let doc = d.find((x) => x.document === r.source_file);
      if (!doc) d.push((doc = { document: r.source_file, kind: r.document_kind, figures: [] }));
      doc.figures.push({ measure: r.measure, basis: r.basis, stage: r.stage, year: r.year, column: r.column_key, value: r.value, unit: r.unit, value_rp: r.value_rp, table: r.table_label });
    }
    return { code, canonical_name: rs[0].canonical_name, level: rs[0].level, districts };
  });
}

/** Every `.json` below the paths given (files as given, folders read recursively, the batch's own `_batch/` left out). */
export async function documentFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (!s) throw new UsageError(`${p}: no such file or folder`);
    if (!s.isDirectory()) {
      out.push(p);
      continue;
    }
    const below = (await readdir(p, { recursive: true })).filter((f) => f.endsWith('.json') && !f.split(sep).includes(BATCH_DIR)).sort();
    for (const f of below) out.push(join(p, f));
  }
  return out;
}

/** An extracted document, or why a file is not one. */
export async function readDocument(file: string): Promise<{ doc: OutputDocument } | Omit<Skipped, 'file'>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    return { kind: 'unreadable', reason: `cannot be read as JSON (${(err as Error).message})` };
  }
  const parsed = OutputDocument.safeParse(json);
  if (!parsed.success) return { kind: 'not_a_document', reason: 'not an extracted document (does not match the output schema)' };
  // an input that failed to extract was reported by extract; it has no figures to compare
  if (parsed.data.status === 'failed') return { kind: 'failed_extraction', reason: `extraction failed: ${parsed.data.error?.message ?? ''}` };
  return { doc: parsed.data };
}

/** The comparison of the extracted documents below `paths`, written into `dest`. */
export async function compareDocuments(paths: string[], dest: string): Promise<CompareResult> {
  const files = await documentFiles(paths);
  const rows: LongRow[] = [];
  const skipped: CompareResult['skipped'] = [];
  let documents = 0;
  for (const f of files) {
    const r = await readDocument(f);
    if (!('doc' in r)) {
      skipped.push({ file: f, ...r });
      continue;
    }
    documents++;
    for (const row of longRows(r.doc)) rows.push(row);
  }
  const names = harmonizeNames(rows);
  await mkdir(dest, { recursive: true });
  const out = {
    jsonl: join(dest, 'comparison.jsonl'), csv: join(dest, 'comparison.csv'), codes: join(dest, 'codes.json'),
    datapackage: join(dest, 'datapackage.json'), schema: join(dest, OUTPUT_SCHEMA_FILE),
    duckdb: join(dest, 'comparison.duckdb'), parquet: join(dest, 'comparison.parquet'),
  };
  await writeAtomic(out.jsonl, rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
  await writeAtomic(out.csv, longTableCsv(rows));
  await writeAtomic(out.codes, `${JSON.stringify(codeSummary(rows), null, 1)}\n`);
  await writeAtomic(out.datapackage, `${JSON.stringify(dataPackage('comparison.csv', rows.length), null, 1)}\n`);
  await writeAtomic(out.schema, `${JSON.stringify(outputJsonSchema(), null, 1)}\n`);
  await loadWarehouse(out.jsonl, out.duckdb, out.parquet);
  return { documents, skipped, rows: rows.length, codes: names.size, districts: [...new Set(rows.map(district))].sort(), files: Object.values(out) };
}
