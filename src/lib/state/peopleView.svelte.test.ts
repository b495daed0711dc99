import { afterEach, describe, expect, it, vi } from 'vitest';
import { PeopleView, SEARCH_PAUSE_MS } from './peopleView.svelte';

describe('PeopleView', () => {
  it('starts with the highest total first and no search', () => {
    const v = new PeopleView();
    expect([v.search, v.sortKey, v.sortDir]).toEqual(['', 'total', 'desc']);
  });

  it('flips the direction on the same column, and starts a text column A→Z, a figure highest first', () => {
    const v = new PeopleView();
    v.sortBy('total');
    expect(v.sortDir).toBe('asc');
    v.sortBy('name');
    expect([v.sortKey, v.sortDir]).toEqual(['name', 'asc']);
    v.sortBy('name');
    expect(v.sortDir).toBe('desc');
    v.sortBy('coverage');
    expect([v.sortKey, v.sortDir]).toEqual(['coverage', 'desc']);
  });

  afterEach(() => { vi.useRealTimers(); });

  it('keeps the search text; the list follows once typing paused, or at once on Enter', () => {
    vi.useFakeTimers();
    const v = new PeopleView();
    v.setSearch('P');
    vi.advanceTimersByTime(SEARCH_PAUSE_MS - 50);
    v.setSearch('PS10');
    // Each key starts the pause again: nothing filtered while keys keep coming.
    vi.advanceTimersByTime(SEARCH_PAUSE_MS - 50);
    expect([v.text, v.search]).toEqual(['PS10', '']);
    vi.advanceTimersByTime(50);
    expect(v.search).toBe('PS10');
    v.setSearch('PS1');
    v.applySearch();
    expect(v.search).toBe('PS1');
    vi.advanceTimersByTime(SEARCH_PAUSE_MS);
    expect(v.search).toBe('PS1');
  });
});
