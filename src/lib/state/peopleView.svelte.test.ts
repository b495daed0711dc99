import { describe, expect, it } from 'vitest';
import { PeopleView } from './peopleView.svelte';

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

  it('keeps the search text', () => {
    const v = new PeopleView();
    v.setSearch('PS10');
    expect(v.search).toBe('PS10');
  });
});
