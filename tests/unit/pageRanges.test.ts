import { describe, expect, it } from 'vitest';
import { PageRangeError, parsePageRanges } from '../../src/pageRanges.ts';

describe('page ranges', () => {
  it.each([
    ['7', [7]],
    ['1-3,7', [1, 2, 3, 7]],
    [' 5 - 6 , 2 ', [2, 5, 6]],
    ['3,1-3', [1, 2, 3]],
  ])('%s → %j', (spec, want) => expect(parsePageRanges(spec)).toEqual(want));

  it.each(['', '0', '3-1', 'a', '1-', '1,,2', '2.5'])('%j is refused with the part it cannot read', (spec) => {
    expect(() => parsePageRanges(spec)).toThrow(PageRangeError);
  });
});
