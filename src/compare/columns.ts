// The long table's columns, described once: their order in the CSV, their SQL type in the
// warehouse (DuckDB, Parquet) and their Frictionless Table Schema type and description in
// datapackage.json. Money is decimal everywhere, never floating point.

import { BASES, STAGES } from './figureKind.js';
import type { LongRow } from './longTable.js';

type FrictionlessType = 'string' | 'integer' | 'number' | 'boolean';

export interface LongColumn {
  name: keyof LongRow;
  sql: string;
  type: FrictionlessType;
  description: string;
  /** Frictionless constraints (an enum of the values a column takes) */
  values?: readonly string[];
}

const text = (name: keyof LongRow, description: string, values?: readonly string[]): LongColumn => ({ name, sql: 'VARCHAR', type: 'string', description, values });
const int = (name: keyof LongRow, description: string): LongColumn => ({ name, sql: 'INTEGER', type: 'integer', description });
const flag = (name: keyof LongRow, description: string): LongColumn => ({ name, sql: 'BOOLEAN', type: 'boolean', description });
const decimal = (name: keyof LongRow, sql: string, description: string): LongColumn => ({ name, sql, type: 'number', description });

export const LONG_TABLE: LongColumn[] = [
  text('region_type', 'provinsi, kabupaten or kota: the government the document is from'),
  text('region_name', 'the name of that province, regency or city'),
  text('province', 'the province a regency or city lies in'),
  text('agency', 'the agency (perangkat daerah) that published the document'),
  text('document_kind', 'renja, rancangan_renja, renja_perubahan, renstra, lkjip, rka, dpa, rfk, evaluasi_renja, perjanjian_kinerja, rkpd or unknown'),
  int('document_year', 'the budget year the document is for'),
  int('period_start', 'first year of the planning period (Renstra) the document states'),
  int('period_end', 'last year of that period'),
  text('code', 'national program code urusan.bidang.program.kegiatan.sub-kegiatan (e.g. 1.06.01.2.01.0001)'),
  text('code_source', 'document (printed), completed (printed in part, completed from context) or inferred (from the name)'),
  text('level', 'urusan, bidang, program, kegiatan, sub_kegiatan, or another row level'),
  text('name', 'the row name as printed'),
  text('canonical_name', 'one name per code across every document compared'),
  text('indicator', 'the performance indicator the figure measures, as printed in its row'),
  text('indicator_unit', 'the unit a target or realisation counts in (Orang, Dokumen, %); empty for money'),
  text('measure', 'what the column holds, by its table family (target, pagu, anggaran, realisasi_anggaran_tw1, …)'),
  text('basis', 'target, realisasi, capaian (rate), pagu (budget) or selisih (a difference)', BASES),
  text('stage', 'rancangan, hasil_analisis, rencana, sebelum_perubahan, setelah_perubahan, renstra, prakiraan or realisasi', STAGES),
  text('column_key', 'the column key in its table (anggaran_setelah, c7)'),
  text('column_label', 'the column header as printed'),
  int('year', 'the year the column is for'),
  decimal('value', 'DECIMAL(18,2)', 'the figure as printed, in its unit'),
  text('unit', 'the unit of the figure: Rp, Rp ribu, Rp juta, %, or a count unit'),
  decimal('value_rp', 'DECIMAL(20,2)', 'a money figure in rupiah (Rp ribu and Rp juta scaled); empty when not money'),
  flag('repaired', 'the figure was changed from its print, with a proof (see the document JSON)'),
  flag('low_confidence', 'read by OCR with low confidence, or its code inferred rather than printed'),
  text('source_file', 'the input file the figure comes from'),
  text('table_id', 'the table within the document (t1, t2, …)'),
  text('table_label', 'the table number or caption the document prints (T-C.29, Tabel 3.1)'),
  text('family', 'the table family (evaluasi_renja_tc29, perubahan_renja, …); empty for a table no family knows'),
  int('line', 'the line of the text conversion, or the layout line of the PDF'),
  int('page', 'the PDF page'),
  decimal('bbox_x0', 'DOUBLE', 'left edge of the printed figure, PDF points'),
  decimal('bbox_top', 'DOUBLE', 'top edge, PDF points from the top of the page'),
  decimal('bbox_x1', 'DOUBLE', 'right edge, PDF points'),
  decimal('bbox_bottom', 'DOUBLE', 'bottom edge, PDF points from the top of the page'),
];
