// Number formats from the seed study (docs/seeds-000-003.md §000.4, §003.4) and
// CONTRACT.md "Values". Line references are to the seed files:
//   000 = ../shared/seeds/000_3c81d608c39353c9.txt
//   003 = ../shared/seeds/003_a0b8d9f08cf4c655.txt
//   002 = ../shared/seeds/002_e86b35e174e817cf.txt (contract example only)
// A `⇥` in a test name is a TAB between two cells.

import { figureFromLines } from '../../src/normalize/figurePieces.ts';
import { describe, expect, it } from 'vitest';
import { statedMoneyUnit, plausibleIn } from '../../src/normalize/moneyUnit.ts';
import { parseDigits, parseNumber, type NumberReading } from '../../src/normalize/numbers.ts';

/** Fields a case pins, checked in the order written; a field given as `undefined` must be unset. */
type Want = Partial<Pick<NumberReading, 'value' | 'kind' | 'unit' | 'rupiah' | 'bullet' | 'repaired' | 'malformed' | 'candidates'>>;
/** One cell text and what reading it must give. */
type Read = [raw: string, want: Want];
/** A test: its name (format and seed line), then every cell it reads. */
type Case = [name: string, ...reads: Read[]];

/** One test per case: each cell is read with `parse` and every field in its `want` is checked. */
function itReads(cases: Case[], parse: (raw: string) => Partial<NumberReading> = parseNumber) {
  it.each(cases)('%s', (_name, ...reads) => {
    for (const [raw, want] of reads) {
      const r = parse(raw);
      for (const [field, expected] of Object.entries(want)) {
        const actual = r[field as keyof Want];
        if (Array.isArray(expected)) expect(actual, `${field} of \`${raw}\``).toEqual(expected);
        else expect(actual, `${field} of \`${raw}\``).toBe(expected);
      }
    }
  });
}

describe('money: thousands dot (Indonesian)', () => {
  itReads([
    ['thousands dot `5.533.941.209` (000 l.799, contract Values)', ['5.533.941.209', { value: 5533941209, kind: 'money', repaired: undefined }]],
    ['thousands dot without decimals `5.779.630.969` (003 l.728, Tabel 5)', ['5.779.630.969', { value: 5779630969 }]],
    ['thousands dot, two groups `15.000.000` (003 l.563, Tabel 4)', ['15.000.000', { value: 15000000 }]],
    ['tagged number, markup stripped `<b>13.890.985.682</b>` → `13.890.985.682` (003 l.727)', ['13.890.985.682', { value: 13890985682 }]],
  ]);
});

describe('money: thousands dot with `,00` decimals', () => {
  itReads([
    ['`6.675.575.000,00` (003 l.271, E-81)', ['6.675.575.000,00', { value: 6675575000, kind: 'money' }]],
    ['`3.000.000,00` (000 l.863)', ['3.000.000,00', { value: 3000000 }]],
    ['space before the decimals `437.556.700, 00` (000 l.529)', ['437.556.700, 00', { value: 437556700 }]],
  ]);
});

describe('money: `Rp.` prefix', () => {
  itReads([
    ['`Rp. 5.777.052.011,00` (000 l.1068, contract Values)', ['Rp. 5.777.052.011,00', { value: 5777052011, rupiah: true, unit: 'Rp', kind: 'money' }]],
    ['`Rp. 2.780.000` (000 l.988, RKA)', ['Rp. 2.780.000', { value: 2780000, rupiah: true }]],
    ['zero rupiah `Rp. 0` (000 l.1058)', ['Rp. 0', { value: 0, rupiah: true }]],
    [
      'a field\'s colon before the figure `: Rp. 2.500.000.000` (SIPD RKA header block, `Jumlah 2023⇥: Rp. 2.500.000.000`)',
      [': Rp. 2.500.000.000', { value: 2500000000, rupiah: true }],
      [': 1.350.000,-', { value: 1350000 }],
    ],
    ['a colon before words stays text', [': Dinas Perdagangan', { kind: 'text', value: null }]],
  ]);
});

describe('money unit stated in a header', () => {
  it.each([
    ['Pagu Indikatif (Rp.000', 'Rp ribu'],
    ['Anggaran (dalam ribuan rupiah)', 'Rp ribu'],
    ['Rencana Anggaran (Rp ribu)', 'Rp ribu'],
    ['Pagu (dalam jutaan rupiah)', 'Rp juta'],
    ['Pagu Indikatif (Rp)', null],
    ['Jumlah (Rp.)', null],
  ])('%s → %s', (header, unit) => {
    expect(statedMoneyUnit(header)).toBe(unit);
  });

  it('a figure is plausible in a unit when, scaled, it stays under the bound', () => {
    expect(plausibleIn('Rp ribu', 360_417_724, 1e13)).toBe(true);
    expect(plausibleIn('Rp ribu', 22_160_000_000, 1e13)).toBe(false);
  });
});

describe('money: comma as thousands separator', () => {
  itReads([
    ['comma thousands `7,660,689,051` (contract Values; 002 l.2297)', ['7,660,689,051', { value: 7660689051 }]],
    ['narrative comma thousands with `,00,-` `Rp. 5,247,916,429,00,-` (000 l.786)', ['Rp. 5,247,916,429,00,-', { value: 5247916429, rupiah: true }]],
    [
      'mixed dot/comma thousands `24.000,000,00` (000 l.1007, `Rp. 24.0⇥00,000,00` joined)',
      ['24.000,000,00', { value: 24000000 }],
      ['Rp. 24.000,000,00', { value: 24000000 }],
    ],
    ['mixed dot/comma thousands `Rp. 100.000,000,00` (000 l.1008, `Rp. 100.0⇥00,000,00` joined)', ['Rp. 100.000,000,00', { value: 100000000 }]],
    ['comma thousands with decimal point `50,000,000.00` (English style)', ['50,000,000.00', { value: 50000000 }]],
  ]);
});

describe('negative numbers', () => {
  itReads([
    ['parenthesised `(489.909.163)` (003 l.737, contract Values)', ['(489.909.163)', { value: -489909163, bullet: undefined }]],
    ['parenthesised `(483.543.166)` (003 l.728)', ['(483.543.166)', { value: -483543166 }]],
  ]);
});

describe('list bullets `- N` (not a sign)', () => {
  itReads([
    ['bullet count `- 100` (003 l.271)', ['- 100', { value: 100, bullet: true }]],
    ['bullet count without separators `- 562076` (003 l.348)', ['- 562076', { value: 562076, bullet: true }]],
    ['bullet count with `,00` `- 562076,00` (003 l.348)', ['- 562076,00', { value: 562076, bullet: true }]],
    ['bullet `- 32,00` (003 l.278)', ['- 32,00', { value: 32, bullet: true }]],
    ['bullet decimal `- 0,50` (003 l.304)', ['- 0,50', { value: 0.5, bullet: true }]],
    ['bullet percent without sign `- 124,00` (003 l.271)', ['- 124,00', { value: 124, bullet: true }]],
    ['bullet `- 1000` (003 l.358)', ['- 1000', { value: 1000 }]],
    [
      'bullet split into its own cell `-⇥100,00` (003 l.317): `-` is no value, `100,00` is 100',
      ['-', { value: null }],
      ['100,00', { value: 100 }],
    ],
    ['bullet split into its own cell `-⇥111,00` (003 l.321)', ['111,00', { value: 111 }]],
  ]);
});

describe('percentages', () => {
  itReads([
    ['decimal comma with `%` `94,5%` (000 l.438, contract Values)', ['94,5%', { value: 94.5, unit: '%', kind: 'percent' }]],
    ['space before `%` `100 %` (000 l.471, T-C.31)', ['100 %', { value: 100, unit: '%', kind: 'percent' }]],
    ['decimal with space before `%` `94,6 %` (000 l.648)', ['94,6 %', { value: 94.6, unit: '%' }]],
    ['digits split by a space inside a percent `81,7 9%` (000 l.664)', ['81,7 9%', { value: 81.79, unit: '%' }]],
    ['`85,3 %` (000 l.664)', ['85,3 %', { value: 85.3 }]],
    ['integer percent `277%` (000 l.248)', ['277%', { value: 277, unit: '%' }]],
    ['zero percent `0%` (000 l.248)', ['0%', { value: 0, unit: '%' }]],
    ['summary-row percent `80,83%` (003 l.369)', ['80,83%', { value: 80.83 }]],
    ['percent without `%`: decimal comma `49,11` (003 l.271)', ['49,11', { value: 49.11 }]],
    ['percent without `%`: `122,38` (003 l.271)', ['122,38', { value: 122.38 }]],
    ['percent without `%`: `11,51` (003 l.154, T-C.30)', ['11,51', { value: 11.51 }]],
    ['thousands dot inside a percentage `1.486,64` (003 l.349, contract Values)', ['1.486,64', { value: 1486.64 }]],
  ]);
});

describe('counts with and without thousands separators', () => {
  itReads([
    ['thousands dot count `1.500` (000 l.273)', ['1.500', { value: 1500 }]],
    ['thousands dot count `46.025` (000 l.313)', ['46.025', { value: 46025 }]],
    [
      'mixed in one row `21.750⇥8700⇥4.350` (000 l.304)',
      ['21.750', { value: 21750 }],
      ['8700', { value: 8700 }],
      ['4.350', { value: 4350 }],
    ],
    ['mixed in one row `46.025⇥18410⇥9.205` (000 l.313)', ['18410', { value: 18410 }], ['9.205', { value: 9205 }]],
    ['`9.600` (003 l.844) equals `- 9600` (003 l.349)', ['9.600', { value: 9600 }], ['- 9600', { value: 9600 }]],
    ['`628.842` and `2.555` (003 l.166, l.185, T-C.30)', ['628.842', { value: 628842 }], ['2.555', { value: 2555 }]],
    ['`1.000` (003 l.853) equals `- 1000` (003 l.358)', ['1.000', { value: 1000 }]],
    ['plain zero `0` (003 l.853)', ['0', { value: 0, kind: 'number' }]],
  ]);

  it('`562.076` (003 l.843) equals `- 562076` (003 l.348)', () => {
    expect(parseNumber('562.076').value).toBe(562076);
    expect(parseNumber('562.076').value).toBe(parseNumber('- 562076').value);
  });
});

describe('counts fused with a unit', () => {
  itReads([
    ['`2 Dokumen` (000 l.473)', ['2 Dokumen', { kind: 'quantity', value: 2, unit: 'Dokumen' }]],
    ['`25 Orang/bulan` (contract Values)', ['25 Orang/bulan', { kind: 'quantity', value: 25, unit: 'Orang/bulan' }]],
    ['unit split by a space `25 Orang/bu lan` (000 l.479)', ['25 Orang/bu lan', { kind: 'quantity', value: 25, unit: 'Orang/bulan' }]],
    ['unit split by a space `25 Orang/bul an` (000 l.479)', ['25 Orang/bul an', { value: 25, unit: 'Orang/bulan' }]],
    ['lower-case unit `70 orang` (003 l.564, Tabel 4)', ['70 orang', { kind: 'quantity', value: 70, unit: 'Orang' }]],
    ['lower-case unit `1 kelompok` (003 l.563, Tabel 4)', ['1 kelompok', { kind: 'quantity', value: 1, unit: 'Kelompok' }]],
    [
      'several quantities in one cell `4 kruk; 4 kursi roda; 16 alat bantu dengar` (003 l.567)',
      ['4 kruk; 4 kursi roda; 16 alat bantu dengar', { kind: 'multi', value: null }],
    ],
  ]);

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
});

describe('no value: empty, dash, spreadsheet error', () => {
  itReads([
    ['empty cell (000 l.304 column 9)', ['', { kind: 'empty', value: null }]],
    ['whitespace-only cell is empty', ['  ', { value: null }]],
    ['dash `-` (000 l.290)', ['-', { kind: 'dash', value: null }]],
    ['OCR dash, dotless i `ı` (000 l.487)', ['ı', { kind: 'dash', value: null }]],
    ['spreadsheet error `#DIV/0!` (000 l.310)', ['#DIV/0!', { kind: 'error', value: null }]],
    ['zero with decimals `0,00` (003 l.271)', ['0,00', { value: 0 }]],
    ['check mark `√` is text, not a number (003 l.154)', ['√', { kind: 'text', value: null }]],
  ]);
});

describe('junk glyphs in value cells', () => {
  itReads([
    ['bullet glyph `•` (000 l.900)', ['•', { kind: 'junk', value: null }]],
    ['long dotted run `· · · · · ·` (000 l.900) is junk', ['· · · · · · · · · ·', { kind: 'junk' }]],
  ]);

  it.each([['*'], ['_'], ['· ·'], [', ,'], [',']])('glyph noise `%s` (000 §000.5) is junk', (raw) => {
    const r = parseNumber(raw);
    expect(r.kind).toBe('junk');
    expect(r.value).toBeNull();
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

describe('wrapped figures whose OCR lost the stops between their pieces', () => {
  // pieces as tesseract read them on harness scans of 003's E-81 table (LibreOffice PDF p.7):
  // the text layer prints `6.675` / `.575.` / `000,0` / `0` and `40.500.000,` / `00`
  it('`6.675 575. 000,0 0`: only a dot between the first two pieces makes a figure; repaired', () => {
    const r = parseNumber('6.675 575. 000,0 0');
    expect(r.value).toBe(6675575000);
    expect(r.repaired).toBe(true);
    expect(r.malformed).toBeUndefined();
  });
  it('`40.500.000 00`: only a decimal comma makes a figure (a dot would be a lost digit or a decimal point)', () => {
    expect(parseNumber('40.500.000 00').value).toBe(40500000);
  });
  it('`1.550 448. 000,00`: two separators lost, one reading', () => {
    expect(parseNumber('1.550 448. 000,00').value).toBe(1550448000);
  });
  it('pieces that join into a figure as printed keep that reading (`3.712.588.02 9`)', () => {
    expect(parseNumber('3.712.588.02 9').value).toBe(3712588029);
  });
  it('a separator is only tried where neither piece prints one (`1.674 850. 000`)', () => {
    expect(parseDigits('1.674 850. 000').value).toBe(1674850000);
  });
  it('lines of whole figures are not one figure (`3.100 110 100 110`, pk-bpptd scan p.2)', () => {
    expect(parseDigits('3.100 110 100 110').value).toBeNull();
  });
  it('no separator makes a figure of pieces with a short middle group: no value (`12.500 50 000,00`)', () => {
    expect(parseDigits('12.500 50 000,00').value).toBeNull();
  });
});

describe('values split across cells (read after the cells are joined)', () => {
  itReads([
    ['`Rp. 11⇥.224.950` joined → `Rp. 11.224.950` (000 l.998)', ['Rp. 11.224.950', { value: 11224950 }]],
    ['`Rp. 2⇥25.238.800` joined → `Rp. 225.238.800` (000 l.1005)', ['Rp. 225.238.800', { value: 225238800 }]],
    [
      'a cell holding the tail of one value and the next value `000 Rp. 460.000.000,00` (000 l.1045) is not read as one number',
      ['000 Rp. 460.000.000,00', { value: null }],
    ],
  ]);
});

describe('malformed figures: no value without proof, every reading kept', () => {
  it('`125.657.70` (000 l.532): a lost digit or a decimal point; no value, both readings', () => {
    const r = parseNumber('125.657.70');
    expect(r).toMatchObject({ kind: 'money', value: null, malformed: true, candidates: [125657700, 125657.7] });
    expect(r.repaired).toBeUndefined();
    expect(r.note).toMatch(/last group '70' has 2 digits/);
  });

  it.each([
    ['3.075.00', 3075000, 807],
    ['22.872.00', 22872000, 836],
    ['403.715.60', 403715600, 862],
    ['43.675.50', 43675500, 897],
    ['69.192.30', 69192300, 901],
  ])('truncated `%s`: no value, %i among the readings (000 l.%i)', (raw, lost) => {
    const r = parseNumber(raw);
    expect(r.value).toBeNull();
    expect(r.malformed).toBe(true);
    expect(r.candidates).toContain(lost);
  });

  it('`2.807.870.000.00`: a decimal comma typed as a dot is one reading, not 2.8 trillion as the value', () => {
    const r = parseNumber('2.807.870.000.00');
    expect(r).toMatchObject({ value: null, malformed: true });
    expect(r.candidates).toContain(2807870000);
  });

  it('`9.871.1466.000`: a group of four digits gives no value (not 98.7 billion); the one-digit-less readings are candidates', () => {
    const r = parseNumber('9.871.1466.000');
    expect(r).toMatchObject({ value: null, malformed: true });
    expect(r.candidates).toEqual(expect.arrayContaining([9871466000, 9871146000, 9871166000]));
  });

  it('extra digit in the last group `2.754.6000` (003 l.772): no value, 2754600 among the readings', () => {
    const r = parseNumber('2.754.6000');
    expect(r).toMatchObject({ value: null, malformed: true });
    expect(r.candidates).toContain(2754600);
  });

  it('trailing dot `4.035.693.583.` → 4035693583: the magnitude is printed, only a separator is dropped (003 l.737)', () => {
    const r = parseNumber('4.035.693.583.');
    expect(r.value).toBe(4035693583);
    expect(r.malformed).toBeUndefined();
    expect(r.note).toMatch(/trailing separator/);
  });
});

describe('decimals without float drift', () => {
  itReads([
    ['`3,53%` is 3.53, not 3.5300000000000002', ['3,53%', { value: 3.53, unit: '%' }]],
    ['`0,07`', ['0,07', { value: 0.07 }]],
    ['`1.486,64`', ['1.486,64', { value: 1486.64 }]],
    ['`5.777.052.011,57`', ['5.777.052.011,57', { value: 5777052011.57 }]],
    ['`50,000,000.10`', ['50,000,000.10', { value: 50000000.1 }]],
    ['`12,3 %`', ['12,3 %', { value: 12.3, unit: '%' }]],
  ]);

  it('every two-decimal percent from 0,01 to 99,99 prints back as written', () => {
    for (let i = 1; i < 10000; i++) {
      const printed = `${Math.floor(i / 100)},${String(i % 100).padStart(2, '0')}`;
      expect(String(parseNumber(`${printed}%`).value)).toBe(printed.replace(',', '.').replace(/\.?0+$/, ''));
    }
  });
});

describe('parseDigits (digits-and-separators part only)', () => {
  itReads(
    [
      ['thousands dot `5.533.941.209`', ['5.533.941.209', { value: 5533941209 }]],
      ['decimal comma `94,5`', ['94,5', { value: 94.5 }]],
      ['space-split digits `3.712.588.02 9`', ['3.712.588.02 9', { value: 3712588029 }]],
      ['truncated `125.657.70`: no value, both readings', ['125.657.70', { value: null, malformed: true, candidates: [125657700, 125657.7] }]],
      ['non-digits give null', ['abc', { value: null }]],
    ],
    (raw) => parseDigits(raw),
  );
});

describe('a figure wrapped over a narrow cell, read back from its OCR pieces', () => {
  // pieces as OCR read them on the harness scans of seed 003's evaluation table (E-81), whose
  // money columns wrap every figure over three lines
  it.each([
    [['78.04', '9:200', '00'], '78.049.200,00'], // stop read as `:`, the comma before the cents lost
    [["88'13", '0.000.', ',00'], '88.130.000,00'], // stop read as `'`, a speck read as a stop
    [['15.30', '5.400', '.00'], '15.305.400,00'], // the comma read as a stop
    [['5.674.', '.950,', '00'], '5.674.950,00'], // one stop read at both ends of a break
    [['4351', '0.500', '00'], '43.510.500,00'], // a stop lost, another read
    [['36.838', '.700,0', '0'], '36.838.700,00'], // cents broken over two lines
    [['105,', '93'], '105,93'], // a percentage
    [['150,0', '0'], '150,00'],
    [['0,', '00'], '0,00'],
    [['0,', '0', '0'], '0,00'], // a cell a digit wide
    [['1.200', '000'], '1.200.000'], // no cents
    [['12.5', '00'], '12.500'],
    [['39°', '1.234', '.567'], null], // a first line much shorter than the rest: two figures, not one
  ])('%j → %s', (lines, figure) => {
    expect(figureFromLines(lines)).toBe(figure);
  });

  it('makes up nothing: no stop read, stops that fit no grouping, text, one line', () => {
    expect(figureFromLines(['4351', '0500', '00'])).toBeNull(); // no stop read: any grouping is a guess
    expect(figureFromLines(['1.200', '1000,', '00'])).toBeNull(); // a digit too many: the stops fit nowhere
    expect(figureFromLines(['100', '100,00'])).toBeNull(); // two figures stacked
    expect(figureFromLines(['12', 'Paket'])).toBeNull();
    expect(figureFromLines(['- 12', '6'])).toBeNull();
    expect(figureFromLines(['78.049.200,00'])).toBeNull();
  });
});

describe('a stop followed by four digits', () => {
  it('`0.8475`: a leading zero group is no thousands figure, the stop is a decimal point', () => {
    expect(parseNumber('0.8475')).toMatchObject({ value: 0.8475 });
  });
  it('`97.6972`: a glyph too many or a decimal point; no value, the decimal among the readings', () => {
    const r = parseNumber('97.6972');
    expect(r).toMatchObject({ value: null, malformed: true });
    expect(r.candidates).toContain(97.6972);
    expect(r.candidates).toContain(97972);
  });
});

describe('a reading is the caller\'s own', () => {
  it('marking one (repaired, a note, a candidate) leaves the next reading of the same text as read', () => {
    const first = parseNumber('97.6972');
    const candidates = first.candidates?.length ?? 0;
    first.repaired = true;
    first.note = 'marked by a caller';
    first.candidates?.push(1);
    first.value = 1;
    const again = parseNumber('97.6972');
    expect(again.repaired).toBeUndefined();
    expect(again.note).not.toBe('marked by a caller');
    expect(again.candidates?.length ?? 0).toBe(candidates);
    expect(again.value).not.toBe(1);
    // and a percent column's reading of the same text is its own reading
    expect(parseNumber('102,513', { percent: true }).value).toBe(102.513);
    expect(parseNumber('102,513').value).toBe(102513);
  });
});
