// Solid right triangles in a cell's corner: a spreadsheet's marks on cells (a number stored as
// text, a comment), printed black and scanned. Tesseract reads each as a glyph (`[4`, `Ld`, `|4`)
// and the mark joins the code or figure beside it (`[4 08`), so the cell no longer reads as one.
// The marks are painted out before recognition, as the rules are. At a scan's resolution a small
// bold glyph (`r`) is as solid a triangle as a mark: a mark is one only in a cell's corner, its
// right angle where a vertical and a horizontal rule meet.

import { boxOf, DARK, flood, isHorizontalRule, maskMarks, pasted, type Gray, type PixelRule } from './image.js';

// a mark's sides, in points: larger than a stop, smaller than a capital's height twice over
const MARK_MIN_SIDE_PT = 2;
const MARK_MAX_SIDE_PT = 8;
// its width over its height, both ways (a right isosceles triangle is 1; painting the rules out
// cuts more off one leg than the other)
const MARK_MAX_ASPECT = 2.2;
// the triangle's core (its half of the box, a margin in from each of its three sides) is solid ink…
const MARK_CORE_MARGIN = 0.12;
const MARK_MIN_CORE_FILL = 0.8;
// …and of the other half of the box at most this share is ink (anti-aliasing, JPEG, a skew, the
// cut the rules' painting makes)
const MARK_MAX_SPILL = 0.4;
// the right angle lies this close (points) to a vertical and to a horizontal rule: the rules are
// painted out a few pixels wider than they are
const MARK_MAX_RULE_GAP_PT = 2.5;
// marks of one corner on a page, at the least: a spreadsheet marks every cell of a column (the top
// of a `3` beside a cell's corner, cut by the rules' painting, is as solid a triangle now and then)
const MARK_MIN_PER_PAGE = 3;

// the right angle in each corner of the box, as (u, v) from 0 to 1
const CORNERS: [number, number][] = [[0, 0], [1, 0], [0, 1], [1, 1]];

/** Does a vertical and a horizontal rule pass within `gap` pixels of the point (x, y)? */
function atCellCorner(x: number, y: number, rules: PixelRule[], gap: number): boolean {
  const near = (r: PixelRule, vertical: boolean) => vertical
    ? Math.abs((r.x1 + r.x2) / 2 - x) <= gap && y >= Math.min(r.y1, r.y2) - gap && y <= Math.max(r.y1, r.y2) + gap
    : Math.abs((r.y1 + r.y2) / 2 - y) <= gap && x >= Math.min(r.x1, r.x2) - gap && x <= Math.max(r.x1, r.x2) + gap;
  return rules.some((r) => !isHorizontalRule(r) && near(r, true)) && rules.some((r) => isHorizontalRule(r) && near(r, false));
}

/**
 * Which corner of its box holds the right angle (0–3: top left, top right, bottom left, bottom
 * right) when this blob of pixels is a solid right triangle whose legs are its box's sides and
 * whose right angle lies at a cell's corner; -1 when it is not.
 */
export function cornerMarkOf(g: Gray, blob: number[], dpi: number, rules: PixelRule[]): number {
  const w0 = g.width;
  const [x0, y0, x1, y1] = boxOf(g, blob);
  const [w, h] = [x1 - x0 + 1, y1 - y0 + 1];
  const [lo, hi] = [(MARK_MIN_SIDE_PT * dpi) / 72, (MARK_MAX_SIDE_PT * dpi) / 72];
  if (w < lo || h < lo || w > hi || h > hi || Math.max(w / h, h / w) > MARK_MAX_ASPECT) return -1;
  const ink = new Set(blob);
  const uv = (x: number, y: number): [number, number] => [(x - x0 + 0.5) / w, (y - y0 + 0.5) / h];
  const gap = (MARK_MAX_RULE_GAP_PT * dpi) / 72;
  return CORNERS.findIndex(([au, av]) => {
    if (!atCellCorner(au ? x1 : x0, av ? y1 : y0, rules, gap)) return false;
    // how far from the right angle, in box sides: the triangle is what lies within 1
    const reach = (u: number, v: number) => Math.abs(u - au) + Math.abs(v - av);
    const spill = blob.filter((p) => reach(...uv(p % w0, (p - (p % w0)) / w0)) > 1).length;
    if (spill > (MARK_MAX_SPILL * w * h) / 2) return false;
    let [core, solid] = [0, 0];
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const [u, v] = uv(x, y);
        const inCore = reach(u, v) <= 1 - 2 * MARK_CORE_MARGIN && Math.abs(u - au) >= MARK_CORE_MARGIN && Math.abs(v - av) >= MARK_CORE_MARGIN;
        if (!inCore) continue;
        core++;
        if (ink.has(y * w0 + x)) solid++;
      }
    }
    return core > 0 && solid >= MARK_MIN_CORE_FILL * core;
  });
}

/** Where a vertical and a horizontal rule cross (or meet, within `gap` pixels). */
function crossings(rules: PixelRule[], gap: number): [number, number][] {
  const vertical = rules.filter((r) => !isHorizontalRule(r));
  const horizontal = rules.filter(isHorizontalRule);
  const out: [number, number][] = [];
  for (const v of vertical) {
    const x = (v.x1 + v.x2) / 2;
    for (const h of horizontal) {
      const y = (h.y1 + h.y2) / 2;
      if (x >= Math.min(h.x1, h.x2) - gap && x <= Math.max(h.x1, h.x2) + gap && y >= Math.min(v.y1, v.y2) - gap && y <= Math.max(v.y1, v.y2) + gap) out.push([x, y]);
    }
  }
  return out;
}

/**
 * A copy with the corner marks painted white, and how many pixels they held. Only the pixels
 * around the rules' crossings are looked at (a mark lies there), read from the canvas window by
 * window rather than the whole page.
 */
export function withoutCornerMarks(src: Gray, dpi: number, rules: PixelRule[]): { gray: Gray; marks: number } {
  const gap = (MARK_MAX_RULE_GAP_PT * dpi) / 72;
  const reach = Math.ceil(gap + (MARK_MAX_SIDE_PT * dpi) / 72) + 2;
  // a triangle fills half its box: a blob larger than the largest mark's half box is none
  const maxArea = Math.ceil((((MARK_MAX_SIDE_PT * dpi) / 72) ** 2 / 2) * (1 + MARK_MAX_SPILL));
  const found: [number, number][][][] = CORNERS.map(() => []);
  const taken = new Set<number>();
  for (const [cx, cy] of crossings(rules, gap)) {
    const [wx, wy] = [Math.max(0, Math.round(cx) - reach), Math.max(0, Math.round(cy) - reach)];
    const [ww, wh] = [Math.min(src.width, Math.round(cx) + reach) - wx, Math.min(src.height, Math.round(cy) + reach) - wy];
    if (ww <= 0 || wh <= 0) continue;
    const g = pasted(src, ww, wh, [{ sx: wx, sy: wy, w: ww, h: wh, dx: 0, dy: 0 }]);
    const px = g.px;
    const local = rules.map((r) => ({ x1: r.x1 - wx, y1: r.y1 - wy, x2: r.x2 - wx, y2: r.y2 - wy }));
    const seen = maskMarks(new Uint8Array(ww * wh));
    const dark = (q: number) => px[q] < DARK;
    for (let start = 0; start < px.length; start++) {
      if (seen.has(start) || !dark(start)) continue;
      const blob = flood(g, start, dark, seen, maxArea);
      // a blob cut by the window's edge is larger than a mark
      if (!blob || blob.some((q) => q % ww === 0 || q % ww === ww - 1 || q < ww || q >= ww * (wh - 1))) continue;
      const corner = cornerMarkOf(g, blob, dpi, local);
      const first = (wy + Math.floor(start / ww)) * src.width + wx + (start % ww);
      if (corner < 0 || taken.has(first)) continue;
      taken.add(first);
      found[corner].push(blob.map((q): [number, number] => [wx + (q % ww), wy + Math.floor(q / ww)]));
    }
  }
  // a sheet marks a column of cells, not one: a lone triangle is a glyph the rules' painting cut
  const white = found.filter((marks) => marks.length >= MARK_MIN_PER_PAGE).flat(2);
  if (white.length === 0) return { gray: src, marks: 0 };
  // the mark and a pixel's ring around it: its anti-aliased edge would read as a stroke
  const px = src.px.slice();
  for (const [x, y] of white) {
    for (let yy = Math.max(0, y - 1); yy <= Math.min(src.height - 1, y + 1); yy++) px.fill(255, yy * src.width + Math.max(0, x - 1), yy * src.width + Math.min(src.width, x + 2));
  }
  return { gray: { width: src.width, height: src.height, px }, marks: white.length };
}
