// Year columns that cannot be right (src/validate/years.ts). The years are runs real documents
// print: the Bogor Renja 2020's targets 2018, 2020–2024 (2019 missing), a Renstra 2021–2026's
// columns, and a regulation's year (`Tahun 2004`) read off a header into a column.
import { describe, expect, it } from 'vitest';
import type { DocWarning, TableBlock } from '../../src/model.ts';
import { DEFAULT_SETTINGS } from '../../src/settings.ts';
import { checkYearColumns, type DocumentYears } from '../../src/validate/years.ts';

function table(years: (number | null)[]): TableBlock {
  const columns = years.map((year, i) => ({ key: `c${i}`, label: year ? String(year) : 'Kondisi', role: 'value', kind: 'any', measure: null, year, unit: null }));
  return { id: 't1', label: 'Tabel 2.1', line: 10, page: 3, columns } as unknown as TableBlock;
}

const check = (years: (number | null)[], doc: DocumentYears) => {
  const out: DocWarning[] = [];
  checkYearColumns([table(years)], doc, DEFAULT_SETTINGS.figures, out);
  return out;
};

describe('year columns', () => {
  it('a run with a year left out is a warning that names it', () => {
    const w = check([2018, 2020, 2021, 2022, 2023, 2024], { year: 2020, period: { start: 2019, end: 2024 } });
    expect(w.map((x) => x.type)).toEqual(['year_column_skipped']);
    expect(w[0].message).toMatch(/skip 2019/);
    expect(w[0]).toMatchObject({ table: 't1', line: 10, page: 3 });
  });

  it('a whole run, with the base year before the period, is fine', () => {
    expect(check([null, 2020, 2021, 2022, 2023, 2024, 2025, 2026], { year: null, period: { start: 2021, end: 2026 } })).toEqual([]);
    // two years are no run: a gap between them is not a year skipped
    expect(check([2019, 2021], { year: 2021, period: null })).toEqual([]);
  });

  it('a year outside the period (or far from the budget year) is a warning', () => {
    const w = check([2004, 2021, 2022, 2023], { year: null, period: { start: 2021, end: 2026 } });
    expect(w.map((x) => x.type)).toEqual(['year_column_skipped', 'year_column_outside_period']);
    expect(w[1].message).toMatch(/2004 outside the document's period 2021–2026/);
    expect(check([2020, 2021, 2022, 2023], { year: 2022, period: null })).toEqual([]);
    expect(check([2019], { year: 2022, period: null }).map((x) => x.type)).toEqual(['year_column_outside_period']);
    expect(check([2024], { year: 2022, period: null }).map((x) => x.type)).toEqual(['year_column_outside_period']);
  });
});
