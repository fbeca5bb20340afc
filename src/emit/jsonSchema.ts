// The JSON Schema of the per-document output, from the zod schema the extractor validates its
// own output with: shipped as `kinerja-extract/schema` (written at build time by
// scripts/write-schema.mjs) and beside every comparison (src/compare/index.ts).

import { z } from 'zod';
import { OutputDocument } from './schema.js';

export function outputJsonSchema(): Record<string, unknown> {
  return {
    title: 'kinerja-extract output document',
    ...z.toJSONSchema(OutputDocument, { target: 'draft-2020-12', unrepresentable: 'any' }),
  };
}
