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
  parseAccountCode,
  parseCode,
  splitMultiCode,
} from '../../src/normalize/codes.ts';
import type { PartialCode } from '../../src/model.ts';

function code(cells: string[], opts: Parameters<typeof parseCode>[1] = {}): PartialCode {
  const p = parseCode(cells, opts);
  expect(p).not.toBeNull();
  return p as PartialCode;
}

/** The six fields, for compact assertions. */
function fields(p: PartialCode) {
  return [p.urusan, p.bidang, p.program, p.kegiatanType, p.kegiatan, p.sub];
}

describe('single-digit urusan', () => {
  it('urusan `1` in a code column (000 l.248)', () => {
    const p = code(['1'], { codeColumn: true });
    expect(fields(p)).toEqual(['1', null, null, null, null, null]);
    expect(p.first).toBe(FIELD.U);
    expect(p.last).toBe(FIELD.U);
    expect(levelOfPartial(p)).toBe('urusan');
    expect(formatCode(p)).toBe('1');
  });

  it('a lone `10` without a code column is a row number, not a code', () => {
    expect(parseCode(['10'])).toBeNull();
  });

  it('a lone `1` without a code column is a row number, not a code', () => {
    expect(parseCode(['1'])).toBeNull();
  });
});

describe('spaced dots ` . `', () => {
  it('spaced dots `1 . 06 . 01` (000 l.249)', () => {
    const p = code(['1 . 06 . 01']);
    expect(fields(p)).toEqual(['1', '06', '01', null, null, null]);
    expect(p.first).toBe(FIELD.U);
    expect(p.last).toBe(FIELD.P);
    expect(levelOfPartial(p)).toBe('program');
    expect(formatCode(p)).toBe('1.06.01');
    expect(p.ghost).toBe(false);
    expect(p.truncated).toEqual([]);
  });

  it('spaced dots, kegiatan `1 . 06 . 01 . 2.01` (000 l.252)', () => {
    const p = code(['1 . 06 . 01 . 2.01']);
    expect(fields(p)).toEqual(['1', '06', '01', '2', '01', null]);
    expect(levelOfPartial(p)).toBe('kegiatan');
    expect(formatCode(p)).toBe('1.06.01.2.01');
  });

  it('spaced dots, 2-digit sub-kegiatan `1 . 06 . 01 . 2.01 . 01` (000 l.253)', () => {
    const p = code(['1 . 06 . 01 . 2.01 . 01']);
    expect(fields(p)).toEqual(['1', '06', '01', '2', '01', '01']);
    expect(p.last).toBe(FIELD.S);
    expect(levelOfPartial(p)).toBe('sub_kegiatan');
    expect(formatCode(p)).toBe('1.06.01.2.01.0001');
  });

  it('spaced dots, sub-kegiatan `1 . 06 . 04 . 2.01 . 08` (000 l.304)', () => {
    expect(formatCode(code(['1 . 06 . 04 . 2.01 . 08']))).toBe('1.06.04.2.01.0008');
  });
});

describe('dot+space `. `', () => {
  it('dot+space `1. 06. 01. 2. 01. 02` (000 l.254)', () => {
    const p = code(['1. 06. 01. 2. 01. 02']);
    expect(fields(p)).toEqual(['1', '06', '01', '2', '01', '02']);
    expect(levelOfPartial(p)).toBe('sub_kegiatan');
    expect(formatCode(p)).toBe('1.06.01.2.01.0002');
  });

  it('dot+space `1. 06. 07. 2. 01. 03` (000 l.332)', () => {
    expect(formatCode(code(['1. 06. 07. 2. 01. 03']))).toBe('1.06.07.2.01.0003');
  });
});

describe('compact dotted', () => {
  it('compact sub-kegiatan `1.06.01.2.01.03` (000 l.255)', () => {
    const p = code(['1.06.01.2.01.03']);
    expect(fields(p)).toEqual(['1', '06', '01', '2', '01', '03']);
    expect(formatCode(p)).toBe('1.06.01.2.01.0003');
  });

  it('compact program `1.06.02` (000 l.280)', () => {
    const p = code(['1.06.02']);
    expect(fields(p)).toEqual(['1', '06', '02', null, null, null]);
    expect(levelOfPartial(p)).toBe('program');
  });

  it('compact sub-kegiatan without a kegiatan row above `1.06.03.2.01.01` (000 l.291)', () => {
    expect(formatCode(code(['1.06.03.2.01.01']))).toBe('1.06.03.2.01.0001');
  });
});

describe('mixed spacing', () => {
  it('mixed `1.06.01. 2.09` (000 l.276)', () => {
    const p = code(['1.06.01. 2.09']);
    expect(fields(p)).toEqual(['1', '06', '01', '2', '09', null]);
    expect(levelOfPartial(p)).toBe('kegiatan');
    expect(formatCode(p)).toBe('1.06.01.2.09');
  });
});

describe('code split across cells (T-C.31)', () => {
  it('row number then code `1⇥1⇥06⇥01⇥⇥` (000 l.471)', () => {
    const p = code(['1', '1', '06', '01', '', ''], { expectRowNo: true });
    expect(p.rowNo).toBe('1');
    expect(fields(p)).toEqual(['1', '06', '01', null, null, null]);
    expect(levelOfPartial(p)).toBe('program');
  });

  it('kegiatan truncated to `2.0`, sub `0001`: `⇥1⇥06⇥01⇥2.0⇥0001` (000 l.473)', () => {
    const p = code(['', '1', '06', '01', '2.0', '0001'], { expectRowNo: true });
    expect(p.truncated).toContain('kegiatan');
    expect(p.urusan).toBe('1');
    expect(p.bidang).toBe('06');
    expect(p.program).toBe('01');
    expect(p.kegiatanType).toBe('2');
    expect(p.kegiatan).toBeNull();
    expect(p.sub).toBe('0001');
    expect(p.rowNo).toBeNull();
    expect(levelOfPartial(p)).toBe('sub_kegiatan');
  });

  it('no row-number cell, kegiatan truncated `1⇥06⇥01⇥2.0⇥` (000 l.478)', () => {
    const p = code(['1', '06', '01', '2.0', ''], { expectRowNo: true });
    expect(p.truncated).toEqual(['kegiatan']);
    expect(p.rowNo).toBeNull();
    expect(fields(p)).toEqual(['1', '06', '01', '2', null, null]);
    expect(p.last).toBe(FIELD.KN);
    expect(levelOfPartial(p)).toBe('kegiatan');
  });

  it('no row-number cell, sub after truncated kegiatan `1⇥06⇥01⇥2.0⇥0001` (000 l.479)', () => {
    const p = code(['1', '06', '01', '2.0', '0001'], { expectRowNo: true });
    expect(p.truncated).toContain('kegiatan');
    expect(p.program).toBe('01');
    expect(p.sub).toBe('0001');
  });
});

describe('kegiatan digit separated by a space `2.0 N`', () => {
  it('`2.0 5` with OCR noise `1⇥0⇥06 (01⇥2.0 5⇥` (000 l.487)', () => {
    const p = code(['1', '0', '06 (01', '2.0 5', ''], { expectRowNo: true });
    expect(fields(p)).toEqual(['1', '06', '01', '2', '05', null]);
    expect(p.truncated).toEqual([]);
    expect(levelOfPartial(p)).toBe('kegiatan');
  });

  it('`2.0 5` with sub `1⇥0⇥06 (01⇥2.0 5⇥0002` (000 l.488)', () => {
    const p = code(['1', '0', '06 (01', '2.0 5', '0002'], { expectRowNo: true });
    expect(fields(p)).toEqual(['1', '06', '01', '2', '05', '0002']);
  });

  it('`2.0 9` `1⇥0⇥6 01⇥2.0 9⇥` (000 l.502)', () => {
    const p = code(['1', '0', '6 01', '2.0 9', ''], { expectRowNo: true });
    expect(fields(p)).toEqual(['1', '06', '01', '2', '09', null]);
  });

  it('`2.0 1` with sub `⇥1⇥06⇥04⇥2.0 1⇥0003` (000 l.522)', () => {
    const p = code(['', '1', '06', '04', '2.0 1', '0003'], { expectRowNo: true });
    expect(fields(p)).toEqual(['1', '06', '04', '2', '01', '0003']);
  });

  it('`2.0 2` with sub `⇥1⇥06⇥05⇥2.0 2⇥0002` (000 l.537)', () => {
    const p = code(['', '1', '06', '05', '2.0 2', '0002'], { expectRowNo: true });
    expect(fields(p)).toEqual(['1', '06', '05', '2', '02', '0002']);
  });

  it('`2.0 1` kegiatan row `⇥1⇥06⇥07⇥2.0 1⇥` (000 l.546)', () => {
    const p = code(['', '1', '06', '07', '2.0 1', ''], { expectRowNo: true });
    expect(fields(p)).toEqual(['1', '06', '07', '2', '01', null]);
  });
});

describe('OCR-garbled bidang/program (T-C.31)', () => {
  it('`06 s`: `⇥1⇥06 s⇥01⇥2.0⇥0002` (000 l.474)', () => {
    const p = code(['', '1', '06 s', '01', '2.0', '0002'], { expectRowNo: true });
    expect(p.bidang).toBe('06');
    expect(p.program).toBe('01');
    expect(p.sub).toBe('0002');
    expect(p.truncated).toContain('kegiatan');
  });

  it('`0)6 (01`: `1⇥0)6 (01⇥2.0⇥0005` (000 l.493)', () => {
    const p = code(['1', '0)6 (01', '2.0', '0005'], { expectRowNo: true });
    expect(p.urusan).toBe('1');
    expect(p.bidang).toBe('06');
    expect(p.program).toBe('01');
    expect(p.sub).toBe('0005');
    expect(p.truncated).toContain('kegiatan');
  });

  it('`0⇥6 01`: `1⇥0⇥6 01⇥2.0⇥0006` (000 l.495)', () => {
    const p = code(['1', '0', '6 01', '2.0', '0006'], { expectRowNo: true });
    expect(p.urusan).toBe('1');
    expect(p.bidang).toBe('06');
    expect(p.program).toBe('01');
    expect(p.sub).toBe('0006');
    expect(p.truncated).toContain('kegiatan');
  });
});

describe('T-C.33 without urusan', () => {
  it('`06⇥01⇥2.01⇥0001` (000 l.802): first field is bidang', () => {
    const p = code(['06', '01', '2.01', '0001'], { codeColumn: true });
    expect(fields(p)).toEqual([null, '06', '01', '2', '01', '0001']);
    expect(p.first).toBe(FIELD.B);
    expect(p.last).toBe(FIELD.S);
    expect(levelOfPartial(p)).toBe('sub_kegiatan');
  });

  it('bidang alone `06⇥⇥⇥` (000 l.799)', () => {
    const p = code(['06', '', '', ''], { codeColumn: true });
    expect(fields(p)).toEqual([null, '06', null, null, null, null]);
    expect(p.first).toBe(FIELD.B);
    expect(levelOfPartial(p)).toBe('bidang');
  });
});

describe('T-C.33 kegiatan code missing', () => {
  it('program cells only `06⇥01⇥⇥` (000 l.801)', () => {
    const p = code(['06', '01', '', ''], { codeColumn: true });
    expect(fields(p)).toEqual([null, '06', '01', null, null, null]);
    expect(p.first).toBe(FIELD.B);
    expect(p.last).toBe(FIELD.P);
  });

  it('only the kegiatan part `⇥⇥⇥2.01⇥` (000 l.868): first field is the kegiatan type', () => {
    const p = code(['', '', '', '2.01', ''], { codeColumn: true });
    expect(p.first).toBe(FIELD.KT);
    expect(p.kegiatanType).toBe('2');
    expect(p.kegiatan).toBe('01');
    expect(p.urusan).toBeNull();
    expect(p.bidang).toBeNull();
  });

  it('only the kegiatan part `⇥⇥⇥2.01⇥` with the hierarchy context (000 l.868)', () => {
    const p = code(['', '', '', '2.01', ''], {
      codeColumn: true,
      context: { urusan: '1', bidang: '06', program: '04' },
    });
    expect(p.first).toBe(FIELD.KT);
    expect(fields(p)).toEqual([null, null, null, '2', '01', null]);
  });

  it('program missing `06⇥⇥2.08⇥` (000 l.842)', () => {
    const p = code(['06', '', '2.08', ''], { codeColumn: true });
    expect(fields(p)).toEqual([null, '06', null, '2', '08', null]);
    expect(p.first).toBe(FIELD.B);
    expect(levelOfPartial(p)).toBe('kegiatan');
  });

  it('program missing with OCR `0⇥6 C⇥⇥2.01⇥` (000 l.905)', () => {
    const p = code(['0', '6 C', '', '2.01', ''], { codeColumn: true });
    expect(fields(p)).toEqual([null, '06', null, '2', '01', null]);
  });
});

describe('T-C.33 OCR codes (rule lines read as glyphs)', () => {
  it('`0⇥6 (04⇥2.02⇥0014` (000 l.892)', () => {
    const p = code(['0', '6 (04', '2.02', '0014'], { codeColumn: true });
    expect(fields(p)).toEqual([null, '06', '04', '2', '02', '0014']);
  });

  it('`0⇥6 C⇥05⇥2.02⇥0001` (000 l.896)', () => {
    const p = code(['0', '6 C', '05', '2.02', '0001'], { codeColumn: true });
    expect(fields(p)).toEqual([null, '06', '05', '2', '02', '0001']);
    expect(p.first).toBe(FIELD.B);
  });

  it('`0⇥6 0⇥05⇥2.02⇥0002` (000 l.898)', () => {
    const p = code(['0', '6 0', '05', '2.02', '0002'], { codeColumn: true });
    expect(fields(p)).toEqual([null, '06', '05', '2', '02', '0002']);
  });
});

describe('ghost codes', () => {
  it('`06⇥101⇥2.02⇥0007` (000 l.819) is a ghost', () => {
    const p = code(['06', '101', '2.02', '0007'], { codeColumn: true });
    expect(p.ghost).toBe(true);
  });

  it('`1⇥06⇥04⇥2.04⇥0000` (000 l.870) is a ghost', () => {
    const p = code(['1', '06', '04', '2.04', '0000'], { codeColumn: true });
    expect(p.ghost).toBe(true);
  });
});

describe('RKA garbled codes', () => {
  it('`1⇥06⇥01⇥2.0⇥02 0` (000 l.998): kegiatan 02, sub truncated', () => {
    const p = code(['1', '06', '01', '2.0', '02 0'], { codeColumn: true });
    expect(fields(p)).toEqual(['1', '06', '01', '2', '02', null]);
    expect(p.truncated).toEqual(['sub']);
    expect(p.last).toBe(FIELD.S);
    expect(levelOfPartial(p)).toBe('sub_kegiatan');
  });

  it('`1⇥06⇥01⇥2.0⇥05` (000 l.999): kegiatan 05', () => {
    const p = code(['1', '06', '01', '2.0', '05'], { codeColumn: true });
    expect(fields(p)).toEqual(['1', '06', '01', '2', '05', null]);
    expect(p.truncated).toEqual([]);
    expect(levelOfPartial(p)).toBe('kegiatan');
  });

  it('`1⇥06⇥01⇥2.0⇥05 0` (000 l.1000): kegiatan 05, sub truncated', () => {
    const p = code(['1', '06', '01', '2.0', '05 0'], { codeColumn: true });
    expect(p.kegiatan).toBe('05');
    expect(p.truncated).toEqual(['sub']);
  });

  it('`1⇥06⇥01⇥2.0⇥06 0` (000 l.1002): kegiatan 06, sub truncated', () => {
    const p = code(['1', '06', '01', '2.0', '06 0'], { codeColumn: true });
    expect(p.kegiatan).toBe('06');
    expect(p.truncated).toEqual(['sub']);
  });

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
  it('two codes in one cell `1.06.04.2.01.12 1.06.04.2.02` (000 l.739)', () => {
    expect(splitMultiCode('1.06.04.2.01.12 1.06.04.2.02')).toEqual(['1.06.04.2.01.12', '1.06.04.2.02']);
  });

  it('parseCode reads the first of two codes in one cell (000 l.739)', () => {
    const p = code(['1.06.04.2.01.12 1.06.04.2.02']);
    expect(formatCode(p)).toBe('1.06.04.2.01.0012');
  });

  it('a spaced single code is not split `1 . 06 . 01`', () => {
    expect(splitMultiCode('1 . 06 . 01')).toEqual(['1 . 06 . 01']);
  });

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
  it('program `1⇥1.06.01` (003 l.271)', () => {
    const p = code(['1', '1.06.01'], { expectRowNo: true });
    expect(p.rowNo).toBe('1');
    expect(fields(p)).toEqual(['1', '06', '01', null, null, null]);
  });

  it('kegiatan `2⇥1.06.01.2.06` (003 l.272)', () => {
    const p = code(['2', '1.06.01.2.06'], { expectRowNo: true });
    expect(p.rowNo).toBe('2');
    expect(fields(p)).toEqual(['1', '06', '01', '2', '06', null]);
    expect(levelOfPartial(p)).toBe('kegiatan');
  });

  it('2-digit sub-kegiatan `5⇥1.06.01.2.01.01` (003 l.275)', () => {
    const p = code(['5', '1.06.01.2.01.01'], { expectRowNo: true });
    expect(p.rowNo).toBe('5');
    expect(fields(p)).toEqual(['1', '06', '01', '2', '01', '01']);
    expect(formatCode(p)).toBe('1.06.01.2.01.0001');
  });

  it('4-digit suffix among 2-digit siblings `39⇥1.06.04.2.01.0007` (003 l.323)', () => {
    const p = code(['39', '1.06.04.2.01.0007'], { expectRowNo: true });
    expect(p.rowNo).toBe('39');
    expect(p.sub).toBe('0007');
    expect(formatCode(p)).toBe('1.06.04.2.01.0007');
  });

  it('truncated prefix `01.2.06.0010` (003 l.273): program, kegiatan and sub, first = program', () => {
    const p = code(['01.2.06.0010']);
    expect(fields(p)).toEqual([null, null, '01', '2', '06', '0010']);
    expect(p.first).toBe(FIELD.P);
    expect(p.last).toBe(FIELD.S);
  });

  it('truncated prefix after the row number `3⇥01.2.06.0010` with the hierarchy context (003 l.273)', () => {
    const p = code(['3', '01.2.06.0010'], {
      expectRowNo: true,
      context: { urusan: '1', bidang: '06', program: '01', kegiatanType: '2', kegiatan: '06' },
    });
    expect(p.rowNo).toBe('3');
    expect(fields(p)).toEqual([null, null, '01', '2', '06', '0010']);
    expect(p.first).toBe(FIELD.P);
  });

  it('truncated prefix after the row number `3⇥01.2.06.0010`, no context (003 l.273)', () => {
    const p = code(['3', '01.2.06.0010'], { expectRowNo: true });
    expect(p.rowNo).toBe('3');
    expect(fields(p)).toEqual([null, null, '01', '2', '06', '0010']);
    expect(p.first).toBe(FIELD.P);
  });
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

describe('account codes (contract Codes: level akun)', () => {
  it('account behind a program prefix `1.06.01.5.1.01` is kept as printed', () => {
    expect(parseAccountCode('1.06.01.5.1.01')).toBe('1.06.01.5.1.01');
  });

  it('bare account code `5.1.02.01` is kept as printed', () => {
    expect(parseAccountCode('5.1.02.01')).toBe('5.1.02.01');
  });

  it('a kegiatan code `1.06.01.2.01` is not an account code', () => {
    expect(parseAccountCode('1.06.01.2.01')).toBeNull();
  });
});

describe('cell classifiers', () => {
  it.each([['06 s'], ['0)6 (01'], ['2.0 5'], ['6 C'], ['1 . 06 . 01'], ['']])(
    'isCodeMaterial: `%s` can be part of a printed code (000 §000.3)',
    (t) => {
      expect(isCodeMaterial(t)).toBe(true);
    },
  );

  it.each([['PROGRAM PENUNJANG'], ['562076'], ['100'], ['Rp. 2.780.000']])(
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
