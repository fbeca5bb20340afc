// The command line on good and bad inputs, as a user runs it: one JSON per input document at a
// path no other input shares, a manifest line for every file found, failures on stderr, exit 1
// when any input failed while every other input is still written, exit 2 for usage errors.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManifestLine } from '../../src/batch/manifest.ts';
import { OutputDocument } from '../../src/emit/schema.ts';
import { hugeImagePdf, longPathPdf, manySavesPdf } from '../helpers/hostile.ts';
import { ROOT, SAMPLES } from '../helpers/paths.ts';

const BIN = join(ROOT, 'bin/kinerja-extract.mjs');
const METRO = join(SAMPLES, 'renja-perubahan-kota-metro-excerpt.txt');
const BLITAR = join(SAMPLES, 'renja-perubahan-kabupaten-blitar-excerpt.txt');
// PDFs of two seeds
const PDF_A = join(SAMPLES, 'pdf', '003_a0b8d9f08cf4c655.pdf');
const PDF_B = join(SAMPLES, 'pdf', '001_58bf08c6da99c956.pdf');

function run(args: string[], bin = BIN) {
  return spawnSync('node', [bin, ...args], { encoding: 'utf8', cwd: ROOT });
}

function readOut(path: string): OutputDocument {
  return OutputDocument.parse(JSON.parse(readFileSync(path, 'utf8')));
}

function manifest(out: string): ManifestLine[] {
  return readFileSync(join(out, '_batch', 'manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `cli-${name}-`));

describe('kinerja-extract CLI', () => {
  it('gives every input its own output, records duplicates and unsupported files, resumes, and re-extracts after a change to pipelines/', () => {
    // a copy of the project, so that changing its pipelines/ data cannot disturb other tests
    const project = tempDir('project');
    for (const d of ['bin', 'dist', 'pipelines']) cpSync(join(ROOT, d), join(project, d), { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(project, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
    const bin = join(project, 'bin/kinerja-extract.mjs');

    const inputs = tempDir('in');
    for (const d of ['a', 'b', 'c']) mkdirSync(join(inputs, d));
    copyFileSync(PDF_A, join(inputs, 'a', 'x.pdf'));
    copyFileSync(PDF_B, join(inputs, 'b', 'x.pdf'));
    copyFileSync(PDF_A, join(inputs, 'c', 'y.pdf'));
    writeFileSync(join(inputs, 'c', 'notes.docx'), 'PK\x03\x04 not really a document');
    writeFileSync(join(inputs, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    const out = tempDir('out');

    const first = run([inputs, '--out', out], bin);
    expect(first.status, first.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['_batch', 'a', 'b']);
    expect(readdirSync(join(out, 'a'))).toEqual(['x.json']);
    expect(readdirSync(join(out, 'b'))).toEqual(['x.json']);
    expect(readOut(join(out, 'a', 'x.json')).source.file).toBe('x.pdf');
    // two different documents, not one overwriting the other
    expect(readOut(join(out, 'a', 'x.json')).source.sha256).not.toBe(readOut(join(out, 'b', 'x.json')).source.sha256);
    const lines = manifest(out);
    const by = (suffix: string) => lines.find((l) => l.input.endsWith(suffix))!;
    expect(lines).toHaveLength(5);
    expect(by('a/x.pdf')).toMatchObject({ status: 'ok', output: 'a/x.json', pages: 27 });
    expect(by('b/x.pdf')).toMatchObject({ status: 'ok', output: 'b/x.json' });
    expect(by('c/y.pdf')).toMatchObject({ status: 'duplicate', output: 'a/x.json', duplicate_of: join(inputs, 'a', 'x.pdf') });
    expect(by('notes.docx')).toMatchObject({ status: 'unsupported', output: null });
    expect(by('photo.jpg')).toMatchObject({ status: 'unsupported', output: null });
    expect(first.stderr).toMatch(/^note: 2 files not read/m);
    expect(first.stdout).toMatch(/^dup {3}.*c\/y\.pdf: same bytes as .*a\/x\.pdf/m);

    const again = run([inputs, '--out', out], bin);
    expect(again.status, again.stderr).toBe(0);
    expect(manifest(out).filter((l) => l.status === 'skipped').map((l) => l.output).sort()).toEqual(['a/x.json', 'b/x.json']);
    expect(again.stdout).toMatch(/\(2 already up to date\)/);

    // new data in pipelines/ is a new extractor: nothing made by the old one is served as up to date
    const before = readOut(join(out, 'a', 'x.json')).extractor?.fingerprint;
    writeFileSync(join(project, 'pipelines', 'units.json'), readFileSync(join(project, 'pipelines', 'units.json'), 'utf8').replace(/\n$/, '\n\n'));
    const changed = run([inputs, '--out', out], bin);
    expect(changed.status, changed.stderr).toBe(0);
    expect(manifest(out).filter((l) => l.status === 'ok').map((l) => l.output).sort()).toEqual(['a/x.json', 'b/x.json']);
    expect(readOut(join(out, 'a', 'x.json')).extractor?.fingerprint).not.toBe(before);
  });

  it('gives inputs named one by one with the same name a stable suffix, and never takes an output of another input', () => {
    const dir = tempDir('same-name');
    for (const d of ['one', 'two']) mkdirSync(join(dir, d));
    copyFileSync(METRO, join(dir, 'one', 'renja.txt'));
    copyFileSync(BLITAR, join(dir, 'two', 'renja.txt'));
    const out = tempDir('same-name-out');
    // given in either order, the same input gets the same name
    for (const order of [['one', 'two'], ['two', 'one']]) {
      const r = run([...order.map((d) => join(dir, d, 'renja.txt')), '--out', out, '--force']);
      expect(r.status, r.stderr).toBe(0);
      expect(readOut(join(out, 'renja.json')).document.region?.name).toBe('Metro');
      expect(readOut(join(out, 'renja~2.json')).document.region?.name).toBe('Blitar');
    }
    // a later run with another file of that name does not overwrite the first one's output
    const other = join(dir, 'three');
    mkdirSync(other);
    writeFileSync(join(other, 'renja.txt'), `${readFileSync(BLITAR, 'utf8')}\n`);
    const r = run([join(other, 'renja.txt'), '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readOut(join(out, 'renja.json')).document.region?.name).toBe('Metro');
    expect(manifest(out)[0].output).toBe('renja~3.json');
  });

  it('skips inputs whose output is up to date; --force extracts again, byte for byte the same', () => {
    const out = tempDir('resume');
    expect(run([BLITAR, '--out', out]).status).toBe(0);
    const path = join(out, 'renja-perubahan-kabupaten-blitar-excerpt.json');
    const first = readFileSync(path);
    const again = run([BLITAR, '--out', out]);
    expect(again.stdout).toMatch(/^skip {2}.*renja-perubahan-kabupaten-blitar-excerpt\.txt: up to date/m);
    expect(JSON.parse(readFileSync(join(out, '_batch', 'run.json'), 'utf8'))).toMatchObject({ found: 1, extracted: 0, skipped: 1, failed: 0 });
    const forced = run([BLITAR, '--out', out, '--force']);
    expect(forced.stdout).toMatch(/^ok {4}.*renja-perubahan-kabupaten-blitar-excerpt\.txt/m);
    expect(readFileSync(path).equals(first)).toBe(true);
  });

  it('extracts files concurrently (--jobs 2), with its threads replaced or not, into the same bytes as one at a time', () => {
    const inputs = [METRO, BLITAR, PDF_A];
    const one = tempDir('jobs1');
    expect(run([...inputs, '--out', one, '--jobs', '1']).status).toBe(0);
    const threadsReplaced = (out: string) => JSON.parse(readFileSync(join(out, '_batch', 'run.json'), 'utf8')).threads_replaced;
    expect(threadsReplaced(one)).toBe(0);
    // the threads replaced after every file, by either limit: the first two files run in the first
    // threads (the first back retires them), the third in the second threads: two replacements
    for (const limits of [{}, { worker_max_files: 1 }, { worker_max_heap_mb: 1 }]) {
      const two = tempDir('jobs2');
      const settings = join(two, '..', `${two.split('/').pop()}-settings.json`);
      writeFileSync(settings, JSON.stringify({ limits }));
      expect(run([...inputs, '--out', two, '--jobs', '2', '--settings', settings]).status).toBe(0);
      expect(threadsReplaced(two), JSON.stringify(limits)).toBe(Object.keys(limits).length ? 2 : 0);
      for (const stem of ['renja-perubahan-kota-metro-excerpt', 'renja-perubahan-kabupaten-blitar-excerpt', '003_a0b8d9f08cf4c655']) {
        expect(readFileSync(join(two, `${stem}.json`)).equals(readFileSync(join(one, `${stem}.json`))), stem).toBe(true);
      }
    }
  });

  it('a run killed part-way (SIGKILL) and started again ends with every output complete and none twice', async () => {
    const out = tempDir('killed');
    const pdfs = join(SAMPLES, 'pdf');
    const child = spawn('node', [BIN, pdfs, '--out', out], { cwd: ROOT, stdio: 'ignore' });
    // kill it as soon as its first output is complete, while it works on the next document
    while (!readdirSync(out).some((f) => /^\d.*\.json$/.test(f))) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const r = run([pdfs, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^skip {2}/m);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['000_3c81d608c39353c9.json', '001_58bf08c6da99c956.json', '002_e86b35e174e817cf.json', '003_a0b8d9f08cf4c655.json', '004_a30a70c4cd2935b3.json', '_batch']);
    for (const f of files.filter((x) => x.endsWith('.json'))) expect(readOut(join(out, f)).status).toBe('ok');
    const statuses = manifest(out).map((l) => l.status);
    expect(statuses).toHaveLength(5);
    expect(statuses).toContain('skipped');
    expect(statuses.every((st) => st === 'ok' || st === 'skipped')).toBe(true);
  });

  it('records each bad input as a failure on stderr, writes the good ones, and exits 1', () => {
    const dir = tempDir('bad');
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    copyFileSync(METRO, join(inputs, 'good.txt'));
    writeFileSync(join(inputs, 'empty.txt'), '');
    writeFileSync(join(inputs, 'binary.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8]));
    writeFileSync(join(inputs, 'prose.md'), '# Kata Pengantar\n\nDokumen ini tidak memuat tabel.\n');
    writeFileSync(join(inputs, 'corrupt.pdf'), '%PDF-1.7\nthis is not a PDF at all\n');
    writeFileSync(join(inputs, 'garbage-table.txt'), 'Tabel 9\n\nNo\tUraian\tJumlah\n•\t_\t·\n\t<u> </u>\t\n');
    // a Windows tool's UTF-16 export (with its BOM) is text
    writeFileSync(join(inputs, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(METRO, 'utf8'), 'utf16le')]));
    const out = join(dir, 'out');
    const r = run([inputs, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toContain('4 of 7 inputs extracted, 3 failed');
    expect(r.stderr).toMatch(/^FAIL {2}.*corrupt\.pdf: not a readable PDF/m);
    expect(r.stderr).toMatch(/^FAIL {2}.*empty\.txt: empty file$/m);
    expect(r.stderr).toMatch(/^FAIL {2}.*binary\.txt: not a text file/m);
    expect(r.stdout).not.toMatch(/FAIL/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readOut(join(out, 'corrupt.json'))).toMatchObject({ status: 'failed', source: { format: 'pdf' }, error: { code: 'corrupt' } });
    const failed = manifest(out).filter((l) => l.status === 'failed').map((l) => [l.input.split('/').pop(), l.code]).sort();
    expect(failed).toEqual([['binary.txt', 'binary'], ['corrupt.pdf', 'corrupt'], ['empty.txt', 'empty']]);
    expect(JSON.parse(readFileSync(join(out, '_batch', 'run.json'), 'utf8'))).toMatchObject({ found: 7, extracted: 4, skipped: 0, failed: 3 });

    expect(readOut(join(out, 'empty.json'))).toMatchObject({ status: 'failed', error: { code: 'empty' } });
    const prose = readOut(join(out, 'prose.json'));
    expect(prose.status).toBe('ok');
    expect(prose.tables).toEqual([]);
    expect(prose.warnings.map((w) => w.type)).toContain('no_tables');
    const garbage = readOut(join(out, 'garbage-table.json'));
    expect(garbage.tables).toHaveLength(1);
    expect(garbage.records).toHaveLength(0);
    expect(garbage.warnings.map((w) => w.type)).toContain('empty_table');
    const good = readOut(join(out, 'good.json'));
    expect(good.records.length).toBeGreaterThan(10);
    // the UTF-16 file reads as the same document as its UTF-8 original
    const utf16 = readOut(join(out, 'utf16.json'));
    expect(utf16.records.map((x) => [x.code, x.values.map((v) => v.value)])).toEqual(good.records.map((x) => [x.code, x.values.map((v) => v.value)]));
  });

  it('hostile PDFs and a dangling link fail or warn within their limits, in bounded memory, while the good files are written', async () => {
    const dir = tempDir('hostile');
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    copyFileSync(METRO, join(inputs, 'good-1.txt'));
    copyFileSync(PDF_A, join(inputs, 'good-2.pdf'));
    writeFileSync(join(inputs, 'huge-image.pdf'), await hugeImagePdf(20_000));
    writeFileSync(join(inputs, 'many-saves.pdf'), await manySavesPdf(2_000_000));
    writeFileSync(join(inputs, 'long-path.pdf'), await longPathPdf(1_000_000));
    symlinkSync(join(dir, 'missing.pdf'), join(inputs, 'dangling.pdf'));
    // a shorter base time than the default keeps the test short; the 27-page PDF still gets its per-page share
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ limits: { timeout_base_s: 20 } }));
    const out = join(dir, 'out');
    const child = spawn('node', [BIN, inputs, '--out', out, '--jobs', '2', '--settings', settings], { cwd: ROOT });
    let [stdout, stderr, peakKb] = ['', '', 0];
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    // peak resident memory of the whole process (its worker threads included)
    const sampler = setInterval(() => {
      try {
        const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (rss) peakKb = Math.max(peakKb, Number(rss[1]));
      } catch { /* the process has ended */ }
    }, 50);
    const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearInterval(sampler);
    expect(status, stderr).toBe(1);
    expect(peakKb / 1024).toBeLessThan(2048);
    const lines = manifest(out);
    const by = (name: string) => lines.find((l) => l.input.endsWith(name))!;
    expect(by('good-1.txt').status).toBe('ok');
    expect(by('good-2.pdf').status).toBe('ok');
    expect(readOut(join(out, 'good-2.json')).records.length).toBeGreaterThan(100);
    expect(by('dangling.pdf')).toMatchObject({ status: 'failed', code: 'unreadable', output: null });
    expect(by('many-saves.pdf')).toMatchObject({ status: 'failed', code: 'timeout' });
    expect(readOut(join(out, 'many-saves.json'))).toMatchObject({ status: 'failed', error: { code: 'timeout' } });
    // the huge image is left out with a warning; the page's 1 M rules are cut with a warning
    expect(by('huge-image.pdf').status).toBe('ok');
    expect(readOut(join(out, 'huge-image.json')).warnings.map((w) => w.type)).toContain('image_too_large');
    expect(by('long-path.pdf').status).toBe('ok');
    expect(readOut(join(out, 'long-path.json')).warnings.map((w) => w.type)).toContain('too_many_rules');
    expect(stderr).toMatch(/^FAIL {2}.*many-saves\.pdf: took longer than 20 s; its worker thread was stopped$/m);
    expect(stdout).toMatch(/^ok {4}.*good-2\.pdf/m);
  });

  it('--ocr-lang reads a scan in the languages given, and says which in the output', () => {
    const out = tempDir('ocr-lang');
    const scan = join(SAMPLES, 'scans', 'dkp-harness-p15.pdf');
    expect(run([scan, '--out', out, '--ocr-lang', 'eng']).status).toBe(0);
    const doc = readOut(join(out, 'dkp-harness-p15.json'));
    expect(doc.source).toMatchObject({ format: 'pdf-ocr', ocr: { engine: 'tesseract.js', languages: 'eng' } });
    expect(doc.records.length).toBeGreaterThan(0);
    const bad = run([scan, '--out', out, '--ocr-lang', 'ind+jav']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe("error: --ocr-lang must be languages joined by +, of ind, eng; not 'ind+jav'");
  });

  it('reports usage errors in one line on stderr with exit status 2', () => {
    const missing = run(['/nonexistent/file.txt']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toMatch(/^error: \/nonexistent\/file\.txt: no such file or folder/);
    expect(run([METRO, '--jobs', '0']).status).toBe(2);
    expect(run([METRO, '--no-such-option']).status).toBe(2);
    const fileAsOut = join(tempDir('outfile'), 'out.json');
    writeFileSync(fileAsOut, '{}');
    const r = run([METRO, '--out', fileAsOut]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`error: --out ${fileAsOut}: is a file, not a folder`]);
    const badSettings = join(tempDir('settings'), 's.json');
    writeFileSync(badSettings, JSON.stringify({ limits: { max_pagez: 3 } }));
    const s = run([METRO, '--settings', badSettings]);
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(/^error: settings: limits: Unrecognized key/m);
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    // --version alone, and on every command
    for (const args of [['--version'], ['extract', '--version'], ['report', '--version'], ['debug', '--version']]) {
      const v = run(args);
      expect(v.status, args.join(' ')).toBe(0);
      expect(v.stdout.trim()).toBe(version);
    }
    const pages = run([METRO, '--pages', '3-1']);
    expect(pages.status).toBe(2);
    expect(pages.stderr.trim()).toBe("error: --pages '3-1': '3-1' is not a range of pages from 1 upward");
    expect(run([METRO, '--ocr', 'sometimes']).status).toBe(2);
  });

  it('--verbose adds each file\'s time and warnings by type under its line', () => {
    const out = tempDir('verbose');
    const r = run([METRO, '--out', out, '--verbose']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('ok    '));
    const doc = readOut(join(out, 'renja-perubahan-kota-metro-excerpt.json'));
    const byType = doc.warnings.reduce<Record<string, number>>((m, w) => ({ ...m, [w.type]: (m[w.type] ?? 0) + 1 }), {});
    expect(lines[at + 1]).toMatch(/^ {6}[\d.]+ s; warnings: /);
    for (const [type, n] of Object.entries(byType)) expect(lines[at + 1]).toMatch(new RegExp(`(: |, )${type} ${n}(,|$)`));
  });

  it('reads one document from stdin and writes it to stdout (-), as JSON, JSON lines or CSV', () => {
    const text = readFileSync(METRO);
    const pipe = (...args: string[]) => spawnSync('node', [BIN, '-', ...args], { input: text, encoding: 'utf8', cwd: ROOT });
    const json = pipe('--name', 'metro.txt');
    expect(json.status, json.stderr).toBe(0);
    const doc = OutputDocument.parse(JSON.parse(json.stdout));
    expect(doc.source.file).toBe('metro.txt');
    const lines = pipe('--format', 'jsonl').stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.code)).toEqual(doc.records.map((r) => r.code));
    const csv = pipe('--format', 'csv', '--name', 'metro.txt').stdout.trim().split('\n');
    expect(csv[0]).toMatch(/^region_type,region_name,/);
    // one row per figure: more rows than records, each naming the document
    expect(csv.length - 1).toBeGreaterThan(doc.records.length);
    expect(csv.slice(1).every((l) => l.includes(',metro.txt,'))).toBe(true);
    expect(run([METRO, '-']).status).toBe(2);
    expect(run([METRO, '--format', 'csv']).status).toBe(2);
  });

  it('reads only the pages asked for (--pages), and a new page choice is a new extraction', () => {
    const out = tempDir('pages');
    const some = run([PDF_A, '--out', out, '--pages', '2,4-5', '--quiet']);
    expect(some.status, some.stderr).toBe(0);
    const json = join(out, readdirSync(out).find((f) => f.endsWith('.json'))!);
    const doc = readOut(json);
    // pages keep their numbers in the document
    expect(doc.records.length).toBeGreaterThan(0);
    expect(doc.records.every((r) => [2, 4, 5].includes(r.page!))).toBe(true);
    expect(manifest(out)[0]).toMatchObject({ status: 'ok', pages: 3 });
    const all = run([PDF_A, '--out', out, '--quiet']);
    expect(all.status).toBe(0);
    expect(manifest(out)[0]).toMatchObject({ status: 'ok', pages: 27 });
  });
});
