// What made an output, and the output of a document that could not be read. Apart from the
// pipeline so that the batch's main thread can write a failure without loading pdf.js, the
// canvas and tesseract.js (which only the worker threads need).

import { extname } from 'node:path';
import { fingerprint, PACKAGE } from '../fingerprint.js';
import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import { OutputDocument } from './schema.js';

/** What made an output: name, version and fingerprint (code, data and settings; see fingerprint.ts). */
export function extractorInfo(settings: Settings): { name: string; version: string; fingerprint: string } {
  return { name: PACKAGE.name, version: PACKAGE.version, fingerprint: fingerprint(settings) };
}

/** A document that could not be read: still valid JSON, with the error. */
export function failedOutput(file: string, error: { code: string; message: string }, sha256: string | null = null, settings: Settings = DEFAULT_SETTINGS): OutputDocument {
  return OutputDocument.parse({
    schema_version: 1,
    status: 'failed',
    error,
    extractor: extractorInfo(settings),
    source: { file, sha256, format: extname(file).toLowerCase() === '.pdf' ? 'pdf' : 'text', pages: null },
    document: { kind: null, agency: null, region: null, year: null, period: null },
    tables: [],
    records: [],
    warnings: [{ type: 'input_error', message: error.message }],
  });
}

