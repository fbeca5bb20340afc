// The comparison's description for a warehouse: a Frictionless Data Package (datapackage.json)
// whose Table Schema gives every column of comparison.csv its type and meaning (money as
// decimal), and the JSON Schema of the per-document outputs it was made from.

import { PACKAGE } from '../fingerprint.js';
import { LONG_TABLE } from './columns.js';

export const OUTPUT_SCHEMA_FILE = 'output.schema.json';

export function dataPackage(csvFile: string, rows: number) {
  return {
    profile: 'tabular-data-package',
    name: 'kinerja-comparison',
    title: 'Indonesian local-government planning and performance figures, one row per figure',
    created: new Date().toISOString(),
    sources: [{ title: `${PACKAGE.name} ${PACKAGE.version}` }],
    resources: [
      {
        name: 'comparison',
        path: csvFile,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', doubleQuote: true, header: true },
        count_of_rows: rows,
        schema: {
          fields: LONG_TABLE.map((c) => ({
            name: c.name,
            type: c.type,
            description: c.description,
            ...(c.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
            ...(c.type === 'number' ? { decimalChar: '.', groupChar: '' } : {}),
            ...(c.values ? { constraints: { enum: [...c.values] } } : {}),
          })),
          missingValues: [''],
        },
      },
      {
        name: 'output-document-schema',
        path: OUTPUT_SCHEMA_FILE,
        format: 'json',
        mediatype: 'application/schema+json',
        description: 'JSON Schema of the per-document extraction output the comparison was made from',
      },
    ],
  };
}
