// Render the seeds as PDFs made by other producers than our pdfkit renderer: each seed becomes
// one HTML file (prose as <p>, tables as real <table>s with every cell ruled, header rows as
// <th> in <thead>, landscape A4, 7 pt type, narrow fixed-width columns so long names and long
// rupiah figures wrap inside their cells the way Word tables do: `5.533.941.209` → `5.533.94` /
// `1.209`), which Chromium prints to PDF and LibreOffice Writer converts to PDF.
//
//   npm run samples:producers -- [seed files or folder] [--src DIR] [--only chromium|libreoffice]
//
// writes samples/pdf-chromium/<stem>.pdf and samples/pdf-libreoffice/<stem>.pdf (file names keep
// the seed stem: the scorer matches outputs by the 3-digit prefix). Needs `chromium` and `soffice`
// (Debian: chromium, libreoffice-writer-nogui, fonts-liberation, fonts-dejavu) on the PATH.

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Cell, LayoutLine } from '../src/model.js';
import { blocks, seedLines } from './seed-blocks.js';

const FONT_PT = 7;
/** printable width of A4 landscape with 12 mm margins, in points */
const PAGE_WIDTH_PT = ((297 - 24) / 25.4) * 72;
const PAD_PT = 2 * 1.5 + 1; // cell padding both sides and the rules

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rough advance width of a string in em (Liberation Sans / Arial metrics). */
function emWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    if (/[0-9]/.test(ch)) w += 0.556;
    else if (/[.,:;'|!il]/.test(ch)) w += 0.278;
    else if (ch === ' ') w += 0.278;
    else if (/[()\-\/]/.test(ch)) w += 0.333;
    else if (/[A-Z%]/.test(ch)) w += 0.7;
    else w += 0.53;
  }
  return w;
}

const NUMERIC = /^[\s(Rp.]*[-+]?[\d.,]+\)?\s*%?$/;
const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/**
 * Column widths in points. A column of figures gets the width of its typical figure, at least
 * its longest header word (up to 6 em), but at most 80 % of its longest figure when that is long
 * (over 4 em, i.e. rupiah amounts), so the longest figures wrap; short figures (`277%`) fit.
 * A text column gets the width of its typical cell, at least its longest word up to 9 em, at most
 * 16 em; what is left of the page width goes to the text columns (up to their longest cell).
 * A table wider than the page is scaled down to it (more wrapping).
 */
function columnWidths(header: LayoutLine[], body: LayoutLine[], n: number): number[] {
  const cols = Array.from({ length: n }, (_, j) => {
    const texts = body.map((l) => l.cells[j]?.text ?? '').filter((t) => t.trim() !== '');
    const headWord = Math.min(6, Math.max(0, ...header.flatMap((l) => (l.cells[j]?.text ?? '').split(/\s+/)).map((w) => 1.1 * emWidth(w))));
    if (texts.length === 0) return { em: Math.max(2.5, headWord), text: false, max: 0 };
    const widths = texts.map(emWidth);
    const max = Math.max(...widths);
    if (texts.filter((t) => NUMERIC.test(t)).length >= 0.6 * texts.length) {
      if (max <= 4) return { em: Math.max(2.5, headWord, max + 0.4), text: false, max };
      return { em: Math.max(2.5, Math.min(Math.max(quantile(widths, 0.75), headWord, 0.5 * max), 0.8 * max)), text: false, max };
    }
    const word = Math.min(9, Math.max(...texts.flatMap((t) => t.split(/\s+/)).map(emWidth)));
    return { em: Math.max(2.5, headWord, word, Math.min(quantile(widths, 0.75), 16)), text: true, max };
  });
  const pt = (em: number) => em * FONT_PT + PAD_PT;
  const widths = cols.map((c) => pt(c.em));
  let spare = PAGE_WIDTH_PT - widths.reduce((a, b) => a + b, 0);
  for (let round = 0; round < 4 && spare > 1; round++) {
    const open = cols.map((c, j) => (c.text && pt(c.max) > widths[j] ? j : -1)).filter((j) => j >= 0);
    const share = open.reduce((a, j) => a + widths[j], 0);
    if (share === 0) break;
    let given = 0;
    for (const j of open) {
      const add = Math.min(pt(cols[j].max) - widths[j], (spare * widths[j]) / share);
      widths[j] += add;
      given += add;
    }
    spare -= given;
  }
  const total = widths.reduce((a, b) => a + b, 0);
  const scale = total > PAGE_WIDTH_PT ? PAGE_WIDTH_PT / total : 1;
  return widths.map((w) => Math.floor(w * scale * 10) / 10);
}

function cellHtml(tag: 'td' | 'th', c: Cell | undefined): string {
  const text = esc(c?.text ?? '');
  const inner = c?.markup?.bold && text && tag === 'td' ? `<b>${text}</b>` : text;
  return `<${tag}>${inner}</${tag}>`;
}

function tableHtml(header: LayoutLine[], body: LayoutLine[]): string {
  const n = Math.max(...[...header, ...body].map((l) => l.cells.length));
  const widths = columnWidths(header, body, n);
  const total = widths.reduce((a, b) => a + b, 0);
  const row = (l: LayoutLine, tag: 'td' | 'th') => `<tr>${Array.from({ length: n }, (_, j) => cellHtml(tag, l.cells[j])).join('')}</tr>`;
  return [
    `<table width="${Math.round(total)}" border="1" cellspacing="0" cellpadding="2" style="width:${total.toFixed(1)}pt">`,
    `<colgroup>${widths.map((w) => `<col width="${Math.round(w)}" style="width:${w}pt">`).join('')}</colgroup>`,
    `<thead>\n${header.map((l) => row(l, 'th')).join('\n')}\n</thead>`,
    `<tbody>\n${body.map((l) => row(l, 'td')).join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

function proseHtml(lines: LayoutLine[]): string {
  const out: string[] = [];
  for (const l of lines) {
    const raw = l.cells.map((c) => c.raw).join(' ');
    const text = l.text.replace(/\t/g, ' ').trim();
    if (!text) continue;
    const heading = /^\s*#{1,6}\s/.test(raw);
    const bold = l.cells.some((c) => c.markup.bold);
    out.push(heading ? `<h3>${esc(text)}</h3>` : bold ? `<p><b>${esc(text)}</b></p>` : `<p>${esc(text)}</p>`);
  }
  return out.join('\n');
}

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 8pt; margin: 0; }
p { margin: 0 0 3pt 0; }
h3 { font-size: 9pt; margin: 6pt 0 3pt 0; }
table { border-collapse: collapse; table-layout: fixed; font-size: ${FONT_PT}pt; margin: 4pt 0 8pt 0; }
th, td { border: 1px solid #000; padding: 1pt 1.5pt; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; word-break: break-word; line-height: 1.15; }
th { font-weight: bold; text-align: center; vertical-align: middle; }
thead { display: table-header-group; }
`;

export function seedHtml(textPath: string): string {
  const parts = blocks(seedLines(textPath)).map((b) => (b.kind === 'text' ? proseHtml(b.lines) : tableHtml(b.header, b.body)));
  return `<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"><title>${esc(basename(textPath))}</title>\n<style>${CSS}</style></head>\n<body>\n${parts.join('\n')}\n</body></html>\n`;
}

// LibreOffice's HTML import (Writer) keeps the borders and the landscape page, but lays tables
// out like a browser in auto mode: a column is never narrower than its longest figure, so no
// figure wraps. Writer gets the same document as a Flat ODT instead, with fixed column widths,
// header rows repeated on each page (table:table-header-rows) and every cell ruled, like a Word
// table; a figure wider than its cell breaks at the cell edge.

const xml = (s: string) => esc(s).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

function fodtTable(header: LayoutLine[], body: LayoutLine[], t: number, auto: string[]): string {
  const n = Math.max(...[...header, ...body].map((l) => l.cells.length));
  const widths = columnWidths(header, body, n);
  const total = widths.reduce((a, b) => a + b, 0);
  auto.push(`<style:style style:name="T${t}" style:family="table"><style:table-properties style:width="${total.toFixed(1)}pt" table:align="left" fo:margin-top="4pt" fo:margin-bottom="8pt"/></style:style>`);
  widths.forEach((w, j) => auto.push(`<style:style style:name="T${t}.C${j}" style:family="table-column"><style:table-column-properties style:column-width="${w}pt"/></style:style>`));
  const cell = (c: Cell | undefined, head: boolean) => {
    const text = xml(c?.text ?? '');
    const inner = c?.markup?.bold && text && !head ? `<text:span text:style-name="B">${text}</text:span>` : text;
    return `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="${head ? 'CellHead' : 'Cell'}">${inner}</text:p></table:table-cell>`;
  };
  const row = (l: LayoutLine, head: boolean) => `<table:table-row>${Array.from({ length: n }, (_, j) => cell(l.cells[j], head)).join('')}</table:table-row>`;
  return [
    `<table:table table:name="Tabel${t}" table:style-name="T${t}">`,
    ...widths.map((_, j) => `<table:table-column table:style-name="T${t}.C${j}"/>`),
    `<table:table-header-rows>${header.map((l) => row(l, true)).join('\n')}</table:table-header-rows>`,
    ...body.map((l) => row(l, false)),
    '</table:table>',
  ].join('\n');
}

function fodtProse(lines: LayoutLine[]): string {
  const out: string[] = [];
  for (const l of lines) {
    const raw = l.cells.map((c) => c.raw).join(' ');
    const text = l.text.replace(/\t/g, ' ').trim();
    if (!text) continue;
    const style = /^\s*#{1,6}\s/.test(raw) ? 'Heading' : l.cells.some((c) => c.markup.bold) ? 'ProseBold' : 'Prose';
    out.push(`<text:p text:style-name="${style}">${xml(text)}</text:p>`);
  }
  return out.join('\n');
}

export function seedFodt(textPath: string): string {
  const auto: string[] = [];
  let t = 0;
  const body = blocks(seedLines(textPath)).map((b) => (b.kind === 'text' ? fodtProse(b.lines) : fodtTable(b.header, b.body, ++t, auto))).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>${xml(basename(textPath))}</dc:title></office:meta>
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt" fo:language="id" fo:country="ID" fo:hyphenate="false"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Prose" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="3pt"/></style:style>
<style:style style:name="ProseBold" style:family="paragraph" style:parent-style-name="Prose"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="6pt" fo:margin-bottom="3pt" fo:keep-with-next="always"/><style:text-properties fo:font-size="9pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Cell" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:line-height="115%"/><style:text-properties fo:font-size="${FONT_PT}pt"/></style:style>
<style:style style:name="CellHead" style:family="paragraph" style:parent-style-name="Cell"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="297mm" fo:page-height="210mm" style:print-orientation="landscape" fo:margin-top="12mm" fo:margin-bottom="12mm" fo:margin-left="12mm" fo:margin-right="12mm"/></style:page-layout>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding-left="1.5pt" fo:padding-right="1.5pt" fo:padding-top="1pt" fo:padding-bottom="1pt" style:vertical-align="top"/></style:style>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
${auto.join('\n')}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
${body}
</office:text></office:body></office:document>
`;
}

function chromium(html: string, pdf: string) {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  try {
    execFileSync('chromium', [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--no-pdf-header-footer',
      // untagged: the structure tree of a tagged print is 9000 objects and makes a 300 KB PDF 1.8 MB
      '--disable-pdf-tagging', `--print-to-pdf=${resolve(pdf)}`, pathToFileURL(resolve(html)).href,
    ], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function libreoffice(fodt: string, pdf: string) {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  const outDir = mkdtempSync(join(tmpdir(), 'lo-out-'));
  try {
    execFileSync('soffice', [
      `-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless',
      '--convert-to', 'pdf:writer_pdf_Export', '--outdir', outDir, resolve(fodt),
    ], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000 });
    copyFileSync(join(outDir, `${basename(fodt, '.fodt')}.pdf`), pdf);
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
  const srcDir = opt('--src') ?? '.tmp/producers';
  const only = opt('--only');
  const inputs = (args.length ? args : ['../shared/seeds']).flatMap((p) => statSync(p).isDirectory() ? readdirSync(p).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => join(p, f)) : [p]);
  const producers = [
    { name: 'chromium', dir: 'samples/pdf-chromium', ext: 'html', make: seedHtml, run: chromium },
    { name: 'libreoffice', dir: 'samples/pdf-libreoffice', ext: 'fodt', make: seedFodt, run: libreoffice },
  ].filter((p) => !only || p.name === only);
  mkdirSync(srcDir, { recursive: true });
  for (const p of producers) mkdirSync(p.dir, { recursive: true });
  for (const input of inputs) {
    const stem = basename(input, extname(input));
    for (const p of producers) {
      const src = join(srcDir, `${stem}.${p.ext}`);
      writeFileSync(src, p.make(input));
      const pdf = join(p.dir, `${stem}.pdf`);
      p.run(src, pdf);
      console.log(`${input} → ${src} → ${pdf} (${(statSync(pdf).size / 1024).toFixed(0)} KB)`);
    }
  }
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) await main();
