// Indicator text that belongs elsewhere: an indicator copied from another program (it names
// what another code's name says and nothing of its own), the same indicator printed for
// unrelated codes, or the tail of the row above's indicator glued to the start of this one.

import type { DocWarning, LogicalRow } from '../model.js';
import { parentCode } from '../normalize/codes.js';
import { memoTokenMatch } from '../normalize/similarity.js';
import { INDICATOR_LEAD, normName } from '../normalize/text.js';
import { label, liveRows, type TableView } from './context.js';
import { Vocabulary } from '../nomenclature/vocabulary.js';

// words every indicator and name share; they say nothing about which program it is
const GENERIC = new Set(`persentase presentase prosentase jumlah capaian tingkat rata nilai indeks yang dan di ke dari untuk dengan dalam pada bagi
  serta atau oleh terhadap kepada orang dokumen laporan paket unit kegiatan program sub perangkat daerah kabupaten kota provinsi kewenangan
  pelayanan layanan penyediaan pemberian penyelenggaraan pelaksanaan koordinasi penyusunan sosial kesejahteraan masyarakat mendapatkan
  memperoleh diberikan tersedia disediakan terlaksananya terpenuhinya tersedianya meningkatnya tertangani ditangani urusan pemerintahan
  administrasi kinerja cakupan tahun`.split(/\s+/));

function content(text: string): string[] {
  return normName(text).split(' ').filter((w) => w.length > 3 && !GENERIC.has(w));
}

// two content words (normalised, longer than 3 letters) are one word: equal, or fuzzily equal both ways
const sameWord = (w: string, x: string) => w === x || (memoTokenMatch(w, x) && memoTokenMatch(x, w));

// words that start with the same this many letters say the same (`pengelolaan`, `pengelola`)
const AKIN_START = 5;

/** Two content words that say the same: one word, or the same first five letters. */
export const akin = (w: string, x: string) => sameWord(w, x) || (w.length >= AKIN_START && x.length >= AKIN_START && (w.startsWith(x.slice(0, AKIN_START)) && x.startsWith(w.slice(0, AKIN_START))));

function overlap(a: string[], b: string[]): number {
  return a.filter((w) => b.some((x) => akin(w, x))).length;
}

/**
 * The codes whose name has a word akin to a given word, worked out once per word: every row's
 * indicator is held against every name of the document, and the same words come back row after row.
 */
export class AkinCodes {
  private readonly codesByWord = new Map<string, string[]>();
  private readonly memo = new Map<string, Set<string>>();
  // the words akin to a word are among those the vocabulary finds for it (tokenMatch either way)
  // and those with its first five letters: only they are tried
  private readonly vocabulary = new Vocabulary();
  private readonly byStart = new Map<string, string[]>();

  constructor(nameWords: Map<string, string[]>) {
    for (const [code, words] of nameWords) {
      for (const x of words) {
        const list = this.codesByWord.get(x);
        if (list) list.push(code);
        else {
          this.codesByWord.set(x, [code]);
          this.vocabulary.add(x);
          if (x.length >= AKIN_START) {
            const start = x.slice(0, AKIN_START);
            const same = this.byStart.get(start);
            if (same) same.push(x);
            else this.byStart.set(start, [x]);
          }
        }
      }
    }
  }

  of(w: string): Set<string> {
    let codes = this.memo.get(w);
    if (!codes) {
      codes = new Set();
      const near = [...this.vocabulary.matches(w), ...(w.length >= AKIN_START ? this.byStart.get(w.slice(0, AKIN_START)) ?? [] : [])];
      for (const x of near) if (akin(w, x)) for (const c of this.codesByWord.get(x)!) codes.add(c);
      this.memo.set(w, codes);
    }
    return codes;
  }
}

const INDICATOR_START = new RegExp(`\\s(${INDICATOR_LEAD})\\b`);

/**
 * The named codes of a code's lineage — the code, the codes above it and those under it (`1.06.01`
 * is above `1.06.01.2.01`) — found by the code's prefixes and a range of the sorted codes, not by
 * holding every name of the document against every row.
 */
class Lineages {
  private readonly named: Set<string>;
  private readonly sorted: string[];

  constructor(named: Iterable<string>) {
    this.named = new Set(named);
    this.sorted = [...this.named].sort();
  }

  of(code: string): Set<string> {
    const out = new Set<string>();
    if (this.named.has(code)) out.add(code);
    // above: each prefix of the code that ends before one of its stops
    for (let i = code.indexOf('.'); i > 0; i = code.indexOf('.', i + 1)) if (this.named.has(code.slice(0, i))) out.add(code.slice(0, i));
    // under: the codes that start with `code.`, one run of the sorted codes
    const head = `${code}.`;
    for (let k = this.firstFrom(head); k < this.sorted.length && this.sorted[k].startsWith(head); k++) out.add(this.sorted[k]);
    return out;
  }

  /** The index of the first sorted code not before `c`. */
  private firstFrom(c: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] < c) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export function checkIndicators(views: TableView[], names: Map<string, string>, out: DocWarning[]): void {
  const byIndicator = new Map<string, { row: LogicalRow; view: TableView }[]>();
  const words = new Map([...names].map(([c, n]) => [c, content(n)]));
  const akinCodes = new AkinCodes(words);
  const lineages = new Lineages(words.keys());
  // each name's place in the document's order, which settles a tie
  const order = new Map([...words.keys()].map((c, i) => [c, i]));
  for (const view of views) {
    for (const row of liveRows(view.rows)) {
      if (!row.indicator || !row.code || row.indicator.length < 12) continue;
      const key = normName(row.indicator);
      const list = byIndicator.get(key) ?? [];
      list.push({ row, view });
      byIndicator.set(key, list);
      spill(view, row, out);
      foreign(view, row, names, words, lineages, akinCodes, order, out);
    }
  }
  for (const list of byIndicator.values()) {
    const codes = [...new Set(list.map((x) => x.row.code!))];
    if (codes.length < 2) continue;
    // the same indicator on a parent and its child is normal; on unrelated codes it is a copy
    const related = codes.every((c) => codes.every((d) => c === d || parentCode(c) === d || parentCode(d) === c || parentCode(c) === parentCode(d)));
    // one nomenclature item under two kegiatan (`Penyediaan Permakanan`) shares its indicator
    const sameName = new Set(codes.map((c) => normName(names.get(c) ?? ''))).size === 1;
    if (related || sameName) continue;
    const first = list[0];
    for (const x of list.slice(1)) {
      if (x.row.code === first.row.code) continue;
      out.push({ type: 'indicator_duplicated', table: x.view.table.id, line: x.row.line, code: x.row.code, message: `${label(x.view.table)} ${x.row.code}: indicator '${x.row.indicator}' is also printed for the unrelated ${first.row.code} (${label(first.view.table)} l.${first.row.line})` });
    }
  }
}

/** `Alam dan Bencana Sosial Persentase Korban …`: a fragment before the indicator's own start. */
function spill(view: TableView, row: LogicalRow, out: DocWarning[]): void {
  const m = INDICATOR_START.exec(` ${row.indicator}`);
  if (!m || m.index === 0) return;
  const head = row.indicator!.slice(0, m.index - 1).trim();
  if (head.split(/\s+/).length > 6 || /^(persentase|presentase|jumlah)\b/i.test(head) || !/[a-z]{3,}/i.test(head)) return;
  out.push({ type: 'indicator_spill', table: view.table.id, line: row.line, code: row.code, message: `${label(view.table)} ${row.code}: the indicator starts with '${head}', which reads as the tail of the row above's indicator` });
}

/** The indicator names another code's subject and nothing of its own. */
function foreign(view: TableView, row: LogicalRow, names: Map<string, string>, nameWords: Map<string, string[]>, lineages: Lineages, akinCodes: AkinCodes, order: Map<string, number>, out: DocWarning[]): void {
  const words = content(row.indicator!);
  if (words.length < 2) return;
  // the row's own subject: its name and the names of the codes above and below it
  const lineage = lineages.of(row.code!);
  const own = [...content(row.name), ...[...lineage].flatMap((c) => nameWords.get(c)!)];
  if (overlap(words, own) > 0) return;
  // overlap(words, another name's words) for every other name that has any, told by the codes
  // akin to each word; a name none of them is akin to shares nothing
  const shared = new Map<string, number>();
  for (const w of words) for (const c of akinCodes.of(w)) if (!lineage.has(c)) shared.set(c, (shared.get(c) ?? 0) + 1);
  // the name sharing the most, the first in the document's order among equals
  let best: { code: string; n: number } | null = null;
  for (const [other, n] of shared) if (!best || n > best.n || (n === best.n && order.get(other)! < order.get(best.code)!)) best = { code: other, n };
  if (!best || best.n < 2 || best.n < 0.5 * words.length) return;
  out.push({ type: 'indicator_mismatch', table: view.table.id, line: row.line, code: row.code, message: `${label(view.table)} ${row.code} '${row.name}': its indicator '${row.indicator}' shares no subject word with its name but ${best.n} with ${best.code} '${names.get(best.code)}' (copied?)` });
}
