import { defineConfig } from 'vitest/config';

// The time limits are hang guards, not speed checks: a test that extracts PDFs may take several
// times longer on a machine busy with other work, and must still pass there.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
