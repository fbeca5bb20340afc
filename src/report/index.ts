// `kinerja-extract report <out dir> --out report/`: a static site from the extracted documents,
// opened from the disk with no server and no network. index.html lists every document (and the
// inputs that failed, with their reason); docs/<name>.html shows one document; compare.html
// compares districts. Styles and scripts (ECharts included) sit beside the pages in assets/.

import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative, resolve, sep } from 'node:path';
import { documentFiles, readDocument } from '../compare/index.js';
import { harmonizeNames, longRows, type LongRow } from '../compare/longTable.js';
import type { OutputDocument } from '../emit/schema.js';
import { writeAtomic } from '../emit/write.js';
import { BATCH_DIR } from '../batch/registry.js';
import { PACKAGE_ROOT } from '../paths.js';
import { comparisonData } from './comparison.js';
import { documentPage } from './documentPage.js';
import { comparePage, indexPage, type IndexEntry, type NotRead } from './pages.js';

const ASSETS = ['report.css', 'report.js', 'compare.js'];

export interface ReportResult {
  documents: number;
  failed: number;
  pages: string[];
  index: string;
}

/**
 * The inputs the batches below `paths` read, by output file: their manifests say where each
 * output came from (a path as given when extracting, from the folder it was run in).
 */
async function inputsByOutput(paths: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of paths) {
    const manifest = join(p, BATCH_DIR, 'manifest.jsonl');
    if (!existsSync(manifest)) continue;
    for (const line of (await readFile(manifest, 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      try {
        const m = JSON.parse(line) as { input?: string; output?: string | null };
        if (m.input && m.output) out.set(resolve(p, m.output), resolve(m.input));
      } catch {
        // a line cut short by a killed run: its document is still read, only without a PDF link
      }
    }
  }
  return out;
}

/** A safe, unique page name for a document file. */
function pageName(file: string, taken: Set<string>): string {
  const stem = basename(file, '.json').replace(/[^\w.-]+/g, '_') || 'document';
  let name = `${stem}.html`;
  for (let i = 2; taken.has(name); i++) name = `${stem}-${i}.html`;
  taken.add(name);
  return name;
}

async function copyAssets(dest: string): Promise<void> {
  await mkdir(join(dest, 'assets'), { recursive: true });
  for (const a of ASSETS) await copyFile(join(PACKAGE_ROOT, 'assets', 'report', a), join(dest, 'assets', a));
  // ECharts' own minified build, beside the pages: the report opens offline
  const echarts = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');
  await copyFile(echarts, join(dest, 'assets', 'echarts.min.js'));
}

export async function buildReport(paths: string[], dest: string): Promise<ReportResult> {
  const files = await documentFiles(paths);
  const inputs = await inputsByOutput(paths);
  await mkdir(join(dest, 'docs'), { recursive: true });
  await copyAssets(dest);
  const entries: IndexEntry[] = [];
  const notRead: NotRead[] = [];
  const perDocument: LongRow[][] = [];
  const taken = new Set<string>();
  const pages: string[] = [];
  for (const f of files) {
    const r = await readDocument(f);
    if (!('doc' in r)) {
      // a failed extraction is named by its input; a file that is no document by itself
      notRead.push({ file: r.kind === 'failed_extraction' ? basename(f, '.json') : f, reason: r.reason });
      continue;
    }
    const doc: OutputDocument = r.doc;
    const name = pageName(f, taken);
    const input = inputs.get(resolve(f));
    const pdf = input && existsSync(input) && doc.source.format !== 'text' ? relative(join(dest, 'docs'), input).split(sep).join('/') : null;
    const out = join(dest, 'docs', name);
    await writeAtomic(out, documentPage(doc, { pdf }));
    pages.push(out);
    entries.push({ doc, href: `docs/${name}` });
    perDocument.push(longRows(doc));
  }
  harmonizeNames(perDocument);
  const rows = perDocument.flat();
  const index = join(dest, 'index.html');
  await writeAtomic(index, indexPage(entries, notRead));
  await writeAtomic(join(dest, 'compare.html'), comparePage(comparisonData(rows)));
  return { documents: entries.length, failed: notRead.length, pages, index };
}
