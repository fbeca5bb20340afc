// The package as a user installs it: `npm pack`, the tarball unpacked into an empty project's
// node_modules, and plain `node` (no TypeScript loader) importing the library and its JSON Schema.
// The empty project finds the package's dependencies where npm ci put them (linked, not
// downloaded: the test runs offline).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SEEDS, requireShared } from '../helpers/paths.ts';

let project = '';
let files: string[] = [];

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'pack-'));
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { filename: string; files: { path: string }[] }[];
  files = packed.files.map((f) => f.path);
  project = join(dir, 'user-project');
  const installed = join(project, 'node_modules', 'kinerja-extract');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, packed.filename), '-C', installed, '--strip-components', '1']);
  for (const dep of readdirSync(join(ROOT, 'node_modules'))) {
    if (dep !== '.bin' && dep !== 'kinerja-extract') symlinkSync(join(ROOT, 'node_modules', dep), join(project, 'node_modules', dep));
  }
});

const node = (code: string) => spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: project, encoding: 'utf8' });

describe('the installed package', () => {
  it('ships the compiled library, its types, the CLIs and the data; no sources, tests or samples', () => {
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/output.schema.json', 'bin/kinerja-extract.mjs', 'pipelines/families.json', 'package.json']));
    expect(files.filter((f) => /^(src|tests|samples|scripts)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('imports with plain node: extract a seed, compare it in memory and from its file, read the JSON Schema, and read the seed the same with the memos dropped', () => {
    requireShared();
    const seed = join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('003'))!);
    const r = node(`
      import { extract, compare, compareFiles, clearMemos, closeOcr } from 'kinerja-extract';
      import schema from 'kinerja-extract/schema' with { type: 'json' };
      import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
      import { tmpdir } from 'node:os';
      import { join } from 'node:path';
      const doc = await extract(${JSON.stringify(seed)});
      // the comparison's files from outputs on disk, as kinerja-compare writes them
      const outputs = mkdtempSync(join(tmpdir(), 'outputs-'));
      writeFileSync(join(outputs, 'seed.json'), JSON.stringify(doc));
      const dest = mkdtempSync(join(tmpdir(), 'comparison-'));
      const files = await compareFiles([outputs], dest);
      const written = ['comparison.jsonl', 'comparison.csv', 'codes.json', 'comparison.duckdb', 'comparison.parquet'].every((f) => existsSync(join(dest, f)));
      clearMemos();
      const again = JSON.stringify(await extract(${JSON.stringify(seed)})) === JSON.stringify(doc);
      const bad = await extract(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), { name: 'broken.pdf' });
      const { rows } = compare([doc]);
      await closeOcr();
      console.log(JSON.stringify({ status: doc.status, records: doc.records.length, coded: doc.records.filter((x) => x.code).length, bad: bad.status, again, rows: rows.length, schema: schema.type, required: schema.required, fileRows: files.rows, fileDocuments: files.documents, written }));
    `);
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout);
    expect(got).toMatchObject({ status: 'ok', bad: 'failed', again: true, schema: 'object', fileDocuments: 1, written: true });
    // the files hold the long table compare() gives in memory
    expect(got.fileRows).toBe(got.rows);
    expect(got.coded).toBeGreaterThan(100);
    expect(got.rows).toBeGreaterThan(got.records);
    expect(got.required).toEqual(expect.arrayContaining(['source', 'document', 'tables', 'records', 'warnings']));
  });

  it('extractBatch in two worker threads yields every input, the same documents as one by one', () => {
    requireShared();
    const seeds = readdirSync(SEEDS).filter((f) => /^00[134]/.test(f)).map((f) => join(SEEDS, f));
    const r = node(`
      import { extract, extractBatch, closeOcr } from 'kinerja-extract';
      const inputs = [...${JSON.stringify(seeds)}, 'notes.docx'];
      const got = [];
      for await (const { input, output } of extractBatch(inputs, { jobs: 2 })) got.push({ input, output });
      const same = [];
      for (const { input, output } of got) if (!input.endsWith('.docx')) same.push(JSON.stringify(output) === JSON.stringify(await extract(input)));
      await closeOcr();
      console.log(JSON.stringify({ inputs: got.map((g) => g.input).sort(), statuses: got.map((g) => g.output.status ?? 'ok').sort(), same }));
    `);
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout);
    expect(got.inputs).toEqual([...seeds, 'notes.docx'].sort());
    expect(got.statuses).toEqual(['failed', 'ok', 'ok', 'ok']);
    expect(got.same).toEqual([true, true, true]);
  });
});
