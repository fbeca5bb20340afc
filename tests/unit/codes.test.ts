// Program-code formats from the seed study (docs/seeds-000-003.md §000.3, §003.3) and
// CONTRACT.md "Codes". Line references are to the seed files:
//   000 = ../shared/seeds/000_3c81d608c39353c9.txt
//   003 = ../shared/seeds/003_a0b8d9f08cf4c655.txt
// A test's cells are the TAB-separated leading cells of the row (`⇥` in names).

import { describe, expect, it } from 'vitest';
import {
  FIELD,
  codeKey,
  formatCode,
  gluedSubCode,
  isCodeMaterial,
  isRowKey,
  levelOfPartial,
  loneAccount, parseAccountCode,
  parseCode,
  spilledFields,
  splitMultiCode,
} from '../../src/normalize/codes.ts';
import type { LayoutLine, PartialCode } from '../../src/model.ts';
import { headerBlockCode } from '../../src/resolve/accounts.ts';

type Options = Parameters<typeof parseCode>[1];

function code(cells: string[], opts: Options = {}): PartialCode {
  const p = parseCode(cells, opts);
  expect(p).not.toBeNull();
  return p as PartialCode;
}

/** The six fields, for compact assertions. */
function fields(p: PartialCode) {
  return [p.urusan, p.bidang, p.program, p.kegiatanType, p.kegiatan, p.sub];
}

/** What a case pins about the parsed code, checked in the order written. */
interface Want {
  fields?: ReturnType<typeof fields>;
  first?: number;
  last?: number;
  /** levelOfPartial */
  level?: ReturnType<typeof levelOfPartial>;
  /** formatCode */
  code?: string | null;
  rowNo?: string | null;
  ghost?: boolean;
  /** the exact list of parts lost in print */
  truncated?: PartialCode['truncated'];
  /** one part that must be among those lost in print */
  truncates?: PartialCode['truncated'][number];
  urusan?: string | null;
  bidang?: string | null;
  program?: string | null;
  kegiatanType?: string | null;
  kegiatan?: string | null;
  sub?: string | null;
}

const CHECK: { [K in keyof Want]-?: (p: PartialCode, want: Want[K]) => void } = {
  fields: (p, want) => expect(fields(p)).toEqual(want),
  first: (p, want) => expect(p.first).toBe(want),
  last: (p, want) => expect(p.last).toBe(want),
  level: (p, want) => expect(levelOfPartial(p)).toBe(want),
  code: (p, want) => expect(formatCode(p)).toBe(want),
  rowNo: (p, want) => expect(p.rowNo).toBe(want),
  ghost: (p, want) => expect(p.ghost).toBe(want),
  truncated: (p, want) => expect(p.truncated).toEqual(want),
  truncates: (p, want) => expect(p.truncated).toContain(want),
  urusan: (p, want) => expect(p.urusan).toBe(want),
  bidang: (p, want) => expect(p.bidang).toBe(want),
  program: (p, want) => expect(p.program).toBe(want),
  kegiatanType: (p, want) => expect(p.kegiatanType).toBe(want),
  kegiatan: (p, want) => expect(p.kegiatan).toBe(want),
  sub: (p, want) => expect(p.sub).toBe(want),
};

/** A test: its name (format and seed line), the leading cells of the row, parseCode options, what it must give. */
type Case = [name: string, cells: string[], opts: Options, want: Want];

/** One test per case: the cells must parse to a code, and every field in `want` is checked. */
function itParses(cases: Case[]) {
  it.each(cases)('%s', (_name, cells, opts, want) => {
    const p = code(cells, opts);
    for (const key of Object.keys(want) as (keyof Want)[]) CHECK[key](p, want[key] as never);
  });
}

const ROW_NO = { expectRowNo: true } as const;
const CODE_COLUMN = { codeColumn: true } as const;

describe('single-digit urusan', () => {
  itParses([
    [
      'urusan `1` in a code column (000 l.248)',
      ['1'],
      CODE_COLUMN,
      { fields: ['1', null, null, null, null, null], first: FIELD.U, last: FIELD.U, level: 'urusan', code: '1' },
    ],
  ]);

  it.each([
    ['a lone `10` without a code column is a row number, not a code', '10'],
    ['a lone `1` without a code column is a row number, not a code', '1'],
  ])('%s', (_name, cell) => {
    expect(parseCode([cell])).toBeNull();
  });
});

describe('spaced dots ` . `', () => {
  itParses([
    [
      'spaced dots `1 . 06 . 01` (000 l.249)',
      ['1 . 06 . 01'],
      {},
      {
        fields: ['1', '06', '01', null, null, null],
        first: FIELD.U,
        last: FIELD.P,
        level: 'program',
        code: '1.06.01',
        ghost: false,
        truncated: [],
      },
    ],
    [
      'spaced dots, kegiatan `1 . 06 . 01 . 2.01` (000 l.252)',
      ['1 . 06 . 01 . 2.01'],
      {},
      { fields: ['1', '06', '01', '2', '01', null], level: 'kegiatan', code: '1.06.01.2.01' },
    ],
    [
      'spaced dots, 2-digit sub-kegiatan `1 . 06 . 01 . 2.01 . 01` (000 l.253)',
      ['1 . 06 . 01 . 2.01 . 01'],
      {},
      { fields: ['1', '06', '01', '2', '01', '01'], last: FIELD.S, level: 'sub_kegiatan', code: '1.06.01.2.01.0001' },
    ],
    ['spaced dots, sub-kegiatan `1 . 06 . 04 . 2.01 . 08` (000 l.304)', ['1 . 06 . 04 . 2.01 . 08'], {}, { code: '1.06.04.2.01.0008' }],
  ]);
});

describe('dot+space `. `', () => {
  itParses([
    [
      'dot+space `1. 06. 01. 2. 01. 02` (000 l.254)',
      ['1. 06. 01. 2. 01. 02'],
      {},
      { fields: ['1', '06', '01', '2', '01', '02'], level: 'sub_kegiatan', code: '1.06.01.2.01.0002' },
    ],
    ['dot+space `1. 06. 07. 2. 01. 03` (000 l.332)', ['1. 06. 07. 2. 01. 03'], {}, { code: '1.06.07.2.01.0003' }],
  ]);
});

describe('compact dotted', () => {
  itParses([
    [
      'compact sub-kegiatan `1.06.01.2.01.03` (000 l.255)',
      ['1.06.01.2.01.03'],
      {},
      { fields: ['1', '06', '01', '2', '01', '03'], code: '1.06.01.2.01.0003' },
    ],
    ['compact program `1.06.02` (000 l.280)', ['1.06.02'], {}, { fields: ['1', '06', '02', null, null, null], level: 'program' }],
    [
      'compact sub-kegiatan without a kegiatan row above `1.06.03.2.01.01` (000 l.291)',
      ['1.06.03.2.01.01'],
      {},
      { code: '1.06.03.2.01.0001' },
    ],
  ]);
});

describe('mixed spacing', () => {
  itParses([
    [
      'mixed `1.06.01. 2.09` (000 l.276)',
      ['1.06.01. 2.09'],
      {},
      { fields: ['1', '06', '01', '2', '09', null], level: 'kegiatan', code: '1.06.01.2.09' },
    ],
  ]);
});

describe('OCR: stops lost or read as commas', () => {
  itParses([
    [
      '`106, 01:2 0609` (a harness scan of 003 E-81 p.9): urusan and bidang run together, a comma and a colon for stops, kegiatan and sub run together',
      ['15', '106, 01:2 0609'],
      ROW_NO,
      { rowNo: '15', fields: ['1', '06', '01', '2', '06', '09'], level: 'sub_kegiatan', code: '1.06.01.2.06.0009' },
    ],
    [
      'a sub-kegiatan\'s own four digits still start with 00: `1⇥06⇥01⇥2⇥0001` keeps sub 0001',
      ['1', '06', '01', '2', '0001'],
      {},
      { fields: ['1', '06', '01', '2', null, '0001'], truncates: 'kegiatan' },
    ],
  ]);

  it('a comma before a space is a stop in a code cell; a decimal comma is not', () => {
    expect(isCodeMaterial('106, 01:2 0609')).toBe(true);
    expect(isCodeMaterial('15.305.400,00')).toBe(false);
  });
});

describe('code split across cells (T-C.31)', () => {
  itParses([
    [
      'row number then code `1⇥1⇥06⇥01⇥⇥` (000 l.471)',
      ['1', '1', '06', '01', '', ''],
      ROW_NO,
      { rowNo: '1', fields: ['1', '06', '01', null, null, null], level: 'program' },
    ],
    [
      'kegiatan truncated to `2.0`, sub `0001`: `⇥1⇥06⇥01⇥2.0⇥0001` (000 l.473)',
      ['', '1', '06', '01', '2.0', '0001'],
      ROW_NO,
      {
        truncates: 'kegiatan',
        urusan: '1',
        bidang: '06',
        program: '01',
        kegiatanType: '2',
        kegiatan: null,
        sub: '0001',
        rowNo: null,
        level: 'sub_kegiatan',
      },
    ],
    [
      'no row-number cell, kegiatan truncated `1⇥06⇥01⇥2.0⇥` (000 l.478)',
      ['1', '06', '01', '2.0', ''],
      ROW_NO,
      { truncated: ['kegiatan'], rowNo: null, fields: ['1', '06', '01', '2', null, null], last: FIELD.KN, level: 'kegiatan' },
    ],
    [
      'no row-number cell, sub after truncated kegiatan `1⇥06⇥01⇥2.0⇥0001` (000 l.479)',
      ['1', '06', '01', '2.0', '0001'],
      ROW_NO,
      { truncates: 'kegiatan', program: '01', sub: '0001' },
    ],
  ]);
});

describe('kegiatan digit separated by a space `2.0 N`', () => {
  itParses([
    [
      '`2.0 5` with OCR noise `1⇥0⇥06 (01⇥2.0 5⇥` (000 l.487)',
      ['1', '0', '06 (01', '2.0 5', ''],
      ROW_NO,
      { fields: ['1', '06', '01', '2', '05', null], truncated: [], level: 'kegiatan' },
    ],
    [
      '`2.0 5` with sub `1⇥0⇥06 (01⇥2.0 5⇥0002` (000 l.488)',
      ['1', '0', '06 (01', '2.0 5', '0002'],
      ROW_NO,
      { fields: ['1', '06', '01', '2', '05', '0002'] },
    ],
    ['`2.0 9` `1⇥0⇥6 01⇥2.0 9⇥` (000 l.502)', ['1', '0', '6 01', '2.0 9', ''], ROW_NO, { fields: ['1', '06', '01', '2', '09', null] }],
    [
      '`2.0 1` with sub `⇥1⇥06⇥04⇥2.0 1⇥0003` (000 l.522)',
      ['', '1', '06', '04', '2.0 1', '0003'],
      ROW_NO,
      { fields: ['1', '06', '04', '2', '01', '0003'] },
    ],
    [
      '`2.0 2` with sub `⇥1⇥06⇥05⇥2.0 2⇥0002` (000 l.537)',
      ['', '1', '06', '05', '2.0 2', '0002'],
      ROW_NO,
      { fields: ['1', '06', '05', '2', '02', '0002'] },
    ],
    [
      '`2.0 1` kegiatan row `⇥1⇥06⇥07⇥2.0 1⇥` (000 l.546)',
      ['', '1', '06', '07', '2.0 1', ''],
      ROW_NO,
      { fields: ['1', '06', '07', '2', '01', null] },
    ],
  ]);
});

describe('OCR-garbled bidang/program (T-C.31)', () => {
  itParses([
    [
      '`06 s`: `⇥1⇥06 s⇥01⇥2.0⇥0002` (000 l.474)',
      ['', '1', '06 s', '01', '2.0', '0002'],
      ROW_NO,
      { bidang: '06', program: '01', sub: '0002', truncates: 'kegiatan' },
    ],
    [
      '`0)6 (01`: `1⇥0)6 (01⇥2.0⇥0005` (000 l.493)',
      ['1', '0)6 (01', '2.0', '0005'],
      ROW_NO,
      { urusan: '1', bidang: '06', program: '01', sub: '0005', truncates: 'kegiatan' },
    ],
    [
      '`0⇥6 01`: `1⇥0⇥6 01⇥2.0⇥0006` (000 l.495)',
      ['1', '0', '6 01', '2.0', '0006'],
      ROW_NO,
      { urusan: '1', bidang: '06', program: '01', sub: '0006', truncates: 'kegiatan' },
    ],
  ]);
});

describe('OCR of a scan: urusan cell lost, `2.0` read as `20`', () => {
  const BIDANG_06 = { context: { urusan: '1', bidang: '06' } } as const;
  itParses([
    ['`01⇥20`: program 01, kegiatan 2.0 with its dot lost', ['01', '20'], BIDANG_06, { first: 2, program: '01', kegiatanType: '2', kegiatan: null, truncated: ['kegiatan'], level: 'kegiatan' }],
    ['`06⇥01⇥2.02⇥0006`: all but the urusan', ['06', '01', '2.02', '0006'], BIDANG_06, { first: 1, fields: [null, '06', '01', '2', '02', '0006'], level: 'sub_kegiatan' }],
  ]);
});

describe('T-C.33 without urusan', () => {
  itParses([
    [
      '`06⇥01⇥2.01⇥0001` (000 l.802): first field is bidang',
      ['06', '01', '2.01', '0001'],
      CODE_COLUMN,
      { fields: [null, '06', '01', '2', '01', '0001'], first: FIELD.B, last: FIELD.S, level: 'sub_kegiatan' },
    ],
    [
      'bidang alone `06⇥⇥⇥` (000 l.799)',
      ['06', '', '', ''],
      CODE_COLUMN,
      { fields: [null, '06', null, null, null, null], first: FIELD.B, level: 'bidang' },
    ],
  ]);
});

describe('T-C.33 kegiatan code missing', () => {
  itParses([
    [
      'program cells only `06⇥01⇥⇥` (000 l.801)',
      ['06', '01', '', ''],
      CODE_COLUMN,
      { fields: [null, '06', '01', null, null, null], first: FIELD.B, last: FIELD.P },
    ],
    [
      'only the kegiatan part `⇥⇥⇥2.01⇥` (000 l.868): first field is the kegiatan type',
      ['', '', '', '2.01', ''],
      CODE_COLUMN,
      { first: FIELD.KT, kegiatanType: '2', kegiatan: '01', urusan: null, bidang: null },
    ],
    [
      'only the kegiatan part `⇥⇥⇥2.01⇥` with the hierarchy context (000 l.868)',
      ['', '', '', '2.01', ''],
      { codeColumn: true, context: { urusan: '1', bidang: '06', program: '04' } },
      { first: FIELD.KT, fields: [null, null, null, '2', '01', null] },
    ],
    [
      'program missing `06⇥⇥2.08⇥` (000 l.842)',
      ['06', '', '2.08', ''],
      CODE_COLUMN,
      { fields: [null, '06', null, '2', '08', null], first: FIELD.B, level: 'kegiatan' },
    ],
    [
      'program missing with OCR `0⇥6 C⇥⇥2.01⇥` (000 l.905)',
      ['0', '6 C', '', '2.01', ''],
      CODE_COLUMN,
      { fields: [null, '06', null, '2', '01', null] },
    ],
  ]);
});

describe('T-C.33 OCR codes (rule lines read as glyphs)', () => {
  itParses([
    ['`0⇥6 (04⇥2.02⇥0014` (000 l.892)', ['0', '6 (04', '2.02', '0014'], CODE_COLUMN, { fields: [null, '06', '04', '2', '02', '0014'] }],
    [
      '`0⇥6 C⇥05⇥2.02⇥0001` (000 l.896)',
      ['0', '6 C', '05', '2.02', '0001'],
      CODE_COLUMN,
      { fields: [null, '06', '05', '2', '02', '0001'], first: FIELD.B },
    ],
    ['`0⇥6 0⇥05⇥2.02⇥0002` (000 l.898)', ['0', '6 0', '05', '2.02', '0002'], CODE_COLUMN, { fields: [null, '06', '05', '2', '02', '0002'] }],
  ]);
});

describe('ghost codes', () => {
  itParses([
    ['`06⇥101⇥2.02⇥0007` (000 l.819) is a ghost', ['06', '101', '2.02', '0007'], CODE_COLUMN, { ghost: true }],
    ['`1⇥06⇥04⇥2.04⇥0000` (000 l.870) is a ghost', ['1', '06', '04', '2.04', '0000'], CODE_COLUMN, { ghost: true }],
  ]);
});

describe('RKA garbled codes', () => {
  itParses([
    [
      '`1⇥06⇥01⇥2.0⇥02 0` (000 l.998): kegiatan 02, sub truncated',
      ['1', '06', '01', '2.0', '02 0'],
      CODE_COLUMN,
      { fields: ['1', '06', '01', '2', '02', null], truncated: ['sub'], last: FIELD.S, level: 'sub_kegiatan' },
    ],
    [
      '`1⇥06⇥01⇥2.0⇥05` (000 l.999): kegiatan 05',
      ['1', '06', '01', '2.0', '05'],
      CODE_COLUMN,
      { fields: ['1', '06', '01', '2', '05', null], truncated: [], level: 'kegiatan' },
    ],
    [
      '`1⇥06⇥01⇥2.0⇥05 0` (000 l.1000): kegiatan 05, sub truncated',
      ['1', '06', '01', '2.0', '05 0'],
      CODE_COLUMN,
      { kegiatan: '05', truncated: ['sub'] },
    ],
    [
      '`1⇥06⇥01⇥2.0⇥06 0` (000 l.1002): kegiatan 06, sub truncated',
      ['1', '06', '01', '2.0', '06 0'],
      CODE_COLUMN,
      { kegiatan: '06', truncated: ['sub'] },
    ],
  ]);

  it('sub-code glued into the name `0004 Penyediaan Bahan Logistik Ka` (000 l.1004)', () => {
    expect(gluedSubCode('0004 Penyediaan Bahan Logistik Ka')).toEqual({
      sub: '0004',
      name: 'Penyediaan Bahan Logistik Ka',
    });
  });

  it('a name without a glued code gives null', () => {
    expect(gluedSubCode('Penyediaan Bahan Logistik Kantor')).toBeNull();
  });
});

describe('list codes (T8)', () => {
  it.each([
    ['two codes in one cell `1.06.04.2.01.12 1.06.04.2.02` (000 l.739)', '1.06.04.2.01.12 1.06.04.2.02', ['1.06.04.2.01.12', '1.06.04.2.02']],
    ['a spaced single code is not split `1 . 06 . 01`', '1 . 06 . 01', ['1 . 06 . 01']],
    ['one code whose stop OCR read as a space is not split `1.06 06.2.02`', '1.06 06.2.02', ['1.06 06.2.02']],
    ['…nor `1.06.01 201.01`', '1.06.01 201.01', ['1.06.01 201.01']],
  ])('%s', (_name, cell, codes) => {
    expect(splitMultiCode(cell)).toEqual(codes);
  });

  itParses([
    ['parseCode reads the first of two codes in one cell (000 l.739)', ['1.06.04.2.01.12 1.06.04.2.02'], {}, { code: '1.06.04.2.01.0012' }],
    ['parseCode reads one code whose stop OCR read as a space `1.06 06.2.02` (a black-and-white scan)', ['1.06 06.2.02'], {}, { code: '1.06.06.2.02' }],
    ['…and `1.06.01 201.01`', ['1.06.01 201.01'], {}, { code: '1.06.01.2.01.0001' }],
  ]);

  it.each([
    ['1.00.01.2.03', 709],
    ['1.00.04.0.01.10', 737],
    ['4 00 04 0 00 40', 743],
  ])('bogus OCR code `%s` (000 l.%i) is not read as a valid code', (raw) => {
    const p = parseCode([raw], { codeColumn: true });
    expect(p === null || p.ghost).toBe(true);
  });

  it('organisation code `1.06.0.00.0.01.0000` (000 l.974) is not a program code', () => {
    const p = parseCode(['1.06.0.00.0.01.0000'], { codeColumn: true });
    expect(p === null || p.ghost).toBe(true);
    expect(parseAccountCode('1.06.0.00.0.01.0000')).toBeNull();
  });
});

describe('003 E-81: compact codes in cell 1 after the row number', () => {
  itParses([
    ['program `1⇥1.06.01` (003 l.271)', ['1', '1.06.01'], ROW_NO, { rowNo: '1', fields: ['1', '06', '01', null, null, null] }],
    [
      'kegiatan `2⇥1.06.01.2.06` (003 l.272)',
      ['2', '1.06.01.2.06'],
      ROW_NO,
      { rowNo: '2', fields: ['1', '06', '01', '2', '06', null], level: 'kegiatan' },
    ],
    [
      '2-digit sub-kegiatan `5⇥1.06.01.2.01.01` (003 l.275)',
      ['5', '1.06.01.2.01.01'],
      ROW_NO,
      { rowNo: '5', fields: ['1', '06', '01', '2', '01', '01'], code: '1.06.01.2.01.0001' },
    ],
    [
      '4-digit suffix among 2-digit siblings `39⇥1.06.04.2.01.0007` (003 l.323)',
      ['39', '1.06.04.2.01.0007'],
      ROW_NO,
      { rowNo: '39', sub: '0007', code: '1.06.04.2.01.0007' },
    ],
    [
      'truncated prefix `01.2.06.0010` (003 l.273): program, kegiatan and sub, first = program',
      ['01.2.06.0010'],
      {},
      { fields: [null, null, '01', '2', '06', '0010'], first: FIELD.P, last: FIELD.S },
    ],
    [
      'truncated prefix after the row number `3⇥01.2.06.0010` with the hierarchy context (003 l.273)',
      ['3', '01.2.06.0010'],
      { expectRowNo: true, context: { urusan: '1', bidang: '06', program: '01', kegiatanType: '2', kegiatan: '06' } },
      { rowNo: '3', fields: [null, null, '01', '2', '06', '0010'], first: FIELD.P },
    ],
    [
      'truncated prefix after the row number `3⇥01.2.06.0010`, no context (003 l.273)',
      ['3', '01.2.06.0010'],
      ROW_NO,
      { rowNo: '3', fields: [null, null, '01', '2', '06', '0010'], first: FIELD.P },
    ],
  ]);
});

describe('canonical form and width-independent key', () => {
  it('formatCode pads 2-digit sub-kegiatan to 4 digits (contract Codes)', () => {
    expect(
      formatCode({ urusan: '1', bidang: '06', program: '01', kegiatanType: '2', kegiatan: '01', sub: '01' }),
    ).toBe('1.06.01.2.01.0001');
  });

  it('formatCode stops at the last complete level', () => {
    expect(formatCode({ urusan: '1', bidang: '06' })).toBe('1.06');
    expect(formatCode({ urusan: '1', bidang: '06', program: '01', kegiatanType: '2', kegiatan: null })).toBe('1.06.01');
    expect(formatCode({ urusan: null, bidang: '06' })).toBeNull();
  });

  it('codeKey: `1.06.01.2.01.01` ≡ `1.06.01.2.01.0001` (§Cross-document, contract Scoring)', () => {
    expect(codeKey('1.06.01.2.01.01')).toBe(codeKey('1.06.01.2.01.0001'));
    expect(codeKey('1.06.01.2.01.01')).not.toBe(codeKey('1.06.01.2.01.0002'));
  });
});

describe('account codes (rekening): kept as printed, with their level', () => {
  it.each([
    ['account behind a program prefix `1.06.01.5.1.01` (004 LKjIP)', '1.06.01.5.1.01', { code: '1.06.01.5.1.01', level: 'jenis' }],
    ['bare account code `5.1.02.01`', '5.1.02.01', { code: '5.1.02.01', level: 'objek' }],
    ['kelompok `5.1` (SIPD RKA)', '5.1', { code: '5.1', level: 'kelompok' }],
    ['rincian objek `5.1.01.03.07` (SIPD RKA)', '5.1.01.03.07', { code: '5.1.01.03.07', level: 'rincian_objek' }],
    ['sub rincian objek `5.1.02.01.01.0052` with four digits (SIPD RKA)', '5.1.02.01.01.0052', { code: '5.1.02.01.01.0052', level: 'sub_rincian_objek' }],
    ['pendapatan `4.1.01.06`', '4.1.01.06', { code: '4.1.01.06', level: 'objek' }],
    ['spaced `5 . 1 . 02`', '5 . 1 . 02', { code: '5.1.02', level: 'jenis' }],
    ['a kegiatan code `1.06.01.2.01` is not an account code', '1.06.01.2.01', null],
    ['a sub-kegiatan code `3.31.01.2.06.09` is not an account code', '3.31.01.2.06.09', null],
    ['a figure `5.100.000` is not an account code', '5.100.000', null],
  ])('%s', (_name, raw, account) => {
    expect(parseAccountCode(raw)).toEqual(account);
  });

  it('a lone akun digit is an account only beside its name: `5 BELANJA DAERAH`, not `5 Penyediaan …`', () => {
    expect(loneAccount('5', 'BELANJA DAERAH')).toEqual({ code: '5', level: 'akun' });
    expect(loneAccount('4', 'PENDAPATAN DAERAH')).toEqual({ code: '4', level: 'akun' });
    expect(loneAccount('5', 'Penyediaan Gaji dan Tunjangan ASN')).toBeNull();
    expect(loneAccount('1', 'BELANJA DAERAH')).toBeNull();
  });
});

describe('cell classifiers', () => {
  it.each([['06 s'], ['0)6 (01'], ['2.0 5'], ['6 C'], ['1 . 06 . 01'], [''], ['1 06 01 2:02 01'], ['1:06.02']])(
    'isCodeMaterial: `%s` can be part of a printed code (000 §000.3)',
    (t) => {
      expect(isCodeMaterial(t)).toBe(true);
    },
  );

  // `100` may be a broken code segment (`06⇥101⇥2.02⇥0007`, 000 l.819); the row decides (tables.test.ts)
  it.each([['PROGRAM PENUNJANG'], ['562076'], ['Rp. 2.780.000'], ['1.06 ab'], ['Rp']])(
    'isCodeMaterial: `%s` is not code material',
    (t) => {
      expect(isCodeMaterial(t)).toBe(false);
    },
  );

  it.each([['A.'], ['IV'], ['12'], ['3.']])('isRowKey: `%s` is a row key (003 Tabel 5 A/I/1, Tabel 4 `1.`)', (t) => {
    expect(isRowKey(t)).toBe(true);
  });

  it('isRowKey: a dotted code `1.06.01` is not a row key', () => {
    expect(isRowKey('1.06.01')).toBe(false);
  });
});

describe('the code of an RKA header block', () => {
  const lines = (...texts: string[]) => texts.map((text) => ({ text }) as LayoutLine);
  it('takes the deepest code the block names, on a text layer and as OCR reads its stops (`:`)', () => {
    expect(headerBlockCode(lines('Program : 3.31.01 PROGRAM PENUNJANG', 'Kegiatan : 3.31.01.2.06 Administrasi', 'Sub Kegiatan : 3.31.01.2.06.09 Penyelenggaraan', 'x', 'x'), 5)).toBe('3.31.01.2.06.0009');
    expect(headerBlockCode(lines('Kegiatan\t:\t3.31.01.2:.06 Administrasi Umum', 'Sub Kegiatan\t3.31:01.2.06.09 Penyelenggaraan Rapat', 'x', 'x'), 4)).toBe('3.31.01.2.06.0009');
  });
  it('takes it when OCR lost the label\'s `:` and the label and the code are cells of their own', () => {
    expect(headerBlockCode(lines('Kegiatan\t3.31.01.2:.06 Administrasi Umum', 'Sub Kegiatan\t3.31:01.2.06.09 Penyelenggaraan Rapat', 'x', 'x'), 4)).toBe('3.31.01.2.06.0009');
    // without a cell boundary or a `:` the label and a number run on in prose: no code
    expect(headerBlockCode(lines('jumlah kegiatan 3.5 persen', 'x'), 2)).toBeNull();
  });
  it('reads no code from a time or a bare number after the label', () => {
    expect(headerBlockCode(lines('Kegiatan : 10:30 WIB', 'Program : 3 kegiatan', 'x'), 3)).toBeNull();
  });
});

describe('OCR of small type: a zero-led run of digits is fields whose stops were lost', () => {
  // relative codes (program.kegiatan.sub under a printed program row) from a harness scan of an
  // Excel RFK at 200 dpi, 6 pt type: OCR kept the digits and dropped some or all of the stops
  itParses([
    ['`0120101` is 01.2.01.01', ['0120101'], { context: { urusan: '1', bidang: '03' }, codeColumn: true }, { fields: [null, null, '01', '2', '01', '01'], level: 'sub_kegiatan' }],
    ['`012.02` is 01.2.02', ['012.02'], { context: { urusan: '1', bidang: '03' }, codeColumn: true }, { fields: [null, null, '01', '2', '02', null], level: 'kegiatan' }],
    ['`01205` is 01.2.05', ['01205'], { context: { urusan: '1', bidang: '03' }, codeColumn: true }, { fields: [null, null, '01', '2', '05', null], level: 'kegiatan' }],
    ['`01206.09` is 01.2.06.09', ['01206.09'], { context: { urusan: '1', bidang: '03' }, codeColumn: true }, { fields: [null, null, '01', '2', '06', '09'], level: 'sub_kegiatan' }],
  ]);

  it('cuts only a zero-led run whose digits the fields take exactly', () => {
    expect(spilledFields(FIELD.P, '0120101')).toEqual(['01', '2', '01', '01']);
    expect(spilledFields(FIELD.P, '012')).toEqual(['01', '2']);
    expect(spilledFields(FIELD.P, '0120')).toBeNull(); // a kegiatan number cut to one digit
    expect(spilledFields(FIELD.P, '1203')).toBeNull(); // not zero-led: a figure or a year
    expect(spilledFields(FIELD.KN, '0609')).toBeNull(); // the kegiatan number's own case
  });

  it('a zero-led long run is code material, a long figure is not', () => {
    expect(isCodeMaterial('0120101')).toBe(true);
    expect(isCodeMaterial('9871145000')).toBe(false);
  });
});
