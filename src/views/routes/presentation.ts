/**
 * The pages presentation mode keeps in the header (演示模式): what a room needs to see while the
 * scheme is tuned. The others stay reachable by their links; only the navigation is reduced.
 */
import { routeOf } from './index';
import type { Route } from './route';

/** Page ids, in menu order. */
export const PRESENTATION_PAGES = ['weights', 'overview', 'compare', 'sensitivity'] as const;

/** `PRESENTATION_ROUTES.map((r) => r.page)` → PRESENTATION_PAGES. */
export const PRESENTATION_ROUTES: Route[] = PRESENTATION_PAGES.map((p) => routeOf(p));
