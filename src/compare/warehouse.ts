// The long table in an embedded DuckDB database file, and as Parquet, for SQL and for
// warehouses (Spark, Trino, BigQuery). Figures are DECIMAL(18,2), never floating point.

import { rm } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { LONG_TABLE } from './columns.js';

const COLUMNS: Record<string, string> = Object.fromEntries(LONG_TABLE.map((c) => [c.name, c.sql]));

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function loadWarehouse(jsonl: string, dbPath: string, parquet: string): Promise<void> {
  await rm(dbPath, { force: true });
  const db = await DuckDBInstance.create(dbPath);
  const c = await db.connect();
  try {
    const columns = `{${Object.entries(COLUMNS).map(([k, t]) => `${quote(k)}: ${quote(t)}`).join(', ')}}`;
    await c.run(`CREATE TABLE comparison AS SELECT * FROM read_json(${quote(jsonl)}, format = 'newline_delimited', columns = ${columns})`);
    await c.run(`COPY comparison TO ${quote(parquet)} (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/** Run one query on the database file; rows as plain objects (DECIMAL and BIGINT as number). */
export async function query(dbPath: string, sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  const c = await db.connect();
  try {
    const reader = await c.runAndReadAll(sql);
    // counts come back as BigInt: plain numbers are what callers (and JSON) expect
    return (reader.getRowObjectsJS() as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
  } finally {
    c.closeSync();
    db.closeSync();
  }
}
