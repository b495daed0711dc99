import { describe, expect, it } from 'vitest';
import { ROUTES, SECTIONS, routeOf, sectionOf } from './index';
import { routeIds } from '../../../test/e2e/routeIds';

describe('route registry', () => {
  it('maps an unknown page to the overview and the person page to People', () => {
    expect(routeOf('nonsense').page).toBe('overview');
    expect(sectionOf('person').id).toBe('people');
    expect(sectionOf('compare').id).toBe('workshop');
    expect(sectionOf('meetings').id).toBe('results');
  });

  it('has unique page ids, every label in both languages, and a navigable first page per section', () => {
    const ids = ROUTES.map((r) => r.page);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ROUTES) expect(r.label.zh && r.label.en).toBeTruthy();
    for (const s of SECTIONS) expect(s.routes[0].nav).toBe(true);
  });

  it('is what the accessibility e2e reads from these files (test/e2e/routeIds.ts), page for page', () => {
    const byPage = (a: { page: string }, b: { page: string }) => a.page.localeCompare(b.page);
    expect(routeIds().sort(byPage)).toEqual(ROUTES.map((r) => ({ page: r.page, nav: r.nav })).sort(byPage));
  });
});
