// Text items → visual lines → runs. Items whose baselines lie within half a glyph of each
// other form one line (tolerant of small skew and of superscripts); within a line, items that
// touch form one run of text. Runs are what the cell finders (lattice, stream) group.

import type { TextItem } from '../load/pdf.js';

export interface Run {
  text: string;
  x: number;
  right: number;
  size: number;
  /** the lowest OCR confidence of its words (scanned pages only) */
  confidence?: number;
}

export interface VisualLine {
  /** baseline, and the top of the tallest glyph */
  y: number;
  top: number;
  size: number;
  runs: Run[];
}

/** Cluster items into lines by baseline, top to bottom. */
export function visualLines(items: TextItem[]): VisualLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: { y: number; size: number; items: TextItem[] }[] = [];
  for (const it of sorted) {
    // the nearest line above whose baseline is close enough; lines form top-down, so few to check
    const g = groups.slice(-3).find((x) => Math.abs(x.y - it.y) <= 0.5 * Math.max(x.size, it.size));
    if (g) {
      g.items.push(it);
      if (it.size > g.size) { g.size = it.size; g.y = it.y; }
    } else {
      groups.push({ y: it.y, size: it.size, items: [it] });
    }
  }
  return groups.map((g) => ({ y: g.y, top: g.y - g.size, size: g.size, runs: runsOf(g.items) }));
}

/** Items left to right; touching items join (with a space when there is a word gap). */
function runsOf(items: TextItem[]): Run[] {
  const out: Run[] = [];
  for (const it of [...items].sort((a, b) => a.x - b.x)) {
    const last = out[out.length - 1];
    const gap = last ? it.x - last.right : Infinity;
    if (last && gap < 0.6 * Math.max(it.size, last.size)) {
      const space = gap > 0.15 * it.size && !last.text.endsWith(' ') && !it.str.startsWith(' ');
      last.text += (space ? ' ' : '') + it.str;
      last.right = Math.max(last.right, it.x + it.width);
      last.size = Math.max(last.size, it.size);
      if (it.confidence !== undefined) last.confidence = Math.min(last.confidence ?? 100, it.confidence);
    } else {
      out.push({ text: it.str, x: it.x, right: it.x + it.width, size: it.size, confidence: it.confidence });
    }
  }
  for (const r of out) r.text = r.text.replace(/\s+/g, ' ').trim();
  return out.filter((r) => r.text !== '');
}
