// `compare` on the five seeds: one long table with all five districts, names harmonized by code,
// and a per-code summary that holds the same figures as the long table.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareDocuments, type CompareResult } from '../../src/compare/index.ts';
import { query } from '../../src/compare/warehouse.ts';
import type { LongRow } from '../../src/compare/longTable.ts';
import { extractFile } from '../../src/pipeline.ts';
import { ROOT, SEEDS, requireShared } from '../helpers/paths.ts';
import { tableSchemaErrors } from '../helpers/tableSchema.ts';

const outDir = mkdtempSync(join(tmpdir(), 'compare-in-'));
const dest = mkdtempSync(join(tmpdir(), 'compare-out-'));
let result: CompareResult;
let rows: LongRow[];

beforeAll(async () => {
  requireShared();
  for (const stem of ['000_3c81d608c39353c9', '001_58bf08c6da99c956', '002_e86b35e174e817cf', '003_a0b8d9f08cf4c655', '004_a30a70c4cd2935b3']) {
    writeFileSync(join(outDir, `${stem}.json`), JSON.stringify(await extractFile(join(SEEDS, `${stem}.txt`))));
  }
  // the batch's own files are not documents, and are not read
  mkdirSync(join(outDir, '_batch'));
  writeFileSync(join(outDir, '_batch', 'run.json'), '{}');
  result = await compareDocuments([outDir], dest);
  rows = readFileSync(join(dest, 'comparison.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
});

describe('compare', () => {
  it('puts all five districts in one long table, as JSON Lines and CSV', () => {
    expect(result.documents).toBe(5);
    expect(result.districts).toEqual(['kabupaten Blitar', 'kabupaten Lampung Barat', 'kota Jambi', 'kota Metro', 'kota Tarakan']);
    expect(rows).toHaveLength(result.rows);
    expect(new Set(rows.map((r) => r.source_file)).size).toBe(5);
    const csv = readFileSync(join(dest, 'comparison.csv'), 'utf8').trim().split('\n');
    expect(csv[0].split(',')).toContain('canonical_name');
    expect(csv.length).toBeGreaterThanOrEqual(rows.length + 1);
    // rows without a code are kept, with their name
    expect(rows.some((r) => r.code === null && r.name !== '')).toBe(true);
  });

  it('a code printed in several documents is one group with one canonical name and the same figures as the long table', () => {
    const codes = JSON.parse(readFileSync(join(dest, 'codes.json'), 'utf8')) as { code: string; canonical_name: string; districts: Record<string, { figures: { value: number }[] }[]> }[];
    const shared = codes.filter((c) => Object.keys(c.districts).length >= 3);
    expect(shared.length).toBeGreaterThan(5);
    const c = shared.find((x) => x.code === '1.06.01.2.02.0001')!;
    expect(c).toBeDefined();
    const mine = rows.filter((r) => r.code === c.code);
    expect(new Set(mine.map((r) => r.canonical_name))).toEqual(new Set([c.canonical_name]));
    expect(new Set(mine.map((r) => r.region_name)).size).toBe(Object.keys(c.districts).length);
    const summaryValues = Object.values(c.districts).flat().flatMap((d) => d.figures.map((f) => f.value)).sort((a, b) => a - b);
    expect(summaryValues).toEqual(mine.map((r) => r.value).sort((a, b) => a - b));
  });
});

describe('what each figure is', () => {
  it('every money figure has a stage and a basis, and its rupiah', () => {
    const money = rows.filter((r) => r.unit !== null && /^Rp/.test(r.unit));
    expect(money.length).toBeGreaterThan(1000);
    expect(money.filter((r) => !r.stage || !r.basis || r.value_rp === null)).toEqual([]);
  });

  it('a Renja Perubahan budget before and after the change are two stages, never one key', () => {
    // the Blitar seed prints the perubahan table (anggaran sebelum / setelah) for the same codes
    const byKey = new Map<string, Set<string>>();
    for (const r of rows) {
      const key = JSON.stringify([r.source_file, r.code, r.measure, r.year, r.stage]);
      byKey.set(key, (byKey.get(key) ?? new Set()).add(r.column_key));
    }
    const paired = [...byKey.values()].filter((cols) => [...cols].some((c) => /sebelum/.test(c)) && [...cols].some((c) => /setelah|sesudah/.test(c)));
    expect(paired).toEqual([]);
    const perubahan = rows.filter((r) => r.family === 'perubahan_renja' && r.measure === 'anggaran');
    expect(new Set(perubahan.map((r) => r.stage))).toEqual(new Set(['sebelum_perubahan', 'setelah_perubahan']));
  });

  it('a target carries the indicator it measures and its unit', () => {
    const targets = rows.filter((r) => r.basis === 'target' && r.family === 'rencana_program_tc33');
    expect(targets.length).toBeGreaterThan(20);
    const described = targets.filter((r) => r.indicator && r.indicator_unit);
    expect(described.length / targets.length).toBeGreaterThan(0.8);
  });

  it('datapackage.json describes every CSV column, and the CSV fits its Table Schema', () => {
    const pkg = JSON.parse(readFileSync(join(dest, 'datapackage.json'), 'utf8'));
    const csv = pkg.resources.find((r: { name: string }) => r.name === 'comparison');
    expect(csv.schema.fields.every((f: { description?: string }) => f.description)).toBe(true);
    expect(csv.schema.fields.find((f: { name: string }) => f.name === 'value_rp').type).toBe('number');
    // no SQL reserved word as a column name
    expect(csv.schema.fields.map((f: { name: string }) => f.name)).not.toContain('table');
    expect(csv.schema.fields.map((f: { name: string }) => f.name)).not.toContain('column');
    expect(tableSchemaErrors(join(dest, csv.path), csv.schema).slice(0, 5)).toEqual([]);
    // and the check can fail: a region name is no integer
    const wrong = { ...csv.schema, fields: csv.schema.fields.map((f: { name: string }) => (f.name === 'region_name' ? { ...f, type: 'integer' } : f)) };
    expect(tableSchemaErrors(join(dest, csv.path), wrong)[0]).toMatch(/region_name: not an integer/);
    const schema = JSON.parse(readFileSync(join(dest, 'output.schema.json'), 'utf8'));
    expect(schema.properties.records.type).toBe('array');
  });
});

describe('the warehouse', () => {
  it('DuckDB returns the same figures for a code as the JSON, and Parquet holds every row', async () => {
    const db = join(dest, 'comparison.duckdb');
    const sql = "SELECT region_name, value FROM comparison WHERE code = '1.06.01.2.02.0001' ORDER BY region_name, value";
    const fromDb = (await query(db, sql)).map((r) => [r.region_name, Number(r.value)]);
    const fromJson = rows.filter((r) => r.code === '1.06.01.2.02.0001').map((r) => [r.region_name, Math.round(r.value * 100) / 100])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));
    expect(fromDb).toEqual(fromJson);
    const [{ n }] = await query(db, `SELECT count(*) AS n FROM read_parquet('${join(dest, 'comparison.parquet')}')`);
    expect(Number(n)).toBe(rows.length);
  });
});

describe('kinerja-compare CLI', () => {
  const BIN = join(ROOT, 'bin/kinerja-compare.mjs');
  const run = (args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8', cwd: ROOT });

  it('names a file that is not JSON, leaves it out, and still writes the comparison of the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compare-bad-'));
    mkdirSync(join(dir, 'nested'));
    for (const f of ['000_3c81d608c39353c9.json', '003_a0b8d9f08cf4c655.json']) writeFileSync(join(dir, 'nested', f), readFileSync(join(outDir, f)));
    writeFileSync(join(dir, 'truncated.json'), '{"schema_version": 1, "source": {');
    writeFileSync(join(dir, 'other.json'), '{"hello": "world"}');
    const dest2 = join(dir, 'cmp');
    const r = run([dir, '--out', dest2]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^skip {2}.*truncated\.json: cannot be read as JSON/m);
    expect(r.stderr).toMatch(/^skip {2}.*other\.json: not an extracted document/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toMatch(/^2 documents, 2 districts/m);
    expect(readFileSync(join(dest2, 'comparison.jsonl'), 'utf8').trim().split('\n').length).toBeGreaterThan(100);
  });

  it('takes documents one by one (a glob over the output folder), and reports usage errors in one line with exit 2', () => {
    const dest2 = mkdtempSync(join(tmpdir(), 'compare-files-'));
    const r = run([join(outDir, '000_3c81d608c39353c9.json'), join(outDir, '001_58bf08c6da99c956.json'), '--out', dest2]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^2 documents/m);
    const missing = run(['/nonexistent/out', '--out', dest2]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe('error: /nonexistent/out: no such file or folder');
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
