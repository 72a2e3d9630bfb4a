import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  server: { fs: { allow: ['geodata'] } },
  ssr: {
    // PGlite loads its WASM and data files relative to its own module: keep it external.
    external: ['@electric-sql/pglite', '@electric-sql/pglite-postgis'],
  },
  optimizeDeps: { exclude: ['@electric-sql/pglite', '@electric-sql/pglite-postgis'] },
  test: {
    include: ['tests/{unit,api,db}/**/*.test.ts'],
    globalSetup: ['tests/setup/global-db.ts'],
    // One embedded PostGIS serves the whole run over one socket: files run one after another,
    // each in its own schema (tests/setup/test-db.ts).
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
