/**
 * Hash routing: `#/overview`, `#/person/PS1001`. The hash never reaches a server, so the
 * built app works opened from file:// and from any sub-path of an intranet share.
 */
import type { PageId } from './app.svelte';

/** `parseHash('#/person/PS%201001')` → `{ page: 'person', param: 'PS 1001' }`; an empty hash → overview. The shell maps unknown pages to the overview. */
export function parseHash(hash: string): { page: PageId; param: string | null } {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const page = parts[0] || 'overview';
  let param: string | null = null;
  if (parts.length > 1 && parts[1] !== '') {
    try {
      param = decodeURIComponent(parts.slice(1).join('/'));
    } catch {
      // A hand-typed malformed escape should not break navigation.
      param = parts.slice(1).join('/');
    }
  }
  return { page, param };
}

/** `hashFor('person', 'PS1001')` → `'#/person/PS1001'`. */
export function hashFor(page: PageId, param?: string | null): string {
  return param ? `#/${page}/${encodeURIComponent(param)}` : `#/${page}`;
}

class Router {
  page = $state<PageId>('overview');
  param = $state<string | null>(null);

  constructor() {
    if (typeof window === 'undefined') return;
    this.#sync();
    // Back/forward buttons and links with href="#/..." both arrive here.
    window.addEventListener('hashchange', () => this.#sync());
  }

  #sync() {
    const r = parseHash(window.location.hash);
    this.page = r.page;
    this.param = r.param;
  }

  /** `router.go('person', 'PS1001')` — updates state at once and records a history entry. */
  go(page: PageId, param?: string): void {
    this.page = page;
    this.param = param ?? null;
    if (typeof window === 'undefined') return;
    const h = hashFor(page, param);
    if (window.location.hash !== h) window.location.hash = h;
  }
}

/** The single app router. */
export const router = new Router();
