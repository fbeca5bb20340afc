// HTML building blocks of the report: escaping, the page frame (styles and scripts beside the
// pages, nothing from the network), labels in Indonesian and English, numbers as Indonesians print them.

/** Text and attribute values made safe for HTML: document names come from untrusted files. */
export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A label in both languages: `Dokumen · Documents`. */
export const both = (id: string, en: string) => `${esc(id)} <span class="en">· ${esc(en)}</span>`;

/** A figure as the documents print it: `1.250.000` (dots group thousands, comma for decimals). */
export function figure(v: number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return v.toLocaleString('id-ID', { maximumFractionDigits: 2 });
}

export interface PageFrame {
  title: string;
  /** from the page to the report's root folder: '' or '../' */
  root: string;
  body: string;
  /** scripts the page needs besides report.js (file names under assets/) */
  scripts?: string[];
}

export function page(f: PageFrame): string {
  const scripts = [...(f.scripts ?? []), 'report.js'].map((s) => `<script src="${f.root}assets/${s}"></script>`).join('\n');
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(f.title)}</title>
<link rel="stylesheet" href="${f.root}assets/report.css">
</head>
<body>
<nav><a href="${f.root}index.html">${both('Daftar dokumen', 'Documents')}</a> <a href="${f.root}compare.html">${both('Perbandingan', 'Comparison')}</a></nav>
<main>
${f.body}
</main>
${scripts}
</body>
</html>
`;
}

/** A table cell: HTML, or HTML with the value it sorts by (a figure sorts as a number, not as printed). */
export type Cell = string | { html: string; sort: number | string };

/** A number's cell: printed as the documents print it, sorted as a number. */
export const numberCell = (v: number | null | undefined): Cell => (v === null || v === undefined ? '' : { html: figure(v), sort: v });

const td = (c: Cell) => (typeof c === 'string' ? `<td>${c}</td>` : `<td class="num" data-sort="${esc(c.sort)}">${c.html}</td>`);

/** A sortable table (report.js sorts it by a click on a header). */
export function table(headers: string[], rows: Cell[][], attrs = ''): string {
  const head = headers.map((h) => `<th>${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n');
  return `<table class="sortable"${attrs ? ` ${attrs}` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

