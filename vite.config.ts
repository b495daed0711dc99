import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

// One self-contained dist/index.html (scripts, styles and workers inlined): it works
// served from any sub-path of an intranet share and opened straight from disk (file://).
// base './' keeps any remaining asset URL relative.
// The built app may connect nowhere: HR data never leaves the PC. Injected at build time only,
// so the dev server's hot-reload socket still works during development.
const CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' blob:; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'none'; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";
const contentSecurityPolicy = {
  name: 'kpi-content-security-policy',
  apply: 'build' as const,
  transformIndexHtml: (html: string) =>
    html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
};

// The favicon (public/favicon.svg, which the build also copies) goes into the single file as a
// data: URL: opened from disk or a share, the page then requests nothing beside itself.
const inlineFavicon = {
  name: 'kpi-inline-favicon',
  apply: 'build' as const,
  transformIndexHtml: {
    order: 'pre' as const,
    handler: (html: string) => {
      const svg = readFileSync(new URL('./public/favicon.svg', import.meta.url), 'utf8').trim();
      if (!html.includes('href="/favicon.svg"')) throw new Error('index.html: no <link rel="icon" href="/favicon.svg"> to inline');
      return html.replace('href="/favicon.svg"', `href="data:image/svg+xml,${encodeURIComponent(svg)}"`);
    },
  },
};

// Metric matrices cached in IndexedDB are valid only for the engine that derived them
// (src/lib/state/derivedCache.ts): the hash of the engine's sources is built in.
const engineDir = new URL('./src/lib/engine/', import.meta.url);
const engineHash = createHash('sha256');
for (const f of readdirSync(engineDir, { withFileTypes: true }).filter((f) => f.isFile() && !f.name.includes('.test.')).map((f) => f.name).sort()) {
  engineHash.update(f).update(readFileSync(new URL(f, engineDir)));
}

export default defineConfig({
  base: './',
  define: { __ENGINE_HASH__: JSON.stringify(engineHash.digest('hex').slice(0, 16)) },
  plugins: [svelte(), viteSingleFile(), contentSecurityPolicy, inlineFavicon],
  // Classic (iife) workers: Chromium will not start a module worker from a blob: URL when the
  // page is opened from disk (file://), and the single-file build inlines its workers as blobs.
  worker: { format: 'iife' },
  build: { target: 'es2022', sourcemap: false },
  test: {
    expect: { requireAssertions: true },
    // Time limits catch a hang, never slowness: CI runs at a load average of 8, where a test that
    // imports the demo data set into fake IndexedDB takes several seconds. Speed lives in benchmarks.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // Generous limits: the suite runs on machines at load 8 and more; no test measures speed.
          testTimeout: 60_000,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['src/**/*.svelte.test.ts', 'test/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        resolve: { conditions: ['browser'] },
        test: {
          name: 'dom',
          environment: 'jsdom',
          testTimeout: 60_000,
          include: ['src/**/*.svelte.test.ts'],
          setupFiles: ['test/setup-dom.ts'],
        },
      },
    ],
  },
});
