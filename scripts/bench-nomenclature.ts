// Times the nomenclature index: loading the 2024+ revision (read, validate, index) and 10,000
// byName lookups with names as documents print them (typos, `dan`/`atau`, case, cut cells,
// names of other codes, names that exist nowhere). Run: npx tsx scripts/bench-nomenclature.ts
//
// Each measurement runs in a fresh process, so the load is a cold one (as in a batch worker)
// and the lookups start with empty memos.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const LOOKUPS = 10_000;
/** The seed of the name perturbations: the same names every run. */
const SEED = 20_240_101;

/** A small deterministic PRNG (mulberry32): the benchmark's names do not change between runs. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A printed spelling of a name: a wrong letter, `atau` for `dan`, upper case, or a cell cut short. */
function perturb(name: string, r: () => number): string {
  const kind = Math.floor(r() * 5);
  if (kind === 0) {
    const i = 1 + Math.floor(r() * (name.length - 2));
    return name.slice(0, i) + 'aeiourn'[Math.floor(r() * 7)] + name.slice(i + 1);
  }
  if (kind === 1) return name.replace(/\bdan\b/, 'atau');
  if (kind === 2) return name.toUpperCase();
  if (kind === 3) return name.split(' ').slice(0, Math.max(2, Math.ceil(name.split(' ').length * 0.7))).join(' ');
  return name;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

const NOT_NOMENCLATURE = ['Pembangunan Stadion Sepak Bola', 'Belanja Pegawai', 'Jumlah Penduduk Miskin', 'Persentase Capaian Kinerja', 'Lain-lain Pendapatan Asli Daerah yang Sah'];

async function child(mode: 'load' | 'lookups' | 'lookups-repeated'): Promise<void> {
  const t0 = performance.now();
  const { loadNomenclature } = await import('../src/nomenclature/index.ts');
  const tImport = performance.now();
  const cpu0 = process.cpuUsage();
  const n = loadNomenclature('kepmendagri-900.1.15.5-1317-2023');
  const tLoad = performance.now();
  const loadCpu = cpuMs(cpu0);
  if (mode === 'load') {
    console.log(JSON.stringify({ mode, import_ms: round(tImport - t0), load_ms: round(tLoad - tImport), load_cpu_ms: round(loadCpu), entries: n.size }));
    return;
  }
  const r = rng(SEED);
  const all = n.all().filter((e) => e.level !== 'urusan');
  // a document repeats its names (several tables list the same rows): the repeated run draws 10,000 from 1,500
  const distinct = mode === 'lookups' ? LOOKUPS : 1500;
  const queries: { name: string; under?: string }[] = [];
  for (let i = 0; i < distinct; i++) {
    if (r() < 0.05) {
      queries.push({ name: NOT_NOMENCLATURE[Math.floor(r() * NOT_NOMENCLATURE.length)] });
      continue;
    }
    const e = all[Math.floor(r() * all.length)];
    const bidang = e.code.startsWith('X') ? '1.02' : e.code.split('.').slice(0, 2).join('.');
    queries.push({ name: perturb(e.name, r), under: r() < 0.5 ? bidang : undefined });
  }
  const run = Array.from({ length: LOOKUPS }, (_, i) => queries[mode === 'lookups' ? i : Math.floor(r() * distinct)]);
  let found = 0;
  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  for (const q of run) if (n.byName(q.name, { under: q.under }).length) found++;
  const t2 = performance.now();
  const lookupCpu = cpuMs(cpu1);
  const distinctNames = new Set(run.map((q) => q.name)).size;
  console.log(JSON.stringify({ mode, lookups: LOOKUPS, distinct_names: distinctNames, lookups_ms: round(t2 - t1), lookups_cpu_ms: round(lookupCpu), per_lookup_us: round(((t2 - t1) * 1000) / LOOKUPS), with_candidates: found }));
}

const mode = process.argv[2];
if (mode === 'load' || mode === 'lookups' || mode === 'lookups-repeated') await child(mode);
else {
  const self = fileURLToPath(import.meta.url);
  const runs = Number(process.argv[2] ?? 3);
  for (const m of ['load', 'lookups', 'lookups-repeated'])
    for (let i = 0; i < runs; i++) process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', self, m], { encoding: 'utf8' }));
}
