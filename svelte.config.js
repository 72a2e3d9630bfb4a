import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    // precompress: .br and .gz beside every text file of build/client (JS, CSS, SVG), which
    // adapter-node's file server sends when the browser accepts them; files under
    // /_app/immutable are content-hashed and it serves them with a year's immutable caching.
    adapter: adapter({ out: 'build', precompress: true }),
    // The API does its own CSRF checks (Origin on every write, JSON or CSV bodies only), answers
    // 403 JSON and audits the refusal; Kit's check would answer cross-site form posts under /api
    // with plain text before the API sees them. Pages take no form posts (no actions).
    csrf: { trustedOrigins: ['*'] },
    // Nothing loads from another origin: tiles, glyphs and data all come from this app.
    // maplibre runs its workers from blob: URLs; inline styles are set by maplibre and Svelte.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self', 'data:'],
        'connect-src': ['self'],
        'worker-src': ['self', 'blob:'],
        'child-src': ['self', 'blob:'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
