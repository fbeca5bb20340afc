// The kind of a document, told by its title: the cover, the running page headers, the first
// lines of a form. A phrase in the prose (`Dalam penyusunan Rencana Strategis, …` in a Renja)
// does not make the document that kind: prose counts only where it names the document itself
// (`Rencana Kerja Perubahan Perangkat Daerah (RENJA-PD) Dinas Sosial Tahun 2025 adalah …`), and
// only when no title says it.

import type { Segment, Zones } from './zones.js';

export type DocKind =
  | 'rka' | 'dpa' | 'rfk' | 'evaluasi_renja' | 'perjanjian_kinerja' | 'lkjip'
  | 'renja' | 'renja_perubahan' | 'rancangan_renja' | 'renstra' | 'rkpd' | 'unknown';

// `Rencana Kerja` that is not `Rencana Kerja dan Anggaran` (RKA) nor `Rencana Kerja Pemerintah Daerah` (RKPD)
const RK = String.raw`rencana\s+kerja(?!\s+(?:dan|&)\s+anggaran|\s+pemerintah)`;
const RENJA = String.raw`(?:${RK}|renja\b)`;
const MONTH_OR_QUARTER = String.raw`(?:pada|s\.?\s*[/d]\.?\s*d?\.?|sampai\s+dengan|sd)\s*(?:triwulan|tw)`;

/**
 * The phrases that name a kind. Where two match one title, the one that starts first wins, then
 * the longer (`Rencana Kerja Perubahan` over `Rencana Kerja`; `Rencana Kerja dan Anggaran` is an RKA).
 */
export const KIND_PHRASES: [Exclude<DocKind, 'unknown'>, RegExp][] = [
  ['dpa', /\b(?:dokumen\s+pelaksanaan\s+(?:perubahan\s+)?anggaran|cetak\s+dpa|dpa(?:[\s-]*(?:skpd|pd|opd))?\b)/i],
  ['rka', /\b(?:rencana\s+kerja\s+(?:dan|&)\s+anggaran|cetak\s+rka|rka(?:[\s-]*(?:skpd|pd|opd))?\b|rincian\s+belanja\s+sub\s*kegiatan)/i],
  ['rkpd', /\b(?:rencana\s+kerja\s+pemerintah(?:an)?\s+daerah|rkpd)\b/i],
  ['evaluasi_renja', new RegExp(String.raw`\b(?:evaluasi\s+(?:terhadap\s+)?(?:hasil\s+)?(?:pelaksanaan\s+)?${RENJA}|realisasi\s+kinerja\s+${MONTH_OR_QUARTER})`, 'i')],
  ['rfk', /\b(?:realisasi\s+fisik\s+(?:dan|&)\s+keuangan|realisasi\s+keuangan\s+(?:dan|&)\s+fisik|rfk)\b/i],
  ['perjanjian_kinerja', /\b(?:perjanjian|penetapan)\s+kinerja\b/i],
  ['lkjip', /\b(?:lkj[\s-]?ip|lkip|lakip|laporan\s+(?:akuntabilitas\s+)?kinerja)\b/i],
  ['renja_perubahan', new RegExp(String.raw`\b(?:perubahan\s+${RENJA}|${RK}\s+(?:\(renja\)\s+)?perubahan|renja[\s-]*(?:(?:pd|skpd|opd)[\s-]*)?(?:perubahan|p\b)|p[\s-]renja\b)`, 'i')],
  ['rancangan_renja', new RegExp(String.raw`\brancangan\s+(?:akhir\s+|awal\s+)?${RENJA}`, 'i')],
  ['renstra', /\b(?:rencana\s+strategi[sk]|renstra)\b/i],
  ['renja', new RegExp(String.raw`\b${RENJA}`, 'i')],
];

export interface KindMatch {
  kind: Exclude<DocKind, 'unknown'>;
  index: number;
  end: number;
  /** the words that matched */
  text: string;
}

/** Every kind phrase in a text that no other phrase covers, in order. */
export function kindMatches(text: string): KindMatch[] {
  const all: KindMatch[] = [];
  for (const [kind, re] of KIND_PHRASES) {
    const g = new RegExp(re.source, 'gi');
    for (const m of text.matchAll(g)) all.push({ kind, index: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] });
  }
  all.sort((a, b) => a.index - b.index || b.end - a.end);
  const out: KindMatch[] = [];
  for (const m of all) if (!out.some((o) => m.index < o.end)) out.push(m);
  return out;
}

// words a title may start with before the kind: `Laporan Realisasi Fisik …`, `Cetak RKA`, `Rancangan Akhir RKPD`
const TITLE_LEAD = /^[^A-Za-z]*(?:(?:laporan|dokumen|cetak|formulir|form|lampiran|naskah|draf|draft|buku|ringkasan|data|hasil|rancangan|awal|akhir|perubahan)\s+)*$/i;

/**
 * The kind a title names: a kind phrase at the start of the title or of one of its parts
 * (`Sistem Informasi Pemerintahan Daerah - Cetak RKA`), not inside a sentence or a name
 * (`Koordinasi dan Penyusunan Dokumen RKA-SKPD`).
 */
export function titleKind(text: string): KindMatch | null {
  for (const m of kindMatches(text)) {
    const before = text.slice(0, m.index);
    // parts: lines of a title block, ` - `, `:`, `(`, and what a decree is `tentang`
    const part = before.split(/\n|\s[-–—|:]\s|[:|(]|\btentang\s/i).pop() ?? '';
    if (TITLE_LEAD.test(part)) return m;
  }
  return null;
}

// a document named as the subject: its kind, then perhaps its abbreviation and `Perangkat Daerah`,
// then its agency, region, year or `ini`
const SELF_AFTER = /^\s*(?:\([^)]{1,30}\)\s*)?(?:(?:perangkat\s+daerah|pd|skpd|opd)\b\s*(?:\([^)]{1,30}\)\s*)?)?(?:dinas|badan|kantor|inspektorat|sekretariat|satuan|uptd?|balai|kecamatan|rsud|rumah\s+sakit|kota|kabupaten|kab\.|provinsi|pemerintah|tahun|ini\b|(?:19|20)\d\d)/i;
// words before a document that is another document: `turunan dari Renstra`, `mengacu pada RKPD`
const REFERENCE_BEFORE = /\b(?:dari|terhadap|pada|berdasarkan|acuan|mengacu|turunan|sesuai|dengan|atas|tentang|kepada|dan|dalam|antara|melalui|menjadi)\s*$/i;

/** The kind prose names as the document itself, and where. */
export function selfReference(text: string): KindMatch | null {
  for (const m of kindMatches(text)) {
    if (REFERENCE_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    if (SELF_AFTER.test(text.slice(m.end, m.end + 80))) return m;
  }
  return null;
}

// a Renja and its variants: a title that names the variant anywhere wins over one that says Renja
const RENJA_VARIANTS: DocKind[] = ['renja_perubahan', 'rancangan_renja'];
// the sheet title RKA and DPA forms share: a DPA named anywhere in the titles makes it a DPA
const BUDGET_SHEET = /^rincian\s+belanja/i;

export interface KindResult {
  kind: DocKind;
  /** where the kind was read: cover, running header, foreword or the first table's columns */
  source: 'cover' | 'running' | 'prose' | 'form' | null;
  line: number | null;
}

/** A Permendagri 86 evaluation form without a title: triwulan columns with K and Rp under each. */
function evaluationForm(z: Zones): number | null {
  const first = z.lines.filter((l) => !l.blank).slice(0, 12);
  if (!first.some((l) => /triwulan/i.test(l.text))) return null;
  const kr = first.find((l) => {
    const cells = l.cells.map((c) => c.text.trim());
    return cells.filter((c) => c === 'K').length >= 2 && cells.filter((c) => /^Rp\.?$/i.test(c)).length >= 2;
  });
  return kr ? kr.line : null;
}

/** Title-kind claims in segments, first to last; cells of tables only when they read like a title. */
function claims(segments: Segment[]): (KindMatch & { line: number })[] {
  const out: (KindMatch & { line: number })[] = [];
  for (const s of segments) {
    if (s.inTable && (s.text.match(/[A-Za-z]{2,}/g) ?? []).length < 3) continue;
    const m = titleKind(s.text);
    if (m) out.push({ ...m, line: s.line });
  }
  return out;
}

export function detectKind(z: Zones): KindResult {
  const cover = claims(z.head);
  const running = claims(z.running);
  const strong = [...cover, ...running];
  if (strong.length) {
    let pick = cover[0] ?? mostClaimed(running);
    if (pick.kind === 'renja') {
      const variant = strong.find((c) => RENJA_VARIANTS.includes(c.kind));
      if (variant) pick = variant;
    }
    if (pick.kind === 'rka' && BUDGET_SHEET.test(pick.text)) {
      const dpa = strong.find((c) => c.kind === 'dpa');
      if (dpa) pick = dpa;
    }
    return { kind: pick.kind, source: cover.includes(pick) ? 'cover' : 'running', line: pick.line };
  }
  for (const s of z.prose) {
    const m = selfReference(s.text);
    if (m) return { kind: m.kind, source: 'prose', line: s.line };
  }
  const form = evaluationForm(z);
  if (form !== null) return { kind: 'evaluasi_renja', source: 'form', line: form };
  return { kind: 'unknown', source: null, line: null };
}

function mostClaimed<T extends { kind: string }>(cs: T[]): T {
  const n = new Map<string, number>();
  for (const c of cs) n.set(c.kind, (n.get(c.kind) ?? 0) + 1);
  return cs.reduce((best, c) => (n.get(c.kind)! > n.get(best.kind)! ? c : best), cs[0]);
}
