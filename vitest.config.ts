import { defineConfig } from 'vitest/config';

/**
 * Tiers, each its own folder and project: `npx vitest run` runs them all, `--project unit` (or the
 * folder, `npx vitest run test/unit`) one of them. Unit and service need no network at all; the
 * tiers that talk to a real Redis get it started by the global setup.
 */
const needsRedis = { globalSetup: ['test/globalSetup.ts'] };

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'service', include: ['test/service/**/*.test.ts'] } },
      { extends: true, test: { name: 'support', include: ['test/support-tests/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], ...needsRedis } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], ...needsRedis } },
      // The demo page in Debian's Chromium (see test/browser/chromium.ts); no Redis, no network.
      {
        extends: true,
        test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
