// The money unit a table states in its header or caption: "(dalam ribuan rupiah)", `Rp.000`,
// `(Rp ribu)`, "dalam jutaan rupiah". Figures stay as printed; their unit says `Rp ribu` or
// `Rp juta`, so a reader (and `value_rp` downstream) can scale them. Some tables state thousands
// and print full rupiah anyway (a header copied from another form): where the figures read in
// thousands would make an implausible budget, the statement is not believed and a warning says so.

export type MoneyUnit = 'Rp ribu' | 'Rp juta';

export const MONEY_SCALE: Record<MoneyUnit, number> = { 'Rp ribu': 1e3, 'Rp juta': 1e6 };

const THOUSANDS = /\b(dalam\s+)?ribuan\b|\bRp\.?\s*(ribu|000|\.000)\b|\(\s*000\s*\)|\bx\s*1\.?000\b/i;
const MILLIONS = /\b(dalam\s+)?jutaan\b|\bRp\.?\s*juta\b|\(\s*juta\s*\)/i;

/** The money unit a header or caption states, or null. */
export function statedMoneyUnit(text: string): MoneyUnit | null {
  if (MILLIONS.test(text)) return 'Rp juta';
  if (THOUSANDS.test(text)) return 'Rp ribu';
  return null;
}

/** Can figures this large be in `unit` (their largest, scaled, at most `maxRupiah`)? */
export function plausibleIn(unit: MoneyUnit, largest: number, maxRupiah: number): boolean {
  return Math.abs(largest) * MONEY_SCALE[unit] <= maxRupiah;
}
