import { describe, expect, it } from 'vitest';
import { PRESENTATION_PAGES, PRESENTATION_ROUTES } from './presentation';

describe('presentation navigation', () => {
  it('names pages that exist (an unknown id would fall back to the overview), Weights first, Compare among them', () => {
    expect(PRESENTATION_ROUTES.map((r) => r.page)).toEqual([...PRESENTATION_PAGES]);
    expect(PRESENTATION_PAGES[0]).toBe('weights');
    expect(PRESENTATION_PAGES).toContain('compare');
    for (const r of PRESENTATION_ROUTES) expect(r.nav).toBe(true);
  });
});
