// The command line on good and bad inputs: one JSON per input, a one-line summary per file,
// exit 1 when any input failed while every other input is still written.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputDocument } from '../../src/emit/schema.ts';
import { slowPdf } from '../helpers/pdf.ts';
import { ROOT, SAMPLES } from '../helpers/paths.ts';

const BIN = join(ROOT, 'bin/kinerja-extract.mjs');

function run(args: string[]) {
  return spawnSync('node', [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
}

function readOut(dir: string, stem: string): OutputDocument {
  return OutputDocument.parse(JSON.parse(readFileSync(join(dir, `${stem}.json`), 'utf8')));
}

describe('kinerja-extract CLI', () => {
  it('skips inputs whose output is up to date; --force extracts again, byte for byte the same', () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-resume-'));
    const input = join(SAMPLES, 'renja-perubahan-kabupaten-blitar-excerpt.txt');
    expect(run([input, '--out', out]).status).toBe(0);
    const first = readFileSync(join(out, 'renja-perubahan-kabupaten-blitar-excerpt.json'));
    const again = run([input, '--out', out]);
    expect(again.stdout).toMatch(/^skip {2}renja-perubahan-kabupaten-blitar-excerpt\.txt: up to date/m);
    expect(JSON.parse(readFileSync(join(out, '_run.json'), 'utf8'))).toMatchObject({ inputs: 1, extracted: 0, skipped: 1, failed: 0 });
    const forced = run([input, '--out', out, '--force']);
    expect(forced.stdout).toMatch(/^ok {4}renja-perubahan-kabupaten-blitar-excerpt\.txt/m);
    expect(readFileSync(join(out, 'renja-perubahan-kabupaten-blitar-excerpt.json')).equals(first)).toBe(true);
  });

  it('extracts files concurrently (--jobs 2) into the same bytes as one at a time', () => {
    const inputs = [join(SAMPLES, 'renja-perubahan-kota-metro-excerpt.txt'), join(SAMPLES, 'renja-perubahan-kabupaten-blitar-excerpt.txt'), join(SAMPLES, 'pdf', '003_a0b8d9f08cf4c655.pdf')];
    const [one, two] = [mkdtempSync(join(tmpdir(), 'cli-jobs1-')), mkdtempSync(join(tmpdir(), 'cli-jobs2-'))];
    expect(run([...inputs, '--out', one, '--jobs', '1']).status).toBe(0);
    expect(run([...inputs, '--out', two, '--jobs', '2']).status).toBe(0);
    for (const stem of ['renja-perubahan-kota-metro-excerpt', 'renja-perubahan-kabupaten-blitar-excerpt', '003_a0b8d9f08cf4c655']) {
      expect(readFileSync(join(two, `${stem}.json`)).equals(readFileSync(join(one, `${stem}.json`))), stem).toBe(true);
    }
    expect(run([...inputs, '--out', two, '--jobs', '0']).status).toBe(2);
  });

  it('a run killed part-way (SIGKILL) and started again ends with every output complete and none twice', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-killed-'));
    const pdfs = join(SAMPLES, 'pdf');
    const child = spawn('node', [BIN, pdfs, '--out', out], { cwd: ROOT, stdio: 'ignore' });
    // kill it as soon as its first output is complete, while it works on the next document
    for (let waited = 0; waited < 60_000 && !readdirSync(out).some((f) => /^\d.*\.json$/.test(f)); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const r = run([pdfs, '--out', out]);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^skip {2}/m);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['000_3c81d608c39353c9.json', '001_58bf08c6da99c956.json', '002_e86b35e174e817cf.json', '003_a0b8d9f08cf4c655.json', '004_a30a70c4cd2935b3.json', '_errors.json', '_run.json']);
    for (const f of files.filter((x) => !x.startsWith('_'))) expect(readOut(out, f.replace('.json', '')).status).toBe('ok');
  });

  it('extracts the bundled samples folder with exit status 0', () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-samples-'));
    const r = run([SAMPLES, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ok {4}renja-perubahan-kota-metro-excerpt\.txt: renja_perubahan/m);
    const doc = readOut(out, 'renja-perubahan-kota-metro-excerpt');
    expect(doc.records.some((x) => x.code === '1.06.01.2.02.0001')).toBe(true);
  });

  it('records each bad input as a failure, writes the good ones, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-bad-'));
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    copyFileSync(join(SAMPLES, 'renja-perubahan-kota-metro-excerpt.txt'), join(inputs, 'good.txt'));
    writeFileSync(join(inputs, 'empty.txt'), '');
    writeFileSync(join(inputs, 'binary.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8]));
    writeFileSync(join(inputs, 'prose.md'), '# Kata Pengantar\n\nDokumen ini tidak memuat tabel.\n');
    writeFileSync(join(inputs, 'corrupt.pdf'), '%PDF-1.7\nthis is not a PDF at all\n');
    writeFileSync(join(inputs, 'garbage-table.txt'), 'Tabel 9\n\nNo\tUraian\tJumlah\n•\t_\t·\n\t<u> </u>\t\n');
    const out = join(dir, 'out');
    const r = run([inputs, '--out', out]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('3 of 6 inputs extracted, 3 failed');
    expect(r.stdout).toMatch(/^FAIL {2}corrupt\.pdf: corrupt\.pdf: not a readable PDF/m);
    expect(readOut(out, 'corrupt')).toMatchObject({ status: 'failed', source: { format: 'pdf' }, error: { code: 'corrupt' } });
    expect(r.stdout).toMatch(/^FAIL {2}empty\.txt: empty\.txt: empty file$/m);
    expect(r.stdout).toMatch(/^FAIL {2}binary\.txt: binary\.txt: not a text file/m);

    const errors = JSON.parse(readFileSync(join(out, '_errors.json'), 'utf8')) as { input: string; code: string }[];
    expect(errors.map((e) => [e.input.split('/').pop(), e.code]).sort()).toEqual([['binary.txt', 'binary'], ['corrupt.pdf', 'corrupt'], ['empty.txt', 'empty']]);
    expect(JSON.parse(readFileSync(join(out, '_run.json'), 'utf8'))).toMatchObject({ inputs: 6, extracted: 3, skipped: 0, failed: 3 });

    const empty = readOut(out, 'empty');
    expect(empty.status).toBe('failed');
    expect(empty.error?.code).toBe('empty');
    expect(readOut(out, 'binary').error?.code).toBe('binary');

    const prose = readOut(out, 'prose');
    expect(prose.status).toBe('ok');
    expect(prose.tables).toEqual([]);
    expect(prose.warnings.map((w) => w.type)).toContain('no_tables');

    const garbage = readOut(out, 'garbage-table');
    expect(garbage.tables).toHaveLength(1);
    expect(garbage.records).toHaveLength(0);
    expect(garbage.warnings.map((w) => w.type)).toContain('empty_table');

    expect(readOut(out, 'good').records.length).toBeGreaterThan(10);
  });

  it('stops a file that hangs (--timeout), records it, and writes every good file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-hang-'));
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    copyFileSync(join(SAMPLES, 'renja-perubahan-kota-metro-excerpt.txt'), join(inputs, 'good-1.txt'));
    copyFileSync(join(SAMPLES, 'renja-perubahan-kabupaten-blitar-excerpt.txt'), join(inputs, 'good-2.txt'));
    copyFileSync(join(SAMPLES, 'pdf', '003_a0b8d9f08cf4c655.pdf'), join(inputs, 'good-3.pdf'));
    writeFileSync(join(inputs, 'hangs.pdf'), await slowPdf(2_000_000));
    writeFileSync(join(inputs, 'corrupt.pdf'), '%PDF-1.7\nthis is not a PDF at all\n');
    writeFileSync(join(inputs, 'empty.md'), '');
    const out = join(dir, 'out');
    const r = run([inputs, '--out', out, '--jobs', '2', '--timeout', '8']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^FAIL {2}hangs\.pdf: hangs\.pdf: took longer than 8 s; its worker was stopped$/m);
    expect(readOut(out, 'hangs')).toMatchObject({ status: 'failed', error: { code: 'timeout' } });
    for (const good of ['good-1', 'good-2', 'good-3']) expect(readOut(out, good).status, good).toBe('ok');
    expect(readOut(out, 'good-3').records.length).toBeGreaterThan(100);
    const errors = JSON.parse(readFileSync(join(out, '_errors.json'), 'utf8')) as { input: string; code: string }[];
    expect(errors.map((e) => [e.input.split('/').pop(), e.code]).sort()).toEqual([['corrupt.pdf', 'corrupt'], ['empty.md', 'empty'], ['hangs.pdf', 'timeout']]);
    expect(JSON.parse(readFileSync(join(out, '_run.json'), 'utf8'))).toMatchObject({ inputs: 6, extracted: 3, failed: 3 });
  });

  it('rejects a missing input path with a clear error and exit status 2', () => {
    const r = run(['/nonexistent/file.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no such file|ENOENT/);
  });
});
