// The government a document belongs to: a kota, a kabupaten or a provinsi, and its name.
//
// Mentions (`Kota Bogor`, `Kab. Grobogan`, `Provinsi Jawa Barat`, `Pemkot X`) are read inside one
// cell's text (or one title block), never across a cell boundary, and a name must look like a
// place name: capitalised words that are not table or prose words (`Kota Jumlah`, `Kabupaten Sub`,
// `Kota Sehat` are not places). Evidence is taken from the strongest tier that has any:
//   1. the title: cover, running headers, labelled fields (`SKPD : Dinas X Kabupaten Y`);
//   2. text outside tables (prose, headings, signatures);
//   3. prose-like text inside table cells (`Jumlah Peserta JKN Kota X`), never a cell that is
//      only a place (a location column lists other places too).
// A province named right after a kota or kabupaten (`Kota Metro Provinsi Lampung`) is where that
// one lies, not the document's government; a provincial agency or its UPTD (`Dinas Peternakan
// Provinsi Jawa Barat`, `Kepala Dinas … Provinsi …` as the superior of a Balai) is provincial.

import type { LayoutLine } from '../model.js';
import { Tally } from '../tally.js';
import type { Segment, Zones } from './zones.js';

export type RegionType = 'kota' | 'kabupaten' | 'provinsi';

export interface Region {
  type: RegionType | null;
  name: string | null;
  province: string | null;
}

export interface RegionResult {
  region: Region;
  /** why the region is null, when it is */
  reason: string | null;
  /** the tier that told it */
  source: 'title' | 'text' | 'table_text' | null;
}

export const PROVINCES = [
  'Aceh', 'Sumatera Utara', 'Sumatera Barat', 'Riau', 'Kepulauan Riau', 'Jambi', 'Sumatera Selatan', 'Bangka Belitung',
  'Kepulauan Bangka Belitung', 'Bengkulu', 'Lampung', 'DKI Jakarta', 'Jawa Barat', 'Banten', 'Jawa Tengah',
  'DI Yogyakarta', 'Daerah Istimewa Yogyakarta', 'Jawa Timur', 'Bali', 'Nusa Tenggara Barat', 'Nusa Tenggara Timur',
  'Kalimantan Barat', 'Kalimantan Tengah', 'Kalimantan Selatan', 'Kalimantan Timur', 'Kalimantan Utara',
  'Sulawesi Utara', 'Gorontalo', 'Sulawesi Tengah', 'Sulawesi Barat', 'Sulawesi Selatan', 'Sulawesi Tenggara',
  'Maluku', 'Maluku Utara', 'Papua', 'Papua Barat', 'Papua Barat Daya', 'Papua Selatan', 'Papua Tengah', 'Papua Pegunungan',
];

// the usual short names of provinces
const PROVINCE_ALIASES: Record<string, string> = {
  jabar: 'Jawa Barat', jateng: 'Jawa Tengah', jatim: 'Jawa Timur', sumut: 'Sumatera Utara', sumbar: 'Sumatera Barat',
  sumsel: 'Sumatera Selatan', kalbar: 'Kalimantan Barat', kalteng: 'Kalimantan Tengah', kalsel: 'Kalimantan Selatan',
  kaltim: 'Kalimantan Timur', kaltara: 'Kalimantan Utara', sulut: 'Sulawesi Utara', sulteng: 'Sulawesi Tengah',
  sulsel: 'Sulawesi Selatan', sultra: 'Sulawesi Tenggara', sulbar: 'Sulawesi Barat', ntb: 'Nusa Tenggara Barat',
  ntt: 'Nusa Tenggara Timur', diy: 'DI Yogyakarta', kepri: 'Kepulauan Riau', babel: 'Kepulauan Bangka Belitung',
  'kep riau': 'Kepulauan Riau', 'kep bangka belitung': 'Kepulauan Bangka Belitung', 'd i yogyakarta': 'DI Yogyakarta',
};

// words that end a region name and are never part of it
const SUFFIXES = new Set(['Barat', 'Timur', 'Utara', 'Selatan', 'Tengah', 'Raya', 'Baru', 'Laut', 'Darat', 'Hulu', 'Hilir', 'Kepulauan', 'Tenggara', 'Daya', 'Besar', 'Pesisir', 'Kidul']);

/**
 * Capitalised words that follow `Kota`/`Kabupaten` without being a place: table words, prose
 * words, the names of agencies and programmes, and the adjectives of slogans (`Kota Sehat`,
 * `Kabupaten Layak Anak`).
 */
const NOT_NAMES = new Set([
  'Dan', 'Yang', 'Tahun', 'Dalam', 'Untuk', 'Se', 'Seluruh', 'Semua', 'Asal', 'Kewenangan', 'Sebagai', 'Pada', 'Di', 'Ini', 'Itu', 'Tersebut',
  'Dinas', 'Badan', 'Kantor', 'Kecamatan', 'Kelurahan', 'Desa', 'Jumlah', 'Sub', 'Total', 'Subtotal', 'Program', 'Kegiatan', 'Urusan',
  'Bidang', 'Sehat', 'Layak', 'Lengkap', 'Cerdas', 'Hijau', 'Bersih', 'Kab', 'Kabupaten', 'Kota', 'Provinsi', 'Propinsi', 'Terpilih',
  'Lokal', 'Kelas', 'Nomor', 'No', 'Sejahtera', 'Konsumtif', 'Wisata', 'Pusaka', 'Kreatif', 'Ramah', 'Rp', 'Target', 'Realisasi',
  'Capaian', 'Anggaran', 'Rencana', 'Sasaran', 'Indikator', 'Kinerja', 'Pemerintah', 'Pemerintahan', 'Daerah', 'Mandiri', 'Maju',
  'Tangguh', 'Inklusif', 'Rata', 'Persentase', 'Tingkat', 'Pusat', 'Induk', 'Satu', 'Setempat', 'Lain', 'Lainnya', 'Masing',
  'Terkait', 'Tertentu', 'Kecil', 'Madya', 'Menengah', 'Metropolitan', 'Tua', 'Lama', 'Nilai', 'Uraian', 'Keterangan', 'Lokasi',
  'Sumber', 'Dana', 'Catatan', 'Tabel', 'Gambar', 'Bab', 'Halaman', 'Hal', 'Periode', 'Sampai', 'Dengan', 'Oleh', 'Atas', 'Bagi',
  'Peduli', 'Tanpa', 'Bebas', 'Aman', 'Nyaman', 'Kumuh', 'Inovatif', 'Digital', 'Pintar', 'Smart', 'Layanan', 'Pelayanan',
  'Kepala', 'Wakil', 'Sekretaris', 'Sekretariat', 'Inspektorat', 'Perangkat', 'Organisasi', 'Unit', 'Satuan', 'Pemkot', 'Pemkab',
  'Pemprov', 'Prov', 'Prop', 'Kec', 'Kel', 'Ds',
  'Januari', 'Februari', 'Pebruari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Nopember', 'Desember',
]);

// words after a name that are never its next word
const AFTER_NAME = new Set([...NOT_NAMES, 'Nomor', 'Periode', 'Rencana', 'Renja', 'Renstra', 'Bab']);

const NAME_WORD = /^[A-Z][a-z]+(?:[-'][A-Za-z]+)*$/;

// `Kota`, `Kabupaten`, `Kab.` and `Provinsi` as a word of their own, not the `Kota` of `Kabupaten/Kota`
// nor the `Kabupaten` of `Kabupaten / Kota`
const TYPE_WORD = /(?<![\w/])(?<!\/\s)(Kota|Kabupaten|Kab\.?|Provinsi|Propinsi|Prov\.?|Pemkot|Pemkab|Pemprov)(?!\s*\/)(?=\s|\.|(?<=\.)[A-Z])/g;

// the text before a mention that makes it the government of an agency, a head or a title
const ATTACHED = /\b(?:Dinas|Badan|Kantor|Inspektorat|Sekretariat|Satuan|Satpol|UPTD?|Balai|Kecamatan|RSUD|Rumah Sakit|Biro|Pemerintah|Bupati|Walikota|Wali Kota|Gubernur|APBD|Kepala|Perangkat Daerah|Renja|Renstra|Rencana|Laporan|LKjIP|LKIP|LAKIP|Perjanjian|DPA|RKA)(?:\s+(?:\(?[A-Z][\w.&()-]*|dan|&|serta|,))*\s*$/;

interface Mention {
  type: RegionType;
  /** the name's words: the sure ones (`base`), then the capitalised words that followed */
  words: string[];
  base: number;
  attached: boolean;
  /** a province named right after a kota or kabupaten: where that one lies */
  context: boolean;
  /** the words that followed end before another capitalised word (`Kabupaten Kulon Progo Tahun …`) */
  closed: boolean;
  index: number;
  end: number;
}

function provinceName(words: string[]): { name: string; used: number } | null {
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    const cand = words.slice(0, n).join(' ').replace(/\./g, '').replace(/\s+/g, ' ');
    const hit = PROVINCES.find((p) => p.toLowerCase() === cand.toLowerCase()) ?? PROVINCE_ALIASES[cand.toLowerCase()];
    if (hit) return { name: hit, used: n };
  }
  return null;
}

const typeOf = (w: string): RegionType => {
  const l = w.toLowerCase();
  if (l.startsWith('kota') || l === 'pemkot') return 'kota';
  if (l.startsWith('kab') || l === 'pemkab') return 'kabupaten';
  return 'provinsi';
};

/** The region mentions of one text (a cell or a title block). */
export function mentionsIn(text: string, rejected?: Set<string>): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(TYPE_WORD)) {
    const type = typeOf(m[1]);
    // `Kota Administrasi Jakarta Selatan`: the name comes after the word
    const start = (m.index ?? 0) + m[0].length + (/^\s+(?:Administrasi|Adm\.)(?=\s)/.exec(text.slice((m.index ?? 0) + m[0].length))?.[0].length ?? 0);
    const tail = text.slice(start, start + 80);
    const tokens = [...tail.matchAll(/\S+/g)].slice(0, 5);
    const words: string[] = [];
    const ends: number[] = []; // where each word ends in the text
    for (const t of tokens) {
      if (words.length && tail.slice(ends[ends.length - 1] - start, t.index).includes('\n')) break; // a name ends with its line in a title block
      const w = t[0].replace(/[.,;:)]+$/, '');
      words.push(w);
      ends.push(start + (t.index ?? 0) + w.length);
      if (w !== t[0]) break; // and at a comma, a stop, a colon
    }
    const before = text.slice(Math.max(0, (m.index ?? 0) - 100), m.index);
    const attached = ATTACHED.test(before) || /^Pem(kot|kab|prov)$/.test(m[1]);
    const prev = out[out.length - 1];
    const context = type === 'provinsi' && !!prev && prev.type !== 'provinsi' && /^[\s,(-]*$/.test(text.slice(prev.end, m.index));
    if (type === 'provinsi') {
      const p = provinceName(words);
      if (!p) {
        if (words[0] && /^[A-Z]/.test(words[0])) rejected?.add(`${m[1]} ${words[0]}`);
        continue;
      }
      out.push({ type, words: p.name.split(' '), base: p.name.split(' ').length, attached, context, closed: true, index: m.index ?? 0, end: ends[p.used - 1] });
      continue;
    }
    if (!words.length || !NAME_WORD.test(words[0]) || NOT_NAMES.has(words[0]) || words[0].length < 3) {
      if (words[0] && /^[A-Z]/.test(words[0])) rejected?.add(`${m[1]} ${words[0]}`);
      continue;
    }
    let base = 1;
    while (base < words.length && base < 3 && SUFFIXES.has(words[base])) base++;
    const rest: string[] = [];
    for (const w of words.slice(base)) {
      if (base + rest.length >= 3 || !NAME_WORD.test(w) || AFTER_NAME.has(w)) break;
      rest.push(w);
    }
    const all = [...words.slice(0, base), ...rest];
    const next = words[all.length];
    const closed = !(next && NAME_WORD.test(next) && !AFTER_NAME.has(next));
    // where the name ends, to tell a province that follows it from another mention
    out.push({ type, words: all, base, attached, context: false, closed, index: m.index ?? 0, end: ends[all.length - 1] });
  }
  return out;
}

/**
 * Region names after Kota/Kabupaten. Many are two or three words (Tanjung Pinang, Sungai Penuh,
 * Tanjung Jabung Barat) and no list can hold them all: a name takes the next capitalised word when
 * the evidence follows it with that same word at least 60% of the time (twice or more), or when
 * every mention agrees and the words end before anything else capitalised (`Kabupaten Kulon Progo
 * Tahun 2023`). A mention cut by the end of a table cell's line (`… di wilayah Kota Tanjung`) counts
 * for the longer name it begins.
 */
function settleNames(found: Found[]): Tally<string> {
  const counts = new Tally<string>();
  const cut: Found[] = [];
  for (const f of found) {
    let n = f.base;
    while (n < f.words.length) {
      const prefix = f.words.slice(0, n).join(' ');
      const same = found.filter((g) => g.type === f.type && g.words.slice(0, n).join(' ') === prefix);
      const next = f.words[n];
      const followed = same.filter((g) => g.words[n] === next).length;
      // a mention cut by a cell's line end does not say where the name ends
      const agreed = f.closed && same.every((g) => g.words[n] === next || (g.open && g.words.length <= n));
      if (!(followed >= 2 && followed >= 0.6 * same.length) && !agreed) break;
      n++;
    }
    if (f.open && n === f.words.length) cut.push({ ...f, words: f.words.slice(0, n) });
    else counts.add(`${f.type}:${f.words.slice(0, n).join(' ')}`, f.weight);
  }
  for (const f of cut) {
    const name = f.words.join(' ');
    const longer = [...counts.keys()]
      .filter((k) => k.startsWith(`${f.type}:${name} `))
      .sort((a, b) => counts.get(b)! - counts.get(a)! || b.length - a.length)[0];
    counts.add(longer ?? `${f.type}:${name}`, f.weight);
  }
  return counts;
}

const ATTACHED_WEIGHT = 3;

/** A cell's mention that ends its line may go on in the same cell on the next line (`… Kota Tangerang` / `Selatan …`). */
function continued(lines: LayoutLine[], byLine: Map<number, number>, s: Segment, m: Mention): string[] {
  if (s.cell < 0 || s.text.slice(m.end).trim() !== '') return [];
  const at = byLine.get(s.line);
  if (at === undefined) return [];
  const here = lines[at].cells.find((c) => c.index === s.cell);
  for (let i = at + 1; i < lines.length && i <= at + 3; i++) {
    const l = lines[i];
    if (l.blank) continue;
    const cell = l.cells.find((c) => (here?.box && c.box ? c.box.x0 < here.box.x1 && here.box.x0 < c.box.x1 : c.index === s.cell));
    const words = (cell?.text.trim().split(/\s+/) ?? []).map((w) => w.replace(/[.,;:]+$/, ''));
    const out: string[] = [];
    for (const w of words) {
      if (!SUFFIXES.has(w) || m.words.length + out.length >= 3) break;
      out.push(w);
    }
    return out;
  }
  return [];
}

type Found = Mention & { weight: number; open: boolean };

interface Tiered {
  segments: Segment[];
  source: RegionResult['source'];
  /** only cells whose text is more than the mention (prose inside a cell) */
  proseOnly: boolean;
}

/** Lowercase mentions (`penduduk kota tangerang selatan`) support a name already found. */
function lowercaseSupport(segments: Segment[], counts: Tally<string>): void {
  const keys = [...counts.keys()];
  for (const s of segments) {
    for (const m of s.text.matchAll(/(?<![\w/])(kota|kabupaten)\s+([a-z]+(?:\s+[a-z]+){0,2})/g)) {
      const type = m[1] === 'kota' ? 'kota' : 'kabupaten';
      const said = m[2];
      const hit = keys
        .filter((k) => k.startsWith(`${type}:`) && (said + ' ').startsWith(k.slice(type.length + 1).toLowerCase() + ' '))
        .sort((a, b) => b.length - a.length)[0];
      if (hit) counts.add(hit, 1);
    }
  }
}

function provinceOf(z: Zones, within: Segment[], winner: { type: RegionType; name: string }, mentions: Mention[]): string | null {
  if (winner.type === 'provinsi') return winner.name;
  const ctx = mentions.find((m, i) => m.context && i > 0 && mentions[i - 1].words.join(' ').startsWith(winner.name));
  if (ctx) return ctx.words.join(' ');
  const counts = new Tally<string>();
  for (const s of [...within, ...z.body.filter((b) => !b.inTable)]) {
    for (const m of mentionsIn(s.text)) if (m.type === 'provinsi') counts.add(m.words.join(' '));
  }
  return counts.top()?.[0] ?? null;
}

export function detectRegion(z: Zones): RegionResult {
  const title: Segment[] = [
    ...z.head.filter((s) => !s.inTable),
    ...z.running,
    ...z.labelled
      .filter((l) => /jabatan|skpd|opd|perangkat|organisasi|satuan|unit|instansi|pemerintah|pemda|lokasi/.test(l.label))
      .map((l) => ({ text: l.value, line: l.line, cell: -1, inTable: false })),
  ];
  const tiers: Tiered[] = [
    { segments: title, source: 'title', proseOnly: false },
    { segments: z.body.filter((s) => !s.inTable), source: 'text', proseOnly: false },
    { segments: z.body.filter((s) => s.inTable), source: 'table_text', proseOnly: true },
  ];
  const byLine = new Map(z.lines.map((l, i) => [l.line, i]));
  const rejected = new Set<string>();
  let onlyInCells = false;
  for (const tier of tiers) {
    const found: Found[] = [];
    const all: Mention[] = [];
    for (const s of tier.segments) {
      const ms = mentionsIn(s.text, rejected);
      all.push(...ms);
      for (const m of ms) {
        if (m.context) continue;
        if (tier.proseOnly) {
          const other = (s.text.slice(0, m.index) + ' ' + s.text.slice(m.end)).match(/[A-Za-z]{2,}/g) ?? [];
          if (other.length < 2) {
            onlyInCells = true;
            continue;
          }
        }
        const more = continued(z.lines, byLine, s, m);
        const words = more.length ? [...m.words.slice(0, m.base), ...more] : m.words;
        const base = more.length ? words.length : m.base;
        const open = s.inTable && !more.length && s.text.slice(m.end).trim() === '';
        found.push({ ...m, words, base, weight: m.attached ? ATTACHED_WEIGHT : 1, open });
      }
    }
    if (!found.length) continue;
    const counts = settleNames(found);
    if (tier.source !== 'title') lowercaseSupport(tier.segments, counts);
    // a tie goes to the kota or kabupaten, the more specific government
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || Number(a[0].startsWith('provinsi:')) - Number(b[0].startsWith('provinsi:')));
    const [type, name] = ranked[0][0].split(':') as [RegionType, string];
    return { region: { type, name, province: provinceOf(z, tier.segments, { type, name }, all) }, reason: null, source: tier.source };
  }
  const province = provinceOf(z, [], { type: 'kota', name: '' }, []);
  const why = onlyInCells
    ? 'no region named outside table cells'
    : rejected.size
      ? `no region named: ${[...rejected].slice(0, 3).map((r) => `'${r}'`).join(', ')} ${rejected.size === 1 ? 'is' : 'are'} not a place`
      : 'no Kota, Kabupaten or Provinsi named in the document';
  return { region: { type: null, name: null, province }, reason: why, source: null };
}
