// The output contract (../shared/CONTRACT.md, schema_version 1) as a zod schema. Every
// document is validated against it before it is written; this file is the source of truth.

import { z } from 'zod';

export const LEVELS = ['urusan', 'bidang', 'program', 'kegiatan', 'sub_kegiatan', 'akun', 'total', 'other'] as const;

export const Value = z.object({
  column: z.string(),
  raw: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  repaired: z.boolean().optional(),
  malformed: z.boolean().optional(),
  note: z.string().optional(),
  proof: z.string().optional(),
  candidates: z.array(z.number()).optional(),
  confidence: z.number().optional(),
  low_confidence: z.boolean().optional(),
  line: z.number().int().optional(),
  page: z.number().int().nullable().optional(),
  /** where the figure is printed on its page: [x0, top, x1, bottom] in PDF points, y downward */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
});

export const Column = z.object({
  key: z.string(),
  label: z.string(),
  role: z.enum(['rowno', 'code', 'name', 'indicator', 'text', 'value']).optional(),
  kind: z.string().optional(),
  measure: z.string().nullable(),
  year: z.number().int().nullable(),
  unit: z.string().nullable(),
  formula: z.string().nullable().optional(),
  group: z.string().nullable().optional(),
});

export const Table = z.object({
  id: z.string(),
  label: z.string().nullable(),
  caption: z.string().nullable(),
  family: z.string().nullable().optional(),
  line: z.number().int().nullable(),
  end_line: z.number().int().nullable().optional(),
  page: z.number().int().nullable(),
  rows: z.number().int().optional(),
  header_lines: z.array(z.number().int()).optional(),
  column_number_row: z.number().int().nullable().optional(),
  repeated_header_lines: z.array(z.number().int()).optional(),
  summary_rows: z.array(z.object({ line: z.number().int(), text: z.string() })).optional(),
  columns: z.array(Column),
});

export const Record = z.object({
  table: z.string(),
  line: z.number().int().nullable(),
  lines: z.array(z.number().int()).optional(),
  page: z.number().int().nullable(),
  code: z.string().nullable(),
  code_raw: z.string().nullable().optional(),
  code_source: z.enum(['document', 'completed', 'inferred']).nullable().optional(),
  /** how the code was found (src/model.ts CodeReason) */
  code_reason: z.enum(['printed', 'legacy_printed', 'prefix_from_context', 'digit_restored_by_name', 'ocr_digit_by_name', 'sub_from_name', 'repeated_code_by_name', 'position', 'header_block', 'name_match', 'nomenclature_match']).nullable().optional(),
  code_similarity: z.number().optional(),
  code_system: z.enum(['kepmendagri', 'permendagri-13']).optional(),
  code_note: z.string().optional(),
  account: z.string().optional(),
  account_level: z.enum(['akun', 'kelompok', 'jenis', 'objek', 'rincian_objek', 'sub_rincian_objek']).nullable().optional(),
  level: z.enum(LEVELS),
  row_kind: z.enum(['data', 'total', 'heading']).optional(),
  row_no: z.string().nullable().optional(),
  name: z.string(),
  canonical_name: z.string().optional(),
  indicator: z.string().nullable().optional(),
  texts: z.record(z.string(), z.string()).optional(),
  values: z.array(Value),
  duplicate_of: z.number().int().nullable().optional(),
  notes: z.array(z.string()).optional(),
});

export const Warning = z.object({
  type: z.string(),
  /** document: the document disagrees with itself; extraction: what was read is in doubt (src/emit/severity.ts) */
  severity: z.enum(['document', 'extraction']).optional(),
  table: z.string().nullable().optional(),
  line: z.number().int().nullable().optional(),
  page: z.number().int().nullable().optional(),
  code: z.string().nullable().optional(),
  message: z.string(),
  /** a figure check's printed figure, and what the check expected */
  printed: z.number().optional(),
  expected: z.number().nullable().optional(),
});

export const OutputDocument = z.object({
  schema_version: z.literal(1),
  status: z.enum(['ok', 'failed']).optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  extractor: z.object({ name: z.string(), version: z.string(), fingerprint: z.string().optional() }).optional(),
  source: z.object({
    file: z.string(),
    sha256: z.string().nullable(),
    format: z.enum(['text', 'pdf', 'pdf-ocr', 'html', 'hocr', 'alto']),
    pages: z.number().int().nullable(),
    ocr: z.object({
      engine: z.string(),
      languages: z.string(),
      pages: z.array(z.object({ page: z.number().int(), rotation: z.number(), skew: z.number(), dpi: z.number(), words: z.number().int(), mean_confidence: z.number() })),
      text_layers: z.array(z.object({ page: z.number().int(), text: z.enum(['layer', 'ocr']), sampled: z.number().int(), agreeing: z.number().int() })).optional(),
    }).optional(),
  }).passthrough(),
  document: z.object({
    kind: z.enum([
      'renja', 'rancangan_renja', 'renja_perubahan', 'renstra', 'lkjip', 'rka', 'dpa', 'rfk', 'evaluasi_renja',
      'perjanjian_kinerja', 'rkpd', 'unknown',
    ]).nullable(),
    agency: z.string().nullable(),
    region: z.object({
      type: z.enum(['kota', 'kabupaten', 'provinsi']).nullable(),
      name: z.string().nullable(),
      province: z.string().nullable(),
    }).nullable(),
    year: z.number().int().nullable(),
    period: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
    /** the part of the year a periodic report (RFK, Renja evaluation) covers: `{ month: 12 }`, `{ quarter: 4 }` */
    covers: z.object({
      month: z.number().int().min(1).max(12).optional(),
      quarter: z.number().int().min(1).max(4).optional(),
      semester: z.number().int().min(1).max(2).optional(),
    }).nullable().optional(),
    /** why a field is null (or the kind unknown), by field */
    unknown_because: z.partialRecord(z.enum(['kind', 'agency', 'region', 'year', 'period', 'covers']), z.string()).optional(),
    /** the numbering its codes follow: Kepmendagri (2020 on) or Permendagri 13/2006 */
    code_system: z.enum(['kepmendagri', 'permendagri-13']).optional(),
    /** the nomenclature revision its codes were read against */
    nomenclature: z.string().nullable().optional(),
    /** the bidang its codes are of, and what told them */
    bidang: z.array(z.object({ code: z.string(), name: z.string(), source: z.enum(['codes', 'agency', 'names']) })).optional(),
  }),
  tables: z.array(Table),
  records: z.array(Record),
  warnings: z.array(Warning),
});

export type OutputDocument = z.infer<typeof OutputDocument>;
export type OutputRecord = z.infer<typeof Record>;
export type OutputTable = z.infer<typeof Table>;
