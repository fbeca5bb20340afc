// Number formats from the seed study (docs/seeds-000-003.md §000.4, §003.4) and
// CONTRACT.md "Values". Line references are to the seed files:
//   000 = ../shared/seeds/000_3c81d608c39353c9.txt
//   003 = ../shared/seeds/003_a0b8d9f08cf4c655.txt
//   002 = ../shared/seeds/002_e86b35e174e817cf.txt (contract example only)
// A `⇥` in a test name is a TAB between two cells.

import { describe, expect, it } from 'vitest';
import { parseDigits, parseNumber } from '../../src/normalize/numbers.ts';

describe('money: thousands dot (Indonesian)', () => {
  it('thousands dot `5.533.941.209` (000 l.799, contract Values)', () => {
    const r = parseNumber('5.533.941.209');
    expect(r.value).toBe(5533941209);
    expect(r.kind).toBe('money');
    expect(r.repaired).toBeUndefined();
  });

  it('thousands dot without decimals `5.779.630.969` (003 l.728, Tabel 5)', () => {
    expect(parseNumber('5.779.630.969').value).toBe(5779630969);
  });

  it('thousands dot, two groups `15.000.000` (003 l.563, Tabel 4)', () => {
    expect(parseNumber('15.000.000').value).toBe(15000000);
  });

  it('tagged number, markup stripped `<b>13.890.985.682</b>` → `13.890.985.682` (003 l.727)', () => {
    expect(parseNumber('13.890.985.682').value).toBe(13890985682);
  });
});

describe('money: thousands dot with `,00` decimals', () => {
  it('`6.675.575.000,00` (003 l.271, E-81)', () => {
    const r = parseNumber('6.675.575.000,00');
    expect(r.value).toBe(6675575000);
    expect(r.kind).toBe('money');
  });

  it('`3.000.000,00` (000 l.863)', () => {
    expect(parseNumber('3.000.000,00').value).toBe(3000000);
  });

  it('space before the decimals `437.556.700, 00` (000 l.529)', () => {
    expect(parseNumber('437.556.700, 00').value).toBe(437556700);
  });
});

describe('money: `Rp.` prefix', () => {
  it('`Rp. 5.777.052.011,00` (000 l.1068, contract Values)', () => {
    const r = parseNumber('Rp. 5.777.052.011,00');
    expect(r.value).toBe(5777052011);
    expect(r.rupiah).toBe(true);
    expect(r.unit).toBe('Rp');
    expect(r.kind).toBe('money');
  });

  it('`Rp. 2.780.000` (000 l.988, RKA)', () => {
    const r = parseNumber('Rp. 2.780.000');
    expect(r.value).toBe(2780000);
    expect(r.rupiah).toBe(true);
  });

  it('zero rupiah `Rp. 0` (000 l.1058)', () => {
    const r = parseNumber('Rp. 0');
    expect(r.value).toBe(0);
    expect(r.rupiah).toBe(true);
  });
});

describe('money: comma as thousands separator', () => {
  it('comma thousands `7,660,689,051` (contract Values; 002 l.2297)', () => {
    expect(parseNumber('7,660,689,051').value).toBe(7660689051);
  });

  it('narrative comma thousands with `,00,-` `Rp. 5,247,916,429,00,-` (000 l.786)', () => {
    const r = parseNumber('Rp. 5,247,916,429,00,-');
    expect(r.value).toBe(5247916429);
    expect(r.rupiah).toBe(true);
  });

  it('mixed dot/comma thousands `24.000,000,00` (000 l.1007, `Rp. 24.0⇥00,000,00` joined)', () => {
    expect(parseNumber('24.000,000,00').value).toBe(24000000);
    expect(parseNumber('Rp. 24.000,000,00').value).toBe(24000000);
  });

  it('mixed dot/comma thousands `Rp. 100.000,000,00` (000 l.1008, `Rp. 100.0⇥00,000,00` joined)', () => {
    expect(parseNumber('Rp. 100.000,000,00').value).toBe(100000000);
  });

  it('comma thousands with decimal point `50,000,000.00` (English style)', () => {
    expect(parseNumber('50,000,000.00').value).toBe(50000000);
  });
});

describe('negative numbers', () => {
  it('parenthesised `(489.909.163)` (003 l.737, contract Values)', () => {
    const r = parseNumber('(489.909.163)');
    expect(r.value).toBe(-489909163);
    expect(r.bullet).toBeUndefined();
  });

  it('parenthesised `(483.543.166)` (003 l.728)', () => {
    expect(parseNumber('(483.543.166)').value).toBe(-483543166);
  });
});

describe('list bullets `- N` (not a sign)', () => {
  it('bullet count `- 100` (003 l.271)', () => {
    const r = parseNumber('- 100');
    expect(r.value).toBe(100);
    expect(r.bullet).toBe(true);
  });

  it('bullet count without separators `- 562076` (003 l.348)', () => {
    const r = parseNumber('- 562076');
    expect(r.value).toBe(562076);
    expect(r.bullet).toBe(true);
  });

  it('bullet count with `,00` `- 562076,00` (003 l.348)', () => {
    const r = parseNumber('- 562076,00');
    expect(r.value).toBe(562076);
    expect(r.bullet).toBe(true);
  });

  it('bullet `- 32,00` (003 l.278)', () => {
    const r = parseNumber('- 32,00');
    expect(r.value).toBe(32);
    expect(r.bullet).toBe(true);
  });

  it('bullet decimal `- 0,50` (003 l.304)', () => {
    const r = parseNumber('- 0,50');
    expect(r.value).toBe(0.5);
    expect(r.bullet).toBe(true);
  });

  it('bullet percent without sign `- 124,00` (003 l.271)', () => {
    const r = parseNumber('- 124,00');
    expect(r.value).toBe(124);
    expect(r.bullet).toBe(true);
  });

  it('bullet `- 1000` (003 l.358)', () => {
    expect(parseNumber('- 1000').value).toBe(1000);
  });

  it('bullet split into its own cell `-⇥100,00` (003 l.317): `-` is no value, `100,00` is 100', () => {
    expect(parseNumber('-').value).toBeNull();
    expect(parseNumber('100,00').value).toBe(100);
  });

  it('bullet split into its own cell `-⇥111,00` (003 l.321)', () => {
    expect(parseNumber('111,00').value).toBe(111);
  });
});

describe('percentages', () => {
  it('decimal comma with `%` `94,5%` (000 l.438, contract Values)', () => {
    const r = parseNumber('94,5%');
    expect(r.value).toBe(94.5);
    expect(r.unit).toBe('%');
    expect(r.kind).toBe('percent');
  });

  it('space before `%` `100 %` (000 l.471, T-C.31)', () => {
    const r = parseNumber('100 %');
    expect(r.value).toBe(100);
    expect(r.unit).toBe('%');
    expect(r.kind).toBe('percent');
  });

  it('decimal with space before `%` `94,6 %` (000 l.648)', () => {
    const r = parseNumber('94,6 %');
    expect(r.value).toBe(94.6);
    expect(r.unit).toBe('%');
  });

  it('digits split by a space inside a percent `81,7 9%` (000 l.664)', () => {
    const r = parseNumber('81,7 9%');
    expect(r.value).toBe(81.79);
    expect(r.unit).toBe('%');
  });

  it('`85,3 %` (000 l.664)', () => {
    expect(parseNumber('85,3 %').value).toBe(85.3);
  });

  it('integer percent `277%` (000 l.248)', () => {
    const r = parseNumber('277%');
    expect(r.value).toBe(277);
    expect(r.unit).toBe('%');
  });

  it('zero percent `0%` (000 l.248)', () => {
    const r = parseNumber('0%');
    expect(r.value).toBe(0);
    expect(r.unit).toBe('%');
  });

  it('summary-row percent `80,83%` (003 l.369)', () => {
    expect(parseNumber('80,83%').value).toBe(80.83);
  });

  it('percent without `%`: decimal comma `49,11` (003 l.271)', () => {
    expect(parseNumber('49,11').value).toBe(49.11);
  });

  it('percent without `%`: `122,38` (003 l.271)', () => {
    expect(parseNumber('122,38').value).toBe(122.38);
  });

  it('percent without `%`: `11,51` (003 l.154, T-C.30)', () => {
    expect(parseNumber('11,51').value).toBe(11.51);
  });

  it('thousands dot inside a percentage `1.486,64` (003 l.349, contract Values)', () => {
    expect(parseNumber('1.486,64').value).toBe(1486.64);
  });
});

describe('counts with and without thousands separators', () => {
  it('thousands dot count `1.500` (000 l.273)', () => {
    expect(parseNumber('1.500').value).toBe(1500);
  });

  it('thousands dot count `46.025` (000 l.313)', () => {
    expect(parseNumber('46.025').value).toBe(46025);
  });

  it('mixed in one row `21.750⇥8700⇥4.350` (000 l.304)', () => {
    expect(parseNumber('21.750').value).toBe(21750);
    expect(parseNumber('8700').value).toBe(8700);
    expect(parseNumber('4.350').value).toBe(4350);
  });

  it('mixed in one row `46.025⇥18410⇥9.205` (000 l.313)', () => {
    expect(parseNumber('18410').value).toBe(18410);
    expect(parseNumber('9.205').value).toBe(9205);
  });

  it('`562.076` (003 l.843) equals `- 562076` (003 l.348)', () => {
    expect(parseNumber('562.076').value).toBe(562076);
    expect(parseNumber('562.076').value).toBe(parseNumber('- 562076').value);
  });

  it('`9.600` (003 l.844) equals `- 9600` (003 l.349)', () => {
    expect(parseNumber('9.600').value).toBe(9600);
    expect(parseNumber('- 9600').value).toBe(9600);
  });

  it('`628.842` and `2.555` (003 l.166, l.185, T-C.30)', () => {
    expect(parseNumber('628.842').value).toBe(628842);
    expect(parseNumber('2.555').value).toBe(2555);
  });

  it('`1.000` (003 l.853) equals `- 1000` (003 l.358)', () => {
    expect(parseNumber('1.000').value).toBe(1000);
  });

  it('plain zero `0` (003 l.853)', () => {
    const r = parseNumber('0');
    expect(r.value).toBe(0);
    expect(r.kind).toBe('number');
  });
});

describe('counts fused with a unit', () => {
  it('`2 Dokumen` (000 l.473)', () => {
    const r = parseNumber('2 Dokumen');
    expect(r.kind).toBe('quantity');
    expect(r.value).toBe(2);
    expect(r.unit).toBe('Dokumen');
  });

  it('`25 Orang/bulan` (contract Values)', () => {
    const r = parseNumber('25 Orang/bulan');
    expect(r.kind).toBe('quantity');
    expect(r.value).toBe(25);
    expect(r.unit).toBe('Orang/bulan');
  });

  it('unit split by a space `25 Orang/bu lan` (000 l.479)', () => {
    const r = parseNumber('25 Orang/bu lan');
    expect(r.kind).toBe('quantity');
    expect(r.value).toBe(25);
    expect(r.unit).toBe('Orang/bulan');
  });

  it('unit split by a space `25 Orang/bul an` (000 l.479)', () => {
    const r = parseNumber('25 Orang/bul an');
    expect(r.value).toBe(25);
    expect(r.unit).toBe('Orang/bulan');
  });

  it.each([
    ['45 Paket', 45, 'Paket', 488],
    ['7 Unit', 7, 'Unit', 498],
    ['1 Makam', 1, 'Makam', 548],
    ['7600 Keluarga', 7600, 'Keluarga', 537],
    ['4431 Orang', 4431, 'Orang', 532],
    ['5 Lembaga', 5, 'Lembaga', 513],
    ['35 Laporan', 35, 'Laporan', 500],
  ])('fused unit `%s` → %i %s (000 l.%i)', (raw, value, unit) => {
    const r = parseNumber(raw);
    expect(r.kind).toBe('quantity');
    expect(r.value).toBe(value);
    expect(r.unit).toBe(unit);
  });

  it('lower-case unit `70 orang` (003 l.564, Tabel 4)', () => {
    const r = parseNumber('70 orang');
    expect(r.kind).toBe('quantity');
    expect(r.value).toBe(70);
    expect(r.unit).toBe('Orang');
  });

  it('lower-case unit `1 kelompok` (003 l.563, Tabel 4)', () => {
    const r = parseNumber('1 kelompok');
    expect(r.kind).toBe('quantity');
    expect(r.value).toBe(1);
    expect(r.unit).toBe('Kelompok');
  });

  it('several quantities in one cell `4 kruk; 4 kursi roda; 16 alat bantu dengar` (003 l.567)', () => {
    const r = parseNumber('4 kruk; 4 kursi roda; 16 alat bantu dengar');
    expect(r.kind).toBe('multi');
    expect(r.value).toBeNull();
  });
});

describe('no value: empty, dash, spreadsheet error', () => {
  it('empty cell (000 l.304 column 9)', () => {
    const r = parseNumber('');
    expect(r.kind).toBe('empty');
    expect(r.value).toBeNull();
  });

  it('whitespace-only cell is empty', () => {
    expect(parseNumber('  ').value).toBeNull();
  });

  it('dash `-` (000 l.290)', () => {
    const r = parseNumber('-');
    expect(r.kind).toBe('dash');
    expect(r.value).toBeNull();
  });

  it('OCR dash, dotless i `ı` (000 l.487)', () => {
    const r = parseNumber('ı');
    expect(r.kind).toBe('dash');
    expect(r.value).toBeNull();
  });

  it('spreadsheet error `#DIV/0!` (000 l.310)', () => {
    const r = parseNumber('#DIV/0!');
    expect(r.kind).toBe('error');
    expect(r.value).toBeNull();
  });

  it('zero with decimals `0,00` (003 l.271)', () => {
    expect(parseNumber('0,00').value).toBe(0);
  });

  it('check mark `√` is text, not a number (003 l.154)', () => {
    const r = parseNumber('√');
    expect(r.kind).toBe('text');
    expect(r.value).toBeNull();
  });
});

describe('junk glyphs in value cells', () => {
  it('bullet glyph `•` (000 l.900)', () => {
    const r = parseNumber('•');
    expect(r.kind).toBe('junk');
    expect(r.value).toBeNull();
  });

  it.each([['*'], ['_'], ['· ·'], [', ,'], [',']])('glyph noise `%s` (000 §000.5) is junk', (raw) => {
    const r = parseNumber(raw);
    expect(r.kind).toBe('junk');
    expect(r.value).toBeNull();
  });

  it('long dotted run `· · · · · ·` (000 l.900) is junk', () => {
    expect(parseNumber('· · · · · · · · · ·').kind).toBe('junk');
  });
});

describe('digits split by a space', () => {
  it.each([
    ['3.712.588.02 9', 3712588029],
    ['3.698.450.45 9', 3698450459],
    ['3.063.639.86 1', 3063639861],
    ['3.024.815.44 1', 3024815441],
    ['2.587.562.66 1', 2587562661],
    ['2.610.605.44 1', 2610605441],
  ])('space before the last digit `%s` (000 l.471–479, T-C.31)', (raw, value) => {
    expect(parseNumber(raw).value).toBe(value);
  });
});

describe('values split across cells (read after the cells are joined)', () => {
  it('`Rp. 11⇥.224.950` joined → `Rp. 11.224.950` (000 l.998)', () => {
    expect(parseNumber('Rp. 11.224.950').value).toBe(11224950);
  });

  it('`Rp. 2⇥25.238.800` joined → `Rp. 225.238.800` (000 l.1005)', () => {
    expect(parseNumber('Rp. 225.238.800').value).toBe(225238800);
  });

  it('a cell holding the tail of one value and the next value `000 Rp. 460.000.000,00` (000 l.1045) is not read as one number', () => {
    expect(parseNumber('000 Rp. 460.000.000,00').value).toBeNull();
  });
});

describe('truncated numbers: last group lost a digit', () => {
  it('`125.657.70` → 125657700, repaired, both readings kept (000 l.532)', () => {
    const r = parseNumber('125.657.70');
    expect(r.value).toBe(125657700);
    expect(r.repaired).toBe(true);
    expect(r.candidates).toEqual([125657700, 12565770]);
    expect(typeof r.note).toBe('string');
    expect(r.note!.length).toBeGreaterThan(0);
  });

  it.each([
    ['3.075.00', 3075000, 807],
    ['22.872.00', 22872000, 836],
    ['403.715.60', 403715600, 862],
    ['43.675.50', 43675500, 897],
    ['69.192.30', 69192300, 901],
  ])('truncated `%s` → %i (000 l.%i)', (raw, value) => {
    const r = parseNumber(raw);
    expect(r.value).toBe(value);
    expect(r.repaired).toBe(true);
    expect(r.candidates?.[0]).toBe(value);
  });
});

describe('malformed digit groups', () => {
  it('extra digit in the last group `2.754.6000` → 2754600 (003 l.772)', () => {
    const r = parseNumber('2.754.6000');
    expect(r.value).toBe(2754600);
    expect(r.repaired).toBe(true);
    expect(r.candidates).toEqual([2754600, 27546000]);
  });

  it('trailing dot `4.035.693.583.` → 4035693583 (003 l.737)', () => {
    const r = parseNumber('4.035.693.583.');
    expect(r.value).toBe(4035693583);
    expect(typeof r.note).toBe('string');
  });
});

describe('parseDigits (digits-and-separators part only)', () => {
  it('thousands dot `5.533.941.209`', () => {
    expect(parseDigits('5.533.941.209').value).toBe(5533941209);
  });

  it('decimal comma `94,5`', () => {
    expect(parseDigits('94,5').value).toBe(94.5);
  });

  it('space-split digits `3.712.588.02 9`', () => {
    expect(parseDigits('3.712.588.02 9').value).toBe(3712588029);
  });

  it('truncated `125.657.70` keeps both readings', () => {
    const r = parseDigits('125.657.70');
    expect(r.value).toBe(125657700);
    expect(r.repaired).toBe(true);
    expect(r.candidates).toEqual([125657700, 12565770]);
  });

  it('non-digits give null', () => {
    expect(parseDigits('abc').value).toBeNull();
  });
});
