// `extract`'s AbortSignal stops a long read where it is: between the pages of a PDF's text layer,
// and before a scan's pages are read by OCR — not after the whole document has been read.
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { extract } from '../../src/index.ts';
import { closeOcr, OcrEngine } from '../../src/ocr/engine.ts';
import { SAMPLES, SHARED, requireShared } from '../helpers/paths.ts';

afterAll(() => closeOcr());

/** A signal that reads as aborted from its `at`-th check on, counting the checks made. */
function abortingAt(at: number, reason: Error): { signal: AbortSignal; checks: () => number } {
  let checks = 0;
  const signal = {
    get aborted() { return checks >= at; },
    reason,
    throwIfAborted() { if (++checks >= at) throw reason; },
  } as unknown as AbortSignal;
  return { signal, checks: () => checks };
}

describe('aborting an extraction', () => {
  it('stops a 90-page PDF between its pages: rejected with the reason at the check that saw it, no page read after', async () => {
    requireShared();
    const reason = new Error('stopped by the caller');
    const { signal, checks } = abortingAt(5, reason);
    // the page count is told once every page's text is read: were the signal checked only between
    // stages, all 90 pages would be read (and the count told) before a check failed
    const told: number[] = [];
    await expect(extract(join(SHARED, 'real', 'renstra-dpupr-kab-grobogan-2021-2026.pdf'), { signal, onProgress: (p) => told.push(p.pages) })).rejects.toBe(reason);
    expect(checks()).toBe(5);
    expect(told).toEqual([]);
  });

  it('stops a scan once its page count is known, before any page is read by OCR', async () => {
    const controller = new AbortController();
    const reason = new Error('stopped after the page count');
    const recognize = vi.spyOn(OcrEngine.prototype, 'recognize');
    const progress: { pages: number; ocrPages: number }[] = [];
    const read = extract(join(SAMPLES, 'scans', '000-scan-p18-35.pdf'), {
      signal: controller.signal,
      onProgress: (p) => { progress.push(p); controller.abort(reason); },
    });
    await expect(read).rejects.toBe(reason);
    expect(progress).toEqual([{ pages: 2, ocrPages: 2 }]);
    expect(recognize).not.toHaveBeenCalled();
    recognize.mockRestore();
  });
});
