// Value recall on a few pages: the gold values printed on those pages (found by matching the
// gold to the values the text-layer extraction places on the same pages, by code and value),
// and how many of them an extraction of a scan of those pages recovers — the scorer's rules
// (code key, values equal within 0.5 for money, 0.005 otherwise), restricted to the pages scanned.
import { readFileSync } from 'node:fs';
import type { OutputDocument, OutputRecord } from '../../src/emit/schema.ts';

type Gold = { code?: string | null; code_inferred?: string | null; level: string; values?: Record<string, unknown> };

export function codeKey(code: string | null | undefined): string | null {
  if (code == null) return null;
  const parts = String(code).split('.').map((s) => s.replace(/\D/g, '')).filter((s) => s !== '');
  return parts.length ? parts.map((s) => String(parseInt(s, 10))).join('.') : null;
}

const goldKey = (g: Gold) => (g.level === 'total' ? 'TOTAL' : codeKey(g.code ?? g.code_inferred));
const outKey = (r: OutputRecord) => (r.level === 'total' ? 'TOTAL' : codeKey(r.code));
const goldNumbers = (g: Gold) => Object.values(g.values ?? {}).map((v) => (v && typeof v === 'object' ? (v as { value: unknown }).value : v)).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
const outNumbers = (r: OutputRecord) => r.values.map((v) => v.value).filter((v): v is number => v !== null);
const same = (a: number, b: number) => Math.abs(a - b) <= (Math.abs(b) >= 1000 ? 0.5 : 0.005);

function overlap(gold: number[], out: number[]): number {
  const used = new Array(out.length).fill(false);
  let hit = 0;
  for (const g of gold) {
    const j = out.findIndex((o, k) => !used[k] && same(o, g));
    if (j >= 0) { used[j] = true; hit++; }
  }
  return hit;
}

export interface PageScore {
  goldRows: number;
  goldValues: number;
  foundValues: number;
  rowsFound: number;
  /** values found in the record with the gold row's code (the scorer's rule) */
  recall: number;
  /** values found anywhere in the extraction, whatever row or code they landed in */
  readRecall: number;
}

/** The gold numbers `out` holds, each matched once (equal within the scorer's tolerance). */
function matched(gold: number[], out: number[]): number[] {
  const used = new Array(out.length).fill(false);
  const hit: number[] = [];
  for (const g of gold) {
    const j = out.findIndex((o, k) => !used[k] && same(o, g));
    if (j >= 0) { used[j] = true; hit.push(g); }
  }
  return hit;
}

export function pageRecall(goldFile: string, textLayer: OutputDocument, pages: number[], scan: OutputDocument): PageScore {
  const gold: Gold[] = readFileSync(goldFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  // the figures the text layer places on these pages (a row may run on to the next page)
  const onPage = (r: OutputRecord) => r.values.filter((v) => v.value !== null && pages.includes(v.page ?? r.page ?? -1)).map((v) => v.value as number);
  // each gold row with the values of it printed on these pages: at least half of them, so that a
  // row of another table sharing a figure or two is not taken for it. A record of the text layer
  // stands for one gold row only (the one it shares most figures with): the same code in another
  // table of the document, whose small figures (`100`, `12`) recur on these pages, is not printed here
  const pairs = gold.flatMap((g) => {
    const key = goldKey(g);
    const nums = goldNumbers(g);
    if (key === null || nums.length === 0) return [];
    return textLayer.records.filter((r) => outKey(r) === key).map((r) => ({ g, r, printed: matched(nums, onPage(r)) }))
      .filter((p) => p.printed.length >= Math.max(1, nums.length / 2));
  }).sort((a, b) => b.printed.length - a.printed.length);
  const taken = new Set<unknown>();
  const rows: { g: Gold; printed: number[] }[] = [];
  for (const p of pairs) {
    if (taken.has(p.g) || taken.has(p.r)) continue;
    taken.add(p.g);
    taken.add(p.r);
    rows.push({ g: p.g, printed: p.printed });
  }
  let goldValues = 0;
  let foundValues = 0;
  let rowsFound = 0;
  const used = new Set<OutputRecord>();
  for (const { g, printed } of rows) {
    goldValues += printed.length;
    const best = scan.records.filter((r) => !used.has(r) && outKey(r) === goldKey(g)).map((r) => ({ r, n: overlap(printed, outNumbers(r)) })).sort((a, b) => b.n - a.n)[0];
    if (!best) continue;
    used.add(best.r);
    rowsFound++;
    foundValues += best.n;
  }
  const read = overlap(rows.flatMap((x) => x.printed), scan.records.flatMap(outNumbers));
  return { goldRows: rows.length, goldValues, foundValues, rowsFound, recall: goldValues ? foundValues / goldValues : 1, readRecall: goldValues ? read / goldValues : 1 };
}
