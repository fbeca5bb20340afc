// Year columns that cannot be right: a run of year columns with a year missing in it
// (`2021 2022 2024 2025`: a header typed wrong, or a column lost), and a year column outside the
// period the document plans for or reports on. Both are warnings; the years stay as printed.

import type { DocWarning, TableBlock } from '../model.js';
import type { Figures } from '../settings.js';

export interface DocumentYears {
  /** the year a Renja, RKA or report is for */
  year: number | null;
  /** the years a Renstra covers */
  period: { start: number; end: number } | null;
}

/** The years of a table's value columns, each once, in order. */
function columnYears(t: TableBlock): number[] {
  return [...new Set(t.columns.filter((c) => c.role === 'value' && c.year !== null).map((c) => c.year!))].sort((a, b) => a - b);
}

export function checkYearColumns(tables: TableBlock[], doc: DocumentYears, s: Pick<Figures, 'years_before_period' | 'years_after_period'>, out: DocWarning[]): void {
  const span = doc.period ?? (doc.year !== null ? { start: doc.year, end: doc.year } : null);
  for (const t of tables) {
    const years = columnYears(t);
    const where = { table: t.id, line: t.line, page: t.page };
    // three or more years make a run; a gap inside it is a year skipped
    const missing = years.length >= 3 ? gaps(years) : [];
    if (missing.length) {
      out.push({ type: 'year_column_skipped', ...where, message: `${t.label ?? t.id}: year columns ${years.join(', ')} skip ${missing.join(', ')}` });
    }
    if (!span) continue;
    const [from, to] = [span.start - s.years_before_period, span.end + s.years_after_period];
    const outside = years.filter((y) => y < from || y > to);
    if (outside.length) {
      const what = doc.period ? `period ${doc.period.start}–${doc.period.end}` : `year ${doc.year}`;
      out.push({ type: 'year_column_outside_period', ...where, message: `${t.label ?? t.id}: year column${outside.length > 1 ? 's' : ''} ${outside.join(', ')} outside the document's ${what}` });
    }
  }
}

/** The years missing between the first and the last of sorted years. */
function gaps(years: number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < years.length; i++) for (let y = years[i - 1] + 1; y < years[i]; y++) out.push(y);
  return out;
}
