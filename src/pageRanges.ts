// The one place page selections are read: `1-3,7` (as Camelot, pdfplumber and tabula take them)
// → [1, 2, 3, 7]. Pages are 1-based; a range is inclusive; order and repeats are normalised.

export class PageRangeError extends Error {}

export function parsePageRanges(spec: string): number[] {
  const pages = new Set<number>();
  for (const part of spec.split(',').map((p) => p.trim())) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) throw new PageRangeError(`pages '${spec}': '${part}' is not a page or a range like 1-3`);
    const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])];
    if (from < 1 || to < from) throw new PageRangeError(`pages '${spec}': '${part}' is not a range of pages from 1 upward`);
    for (let p = from; p <= to; p++) pages.add(p);
  }
  return [...pages].sort((a, b) => a - b);
}
