// Column formulas of the table families: evaluated against a row's values by column name, and —
// in the alignment search — against figures held by column position; both must agree.
import { describe, expect, it } from 'vitest';
import { agrees, compileFormula, evaluate, parseFormula } from '../../src/formula.ts';

const KEYS = ['target_k', 'realisasi_k', 'sebelum_bo', 'sebelum_bm', 'sebelum_btt', 'capaian_k'];
const at = new Map(KEYS.map((k, i) => [k, i]));
const rows: (number | undefined)[][] = [
  [80, 100, 1_000_000, 250_000, undefined, 125],
  [0, 12, undefined, undefined, undefined, undefined],
  [undefined, 5, 3.3, 0.1, 0.2, 0],
  [],
];

describe('formulas', () => {
  it.each([
    ['realisasi_k / target_k * 100', [125, null, null, null]],
    ['sebelum_bo + sebelum_bm + sebelum_btt', [1_250_000, null, 3.3 + 0.1 + 0.2, null]],
    ['(realisasi_k - target_k) / target_k * 100', [25, null, null, null]],
    ['realisasi_k + kolom_lain', [100, 12, 5, null]], // a column the table lacks counts as unprinted
  ])('%s: by name and by position alike', (text, want) => {
    const f = parseFormula(text);
    const compiled = compileFormula(f, at);
    rows.forEach((values, i) => {
      const byName = evaluate(f, (key) => { const j = at.get(key); return j === undefined ? null : values[j] ?? null; });
      expect(compiled(values)).toBe(byName);
      expect(byName).toBe(want[i]);
    });
  });

  it('percentages agree within their rounding, money within a rupiah', () => {
    expect(agrees(125.4, 125, 'percent')).toBe(true);
    expect(agrees(126, 125, 'percent')).toBe(false);
    expect(agrees(1_000_001, 1_000_000, 'money')).toBe(true);
    expect(agrees(1_000_002, 1_000_000, 'money')).toBe(false);
  });
});
