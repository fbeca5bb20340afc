// OCR reads some digits as look-alike letters. Inside a figure or a code only — a token made
// of digits, separators and a minority of look-alikes — they are read back as digits:
// O/o → 0, l/I/| → 1, S → 5, B → 8; and `Ro`/`R p` before a figure is `Rp`. A stop that a speck or
// a faint print turned into `:` between thousands groups (`96:120.000`) is a stop again, and a
// speck after the last digit read as a quote mark is dropped.

import { parseNumber } from './numbers.js';

const LOOKALIKE: Record<string, string> = { O: '0', o: '0', l: '1', I: '1', '|': '1', S: '5', B: '8' };
const TOKEN = /^[(-]?[\dOolI|SB][\dOolI|SB.,]*%?\)?$/;

// thousands groups with a `:` among their stops; a time (`10:30`) has no group of three after it
const COLON_GROUPS = /^(Rp\.?)?\d{1,3}(?:[.:]\d{3})+(?:,\d+)?(?:[.,]?-)?$/;

// zeros in pieces and nothing else
const ZEROS_APART = /^0+([\s.,:]+0+)+[.,]?$/;

// a speck after a figure or code that OCR read as a quote or a degree sign (`03.01"`, `39°`)
export const QUOTE_SPECKS = `[“”"'°]`;
const TRAILING_MARK = new RegExp(`(?<=\\d)${QUOTE_SPECKS}+$`, 'u');

function fixToken(raw: string): string {
  const t = raw.replace(TRAILING_MARK, '');
  if (t.includes(':') && COLON_GROUPS.test(t)) return t.replace(/:/g, '.');
  if (!TOKEN.test(t)) return t;
  const digits = (t.match(/\d/g) ?? []).length;
  const alike = (t.match(/[OolI|SB]/g) ?? []).length;
  // a token that starts with a digit is a figure (`2S`, `1OO`); one that starts with a letter
  // is a figure only when its digits outnumber the look-alikes (`l00`), so a label like `B1` stays
  const figure = /^[(-]?\d/.test(t) || (digits > alike && digits >= 2);
  if (alike === 0 || !figure) return t;
  return t.replace(/[OolI|SB]/g, (c) => LOOKALIKE[c]);
}

// a cell's rule read as a glyph of its own beside a figure (`| 40.545.841,-`): the rules are
// painted out before recognition, but a faint or broken one leaves a bar; and a speck or blot
// read as a mark no figure prints (`© 329.000,-`)
const RULE_BESIDE = /^[|[\]©®§•«»]\s+(?=[\dRr(])|(?<=[\d%)-])\s+[|[\]©®§•«»]$/g;

/** The cell text with look-alike letters inside figures and codes read as digits. */
export function fixOcrFigures(text: string): string {
  const bare = text.trim().replace(RULE_BESIDE, '');
  // …only beside a figure alone (`© 2016 Bappeda` is a line of text)
  if (bare !== text.trim() && parseNumber(bare).value !== null && !/\p{L}/u.test(bare.replace(/^Rp\.?/i, ''))) text = bare;
  // a zero amount wrapped in a narrow cell, its separators lost or doubled (`0,` / `00` read
  // `0 00`, `0,0` / `0` with a speck read `0,0.0`): zero, whatever its separators were
  if (ZEROS_APART.test(text.trim()) && parseNumber(text).value === null) return '0';
  return text
    .replace(/\bR\s?[op]\.?(?=\s*[\dOolISB])/g, 'Rp')
    .split(/(\s+)/)
    .map((t) => (/\s/.test(t) ? t : fixToken(t)))
    .join('');
}

// a lower-case run of two letters or more, then a capital: `DombaMargawati`, `diUPTD`. Formal
// Indonesian prints no word so (a prefix of one letter, `eKTP`, and `McX` names are left alone)
const GLUED = /(?<=[a-z]{2})(?=[A-Z])/g;

/**
 * The cell text with the spaces OCR lost between words put back where the case shows them
 * (`Pemeliharaan SaranaPrasarana` → `Pemeliharaan Sarana Prasarana`).
 */
export function fixOcrSpaces(text: string): string {
  return text.replace(GLUED, ' ');
}
