// Document metadata: kind, agency, region, year and period, from the cover and the text.

import type { LayoutLine } from './model.js';
import { Tally } from './tally.js';

export type DocKind = 'renja' | 'rancangan_renja' | 'renja_perubahan' | 'renstra' | 'lkjip' | 'unknown';

export interface DocumentMeta {
  kind: DocKind;
  agency: string | null;
  region: { type: 'kota' | 'kabupaten' | 'provinsi' | null; name: string | null; province: string | null };
  year: number | null;
  period: { start: number; end: number } | null;
}

const KIND_PATTERNS: [DocKind, RegExp][] = [
  ['lkjip', /\b(lkjip|laporan\s+kinerja(\s+instansi)?(\s+pemerintah)?|lakip)\b/i],
  ['renja_perubahan', /\b(perubahan\s+rencana\s+kerja|rencana\s+kerja\s+perubahan|renja[\s-]*(pd\s+)?perubahan|perubahan\s+renja|renja[\s-]+p\b|p[\s-]*renja)\b/i],
  ['rancangan_renja', /\b(rancangan\s+(akhir\s+|awal\s+)?(rencana\s+kerja|renja))\b/i],
  ['renstra', /\b(rencana\s+strategis|renstra)\b/i],
  ['renja', /\b(rencana\s+kerja|renja)\b/i],
];

/** The kind named on the cover (first lines) wins over the body, where templates leave noise. */
export function detectKind(lines: LayoutLine[]): DocKind {
  const text = (from: number, to: number) => lines.slice(from, to).map((l) => l.text).join('\n');
  for (const [from, to] of [[0, 15], [0, 40], [0, 120]] as const) {
    const t = text(from, to);
    for (const [kind, re] of KIND_PATTERNS) if (re.test(t)) return kind;
  }
  return 'unknown';
}

// not the `Kota` of `Kabupaten/Kota` (a Kepmendagri name, followed by the next cell's text)
const REGION = /(?<![/\w])(Kota|Kabupaten|Kab\.)\s+([A-Z][A-Za-z]+(?:\s+(?:Barat|Timur|Utara|Selatan|Tengah|Raya|Baru|Laut|Darat|Hulu|Hilir|Kepulauan|Tenggara|Daya|Besar|Pesisir|Kidul)){0,2})/g;
const NOT_NAMES = new Set(['Dan', 'Yang', 'Tahun', 'Dalam', 'Untuk', 'Se', 'Asal', 'Kewenangan', 'Sebagai', 'Pada', 'Di', 'Ini', 'Tersebut', 'Dinas', 'Kecamatan', 'Kelurahan', 'Desa']);

const NAME_WORD = /^[A-Z][A-Za-z]+$/;
const AFTER_NAME = new Set(['Tahun', 'Provinsi', 'Propinsi', 'Nomor', 'No', 'Periode', 'Pemerintah', 'Kepala', 'Badan', 'Dinas', 'Bab', 'Rencana', 'Renja', 'Dan', 'Yang', 'Di', 'Pada', 'Untuk', 'Dalam']);

/**
 * Region names after Kota/Kabupaten. Many are two or three words (Tanjung Pinang, Sungai Penuh,
 * Tanjung Jabung Barat) and no list can hold them all: a name takes the next capitalised word when
 * the document follows it with that same word at least 60% of the time (twice or more).
 */
function countRegions(text: string): Tally<string> {
  // base: the words REGION matched (a name and its Barat/Utara/…), always part of the name
  const found: { type: string; words: string[]; base: number }[] = [];
  for (const m of text.matchAll(REGION)) {
    const name = m[2].trim();
    if (NOT_NAMES.has(name.split(/\s+/)[0])) continue;
    const type = m[1].toLowerCase().startsWith('kota') ? 'kota' : 'kabupaten';
    const rest = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 60).match(/^((?: +[A-Z][A-Za-z]+){0,3})/)?.[1] ?? '';
    const base = name.split(/\s+/);
    found.push({ type, words: [...base, ...rest.trim().split(/ +/).filter(Boolean)], base: base.length });
  }
  const counts = new Tally<string>();
  for (const f of found) {
    let n = f.base;
    while (n < f.words.length) {
      const prefix = f.words.slice(0, n).join(' ');
      const same = found.filter((g) => g.type === f.type && g.words.slice(0, n).join(' ') === prefix);
      const next = f.words[n];
      const followed = same.filter((g) => g.words[n] === next).length;
      if (!NAME_WORD.test(next) || AFTER_NAME.has(next) || NOT_NAMES.has(next) || followed < 2 || followed < 0.6 * same.length) break;
      n++;
    }
    const key = `${f.type}:${f.words.slice(0, n).join(' ')}`;
    counts.add(key);
  }
  return counts;
}

const PROVINCES = [
  'Aceh', 'Sumatera Utara', 'Sumatera Barat', 'Riau', 'Kepulauan Riau', 'Jambi', 'Sumatera Selatan', 'Bangka Belitung',
  'Kepulauan Bangka Belitung', 'Bengkulu', 'Lampung', 'DKI Jakarta', 'Jawa Barat', 'Banten', 'Jawa Tengah',
  'DI Yogyakarta', 'Daerah Istimewa Yogyakarta', 'Jawa Timur', 'Bali', 'Nusa Tenggara Barat', 'Nusa Tenggara Timur',
  'Kalimantan Barat', 'Kalimantan Tengah', 'Kalimantan Selatan', 'Kalimantan Timur', 'Kalimantan Utara',
  'Sulawesi Utara', 'Gorontalo', 'Sulawesi Tengah', 'Sulawesi Barat', 'Sulawesi Selatan', 'Sulawesi Tenggara',
  'Maluku', 'Maluku Utara', 'Papua', 'Papua Barat', 'Papua Barat Daya', 'Papua Selatan', 'Papua Tengah', 'Papua Pegunungan',
];

function detectProvince(text: string): string | null {
  const counts = new Tally<string>();
  for (const m of text.matchAll(/\b(?:Provinsi|Propinsi|Prov\.)\s+([A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,2})/g)) {
    const words = m[1].split(/\s+/);
    for (let n = Math.min(3, words.length); n >= 1; n--) {
      const cand = words.slice(0, n).join(' ');
      const hit = PROVINCES.find((p) => p.toLowerCase() === cand.toLowerCase());
      if (hit) {
        counts.add(hit);
        break;
      }
    }
  }
  return counts.top()?.[0] ?? null;
}

function detectAgency(text: string): string | null {
  const counts = new Tally<string>();
  const re = /\b((?:Dinas|Badan|Kantor|Inspektorat|Satuan Polisi Pamong Praja|Sekretariat)(?:\s+(?:[A-Z][a-z]+|dan|&)){1,6})/g;
  for (const m of text.matchAll(re)) {
    let name = m[1].replace(/\s+(Kota|Kabupaten|Kab|Provinsi|Tahun|Pemerintah)\b.*$/, '').trim();
    name = name.replace(/\s+(dan|&)$/, '');
    if (name.split(/\s+/).length < 2) continue;
    counts.add(name);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  if (!ranked.length) return null;
  // prefer the longest name that is nearly as frequent (`Dinas Sosial dan Pemberdayaan Masyarakat`)
  const top = ranked[0];
  const longer = ranked.find(([n, c]) => n.startsWith(top[0]) && n.length > top[0].length && c >= top[1] * 0.3);
  return longer ? longer[0] : top[0];
}

function detectPeriod(text: string): { start: number; end: number } | null {
  const counts = new Tally<string>();
  const re = /\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b/g;
  for (const m of text.matchAll(re)) {
    const s = Number(m[1]);
    const e = Number(m[2]);
    if (e - s < 3 || e - s > 6) continue;
    const around = text.slice(Math.max(0, (m.index ?? 0) - 120), (m.index ?? 0) + 20);
    const weight = /renstra|rencana strategis|rpjmd|rpd\b|jangka menengah/i.test(around) ? 3 : 1;
    counts.add(`${s}-${e}`, weight);
  }
  const best = counts.top();
  if (!best) return null;
  const [start, end] = best[0].split('-').map(Number);
  return { start, end };
}

/** The plan or report year: the year the cover and title lines name with the document's kind. */
function detectYear(lines: LayoutLine[], kind: DocKind): number | null {
  if (kind === 'renstra') return null;
  const cover = lines.slice(0, 40).map((l) => l.text).join(' ');
  const titleRe = /(rencana\s+kerja|renja|laporan\s+kinerja|lkjip)[^.]{0,160}?\b(?:tahun\s+(?:anggaran\s+)?)?((?:19|20)\d\d)\b/gi;
  const counts = new Tally<number>();
  const body = lines.map((l) => l.text).join(' ');
  for (const [text, w] of [[cover, 3], [body, 1]] as const) {
    for (const m of text.matchAll(titleRe)) {
      const y = Number(m[2]);
      // a period `2021-2026` is not a year
      const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 3);
      if (/^\s*[-–]/.test(after)) continue;
      counts.add(y, w);
    }
  }
  const best = counts.top();
  if (best) return best[0];
  const any = /\b(20\d\d)\b/.exec(cover);
  return any ? Number(any[1]) : null;
}

export function detectMetadata(lines: LayoutLine[]): DocumentMeta {
  const text = lines.map((l) => l.text.replace(/\t/g, ' ')).join('\n');
  const kind = detectKind(lines);
  const top = countRegions(text).top()?.[0];
  const [type, name] = top ? top.split(':') : [null, null];
  return {
    kind,
    agency: detectAgency(text),
    region: { type: (type as 'kota' | 'kabupaten' | null) ?? null, name: name ?? null, province: detectProvince(text) },
    year: detectYear(lines, kind),
    period: detectPeriod(text),
  };
}
