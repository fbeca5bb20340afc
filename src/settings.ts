// Every limit, tolerance and threshold of the extractor in one validated object, each with a
// name and a reason (pdfplumber's table settings, Camelot's parameters). Stages read these,
// never bare numbers. Overrides come from the API or `--settings file.json`; the schema is
// strict, so a misspelt key is an error at load time instead of a setting silently ignored.

import { readFileSync } from 'node:fs';
import { z } from 'zod';

const positive = z.number().positive();

export const Limits = z.object({
  /** a PDF with more pages is refused (archives hold a few 1,000-page scans merged by mistake) */
  max_pages: z.number().int().positive().default(2000),
  /**
   * largest embedded image, in pixels, that is decoded when a page is drawn for OCR; a bigger
   * one is left out with a warning. 70 M pixels holds an A3 page scanned at 600 dpi; a
   * 20000×20000 image (400 M pixels, 1.6 GB as RGBA) that compresses to 1 MB does not.
   */
  max_image_pixels: z.number().int().positive().default(70_000_000),
  /** largest canvas a page is drawn on for OCR; a larger page is drawn at a lower resolution */
  max_canvas_pixels: z.number().int().positive().default(40_000_000),
  /**
   * ruling segments read from one page; beyond this the page's drawing is not a table grid
   * (a chart, a map, a hostile file) and the rest are ignored with a warning
   */
  max_rules_per_page: z.number().int().positive().default(20_000),
  /** seconds every file may take, whatever its size (reading, layout, writing) */
  timeout_base_s: positive.default(60),
  /** seconds more per page of a PDF with a text layer: the pipeline reads 20+ pages a second */
  timeout_per_page_s: positive.default(1.5),
  /**
   * seconds more per page read by OCR: 5–20 s a page here; a dense landscape table of small
   * type (an RFK of 17 columns, 2,000 words) takes 80 s on one core, more on a loaded machine
   */
  timeout_per_ocr_page_s: positive.default(180),
  /** heap limit of one worker thread (MB): a file that needs more fails alone, the batch goes on */
  worker_heap_mb: z.number().int().positive().default(2048),
  /**
   * files a batch's worker threads extract before they are replaced by fresh ones: what a long
   * batch accumulates in a thread (memos at their bound, pdf.js and V8 caches, a fragmented heap)
   * goes with it. A fresh thread costs some 2.5 s of CPU before it runs at full speed (modules, the
   * name index, code not yet optimised; measured 2026-12-02): 500 files of text (0.15 s each) pay
   * 3 % for it, of PDFs (0.8 s) under 1 %; a thread's RSS still grew, slowly, at 500 files
   */
  worker_max_files: z.number().int().positive().default(500),
  /** heap (MB) a worker thread may still hold after a file before it is replaced, well under worker_heap_mb */
  worker_max_heap_mb: z.number().int().positive().default(1024),
}).strict();
export type Limits = z.infer<typeof Limits>;

/**
 * How a PDF page's text items and drawings become lines and cells. Distances are in glyph sizes
 * (the font size of the text concerned), so they hold for 6-point tables and 12-point prose
 * alike; the few in points are about drawings.
 */
export const Layout = z.object({
  /** items whose baselines differ by less than this many glyph sizes are one visual line */
  baseline_tolerance: positive.default(0.5),
  /** items closer than this join into one run of text (and never across a vertical rule) */
  run_join_gap: positive.default(0.6),
  /** an item overlapping the run before it by more than this is another cell's text printed over it */
  run_overlap_split: positive.default(0.5),
  /** within a run, a gap wider than this is a space between words */
  word_space_gap: positive.default(0.15),
  /** vertical rules closer than this (points) are one border */
  rule_snap_pt: positive.default(2),
  /** a line's glyphs are crossed by a border at this many glyph sizes above its baseline */
  rule_cross_height: positive.default(0.35),
  /** a filled box thinner than this (points) is a ruling line, as Excel and browsers print cell borders */
  thin_fill_pt: positive.default(3),
  /** vertical rules that must cross a line for it to be read by the lattice strategy */
  lattice_min_borders: z.number().int().min(2).default(3),
  /** in a table without rules, a gap wider than this separates two cells (stream strategy) */
  stream_cell_gap: positive.default(1.0),
  /** a borderless line is the wrapped part of the row above when it starts within this below it */
  stream_row_join: positive.default(1.2),
  /** a borderless line with at least this many cells sets the columns of the lines below */
  stream_min_columns: z.number().int().min(2).default(3),
  /**
   * horizontal rules of one width stacked at least this many times make a table whose rows are
   * ruled (top, under the header, between rows): the lines between two of them are one row,
   * even without vertical rules. Fewer (a top, header and bottom rule only) rule no rows.
   */
  ruled_rows_min_rules: z.number().int().min(3).default(4),
  /**
   * a horizontal rule between two lines of such a table that spans this share of their width
   * separates them, though its ends fall short of the cells' (a scan erodes a rule's ends; OCR
   * reads a vertical rule beside the last cell as a `|` that widens it)
   */
  separator_min_span: z.number().min(0).max(1).default(0.9),
  /**
   * a ruled row holds one figure a cell, wrapped over a few lines at most; a band between two
   * rules whose column holds figures on more lines than this is a stack of rows whose rules the
   * page does not print (or a scan lost: hairline row borders fade to a light grey)
   */
  ruled_row_max_figure_lines: z.number().int().min(2).default(4),
  /** the share of a table's lines whose cells may spill over the gap between two columns without joining them */
  grid_spill_fraction: z.number().min(0).max(0.5).default(0.05),
  /** a grid column holding two cells of at least this share of its lines is split in two */
  grid_shared_fraction: z.number().min(0).max(1).default(0.2),
  /** vertical space of more than this between two lines that are not both table rows is a break */
  paragraph_gap: positive.default(0.9),
  /**
   * a line repeated at the top or bottom of at least this share of a PDF's pages (and of two at
   * least) is a running header or footer: page furniture, neither caption nor row
   */
  running_page_share: z.number().min(0).max(1).default(0.3),
  /** running headers and footers are looked for among this many lines at the top and the bottom of each page */
  running_edge_lines: z.number().int().min(1).default(3),
}).strict();
export type Layout = z.infer<typeof Layout>;

/** How a name decides a code: similarities are token F-scores, 0 to 1 (src/normalize/similarity.ts). */
export const CodeThresholds = z.object({
  /** a name this like a code's takes its code (inference, completion of lost digits) */
  accept: z.number().min(0).max(1).default(0.8),
  /** when the row's parent has one child of its level among the document's own codes */
  accept_only_child: z.number().min(0).max(1).default(0.4),
  /** when neither level nor parent narrows the search (a name matched against every code) */
  accept_any_level: z.number().min(0).max(1).default(0.85),
  /** two codes whose names score within this of each other are a tie: neither is taken */
  clear_lead: z.number().min(0).max(1).default(0.04),
  /** a row repeating the code above under a name less like it than this lost its deeper fields */
  other_name: z.number().min(0).max(1).default(0.6),
  /** a sub-kegiatan's name must beat its kegiatan's own by this to take its code */
  sub_lead: z.number().min(0).max(1).default(0.1),
  /** printed digits of fewer fields than this are too little to complete a code from */
  completion_min_fields: z.number().int().min(1).default(3),
  /** a code's digits read with its stops lost or misplaced (`022.0146` for 02.2.01.46) complete a code only from this many digits */
  completion_min_digits: z.number().int().min(1).default(6),
  /** a code read from this many printed fields or fewer (or printed one digit for two) is numbering… */
  weak_print_fields: z.number().int().min(1).default(2),
  /** …unless its name is at least this like the nomenclature's */
  weak_print_name: z.number().min(0).max(1).default(0.5),
  /** a printed name less like the nomenclature's than this is another name (code_name_mismatch)… */
  name_mismatch: z.number().min(0).max(1).default(0.5),
  /** …unless this share of its words lies inside the nomenclature's (a name cut short) */
  name_inside: z.number().min(0).max(1).default(0.8),
}).strict();
export type CodeThresholds = z.infer<typeof CodeThresholds>;

/** What figures may be. */
export const Figures = z.object({
  /**
   * the largest budget one table row can plausibly hold, in rupiah (a province's whole APBD is in
   * the tens of trillions): a header stating thousands over figures that, scaled, pass this is not
   * believed (the figures are full rupiah)
   */
  max_plausible_rupiah: positive.default(1e13),
  /**
   * a year column may lie this many years before the document's period (or year) — the base year
   * a Renstra starts from; a Renja for year n prints the realisation of n-2 and the estimate of
   * n-1 — and this many after (next year's prakiraan maju); further out it is a warning
   * (src/validate/years.ts)
   */
  years_before_period: z.number().int().min(0).default(2),
  years_after_period: z.number().int().min(0).default(1),
  /**
   * in a table of no known family, a percent column is the ratio of two money columns (realisation
   * over target) when it prints that ratio on at least this many rows (other than 0 % and 100 %)…
   */
  ratio_min_rows: z.number().int().min(2).default(3),
  /** …and on at least this share of the rows printing all three; the ratio then proves readings (src/validate/ratios.ts) */
  ratio_min_share: z.number().min(0).max(1).default(0.8),
  /**
   * an OCR figure one slip (a digit misread, a glyph too many) from what the ratio says is read so
   * only where the row's percent prints this many decimals: coarser, some slip fits by chance
   */
  ratio_fix_min_decimals: z.number().int().min(1).default(3),
  /** a `97.6972` is read as the decimal its column prints after a comma (`59,3152`) on this many rows */
  decimal_format_min_rows: z.number().int().min(1).default(2),
}).strict();
export type Figures = z.infer<typeof Figures>;

/** How scans are read. */
/** The languages OCR can read: the ones the bundled language data (and a KINERJA_TESSDATA folder) may hold. */
export const OCR_LANGUAGES = ['ind', 'eng'] as const;

export const Ocr = z.object({
  /**
   * the languages pages are read in, of those installed (`--ocr-lang ind+eng`). Indonesian and
   * English both by default: the documents print Indonesian with English loanwords and units;
   * figures are read again in English alone (its model reads a leading 7 that the Indonesian reads as 1)
   */
  languages: z.array(z.enum(OCR_LANGUAGES)).min(1).default([...OCR_LANGUAGES]),
  /** a scan with its own invisible text layer: this many of the layer's words are read again from the image… */
  layer_sample_words: z.number().int().positive().default(20),
  /** …and the layer is used when at least this share of them reads the same; else the page is read by OCR */
  layer_min_agreement: z.number().min(0).max(1).default(0.6),
  /** a layer with fewer checkable words than this is used unchecked (too few to judge) */
  layer_min_sample: z.number().int().positive().default(5),
  /**
   * an OCR figure read with less confidence than this (0–100) may hold a wrong digit: where one
   * digit changed makes its parent–children sum hold, that reading is taken (src/validate/proofread.ts)
   */
  doubt_confidence: z.number().min(0).max(100).default(93),
  /** hOCR or ALTO made elsewhere that states no resolution (ALTO in pixels, hOCR without scan_res): assumed dpi */
  external_dpi: z.number().positive().default(300),
}).strict();
export type Ocr = z.infer<typeof Ocr>;

export const Settings = z.object({
  limits: Limits.prefault({}),
  ocr: Ocr.prefault({}),
  figures: Figures.prefault({}),
  layout: Layout.prefault({}),
  codes: CodeThresholds.prefault({}),
}).strict();

export type Settings = z.infer<typeof Settings>;
export type SettingsInput = z.input<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/** Defaults with `overrides` on top; an unknown key or a wrong type throws with its path. */
export function resolveSettings(overrides: SettingsInput = {}): Settings {
  const parsed = Settings.safeParse(overrides);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SettingsError(`settings: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data;
}

export class SettingsError extends Error {}

/** A settings file (JSON) as given to `--settings`. */
export function loadSettingsFile(path: string): Settings {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new SettingsError(`settings file ${path}: ${(err as Error).message}`);
  }
  return resolveSettings(json as SettingsInput);
}

/** Seconds a file may take: the base, plus a share per page and per OCR page once they are known. */
export function fileTimeBudget(limits: Settings['limits'], pages = 0, ocrPages = 0): number {
  return limits.timeout_base_s + pages * limits.timeout_per_page_s + ocrPages * limits.timeout_per_ocr_page_s;
}
