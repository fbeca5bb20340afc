// The report's index (every document with its status, counts and warnings; inputs that failed,
// with their reason) and its comparison page (a code's budget by district as bars, the
// realisation rate per district, and the code × district coverage grid).

import type { OutputDocument } from '../emit/schema.js';
import { severityOf } from '../emit/severity.js';
import type { ComparisonData } from './comparison.js';
import { both, esc, numberCell, page, table, type Cell } from './html.js';

export interface IndexEntry {
  doc: OutputDocument;
  /** the document's page, from the report's root */
  href: string;
}

export interface NotRead {
  file: string;
  reason: string;
}

function documentRow({ doc, href }: IndexEntry): Cell[] {
  const d = doc.document;
  const bySeverity = (s: string) => doc.warnings.filter((w) => (w.severity ?? severityOf(w.type)) === s).length;
  return [
    `<a href="${esc(href)}">${esc(doc.source.file)}</a>`,
    esc(d.kind ?? ''),
    esc(d.region ? `${d.region.type} ${d.region.name}` : ''),
    esc(d.agency ?? ''),
    esc(d.year ?? (d.period ? `${d.period.start}–${d.period.end}` : '')),
    `<span class="status-ok">ok</span>`,
    numberCell(doc.tables.length),
    numberCell(doc.records.length),
    numberCell(doc.records.filter((r) => r.code).length),
    numberCell(bySeverity('document')),
    numberCell(bySeverity('extraction')),
  ];
}

export function indexPage(entries: IndexEntry[], failed: NotRead[]): string {
  const headers = [
    both('Berkas', 'File'), both('Jenis', 'Kind'), both('Daerah', 'Region'), both('Perangkat daerah', 'Agency'), both('Tahun', 'Year'),
    both('Status', 'Status'), both('Tabel', 'Tables'), both('Baris', 'Records'), both('Berkode', 'Coded'),
    both('Ketidaksesuaian', 'Inconsistencies'), both('Keraguan', 'Doubts'),
  ];
  const failedRows: Cell[][] = failed.map((f) => [esc(f.file), '', '', '', '', `<span class="status-failed">${both('gagal', 'failed')}</span>`, '', '', '', '', esc(f.reason)]);
  const body = [
    `<h1>${both('Laporan ekstraksi', 'Extraction report')}</h1>`,
    `<p>${entries.length} ${both('dokumen', 'documents')}; ${failed.length} ${both('gagal dibaca', 'not read')}.</p>`,
    table(headers, [...entries.map(documentRow), ...failedRows], 'id="documents"'),
    failed.length ? `<h2>${both('Gagal dibaca', 'Not read')}</h2><ul class="failed">${failed.map((f) => `<li><code>${esc(f.file)}</code>: ${esc(f.reason)}</li>`).join('')}</ul>` : '',
  ].join('\n');
  return page({ title: 'kinerja-extract report', root: '', body });
}

/** The data as JSON inside the page, safe from `</script>` in a document's names. */
const embedded = (data: unknown) => JSON.stringify(data).replace(/</g, '\\u003c');

export function comparePage(data: ComparisonData): string {
  const body = `<h1>${both('Perbandingan antar daerah', 'Comparison across districts')}</h1>
<p>${data.districts.length} ${both('daerah', 'districts')}, ${data.codes.length} ${both('kode dengan anggaran', 'codes with budget figures')}.</p>
<label for="code-select">${both('Kode', 'Code')}</label> <select id="code-select"></select>
<h2 id="code-title"></h2>
<div id="budget-chart" class="chart" role="img" aria-label="budget by district"></div>
<h2>${both('Tingkat realisasi per daerah', 'Realisation rate per district')}</h2>
<div id="rate-chart" class="chart small" role="img" aria-label="realisation rate by district"></div>
<h2>${both('Cakupan kode × daerah', 'Code × district coverage')}</h2>
<p class="hint">${both('Klik kode untuk grafiknya', 'Click a code for its chart')}</p>
<div id="coverage"></div>
<script type="application/json" id="comparison-data">${embedded(data)}</script>`;
  return page({ title: 'kinerja-extract comparison', root: '', body, scripts: ['echarts.min.js', 'compare.js'] });
}
