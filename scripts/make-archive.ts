// A synthetic archive for the batch benchmark: the sample documents again and again, each copy
// with its district renamed and its rupiah figures scaled, as .pdf (rendered like the sample
// PDFs), .txt or .md (markdown tables). Deterministic: the same count gives the same files.
//
//   npm run archive [-- --count 300 --out out/archive]

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { layoutLine } from '../src/load/text.js';
import { detectMetadata } from '../src/metadata.js';
import { renderPdf } from './render-samples.js';

const SOURCES = ['../shared/seeds', 'samples'];
const FIRST = ['Tanjung', 'Sungai', 'Bukit', 'Muara', 'Pulau', 'Kuala', 'Teluk', 'Batu', 'Rawa', 'Padang', 'Lembah', 'Gunung'];
const SECOND = ['Jaya', 'Makmur', 'Indah', 'Raya', 'Sari', 'Baru', 'Permai', 'Lestari', 'Asri', 'Mulya', 'Sejahtera', 'Damai', 'Harapan'];
const FACTORS = [2, 3, 4, 5, 6, 7];

export interface ArchiveOptions {
  count: number;
  out: string;
}

/** The i-th fictional district name: all 156 pairs before one repeats. */
function districtName(i: number): string {
  return `${FIRST[i % FIRST.length]} ${SECOND[Math.floor(i / FIRST.length) % SECOND.length]}`;
}

function sameCase(like: string, name: string): string {
  return like === like.toUpperCase() ? name.toUpperCase() : name;
}

/** Figures written with thousands dots (rupiah, counts) times an integer: sums and differences stay exact. */
function scaleFigures(text: string, factor: number): string {
  return text.replace(/(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.])/g, (m) => {
    const scaled = BigInt(m.replace(/\./g, '')) * BigInt(factor);
    return scaled.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  });
}

export function vary(text: string, i: number): string {
  const lines = text.split(/\r?\n/).map((l, n) => layoutLine(l, n + 1));
  const region = detectMetadata(lines).region.name;
  let out = scaleFigures(text, FACTORS[i % FACTORS.length]);
  if (region) {
    const escaped = region.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`\\b${escaped}\\b`, 'gi'), (m) => sameCase(m, districtName(i)));
  }
  return out;
}

/** TAB-separated rows as markdown pipe rows (a separator under each table's first row). */
function toMarkdown(text: string): string {
  const out: string[] = [];
  let inTable = false;
  for (const line of text.split(/\r?\n/)) {
    const row = line.includes('\t');
    if (row) out.push(`| ${line.split('\t').map((c) => c.replace(/\|/g, '/')).join(' | ')} |`);
    else out.push(line);
    if (row && !inTable) out.push(`|${line.split('\t').map(() => ' --- ').join('|')}|`);
    inTable = row;
  }
  return out.join('\n');
}

function sources(): string[] {
  return SOURCES.flatMap((dir) => readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => join(dir, f)));
}

/** Writes `count` documents into `out` (emptied first); returns their paths. */
export async function makeArchive({ count, out }: ArchiveOptions): Promise<string[]> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const texts = sources().map((p) => ({ stem: basename(p, extname(p)), text: readFileSync(p, 'utf8').replace(/^\uFEFF/, '') }));
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const src = texts[i % texts.length];
    const text = vary(src.text, i);
    const stem = join(out, `doc-${String(i + 1).padStart(4, '0')}-${src.stem}`);
    const format = ['pdf', 'txt', 'md'][i % 3];
    if (format === 'md') writeFileSync(`${stem}.md`, toMarkdown(text));
    else writeFileSync(`${stem}.txt`, text);
    if (format === 'pdf') {
      await renderPdf(`${stem}.txt`, `${stem}.pdf`);
      rmSync(`${stem}.txt`);
    }
    files.push(`${stem}.${format}`);
  }
  return files;
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const count = Number(opt('--count', '300'));
  const out = opt('--out', 'out/archive');
  const t0 = performance.now();
  const files = await makeArchive({ count, out });
  const by = (ext: string) => files.filter((f) => f.endsWith(ext)).length;
  console.log(`${files.length} documents in ${out} (${by('.pdf')} PDF, ${by('.txt')} text, ${by('.md')} markdown) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) await main();
