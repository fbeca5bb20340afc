// Load stage for text conversions (.txt/.md): TAB-separated table rows, markdown
// (`|`-tables, `**bold**`, `#` headings) and inline <b>/<i>/<u>. Markup is stripped from
// cell text and kept as a hint. Every line keeps its 1-based source line number.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Cell, LayoutLine, LoadedDocument, MarkupHint } from '../model.js';

export class InputError extends Error {
  constructor(message: string, readonly code: 'empty' | 'binary' | 'unreadable' | 'unsupported' | 'corrupt' | 'encrypted' | 'too_large') {
    super(message);
  }
}

const TAG = /<\/?(b|i|u|em|strong|sup|sub|span|font|small|mark|s)\b[^>]*>/gi;
const BREAK = /<br\s*\/?>|<hr\s*\/?>/gi;

// what stripMarkup would change: a tag, a mark, an entity, whitespace other than one inner space
const HAS_MARKUP = /[<*&]|[^\S ]|  |^ | $/;

export function stripMarkup(raw: string): { text: string; markup: MarkupHint } {
  // most cells are plain text: nothing to strip and no hint to give
  if (!HAS_MARKUP.test(raw)) return { text: raw, markup: { bold: false, italic: false, underline: false } };
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
  // both kinds of separator are runs of dashes
  const separator = rawLine.includes('--') && (MD_SEPARATOR.test(rawLine.replace(/\t/g, '|')) || (cells.length > 1 && cells.every((c) => /^-{2,}$/.test(c.text))));
  const text = cells.map((c) => c.text).join('\t').replace(/^#+\s*/, '');
  return { line, page, text, cells, blank: text.trim() === '', separator };
}

/** Is this buffer text? NUL bytes or many control characters mean it is not. */
function looksBinary(buf: Buffer): boolean {
  const sample = buf.subarray(0, 65536);
  if (sample.includes(0)) return true;
  let control = 0;
  // by index: a for-of over a Buffer makes an iterator result per byte
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / Math.max(1, sample.length) > 0.02;
}

// a share of NUL bytes on one side of each byte pair this high is UTF-16 text without its BOM
// (Latin text in UTF-16 has a NUL beside nearly every character; a binary file has them anywhere)
const UTF16_NUL_SHARE = 0.9;

/**
 * The encoding of a text file: its byte-order mark when it has one (Windows tools write
 * UTF-16 with a BOM, and UTF-8 with one), UTF-16 told by its NUL bytes, else UTF-8.
 */
export function textEncoding(buf: Buffer): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bom: number } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const pairs = Math.floor(Math.min(buf.length, 65536) / 2);
  if (pairs >= 8) {
    let [evenNul, oddNul] = [0, 0];
    for (let i = 0; i < pairs; i++) {
      if (buf[2 * i] === 0) evenNul++;
      if (buf[2 * i + 1] === 0) oddNul++;
    }
    if (oddNul / pairs >= UTF16_NUL_SHARE && evenNul / pairs < 1 - UTF16_NUL_SHARE) return { encoding: 'utf-16le', bom: 0 };
    if (evenNul / pairs >= UTF16_NUL_SHARE && oddNul / pairs < 1 - UTF16_NUL_SHARE) return { encoding: 'utf-16be', bom: 0 };
  }
  return { encoding: 'utf-8', bom: 0 };
}

export function decodeText(buf: Buffer): { text: string; warning: string | null } {
  if (buf.length === 0) throw new InputError('empty file', 'empty');
  const { encoding, bom } = textEncoding(buf);
  const body = buf.subarray(bom);
  if (encoding === 'utf-8' && looksBinary(body)) throw new InputError('not a text file (binary content)', 'binary');
  const text = new TextDecoder(encoding, { fatal: false }).decode(body);
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  if (encoding !== 'utf-8' && /[\0-\x08\x0e-\x1f]/.test(text.slice(0, 65536).replace(/\f/g, ''))) throw new InputError('not a text file (binary content)', 'binary');
  if (text.trim() === '') throw new InputError('the file has no text', 'empty');
  const warnings = [encoding !== 'utf-8' ? `read as ${encoding.toUpperCase()}` : null, bad > 0 ? `${bad} byte sequences are not valid ${encoding.toUpperCase()} and were replaced` : null].filter(Boolean);
  return { text, warning: warnings.length ? warnings.join('; ') : null };
}

/** A text conversion; `bytes` when the caller has already read the file. */
export async function loadText(path: string, bytes?: Buffer): Promise<LoadedDocument> {
  const buf = bytes ?? await readFile(path);
  const file = basename(path);
  const { text, warning } = decodeText(buf);
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
