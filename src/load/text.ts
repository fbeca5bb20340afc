// Load stage for text conversions (.txt/.md): TAB-separated table rows, markdown
// (`|`-tables, `**bold**`, `#` headings) and inline <b>/<i>/<u>. Markup is stripped from
// cell text and kept as a hint. Every line keeps its 1-based source line number.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Cell, LayoutLine, LoadedDocument, MarkupHint } from '../model.js';

export class InputError extends Error {
  constructor(message: string, readonly code: 'empty' | 'binary' | 'unreadable' | 'unsupported' | 'corrupt' | 'encrypted' | 'timeout') {
    super(message);
  }
}

const TAG = /<\/?(b|i|u|em|strong|sup|sub|span|font|small|mark|s)\b[^>]*>/gi;
const BREAK = /<br\s*\/?>|<hr\s*\/?>/gi;

export function stripMarkup(raw: string): { text: string; markup: MarkupHint } {
  const markup: MarkupHint = {
    bold: /<(b|strong)\b/i.test(raw) || /\*\*\S/.test(raw),
    italic: /<(i|em)\b/i.test(raw),
    underline: /<u\b/i.test(raw),
  };
  const text = raw
    .replace(BREAK, ' ')
    .replace(TAG, '')
    .replace(/\*\*/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
  return { text, markup };
}

const MD_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Split one physical line into cells: TABs, or the pipes of a markdown table row. */
export function splitCells(rawLine: string): string[] {
  const t = rawLine.trim();
  if (!rawLine.includes('\t') && t.startsWith('|') && t.endsWith('|') && t.length > 2) {
    return t.slice(1, -1).split('|');
  }
  return rawLine.split('\t');
}

export function layoutLine(rawLine: string, line: number, page: number | null = null): LayoutLine {
  const parts = splitCells(rawLine);
  const cells: Cell[] = parts.map((raw, index) => {
    const { text, markup } = stripMarkup(raw);
    return { index, text, raw, markup };
  });
  const separator = MD_SEPARATOR.test(rawLine.replace(/\t/g, '|')) || (cells.length > 1 && cells.every((c) => /^-{2,}$/.test(c.text)));
  const text = cells.map((c) => c.text).join('\t').replace(/^#+\s*/, '');
  return { line, page, text, cells, blank: text.trim() === '', separator };
}

/** Is this buffer text? NUL bytes or many control characters mean it is not. */
function looksBinary(buf: Buffer): boolean {
  const sample = buf.subarray(0, 65536);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return control / Math.max(1, sample.length) > 0.02;
}

export function decodeText(buf: Buffer, file: string): { text: string; warning: string | null } {
  if (buf.length === 0) throw new InputError(`${file}: empty file`, 'empty');
  if (looksBinary(buf)) throw new InputError(`${file}: not a text file (binary content)`, 'binary');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf).replace(/^\uFEFF/, '');
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  if (text.trim() === '') throw new InputError(`${file}: file has no text`, 'empty');
  return { text, warning: bad > 0 ? `${bad} byte sequences are not valid UTF-8 and were replaced` : null };
}

/** A text conversion; `bytes` when the caller has already read the file. */
export async function loadText(path: string, bytes?: Buffer): Promise<LoadedDocument> {
  const buf = bytes ?? await readFile(path);
  const file = basename(path);
  const { text, warning } = decodeText(buf, file);
  const lines = text.split(/\r?\n/).map((l, i) => layoutLine(l, i + 1));
  return {
    file,
    path,
    sha256: createHash('sha256').update(buf).digest('hex'),
    format: 'text',
    pages: null,
    lines,
    warnings: warning ? [{ type: 'encoding', message: warning }] : [],
  };
}
