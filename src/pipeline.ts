// The pipeline: load → layout → tables → rows → codes → emit. One function per stage,
// each taking the previous stage's typed output.

export { extractorInfo, failedOutput } from './emit/failed.js';

import { extname } from 'node:path';
import { OutputDocument, type OutputRecord, type OutputTable } from './emit/schema.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { layoutPages } from './layout/page.js';
import { ocrEngine, type OcrEngine } from './ocr/engine.js';
import { ocrPageSummary } from './ocr/words.js';
import { MARKUP_EXTENSIONS, TEXT_EXTENSIONS } from './load/formats.js';
import { decodeText, InputError, loadText } from './load/text.js';
import { detectMetadata, type DocumentMeta } from './metadata.js';
import { SOURCE_OF_REASON, type DocWarning, type LoadedDocument, type LogicalRow, type PartialCode, type TableBlock } from './model.js';
import { formatCode, type CodeContext } from './normalize/codes.js';
import { LATEST_REVISION, loadNomenclature } from './nomenclature/index.js';
import { attachAccounts } from './resolve/accounts.js';
import { checkCodes, rereadOcrDigits } from './resolve/check.js';
import { inferCodes, kegiatanByPosition, resolveDocumentCodes, type TableRows } from './resolve/codes.js';
import { codeScope, detectCodeSystem, inBidangList, type CodeScope, type RowBidang } from './resolve/scope.js';
import { buildRows, markPageOverlapDuplicates, printedPartials } from './rows/build.js';
import { buildColumns, matchFamily } from './tables/families.js';
import { findTables } from './tables/find.js';
import { extractorInfo } from './emit/failed.js';
import { severityOf } from './emit/severity.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import { applyStatedMoneyUnits } from './normalize/tableUnits.js';
import { Tally } from './tally.js';
import { validate } from './validate/index.js';

/** What of a PDF is read, and how: chosen per run (`--pages`, `--password`, `--ocr`). */
export interface ReadChoices {
  /** PDF pages to read (1-based); all when absent */
  pages?: number[];
  /** the password of an encrypted PDF */
  password?: string;
  /** auto: OCR the pages without a usable text layer (and check scanners' layers); never; always: every page */
  ocr?: 'auto' | 'never' | 'always';
}

export interface ExtractOptions extends ReadChoices {
  settings?: Settings;
  /** told a PDF's page count once its text layer is read, and how many of its pages need OCR */
  onPages?: (pages: number, ocrPages: number) => void;
  /** checked between stages, and between a PDF's pages as they are read and read by OCR */
  signal?: AbortSignal;
}

export { INPUT_EXTENSIONS, TEXT_EXTENSIONS } from './load/formats.js';

/** Load an input by its extension; `bytes` when the caller has already read the file. */
export async function loadDocument(path: string, bytes?: Buffer, o: ExtractOptions = {}): Promise<LoadedDocument> {
  const ext = extname(path).toLowerCase();
  if (TEXT_EXTENSIONS.has(ext)) return loadText(path, bytes);
  if (ext === '.pdf') return loadPdf(path, bytes, o);
  if (MARKUP_EXTENSIONS.has(ext)) return loadMarkup(path, bytes ?? await readFile(path), o);
  throw new InputError(`unsupported input type '${ext || '(none)'}' (expected .txt, .md, .pdf, .html, .xhtml, .hocr or ALTO .xml)`, 'unsupported');
}

/** The thread's OCR engine for the settings' languages, started when first asked for; none under `--ocr never`. */
function engineFor(o: ExtractOptions, settings: Settings): (() => OcrEngine) | undefined {
  return o.ocr === 'never' ? undefined : () => ocrEngine(settings.ocr.languages);
}

/** HTML or XHTML (tables), or OCR made elsewhere (hOCR, ALTO): told apart by what the file holds. */
async function loadMarkup(path: string, buf: Buffer, o: ExtractOptions): Promise<LoadedDocument> {
  const settings = o.settings ?? DEFAULT_SETTINGS;
  const { parseXml } = await import('./load/xml.js');
  const root = parseXml(decodeText(buf).text, 'HTML/XML');
  const { loadOcrXml, ocrXmlPages } = await import('./load/ocrXml.js');
  const ocr = ocrXmlPages(root, settings.ocr.external_dpi);
  if (ocr) return loadOcrXml(path, buf, ocr, settings, engineFor(o, settings));
  if (extname(path).toLowerCase() === '.xml') throw new InputError('an XML file that is neither hOCR nor ALTO', 'unsupported');
  const { loadHtml } = await import('./load/html.js');
  return loadHtml(path, buf, root);
}

/**
 * A PDF: its pages laid out into the lines the text loader would give. Pages without a usable
 * text layer are read by OCR; the document is `pdf-ocr` when every page was, `pdf` otherwise.
 */
async function loadPdf(path: string, bytes: Buffer | undefined, o: ExtractOptions): Promise<LoadedDocument> {
  const buf = bytes ?? await readFile(path);
  const file = basename(path);
  const settings = o.settings ?? DEFAULT_SETTINGS;
  // pdf.js is loaded for PDFs only: a text conversion does not wait for it
  const { readPdf } = await import('./load/pdf.js');
  const pages = await readPdf(new Uint8Array(buf), file, {
    ocr: engineFor(o, settings), ocrAll: o.ocr === 'always', pages: o.pages, password: o.password,
    limits: settings.limits, onPages: o.onPages, thinFill: settings.layout.thin_fill_pt, ocrSettings: settings.ocr, signal: o.signal,
  });
  const lines = layoutPages(pages, settings.layout);
  const scanned = pages.filter((p) => p.ocr);
  const warnings: DocWarning[] = [];
  for (const p of pages) {
    for (const w of p.warnings) warnings.push({ ...w, page: p.number });
    if (p.items.length === 0) warnings.push({ type: 'page_without_text', page: p.number, message: `page ${p.number} has no text${p.ocr ? ', and OCR found none (blank, black or an image without words)' : ''}` });
  }
  const doc: LoadedDocument = {
    file, path, sha256: createHash('sha256').update(buf).digest('hex'),
    format: scanned.length && scanned.length === pages.length ? 'pdf-ocr' : 'pdf', pages: pages.length, lines, warnings,
  };
  const layered = pages.filter((p) => p.layer);
  if (scanned.length || layered.length) {
    doc.ocr = {
      engine: 'tesseract.js', languages: ocrEngine(settings.ocr.languages).languages,
      pages: scanned.map(ocrPageSummary),
      // scans with their own text layer: which pages were read by it, and which by OCR instead
      text_layers: layered.map((p) => ({ page: p.number, text: p.layer!.used ? 'layer' as const : 'ocr' as const, sampled: p.layer!.sampled, agreeing: p.layer!.agreeing })),
    };
  }
  return doc;
}

export interface Extraction {
  meta: DocumentMeta;
  scope: CodeScope;
  tables: TableBlock[];
  rows: TableRows[];
  summaries: Map<string, { line: number; text: string }[]>;
  warnings: DocWarning[];
  /** code → its name in the nomenclature, else the name the document prints most often for it */
  canonical: Map<string, string>;
}

// one column names the whole tree (`Program/Kegiatan/Sub Kegiatan`), not separate Program, Kegiatan, Sub Kegiatan columns
const PROGRAM_HEADER = /\bprogram\s*\/\s*kegiatan/i;

/**
 * The urusan.bidang a partial code prints (`1⇥03⇥01`; `03⇥01` when only one urusan has bidang
 * 03). Where several have it (`06`: 1.06 sosial, 5.06 perbatasan) the one whose code, completed,
 * the nomenclature knows; still several, an urusan pemerintahan (1–3) before the supporting
 * units (4–8) that reuse their bidang numbers.
 */
function printedBidang(p: PartialCode): string | null {
  if (!p.bidang || p.ghost || p.program === null) return null;
  if (p.urusan) return `${p.urusan}.${p.bidang}`;
  const n = loadNomenclature(LATEST_REVISION);
  const options = n.bidangs().map((b) => b.code).filter((c) => c.endsWith(`.${p.bidang}`));
  const rest = formatCode({ urusan: '0', bidang: p.bidang, program: p.program, kegiatanType: p.kegiatanType, kegiatan: p.kegiatan, sub: p.sub })!.slice(1);
  const known = options.filter((b) => n.has(b.split('.')[0] + rest));
  const pool = known.length ? known : options;
  return pool.find((b) => Number(b.split('.')[0]) <= URUSAN_PEMERINTAHAN) ?? pool[0] ?? null;
}

/**
 * The bidang the rows' code cells print: with their urusan where any row prints one; only where
 * none does (an urusan cell OCR lost), the bidang numbers alone (`02⇥2.01` may as well be a
 * program 02 under a bidang printed above).
 */
function partialBidangs(rows: { partial: PartialCode | null; codeRaw: string | null }[]): RowBidang[] {
  const withPartial = rows.filter((r): r is { partial: PartialCode; codeRaw: string | null } => r.partial !== null);
  const withUrusan = withPartial.filter((r) => r.partial.urusan !== null);
  return (withUrusan.length ? withUrusan : withPartial)
    .map((r) => ({ bidang: printedBidang(r.partial), printed: r.codeRaw ?? '' }))
    .filter((b): b is RowBidang => b.bidang !== null);
}

// urusan 1–3 are the urusan pemerintahan; 4–8 supporting units whose bidang numbers repeat theirs
const URUSAN_PEMERINTAHAN = 3;

/** Tables, rows and codes of a loaded document. */
export function extractTables(doc: LoadedDocument, settings: Settings = DEFAULT_SETTINGS): Extraction {
  const meta = detectMetadata(doc.lines);
  const tables = findTables(doc.lines, settings.layout);
  for (const t of tables) {
    const family = matchFamily(t);
    t.family = family?.id ?? null;
    t.columns = buildColumns(t, family, meta.year);
    t.textBeforeValues = family?.textBeforeValues ?? null;
  }
  const summaries = new Map<string, { line: number; text: string }[]>();
  const build = (prefix: CodeContext): TableRows[] => tables.map((t) => {
    const built = buildRows(t, prefix);
    summaries.set(t.id, built.summaries);
    return { id: t.id, rows: built.rows, programHeader: PROGRAM_HEADER.test([t.caption ?? '', ...t.headerLines.map((h) => h.text)].join(' ')) };
  });
  const year = meta.year ?? meta.period?.start ?? null;
  const system = detectCodeSystem(doc.lines, year);
  // the rows as read before the document's bidang is known: built when first needed
  let unprefixed: TableRows[] | null = null;
  const firstRows = () => (unprefixed ??= build({ system }));
  const ocrPages: ReadonlySet<number> = new Set(doc.ocr?.pages.map((p) => p.page) ?? []);
  const scope = codeScope({
    lines: doc.lines, year, agency: meta.agency, clearLead: settings.codes.clear_lead,
    rowNames: () => firstRows().flatMap((t) => t.rows).filter((r) => r.kind === 'data' && r.name.split(/\s+/).length >= 2).map((r) => r.name),
    // the codes alone, without assembling rows that are built again once the bidang is known
    rowCodes: partialBidangs(system === 'kepmendagri' ? tables.flatMap((t) => printedPartials(t, { system })) : firstRows().flatMap((t) => t.rows)),
  });
  let rows: TableRows[];
  const allRows = () => rows.flatMap((t) => t.rows);
  if (system === 'kepmendagri') {
    // the rows with the document's main bidang as the prefix of codes printed without it
    const main = scope.bidangs[0]?.code.split('.');
    const prefix: CodeContext = main ? { system, urusan: main[0], bidang: main[1] } : { system };
    rows = main ? build(prefix) : firstRows();
    const index = resolveDocumentCodes(rows, prefix, scope.names, settings.codes, ocrPages);
    rereadOcrDigits(allRows(), scope, settings.codes, ocrPages);
    inferCodes(rows, index, scope.names, (code) => inBidangList(code, scope), settings.codes, ocrPages);
    kegiatanByPosition(rows);
  } else rows = firstRows();
  attachAccounts(rows, doc.lines);
  for (const t of rows) markPageOverlapDuplicates(t.rows);
  const known = checkCodes(allRows(), scope, settings.codes);
  const checked = validate(doc.lines, tables, rows.map((r) => r.rows), meta, settings);
  const unitWarnings = applyStatedMoneyUnits(tables, rows.map((t) => t.rows), settings.figures.max_plausible_rupiah);
  const warnings = [...doc.warnings, ...collectWarnings(tables, rows, unitWarnings), ...checked.warnings];
  const canonical = new Map([...checked.canonical, ...known]);
  return { meta, scope, tables, rows, summaries, warnings, canonical };
}

function collectWarnings(tables: TableBlock[], rows: TableRows[], unitWarnings: DocWarning[][]): DocWarning[] {
  const out: DocWarning[] = [];
  if (tables.length === 0) out.push({ type: 'no_tables', message: 'no tables found in the document' });
  tables.forEach((t, i) => {
    const rs = rows[i].rows;
    out.push(...t.warnings);
    if (rs.length === 0) out.push({ type: 'empty_table', table: t.id, line: t.line, message: `table ${t.label ?? t.id} at line ${t.line} has a header but no rows` });
    out.push(...unitWarnings[i]);
    for (const r of rs) {
      for (const issue of r.codeIssues) out.push({ type: issue.type, table: t.id, line: r.line, code: r.code, message: issue.message });
      if (r.duplicateOf) out.push({ type: 'duplicate_row', table: t.id, line: r.line, code: r.code, message: `row repeats line ${r.duplicateOf} (page overlap); marked duplicate_of` });
    }
  });
  return out;
}

function tableOut(t: TableBlock, rows: LogicalRow[], summaries: { line: number; text: string }[]): OutputTable {
  return {
    id: t.id,
    label: t.label,
    caption: t.caption,
    family: t.family,
    line: t.page === null ? t.line : null,
    end_line: t.page === null ? t.endLine : null,
    page: t.page,
    rows: rows.length,
    header_lines: t.headerLines.map((h) => h.line),
    column_number_row: t.numberRow?.line ?? null,
    repeated_header_lines: t.repeatedHeaderLines,
    summary_rows: summaries,
    columns: t.columns.map((c) => ({
      key: c.key, label: c.label, role: c.role, kind: c.kind, measure: c.measure, year: c.year, unit: c.unit,
      ...(c.formula ? { formula: c.formula } : {}), ...(c.group ? { group: c.group } : {}),
    })),
  };
}

/** A value's place: its line in a text input; in a PDF its page (a row may run on to the next page). */
function valueOut(v: LogicalRow['values'][number], doc: LoadedDocument): OutputRecord['values'][number] {
  if (doc.format === 'text' || v.line === undefined) return { ...v };
  const { line, ...rest } = v;
  return { ...rest, page: doc.lines[line - 1]?.page ?? null };
}

function recordOut(r: LogicalRow, canonical: Map<string, string>, doc: LoadedDocument): OutputRecord {
  const rec: OutputRecord = {
    table: r.table,
    line: r.page === null ? r.line : null,
    lines: r.lines,
    page: r.page,
    code: r.code,
    code_raw: r.codeRaw,
    code_source: r.code && r.codeReason ? SOURCE_OF_REASON[r.codeReason] : null,
    code_reason: r.code ? r.codeReason : null,
    ...(r.code && r.codeSimilarity !== null ? { code_similarity: r.codeSimilarity } : {}),
    ...(r.code ? { code_system: r.codeReason === 'legacy_printed' ? 'permendagri-13' as const : 'kepmendagri' as const } : {}),
    ...(r.account ? { account: r.account, account_level: r.accountLevel } : {}),
    level: r.level,
    row_kind: r.kind,
    row_no: r.rowNo,
    name: r.name,
    ...(r.code && canonical.has(r.code) ? { canonical_name: canonical.get(r.code) } : {}),
    indicator: r.indicator,
    texts: r.texts,
    values: r.values.map((v) => valueOut(v, doc)),
    duplicate_of: r.duplicateOf,
  };
  if (r.codeNote) rec.code_note = r.codeNote;
  if (r.notes.length) rec.notes = r.notes;
  return rec;
}

/** A warning's place: its line in a text input, its page in a PDF (running line numbers mean nothing to a reader). */
function where(doc: LoadedDocument, w: DocWarning): { line: number | null; page: number | null } {
  if (doc.format === 'text') return { line: w.line ?? null, page: w.page ?? null };
  const page = w.page ?? (w.line ? doc.lines[w.line - 1]?.page ?? null : null);
  return { line: null, page };
}

/** The output document of one input, validated against the contract schema. */
export function toOutput(doc: LoadedDocument, x: Extraction, settings: Settings = DEFAULT_SETTINGS): OutputDocument {
  const out: OutputDocument = {
    schema_version: 1,
    status: 'ok',
    extractor: extractorInfo(settings),
    source: { file: doc.file, sha256: doc.sha256, format: doc.format, pages: doc.pages, ...(doc.ocr ? { ocr: doc.ocr } : {}) },
    document: {
      kind: x.meta.kind,
      agency: x.meta.agency,
      region: x.meta.region,
      year: x.meta.year,
      period: x.meta.period,
      covers: x.meta.covers,
      unknown_because: x.meta.unknown_because,
      code_system: x.scope.system,
      nomenclature: x.scope.revision,
      bidang: x.scope.bidangs,
    },
    tables: x.tables.map((t, i) => tableOut(t, x.rows[i].rows, x.summaries.get(t.id) ?? [])),
    records: x.rows.flatMap((t) => t.rows.map((r) => recordOut(r, x.canonical, doc))),
    warnings: x.warnings.map((w) => ({
      type: w.type, severity: severityOf(w.type), table: w.table ?? null, ...where(doc, w), code: w.code ?? null, message: w.message,
      ...(w.printed !== undefined ? { printed: w.printed, expected: w.expected } : {}),
    })),
  };
  return OutputDocument.parse(out);
}

export async function extractFile(path: string, bytes?: Buffer, o: ExtractOptions = {}): Promise<OutputDocument> {
  const doc = await loadDocument(path, bytes, o);
  o.signal?.throwIfAborted();
  const x = extractTables(doc, o.settings);
  o.signal?.throwIfAborted();
  return toOutput(doc, x, o.settings);
}
