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
  /** what OCR read, where the text was rebuilt from it (scanned pages only) */
  ocrText?: string;
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

// how far from a rule's estimated place in an item's text a space may be to split there instead
const SPLIT_SPACE_REACH = 3;

/**
 * Relative advance widths of glyphs in the sans-serif faces documents use (Arial, Helvetica,
 * Liberation Sans): where in an item's text a given x falls, without its font's metrics.
 */
function advance(ch: string): number {
  if (/[0-9]/.test(ch)) return 0.556;
  if (/[.,:;'|!il ]/.test(ch)) return 0.278;
  if (/[()\-/]/.test(ch)) return 0.333;
  if (/[A-Z%]/.test(ch)) return 0.7;
  if (/[mw]/.test(ch)) return 0.8;
  return 0.53;
}

/** x where each character of an item starts, its advances scaled to the item's width. */
function charStarts(it: TextItem): number[] {
  const widths = [...it.str].map(advance);
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  const out: number[] = [];
  let x = it.x;
  for (const w of widths) {
    out.push(x);
    x += (w / total) * it.width;
  }
  out.push(it.x + it.width);
  return out;
}

/**
 * An item whose text crosses a rule (pdf.js joins the text of neighbouring cells printed close
 * together into one item) split at the rule: at the space nearest the rule's place in the text.
 * Text crossing a rule with no space near it is one cell's text overflowing it, and stays whole.
 */
function splitAtWalls(it: TextItem, walls: number[]): TextItem[] {
  const inside = walls.filter((x) => x > it.x + 1 && x < it.x + it.width - 1).sort((a, b) => a - b);
  if (inside.length === 0 || it.str.length < 2) return [it];
  const starts = charStarts(it);
  const out: TextItem[] = [];
  let [from, start] = [0, it.x];
  for (const x of inside) {
    const at = starts.findIndex((sx) => sx >= x);
    if (at < 0) continue;
    // only at a space: text running on past a rule without one is one cell's, overflowing it
    let k = -1;
    for (let d = 0; d <= SPLIT_SPACE_REACH && k < 0; d++) {
      if (it.str[at + d] === ' ') k = at + d;
      else if (it.str[at - d] === ' ') k = at - d;
    }
    if (k <= from || k >= it.str.length) continue;
    out.push({ ...it, str: it.str.slice(from, k), x: start, width: starts[k] - start });
    // the text after the rule is the next cell's: it starts past the rule, whatever the estimate
    [from, start] = [k, Math.max(starts[k], x + 0.5)];
  }
  out.push({ ...it, str: it.str.slice(from), x: start, width: Math.max(0, it.x + it.width - start) });
  return out.filter((p) => p.str.trim() !== '');
}

/** Items left to right; touching items join (with a space when there is a word gap), unless a rule stands between. */
function runsOf(items: TextItem[], walls: number[], s: Layout): Run[] {
  const out: Run[] = [];
  for (const it of items.flatMap((i) => splitAtWalls(i, walls)).sort((a, b) => a.x - b.x)) {
    const last = out[out.length - 1];
    const gap = last ? it.x - last.right : Infinity;
    // a rule between where the run starts and where the item starts: text overflowing its cell
    // (a figure wider than a narrow column) may reach past the rule, the next cell's text begins after it
    const walled = last && walls.some((x) => x > last.x + 0.5 && x < it.x + 0.5);
    // an item printed over the end of the run before it (a long name overflowing into the next,
    // borderless, column and the figure there) is another cell's text, not the same run's
    const collides = gap < -s.run_overlap_split * Math.max(it.size, last?.size ?? 0);
    if (last && !walled && !collides && gap < s.run_join_gap * Math.max(it.size, last.size)) {
      const space = gap > s.word_space_gap * it.size && !last.text.endsWith(' ') && !it.str.startsWith(' ');
      if (it.ocrText !== undefined || last.ocrText !== undefined) last.ocrText = `${last.ocrText ?? last.text}${space ? ' ' : ''}${it.ocrText ?? it.str}`;
      last.text += (space ? ' ' : '') + it.str;
      last.right = Math.max(last.right, it.x + it.width);
      last.size = Math.max(last.size, it.size);
      if (it.confidence !== undefined) last.confidence = Math.min(last.confidence ?? 100, it.confidence);
    } else {
      out.push({ text: it.str, x: it.x, right: it.x + it.width, size: it.size, confidence: it.confidence, ...(it.ocrText === undefined ? {} : { ocrText: it.ocrText }) });
    }
  }
  for (const r of out) r.text = r.text.replace(/\s+/g, ' ').trim();
  return out.filter((r) => r.text !== '');
}
