// `compare`: every extracted document in an output folder → one long table (JSON Lines, CSV,
// a DuckDB database and Parquet) and a per-code summary: each code with its one name and, per
// district, its figures.

import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { UsageError } from '../batch/inputs.js';
import { BATCH_DIR } from '../batch/registry.js';
import { OutputDocument } from '../emit/schema.js';
import { outputJsonSchema } from '../emit/jsonSchema.js';
import { AtomicWriter, writeAtomic, writeJsonArray } from '../emit/write.js';
import { dataPackage, OUTPUT_SCHEMA_FILE } from './datapackage.js';
import { CodeSummary } from './codeSummary.js';
import { applyNames, district, longRows, longTableCsv, NameVotes } from './longTable.js';
import { loadWarehouse } from './warehouse.js';

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

/** The first pass: which files are documents (the rest with their reasons), and each code's one name. */
async function voteNames(files: string[]): Promise<{ documents: string[]; skipped: Skipped[]; names: Map<string, string> }> {
  const documents: string[] = [];
  const skipped: Skipped[] = [];
  const votes = new NameVotes();
  for (const f of files) {
    const r = await readDocument(f);
    if (!('doc' in r)) {
      skipped.push({ file: f, ...r });
      continue;
    }
    documents.push(f);
    votes.addDocument(longRows(r.doc));
  }
  return { documents, skipped, names: votes.names() };
}

/**
 * The second pass: each document's rows, with the names agreed, appended to the JSON Lines and
 * CSV files, and its coded figures to their codes' files on disk, from which codes.json is
 * written a code at a time.
 */
async function writeLongTable(documents: string[], names: Map<string, string>, out: { jsonl: string; csv: string; codes: string }): Promise<{ rows: number; districts: Set<string> }> {
  const [jsonl, csv] = await Promise.all([AtomicWriter.open(out.jsonl), AtomicWriter.open(out.csv)]);
  await csv.write(longTableCsv([]));
  const summary = await CodeSummary.create();
  const districts = new Set<string>();
  let rows = 0;
  try {
    for (const f of documents) {
      const r = await readDocument(f);
      // a file changed between the passes is compared as it is now, if it is still a document
      if (!('doc' in r)) continue;
      const docRows = longRows(r.doc);
      applyNames(docRows, names);
      await jsonl.write(docRows.map((x) => `${JSON.stringify(x)}\n`).join(''));
      await csv.write(docRows.length ? longTableCsv(docRows, false) : '');
      await summary.add(docRows);
      for (const x of docRows) districts.add(district(x));
      rows += docRows.length;
    }
    await Promise.all([jsonl.close(), csv.close()]);
    await writeJsonArray(out.codes, summary.entries());
  } finally {
    await summary.close();
  }
  return { rows, districts };
}

/**
 * The comparison of the extracted documents below `paths`, written into `dest`, in two passes
 * over the documents, one held at a time (memory holds one document, or one code's figures, not
 * the archive).
 */
export async function compareDocuments(paths: string[], dest: string): Promise<CompareResult> {
  const { documents, skipped, names } = await voteNames(await documentFiles(paths));
  await mkdir(dest, { recursive: true });
  const out = {
    jsonl: join(dest, 'comparison.jsonl'), csv: join(dest, 'comparison.csv'), codes: join(dest, 'codes.json'),
    datapackage: join(dest, 'datapackage.json'), schema: join(dest, OUTPUT_SCHEMA_FILE),
    duckdb: join(dest, 'comparison.duckdb'), parquet: join(dest, 'comparison.parquet'),
  };
  const { rows, districts } = await writeLongTable(documents, names, out);
  await writeAtomic(out.datapackage, `${JSON.stringify(dataPackage('comparison.csv', rows), null, 1)}\n`);
  await writeAtomic(out.schema, `${JSON.stringify(outputJsonSchema(), null, 1)}\n`);
  await loadWarehouse(out.jsonl, out.duckdb, out.parquet);
  return { documents: documents.length, skipped, rows, codes: names.size, districts: [...districts].sort(), files: Object.values(out) };
}
