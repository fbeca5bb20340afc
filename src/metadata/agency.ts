// The agency a document is of: `Dinas Perdagangan dan Perindustrian`, `Balai Pengembangan …`,
// `Inspektorat`. Read, in this order, from
//   1. labelled fields: `Sub Unit Organisasi`/`Unit Organisasi : <code> <name>`, `SKPD : …`,
//      `Perangkat Daerah : …`, then the first `Jabatan : Kepala …` (the first party of a
//      Perjanjian Kinerja; the second is its superior);
//   2. the title: a cover or running-header line that starts with the agency or names it after
//      the kind (`Rencana Kerja Dinas Peternakan Provinsi …`), or a cell that is only its name;
//   3. the foreword: the agency after the document names itself, or after `Kepala`;
//   4. the text: the agency named with its region (`Dinas Sosial Kota Metro`), the most often.
// An agency word inside a name or a sentence is not an agency (`Kendaraan Dinas Operasional`,
// `Pakaian Dinas`, `Perjalanan Dinas Luar Daerah`).

import { Tally } from '../tally.js';
import { kindMatches, selfReference } from './kind.js';
import type { Segment, Zones } from './zones.js';

const HEAD = String.raw`(?:Dinas|Badan|Kantor|Inspektorat|Sekretariat|Satuan\s+Polisi\s+Pamong\s+Praja|Satpol\s+PP|UPTD|UPT|Unit\s+Pelaksana\s+Teknis(?:\s+Daerah)?|Balai|Kecamatan|Kelurahan|RSUD|Rumah\s+Sakit(?:\s+Umum)?(?:\s+Daerah)?|Puskesmas|Biro|Bappeda|Bapenda|Bappelitbangda|BPKAD|BKPSDM|BPBD|BKD)`;
// where a name stops: its region, its year, the rest of a signature or a sentence
const STOP = new Set(['Kota', 'Kabupaten', 'Kab', 'Kab.', 'Provinsi', 'Propinsi', 'Prov', 'Prov.', 'Pemerintah', 'Tahun', 'Selaku', 'Nomor', 'Periode', 'Kepala', 'Jl', 'Jl.', 'Jalan', 'Yang', 'Sebagai', 'Pada', 'Di', 'Untuk', 'Dalam', 'Bab', 'Tentang', 'Sesuai']);
const CONNECTORS = new Set(['dan', '&', 'serta']);
const SINGLE_WORD = /^(?:Inspektorat|Bappeda|Bapenda|Bappelitbangda|BPKAD|BKPSDM|BPBD|BKD)$/;
const MAX_WORDS = 12;
const LIST_GOES_ON = /^ [A-Z][\w-]*(?: [A-Z][\w-]*)*(?:, [A-Z][\w-]*(?: [A-Z][\w-]*)*)* (?:dan|&|serta) [A-Z]/;

const START = new RegExp(String.raw`(?<![\w-])${HEAD}(?![\w-])`, 'g');

/** The agency name that starts at `index` of `text`, or null. */
function nameAt(text: string, index: number): string | null {
  const head = new RegExp(`^${HEAD}`).exec(text.slice(index));
  if (!head) return null;
  const words = head[0].split(/\s+/);
  const tail = text.slice(index + head[0].length);
  for (const t of tail.matchAll(/\S+/g)) {
    const raw = t[0];
    const w = raw.replace(/[,;:.]+$/, '');
    if (words.length >= MAX_WORDS || STOP.has(w) || STOP.has(raw)) break;
    if (CONNECTORS.has(w)) words.push(w);
    else if (/^[A-Z][\w'’-]*$/.test(w) || /^\(?[A-Z]{2,}\)?$/.test(w)) words.push(w);
    else break;
    if (w === raw) continue;
    // a comma goes on only inside a list of the agency's fields on one line (`Dinas Pemberdayaan
    // Perempuan, Perlindungan Anak dan Keluarga Berencana`); any other comma or stop ends it
    const after = tail.slice((t.index ?? 0) + raw.length);
    if (!(raw.endsWith(',') && LIST_GOES_ON.test(after))) break;
    words[words.length - 1] = raw;
  }
  while (words.length && CONNECTORS.has(words[words.length - 1])) words.pop();
  const name = words.join(' ').replace(/,$/, '');
  if (words.length < 2 && !SINGLE_WORD.test(name)) return null;
  return name;
}

/** The agency a labelled value names (`3.30.0.00.0.00.22.0000 Dinas X`, `Kepala Balai Y`). */
function fromValue(value: string, needHead: boolean): string | null {
  const v = value.replace(/^[\d.\s-]+/, '').replace(/^(?:(?:Plt|Plh|Pj|Pjs)\.?\s+)?(?:Kepala\s+)?/i, '').trim();
  const named = nameAt(v, 0);
  if (named || needHead) return named;
  // a lone stroke OCR read off a rule or a speck (`PEKERJAAN 1 UMUM I DAN`) is no word of a name
  const words = v.split(/\s+/).filter((w) => !/^[1Il|]$/.test(w));
  const stop = words.findIndex((w) => STOP.has(w) || /^\d/.test(w));
  const name = words.slice(0, stop < 0 ? undefined : stop).join(' ').replace(/[,;:.]+$/, '');
  return name && words.length <= MAX_WORDS ? name : null;
}

const LABEL_ORDER: [RegExp, boolean][] = [
  [/^sub unit organisasi$/, true],
  [/^(skpd|nama skpd|opd|perangkat daerah|unit organisasi|satuan kerja.*|unit kerja|instansi|organisasi)$/, false],
  [/^jabatan$/, true],
];

function fromLabels(z: Zones): string | null {
  for (const [label, needHead] of LABEL_ORDER) {
    for (const l of z.labelled) {
      if (!label.test(l.label)) continue;
      const name = fromValue(l.value, needHead);
      if (name) return name;
    }
  }
  return null;
}

// before an agency in a title: nothing, a break, a kind (and its abbreviation), or its head's title
const TITLE_BEFORE = /(?:^|\n|\s[-–—|:]\s|[:|(,]\s*|\b(?:Kepala|Plt\.?|Plh\.?|Pada|Oleh|Lingkungan|Lingkup)\s+)$/i;

function fromTitle(segments: Segment[]): string | null {
  for (const s of segments) {
    for (const m of s.text.matchAll(START)) {
      const i = m.index ?? 0;
      const before = s.text.slice(0, i);
      const afterKind = kindMatches(before).some((k) => /^\s*(?:\([^)]{1,30}\)\s*)?(?:(?:perangkat daerah|pd|skpd|opd)\s*)?(?:(?:19|20)\d\d\s*)?$/i.test(before.slice(k.end)));
      if (s.inTable) {
        // a table cell is an agency only when it is nothing else
        const name = i === 0 ? nameAt(s.text, 0) : null;
        if (name && name.replace(/\s+/g, ' ') === s.text.replace(/\s+/g, ' ').replace(/[,;:.]+$/, '')) return name;
        continue;
      }
      if (!TITLE_BEFORE.test(before) && !afterKind) continue;
      const name = nameAt(s.text, i);
      if (name) return name;
    }
  }
  return null;
}

function fromProse(segments: Segment[]): string | null {
  for (const s of segments) {
    const self = selfReference(s.text);
    if (self) {
      const after = s.text.slice(self.end).replace(/^\s*(?:\([^)]{1,30}\)\s*)?(?:(?:perangkat daerah|pd|skpd|opd)\b\s*(?:\([^)]{1,30}\)\s*)?)?/i, '');
      const name = nameAt(after, 0);
      if (name) return name;
    }
  }
  for (const s of segments) {
    for (const m of s.text.matchAll(/\b(?:Kepala|KEPALA)\s+/g)) {
      const name = nameAt(s.text, (m.index ?? 0) + m[0].length);
      if (name) return name;
    }
  }
  return null;
}

/** The agency most often named with its region in the text outside tables, its longer form when nearly as frequent. */
function fromText(segments: Segment[]): string | null {
  const counts = new Tally<string>();
  for (const s of segments) {
    for (const m of s.text.matchAll(START)) {
      const name = nameAt(s.text, m.index ?? 0);
      if (!name) continue;
      const after = s.text.slice((m.index ?? 0) + name.length);
      if (!/^\s*(?:Kota|Kabupaten|Kab\.?|Provinsi|Propinsi|Prov\.?)\s+[A-Z]/.test(after)) continue;
      counts.add(name);
    }
  }
  const ranked = counts.ranked().sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  if (!ranked.length) return null;
  const top = ranked[0];
  const longer = ranked.find(([n, c]) => n.startsWith(top[0]) && n.length > top[0].length && c >= top[1] * 0.3);
  return longer ? longer[0] : top[0];
}

export interface AgencyResult {
  agency: string | null;
  source: 'label' | 'title' | 'prose' | 'text' | null;
  reason: string | null;
}

const tidy = (name: string) =>
  name.replace(/\s+/g, ' ').replace(/ (Dan|Serta) /g, (w) => w.toLowerCase()).replace(/^\(|\)$/g, '').trim();

export function detectAgency(z: Zones): AgencyResult {
  const label = fromLabels(z);
  if (label) return { agency: tidy(label), source: 'label', reason: null };
  const title = fromTitle([...z.head, ...z.running]);
  if (title) return { agency: tidy(title), source: 'title', reason: null };
  const prose = fromProse(z.prose);
  if (prose) return { agency: tidy(prose), source: 'prose', reason: null };
  const text = fromText(z.body.filter((s) => !s.inTable));
  if (text) return { agency: tidy(text), source: 'text', reason: null };
  return { agency: null, source: null, reason: 'no agency named in a labelled field, a title, the foreword, or with its region' };
}
