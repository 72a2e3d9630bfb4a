import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ out: 'build' }),
    // The API does its own CSRF checks (Origin on cookie-authenticated writes) and
    // accepts non-form bodies; Kit's check would only cover form content types.
    csrf: { trustedOrigins: [] },
  },
};

export default config;
