// OCR codes checked against the nomenclature (src/resolve/check.ts rereadOcrDigits): a code OCR read with one digit
// wrong — out of the document's bidang, or naming the row otherwise — is read as the one code one
// digit away that the nomenclature names as the row; a text layer's code, and an OCR'd code that
// fits, are kept.
import { describe, expect, it } from 'vitest';
import type { LogicalRow } from '../../src/model.ts';
import { rereadOcrDigits } from '../../src/resolve/check.ts';
import { codeScope } from '../../src/resolve/scope.ts';

const scope = codeScope({ lines: [], year: 2024, agency: 'Dinas Sosial', rowNames: () => [], rowCodes: [] });

function row(code: string, name: string, page = 11): LogicalRow {
  return { code, name, page, kind: 'data', codeReason: 'printed', codeIssues: [], codeNote: null, account: null, partial: null, values: [] } as unknown as LogicalRow;
}

describe('a digit OCR misread in a code', () => {
  it('the scope is the Dinas Sosial bidang', () => {
    expect(scope.bidangs.map((b) => b.code)).toEqual(['1.06']);
  });

  it('`1.08.01.2.06.0003 Penyediaan Peralatan Rumah Tangga` on an OCR page of a 1.06 document is 1.06.01.2.06.0003', () => {
    const r = row('1.08.01.2.06.0003', 'Penyediaan Peralatan Rumah Tangga');
    rereadOcrDigits([r], scope, undefined, new Set([11]));
    expect(r).toMatchObject({ code: '1.06.01.2.06.0003', codeReason: 'ocr_digit_by_name' });
    expect(r.codeNote).toMatch(/OCR read 1\.08\.01\.2\.06\.0003/);
  });

  it('`…2.06.04` read for a row the nomenclature names as `…2.06.03`, OCR garbling its name too, is 1.06.01.2.06.0003', () => {
    // the Chromium 003 harness scan of p.9: `03` read `04`, `Penyediaan` read `Benyaaiaan`
    const r = row('1.06.01.2.06.0004', 'Benyaaiaan : Peralatan Rumah Tangga');
    rereadOcrDigits([r], scope, undefined, new Set([11]));
    expect(r).toMatchObject({ code: '1.06.01.2.06.0003', codeReason: 'ocr_digit_by_name' });
  });

  it('an OCR code of the bidang the nomenclature names as the row is kept', () => {
    const r = row('1.06.01.2.06.0003', 'Penyediaan Peralatan Rumah Tangga');
    rereadOcrDigits([r], scope, undefined, new Set([11]));
    expect(r).toMatchObject({ code: '1.06.01.2.06.0003', codeReason: 'printed' });
  });

  it('the same code in a text layer is kept as printed', () => {
    const r = row('1.08.01.2.06.0003', 'Penyediaan Peralatan Rumah Tangga');
    rereadOcrDigits([r], scope, undefined, new Set());
    expect(r.code).toBe('1.08.01.2.06.0003');
  });

  it('an OCR code two digits away from the bidang, or naming the row otherwise, is kept', () => {
    const far = row('2.08.01.2.06.0003', 'Penyediaan Peralatan Rumah Tangga');
    rereadOcrDigits([far], scope, undefined, new Set([11]));
    expect(far.code).toBe('2.08.01.2.06.0003');
    const other = row('1.07.02.2.01.0001', 'Penyediaan Peralatan Rumah Tangga');
    rereadOcrDigits([other], scope, undefined, new Set([11]));
    expect(other.code).toBe('1.07.02.2.01.0001');
  });

  it('of several kegiatan one digit away named alike, the one named clearly best is the reading', () => {
    // the RFK harness scan: `05` read `08`; 2.02, 2.03, 2.06 are `Administrasi … Perangkat Daerah` too
    const r = row('1.06.01.2.08', 'Administrasi Kepegawaian Perangkat Daerah');
    rereadOcrDigits([r], scope, undefined, new Set([11]));
    expect(r).toMatchObject({ code: '1.06.01.2.05', codeReason: 'ocr_digit_by_name' });
  });
});
