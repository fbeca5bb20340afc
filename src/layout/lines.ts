// Text items → visual lines → runs. Items whose baselines lie within half a glyph of each
// other form one line (tolerant of small skew and of superscripts); within a line, items that
// touch form one run of text — but never across a vertical rule: in a narrow ruled table the
// text of two cells may sit closer than a space, and the rule between them is what says they
// are two. Runs are what the cell strategies (lattice, stream) group into cells.

import type { Rule, TextItem } from '../load/pdf.js';
import type { Layout } from '../settings.js';

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

/** Cluster items into lines by baseline, top to bottom; `verticals` are the page's vertical rules. */
export function visualLines(items: TextItem[], verticals: Rule[], s: Layout): VisualLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: { y: number; size: number; items: TextItem[] }[] = [];
  for (const it of sorted) {
    // the nearest line above whose baseline is close enough; lines form top-down, so few to check
    const g = groups.slice(-3).find((x) => Math.abs(x.y - it.y) <= s.baseline_tolerance * Math.max(x.size, it.size));
    if (g) {
      g.items.push(it);
      if (it.size > g.size) { g.size = it.size; g.y = it.y; }
    } else {
      groups.push({ y: it.y, size: it.size, items: [it] });
    }
  }
  return groups.map((g) => {
    // the vertical rules crossing this line's glyphs
    const mid = g.y - s.rule_cross_height * g.size;
    const walls = verticals.filter((v) => v.y1 - 1 <= mid && v.y2 + 1 >= mid).map((v) => v.x1);
    return { y: g.y, top: g.y - g.size, size: g.size, runs: runsOf(g.items, walls, s) };
  });
}

/** Items left to right; touching items join (with a space when there is a word gap), unless a rule stands between. */
function runsOf(items: TextItem[], walls: number[], s: Layout): Run[] {
  const out: Run[] = [];
  for (const it of [...items].sort((a, b) => a.x - b.x)) {
    const last = out[out.length - 1];
    const gap = last ? it.x - last.right : Infinity;
    const walled = last && walls.some((x) => x > last.right - 0.5 && x < it.x + 0.5);
    if (last && !walled && gap < s.run_join_gap * Math.max(it.size, last.size)) {
      const space = gap > s.word_space_gap * it.size && !last.text.endsWith(' ') && !it.str.startsWith(' ');
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
