// A figure wrapped over the lines of a narrow cell, read back from the pieces OCR made of it.
// A column narrower than its figures breaks them anywhere (`88.13` / `0.000` / `,00`), and on a
// scan the small marks at a line's ends are the first to go: a stop read as `:` or `'`, the
// comma before the cents lost, a speck read as a trailing stop. The digits survive. Where the
// stops OCR did read all fall where a figure's stops must fall for exactly one way of grouping
// the digits (thousands in threes from the decimal comma, cents after it), that grouping is
// the figure; where none or several fit, nothing is made up.

// marks a speck or a stray stroke leaves around a piece (`39°`, `"00`)
const SPECKS = /[“”"°~`]/g;
// a piece: digits, and the separators OCR makes of a stop or comma
const PIECE = /^[.,:;']*\d[\d.,:;']*$/;
const SEPARATOR = /[.,:;']/;
// a wrapped figure fills every line but its last: a first line much shorter than the rest is a
// figure of its own printed above another (`100` / `100,00`), not a piece
const FULL_LINE_SHARE = 0.6;
// digits after the decimal comma of a figure read back (cents, or a percentage's decimals)
const MAX_DECIMALS = 2;

interface Pieces {
  digits: string;
  /** digit counts before each separator OCR read (0 and digits.length: specks at the ends) */
  separators: number[];
}

function piecesOf(lines: string[]): Pieces | null {
  let digits = '';
  const separators: number[] = [];
  for (const line of lines) {
    if (!PIECE.test(line)) return null;
    for (const ch of line) {
      if (SEPARATOR.test(ch)) separators.push(digits.length);
      else digits += ch;
    }
  }
  return { digits, separators: separators.filter((p) => p > 0 && p < digits.length) };
}

/** The figure the digits make with `decimals` digits after the comma, when every separator read falls on one of its stops. */
function grouped(p: Pieces, decimals: number): string | null {
  const whole = p.digits.length - decimals;
  if (whole < 1 || (p.digits[0] === '0' && whole > 1)) return null;
  const fits = (at: number) => (decimals > 0 && at === whole) || (at < whole && (whole - at) % 3 === 0);
  if (!p.separators.every(fits)) return null;
  const int = p.digits.slice(0, whole).replace(/\B(?=(\d{3})+$)/g, '.');
  return decimals ? `${int},${p.digits.slice(whole)}` : int;
}

/**
 * The figure printed over `lines` (one cell's lines as OCR read them, top to bottom), or null
 * when the pieces are not one figure's or its stops are not certain.
 */
export function figureFromLines(lines: string[]): string | null {
  const kept = lines.map((l) => l.replace(SPECKS, '').replace(/\s+/g, '')).filter((l) => l !== '');
  if (kept.length < 2) return null;
  const longest = Math.max(...kept.map((l) => l.length));
  // (a line one character short is full: a stop is narrower than a digit, `0,` / `0` / `0`)
  if (kept.slice(0, -1).some((l) => l.length < FULL_LINE_SHARE * longest && longest - l.length > 1)) return null;
  const p = piecesOf(kept);
  // without one stop read, any grouping would be made up
  if (!p || p.separators.length === 0) return null;
  const last = kept[kept.length - 1].replace(/\D/g, '');
  // decimals: none; the digits after the last separator read; or a last line of cents whose comma was lost
  const after = p.digits.length - p.separators[p.separators.length - 1];
  const options = new Set([0, ...(after <= MAX_DECIMALS ? [after] : []), ...(last.length === MAX_DECIMALS ? [MAX_DECIMALS] : [])]);
  const readings = [...options].map((d) => grouped(p, d)).filter((r): r is string => r !== null);
  return readings.length === 1 ? readings[0] : null;
}
