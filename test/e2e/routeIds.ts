/**
 * The app's page ids as the routes module declares them (src/views/routes/*.ts), read from the
 * source so the accessibility run covers every page, including ones added later, without
 * loading Svelte components into Node. routes.svelte.test.ts checks this reading against ROUTES.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// From the URL string: under jsdom the global URL is jsdom's, which fileURLToPath refuses.
const ROUTES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../src/views/routes');

/** `{ page, nav }` of every route object literal, in file order. */
export function routeIds(dir = ROUTES_DIR): { page: string; nav: boolean }[] {
  const out: { page: string; nav: boolean }[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.includes('.test.')).sort()) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/\{\s*page:\s*'([^']+)'[^{}]*?\bnav:\s*(true|false)[^{}]*\}/g)) out.push({ page: m[1], nav: m[2] === 'true' });
  }
  return out;
}
