// The comparison views' data, from the long table: per code and district the budget as planned,
// as revised and as realised, and the Renstra's for the same year (rupiah), and which districts
// print anything for each code. Worked
// out here, not in the browser, so that it is tested; the page only draws it.

import { district, type LongRow } from '../compare/longTable.js';
import type { Stage } from '../compare/figureKind.js';
import { groupBy } from '../groupBy.js';

export interface DistrictFigures {
  district: string;
  /** budget as planned (the plan, its draft, or before a change), rupiah */
  plan: number | null;
  /** budget after a mid-year change (Renja Perubahan), rupiah */
  revised: number | null;
  /** budget realised, rupiah */
  realised: number | null;
  /** the Renstra's budget for the comparison's year (a five-year plan has no year of its own), rupiah */
  renstra: number | null;
  /** realised ÷ (revised, else plan), percent */
  rate: number | null;
  documents: string[];
}

export interface CodeView {
  code: string;
  /** the budget year most documents printing this code are for: a Renstra's figure is taken for it */
  year: number | null;
  name: string;
  level: string;
  districts: DistrictFigures[];
}

export interface ComparisonData {
  districts: string[];
  codes: CodeView[];
  /** code → district → number of figures printed */
  coverage: Record<string, Record<string, number>>;
}

const PLAN_STAGES: ReadonlySet<Stage> = new Set(['rencana', 'rancangan', 'hasil_analisis', 'sebelum_perubahan']);

/** The figure a district prints most often (the same budget repeats across a document's tables); ties: the larger. */
function mode(values: number[]): number | null {
  if (values.length === 0) return null;
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

/** Figures of the document's own year (a Renja's prakiraan maju or last year's realisation are other years). */
const ofDocumentYear = (r: LongRow) => r.year === null || r.document_year === null || r.year === r.document_year;

function districtFigures(name: string, rows: LongRow[], year: number | null): DistrictFigures {
  const money = rows.filter((r) => r.value_rp !== null);
  const own = money.filter(ofDocumentYear);
  const plan = mode(own.filter((r) => r.basis === 'pagu' && PLAN_STAGES.has(r.stage)).map((r) => r.value_rp!));
  const revised = mode(own.filter((r) => r.basis === 'pagu' && r.stage === 'setelah_perubahan').map((r) => r.value_rp!));
  // the year's realisation, and its quarters beside it: the largest is the year so far. A
  // cumulative realisation (`s.d. tahun …`) spans the Renstra's years and is left out
  const realisedValues = own.filter((r) => r.basis === 'realisasi' && !/kumulatif/.test(r.measure ?? '')).map((r) => r.value_rp!);
  const realised = realisedValues.length ? Math.max(...realisedValues) : null;
  const renstra = mode(money.filter((r) => r.basis === 'pagu' && r.stage === 'renstra' && r.year !== null && r.year === year).map((r) => r.value_rp!));
  const base = revised ?? plan;
  const rate = realised !== null && base ? Math.round((realised / base) * 1000) / 10 : null;
  return { district: name, plan, revised, realised, renstra, rate, documents: [...new Set(rows.map((r) => r.source_file))] };
}

/** The budget year most of these rows' documents are for. */
function comparisonYear(rows: LongRow[]): number | null {
  const years = new Map<string, number>();
  for (const r of rows) if (r.document_year !== null) years.set(r.source_file, r.document_year);
  return mode([...years.values()]);
}

export function comparisonData(rows: LongRow[]): ComparisonData {
  const coded = rows.filter((r) => r.code);
  const districts = [...new Set(coded.map(district))].sort();
  const coverage: ComparisonData['coverage'] = {};
  for (const r of coded) {
    const c = (coverage[r.code!] ??= {});
    c[district(r)] = (c[district(r)] ?? 0) + 1;
  }
  const codes: CodeView[] = [];
  for (const [code, rs] of groupBy(coded, (r) => r.code!)) {
    const perDistrict = groupBy(rs, district);
    const year = comparisonYear(rs);
    const figures = [...perDistrict].map(([d, drs]) => districtFigures(d, drs, year)).filter((f) => f.plan !== null || f.revised !== null || f.realised !== null || f.renstra !== null);
    if (figures.length) codes.push({ code, year, name: rs[0].canonical_name, level: rs[0].level, districts: figures.sort((a, b) => a.district.localeCompare(b.district)) });
  }
  // codes that most districts print first: those are the ones to compare
  codes.sort((a, b) => b.districts.length - a.districts.length || a.code.localeCompare(b.code, 'en', { numeric: true }));
  return { districts, codes, coverage };
}
