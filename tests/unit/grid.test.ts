// The table grid: columns from where cells are printed, pages with other margins lined up,
// merged cells and spilled text kept from joining columns, two cells of one line never one column.
import { describe, expect, it } from 'vitest';
import type { Cell, LayoutLine } from '../../src/model.js';
import { columnRanges, coveredRanges, onGrid, tableGrid, withoutSpanning } from '../../src/tables/grid.js';

const NO = { bold: false, italic: false, underline: false };
let lineNo = 0;
/** A line of cells given as [x0, x1, text] on a page. */
function line(page: number, ...cells: [number, number, string][]): LayoutLine {
  const cs: Cell[] = cells.map(([x0, x1, text], index) => ({ index, text, raw: text, markup: NO, box: { page, x0, x1, top: 100, bottom: 110 } }));
  return { line: ++lineNo, page, text: cs.map((c) => c.text).join('\t'), cells: cs, blank: false, separator: false };
}
const round = (spans: { x0: number; x1: number }[]) => spans.map((s) => [Math.round(s.x0), Math.round(s.x1)]);

describe('column ranges', () => {
  it('two bordered cells that touch are two columns', () => {
    expect(round(coveredRanges([{ x0: 0, x1: 50 }, { x0: 50, x1: 90 }], 0))).toEqual([[0, 50], [50, 90]]);
  });
  it('a cell spilling over the gap on one line of many does not join two columns', () => {
    const boxes = [...Array.from({ length: 30 }, () => [{ x0: 0, x1: 40 }, { x0: 60, x1: 90 }]).flat(), { x0: 0, x1: 70 }];
    expect(columnRanges(boxes, 1, 2)).toHaveLength(2);
  });
  it('a column with a single cell is still a column', () => {
    const boxes = [...Array.from({ length: 30 }, () => ({ x0: 0, x1: 40 })), { x0: 60, x1: 70 }];
    expect(round(columnRanges(boxes, 1, 2))).toEqual([[0, 40], [60, 70]]);
  });
  it('a merged cell over two columns defines none', () => {
    const spans = [{ x0: 0, x1: 40 }, { x0: 50, x1: 90 }, { x0: 0, x1: 90 }];
    expect(round(withoutSpanning(spans, 2))).toEqual([[0, 40], [50, 90]]);
  });
});

describe('table grid', () => {
  it('numbers the columns of a page printed 21 points to the right as the first page does', () => {
    const body = [
      line(1, [10, 30, '1'], [40, 120, 'Program A'], [130, 180, '1.000.000']),
      line(1, [10, 30, '2'], [40, 120, 'Program B'], [130, 180, '2.000.000']),
      line(2, [31, 51, '3'], [61, 141, 'Program C'], [151, 201, '3.000.000']),
      line(2, [31, 51, '4'], [61, 141, 'Program D'], [151, 201, '4.000.000']),
    ];
    const grid = tableGrid([], body)!;
    expect(grid.columns).toHaveLength(3);
    expect(grid.pages.get(2)!.index).toEqual([0, 1, 2]);
  });

  it('a page that prints a column the header page leaves empty adds it, in its place', () => {
    const body = [
      line(1, [10, 30, '1'], [40, 120, 'Program A'], [200, 250, '1.000.000']),
      line(1, [10, 30, '2'], [40, 120, 'Program B'], [200, 250, '2.000.000']),
      line(2, [10, 30, '3'], [40, 120, 'Program C'], [130, 180, '50 %'], [200, 250, '3.000.000']),
    ];
    const grid = tableGrid([], body)!;
    expect(grid.columns).toHaveLength(4);
    const onPage1 = onGrid(body[0], grid.pages.get(1)!, grid.columns.length);
    expect(onPage1.cells.map((c) => c.text)).toEqual(['1', 'Program A', '', '1.000.000']);
  });

  it('splits a column where many lines print two cells in it', () => {
    // two figure columns whose figures run into each other on most lines
    const body = Array.from({ length: 6 }, (_, i) => line(1, [10, 100, `Kegiatan ${i}`], [110, 161, '123.456.789'], [160, 210, '98.765.432']));
    const grid = tableGrid([], body)!;
    expect(grid.columns).toHaveLength(3);
  });

  it('header cells over columns the body leaves empty are columns, the lowest header line first', () => {
    const header = [line(1, [130, 230, 'Triwulan III']), line(1, [130, 175, 'K'], [180, 230, 'Rp'])];
    const body = [line(1, [10, 120, 'Program A'], [240, 290, 'DINKES']), line(1, [10, 120, 'Program B'], [240, 290, 'DINKES'])];
    const grid = tableGrid(header, body)!;
    expect(grid.columns).toHaveLength(4);
  });
});
