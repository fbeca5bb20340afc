// codes.json: per code, its one name, its level, and for each district the figures printed for
// it, document by document. Gathered a document at a time and kept on disk per code (spill.ts):
// an archive's coded figures do not fit in memory; one code's do.

import { district, type LongRow } from './longTable.js';
import { SpilledGroups } from './spill.js';

type Figure = { measure: string | null; basis: string | null; stage: string; year: number | null; column: string; value: number; unit: string | null; value_rp: number | null; table: string | null };
export type CodeEntry = { code: string; canonical_name: string; level: string; districts: Record<string, { document: string; kind: string | null; figures: Figure[] }[]> };

/** What is kept of one coded figure: where it belongs in its code's entry, and the figure. */
type Spilled = [district: string, document: string, kind: string | null, figure: Figure];

export class CodeSummary {
  /** per code, its name and level: those of its first row */
  private readonly heads = new Map<string, { canonical_name: string; level: string }>();

  private constructor(private readonly figures: SpilledGroups) {}

  static async create(): Promise<CodeSummary> {
    return new CodeSummary(await SpilledGroups.create());
  }

  /** The rows of one document, names already harmonised. */
  async add(rows: LongRow[]): Promise<void> {
    for (const r of rows) {
      if (!r.code) continue;
      if (!this.heads.has(r.code)) this.heads.set(r.code, { canonical_name: r.canonical_name, level: r.level });
      const figure: Figure = { measure: r.measure, basis: r.basis, stage: r.stage, year: r.year, column: r.column_key, value: r.value, unit: r.unit, value_rp: r.value_rp, table: r.table_label };
      await this.figures.add(r.code, JSON.stringify([district(r), r.source_file, r.document_kind, figure] satisfies Spilled));
    }
  }

  /** The entries in code order, one code's read back at a time. */
  async *entries(): AsyncIterable<CodeEntry> {
    const codes = this.figures.keys().sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (const code of codes) {
      const e: CodeEntry = { code, ...this.heads.get(code)!, districts: {} };
      for (const line of await this.figures.lines(code)) {
        const [where, document, kind, figure] = JSON.parse(line) as Spilled;
        const docs = (e.districts[where] ??= []);
        let doc = docs.find((x) => x.document === document);
        if (!doc) docs.push((doc = { document, kind, figures: [] }));
        doc.figures.push(figure);
      }
      yield e;
    }
  }

  /** The figures kept on disk removed. */
  close(): Promise<void> {
    return this.figures.remove();
  }
}
