// Build a loaded document from inline text, for small hand-made tables.
import type { LoadedDocument } from '../../src/model.ts';
import { layoutLine } from '../../src/load/text.ts';
import { extractTables, toOutput } from '../../src/pipeline.ts';

/** `⇥` in test text stands for a TAB, as in the study of the seeds. */
export function docFromText(text: string, file = 'inline.txt'): LoadedDocument {
  const lines = text.replace(/⇥/g, '\t').split('\n').map((l, i) => layoutLine(l, i + 1));
  return { file, path: file, sha256: '0', format: 'text', pages: null, lines, warnings: [] };
}

export function extractText(text: string) {
  const doc = docFromText(text);
  return toOutput(doc, extractTables(doc));
}
