// One document's page: what it is, the tables found (family, records), the warnings grouped by
// severity and type (each with its table, code, printed and expected figures, and a link to its
// page of the PDF), and each table's records as a sortable table.

import type { OutputDocument, OutputRecord, OutputTable } from '../emit/schema.js';
import { severityOf } from '../emit/severity.js';
import { groupBy } from '../groupBy.js';
import { both, esc, figure, numberCell, page, table, type Cell } from './html.js';

type Warning = OutputDocument['warnings'][number];

export interface DocumentLinks {
  /** the source PDF from the report's docs/ folder, or null when it is not at hand */
  pdf: string | null;
}

/** `file.pdf#page=N`: the PDF at the page (a viewer opens it there), or the page number alone. */
function pageLink(links: DocumentLinks, pageNo: number | null | undefined): string {
  if (!pageNo) return '';
  return links.pdf ? `<a href="${esc(links.pdf)}#page=${pageNo}">${both('hlm.', 'p.')} ${pageNo}</a>` : `${both('hlm.', 'p.')} ${pageNo}`;
}

export function documentTitle(doc: OutputDocument): string {
  const d = doc.document;
  const region = d.region ? `${d.region.type} ${d.region.name}` : null;
  return [d.kind, region, d.agency, d.year ?? (d.period ? `${d.period.start}–${d.period.end}` : null)].filter(Boolean).join(' · ') || doc.source.file;
}

function summary(doc: OutputDocument, links: DocumentLinks): string {
  const d = doc.document;
  const rows: [string, string][] = [
    [both('Jenis dokumen', 'Kind'), esc(d.kind ?? '—')],
    [both('Daerah', 'Region'), esc(d.region ? `${d.region.type} ${d.region.name}${d.region.province ? ` (${d.region.province})` : ''}` : '—')],
    [both('Perangkat daerah', 'Agency'), esc(d.agency ?? '—')],
    [both('Tahun', 'Year'), esc(d.year ?? '—')],
    [both('Periode', 'Period'), esc(d.period ? `${d.period.start}–${d.period.end}` : '—')],
    [both('Berkas sumber', 'Source file'), links.pdf ? `<a href="${esc(links.pdf)}">${esc(doc.source.file)}</a>` : esc(doc.source.file)],
    [both('Format', 'Format'), esc(`${doc.source.format}${doc.source.pages ? `, ${doc.source.pages} ${doc.source.pages > 1 ? 'pages' : 'page'}` : ''}`)],
  ];
  return `<dl class="summary">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function tablesSection(doc: OutputDocument, links: DocumentLinks): string {
  const count = new Map<string, number>();
  for (const r of doc.records) count.set(r.table, (count.get(r.table) ?? 0) + 1);
  const rows: Cell[][] = doc.tables.map((t) => [
    `<a href="#${esc(t.id)}">${esc(t.id)}</a>`, esc(t.label ?? ''), esc(t.family ?? '—'), pageLink(links, t.page), numberCell(count.get(t.id) ?? 0),
  ]);
  return `<h2>${both('Tabel', 'Tables')} (${doc.tables.length})</h2>\n${table([both('Tabel', 'Table'), both('Label', 'Label'), both('Keluarga', 'Family'), both('Halaman', 'Page'), both('Baris', 'Records')], rows)}`;
}

const SEVERITY_TITLE = {
  document: both('Ketidaksesuaian dalam dokumen', 'Inconsistencies in the document'),
  extraction: both('Keraguan ekstraksi', 'Extraction doubts'),
} as const;

function warningItem(w: Warning, links: DocumentLinks): string {
  const figures = w.printed !== undefined ? ` <span class="figs">${both('tercetak', 'printed')} ${figure(w.printed)} · ${both('seharusnya', 'expected')} ${figure(w.expected)}</span>` : '';
  const where = [w.table ? `<a href="#${esc(w.table)}">${esc(w.table)}</a>` : '', w.code ? `<code>${esc(w.code)}</code>` : '', pageLink(links, w.page), w.line ? `l.${w.line}` : ''].filter(Boolean).join(' · ');
  return `<li><span class="where">${where}</span>${figures}<div class="msg">${esc(w.message)}</div></li>`;
}

function warningsSection(doc: OutputDocument, links: DocumentLinks): string {
  const parts: string[] = [`<h2>${both('Peringatan', 'Warnings')} (${doc.warnings.length})</h2>`];
  for (const severity of ['document', 'extraction'] as const) {
    const mine = doc.warnings.filter((w) => (w.severity ?? severityOf(w.type)) === severity);
    parts.push(`<h3 class="sev-${severity}">${SEVERITY_TITLE[severity]} (${mine.length})</h3>`);
    const byType = groupBy(mine, (w) => w.type);
    for (const [type, ws] of [...byType].sort((a, b) => b[1].length - a[1].length)) {
      parts.push(`<details class="warnings" data-type="${esc(type)}"><summary><code>${esc(type)}</code> (${ws.length})</summary><ul>${ws.map((w) => warningItem(w, links)).join('\n')}</ul></details>`);
    }
  }
  return parts.join('\n');
}

function recordsSection(t: OutputTable, records: OutputRecord[], links: DocumentLinks): string {
  const valueCols = t.columns.filter((c) => c.role === 'value' || records.some((r) => r.values.some((v) => v.column === c.key)));
  const headers = [both('Hlm.', 'Page'), both('Kode', 'Code'), both('Tingkat', 'Level'), both('Nama', 'Name'), both('Indikator', 'Indicator'), ...valueCols.map((c) => esc(c.label))];
  const rows: Cell[][] = records.map((r) => [
    pageLink(links, r.page) || (r.line ? `l.${r.line}` : ''),
    r.code ? `<code>${esc(r.code)}</code>${r.code_source && r.code_source !== 'document' ? ` <small>(${esc(r.code_source)})</small>` : ''}` : '',
    esc(r.level),
    esc(r.name),
    esc(r.indicator ?? ''),
    ...valueCols.map((c) => {
      const v = r.values.find((x) => x.column === c.key);
      if (!v) return '';
      if (v.value === null) return esc(v.raw);
      const cell = numberCell(v.value) as { html: string; sort: number };
      const flags = [v.repaired ? 'repaired' : '', v.low_confidence ? 'low' : ''].filter(Boolean).join(' ');
      return { html: `<span class="${flags}" title="${esc(v.raw)}${v.unit ? ` (${esc(v.unit)})` : ''}">${cell.html}</span>`, sort: cell.sort };
    }),
  ]);
  const caption = [t.label, t.caption, t.family ? `(${t.family})` : ''].filter(Boolean).join(' ');
  return `<section id="${esc(t.id)}"><h3>${esc(t.id)} ${esc(caption)} ${pageLink(links, t.page)}</h3>\n${table(headers, rows, 'class="records"')}</section>`;
}

export function documentPage(doc: OutputDocument, links: DocumentLinks): string {
  const byTable = groupBy(doc.records, (r) => r.table);
  const records = doc.tables.filter((t) => byTable.has(t.id)).map((t) => recordsSection(t, byTable.get(t.id)!, links)).join('\n');
  const body = [
    `<h1>${esc(documentTitle(doc))}</h1>`,
    summary(doc, links),
    tablesSection(doc, links),
    warningsSection(doc, links),
    `<h2>${both('Baris per tabel', 'Records by table')}</h2>`,
    records,
  ].join('\n');
  return page({ title: documentTitle(doc), root: '../', body });
}
