// Document metadata from the text: region names of one, two or three words.
import { describe, expect, it } from 'vitest';
import { layoutLine } from '../../src/load/text.ts';
import { detectMetadata } from '../../src/metadata.ts';

const meta = (text: string) => detectMetadata(text.split('\n').map((l, i) => layoutLine(l, i + 1)));

describe('region name', () => {
  it.each([
    ['Kota Metro', 'RENCANA KERJA\nDinas Kota Metro Tahun 2024\nPemerintah Kota Metro Provinsi Lampung\ndi Kota Metro.', 'kota', 'Metro'],
    ['a directional suffix', 'Renja Kabupaten Lampung Barat Tahun 2024\nKabupaten Lampung Barat', 'kabupaten', 'Lampung Barat'],
    ['two words', 'Renja Kota Tanjung Pinang Tahun 2024\nPemerintah Kota Tanjung Pinang\nwarga Kota Tanjung Pinang Dan sekitarnya', 'kota', 'Tanjung Pinang'],
    ['three words', 'Renja Kabupaten Tanjung Jabung Barat 2024\nKabupaten Tanjung Jabung Barat Provinsi Jambi\nKabupaten Tanjung Jabung Barat', 'kabupaten', 'Tanjung Jabung Barat'],
    ['not the Kota of Kabupaten/Kota', 'Renja Dinas Sosial Kabupaten Blitar Tahun 2024\nKewenangan Kabupaten/Kota\tJumlah Orang\nDaerah Kabupaten/Kota\tJumlah Lembaga\nKabupaten/Kota\tJumlah', 'kabupaten', 'Blitar'],
    ['a next word that varies', 'Kota Jambi Tahun 2024\nKota Jambi Sehat\nKota Jambi Bersih\nKota Jambi Maju', 'kota', 'Jambi'],
  ])('%s', (_, text, type, name) => {
    expect(meta(text).region).toMatchObject({ type, name });
  });
});
