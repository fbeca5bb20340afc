// Build step after tsc: the JSON Schema of the per-document output, generated from the zod schema
// the extractor validates its own output with (src/emit/schema.ts), shipped as
// `kinerja-extract/schema` (dist/output.schema.json). Plain node on the compiled code.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { OutputDocument } from '../dist/emit/schema.js';

const schema = {
  title: 'kinerja-extract output document',
  ...z.toJSONSchema(OutputDocument, { target: 'draft-2020-12', unrepresentable: 'any' }),
};
writeFileSync(new URL('../dist/output.schema.json', import.meta.url), `${JSON.stringify(schema, null, 1)}\n`);
