// `kinerja-extract debug <file.pdf> --page N --out DIR`: what the layout stage saw on one page,
// drawn over the page (as pdfplumber's debug_tablefinder and Camelot's plot): the ruling lines
// it read (red), and each row's cells — lattice cells green, stream cells blue — with the row's
// band in grey. Beside the PNG, the same rows and cells as JSON, with their boxes in points.

import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isHorizontal, isVertical, type CellLine } from './layout/cellModel.js';
import { cellLines } from './layout/cells.js';
import { visualLines } from './layout/lines.js';
import { openPdf, readPdf, type PdfPage } from './load/pdf.js';
import { closeOcr, ocrEngine } from './ocr/engine.js';
import { renderPage, type PdfJsPage } from './ocr/page.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';

// drawn at twice the PDF's points: small type stays legible
const SCALE = 2;
const COLOURS = { rule: 'rgba(220,30,30,0.9)', lattice: 'rgba(0,150,60,0.9)', stream: 'rgba(30,90,220,0.9)', band: 'rgba(120,120,120,0.15)' };

export interface DebugResult {
  png: string;
  json: string;
  rows: number;
  cells: number;
}

/** The page as pdf.js draws it, when its layout is upright as printed (sideways pages are drawn without it). */
async function background(data: Uint8Array, page: PdfPage, settings: Settings): Promise<Canvas> {
  const canvas = createCanvas(Math.ceil(page.width * SCALE), Math.ceil(page.height * SCALE));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const pdf = await openPdf(data.slice(), settings.limits.max_image_pixels).promise;
  try {
    const p = await pdf.getPage(page.number);
    const view = p.getViewport({ scale: 1 });
    if (Math.abs(view.width - page.width) < 1 && Math.abs(view.height - page.height) < 1) {
      ctx.drawImage(await renderPage(p as unknown as PdfJsPage, 72 * SCALE), 0, 0);
    }
  } finally {
    await pdf.destroy();
  }
  return canvas;
}

function drawRows(ctx: SKRSContext2D, page: PdfPage, rows: CellLine[]): void {
  ctx.lineWidth = 1;
  ctx.strokeStyle = COLOURS.rule;
  for (const r of page.rules) {
    ctx.beginPath();
    ctx.moveTo(r.x1 * SCALE, r.y1 * SCALE);
    ctx.lineTo(r.x2 * SCALE, r.y2 * SCALE);
    ctx.stroke();
  }
  for (const row of rows) {
    const x0 = row.cells.reduce((m, c) => Math.min(m, c.x0), Infinity);
    const x1 = row.cells.reduce((m, c) => Math.max(m, c.x1), -Infinity);
    ctx.fillStyle = COLOURS.band;
    ctx.fillRect(x0 * SCALE, row.top * SCALE, (x1 - x0) * SCALE, (row.bottom - row.top) * SCALE);
    ctx.strokeStyle = COLOURS[row.strategy];
    ctx.lineWidth = 1.5;
    for (const c of row.cells) ctx.strokeRect(c.x0 * SCALE, c.top * SCALE, (c.x1 - c.x0) * SCALE, (c.bottom - c.top) * SCALE);
  }
}

/** Draw page `pageNo` of `path` with what the layout found into `outDir`. */
export async function debugPage(path: string, pageNo: number, outDir: string, settings: Settings = DEFAULT_SETTINGS): Promise<DebugResult> {
  const data = new Uint8Array(await readFile(path));
  // the OCR workers are closed once the page is read: they would keep the process alive
  const [page] = await readPdf(data, basename(path), { ocr: () => ocrEngine(settings.ocr.languages), limits: settings.limits, thinFill: settings.layout.thin_fill_pt, pages: [pageNo] })
    .finally(closeOcr);
  const rows = cellLines(visualLines(page.items, page.rules.filter(isVertical), settings.layout), page.rules, settings.layout);
  const canvas = await background(data, page, settings);
  drawRows(canvas.getContext('2d'), page, rows);
  await mkdir(outDir, { recursive: true });
  const stem = `${basename(path).replace(/\.pdf$/i, '')}-p${pageNo}`;
  const png = join(outDir, `${stem}.png`);
  const json = join(outDir, `${stem}.json`);
  await writeFile(png, canvas.toBuffer('image/png'));
  const round = (x: number) => Math.round(x * 10) / 10;
  await writeFile(json, `${JSON.stringify({
    file: basename(path), page: pageNo, width: round(page.width), height: round(page.height),
    rules: {
      vertical: page.rules.filter(isVertical).map((r) => [round(r.x1), round(r.y1), round(r.y2)]),
      horizontal: page.rules.filter(isHorizontal).map((r) => [round(r.y1), round(r.x1), round(r.x2)]),
    },
    rows: rows.map((r) => ({ strategy: r.strategy, top: round(r.top), bottom: round(r.bottom), cells: r.cells.map((c) => ({ text: c.text, box: [round(c.x0), round(c.top), round(c.x1), round(c.bottom)] })) })),
  }, null, 1)}\n`);
  return { png, json, rows: rows.length, cells: rows.reduce((n, r) => n + r.cells.length, 0) };
}
