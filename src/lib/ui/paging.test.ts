import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, pageOf, pageOfIndex, pageRange } from './paging';

describe('pageRange', () => {
  it.each([
    // total, page, size → page, pages, start, end
    [0, 0, 100, 0, 1, 0, 0],
    [1, 0, 100, 0, 1, 0, 1],
    [100, 0, 100, 0, 1, 0, 100],
    [101, 1, 100, 1, 2, 100, 101],
    [250, 2, 100, 2, 3, 200, 250],
    [10_000, 57, 100, 57, 100, 5700, 5800],
    [250, 9, 100, 2, 3, 200, 250], // past the end: the last page
    [250, -3, 100, 0, 3, 0, 100], // before the start: the first page
    [250, Number.NaN, 100, 0, 3, 0, 100],
    [250, 1.7, 100, 1, 3, 100, 200],
    [7, 3, 2, 3, 4, 6, 7],
  ])('%i rows, page %d of %i → page %i of %i, rows %i…%i', (total, page, size, p, pages, start, end) => {
    expect(pageRange(total, page, size)).toEqual({ page: p, pages, start, end });
  });

  it('refuses a page size that is not a whole number ≥ 1, naming it', () => {
    expect(() => pageRange(10, 0, 0)).toThrow(/got 0/);
    expect(() => pageRange(10, 0, 2.5)).toThrow(/got 2.5/);
    expect(() => pageRange(10, 0, Number.NaN)).toThrow(/got NaN/);
  });

  it('defaults to DEFAULT_PAGE_SIZE rows a page', () => {
    expect(pageRange(10_000, 0).end).toBe(DEFAULT_PAGE_SIZE);
  });
});

describe('pageOf', () => {
  const rows = Array.from({ length: 250 }, (_, i) => i);

  it('returns the rows of the page and leaves the input alone', () => {
    expect(pageOf(rows, 1, 100)).toEqual(rows.slice(100, 200));
    expect(pageOf(rows, 5, 100)).toEqual(rows.slice(200));
    expect(rows).toHaveLength(250);
  });

  it('holds at most one page of 10,000 rows', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => i);
    expect(pageOf(many, 0)).toHaveLength(DEFAULT_PAGE_SIZE);
    expect(pageOf(many, 99).at(-1)).toBe(9_999);
  });

  it('is empty for no rows', () => {
    expect(pageOf([], 3)).toEqual([]);
  });
});

describe('pageOfIndex', () => {
  it.each([[0, 0], [99, 0], [100, 1], [250, 2], [-1, -1]])('row %i is on page %i', (index, page) => {
    expect(pageOfIndex(index, 100)).toBe(page);
  });
});
