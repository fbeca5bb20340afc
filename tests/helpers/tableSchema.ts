// A Frictionless Table Schema check of a CSV file (the subset the comparison's datapackage.json
// uses: string, integer, number, boolean, enum constraints, missing values, header row). Each
// problem is named with its row and field, so a failing test says what is wrong.

import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

interface Field {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  trueValues?: string[];
  falseValues?: string[];
  constraints?: { enum?: string[] };
}

export interface TableSchema {
  fields: Field[];
  missingValues?: string[];
}

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function cellError(f: Field, cell: string): string | null {
  if (f.type === 'integer' && !INTEGER.test(cell)) return `not an integer: '${cell}'`;
  if (f.type === 'number' && !NUMBER.test(cell)) return `not a number: '${cell}'`;
  if (f.type === 'boolean' && ![...(f.trueValues ?? ['true']), ...(f.falseValues ?? ['false'])].includes(cell)) return `not a boolean: '${cell}'`;
  if (f.constraints?.enum && !f.constraints.enum.includes(cell)) return `not one of ${f.constraints.enum.join(', ')}: '${cell}'`;
  return null;
}

/** Every problem of `csvPath` against `schema` (empty when the file fits). */
export function tableSchemaErrors(csvPath: string, schema: TableSchema): string[] {
  const records = parse(readFileSync(csvPath, 'utf8'), { relax_column_count: true }) as string[][];
  const [header, ...rows] = records;
  const errors: string[] = [];
  const names = schema.fields.map((f) => f.name);
  if (JSON.stringify(header) !== JSON.stringify(names)) errors.push(`header ${header.join(',')} is not ${names.join(',')}`);
  const missing = new Set(schema.missingValues ?? ['']);
  rows.forEach((row, i) => {
    if (row.length !== names.length) errors.push(`row ${i + 2}: ${row.length} cells, not ${names.length}`);
    schema.fields.forEach((f, j) => {
      const cell = row[j] ?? '';
      if (missing.has(cell)) return;
      const e = cellError(f, cell);
      if (e) errors.push(`row ${i + 2}, ${f.name}: ${e}`);
    });
  });
  return errors;
}
