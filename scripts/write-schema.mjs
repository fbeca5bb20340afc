// Build step after tsc: the JSON Schema of the per-document output (src/emit/jsonSchema.ts),
// shipped as `kinerja-extract/schema` (dist/output.schema.json). Plain node on the compiled code.
import { writeFileSync } from 'node:fs';
import { outputJsonSchema } from '../dist/emit/jsonSchema.js';

writeFileSync(new URL('../dist/output.schema.json', import.meta.url), `${JSON.stringify(outputJsonSchema(), null, 1)}\n`);
