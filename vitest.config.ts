import { defineConfig } from 'vitest/config';

// Four suites: pure logic (unit), the backend over real HTTP (backend), the renderer in
// Debian's Chromium (renderer), and Electron itself where its binary exists (electron).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['desktop/test/unit/**/*.test.ts', 'backend/test/unit/**/*.test.ts'],
          environment: 'node',
          // Under a full `npm test` every suite shares the CPU; property tests and schema checks need headroom.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'backend',
          include: ['backend/test/**/*.test.ts'],
          exclude: ['backend/test/unit/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['desktop/test/renderer/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['desktop/test/harness/build-once.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A first page load while the other projects run in parallel can take over a second;
          // polls wait for a state to appear (they assert what appears, never how fast).
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: 'electron',
          include: ['desktop/test/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
    ],
  },
});
