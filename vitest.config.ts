import { defineConfig } from 'vitest/config';

// The time limits are hang guards, not speed checks: a test that extracts PDFs may take several
// times longer on a machine busy with other work, and must still pass there.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/globalSetup.ts'],
    // two test files at a time: most files wait on child processes, Chromium or one OCR worker
    // and leave a core idle; run one after another the suite came near its 8-minute budget
    maxWorkers: 2,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
