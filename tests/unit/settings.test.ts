// The one settings object: defaults, overrides through the API, and errors for what it does not know.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, resolveSettings, SettingsError } from '../../src/settings.ts';
import { extractTables, toOutput } from '../../src/pipeline.ts';
import { docFromText } from '../helpers/doc.ts';

const TABLE = [
  'PERJANJIAN KINERJA TAHUN 2024', '', 'Tabel 2 Program dan Anggaran', '', 'Uraian⇥Anggaran (Rp)',
  'Program : PROGRAM PENYEDIAAN DAN PENGEMBANGAN SARANA PERTANIAN⇥2.000.000.000',
  'Program : PROGRAM PENGENDALIAN KESEHATAN HEWAN DAN KESEHATAN MASYARAKAT VETERINER⇥1.000.000.000',
  'Program : Pengendalian Kesehatan Hewan⇥500.000.000',
].join('\n');

describe('settings', () => {
  it('an unknown or misspelt key is an error that names it, at every level', () => {
    expect(() => resolveSettings({ limits: { max_pagez: 3 } } as never)).toThrow(SettingsError);
    expect(() => resolveSettings({ layuot: {} } as never)).toThrow(/layuot/);
    expect(() => resolveSettings({ codes: { accept: 2 } })).toThrow(/codes\.accept/);
    expect(() => resolveSettings({ ocr: { languages: ['jav'] } } as never)).toThrow(/ocr\.languages/);
    expect(() => resolveSettings({ ocr: { languages: [] } })).toThrow(/ocr\.languages/);
  });

  it('an override changes only what it names', () => {
    const s = resolveSettings({ codes: { accept: 0.95 } });
    expect(s.codes.accept).toBe(0.95);
    expect(s.codes.clear_lead).toBe(DEFAULT_SETTINGS.codes.clear_lead);
    expect(s.layout).toEqual(DEFAULT_SETTINGS.layout);
  });

  it('the similarity a name needs decides which rows get a code', () => {
    const codes = (accept: number) => {
      const doc = docFromText(TABLE);
      const settings = resolveSettings({ codes: { accept } });
      return toOutput(doc, extractTables(doc, settings), settings).records.map((r) => r.code);
    };
    // the last name is a shortened program name: taken at 0.6, left without a code at the default 0.8
    expect(codes(DEFAULT_SETTINGS.codes.accept)).toEqual(['3.27.02', '3.27.04', null]);
    expect(codes(0.6)).toEqual(['3.27.02', '3.27.04', '3.27.04']);
  });
});
