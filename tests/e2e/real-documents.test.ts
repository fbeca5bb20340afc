// The nine real PDFs agencies published (../shared/real: Word, Excel, SIPD from Chrome, PDFium,
// Foxit, a scanner), extracted as a user would (the CLI, two worker threads) and scored against
// the hand-checked facts with the shared scorer. The floors are what the project reaches so far:
// they may only rise.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SHARED, requireShared } from '../helpers/paths.ts';

const REAL = join(SHARED, 'real');
const FACTS_SCORER = join(SHARED, 'tools', 'score-facts.mjs');

// reached so far (a ratchet: raise them, never lower them)
const FLOORS = { facts: 0.93, onPage: 0.98, codes: 1, metadata: 27 };

interface Counts { facts: number; found: number; onPage: number; coded: number; codeRight: number; metaOk?: number }
let scores: { all: Counts & { metaOk: number }; files: Record<string, Counts> };
let outDir = '';
const output = (stem: string) => JSON.parse(readFileSync(join(outDir, `${stem}.json`), 'utf8')) as { records: { page: number | null; name: string; code: string | null; level: string; row_no: string | null; account: string | null; duplicate_of: number | null; values: { value: number | null }[] }[] };

beforeAll(() => {
  requireShared();
  const out = mkdtempSync(join(tmpdir(), 'real-'));
  outDir = out;
  const r = spawnSync('node', [join(ROOT, 'bin/kinerja-extract.mjs'), REAL, '--out', out, '--jobs', '2', '--quiet'], { encoding: 'utf8', cwd: ROOT });
  expect(r.status, r.stderr).toBe(0);
  scores = JSON.parse(execFileSync('node', [FACTS_SCORER, '--facts', join(REAL, 'facts'), '--out', out, '--json'], { encoding: 'utf8' }));
});

describe('real published documents against their hand-checked facts', () => {
  it('finds the facts, on the right page, keyed by the right code', () => {
    const a = scores.all;
    expect(a.found / a.facts).toBeGreaterThanOrEqual(FLOORS.facts);
    expect(a.onPage / a.facts).toBeGreaterThanOrEqual(FLOORS.onPage);
    expect(a.codeRight / a.coded).toBeGreaterThanOrEqual(FLOORS.codes);
    expect(a.metaOk).toBeGreaterThanOrEqual(FLOORS.metadata);
  });

  it('reads a Renstra whose rupiah figures wrap over two lines of their cells (`48.114.7` / `09.000`)', () => {
    const r = scores.files['renstra-dpupr-kab-grobogan-2021-2026'];
    expect(r.found / r.facts).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    // documents of four code styles: SIPD RKA (rekening under a sub-kegiatan), a realisation
    // report (program-relative codes), a Renstra (full codes), and 2016/2020 plans in the old numbering
    ['rka-sipd-disdagin-kota-bogor-2022-rapat', 13],
    ['rfk-dpupr-kab-grobogan-2021-12', 25],
    ['renstra-dpupr-kab-grobogan-2021-2026', 30],
    ['renja-disnak-prov-jabar-2016-bab3', 15],
    ['renja-disperindag-kota-bogor-2020-ocr', 15],
    ['renja-dkp-kab-cianjur-2016', 6],
  ])('%s: at least %i facts with the right code', (stem, floor) => {
    expect(scores.files[stem].codeRight).toBeGreaterThanOrEqual(floor);
  });

  it('reads a scanner PDF by its invisible text layer and the table lines of its image, not the lines the scanner drew beneath it', () => {
    // the Kodak scanner strokes its own guess of the grid under the scan (a box round the title, rows
    // at the text lines); the rows of the two tables on p.2 and the one on p.3 are those printed
    const r = scores.files['pk-bpptd-margawati-jabar-2016-scan-ocr'];
    expect(r.found).toBeGreaterThanOrEqual(12);
    // its layer agrees with the image (spot-checked by OCR), so it is what the pages are read by
    const layers = (JSON.parse(readFileSync(join(outDir, 'pk-bpptd-margawati-jabar-2016-scan-ocr.json'), 'utf8')) as { source: { ocr: { text_layers: { text: string }[] } } }).source.ocr.text_layers;
    expect(layers.map((l) => l.text)).toEqual(['layer', 'layer', 'layer']);
    const rec = output('pk-bpptd-margawati-jabar-2016-scan-ocr').records.find((x) => x.values.some((v) => v.value === 3347750000));
    expect(rec?.name).toMatch(/^Penyediaan Pakan Ternak dan Kebutuhan Dasar Budidaya Ternak Domba lainnya di UPTD BPPT Domba Margawati dan SUPPTD Bunihayu$/);
  });

  it('joins a name a narrow cell broke mid-word and a page break cut in two (Renstra p.34–35)', () => {
    // printed `Program Peningkat` / `an Jalan` at the foot of p.34 and `dan Jembatan` atop p.35, below
    // the running title; its 2017 plan 360.417.724 (Rp ribu) is on p.34
    const rec = output('renstra-dpupr-kab-grobogan-2021-2026').records.find((r) => r.values.some((v) => v.value === 360417724));
    expect(rec?.name).toBe('Program Peningkatan Jalan dan Jembatan');
  });

  it('outline numbers on a page read by OCR stay row numbers (Renstra p.1, its table of contents)', () => {
    // `2.1.1. Struktur Organisasi`, `2.2. Sumber Daya`: a code OCR read must be one the
    // nomenclature confirms, but numbering this short is numbering, as on a text layer
    const recs = output('renstra-dpupr-kab-grobogan-2021-2026').records.filter((r) => r.page === 1 && /^(Struktur Organisasi|Uraian Tugas|Sumber Daya)\b/.test(r.name ?? ''));
    expect(recs.map((r) => [r.row_no, r.code, r.level])).toEqual([['2.1.1.', null, 'other'], ['2.1.2.', null, 'other'], ['2.2.', null, 'other']]);
  });

  it('an RKA account and its only child, printing one figure, are two rows, not a page-overlap duplicate', () => {
    // every account of the RKA carries its sub-kegiatan's code; `5 BELANJA DAERAH` over `5.1 BELANJA
    // OPERASI` (Rp. 1.954.327.000, p.1) and `5.1.02.04 Belana Perjalanan Dinas` over `5.1.02.04.01`
    // (Rp. 1.710.397.000, p.3) print the same figure one under the other, as a page's last rows
    // repeated atop the next would
    const recs = output('rka-sipd-disdagin-kota-bogor-2022-rapat').records;
    for (const account of ['5', '5.1', '5.1.02.04', '5.1.02.04.01']) {
      expect(recs.filter((r) => r.account === account).map((r) => r.duplicate_of)).toEqual([null]);
    }
  });

  it('keeps the running footer of every page out of the records (DKP Cianjur)', () => {
    const names = output('renja-dkp-kab-cianjur-2016').records.map((r) => r.name);
    expect(names.filter((n) => /^Dinas Kebersihan dan Pertamanan Kabupaten Cianjur$/i.test(n))).toEqual([]);
    expect(names).toContain('Penyusunan Laporan Keuangan Semesteran');
  });
});
