// The typed model passed between stages: load → layout → tables → rows → normalize → emit.
// Every piece keeps where it came from (file, line or page, raw text).

export type Level = 'urusan' | 'bidang' | 'program' | 'kegiatan' | 'sub_kegiatan' | 'akun' | 'total' | 'other';

/** The levels of a Kepmendagri code, outermost first. */
export const HIERARCHY: Level[] = ['urusan', 'bidang', 'program', 'kegiatan', 'sub_kegiatan'];

/** Inline markup seen in a cell; kept as a hint, never trusted as a level signal. */
export interface MarkupHint {
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

/** One cell of a physical line, with markup stripped from `text`. */
export interface Cell {
  index: number;
  text: string;
  raw: string;
  markup: MarkupHint;
  /** OCR only: the lowest word confidence in the cell (0–100), and what OCR read when it was corrected */
  confidence?: number;
  ocrText?: string;
  /** PDF only: where the cell is (points, y downward from the top of the page) */
  box?: CellBox;
}

/** A cell's place on a PDF page: page number and box in points, y downward from the top. */
export interface CellBox {
  page: number;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** One physical line of the source (text input) or one visual line of a page (PDF input). */
export interface LayoutLine {
  line: number; // 1-based source line (text input) or running line number (PDF input)
  page: number | null;
  text: string; // markup stripped, cells joined by TAB
  cells: Cell[];
  blank: boolean;
  /** markdown separator row like `---⇥---` or `|---|---|` */
  separator: boolean;
}

export interface LoadedDocument {
  file: string;
  path: string;
  sha256: string;
  format: 'text' | 'pdf' | 'pdf-ocr' | 'html' | 'hocr' | 'alto';
  pages: number | null;
  lines: LayoutLine[];
  warnings: DocWarning[];
  /** scanned pages read by OCR, and with what */
  ocr?: {
    engine: string;
    languages: string;
    pages: { page: number; rotation: number; skew: number; dpi: number; words: number; mean_confidence: number }[];
    /** scans with their own text layer: `text` says what the page was read by; `sampled` layer words were read again from the image, `agreeing` of them alike */
    text_layers: { page: number; text: 'layer' | 'ocr'; sampled: number; agreeing: number }[];
  };
}

/** What a column means, from its header through a table family (pipelines/). */
export type ValueKind = 'money' | 'percent' | 'count' | 'quantity' | 'text' | 'any';
export type ColumnRole = 'rowno' | 'code' | 'name' | 'indicator' | 'text' | 'value';

export interface ColumnSpec {
  key: string;
  label: string;
  role: ColumnRole;
  kind: ValueKind;
  measure: string | null; // target | realisasi | pagu | anggaran | capaian | ...
  year: number | null;
  unit: string | null;
  /** formula declared in the column-number row, e.g. "(7/6)" */
  formula?: string | null;
  group?: string | null; // e.g. "sebelum" / "sesudah"
  /** usually left empty in print (a formula column nobody fills): skipping it costs nothing */
  optional?: boolean;
}

export interface TableBlock {
  id: string;
  label: string | null;
  caption: string | null;
  family: string | null;
  line: number;
  page: number | null;
  endLine: number;
  headerLines: LayoutLine[];
  numberRow: LayoutLine | null;
  bodyLines: LayoutLine[]; // in order; repeated headers removed, blank lines kept
  repeatedHeaderLines: number[];
  columns: ColumnSpec[];
  /** text columns printed before the first value column (from the family) */
  textBeforeValues: number | null;
  /** a table of contents (`Bab I …..⇥3`): kept as a table, never read for codes or figures */
  toc: boolean;
  hasCodeColumn: boolean;
  /** PDF input: each grid column's label, from the header cells over it (src/tables/grid.ts) */
  gridLabels?: string[];
  warnings: DocWarning[];
}

export interface ParsedValue {
  column: string;
  raw: string;
  value: number | null;
  unit: string | null;
  /** the figure was joined, cleaned or chosen among readings (see `note`, and `proof` when arithmetic decided) */
  repaired?: boolean;
  /** the printed digits are not a well-formed figure and nothing proved a reading: `value` is null */
  malformed?: boolean;
  note?: string;
  /** the arithmetic that chose or confirmed `value` (a sum of children, a row formula, another table) */
  proof?: string;
  /** other readings a validator may choose between (e.g. a split value) */
  candidates?: number[];
  line?: number;
  /** PDF only: where the figure is printed, [x0, top, x1, bottom] in points, y downward (page in the output) */
  bbox?: [number, number, number, number];
  /** OCR only: the cell's lowest word confidence, and whether it is below the trusted level */
  confidence?: number;
  low_confidence?: boolean;
}

/** A code as far as the printed cells tell it; unknown parts are null. */
export interface PartialCode {
  urusan: string | null;
  bidang: string | null;
  program: string | null;
  kegiatanType: string | null; // the "2" of 2.01 (kab/kota) or "1" (provinsi)
  kegiatan: string | null;
  sub: string | null;
  /** fields present in print, from the first to the last (e.g. program..sub) */
  first: number;
  last: number;
  /** parts lost in print: kegiatan digit cut off, sub truncated */
  truncated: ('kegiatan' | 'sub')[];
  /** fields printed with one digit for two (`2.1.1` for 2.01.01): outline numbering more often than a code */
  padded: number;
  /** each field's digits as printed, truncated or unpadded (`1` for a bidang 1x that lost a digit) */
  printed: (string | null)[];
  rowNo: string | null;
  raw: string;
  ghost: boolean;
  /** digits whose stops were lost cut into fields by their widths (`0120101`): a reading, not a print */
  regrouped?: boolean;
}

/**
 * How a record's code was found, as a reason later stages and users can act on (never prose to
 * be matched): printed whole; completed from what the document prints around it; or inferred
 * from the row's name.
 */
export type CodeReason =
  | 'printed' // the whole code is printed in the row
  | 'legacy_printed' // a Permendagri 13/2006 code, kept as printed
  | 'prefix_from_context' // fields not printed, taken from the rows above or the document's bidang
  | 'digit_restored_by_name' // a kegiatan or sub-kegiatan number lost in print, from the name
  | 'ocr_digit_by_name' // OCR misread one digit: the code one digit away, of the document's bidang, that the nomenclature names as the row
  | 'sub_from_name' // the code stops at the kegiatan but the name is one of its sub-kegiatan
  | 'repeated_code_by_name' // the row repeats the code above under another name: the deeper fields from the name
  | 'position' // a kegiatan row above the first sub-kegiatan of a kegiatan with no row of its own
  | 'header_block' // the code of the table's header block (`Sub Kegiatan : 3.31.01.2.06.09 …`)
  | 'name_match' // no code printed: the name matches a code the document prints elsewhere
  | 'nomenclature_match'; // no code printed: the name matches the national nomenclature

export type CodeSource = 'document' | 'completed' | 'inferred';

export const SOURCE_OF_REASON: Record<CodeReason, CodeSource> = {
  printed: 'document',
  legacy_printed: 'document',
  prefix_from_context: 'completed',
  digit_restored_by_name: 'completed',
  ocr_digit_by_name: 'completed',
  sub_from_name: 'completed',
  repeated_code_by_name: 'completed',
  position: 'completed',
  header_block: 'completed',
  name_match: 'inferred',
  nomenclature_match: 'inferred',
};

/** A problem with a row's code, reported as a warning of that type. */
export interface CodeIssue {
  type: 'ghost_code' | 'code_unresolved' | 'code_not_inferred' | 'code_unknown' | 'code_name_mismatch' | 'code_level_mismatch' | 'not_a_code';
  message: string;
}

/** Levels of a budget account code (rekening), Permendagri 90/2019: `5` … `5.1.02.01.01.0024`. */
export type AccountLevel = 'akun' | 'kelompok' | 'jenis' | 'objek' | 'rincian_objek' | 'sub_rincian_objek';

export interface LogicalRow {
  table: string;
  line: number;
  lines: number[];
  page: number | null;
  rowNo: string | null;
  codeRaw: string | null;
  partial: PartialCode | null;
  code: string | null;
  /** how the code was found; null when the row has none */
  codeReason: CodeReason | null;
  /** the name similarity a code found by name rests on */
  codeSimilarity: number | null;
  /** what went wrong with the code: each becomes a warning */
  codeIssues: CodeIssue[];
  codeNote: string | null;
  /** a budget account (rekening) code printed in the row, and its level */
  account: string | null;
  accountLevel: AccountLevel | null;
  level: Level;
  name: string;
  indicator: string | null;
  texts: Record<string, string>;
  values: ParsedValue[];
  markup: MarkupHint;
  duplicateOf: number | null;
  kind: 'data' | 'total' | 'heading';
  notes: string[];
}

export interface DocWarning {
  type: string;
  table?: string | null;
  line?: number | null;
  page?: number | null;
  code?: string | null;
  message: string;
  /** a figure check's printed figure and the figure the check expected (sums, formulas) */
  printed?: number;
  expected?: number;
}
