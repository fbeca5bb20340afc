// What a figure of the long table is: its basis (a target, a realisation, an achievement rate, a
// budget ceiling, or a difference) and the stage of planning it belongs to (the draft, the
// draft after review, the plan, the plan before and after a mid-year change, the Renstra's
// five-year figure, a forward estimate, the realisation). A Renja Perubahan prints the budget
// before and after the change side by side: without a stage both are `anggaran` and a sum counts
// the budget twice.
//
// The family's column (measure and group) decides first; a column no family knows is read by
// its header's words; what neither says follows from the kind of document.

import { MONEY_SCALE, type MoneyUnit } from '../normalize/moneyUnit.js';

export const BASES = ['target', 'realisasi', 'capaian', 'pagu', 'selisih'] as const;
export type Basis = (typeof BASES)[number];

export const STAGES = ['rancangan', 'hasil_analisis', 'rencana', 'sebelum_perubahan', 'setelah_perubahan', 'renstra', 'prakiraan', 'realisasi'] as const;
export type Stage = (typeof STAGES)[number];

/** What of a column and its value the two readings need. */
export interface FigureColumn {
  measure: string | null;
  group?: string | null;
  label: string;
  kind?: string;
  unit: string | null;
}

/** A family measure's basis, by its name (`target_renstra`, `realisasi_anggaran_tw1`, `pagu`, …). */
function basisOfMeasure(measure: string): Basis | null {
  if (/^(selisih|sisa)_/.test(measure)) return 'selisih';
  if (/^capaian/.test(measure)) return 'capaian';
  if (/^(realisasi|volume_realisasi)/.test(measure)) return 'realisasi';
  if (/^(target|volume|proyeksi)/.test(measure)) return 'target';
  if (/^(pagu|anggaran|prakiraan_maju)/.test(measure)) return 'pagu';
  return null;
}

// the words of a header that say what a column no family knows holds, in the order they decide:
// `Realisasi Keuangan (Rp)` is a realisation although it is money
const LABEL_BASES: [RegExp, Basis][] = [
  [/\b(selisih|sisa|bertambah|berkurang)\b/i, 'selisih'],
  [/\brealisasi\b/i, 'realisasi'],
  [/\b(capaian|persentase|prosentase)\b/i, 'capaian'],
  [/\b(target|sasaran|volume)\b/i, 'target'],
  [/\b(pagu|anggaran|apbd|dana|biaya|belanja|nilai)\b/i, 'pagu'],
];

const isMoneyUnit = (u: string | null) => u !== null && /^Rp\b/.test(u);

/** Is this figure an amount of money (by its own unit, or its column's)? */
export function isMoney(col: FigureColumn, valueUnit: string | null): boolean {
  return isMoneyUnit(valueUnit) || col.kind === 'money' || isMoneyUnit(col.unit);
}

export function basisOf(col: FigureColumn, valueUnit: string | null): Basis | null {
  const fromMeasure = col.measure ? basisOfMeasure(col.measure) : null;
  if (fromMeasure) return fromMeasure;
  for (const [words, basis] of LABEL_BASES) if (words.test(col.label)) return basis;
  // an amount of money under a header that says nothing more (`Jumlah`, `Total`) is a budget
  return isMoney(col, valueUnit) ? 'pagu' : null;
}

const GROUP_STAGES: Record<string, Stage> = {
  sebelum: 'sebelum_perubahan',
  sesudah: 'setelah_perubahan',
  rancangan_awal: 'rancangan',
  hasil_analisis: 'hasil_analisis',
};

const LABEL_STAGES: [RegExp, Stage][] = [
  [/\bsebelum\b/i, 'sebelum_perubahan'],
  [/\b(setelah|sesudah|perubahan|pergeseran)\b/i, 'setelah_perubahan'],
  [/\brancangan\b/i, 'rancangan'],
  [/\brenstra\b/i, 'renstra'],
];

// the stage a plan figure has in a document of this kind when nothing in its column says
const KIND_STAGES: Record<string, Stage> = {
  rancangan_renja: 'rancangan',
  renja_perubahan: 'setelah_perubahan',
  renstra: 'renstra',
};

export function stageOf(col: FigureColumn, basis: Basis | null, documentKind: string | null): Stage {
  if (col.group && GROUP_STAGES[col.group]) return GROUP_STAGES[col.group];
  if (basis === 'realisasi' || basis === 'capaian') return 'realisasi';
  if (col.measure && /_renstra$/.test(col.measure)) return 'renstra';
  if (col.measure && /^(proyeksi|prakiraan)/.test(col.measure)) return 'prakiraan';
  for (const [words, stage] of LABEL_STAGES) if (words.test(col.label)) return stage;
  return KIND_STAGES[documentKind ?? ''] ?? 'rencana';
}

/** A money figure in rupiah (`Rp ribu` and `Rp juta` scaled); null for a figure that is not money. */
export function rupiah(value: number, unit: string | null, money: boolean): number | null {
  if (!money) return null;
  const scale = unit && unit in MONEY_SCALE ? MONEY_SCALE[unit as MoneyUnit] : 1;
  return Math.round(value * scale * 100) / 100;
}
