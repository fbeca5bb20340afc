// Cell text as the loader and the row builder read it: markup stripped (with a fast path for
// plain cells), OCR junk told from short real text, and the metadata rules' clean form.

import { describe, expect, it } from 'vitest';
import { stripMarkup } from '../../src/load/text.ts';
import { cleanText } from '../../src/metadata/text.ts';
import { isJunkText } from '../../src/normalize/text.ts';

describe('stripMarkup', () => {
  it('leaves a plain cell as printed, with no hint', () => {
    expect(stripMarkup('Penyediaan Jasa Surat Menyurat')).toEqual({ text: 'Penyediaan Jasa Surat Menyurat', markup: { bold: false, italic: false, underline: false } });
  });

  it.each([
    ['  Jumlah ', 'Jumlah'],
    ['Dinas\u00a0Sosial', 'Dinas Sosial'],
    ['Program  Penunjang', 'Program Penunjang'],
    ['Sarana\tPrasarana', 'Sarana Prasarana'],
    ['Kesehatan &amp; Gizi', 'Kesehatan & Gizi'],
    ['a<br>b', 'a b'],
  ])('`%s` → `%s`', (raw, text) => {
    expect(stripMarkup(raw).text).toBe(text);
  });

  it('keeps bold, italic and underline as hints', () => {
    expect(stripMarkup('**PROGRAM PENUNJANG**')).toEqual({ text: 'PROGRAM PENUNJANG', markup: { bold: true, italic: false, underline: false } });
    expect(stripMarkup('<i>catatan</i> <u>x</u>').markup).toEqual({ bold: false, italic: true, underline: true });
  });
});

describe('isJunkText', () => {
  // OCR noise that lands in cells (src/normalize/text.ts)
  it.each([['•'], ['T'], ['la .'], ['To.'], ['J.'], ['II.'], ['· · ·'], [', ,'], ['']])('`%s` is junk', (t) => {
    expect(isJunkText(t)).toBe(true);
  });

  it.each([['Rupiah'], ['Jumlah'], ['12'], ['1.06.01'], ['T 1'], ['abc.']])('`%s` is not', (t) => {
    expect(isJunkText(t)).toBe(false);
  });
});

describe('cleanText', () => {
  it.each([
    ['DINAS SOSIAL KOTA JAMBI', 'Dinas Sosial Kota Jambi'],
    ['## RENCANA  STRATEGIS ', 'Rencana Strategis'],
    ['**Dinas** “Sosial”', 'Dinas "Sosial"'],
    ['Rencana Kerja Tahun 2024', 'Rencana Kerja Tahun 2024'],
    // capitals: 80 % of the letters or more (12 of 15 here, the bar itself), else as printed
    ['DINAS SOSIAL Kota', 'Dinas Sosial Kota'],
    ['DINAS SOSIAL Kotamadya', 'DINAS SOSIAL Kotamadya'],
    ['Kab. BOGOR', 'Kab. BOGOR'],
    ['Di BPBD SUMEDANG', 'Di BPBD Sumedang'], // lower case first, capitals after
  ])('`%s` → `%s`', (raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
  });
});
