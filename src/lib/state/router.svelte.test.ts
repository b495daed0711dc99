import { describe, expect, it } from 'vitest';
import { hashFor, parseHash, router } from './router.svelte';

describe('parseHash / hashFor', () => {
  it.each([
    ['', 'overview', null],
    ['#', 'overview', null],
    ['#/weights', 'weights', null],
    ['#/person/PS1001', 'person', 'PS1001'],
    ['#/person/PS%201001', 'person', 'PS 1001'],
    ['#/person/%E5%BC%A0%2F1', 'person', '张/1'],
    ['#/person/%E0%A4%A', 'person', '%E0%A4%A'],
    ['#/nonsense', 'nonsense', null],
    ['#/data/', 'data', null],
  ] as const)('%j → %s %j', (hash, page, param) => {
    expect(parseHash(hash)).toEqual({ page, param });
  });

  it('round-trips ids with characters a URL would mangle', () => {
    for (const id of ['PS1001', 'A/B', '张 三', '#?&%']) {
      expect(parseHash(hashFor('person', id))).toEqual({ page: 'person', param: id });
    }
    expect(hashFor('export')).toBe('#/export');
  });
});

describe('router', () => {
  it('go() updates state and the hash; back/forward (hashchange) updates state', async () => {
    router.go('person', 'PS 1');
    expect(router.page).toBe('person');
    expect(router.param).toBe('PS 1');
    expect(window.location.hash).toBe('#/person/PS%201');

    window.location.hash = '#/data';
    await new Promise<void>((resolve) => window.addEventListener('hashchange', () => resolve(), { once: true }));
    expect(router.page).toBe('data');
    expect(router.param).toBeNull();
  });
});
