import { defineConfig } from 'vitest/config';

/**
 * API tests against the built, running server (`npm run build && npm run test:served`): what
 * SvelteKit and adapter-node do around the Hono app (body limits, paths, headers, error pages)
 * is invisible to `app.request()`. One server for the run, started by the global setup.
 */
export default defineConfig({
  test: {
    include: ['tests/served/**/*.test.ts'],
    globalSetup: ['tests/served/setup/server.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
