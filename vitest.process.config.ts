import { defineConfig } from 'vitest/config';

/**
 * Tests of the built app as whole processes (`npm run build && npm run test:process`): kill -9
 * during first start and during writes, several instances on one PostGIS. Each test starts and
 * stops its own servers; files run one after another (each first start takes 15 to 40 s).
 */
export default defineConfig({
  test: {
    include: ['tests/process/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
